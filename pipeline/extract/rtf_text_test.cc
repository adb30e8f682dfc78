// Tests for RtfToText: codepages, Unicode escapes, destinations.
#include "extract/rtf_text.h"

#include <gtest/gtest.h>

#include <string>

namespace foicode::extract {
namespace {

TEST(RtfToTextTest, HexBytesDefaultToWindows1252) {
  EXPECT_EQ(RtfToText("{\\rtf1\\ansi Cost \\'a35 \\'96 approx\\par}"),
            "Cost \u00A3" "5 \u2013 approx");
}

// A Polish trust's Outlook RTF body: \'hh bytes are windows-1250, as \ansicpg1250 says.
TEST(RtfToTextTest, HexBytesFollowAnsiCodepage) {
  EXPECT_EQ(RtfToText("{\\rtf1\\ansi\\ansicpg1250 \\'9cwiadczenie \\'b3\\'f3d\\'9f\\par}"),
            "\u015Bwiadczenie \u0142\u00F3d\u017A");
  EXPECT_EQ(RtfToText("{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8\\par}"), "\u041F\u0440\u0438");
}

// Word writes a character outside the BMP as two \uN, a surrogate pair: they were two U+FFFD.
TEST(RtfToTextTest, SurrogatePairsBecomeOneCharacter) {
  EXPECT_EQ(RtfToText("{\\rtf1\\uc1 ok \\u-10179?\\u-8704? done}"), "ok \U0001F600 done");
  EXPECT_EQ(RtfToText("{\\rtf1\\uc1 \\u55357?\\u56832?}"), "\U0001F600");
  // Unpaired halves stay visible as U+FFFD.
  EXPECT_EQ(RtfToText("{\\rtf1\\uc1 a\\u55357?b\\u56832?c}"), "a\uFFFDb\uFFFDc");
  EXPECT_EQ(RtfToText("{\\rtf1\\uc1 a\\u55357?\\u233?}"), "a\uFFFD\u00E9");
}

TEST(RtfToTextTest, DestinationsDropped) {
  EXPECT_EQ(RtfToText("{\\rtf1{\\fonttbl{\\f0 Arial;}}{\\*\\generator x;}Hello\\par world}"),
            "Hello\nworld");
}

}  // namespace
}  // namespace foicode::extract
