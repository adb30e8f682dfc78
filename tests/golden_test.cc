// Golden tests: the text extracted from every sample reply, compared with the reviewed
// expected output in tests/golden/extract/. tools/update-goldens.sh rewrites the goldens from
// the current build; the diff is then reviewed like code.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "batch/run_batch.h"
#include "core/extracted_source_json.h"
#include "testing/test_support.h"

namespace foicode {
namespace {

namespace fs = std::filesystem;

fs::path SourceDir() { return FOICODE_SOURCE_DIR; }

// Sample paths relative to the source tree ("samples/replies/x.pdf"), as
// tools/update-goldens.sh names them.
std::vector<std::string> SamplePaths() {
  std::vector<std::string> paths;
  const fs::path root = SourceDir() / "samples/replies";
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) paths.push_back(fs::relative(it->path(), SourceDir()).generic_string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Where the first difference is: its line and column, with a little of each side around it.
// Page texts are single long JSON lines, so whole lines would bury the difference.
std::string FirstDifference(const std::string& expected, const std::string& got) {
  std::size_t at = 0;
  while (at < expected.size() && at < got.size() && expected[at] == got[at]) ++at;
  const std::size_t line = 1 + std::count(expected.begin(), expected.begin() + at, '\n');
  const std::size_t line_start = expected.rfind('\n', at == 0 ? 0 : at - 1);
  const std::size_t column = at - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
  const std::size_t from = at > 80 ? at - 80 : 0;
  return "first difference at line " + std::to_string(line) + ", column " + std::to_string(column) +
         "\nexpected: ..." + expected.substr(from, 160) + "...\ngot:      ..." +
         got.substr(from, 160) + "...\n";
}

class GoldenExtractTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenExtractTest, MatchesReviewedOutput) {
  const std::string relative = GetParam();
  const ExtractedSource source =
      batch::ExtractInputFile(batch::InputFile{relative, SourceDir() / relative}, extract::Limits());
  const std::string got = ExtractJsonText(source);
  const fs::path golden =
      SourceDir() / "tests/golden/extract" / (relative.substr(std::string("samples/replies/").size()) + ".json");
  ASSERT_TRUE(fs::exists(golden)) << "no golden for " << relative << "; run tools/update-goldens.sh";
  const std::string expected = testing::ReadFileOrDie(golden);
  EXPECT_TRUE(got == expected) << relative << ": " << FirstDifference(expected, got);
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param.substr(std::string("samples/replies/").size())) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Samples, GoldenExtractTest, ::testing::ValuesIn(SamplePaths()), TestName);

TEST(GoldenSetTest, EverySampleHasAGoldenAndEveryGoldenASample) {
  const auto samples = SamplePaths();
  ASSERT_GE(samples.size(), 15u) << "samples/replies/ should hold at least 15 replies";
  std::vector<std::string> goldens;
  const fs::path root = SourceDir() / "tests/golden/extract";
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) {
      std::string rel = fs::relative(it->path(), root).generic_string();
      goldens.push_back("samples/replies/" + rel.substr(0, rel.size() - std::string(".json").size()));
    }
  }
  std::sort(goldens.begin(), goldens.end());
  EXPECT_EQ(goldens, samples);
}

}  // namespace
}  // namespace foicode
