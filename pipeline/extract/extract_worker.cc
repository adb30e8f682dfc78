#include "extract/extract_worker.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <charconv>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "core/extracted_source_json.h"
#include "core/stage_times.h"
#include "extract/address_sanitizer.h"
#include "extract/limit_options.h"
#include "extract/ocr.h"
#include "extract/worker_frames.h"

namespace foicode::extract {
namespace {

// A request is a path and a limits object; anything bigger is not a request.
constexpr std::uint64_t kMaxRequestBytes = 1 << 20;

void LockDown(int fd, std::uint64_t memory_bytes, pid_t parent) {
  // Dies with foicode, so an orphaned worker never keeps parsing (foicode may itself be
  // process 1 in a container, so its own pid is what is compared).
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (parent > 0 && getppid() != parent) _exit(1);
  signal(SIGPIPE, SIG_IGN);
  const rlimit no_core{0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  if (memory_bytes > 0 && !kAddressSanitizer) {
    const rlimit memory{memory_bytes, memory_bytes};
    setrlimit(RLIMIT_AS, &memory);
  }
  // Nothing inherited by accident (a database handle, another worker's socket) stays open.
  close_range(static_cast<unsigned>(fd) + 1, ~0U, 0);
  SilenceLeptonica();
}

// The CPU time a request may use on top of what the worker has used: the parent's wall-clock
// limit comes first for a busy worker; this stops one whose parent cannot.
void LimitCpu(int seconds) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  rlimit cpu{};
  getrlimit(RLIMIT_CPU, &cpu);
  const rlim_t soft = static_cast<rlim_t>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + seconds + 5);
  if (cpu.rlim_max == RLIM_INFINITY || soft < cpu.rlim_max) {
    cpu.rlim_cur = soft;
    setrlimit(RLIMIT_CPU, &cpu);
  }
}

bool ParseNumber(const char* text, std::uint64_t* out) {
  const char* end = text + std::strlen(text);
  const auto [stop, ec] = std::from_chars(text, end, *out);
  return ec == std::errc() && stop == end && end != text;
}

// A progress note cut to kMaxProgressBytes on a UTF-8 boundary: part names come from the file.
std::string Bounded(const std::string& note) {
  if (note.size() <= kMaxProgressBytes) return note;
  std::size_t cut = kMaxProgressBytes - 3;
  while (cut > 0 && (static_cast<unsigned char>(note[cut]) & 0xC0) == 0x80) --cut;
  return note.substr(0, cut) + "...";
}

}  // namespace

int ServeExtractRequests(int fd, std::uint64_t memory_bytes, pid_t parent, const ExtractFunction& extract) {
  LockDown(fd, memory_bytes, parent);
  for (;;) {
    Frame request;
    FrameOutcome got = ReadFrame(fd, kMaxRequestBytes, kNoDeadline, &request);
    if (got == FrameOutcome::kClosed) return 0;
    if (got != FrameOutcome::kOk || request.type != FrameType::kRequest) return 1;
    const nlohmann::json header = nlohmann::json::parse(request.payload, nullptr, false);
    Limits limits;
    if (header.is_discarded() || !header.is_object() || !header.contains("path") || !header["path"].is_string() ||
        !header.contains("limits") || !LimitsFromJson(header["limits"], &limits).ok()) {
      return 1;
    }
    Frame bytes;
    got = ReadFrame(fd, limits.max_file_bytes, kNoDeadline, &bytes);
    if (got != FrameOutcome::kOk || bytes.type != FrameType::kBytes) return 1;

    LimitCpu(limits.input_seconds);
    const ProgressFunction progress = [fd](const std::string& where) {
      if (WriteFrame(fd, FrameType::kProgress, Bounded(where), kNoDeadline) != FrameOutcome::kOk) _exit(0);
    };
    const double ocr_before = StageSeconds()[static_cast<std::size_t>(Stage::kOcr)];
    const ExtractedSource source = extract(header["path"].get<std::string>(), bytes.payload, limits, progress);
    std::string().swap(bytes.payload);
    nlohmann::json answer = ToJson(source);
    // For foicode run --stats: OCR happens here, out of sight of foicode's own counters.
    answer[kOcrSecondsKey] = StageSeconds()[static_cast<std::size_t>(Stage::kOcr)] - ocr_before;
    const std::string result = answer.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (WriteFrame(fd, FrameType::kResult, result, kNoDeadline) != FrameOutcome::kOk) return 0;
  }
}

int ExtractWorkerMain(int argc, const char* const* argv) {
  std::uint64_t fd = 0;
  std::uint64_t memory = 0;
  std::uint64_t parent = 0;
  bool have_fd = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--fd" && ParseNumber(argv[i + 1], &fd) && fd <= 1024) {
      have_fd = true;
    } else if ((flag == "--memory" && ParseNumber(argv[i + 1], &memory)) ||
               (flag == "--parent" && ParseNumber(argv[i + 1], &parent) && parent < (1u << 30))) {
    } else {
      have_fd = false;
      break;
    }
  }
  if (!have_fd) {
    static constexpr char kMessage[] = "foicode extract-worker is started by foicode run; it is not for use by hand\n";
    (void)!write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    return 2;
  }
  return ServeExtractRequests(static_cast<int>(fd), memory, static_cast<pid_t>(parent),
                              [](std::string_view path, std::string_view bytes, const Limits& limits,
                                 const ProgressFunction& progress) {
                                return ExtractSource(path, bytes, limits, progress);
                              });
}

}  // namespace foicode::extract
