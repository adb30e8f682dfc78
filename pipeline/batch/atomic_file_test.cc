#include "batch/atomic_file.h"

#include <sys/stat.h>
#include <gtest/gtest.h>

#include "testing/test_support.h"

namespace foicode::batch {
namespace {

using foicode::testing::ReadFileOrDie;
using foicode::testing::TempDir;

TEST(WriteFileAtomicallyTest, ReplacesContentAndLeavesNoTemporaryFile) {
  TempDir dir;
  const auto path = dir.path() / "responses.jsonl";
  ASSERT_TRUE(WriteFileAtomically(path, "old\n").ok());
  ASSERT_TRUE(WriteFileAtomically(path, "new\n").ok());
  EXPECT_EQ(ReadFileOrDie(path), "new\n");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(WriteFileAtomicallyTest, FailureLeavesThePreviousFileIntact) {
  if (geteuid() == 0) GTEST_SKIP() << "root can write to a read-only folder";
  TempDir dir;
  const auto path = dir.path() / "responses.jsonl";
  ASSERT_TRUE(WriteFileAtomically(path, "good\n").ok());
  chmod(dir.path().c_str(), 0500);
  const Status s = WriteFileAtomically(path, "half");
  chmod(dir.path().c_str(), 0700);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cannot write"), std::string::npos) << s.message();
  EXPECT_EQ(ReadFileOrDie(path), "good\n");
}

TEST(WriteFileAtomicallyTest, MissingFolderIsAClearError) {
  const Status s = WriteFileAtomically("/no/such/folder/responses.jsonl", "x");
  EXPECT_EQ(s.message(),
            "cannot write /no/such/folder/responses.jsonl: create temporary file: No such file or "
            "directory");
}

}  // namespace
}  // namespace foicode::batch

namespace foicode::batch {
namespace {

TEST(WriteFileAtomicallyTest, FailedRenameKeepsTargetAndRemovesTemporary) {
  // A folder where the file should go makes the final rename fail, even for root.
  TempDir dir;
  const auto path = dir.path() / "responses.jsonl";
  std::filesystem::create_directories(path / "keep");
  const Status s = WriteFileAtomically(path, "new");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("rename into place"), std::string::npos) << s.message();
  EXPECT_TRUE(std::filesystem::is_directory(path / "keep"));
  int entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
}

}  // namespace
}  // namespace foicode::batch
