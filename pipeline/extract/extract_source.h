// The extract stage's front door: one input file's bytes in, its text parts with provenance out.
#ifndef FOICODE_PIPELINE_EXTRACT_EXTRACT_SOURCE_H_
#define FOICODE_PIPELINE_EXTRACT_EXTRACT_SOURCE_H_

#include <functional>
#include <string>
#include <string_view>

#include "core/extracted_source.h"
#include "extract/limits.h"

namespace foicode::extract {

// Reads `bytes` (the whole file named `path`) and every container inside it, within `limits`.
// Never throws and never fails as a call: an empty, corrupt, encrypted, oversized or
// unsupported input comes back with `error` set and whatever parts could be read.
// `path` is only recorded; nothing is read from or written to disk. Safe for concurrent use.
ExtractedSource ExtractSource(std::string_view path, std::string_view bytes, const Limits& limits);

// Told where reading has got to: "the start of the file", "'attachment.pdf'", "page 14 of
// 'attachment.pdf'". Called on the reading thread.
using ProgressFunction = std::function<void(const std::string&)>;

// As above, telling `progress` (may be empty) where reading has got to.
ExtractedSource ExtractSource(std::string_view path, std::string_view bytes, const Limits& limits,
                              const ProgressFunction& progress);

// The record for an input that could not be read at all (missing, unreadable, too large).
ExtractedSource UnreadableSource(std::string_view path, std::string_view sha256,
                                 std::string_view error);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_EXTRACT_SOURCE_H_
