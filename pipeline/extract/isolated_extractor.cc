#include "extract/isolated_extractor.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <exception>
#include <chrono>
#include <cstring>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/extracted_source_json.h"
#include "core/stage_times.h"
#include "extract/detect_kind.h"
#include "extract/extract_source.h"
#include "extract/limit_options.h"
#include "extract/sha256.h"
#include "extract/worker_frames.h"

extern char** environ;

namespace foicode::extract {
namespace {

// The descriptor the worker finds its socket on.
constexpr int kWorkerFd = 3;

using Clock = std::chrono::steady_clock;

std::string SignalName(int signal) {
  const char* description = strsignal(signal);
  return "signal " + std::to_string(signal) + (description != nullptr ? std::string(", ") + description : "");
}

// The record of an input whose worker failed: no text, the message, and the kind its name
// claims (the bytes are not looked at outside a worker).
ExtractedSource Failed(std::string_view path, std::string_view bytes, const std::string& message) {
  ExtractedSource source = UnreadableSource(path, Sha256Hex(bytes), message);
  source.kind = KindFromExtension(path);
  return source;
}

// Waits up to `wait_ms` for `pid` to exit by itself, then kills it. Its wait status; nullopt
// when it cannot be waited for.
std::optional<int> ReapWithin(pid_t pid, int wait_ms) {
  int status = 0;
  for (int waited = 0;; waited += 10) {
    const pid_t got = waitpid(pid, &status, WNOHANG);
    if (got == pid) return status;
    if (got < 0 && errno != EINTR) return std::nullopt;
    if (waited >= wait_ms) break;
    usleep(10'000);
  }
  kill(pid, SIGKILL);
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return std::nullopt;
  }
  return status;
}

}  // namespace

std::string CurrentProgram() {
  // /proc/self/exe runs this program's own file even if it has since been replaced or deleted.
  return access("/proc/self/exe", X_OK) == 0 ? std::string("/proc/self/exe") : std::string();
}

IsolatedExtractor::IsolatedExtractor(std::string program) : program_(std::move(program)) {}

IsolatedExtractor::~IsolatedExtractor() {
  // A worker told there is no more work exits by itself (running its exit checks, such as a
  // sanitizer's leak check); one that does not within a few seconds is killed.
  if (fd_ >= 0 && pid_ > 0) {
    close(fd_);
    fd_ = -1;
    ReapWithin(pid_, 5000);
    pid_ = -1;
  }
  Stop();
}

bool IsolatedExtractor::Start(const Limits& limits, std::string* error) {
  int sockets[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0) {
    *error = std::string("could not start a reader process: ") + std::strerror(errno);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // The worker's stdin is empty and its stdout goes to stderr: a library that prints cannot
  // corrupt the socket.
  // The socket moves first: were foicode started with stdin closed, it could sit on fd 0.
  posix_spawn_file_actions_adddup2(&actions, sockets[1], kWorkerFd);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, STDERR_FILENO, STDOUT_FILENO);
  const std::string fd_text = std::to_string(kWorkerFd);
  const std::string memory_text = std::to_string(limits.worker_memory_bytes);
  const std::string parent_text = std::to_string(getpid());
  std::vector<const char*> argv = {program_.c_str(), "extract-worker", "--fd", fd_text.c_str(), "--memory",
                                   memory_text.c_str(), "--parent", parent_text.c_str(), nullptr};
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, program_.c_str(), &actions, nullptr, const_cast<char* const*>(argv.data()),
                                  environ);
  posix_spawn_file_actions_destroy(&actions);
  close(sockets[1]);
  if (spawned != 0) {
    close(sockets[0]);
    *error = "could not start a reader process (" + program_ + "): " + std::strerror(spawned);
    return false;
  }
  pid_ = pid;
  fd_ = sockets[0];
  ++workers_started_;
  return true;
}

void IsolatedExtractor::Stop() {
  if (fd_ >= 0) {
    close(fd_);
    fd_ = -1;
  }
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
  }
}

std::string IsolatedExtractor::Reap(bool* transient) {
  close(fd_);
  fd_ = -1;
  // It closed its end, so it is exiting; a worker that closed it and lingers is killed.
  const std::optional<int> ended = ReapWithin(pid_, 2000);
  pid_ = -1;
  if (!ended) return "ended";
  const int status = *ended;
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    // Killed from outside (the kernel when the machine is short of memory, or a person): the
    // file is not to blame, so the input is read again next run.
    if (sig == SIGKILL) {
      *transient = true;
      return "was killed (" + SignalName(sig) + "), perhaps by the system when short of memory";
    }
    if (sig == SIGXCPU) return "used up its CPU time (" + LimitNote("input_seconds") + ")";
    std::string how = "crashed (" + SignalName(sig) + ")";
    // A C library that cannot allocate (RLIMIT_AS) usually aborts.
    if (sig == SIGABRT) how += "; it may have run out of memory (" + LimitNote("worker_memory_bytes") + ")";
    return how;
  }
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  return "ended";
}

ExtractedSource IsolatedExtractor::Extract(std::string_view path, std::string_view bytes, const Limits& limits,
                                           bool* transient) {
  bool ignored = false;
  if (transient == nullptr) transient = &ignored;
  *transient = false;
  try {
    return ExtractInWorker(path, bytes, limits, transient);
  } catch (const std::exception& e) {
    // Out of memory here, mid-frame: the worker's socket is out of step, so it goes.
    Stop();
    *transient = true;
    return Failed(path, bytes, std::string("reading stopped: foicode itself failed: ") + e.what());
  }
}

ExtractedSource IsolatedExtractor::ExtractInWorker(std::string_view path, std::string_view bytes,
                                                   const Limits& limits, bool* transient) {
  if (program_.empty()) return ExtractSource(path, bytes, limits);
  if (bytes.size() > limits.max_file_bytes) return ExtractSource(path, bytes, limits);  // refused unread

  const Clock::time_point started = Clock::now();
  const Clock::time_point give_up = started + std::chrono::seconds(limits.input_seconds);
  const std::string request =
      nlohmann::json{{"path", std::string(path)}, {"limits", LimitsToJson(limits)}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace);
  // The worker cannot send more than it can hold.
  const std::uint64_t max_result = std::max<std::uint64_t>(limits.worker_memory_bytes, 64ull << 20);
  // A worker that died between inputs (killed from outside) is noticed when the input cannot
  // be sent, or when the socket closes before the worker has begun on it; it is replaced and
  // the input sent once more.
  for (int attempt = 0;; ++attempt) {
    if (pid_ < 0) {
      std::string error;
      if (!Start(limits, &error)) {
        *transient = true;
        return Failed(path, bytes, error);
      }
    }
    const bool sent = WriteFrame(fd_, FrameType::kRequest, request, give_up) == FrameOutcome::kOk &&
                      WriteFrame(fd_, FrameType::kBytes, bytes, give_up) == FrameOutcome::kOk;
    if (!sent) {
      Stop();
      if (attempt == 0) continue;
      *transient = true;
      return Failed(path, bytes, "reading stopped: the reader process would not take the input");
    }
    bool begun = false;
    std::string where = "the start of the file";
    Clock::time_point last_progress = Clock::now();
    for (;;) {
      const Clock::time_point stall = last_progress + std::chrono::seconds(limits.stall_seconds);
      const bool whole = give_up <= stall;  // which deadline this wait ends at
      Frame frame;
      const FrameOutcome got = ReadFrame(fd_, max_result, std::min(stall, give_up), &frame);
      if (got == FrameOutcome::kOk && frame.type == FrameType::kProgress) {
        begun = true;
        where = std::move(frame.payload);
        last_progress = Clock::now();
        continue;
      }
      if (got == FrameOutcome::kOk && frame.type == FrameType::kResult) {
        const nlohmann::json json = nlohmann::json::parse(frame.payload, nullptr, false);
        std::string().swap(frame.payload);
        ExtractedSource source;
        if (!json.is_discarded() && FromJson(json, &source)) {
          if (const auto ocr = json.find(kOcrSecondsKey); ocr != json.end() && ocr->is_number())
            AddStageTime(Stage::kOcr, std::chrono::duration_cast<std::chrono::nanoseconds>(
                                          std::chrono::duration<double>(ocr->get<double>())));
          source.path = std::string(path);
          return source;
        }
        Stop();
        return Failed(path, bytes, "reading stopped: the reader process sent back damaged output");
      }
      if (got == FrameOutcome::kTimedOut) {
        Stop();
        // A slow machine can be to blame as well as the file: read it again next run.
        *transient = true;
        return Failed(path, bytes,
                      whole ? "reading stopped: not finished after " + std::to_string(limits.input_seconds) +
                                  " s, while reading " + where + " (" + LimitNote("input_seconds") + ")"
                            : "reading stopped: no progress for " + std::to_string(limits.stall_seconds) +
                                  " s while reading " + where + " (" + LimitNote("stall_seconds") + ")");
      }
      if (got == FrameOutcome::kClosed) {
        const std::string how = Reap(transient);
        if (!begun && attempt == 0) break;  // died before it began on this input: replace, resend
        return Failed(path, bytes, "reading stopped: the reader process " + how + " while reading " + where +
                                       "; the file may be malformed");
      }
      Stop();
      return Failed(path, bytes, "reading stopped: the reader process broke protocol while reading " + where);
    }
  }
}

}  // namespace foicode::extract
