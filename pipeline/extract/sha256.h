// SHA-256 of an input's bytes, the key that ties records and caches to content.
#ifndef FOICODE_PIPELINE_EXTRACT_SHA256_H_
#define FOICODE_PIPELINE_EXTRACT_SHA256_H_

#include <string>
#include <string_view>

namespace foicode::extract {

// Lower-case hex digest (64 characters).
std::string Sha256Hex(std::string_view bytes);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_SHA256_H_
