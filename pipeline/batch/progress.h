// The batch's progress line on stderr: files done of total, errors so far, current file.
#ifndef FOICODE_PIPELINE_BATCH_PROGRESS_H_
#define FOICODE_PIPELINE_BATCH_PROGRESS_H_

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace foicode::batch {

// Redraws one line in place. Quiet unless `stream` is a terminal, so logs and pipes get
// no control characters. Safe for concurrent use.
class Progress {
 public:
  Progress(std::FILE* stream, int total);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // A file has started.
  void Started(std::string_view path);
  // A file has finished; `failed` when it was recorded with an error.
  void Finished(bool failed);
  // Clears the line (before other output goes to the stream).
  void Clear();

 private:
  void Draw();

  std::FILE* stream_;
  const bool enabled_;
  const int total_;
  int done_ = 0;
  int errors_ = 0;
  std::string current_;
  std::mutex mutex_;
};

}  // namespace foicode::batch

#endif  // FOICODE_PIPELINE_BATCH_PROGRESS_H_
