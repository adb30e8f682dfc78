// Tests for the little-endian helpers.
#include "extract/byte_order.h"

#include <gtest/gtest.h>

#include <string>

namespace foicode::extract {
namespace {

TEST(ByteOrderTest, LoadsLittleEndianAtAnOffset) {
  const std::string bytes("\xAA\x01\x02\x03\x04\x05\x06\x07\xFF", 9);
  EXPECT_EQ(LoadLe16(bytes, 1), 0x0201u);
  EXPECT_EQ(LoadLe32(bytes, 1), 0x04030201u);
  EXPECT_EQ(LoadLe32(bytes, 5), 0xFF070605u);
  EXPECT_EQ(LoadLe64(bytes, 1), 0xFF07060504030201ull);
}

TEST(ByteOrderTest, StoreAndAppendRoundTrip) {
  std::string out = "x";
  AppendLe64(0x0102030405060708ull, &out);
  EXPECT_EQ(out, std::string("x\x08\x07\x06\x05\x04\x03\x02\x01", 9));
  EXPECT_EQ(LoadLe64(out, 1), 0x0102030405060708ull);
  char header[9] = {};
  StoreLe64(~0ull, header + 1);
  EXPECT_EQ(LoadLe64(std::string_view(header, 9), 1), ~0ull);
  EXPECT_EQ(header[0], 0);
}

}  // namespace
}  // namespace foicode::extract
