// fork (or spawn) + pipe + poll: the child runs the work and writes one length-prefixed frame.
#include "extract/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "extract/address_sanitizer.h"
#include "extract/limits.h"

extern char** environ;

namespace foicode::extract {
namespace {

// Frame: one status byte ('O' result, 'E' error message), an 8-byte little-endian length,
// then the payload.
constexpr std::size_t kHeaderBytes = 9;

bool WriteAll(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// Bounds this process as a child: no core file, CPU time, address space.
void LimitThisChild(const ChildLimits& limits, rlim_t address_space_limit) {
  // A crash must not write a core file: nothing in extraction touches the disk.
  const rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  // The parent kills the child at the wall-clock timeout, which a single-threaded child's CPU
  // time cannot pass first; this limit is the backstop for a child whose parent died.
  const auto cpu = static_cast<rlim_t>(limits.timeout_seconds) + 1;
  const rlimit cpu_limit{cpu, cpu + 1};
  setrlimit(RLIMIT_CPU, &cpu_limit);
  // AddressSanitizer reserves terabytes of shadow memory up front; an address-space limit
  // would make every later allocation in the child fail.
  if (address_space_limit > 0 && !kAddressSanitizer) {
    const rlimit memory{address_space_limit, address_space_limit};
    setrlimit(RLIMIT_AS, &memory);
  }
}

// Runs `work`, writes its frame to `fd` and exits.
[[noreturn]] void AnswerAndExit(int fd, const std::function<std::string()>& work) {
  char status = 'O';
  std::string payload;
  try {
    payload = work();
  } catch (const std::exception& e) {
    status = 'E';
    payload = e.what();
  } catch (...) {
    status = 'E';
    payload = "unknown failure";
  }
  std::array<char, kHeaderBytes> header;
  header[0] = status;
  std::uint64_t size = payload.size();
  for (std::size_t i = 1; i < kHeaderBytes; ++i) {
    header[i] = static_cast<char>(size & 0xFF);
    size >>= 8;
  }
  const bool ok = WriteAll(fd, header.data(), header.size()) &&
                  WriteAll(fd, payload.data(), payload.size());
  _exit(ok ? 0 : 3);
}

[[noreturn]] void ChildMain(int fd, const std::function<std::string()>& work,
                            const ChildLimits& limits, rlim_t address_space_limit) {
  // Only its own pipe stays open: nothing the parent holds (a worker's socket to foicode, a
  // server's client connections) is the child's to write to.
  if (fd > STDERR_FILENO + 1) close_range(STDERR_FILENO + 1, static_cast<unsigned>(fd) - 1, 0);
  close_range(static_cast<unsigned>(fd) + 1, ~0U, 0);
  const int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (null_fd >= 0) {
    dup2(null_fd, STDOUT_FILENO);
    dup2(null_fd, STDERR_FILENO);
  }
  LimitThisChild(limits, address_space_limit);
  AnswerAndExit(fd, work);
}

// The parent's address space in bytes (0 if unknown). The child inherits all of it (thread
// stacks, malloc arenas, OCR models), so its limit is counted on top.
std::uint64_t CurrentAddressSpace() {
  const int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  std::array<char, 128> text{};
  const ssize_t n = read(fd, text.data(), text.size() - 1);
  close(fd);
  if (n <= 0) return 0;
  std::uint64_t pages = 0;
  for (ssize_t i = 0; i < n && text[static_cast<std::size_t>(i)] >= '0' && text[static_cast<std::size_t>(i)] <= '9'; ++i) {
    pages = pages * 10 + static_cast<std::uint64_t>(text[static_cast<std::size_t>(i)] - '0');
  }
  return pages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

std::uint64_t FrameLength(const std::string& buffer) {
  std::uint64_t size = 0;
  for (std::size_t i = kHeaderBytes - 1; i >= 1; --i) {
    size = (size << 8) | static_cast<unsigned char>(buffer[i]);
  }
  return size;
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) close(fd);
  }
};

// Reads the child's frame from `read_fd` within the limits, reaps the child (killing it when
// it overstays) and turns what happened into a result.
ChildResult AwaitChild(pid_t pid, int read_fd, const ChildLimits& limits, const std::string& what) {
  ChildResult result;
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(limits.timeout_seconds);
  std::string buffer;
  std::array<char, 1 << 16> chunk;
  bool exited = false;
  int status = 0;
  bool timed_out = false;
  bool too_big = false;
  auto frame_done = [&buffer]() {
    return buffer.size() >= kHeaderBytes && buffer.size() - kHeaderBytes >= FrameLength(buffer);
  };
  // EOF may never come: a child forked at the same moment by another thread may hold a copy
  // of the write end. So a complete frame, or the child's exit, ends the wait as well.
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd poll_fd{read_fd, POLLIN, 0};
    const int ready = poll(&poll_fd, 1, static_cast<int>(std::min<long long>(left.count(), 100)));
    bool eof = false;
    if (ready > 0) {
      const ssize_t n = read(read_fd, chunk.data(), chunk.size());
      if (n > 0) {
        buffer.append(chunk.data(), static_cast<std::size_t>(n));
        if (buffer.size() - std::min(buffer.size(), kHeaderBytes) > limits.max_output_bytes) {
          too_big = true;
          break;
        }
      } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        eof = true;
      }
    }
    if (frame_done() || eof) break;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      fcntl(read_fd, F_SETFL, O_NONBLOCK);
      for (;;) {
        const ssize_t n = read(read_fd, chunk.data(), chunk.size());
        if (n <= 0) break;
        buffer.append(chunk.data(), static_cast<std::size_t>(n));
        if (buffer.size() > limits.max_output_bytes + kHeaderBytes) {
          too_big = true;
          break;
        }
      }
      break;
    }
  }
  // The child exits right after its frame; give it until the deadline, then kill it.
  while (!exited && !timed_out && !too_big) {
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid || done < 0) {
      exited = done == pid;
      break;
    }
    if (Clock::now() >= deadline) {
      timed_out = true;
      break;
    }
    const timespec pause{0, 10'000'000};
    nanosleep(&pause, nullptr);
  }
  if (!exited) {
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }

  if (too_big) {
    result.error = "the " + what + " produced more than " +
                   std::to_string(limits.max_output_bytes) + " bytes (" +
                   (limits.names_are_limits ? LimitNote(limits.output_limit_name) : limits.output_limit_name) + ")";
    return result;
  }
  if (timed_out) {
    result.error = "the " + what + " took longer than " + std::to_string(limits.timeout_seconds) +
                   " seconds and was stopped (" +
                   (limits.names_are_limits ? LimitNote(limits.timeout_limit_name) : limits.timeout_limit_name) + ")";
    return result;
  }
  if (WIFSIGNALED(status)) {
    result.error = what + " crashed on signal " + std::to_string(WTERMSIG(status));
    return result;
  }
  if (!frame_done()) {
    result.error = "the " + what + " stopped without a result (exit status " +
                   std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")";
    return result;
  }
  const std::uint64_t length = FrameLength(buffer);
  if (buffer[0] != 'O') {
    result.error = "the " + what + " failed: " + buffer.substr(kHeaderBytes, length);
    return result;
  }
  result.output = buffer.substr(kHeaderBytes, length);
  return result;
}

ChildResult StartFailure(const std::string& what, int error) {
  ChildResult result;
  result.error = "could not start the " + what + ": " + std::strerror(error);
  return result;
}

}  // namespace

ChildResult RunInChild(const std::function<std::string()>& work, const ChildLimits& limits,
                       const std::string& what) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return StartFailure(what, errno);
  Fd read_end{fds[0]};
  Fd write_end{fds[1]};
  rlim_t address_space_limit = 0;
  if (limits.max_memory_bytes > 0) {
    const std::uint64_t current = CurrentAddressSpace();
    if (current > 0) address_space_limit = static_cast<rlim_t>(current + limits.max_memory_bytes);
  }
  const pid_t pid = fork();
  if (pid < 0) return StartFailure(what, errno);
  if (pid == 0) {
    close(read_end.fd);
    ChildMain(write_end.fd, work, limits, address_space_limit);
  }
  close(write_end.fd);
  write_end.fd = -1;
  return AwaitChild(pid, read_end.fd, limits, what);
}

ChildResult RunProgramInChild(const std::string& program, const std::vector<std::string>& args,
                              std::string_view input, const ChildLimits& limits, const std::string& what) {
  // The input goes in a memory file, which the child reads at its own pace: no pipe to fill
  // while the child is busy or dead.
  Fd input_fd{memfd_create("child-input", MFD_CLOEXEC)};
  if (input_fd.fd < 0) return StartFailure(what, errno);
  if (!WriteAll(input_fd.fd, input.data(), input.size()) || lseek(input_fd.fd, 0, SEEK_SET) != 0) {
    return StartFailure(what, errno);
  }
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return StartFailure(what, errno);
  Fd read_end{fds[0]};
  Fd write_end{fds[1]};
  // Above the numbers the child is given, so that no dup2 below overwrites another's source.
  Fd high_input{fcntl(input_fd.fd, F_DUPFD_CLOEXEC, 10)};
  Fd high_output{fcntl(write_end.fd, F_DUPFD_CLOEXEC, 10)};
  if (high_input.fd < 0 || high_output.fd < 0) return StartFailure(what, errno);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, high_input.fd, STDIN_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, high_output.fd, kChildAnswerFd);
  // Nothing else of the caller's (a server's listening socket and client connections, which
  // its library may not mark close-on-exec) is the child's.
  posix_spawn_file_actions_addclosefrom_np(&actions, kChildAnswerFd + 1);
  std::vector<const char*> argv = {program.c_str()};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, const_cast<char* const*>(argv.data()),
                                  environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return StartFailure(what + " (" + program + ")", spawned);
  close(write_end.fd);
  write_end.fd = -1;
  close(high_output.fd);
  high_output.fd = -1;
  return AwaitChild(pid, read_end.fd, limits, what);
}

[[noreturn]] void AnswerAsSpawnedChild(const std::function<std::string()>& work, const ChildLimits& limits) {
  close_range(kChildAnswerFd + 1, ~0U, 0);  // in case a caller other than RunProgramInChild left some
  // The parent waits on this process for as long as it runs, so its thread outlives it.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() == 1) _exit(4);
  rlim_t address_space_limit = 0;
  if (limits.max_memory_bytes > 0) {
    const std::uint64_t current = CurrentAddressSpace();
    if (current > 0) address_space_limit = static_cast<rlim_t>(current + limits.max_memory_bytes);
  }
  LimitThisChild(limits, address_space_limit);
  AnswerAndExit(kChildAnswerFd, work);
}

}  // namespace foicode::extract
