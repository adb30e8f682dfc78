// Reads inputs in a worker process, so a crash, hang or runaway allocation in Poppler,
// GMime, Tesseract or any other parser costs one input, never the batch. The worker is a
// second copy of foicode (`foicode extract-worker`), started on first use and kept for the
// next input; one that dies or is stopped is replaced for the next.
#ifndef FOICODE_PIPELINE_EXTRACT_ISOLATED_EXTRACTOR_H_
#define FOICODE_PIPELINE_EXTRACT_ISOLATED_EXTRACTOR_H_

#include <sys/types.h>

#include <string>
#include <string_view>

#include "core/extracted_source.h"
#include "extract/limits.h"

namespace foicode::extract {

// One worker; not safe for concurrent use (give each thread its own).
class IsolatedExtractor {
 public:
  // `program` is the worker executable, normally foicode itself (/proc/self/exe); it is run
  // as `program extract-worker --fd 3 --memory BYTES`. Empty: read in this process, unguarded.
  explicit IsolatedExtractor(std::string program);
  ~IsolatedExtractor();
  IsolatedExtractor(const IsolatedExtractor&) = delete;
  IsolatedExtractor& operator=(const IsolatedExtractor&) = delete;

  // As ExtractSource. When the worker crashes, hangs (no progress for limits.stall_seconds, or
  // not done within limits.input_seconds) or breaks the protocol, the input comes back with an
  // error naming what happened and where ("page 14 of 'scan.pdf'"). *transient (may be null)
  // is set when the failure may say more about the machine than the file (a timeout, a worker
  // killed from outside or that could not start): such a result is not worth keeping.
  // Never throws.
  ExtractedSource Extract(std::string_view path, std::string_view bytes, const Limits& limits,
                          bool* transient = nullptr);

  // Workers started so far; more than one means some were replaced.
  int workers_started() const { return workers_started_; }
  // The running worker's process id; -1 when none is running.
  pid_t worker_pid() const { return pid_; }

 private:
  ExtractedSource ExtractInWorker(std::string_view path, std::string_view bytes, const Limits& limits,
                                  bool* transient);
  bool Start(const Limits& limits, std::string* error);
  void Stop();  // kills and reaps the worker, if any
  // Waits for a worker that closed its end; says how it ended, and whether that was transient.
  std::string Reap(bool* transient);

  std::string program_;
  pid_t pid_ = -1;
  int fd_ = -1;
  int workers_started_ = 0;
};

// The path of the running program, for IsolatedExtractor; empty when it cannot be found.
std::string CurrentProgram();

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_ISOLATED_EXTRACTOR_H_
