// Tests for the ASCII case helpers.
#include "core/ascii.h"

#include <gtest/gtest.h>

namespace foicode {
namespace {

TEST(AsciiTest, LowerMapsOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower('Q'), 'q');
  EXPECT_EQ(AsciiLower('@'), '@');
  EXPECT_EQ(AsciiLower('['), '[');
  EXPECT_EQ(AsciiLower(std::string_view("Content-Type: TEXT/Plain")), "content-type: text/plain");
  // Bytes of UTF-8 text (here "É" and "İ") are never touched, whatever the C locale says.
  EXPECT_EQ(AsciiLower(std::string_view("\xC3\x89T\xC4\xB0")), "\xC3\x89t\xC4\xB0");
  EXPECT_EQ(AsciiLower(std::string_view("")), "");
}

TEST(AsciiTest, ComparisonsIgnoreAsciiCaseOnly) {
  const struct {
    std::string_view text, other;
    bool equals, starts, ends, contains;
  } kCases[] = {
      {"UTF-8", "utf-8", true, true, true, true},
      {"utf-8", "UTF-8", true, true, true, true},
      {"From: Jo", "from:", false, true, false, true},
      {"Jo WROTE:", "wrote:", false, false, true, true},
      {"--Original Message--", "original message", false, false, false, true},
      {"ab", "abc", false, false, false, false},
      {"\xC3\x89", "\xC3\xA9", false, false, false, false},  // É and é: not ASCII
      {"anything", "", false, true, true, true},
      {"", "", true, true, true, true},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(EqualsIgnoreCase(c.text, c.other), c.equals) << c.text << " / " << c.other;
    EXPECT_EQ(StartsWithIgnoreCase(c.text, c.other), c.starts) << c.text << " / " << c.other;
    EXPECT_EQ(EndsWithIgnoreCase(c.text, c.other), c.ends) << c.text << " / " << c.other;
    EXPECT_EQ(ContainsIgnoreCase(c.text, c.other), c.contains) << c.text << " / " << c.other;
  }
}

}  // namespace
}  // namespace foicode
