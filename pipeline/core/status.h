// Status: the result of an operation that can fail (load a file, write the dataset).
// A message plus ok(); after LevelDB's Status, cut to what foicode needs.
#ifndef FOICODE_PIPELINE_CORE_STATUS_H_
#define FOICODE_PIPELINE_CORE_STATUS_H_

#include <string>
#include <utility>

namespace foicode {

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  // The message for a person; empty when ok().
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_STATUS_H_
