// Tests for the shared output conventions: NormalizeLines, OneLine, PageList, CutText, CapText.
#include "extract/page_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace foicode::extract {
namespace {

TEST(NormalizeLinesTest, TrailingSpacesBlankRunsAndLineEnds) {
  EXPECT_EQ(NormalizeLines("\n\n a  \r\nb\t\r\r\r\n\n  \nc\n\n"), " a\nb\n\nc");
  EXPECT_EQ(NormalizeLines("a\fb\x01\x7F" "c\xC2\xA0" "d"), "a\nbc d");
}

TEST(OneLineTest, FoldsWhiteSpaceAndDropsControls) {
  EXPECT_EQ(OneLine("  RE: FOI\r\n\t 42 \x01\n"), "RE: FOI 42");
  EXPECT_EQ(OneLine(""), "");
  EXPECT_EQ(OneLine(" \n "), "");
}

TEST(PageListTest, OneManyAndTooMany) {
  EXPECT_EQ(PageList({3}), "page 3");
  EXPECT_EQ(PageList({3, 4, 7}), "pages 3, 4, 7");
  std::vector<int> many;
  for (int i = 1; i <= 25; ++i) many.push_back(i);
  EXPECT_EQ(PageList(many),
            "pages 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 and 5 "
            "more");
}

TEST(CutTextTest, CountsCodePoints) {
  std::string text = "\u00E9\u00E9\u00E9";
  EXPECT_FALSE(CutText(text, 3));
  EXPECT_TRUE(CutText(text, 2));
  EXPECT_EQ(text, "\u00E9\u00E9");
}

TEST(CapTextTest, FlagsOnlyWhenItCuts) {
  std::vector<Flag> flags;
  std::string text = "abcdef";
  CapText(text, 10, "the body", flags);
  EXPECT_TRUE(flags.empty());
  CapText(text, 4, "the body", flags);
  EXPECT_EQ(text, "abcd");
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0], (Flag{"limit_reached",
                            "Only the first 4 characters of the body were kept (limit "
                            "max_text_chars; raise it with --limit max_text_chars=VALUE)."}));
}

}  // namespace
}  // namespace foicode::extract
