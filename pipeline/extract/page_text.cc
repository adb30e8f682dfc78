// Output conventions shared by the readers: line ends, one-line labels, the max_text_chars cut.
#include "extract/page_text.h"

#include <cstddef>
#include <string>

#include "extract/limits.h"

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

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      pending_space = !out.empty();
    } else if (u >= 0x20 && u != 0x7F) {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.push_back(c);
    }
  }
  return out;
}

std::string PageList(const std::vector<int>& pages) {
  constexpr std::size_t kShown = 20;
  std::string out = pages.size() > 1 ? "pages " : "page ";
  for (std::size_t i = 0; i < pages.size() && i < kShown; ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(pages[i]);
  }
  if (pages.size() > kShown) out += " and " + std::to_string(pages.size() - kShown) + " more";
  return out;
}

bool CutText(std::string& text, std::uint64_t max_chars) {
  std::uint64_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count == max_chars) {
      text.resize(i);
      return true;
    }
    ++count;
  }
  return false;
}

void CapText(std::string& text, std::uint64_t max_chars, std::string_view what,
             std::vector<Flag>& flags) {
  if (!CutText(text, max_chars)) return;
  flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                       "Only the first " + std::to_string(max_chars) + " characters of " +
                           std::string(what) + " were kept (" + LimitNote("max_text_chars") +
                           ")."});
}

}  // namespace foicode::extract
