// Helpers shared by the tests: sample paths, temporary folders, file reading.
#ifndef FOICODE_TESTS_TESTING_TEST_SUPPORT_H_
#define FOICODE_TESTS_TESTING_TEST_SUPPORT_H_

#include <filesystem>
#include <string>

namespace foicode::testing {

// The source tree's samples/ folder.
std::filesystem::path SamplesDir();
// A file under samples/, by its path relative to samples/.
std::filesystem::path Sample(const std::string& relative);
// The whole file; fails the current test when it cannot be read.
std::string ReadFileOrDie(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& bytes);

// A fresh, empty directory removed with everything in it when this goes out of scope.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace foicode::testing

#endif  // FOICODE_TESTS_TESTING_TEST_SUPPORT_H_
