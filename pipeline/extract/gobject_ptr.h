// Ownership of GLib objects (GMime, libgsf) in std::unique_ptr.
#ifndef FOICODE_PIPELINE_EXTRACT_GOBJECT_PTR_H_
#define FOICODE_PIPELINE_EXTRACT_GOBJECT_PTR_H_

#include <glib-object.h>

#include <memory>

namespace foicode::extract {

// Drops one reference; null is ignored.
struct GObjectUnref {
  void operator()(void* object) const {
    if (object != nullptr) g_object_unref(object);
  }
};

// Owns one reference to a GObject: wrap what a *_new() or construct call returned, never
// what a getter returned (getters lend their result).
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_GOBJECT_PTR_H_
