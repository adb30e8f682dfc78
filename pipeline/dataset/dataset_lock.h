// Locks on a dataset folder, so that two runs, or a run and the review page, never interleave
// their writes: flock(2) on lock files in DIR, released when the process ends, however it ends.
#ifndef FOICODE_PIPELINE_DATASET_DATASET_LOCK_H_
#define FOICODE_PIPELINE_DATASET_DATASET_LOCK_H_

#include <filesystem>
#include <memory>

#include "core/status.h"

namespace foicode::dataset {

class DatasetLock {
 public:
  enum class Kind {
    kRun,    // one run at a time: a second run is refused at once
    kWrite,  // one writer of records and files at a time: waits (up to a minute) for the other
  };
  static Status Acquire(const std::filesystem::path& dir, Kind kind, std::unique_ptr<DatasetLock>* lock);
  ~DatasetLock();
  DatasetLock(const DatasetLock&) = delete;
  DatasetLock& operator=(const DatasetLock&) = delete;

 private:
  explicit DatasetLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace foicode::dataset

#endif  // FOICODE_PIPELINE_DATASET_DATASET_LOCK_H_
