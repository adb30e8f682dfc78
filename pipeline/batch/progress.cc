#include "batch/progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

namespace foicode::batch {
namespace {

int TerminalWidth(std::FILE* stream) {
  winsize size{};
  if (ioctl(fileno(stream), TIOCGWINSZ, &size) == 0 && size.ws_col > 20) return size.ws_col;
  return 80;
}

}  // namespace

Progress::Progress(std::FILE* stream, int total)
    : stream_(stream), enabled_(isatty(fileno(stream)) != 0), total_(total) {}

Progress::~Progress() { Clear(); }

void Progress::Started(std::string_view path) {
  std::lock_guard<std::mutex> lock(mutex_);
  current_ = std::string(path);
  Draw();
}

void Progress::Finished(bool failed) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  if (failed) ++errors_;
  Draw();
}

void Progress::Clear() {
  if (!enabled_) return;
  std::fputs("\r\x1b[K", stream_);
  std::fflush(stream_);
}

void Progress::Draw() {
  if (!enabled_) return;
  std::string line = "[" + std::to_string(done_) + "/" + std::to_string(total_) + "] " +
                     std::to_string(errors_) + (errors_ == 1 ? " error  " : " errors  ");
  const std::size_t width = static_cast<std::size_t>(TerminalWidth(stream_)) - 1;
  std::string name = current_;
  // Keep the end of a long path: the file name is the informative part.
  if (line.size() + name.size() > width && width > line.size() + 3) {
    name = "..." + name.substr(name.size() - (width - line.size() - 3));
  }
  line += name;
  if (line.size() > width) line.resize(width);
  std::fprintf(stream_, "\r\x1b[K%s", line.c_str());
  std::fflush(stream_);
}

}  // namespace foicode::batch
