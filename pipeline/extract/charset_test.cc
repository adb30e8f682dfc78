// Tests for DecodeToUtf8: labels, BOMs, mislabels and detection.
#include "extract/charset.h"

#include <gtest/gtest.h>

#include <string>

#include "core/flag.h"

namespace foicode::extract {
namespace {

bool HasFlag(const DecodedText& decoded, std::string_view code) {
  for (const Flag& flag : decoded.flags) {
    if (flag.code == code) return true;
  }
  return false;
}

TEST(DecodeToUtf8Test, CleanDecodesCarryNoFlags) {
  struct Case {
    std::string bytes;
    std::string label;
    std::string expected;
  };
  const Case cases[] = {
      {"plain ascii", "", "plain ascii"},
      {"caf\xC3\xA9", "", "caf\u00E9"},
      {"caf\xC3\xA9", "UTF-8", "caf\u00E9"},
      {"\x93quoted\x94 \x96 \xA3" "5", "iso-8859-1", "\u201Cquoted\u201D \u2013 \u00A3" "5"},
      {"\x92", "latin1", "\u2019"},
      {"\x92", "\"us-ascii\"", "\u2019"},
      {"\x92", "windows-1252", "\u2019"},
      {"\xEF\xBB\xBFwith bom", "", "with bom"},
      {std::string("\xFF\xFEh\0i\0", 6), "", "hi"},
      {std::string("\xFE\xFF\0h\0i", 6), "iso-8859-1", "hi"},
      {"\xE9t\xE9", "iso-8859-15", "\u00E9t\u00E9"},
  };
  for (const Case& c : cases) {
    const DecodedText decoded = DecodeToUtf8(c.bytes, c.label);
    EXPECT_EQ(decoded.text, c.expected) << c.label << ": " << c.bytes;
    EXPECT_TRUE(decoded.flags.empty()) << c.label << ": " << c.bytes;
  }
}

TEST(DecodeToUtf8Test, UndeclaredLatin1IsGuessedAsWindows1252) {
  const DecodedText decoded = DecodeToUtf8("The Trust\x92s caf\xE9", "");
  EXPECT_EQ(decoded.text, "The Trust\u2019s caf\u00E9");
  EXPECT_TRUE(HasFlag(decoded, flag_codes::kCharsetGuessed));
}

TEST(DecodeToUtf8Test, Utf8LabelledAsLatin1IsReadAsUtf8) {
  const DecodedText decoded = DecodeToUtf8("caf\xC3\xA9 \xE2\x80\x93 ok", "iso-8859-1");
  EXPECT_EQ(decoded.text, "caf\u00E9 \u2013 ok");
  EXPECT_TRUE(HasFlag(decoded, flag_codes::kCharsetGuessed));
}

TEST(DecodeToUtf8Test, BrokenUtf8IsRepaired) {
  const DecodedText decoded = DecodeToUtf8("caf\xC3\xA9 and \xC3 cut", "utf-8");
  EXPECT_EQ(decoded.text, "caf\u00E9 and \uFFFD cut");
  EXPECT_TRUE(HasFlag(decoded, flag_codes::kCharsetRepaired));
}

TEST(DecodeToUtf8Test, Utf8LabelOnLatin1BytesIsDetected) {
  const DecodedText decoded = DecodeToUtf8("caf\xE9", "utf-8");
  EXPECT_EQ(decoded.text, "caf\u00E9");
  EXPECT_TRUE(HasFlag(decoded, flag_codes::kCharsetGuessed));
}

TEST(DecodeToUtf8Test, UnknownLabelFlaggedWithItsName) {
  const DecodedText decoded = DecodeToUtf8("caf\xE9", "x-foo");
  EXPECT_EQ(decoded.text, "caf\u00E9");
  ASSERT_TRUE(HasFlag(decoded, flag_codes::kCharsetGuessed));
  EXPECT_NE(decoded.flags[0].message.find("\"x-foo\""), std::string::npos);
}

TEST(DecodeToUtf8Test, UnknownLabelOnAsciiIsQuiet) {
  const DecodedText decoded = DecodeToUtf8("plain", "x-foo");
  EXPECT_EQ(decoded.text, "plain");
  EXPECT_TRUE(decoded.flags.empty());
}

TEST(DecodeToUtf8Test, InvalidBytesInMultiByteCharsetAreReplacedAndFlagged) {
  const DecodedText decoded = DecodeToUtf8("ok \x82\xA0 \xFF", "shift_jis");
  EXPECT_TRUE(HasFlag(decoded, flag_codes::kCharsetRepaired));
  EXPECT_NE(decoded.text.find("\uFFFD"), std::string::npos);
}

TEST(DecodeToUtf8Test, GarbageNeverFails) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 131) & 0xFF));
  for (const char* label : {"", "utf-8", "utf-16le", "x-foo", "iso-2022-jp", "gb18030"}) {
    const DecodedText decoded = DecodeToUtf8(garbage, label);
    EXPECT_FALSE(decoded.text.empty()) << label;
  }
}

}  // namespace
}  // namespace foicode::extract
