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

// Writes `contents` to a new temporary file beside `path` and flushes it; *temp names it.
Status WriteTemporary(const std::filesystem::path& path, std::string_view contents, std::string* temp_out) {
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
  *temp_out = std::move(temp);
  return Status::Ok();
}

// A rename is durable only once its folder is flushed.
void SyncFolder(const std::filesystem::path& path) {
  const std::string dir = path.has_parent_path() ? path.parent_path().string() : ".";
  const int dir_fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    fsync(dir_fd);
    close(dir_fd);
  }
}

}  // namespace

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view contents) {
  StagedFiles files;
  if (Status s = files.Stage(path, contents); !s.ok()) return s;
  return files.Commit();
}

StagedFiles::~StagedFiles() {
  for (const Staged& file : staged_) unlink(file.temp.c_str());
}

Status StagedFiles::Stage(const std::filesystem::path& path, std::string_view contents) {
  std::string temp;
  if (Status s = WriteTemporary(path, contents, &temp); !s.ok()) return s;
  staged_.push_back({path, std::move(temp)});
  return Status::Ok();
}

Status StagedFiles::Commit(int* replaced) {
  std::vector<Staged> files = std::move(staged_);
  staged_.clear();
  Status result;
  int renamed = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (result.ok()) {
      if (rename(files[i].temp.c_str(), files[i].path.c_str()) == 0) {
        ++renamed;
      } else {
        result = Failed(files[i].path, "rename into place");
      }
    }
    if (!result.ok()) unlink(files[i].temp.c_str());
  }
  if (replaced != nullptr) *replaced = renamed;
  for (const Staged& file : files) SyncFolder(file.path);
  return result;
}

}  // namespace foicode::batch
