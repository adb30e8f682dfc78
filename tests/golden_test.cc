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

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The first difference with a little context, as expected:/got: blocks.
std::string FirstDifference(const std::string& expected, const std::string& got) {
  const auto e = Lines(expected);
  const auto g = Lines(got);
  std::size_t i = 0;
  while (i < e.size() && i < g.size() && e[i] == g[i]) ++i;
  std::string out = "first difference at line " + std::to_string(i + 1) + "\nexpected:\n";
  for (std::size_t k = i; k < std::min(e.size(), i + 3); ++k) out += "  " + e[k] + "\n";
  out += "got:\n";
  for (std::size_t k = i; k < std::min(g.size(), i + 3); ++k) out += "  " + g[k] + "\n";
  return out;
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
