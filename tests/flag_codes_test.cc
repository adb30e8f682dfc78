// Flag codes are read by scripts outside foicode: each one must be documented in README.md.
#include <gtest/gtest.h>

#include <regex>

#include "testing/test_support.h"

namespace foicode {
namespace {

TEST(FlagCodesTest, EveryCodeIsInTheReadmeTable) {
  const std::string header = testing::ReadFileOrDie(std::string(FOICODE_SOURCE_DIR) + "/pipeline/core/flag.h");
  const std::string readme = testing::ReadFileOrDie(std::string(FOICODE_SOURCE_DIR) + "/README.md");
  const std::regex code_line(R"re(std::string_view k\w+ = "([a-z_]+)")re");
  int codes = 0;
  for (std::sregex_iterator it(header.begin(), header.end(), code_line), end; it != end; ++it) {
    ++codes;
    const std::string row = "| `" + (*it)[1].str() + "` |";
    EXPECT_NE(readme.find(row), std::string::npos) << (*it)[1] << " is not in README.md's flag table";
  }
  EXPECT_GE(codes, 10);
}

}  // namespace
}  // namespace foicode
