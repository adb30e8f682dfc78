// Tests for DecompressRtf with the examples of [MS-OXRTFCP] 3.1.
#include "extract/compressed_rtf.h"

#include <gtest/gtest.h>

#include <string>

namespace foicode::extract {
namespace {

std::string Bytes(std::initializer_list<int> values) {
  std::string out;
  for (int v : values) out += static_cast<char>(v);
  return out;
}

TEST(CompressedRtfTest, DecompressesTheSpecificationsFirstExample) {
  const std::string compressed =
      Bytes({0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xf1, 0xc5,
             0xc7, 0xa7, 0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42,
             0x32, 0x0a, 0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xb0,
             0x6c, 0x64, 0x7d, 0x0a, 0x80, 0x0f, 0xa0});
  EXPECT_EQ(DecompressRtf(compressed, 1 << 20), "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
}

TEST(CompressedRtfTest, DecompressesAReferenceThatWrapsTheDictionary) {
  // [MS-OXRTFCP] 3.1.2: "{\rtf1 WXYZWXYZWXYZWXYZWXYZ}", a run copied onto itself.
  const std::string compressed =
      Bytes({0x1a, 0x00, 0x00, 0x00, 0x1c, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xe2, 0xd4,
             0x4b, 0x51, 0x41, 0x00, 0x04, 0x20, 0x57, 0x58, 0x59, 0x5a, 0x0d, 0x6e, 0x7d, 0x01,
             0x0e, 0xb0});
  EXPECT_EQ(DecompressRtf(compressed, 1 << 20), "{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}");
}

TEST(CompressedRtfTest, StoredRtfAndBounds) {
  const std::string stored = Bytes({0x0f, 0, 0, 0, 0x05, 0, 0, 0, 'M', 'E', 'L', 'A', 0, 0, 0, 0}) + "{\\rtf}";
  EXPECT_EQ(DecompressRtf(stored, 100), "{\\rtf");
  EXPECT_EQ(DecompressRtf(stored, 3), "{\\r");
  EXPECT_EQ(DecompressRtf("short", 100), std::nullopt);
  EXPECT_EQ(DecompressRtf(std::string(16, 'x'), 100), std::nullopt);
  // A claimed raw size of 4 GB with a truncated stream stops at the data's end.
  const std::string lying = Bytes({0x10, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x4c, 0x5a, 0x46, 0x75,
                                   0, 0, 0, 0, 0x00, 'a', 'b'});
  EXPECT_EQ(DecompressRtf(lying, 1 << 20), "ab");
}

}  // namespace
}  // namespace foicode::extract
