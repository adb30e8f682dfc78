// Output conventions shared by the text, HTML, CSV, e-mail and TNEF readers.
#include "extract/page_text.h"

#include <cstddef>
#include <string>

namespace foicode::extract {

std::string NormalizeLines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::string line;
  int blank_run = 0;
  bool any_line = false;
  auto flush_line = [&]() {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (line.empty()) {
      ++blank_run;
    } else {
      if (any_line) out += blank_run > 0 ? "\n\n" : "\n";
      out += line;
      any_line = true;
      blank_run = 0;
    }
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      flush_line();
    } else if (c == '\n' || c == '\f' || c == '\v') {
      flush_line();
    } else if (c == '\t') {
      line.push_back('\t');
    } else if (c < 0x20 || c == 0x7F) {
      continue;
    } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      line.push_back(' ');
      ++i;
    } else {
      line.push_back(static_cast<char>(c));
    }
  }
  flush_line();
  return out;
}

void CapText(std::string& text, std::uint64_t max_chars, std::string_view what,
             std::vector<Flag>& flags) {
  std::uint64_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count == max_chars) {
      text.resize(i);
      flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                           "Only the first " + std::to_string(max_chars) + " characters of " +
                               std::string(what) + " were kept (limit max_text_chars)."});
      return;
    }
    ++count;
  }
}

}  // namespace foicode::extract
