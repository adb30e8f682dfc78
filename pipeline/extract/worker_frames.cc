#include "extract/worker_frames.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace foicode::extract {
namespace {

constexpr std::size_t kHeaderBytes = 9;

// Waits until `fd` is ready for `events` or the deadline passes.
FrameOutcome WaitReady(int fd, short events, Deadline deadline) {
  for (;;) {
    int timeout_ms = -1;
    if (deadline != kNoDeadline) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return FrameOutcome::kTimedOut;
      timeout_ms = static_cast<int>(std::min<long long>(left.count() + 1, 60'000));
    }
    pollfd p{fd, events, 0};
    const int n = poll(&p, 1, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return FrameOutcome::kClosed;
    if (n == 0) continue;  // re-check the deadline
    if ((p.revents & events) != 0) return FrameOutcome::kOk;
    return FrameOutcome::kClosed;  // POLLHUP or POLLERR with nothing to read or room to write
  }
}

FrameOutcome SendAll(int fd, const char* data, std::size_t size, Deadline deadline) {
  while (size > 0) {
    if (FrameOutcome ready = WaitReady(fd, POLLOUT, deadline); ready != FrameOutcome::kOk) return ready;
    const ssize_t n = send(fd, data, std::min<std::size_t>(size, 1 << 20), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
    if (n <= 0) return FrameOutcome::kClosed;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return FrameOutcome::kOk;
}

FrameOutcome ReceiveAll(int fd, char* data, std::size_t size, Deadline deadline) {
  while (size > 0) {
    if (FrameOutcome ready = WaitReady(fd, POLLIN, deadline); ready != FrameOutcome::kOk) {
      // A peer that closed after sending still has data for POLLIN; only an empty read ends.
      if (ready == FrameOutcome::kTimedOut) return ready;
    }
    const ssize_t n = recv(fd, data, std::min<std::size_t>(size, 1 << 20), MSG_DONTWAIT);
    if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
    if (n <= 0) return FrameOutcome::kClosed;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return FrameOutcome::kOk;
}

bool KnownType(char type) {
  switch (static_cast<FrameType>(type)) {
    case FrameType::kRequest:
    case FrameType::kBytes:
    case FrameType::kProgress:
    case FrameType::kResult:
      return true;
  }
  return false;
}

}  // namespace

FrameOutcome WriteFrame(int fd, FrameType type, std::string_view payload, Deadline deadline) {
  std::array<char, kHeaderBytes> header;
  header[0] = static_cast<char>(type);
  std::uint64_t size = payload.size();
  for (std::size_t i = 1; i < kHeaderBytes; ++i) {
    header[i] = static_cast<char>(size & 0xFF);
    size >>= 8;
  }
  if (FrameOutcome o = SendAll(fd, header.data(), header.size(), deadline); o != FrameOutcome::kOk) return o;
  return SendAll(fd, payload.data(), payload.size(), deadline);
}

FrameOutcome ReadFrame(int fd, std::uint64_t max_bytes, Deadline deadline, Frame* frame) {
  std::array<char, kHeaderBytes> header;
  if (FrameOutcome o = ReceiveAll(fd, header.data(), header.size(), deadline); o != FrameOutcome::kOk) return o;
  std::uint64_t size = 0;
  for (std::size_t i = kHeaderBytes - 1; i >= 1; --i) size = (size << 8) | static_cast<unsigned char>(header[i]);
  if (!KnownType(header[0]) || size > max_bytes) return FrameOutcome::kTooLarge;
  if (static_cast<FrameType>(header[0]) == FrameType::kProgress && size > kMaxProgressBytes) {
    return FrameOutcome::kTooLarge;
  }
  frame->type = static_cast<FrameType>(header[0]);
  frame->payload.clear();
  constexpr std::size_t kChunk = 1 << 20;
  while (frame->payload.size() < size) {
    const std::size_t have = frame->payload.size();
    const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, size - have));
    frame->payload.resize(have + take);
    if (FrameOutcome o = ReceiveAll(fd, frame->payload.data() + have, take, deadline); o != FrameOutcome::kOk) return o;
  }
  return FrameOutcome::kOk;
}

}  // namespace foicode::extract
