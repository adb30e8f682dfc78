#include "batch/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace foicode::batch {
namespace {

Status Failed(const std::filesystem::path& path, std::string_view what) {
  return Status::Error("cannot write " + path.string() + ": " + std::string(what) + ": " +
                       std::strerror(errno));
}

}  // namespace

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents) {
  std::string temp = path.string() + ".tmp-XXXXXX";
  const int fd = mkstemp(temp.data());
  if (fd < 0) return Failed(path, "create temporary file");
  auto fail = [&](std::string_view what) {
    Status s = Failed(path, what);
    close(fd);
    unlink(temp.c_str());
    return s;
  };
  for (std::size_t written = 0; written < contents.size();) {
    const ssize_t n = write(fd, contents.data() + written, contents.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    written += static_cast<std::size_t>(n);
  }
  // mkstemp creates 0600; the dataset is for the user's other tools too.
  if (fchmod(fd, 0644) != 0) return fail("set permissions");
  if (fsync(fd) != 0) return fail("flush to disk");
  if (close(fd) != 0) {
    Status s = Failed(path, "close");
    unlink(temp.c_str());
    return s;
  }
  if (rename(temp.c_str(), path.c_str()) != 0) {
    Status s = Failed(path, "rename into place");
    unlink(temp.c_str());
    return s;
  }
  // The rename itself is durable only once the folder is flushed.
  const std::string dir = path.has_parent_path() ? path.parent_path().string() : ".";
  const int dir_fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir_fd >= 0) {
    fsync(dir_fd);
    close(dir_fd);
  }
  return Status::Ok();
}

}  // namespace foicode::batch
