// Writes a file so that a reader sees the old content or the new, never a half-written one.
#ifndef FOICODE_PIPELINE_BATCH_ATOMIC_FILE_H_
#define FOICODE_PIPELINE_BATCH_ATOMIC_FILE_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace foicode::batch {

// Writes `contents` to a temporary file beside `path`, flushes it to disk, and renames it
// over `path`. On any failure `path` is untouched and the temporary file is removed.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents);

// Several files replaced together. Each is written in full and flushed beside its target
// first; only when all are (a full disk fails here, with nothing replaced) are they renamed
// into place, which needs no space. Temporaries not committed are removed.
class StagedFiles {
 public:
  StagedFiles() = default;
  ~StagedFiles();
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;

  Status Stage(const std::filesystem::path& path, std::string_view contents);
  // Renames every staged file over its target, in the order staged. `replaced` (may be null)
  // counts those renamed, so a failure part way can be told from one before any.
  Status Commit(int* replaced = nullptr);

 private:
  struct Staged {
    std::filesystem::path path;
    std::string temp;
  };
  std::vector<Staged> staged_;
};

}  // namespace foicode::batch

#endif  // FOICODE_PIPELINE_BATCH_ATOMIC_FILE_H_
