// Little-endian integers inside byte strings, as the Microsoft formats (Outlook .msg, TNEF,
// compressed RTF) and the child-process frames store them.
#ifndef FOICODE_PIPELINE_EXTRACT_BYTE_ORDER_H_
#define FOICODE_PIPELINE_EXTRACT_BYTE_ORDER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace foicode::extract {

// The N-byte little-endian integer at bytes[at]. REQUIRES: at + N <= bytes.size(); callers
// check the length of hostile input first.
inline std::uint64_t LoadLe(std::string_view bytes, std::size_t at, int n) {
  std::uint64_t value = 0;
  for (int i = n - 1; i >= 0; --i) {
    value = value << 8 | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  }
  return value;
}
inline std::uint16_t LoadLe16(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint16_t>(LoadLe(bytes, at, 2));
}
inline std::uint32_t LoadLe32(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint32_t>(LoadLe(bytes, at, 4));
}
inline std::uint64_t LoadLe64(std::string_view bytes, std::size_t at) {
  return LoadLe(bytes, at, 8);
}

// Writes `value` as 8 little-endian bytes to out[0..7].
inline void StoreLe64(std::uint64_t value, char* out) {
  for (int i = 0; i < 8; ++i) {
    out[i] = static_cast<char>(value & 0xFF);
    value >>= 8;
  }
}

// Appends `value` as 8 little-endian bytes.
inline void AppendLe64(std::uint64_t value, std::string* out) {
  char bytes[8];
  StoreLe64(value, bytes);
  out->append(bytes, sizeof bytes);
}

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_BYTE_ORDER_H_
