#include "assemble/text_units.h"

#include <algorithm>
#include <array>

#include <unicode/uchar.h>

#include "core/utf8.h"

namespace foicode::assemble {
namespace {

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\r' || c == 0xA0; }

// Words that end in "." without ending a sentence: "c. 20", "e.g. Aidence", "approx. 90".
bool IsAbbreviation(std::u32string_view word) {
  static constexpr std::array<std::u32string_view, 16> kWords = {
      U"c", U"ca", U"e.g", U"i.e", U"eg", U"ie", U"approx", U"no", U"nos", U"vs",
      U"st", U"dr", U"mr", U"mrs", U"incl", U"ref"};
  if (word.size() == 1) return true;  // an initial
  std::u32string lower(word);
  for (char32_t& c : lower) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

}  // namespace

int LabelEnd(std::u32string_view line) {
  // "Heart Flow:   97 cases", "RAPID – approximately 35": a capitalised label of up to four
  // words, then ":" or a spaced dash. Returns the offset just past the separator, or 0.
  std::size_t i = 0;
  while (i < line.size() && IsSpace(line[i])) ++i;
  if (i == line.size() || !u_isupper(static_cast<UChar32>(line[i]))) return 0;
  int words = 1;
  for (std::size_t j = i; j < line.size() && j - i <= 40; ++j) {
    const char32_t c = line[j];
    if (c == ':' && (j + 1 == line.size() || IsSpace(line[j + 1]))) return static_cast<int>(j + 1);
    if ((c == 0x2013 || c == 0x2014 || c == '-') && j > i && IsSpace(line[j - 1]) &&
        j + 1 < line.size() && IsSpace(line[j + 1]))
      return static_cast<int>(j + 1);
    if (IsSpace(c) && j > i && !IsSpace(line[j - 1]) && ++words > 4) return 0;
    if (c == '.' || c == '?' || c == '!') return 0;
  }
  return 0;
}

namespace {

// A line that starts a new item: a bullet, "1." / "1)" / "(a)", "Q1", "Question 2", "Response:".
bool StartsItem(std::u32string_view line) {
  std::size_t i = 0;
  while (i < line.size() && IsSpace(line[i])) ++i;
  if (i == line.size()) return false;
  const char32_t c = line[i];
  if (c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0x25AA || c == '>') return true;
  if (u_isdigit(static_cast<UChar32>(c))) {
    std::size_t j = i;
    while (j < line.size() && u_isdigit(static_cast<UChar32>(line[j]))) ++j;
    return j < line.size() && j - i <= 2 && (line[j] == '.' || line[j] == ')') &&
           (j + 1 == line.size() || IsSpace(line[j + 1]));
  }
  if (c == '(' && i + 2 < line.size() && line[i + 2] == ')') return true;
  if ((c == 'Q' || c == 'q') && i + 1 < line.size() && u_isdigit(static_cast<UChar32>(line[i + 1])))
    return true;
  auto starts = [&](std::u32string_view word) {
    if (line.size() - i < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (u_tolower(static_cast<UChar32>(line[i + k])) != static_cast<UChar32>(word[k])) return false;
    }
    return true;
  };
  if (starts(U"question") || starts(U"response") || starts(U"answer")) return true;
  return LabelEnd(line) > 0;
}

}  // namespace

TextUnits::TextUnits(std::string_view text) {
  // Decoded into place, line starts noted on the way: this runs on every page of every input
  // a record is coded from.
  code_points_.resize(text.size());
  char32_t* const out = code_points_.data();
  const auto* const bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t count = 0;
  line_starts_.push_back(0);
  for (std::size_t byte = 0; byte < text.size();) {
    if (bytes[byte] < 0x80) {  // most of any page
      if (bytes[byte] == '\n') line_starts_.push_back(static_cast<int>(count + 1));
      out[count++] = bytes[byte++];
      continue;
    }
    const std::int32_t c = CodePointAt(text, byte);
    if (c < 0) break;  // text is valid UTF-8; stop rather than loop on a bad byte
    out[count++] = static_cast<char32_t>(c);
    byte += c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  code_points_.resize(count);

  const std::u32string_view all(code_points_);
  int paragraph = 0;
  bool in_paragraph = false;
  int open = -1;  // start of the sentence being built, or -1
  auto close = [&](int end) {
    if (open < 0) return;
    while (end > open && (IsSpace(all[end - 1]) || all[end - 1] == '\n')) --end;
    if (end > open) sentences_.push_back({open, end, paragraph, false});
    open = -1;
  };
  for (int line = 0; line < line_count(); ++line) {
    int start = LineStart(line);
    const int end = LineEnd(line);
    while (start < end && IsSpace(all[start])) ++start;
    if (start == end) {  // blank line: ends the sentence and the paragraph
      close(end);
      if (in_paragraph) ++paragraph;
      in_paragraph = false;
      continue;
    }
    in_paragraph = true;
    const std::u32string_view text_of_line = all.substr(start, end - start);
    int stop = end;
    while (stop > start && IsSpace(all[stop - 1])) --stop;
    const std::u32string_view trimmed = all.substr(start, stop - start);
    // A table row (cells joined by " | "), or columns aligned with spaces ("Lunit INSIGHT MMG
    // Apr 2024 - Sep 2024    c. 12,600"): each line is a row of its own.
    const bool table_row = trimmed.find(U" | ") != std::u32string_view::npos;
    if (table_row || trimmed.find(U"   ") != std::u32string_view::npos) {
      close(start);
      sentences_.push_back({start, stop, paragraph, table_row});
      continue;
    }
    if (open >= 0 && StartsItem(text_of_line)) close(start);
    if (open < 0) open = start;
    for (int i = start; i < end; ++i) {
      const char32_t c = all[i];
      if (c != '.' && c != '!' && c != '?') continue;
      int next = i + 1;
      if (next < end && !IsSpace(all[next])) continue;  // "e.g", "2.5", "nhs.uk"
      while (next < end && IsSpace(all[next])) ++next;
      // After "." the next sentence starts with a capital; "?" and "!" end one anyway
      // ("... use any clinical AI? – Yes.").
      if (c == '.' && next < end && !u_isupper(static_cast<UChar32>(all[next])) && all[next] != '"' &&
          all[next] != '\'' && all[next] != '(')
        continue;
      if (c == '.') {
        // "1. Does the trust ...": a list number, not the end of a sentence.
        int digits = i;
        while (digits > start && u_isdigit(static_cast<UChar32>(all[digits - 1]))) --digits;
        if (digits == start && digits < i) continue;
        int w = i;
        while (w > start && (u_isalpha(static_cast<UChar32>(all[w - 1])) || all[w - 1] == '.')) --w;
        if (w < i && IsAbbreviation(all.substr(w, i - w))) continue;
      }
      close(i + 1);
      if (next < end) open = next;
    }
  }
  close(static_cast<int>(code_points_.size()));
}

int TextUnits::LineEnd(int line) const {
  if (line + 1 < line_count()) return line_starts_[line + 1] - 1;
  return static_cast<int>(code_points_.size());
}

int TextUnits::LineOf(int offset) const {
  return static_cast<int>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                          line_starts_.begin()) - 1;
}

std::string TextUnits::LineText(int line) const {
  int start = LineStart(line);
  int end = LineEnd(line);
  while (start < end && IsSpace(code_points_[start])) ++start;
  while (end > start && IsSpace(code_points_[end - 1])) --end;
  std::string out;
  for (int i = start; i < end; ++i) AppendUtf8(out, code_points_[i]);
  return out;
}

int TextUnits::SentenceAt(int offset) const {
  auto it = std::upper_bound(sentences_.begin(), sentences_.end(), offset,
                             [](int o, const Sentence& s) { return o < s.start; });
  if (it == sentences_.begin()) return -1;
  --it;
  return offset < it->end ? static_cast<int>(it - sentences_.begin()) : -1;
}

}  // namespace foicode::assemble
