#include "batch/input_walk.h"

#include <gtest/gtest.h>

#include "testing/test_support.h"

namespace foicode::batch {
namespace {

using foicode::testing::TempDir;
using foicode::testing::WriteFile;

std::vector<std::string> DisplayPaths(const std::vector<InputFile>& inputs) {
  std::vector<std::string> paths;
  for (const auto& i : inputs) paths.push_back(i.display_path);
  return paths;
}

TEST(WalkInputsTest, JoinsArgumentWithPathBelowAndSorts) {
  TempDir dir;
  WriteFile(dir.path() / "replies/b.pdf", "x");
  WriteFile(dir.path() / "replies/a/FOI 4410 response.pdf", "x");
  WriteFile(dir.path() / "replies/c.eml", "x");
  const std::string arg = (dir.path() / "replies").string();
  std::vector<InputFile> inputs;
  ASSERT_TRUE(WalkInputs({arg + "/"}, {}, &inputs).ok());
  EXPECT_EQ(DisplayPaths(inputs),
            (std::vector<std::string>{arg + "/a/FOI 4410 response.pdf", arg + "/b.pdf", arg + "/c.eml"}));
}

TEST(WalkInputsTest, NamesThatAreNotUtf8StayDistinctLabels) {
  TempDir dir;
  WriteFile(dir.path() / "r/r\xE9ponse.txt", "x");  // Latin-1 e acute
  WriteFile(dir.path() / "r/r\xE8ponse.txt", "x");  // Latin-1 e grave
  WriteFile(dir.path() / "r/r\xC3\xA9ponse.txt", "x");  // UTF-8 e acute, kept as is
  const std::string arg = (dir.path() / "r").string();
  std::vector<InputFile> inputs;
  ASSERT_TRUE(WalkInputs({arg}, {}, &inputs).ok());
  EXPECT_EQ(DisplayPaths(inputs), (std::vector<std::string>{arg + "/r\\xe8ponse.txt", arg + "/r\\xe9ponse.txt",
                                                            arg + "/r\xC3\xA9ponse.txt"}));
  EXPECT_EQ(inputs[0].fs_path, dir.path() / "r/r\xE8ponse.txt") << "the file is still read by its real name";
}

TEST(WalkInputsTest, FileArgumentKeepsItsSpellingAndOverlapsAreReadOnce) {
  TempDir dir;
  WriteFile(dir.path() / "r/x.txt", "x");
  const std::string folder = (dir.path() / "r").string();
  const std::string file = (dir.path() / "r/x.txt").string();
  std::vector<InputFile> inputs;
  ASSERT_TRUE(WalkInputs({file, folder}, {}, &inputs).ok());
  EXPECT_EQ(DisplayPaths(inputs), (std::vector<std::string>{file}));
}

TEST(WalkInputsTest, MissingPathIsAnErrorNamingIt) {
  std::vector<InputFile> inputs;
  const Status s = WalkInputs({"/no/such/replies"}, {}, &inputs);
  EXPECT_EQ(s.message(), "no such file or folder: /no/such/replies");
}

TEST(WalkInputsTest, DatasetFolderInsideTheRepliesIsNotRead) {
  TempDir dir;
  WriteFile(dir.path() / "replies/a.txt", "x");
  WriteFile(dir.path() / "replies/out/responses.jsonl", "{}");
  std::vector<InputFile> inputs;
  ASSERT_TRUE(WalkInputs({(dir.path() / "replies").string()}, dir.path() / "replies/out", &inputs).ok());
  ASSERT_EQ(inputs.size(), 1u);
  EXPECT_EQ(inputs[0].fs_path.filename(), "a.txt");
}

TEST(WalkInputsTest, SymlinkLoopDoesNotTrapTheWalk) {
  TempDir dir;
  WriteFile(dir.path() / "r/a.txt", "x");
  std::filesystem::create_directory_symlink(dir.path() / "r", dir.path() / "r/loop");
  std::vector<InputFile> inputs;
  ASSERT_TRUE(WalkInputs({(dir.path() / "r").string()}, {}, &inputs).ok());
  EXPECT_EQ(inputs.size(), 1u);
}

}  // namespace
}  // namespace foicode::batch
