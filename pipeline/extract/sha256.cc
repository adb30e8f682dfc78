#include "extract/sha256.h"

#include <glib.h>

#include <memory>

namespace foicode::extract {

std::string Sha256Hex(std::string_view bytes) {
  // GLib comes with GMime; its checksum saves a second crypto dependency.
  std::unique_ptr<GChecksum, decltype(&g_checksum_free)> sum(g_checksum_new(G_CHECKSUM_SHA256),
                                                             &g_checksum_free);
  // g_checksum_update takes a signed length: feed large inputs in pieces.
  constexpr std::size_t kChunk = 1 << 30;
  for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
    const std::size_t n = std::min(kChunk, bytes.size() - at);
    g_checksum_update(sum.get(), reinterpret_cast<const guchar*>(bytes.data() + at),
                      static_cast<gssize>(n));
  }
  return g_checksum_get_string(sum.get());
}

}  // namespace foicode::extract
