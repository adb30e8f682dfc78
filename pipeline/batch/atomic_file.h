// Writes a file so that a reader sees the old content or the new, never a half-written one.
#ifndef FOICODE_PIPELINE_BATCH_ATOMIC_FILE_H_
#define FOICODE_PIPELINE_BATCH_ATOMIC_FILE_H_

#include <filesystem>
#include <string_view>

#include "core/status.h"

namespace foicode::batch {

// Writes `contents` to a temporary file beside `path`, flushes it to disk, and renames it
// over `path`. On any failure `path` is untouched and the temporary file is removed.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents);

}  // namespace foicode::batch

#endif  // FOICODE_PIPELINE_BATCH_ATOMIC_FILE_H_
