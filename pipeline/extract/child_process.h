// Runs a risky parser in a child process, bounded in time, memory and output size, so
// a crash or hang in a C library costs one part, not the batch.
#ifndef FOICODE_PIPELINE_EXTRACT_CHILD_PROCESS_H_
#define FOICODE_PIPELINE_EXTRACT_CHILD_PROCESS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foicode::extract {

struct ChildLimits {
  std::uint64_t max_output_bytes = 0;  // bytes `work` may return; more is an error
  int timeout_seconds = 30;            // wall clock; the child is killed after it
  // Address space the child may add to what it inherits (RLIMIT_AS); 0 = no limit. Not
  // applied under AddressSanitizer, whose shadow memory would exceed any limit.
  std::uint64_t max_memory_bytes = 0;
  // How the messages name the limits, so a person knows which one to raise.
  std::string output_limit_name = "max_output_bytes";
  std::string timeout_limit_name = "timeout_seconds";
  // Whether those are names of limits a person can raise with --limit (else plain words).
  bool names_are_limits = true;
};

struct ChildResult {
  std::string output;                // what `work` returned; empty when `error` is set
  std::optional<std::string> error;  // a sentence: crashed on signal N, timed out, too much output
};

// Calls `work` in a fork of this process and returns its result through a pipe. `what` names
// the parser in messages ("winmail.dat reader"). In the child only `work` runs, then _exit:
// it must not take locks another thread of the parent may have held at fork time (malloc is
// fork-safe in glibc) and must not throw past itself (a throw is reported as an error). What
// it writes to stdout/stderr is discarded: both point at /dev/null. Never throws.
ChildResult RunInChild(const std::function<std::string()>& work, const ChildLimits& limits,
                       const std::string& what);

// As RunInChild, but the child is `program` run with `args` (argv[0] is `program`), not a fork:
// safe to call from a process with other threads. It reads `input` on stdin, and answers
// through AnswerAsSpawnedChild; its stdout and stderr go to /dev/null.
ChildResult RunProgramInChild(const std::string& program, const std::vector<std::string>& args,
                              std::string_view input, const ChildLimits& limits, const std::string& what);

// The descriptor a spawned child answers on.
inline constexpr int kChildAnswerFd = 3;

// Called in a program started by RunProgramInChild: applies `limits` to this process (the
// same as the caller's), runs `work` and sends its result (or what it threw), then exits.
[[noreturn]] void AnswerAsSpawnedChild(const std::function<std::string()>& work, const ChildLimits& limits);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_CHILD_PROCESS_H_
