#include "core/utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace foicode {
namespace {

TEST(Utf8Test, ValidAndInvalid) {
  EXPECT_TRUE(IsValidUtf8("Brainomix e-Stroke – £1,200"));
  EXPECT_FALSE(IsValidUtf8("caf\xe9"));        // Latin-1 byte
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));       // overlong "/"
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));   // UTF-16 surrogate
}

TEST(Utf8Test, RepairReplacesEachBadSequence) {
  std::size_t replaced = 0;
  EXPECT_EQ(ToValidUtf8("a\xe9" "b\xff", &replaced), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(replaced, 2u);
  EXPECT_EQ(ToValidUtf8("ok ’", &replaced), "ok ’");
  EXPECT_EQ(replaced, 0u);
}

TEST(Utf8Test, CodePointsNotBytes) {
  EXPECT_EQ(CountCodePoints("£12 – ﬁ"), 7);
  EXPECT_EQ(CodePointOffset("£12 – x", std::string("£12 – ").size()), 6);
  EXPECT_EQ(CountCodePoints("\xF0\x9F\x98\x80"), 1);  // outside the BMP: one, not two
}

TEST(Utf8Test, AppendEncodesEachLengthAndReplacesWhatUtf8CannotCarry) {
  std::string out;
  for (const std::uint32_t cp : {0x41u, 0xA3u, 0x2013u, 0x1F600u, 0x10FFFFu}) AppendUtf8(out, cp);
  EXPECT_EQ(out, "A£–\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF");
  EXPECT_TRUE(IsValidUtf8(out));
  out.clear();
  for (const std::uint32_t cp : {0xD800u, 0xDFFFu, 0x110000u}) AppendUtf8(out, cp);
  EXPECT_EQ(out, "\uFFFD\uFFFD\uFFFD");
}

}  // namespace
}  // namespace foicode

namespace foicode {
namespace {

TEST(Utf8Test, CodePointAtAndBefore) {
  const std::string text = "a£–b";
  EXPECT_EQ(CodePointAt(text, 0), 'a');
  EXPECT_EQ(CodePointAt(text, 1), 0xA3);
  EXPECT_EQ(CodePointAt(text, 3), 0x2013);
  EXPECT_EQ(CodePointAt(text, text.size()), -1);
  EXPECT_EQ(CodePointBefore(text, 0), -1);
  EXPECT_EQ(CodePointBefore(text, 3), 0xA3);
  EXPECT_EQ(CodePointBefore(text, text.size()), 'b');
}

}  // namespace
}  // namespace foicode
