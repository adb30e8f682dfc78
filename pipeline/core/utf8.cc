#include "core/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace foicode {

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string ToValidUtf8(std::string_view text, std::size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  std::size_t bad = 0;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      ++bad;
    } else {
      out.append(text.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  if (replaced != nullptr) *replaced = bad;
  return out;
}

void AppendUtf8(std::string& out, std::uint32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int CountCodePoints(std::string_view text) {
  int n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

int CodePointOffset(std::string_view text, std::size_t byte) {
  return CountCodePoints(text.substr(0, byte));
}

std::int32_t CodePointAt(std::string_view text, std::size_t byte) {
  if (byte >= text.size()) return -1;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  auto i = static_cast<int32_t>(byte);
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
  return c;
}

std::int32_t CodePointBefore(std::string_view text, std::size_t byte) {
  if (byte == 0 || byte > text.size()) return -1;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  auto i = static_cast<int32_t>(byte);
  UChar32 c;
  U8_PREV(s, 0, i, c);
  return c;
}

}  // namespace foicode
