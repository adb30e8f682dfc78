// Lines, table rows, sentences and clauses of a page's folded text.
#include "facts/page_layout.h"

#include <algorithm>
#include <array>

namespace foicode::facts {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// Where a clause stops: ";", ":" or a contrast word.
constexpr std::array<std::string_view, 10> kClauseStops = {
    ";", ":", " but ", ", however", " however,", " although ", " except ", " whereas ",
    " apart from ", " other than "};

ByteRange TrimRange(std::string_view text, ByteRange r) {
  while (r.begin < r.end && text[r.begin] == ' ') ++r.begin;
  while (r.end > r.begin && text[r.end - 1] == ' ') --r.end;
  return r;
}

}  // namespace

PageLayout::PageLayout(std::string_view text) : text_(text) {
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    Line line;
    line.range = {begin, end};
    // Extraction writes table rows as cells joined by " | ".
    const std::string_view content = text.substr(begin, end - begin);
    if (content.find(" | ") != std::string_view::npos) {
      std::size_t cell_begin = begin;
      while (true) {
        const std::size_t sep = text.substr(0, end).find(" | ", cell_begin);
        if (sep == std::string_view::npos) {
          line.cells.push_back(TrimRange(text, {cell_begin, end}));
          break;
        }
        line.cells.push_back(TrimRange(text, {cell_begin, sep}));
        cell_begin = sep + 3;
      }
    }
    lines_.push_back(line);
    if (end == text.size()) break;
    begin = end + 1;
  }
  // A table is a run of rows; blank lines between rows (PDF tables) do not end it.
  for (int i = 0; i < static_cast<int>(lines_.size()); ++i) {
    if (lines_[static_cast<std::size_t>(i)].cells.empty()) continue;
    Table table;
    table.header_line = i;
    int j = i;
    int last = i;
    bool after_blank = false;
    while (j < static_cast<int>(lines_.size())) {
      const Line& l = lines_[static_cast<std::size_t>(j)];
      if (!l.cells.empty()) {
        // After a blank line, a row with another number of cells starts a new table.
        if (after_blank && l.cells.size() != lines_[static_cast<std::size_t>(i)].cells.size()) break;
        after_blank = false;
        last = j;
      } else if (l.range.end > l.range.begin) {
        break;
      } else {
        after_blank = true;
      }
      ++j;
    }
    table.last_line = last;
    for (int k = i - 1; k >= 0 && k >= i - 2; --k) {
      const Line& l = lines_[static_cast<std::size_t>(k)];
      if (l.range.end > l.range.begin) {
        table.title_line = k;
        break;
      }
    }
    const int index = static_cast<int>(tables_.size());
    for (int k = i; k <= last; ++k) {
      if (!lines_[static_cast<std::size_t>(k)].cells.empty()) lines_[static_cast<std::size_t>(k)].table = index;
    }
    tables_.push_back(table);
    i = last;
  }
  // Each line's run of prose lines (SentenceAround's outer bound), and every sentence end,
  // worked out once so that finding a sentence never rescans the page.
  const int n = static_cast<int>(lines_.size());
  prose_first_.resize(lines_.size());
  prose_last_.resize(lines_.size());
  for (int l = 0; l < n; ++l) {
    const Line& above = lines_[static_cast<std::size_t>(l > 0 ? l - 1 : 0)];
    const bool joins_above = l > 0 && !StartsListItem(l) && above.cells.empty() &&
                             above.range.end > above.range.begin;
    prose_first_[static_cast<std::size_t>(l)] = joins_above ? prose_first_[static_cast<std::size_t>(l - 1)] : l;
  }
  for (int l = n - 1; l >= 0; --l) {
    const bool joins_below = l + 1 < n && !StartsListItem(l + 1) &&
                             lines_[static_cast<std::size_t>(l + 1)].cells.empty();
    prose_last_[static_cast<std::size_t>(l)] = joins_below ? prose_last_[static_cast<std::size_t>(l + 1)] : l;
  }
  for (std::size_t pos = 0; pos < text_.size(); ++pos) {
    if (IsSentenceEnd(pos)) sentence_ends_.push_back(pos);
  }
}

int PageLayout::LineOf(std::size_t pos) const {
  const auto it = std::upper_bound(lines_.begin(), lines_.end(), pos,
                                   [](std::size_t p, const Line& l) { return p < l.range.begin; });
  return std::max(0, static_cast<int>(it - lines_.begin()) - 1);
}

std::optional<int> PageLayout::CellOf(int line, std::size_t pos) const {
  const Line& l = lines_[static_cast<std::size_t>(line)];
  for (std::size_t c = 0; c < l.cells.size(); ++c) {
    const std::size_t next = c + 1 < l.cells.size() ? l.cells[c + 1].begin : l.range.end + 1;
    if (pos >= l.cells[c].begin && pos < next) return static_cast<int>(c);
  }
  return std::nullopt;
}

bool PageLayout::IsSentenceEnd(std::size_t pos) const {
  const char c = text_[pos];
  if (c != '.' && c != '?' && c != '!') return false;
  if (pos + 1 < text_.size() && text_[pos + 1] != ' ' && text_[pos + 1] != '\n') return false;
  if (c != '.') return true;
  // "c.", "approx.", "e.g.", "s." and "no." do not end a sentence.
  std::size_t w = pos;
  while (w > 0 && (IsLetter(text_[w - 1]) || text_[w - 1] == '.')) --w;
  const std::string_view word = text_.substr(w, pos - w);
  static constexpr std::array<std::string_view, 10> kAbbreviations = {
      "c", "ca", "approx", "e.g", "i.e", "s", "ref", "sec", "vs", "dr"};
  for (std::string_view a : kAbbreviations) {
    if (word == a) return false;
  }
  // "no. 5" is a number; "No. We do not use AI." is an answer.
  if (word == "no" || word == "nos") {
    std::size_t next = pos + 1;
    while (next < text_.size() && text_[next] == ' ') ++next;
    if (next < text_.size() && IsDigit(text_[next])) return false;
  }
  // "1." at the start of a line is a list number, not a sentence.
  if (pos > 0 && IsDigit(text_[pos - 1])) {
    std::size_t d = pos;
    while (d > 0 && IsDigit(text_[d - 1])) --d;
    if (d == 0 || text_[d - 1] == '\n') return false;
  }
  return true;
}

bool PageLayout::StartsListItem(int line) const {
  const Line& l = lines_[static_cast<std::size_t>(line)];
  const std::string_view s = text_.substr(l.range.begin, l.range.end - l.range.begin);
  if (s.empty()) return true;
  if (s.substr(0, 2) == "- " || s.substr(0, 2) == "* " || s.substr(0, 3) == "\u2022") return true;
  std::size_t i = 0;
  if (i < s.size() && s[i] == 'q') ++i;
  const std::size_t digits = i;
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i > digits && i < s.size() && (s[i] == '.' || s[i] == ')' || s[i] == ' ' || s[i] == ':');
}

// Bytes a negation's or hypothesis's clause may run at most.
constexpr std::size_t kLongestClause = 2000;

ByteRange PageLayout::SentenceAround(std::size_t pos) const {
  pos = std::min(pos, text_.size());
  const int line = LineOf(pos);
  const Line& l = lines_[static_cast<std::size_t>(line)];
  ByteRange r{l.range.begin, l.range.end};
  if (!l.cells.empty()) {
    // In a table row, a cell is the sentence's outer bound.
    if (std::optional<int> cell = CellOf(line, pos)) {
      r = l.cells[static_cast<std::size_t>(*cell)];
    }
  } else {
    // Prose wraps: the neighbouring lines up to a blank line, a table row or a list item.
    r = {lines_[static_cast<std::size_t>(prose_first_[line])].range.begin,
         lines_[static_cast<std::size_t>(prose_last_[line])].range.end};
  }
  // The nearest sentence ends either side of `pos`, by binary search: a page with no full
  // stop costs no more than one with many.
  std::size_t begin = r.begin;
  if (pos > 0) {
    auto before = std::upper_bound(sentence_ends_.begin(), sentence_ends_.end(), pos - 1);
    if (before != sentence_ends_.begin() && *std::prev(before) >= r.begin) begin = *std::prev(before) + 1;
  }
  begin = std::min(begin, pos);
  std::size_t end = r.end;
  auto after = std::lower_bound(sentence_ends_.begin(), sentence_ends_.end(), pos);
  if (after != sentence_ends_.end() && *after < r.end) end = *after + 1;  // keep the full stop
  end = std::max(end, pos);
  while (begin < end && (text_[begin] == ' ' || text_[begin] == '\n')) ++begin;
  return {begin, std::max(begin, end)};
}

std::size_t PageLayout::ClauseEnd(std::size_t pos) const {
  const ByteRange sentence = SentenceAround(pos);
  // A clause runs to the end of its sentence at most, and never further than kLongestClause
  // (a run-on page with no full stop must not make each negation scan the rest of it).
  std::size_t end = std::min(sentence.end, pos + kLongestClause);
  const std::string_view rest = text_.substr(pos, end > pos ? end - pos : 0);
  for (std::string_view stop : kClauseStops) {
    const std::size_t at = rest.find(stop);
    if (at != std::string_view::npos) end = std::min(end, pos + at);
  }
  return end;
}

bool PageLayout::ClauseBreakBetween(std::size_t begin, std::size_t end) const {
  if (end <= begin) return false;
  const std::string_view gap = text_.substr(begin, end - begin);
  for (std::string_view stop : kClauseStops) {
    // A colon introduces what follows ("In 23/24: 887 scans"), so it does not break here.
    if (stop != ":" && gap.find(stop) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace foicode::facts
