// Frames between foicode and its extract workers over a socket: a type byte, an 8-byte
// little-endian payload length, the payload. Both sides bound what they accept.
#ifndef FOICODE_PIPELINE_EXTRACT_WORKER_FRAMES_H_
#define FOICODE_PIPELINE_EXTRACT_WORKER_FRAMES_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace foicode::extract {

// Parent to worker: a request ({path, limits} as JSON), then the input's bytes.
// Worker to parent: any number of progress notes ("page 14"), then the result (JSON).
enum class FrameType : char {
  kRequest = 'Q',
  kBytes = 'B',
  kProgress = 'P',
  kResult = 'R',
};

struct Frame {
  FrameType type = FrameType::kRequest;
  std::string payload;
};

// The key in a result that carries the seconds the worker spent in OCR for that input.
inline constexpr const char* kOcrSecondsKey = "ocr_seconds";

// A progress note names a page and a part; the worker cuts longer ones to this.
inline constexpr std::size_t kMaxProgressBytes = 1024;

using Deadline = std::chrono::steady_clock::time_point;
inline constexpr Deadline kNoDeadline = Deadline::max();

enum class FrameOutcome {
  kOk,
  kClosed,    // the peer closed the socket or died
  kTimedOut,  // the deadline passed first
  kTooLarge,  // the frame announced more than the reader accepts, or an unknown type
};

// Writes one frame by `deadline`. Never raises SIGPIPE: `fd` must be a socket.
FrameOutcome WriteFrame(int fd, FrameType type, std::string_view payload, Deadline deadline);

// Reads one frame by `deadline`, refusing a payload over `max_bytes` (over kMaxProgressBytes
// for a progress note). Memory grows with the bytes that arrive, not with the length the
// header announces.
FrameOutcome ReadFrame(int fd, std::uint64_t max_bytes, Deadline deadline, Frame* frame);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_WORKER_FRAMES_H_
