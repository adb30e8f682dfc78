#include "core/utf8.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace foicode
