// The worker side of isolated extraction: a process that reads inputs sent over a socket, one
// at a time, and sends back their extracted text. Started by ExtractWorker (worker_pool.h) as
// `foicode extract-worker`; it holds no state between inputs.
#ifndef FOICODE_PIPELINE_EXTRACT_EXTRACT_WORKER_H_
#define FOICODE_PIPELINE_EXTRACT_EXTRACT_WORKER_H_

#include <sys/types.h>

#include <cstdint>
#include <functional>
#include <string_view>

#include "core/extracted_source.h"
#include "extract/extract_source.h"
#include "extract/limits.h"

namespace foicode::extract {

// What a worker does with one input; ExtractSource in foicode, something that misbehaves on
// purpose in tests.
using ExtractFunction = std::function<ExtractedSource(std::string_view path, std::string_view bytes,
                                                      const Limits& limits, const ProgressFunction& progress)>;

// Locks the process down for hostile input (no core files, dies with `parent`, its memory
// bounded by `memory_bytes` unless AddressSanitizer is on, every inherited descriptor above
// `fd` closed), then serves requests on socket `fd` until the parent closes it. Returns the
// process exit status: 0 when the parent closed the socket, 1 on a broken request.
int ServeExtractRequests(int fd, std::uint64_t memory_bytes, pid_t parent, const ExtractFunction& extract);

// `foicode extract-worker --fd N --memory BYTES --parent PID`: parses those flags and serves
// with ExtractSource. Not for people: foicode starts it.
int ExtractWorkerMain(int argc, const char* const* argv);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_EXTRACT_WORKER_H_
