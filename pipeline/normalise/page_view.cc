// The normalise stage's working copy of one page (see page_view.h).
#include "normalise/page_view.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

namespace foicode::normalise {

PageView::PageView(std::string_view original) : original_(original), folded_(original) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(original.data());
  const auto length = static_cast<int32_t>(original.size());
  line_starts_.push_back(0);
  for (int32_t i = 0; i < length;) {
    byte_of_.push_back(static_cast<std::size_t>(i));
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    code_points_.push_back(static_cast<char32_t>(c));
    if (c == '\n') line_starts_.push_back(static_cast<int>(code_points_.size()));
  }
  byte_of_.push_back(original.size());

  const std::string& text = folded_.text();
  const auto* fb = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto flen = static_cast<int32_t>(text.size());
  bool in_word = false;
  Word word;
  for (int32_t i = 0; i < flen;) {
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(fb, i, flen, c);
    const bool alnum = c >= 0 && u_isalnum(c);
    if (alnum && !in_word) {
      word.begin = static_cast<std::size_t>(begin);
      in_word = true;
    } else if (!alnum && in_word) {
      word.end = static_cast<std::size_t>(begin);
      words_.push_back(word);
      in_word = false;
    }
  }
  if (in_word) {
    word.end = text.size();
    words_.push_back(word);
  }
  for (Word& w : words_) {
    w.start = folded_.OriginalStart(w.begin);
    w.stop = folded_.OriginalEnd(w.end);
  }
}

std::string PageView::Quote(int start, int end) const {
  start = std::clamp(start, 0, size());
  end = std::clamp(end, start, size());
  return std::string(original_.substr(byte_of_[start], byte_of_[end] - byte_of_[start]));
}

int PageView::LineOf(int index) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), index);
  return static_cast<int>(it - line_starts_.begin()) - 1;
}

std::size_t PageView::WordAt(std::size_t byte) const {
  auto it = std::upper_bound(words_.begin(), words_.end(), byte,
                             [](std::size_t b, const Word& w) { return b < w.end; });
  return static_cast<std::size_t>(it - words_.begin());
}

bool PageView::AlnumAt(std::size_t pos) const {
  const std::string& text = folded_.text();
  if (pos >= text.size()) return false;
  const auto* fb = reinterpret_cast<const std::uint8_t*>(text.data());
  auto i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT(fb, i, static_cast<int32_t>(text.size()), c);
  return c >= 0 && u_isalnum(c);
}

bool PageView::AlnumBefore(std::size_t end) const {
  if (end == 0) return false;
  const std::string& text = folded_.text();
  const auto* fb = reinterpret_cast<const std::uint8_t*>(text.data());
  auto i = static_cast<int32_t>(end);
  UChar32 c;
  U8_PREV(fb, 0, i, c);
  return c >= 0 && u_isalnum(c);
}

}  // namespace foicode::normalise
