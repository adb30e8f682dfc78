#include "dataset/dataset_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace foicode::dataset {

Status DatasetLock::Acquire(const std::filesystem::path& dir, Kind kind, std::unique_ptr<DatasetLock>* lock) {
  const std::filesystem::path file = dir / (kind == Kind::kRun ? "foicode-run.lock" : "foicode-write.lock");
  const int fd = open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::Error("cannot open " + file.string() + ": " + std::strerror(errno));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      Status s = Status::Error("cannot lock " + file.string() + ": " + std::strerror(errno));
      close(fd);
      return s;
    }
    if (kind == Kind::kRun || std::chrono::steady_clock::now() > deadline) {
      close(fd);
      return Status::Error(kind == Kind::kRun
                               ? "another foicode run is working on " + dir.string() + ": wait for it to finish"
                               : "another foicode process has been writing " + dir.string() +
                                     " for over a minute: try again when it has finished");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  lock->reset(new DatasetLock(fd));
  return Status::Ok();
}

DatasetLock::~DatasetLock() { close(fd_); }

}  // namespace foicode::dataset
