// A worker that misbehaves on purpose, for isolated_extractor_test: it serves the real
// protocol, and an input's name says what goes wrong.
//   crash.pdf  reports page 3, then dies of SIGSEGV    hang.pdf   reports page 2, then hangs
//   slow.pdf   reports a page every 100 ms, forever    hog.pdf    allocates until it fails
//   exit.pdf   exits with status 7                     noisy.txt  prints to stdout, then reads
//   long.txt   reports a 100 KB progress note, then reads
//   anything else is read by ExtractSource.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "extract/extract_worker.h"

namespace {

foicode::ExtractedSource Misbehave(std::string_view path, std::string_view bytes,
                                   const foicode::extract::Limits& limits,
                                   const foicode::extract::ProgressFunction& progress) {
  const auto named = [&](std::string_view name) {
    return path.size() >= name.size() && path.substr(path.size() - name.size()) == name;
  };
  if (named("crash.pdf")) {
    progress("page 3 of 'scan.pdf'");
    raise(SIGSEGV);
  }
  if (named("hang.pdf")) {
    progress("page 2");
    for (;;) pause();
  }
  if (named("slow.pdf")) {
    for (int page = 1;; ++page) {
      progress("page " + std::to_string(page));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  if (named("hog.pdf")) {
    std::vector<char*> blocks;
    for (;;) {
      char* block = static_cast<char*>(std::malloc(64 << 20));
      if (block == nullptr) std::abort();  // as a C library does when malloc fails
      std::memset(block, 1, 64 << 20);
      blocks.push_back(block);
    }
  }
  if (named("exit.pdf")) _exit(7);
  if (named("long.txt")) progress("'" + std::string(100'000, 'n') + "'");
  if (named("noisy.txt")) {
    std::printf("a library talking on stdout\n");
    std::fflush(stdout);
  }
  return foicode::extract::ExtractSource(path, bytes, limits, progress);
}

}  // namespace

// Under AddressSanitizer a SIGSEGV would become ASan's report and SIGABRT; the test wants
// the signal a crash gives in a normal build.
extern "C" const char* __asan_default_options() { return "handle_segv=0"; }

int main(int argc, char** argv) {
  // Started as `fake_extract_worker extract-worker --fd 3 --memory N --parent PID`, as foicode is.
  std::uint64_t memory = 0;
  pid_t parent = 0;
  int fd = -1;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--fd") == 0) fd = std::atoi(argv[i + 1]);
    if (std::strcmp(argv[i], "--memory") == 0) memory = std::strtoull(argv[i + 1], nullptr, 10);
    if (std::strcmp(argv[i], "--parent") == 0) parent = static_cast<pid_t>(std::atoi(argv[i + 1]));
  }
  if (fd < 0) return 2;
  return foicode::extract::ServeExtractRequests(fd, memory, parent, &Misbehave);
}
