#include "core/folded_text.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace foicode {
namespace {

// The original code points that a folded [begin, end) byte range came from.
std::string OriginalOf(const std::string& original, const FoldedText& folded, std::size_t begin,
                       std::size_t end) {
  const int from = folded.OriginalStart(begin);
  const int to = folded.OriginalEnd(end);
  // Convert code point offsets to bytes for the comparison.
  std::size_t b = 0, e = 0;
  int cp = 0;
  for (std::size_t i = 0; i <= original.size(); ++i) {
    if (i == original.size() || (static_cast<unsigned char>(original[i]) & 0xC0) != 0x80) {
      if (cp == from) b = i;
      if (cp == to) e = i;
      ++cp;
    }
  }
  return original.substr(b, e - b);
}

TEST(FoldedTextTest, FoldsCaseLigaturesPunctuationAndSpaces) {
  struct Case {
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"IschemaView", "ischemaview"},
      {"ＲａｐｉｄＡＩ", "rapidai"},
      {"ﬁnance workﬂow", "finance workflow"},
      {"10–15 and 10—15", "10-15 and 10-15"},
      {"Trust’s “AI”", "trust's \"ai\""},
      {"Heart\u00ADFlow", "heartflow"},
      {"Aidence\u200B Veye", "aidence veye"},
      {"25\u00A0000   scans\t a", "25 000 scans a"},
      {"Veye Lung\nNodules", "veye lung nodules"},
      {"STRASSE Straße", "strasse strasse"},
  };
  for (const Case& c : cases) EXPECT_EQ(FoldedText(c.in).text(), c.out) << c.in;
}

TEST(FoldedTextTest, LineBreaksKeptWhenAsked) {
  EXPECT_EQ(FoldedText("Brainomix  \n887\r\n", FoldOptions{.fold_line_breaks = false}).text(),
            "brainomix\n887\n");
}

TEST(FoldedTextTest, MapsMatchesBackToTheOriginal) {
  const std::string original = "Our ﬁrst – “Heart\u00ADFlow” pilot: £1,200 in 23/24";
  const FoldedText folded(original);
  const std::string& t = folded.text();
  ASSERT_EQ(t, "our first - \"heartflow\" pilot: £1,200 in 23/24");
  const auto at = t.find("heartflow");
  EXPECT_EQ(OriginalOf(original, folded, at, at + 9), "Heart\u00ADFlow");
  const auto first = t.find("first");
  EXPECT_EQ(OriginalOf(original, folded, first, first + 5), "ﬁrst");
  const auto money = t.find("£1,200");
  EXPECT_EQ(OriginalOf(original, folded, money, money + std::string("£1,200").size()), "£1,200");
  EXPECT_EQ(folded.OriginalStart(t.size()), CountCodePoints(original));
}

}  // namespace
}  // namespace foicode
