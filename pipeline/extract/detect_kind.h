// Tells what form an input or attachment is in, from its bytes first (libmagic), then from
// the declared MIME type and the name's extension: replies are often mislabelled.
#ifndef FOICODE_PIPELINE_EXTRACT_DETECT_KIND_H_
#define FOICODE_PIPELINE_EXTRACT_DETECT_KIND_H_

#include <string>
#include <string_view>

#include "core/extracted_source.h"

namespace foicode::extract {

struct DetectedKind {
  Kind kind = Kind::kUnknown;
  std::string description;  // what libmagic calls the content ("PNG image data, 120 x 40, ...")
  Kind by_extension = Kind::kUnknown;  // what the name's extension claims, for a mismatch flag
};

// `name` is a file name or label (only its extension is used); `declared_mime` may be empty.
// Safe for concurrent use.
DetectedKind DetectKind(std::string_view name, std::string_view bytes,
                        std::string_view declared_mime);

// What the name's extension claims alone (no bytes looked at); kUnknown when it claims nothing.
Kind KindFromExtension(std::string_view name);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_DETECT_KIND_H_
