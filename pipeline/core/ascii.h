// ASCII-only case helpers for the protocol words foicode compares: charset labels, MIME types,
// file extensions, part names, header keywords. Independent of the C locale, so a batch gives
// the same result on every machine; bytes outside A-Z and a-z (UTF-8 included) pass unchanged.
#ifndef FOICODE_PIPELINE_CORE_ASCII_H_
#define FOICODE_PIPELINE_CORE_ASCII_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace foicode {

// `c` with A-Z mapped to a-z.
constexpr char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `text` with A-Z mapped to a-z.
inline std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

// True when `a` and `b` are equal once A-Z are mapped to a-z.
constexpr bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// True when `text` begins with `prefix`, A-Z and a-z taken as equal.
constexpr bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

// True when `text` ends with `suffix`, A-Z and a-z taken as equal.
constexpr bool EndsWithIgnoreCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         EqualsIgnoreCase(text.substr(text.size() - suffix.size()), suffix);
}

// True when `needle` occurs in `text`, A-Z and a-z taken as equal. Time is |text| x |needle|:
// meant for short lines and short needles.
constexpr bool ContainsIgnoreCase(std::string_view text, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (EqualsIgnoreCase(text.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_ASCII_H_
