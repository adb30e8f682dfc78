// Page text from word boxes, and the clean-ups shared by text-layer and OCR pages.
#include "extract/pdf_lines.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "core/utf8.h"
#include "extract/page_text.h"

namespace foicode::extract {
namespace {

// Why word boxes and not one of Poppler's text modes: on tabular letters the default
// (reading-order) mode prints one table cell per line, so a vendor and its usage figure end
// up lines apart; physical layout keeps rows but pads with runs of spaces and breaks
// side-by-side prose; raw order follows the content stream, which some producers write
// column by column. Grouping words by vertical overlap keeps every row on one line whatever
// the producer did, and the wide gaps that separate cells are measured, not guessed.
//
// Gaps are in multiples of the line height (about the font size), so they hold at any size.
// A space is about 0.25 em and justified text rarely stretches one past 1 em; table cells
// and tab stops are further apart.
constexpr double kCellGap = 1.5;
// Below this the two boxes are one word split by kerning or a font change.
constexpr double kWordGap = 0.12;
// A line gap over this (ordinary leading is 0.1-0.3) is a paragraph break or the band
// between a header or footer and the body: such lines never run together.
constexpr double kParagraphGap = 0.75;
// Words share a line when they overlap vertically by half the smaller height: superscripts
// and mixed font sizes stay on their line, the next line down does not join it.
constexpr double kLineOverlap = 0.5;
// Two-column prose: at least this many consecutive two-cell lines with a shared gutter and
// several words per cell on both sides (short cells are a table and stay row by row).
constexpr std::size_t kMinColumnRun = 3;
constexpr double kMinColumnWords = 4.0;

struct Segment {
  std::string text;
  double x0 = 0;
  double x1 = 0;
  int words = 0;
};

struct Line {
  std::vector<const WordBox*> words;
  double top_sum = 0;
  double bottom_sum = 0;
  std::vector<Segment> segments;

  double Top() const { return top_sum / static_cast<double>(words.size()); }
  double Bottom() const { return bottom_sum / static_cast<double>(words.size()); }
  double Height() const { return std::max(Bottom() - Top(), 1.0); }
  void Add(const WordBox* w) {
    words.push_back(w);
    top_sum += w->y0;
    bottom_sum += w->y1;
  }
};

// Control characters inside a word are never text (tabs, stray NULs from broken fonts).
std::string CleanWordText(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out.push_back(c);
  }
  return out;
}

std::vector<Line> GroupIntoLines(const std::vector<const WordBox*>& words) {
  std::vector<const WordBox*> sorted = words;
  std::stable_sort(sorted.begin(), sorted.end(), [](const WordBox* a, const WordBox* b) {
    const double ca = (a->y0 + a->y1) / 2;
    const double cb = (b->y0 + b->y1) / 2;
    if (ca != cb) return ca < cb;
    return a->x0 < b->x0;
  });
  std::vector<Line> lines;
  for (const WordBox* w : sorted) {
    if (!lines.empty()) {
      Line& line = lines.back();
      const double overlap = std::min(line.Bottom(), w->y1) - std::max(line.Top(), w->y0);
      const double smaller = std::max(std::min(line.Height(), w->y1 - w->y0), 1.0);
      if (overlap >= kLineOverlap * smaller) {
        line.Add(w);
        continue;
      }
    }
    lines.emplace_back();
    lines.back().Add(w);
  }
  return lines;
}

void SplitIntoSegments(Line& line) {
  std::stable_sort(line.words.begin(), line.words.end(),
                   [](const WordBox* a, const WordBox* b) { return a->x0 < b->x0; });
  const double height = line.Height();
  const WordBox* previous = nullptr;
  for (const WordBox* w : line.words) {
    const std::string text = CleanWordText(w->text);
    if (text.empty()) continue;
    // Fake bold: some producers draw the same word twice, a fraction of a point apart.
    if (previous != nullptr && previous->text == w->text &&
        std::abs(previous->x0 - w->x0) < 0.3 * height) {
      continue;
    }
    const double gap = previous == nullptr ? 0 : w->x0 - previous->x1;
    if (previous == nullptr || gap > kCellGap * height) {
      line.segments.push_back(Segment{text, w->x0, w->x1, 1});
    } else {
      Segment& segment = line.segments.back();
      if (previous->space_after || gap > kWordGap * height) segment.text += ' ';
      segment.text += text;
      segment.x1 = std::max(segment.x1, w->x1);
      ++segment.words;
    }
    previous = w;
  }
}

std::string JoinSegments(const Line& line) {
  std::string out;
  for (const Segment& s : line.segments) {
    if (!out.empty()) out += " | ";
    out += s.text;
  }
  return out;
}

// The run of two-part lines starting at `first` that share a gutter: `length` lines, and
// whether they read as two-column prose (`prose`).
struct ColumnRun {
  std::size_t length = 0;
  bool prose = false;
};

ColumnRun FindColumnRun(const std::vector<Line>& lines, const std::vector<bool>& gap_before,
                        std::size_t first) {
  double left_edge = 0;
  double right_edge = 0;
  int left_words = 0;
  int right_words = 0;
  std::size_t end = first;
  while (end < lines.size() && lines[end].segments.size() == 2 &&
         (end == first || !gap_before[end])) {
    const Segment& left = lines[end].segments[0];
    const Segment& right = lines[end].segments[1];
    const double new_left = end == first ? left.x1 : std::max(left_edge, left.x1);
    const double new_right = end == first ? right.x0 : std::min(right_edge, right.x0);
    if (new_left >= new_right) break;
    left_edge = new_left;
    right_edge = new_right;
    left_words += left.words;
    right_words += right.words;
    ++end;
  }
  const std::size_t count = end - first;
  const double words_needed = kMinColumnWords * static_cast<double>(count);
  return ColumnRun{count, count >= kMinColumnRun && left_words >= words_needed &&
                              right_words >= words_needed};
}

bool IsLetter(UChar32 c) { return c >= 0 && u_isalpha(c); }

// Appends a wrapped cell's next line to the cell. At a hyphen the wrap was inside a word:
// "procure-" + "ment" is one word again, "e-" + "ASPECTS" keeps its real hyphen.
void AppendToCell(Segment& cell, const Segment& more) {
  const std::string& t = cell.text;
  const bool at_hyphen =
      t.size() >= 2 && t.back() == '-' && IsLetter(CodePointBefore(t, t.size() - 1));
  if (at_hyphen) {
    if (u_islower(CodePointAt(more.text, 0))) cell.text.pop_back();
  } else {
    cell.text += ' ';
  }
  cell.text += more.text;
  cell.x1 = std::max(cell.x1, more.x1);
  cell.words += more.words;
}

// True when `next` holds the wrapped second lines of some cells of table row `row`: fewer
// cells, each starting in one of the row's columns and not spilling into the next column.
// Then those lines are appended to their cells, so a wrapped row still reads as one line.
// Rows need 3+ cells: after a two-part line ("Our ref | Date") the next line is prose.
bool MergeWrappedCells(Line& row, const Line& next) {
  const std::vector<Segment>& cells = row.segments;
  if (cells.size() < 3 || next.segments.size() >= cells.size()) return false;
  const double slack = 0.5 * row.Height();
  std::vector<std::size_t> target;
  std::size_t c = 0;
  for (const Segment& s : next.segments) {
    while (c + 1 < cells.size() && cells[c + 1].x0 - slack <= s.x0) ++c;
    if (s.x0 < cells[c].x0 - slack) return false;
    if (c + 1 < cells.size() && s.x1 > cells[c + 1].x0) return false;
    if (!target.empty() && target.back() == c) return false;
    target.push_back(c);
  }
  for (std::size_t k = 0; k < target.size(); ++k)
    AppendToCell(row.segments[target[k]], next.segments[k]);
  return true;
}

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) {
      lines.emplace_back(text.substr(start));
      break;
    }
    lines.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// Moves the tail of a word hyphenated at the end of `line` up from `next`; true when it did.
bool RejoinAt(std::string& line, std::string& next) {
  std::size_t end = line.size();
  while (end > 0 && line[end - 1] == ' ') --end;
  if (end < 2 || line[end - 1] != '-' || !IsLetter(CodePointBefore(line, end - 1))) return false;
  const UChar32 first = CodePointAt(next, 0);
  if (first < 0 || !u_islower(first)) return false;
  const std::size_t word_end = std::min(next.find(' '), next.size());
  std::size_t rest = word_end;
  while (rest < next.size() && next[rest] == ' ') ++rest;
  // A cell separator after the word means the next line is a table row: leave it whole.
  if (rest < next.size() && next[rest] == '|') return false;
  // In place: `line` may be a long chain of rejoined pieces.
  line.resize(end - 1);
  line.append(next, 0, word_end);
  next.erase(0, rest);
  return true;
}

}  // namespace

std::string LayOutWords(const std::vector<WordBox>& words) {
  std::vector<const WordBox*> upright;
  std::vector<const WordBox*> rotated;
  for (const WordBox& w : words) {
    if (w.text.empty()) continue;
    // A broken font matrix gives NaN or infinite boxes; sorting with them is undefined.
    if (!std::isfinite(w.x0) || !std::isfinite(w.x1) || !std::isfinite(w.y0) ||
        !std::isfinite(w.y1)) {
      continue;
    }
    (w.upright ? upright : rotated).push_back(&w);
  }
  std::vector<Line> lines = GroupIntoLines(upright);
  for (Line& line : lines) SplitIntoSegments(line);
  std::erase_if(lines, [](const Line& l) { return l.segments.empty(); });

  std::vector<bool> gap_before(lines.size(), false);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const double gap = lines[i].Top() - lines[i - 1].Bottom();
    gap_before[i] = gap > kParagraphGap * std::max(lines[i].Height(), lines[i - 1].Height());
  }

  // Merging keeps the gap flag of the line after a continuation: it is measured from the
  // continuation, which is where the next line physically starts.
  std::vector<Line> merged;
  std::vector<bool> merged_gap;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!merged.empty() && !gap_before[i] && MergeWrappedCells(merged.back(), lines[i])) continue;
    merged.push_back(std::move(lines[i]));
    merged_gap.push_back(gap_before[i]);
  }
  lines = std::move(merged);
  gap_before = std::move(merged_gap);

  std::string out;
  // Lines before this index belong to a long run already found not to be prose: each is a
  // row. Not searching again from each of them keeps a page of thousands of short two-cell
  // rows linear.
  std::size_t rows_until = 0;
  for (std::size_t i = 0; i < lines.size();) {
    if (i > 0 && gap_before[i]) out += '\n';
    if (i >= rows_until) {
      const ColumnRun run = FindColumnRun(lines, gap_before, i);
      if (run.prose) {
        for (std::size_t k = 0; k < run.length; ++k) out += lines[i + k].segments[0].text + '\n';
        out += '\n';
        for (std::size_t k = 0; k < run.length; ++k) out += lines[i + k].segments[1].text + '\n';
        out += '\n';
        i += run.length;
        continue;
      }
      if (run.length >= kMinColumnRun) rows_until = i + run.length;
    }
    out += JoinSegments(lines[i]) + '\n';
    ++i;
  }
  if (!rotated.empty()) {
    out += '\n';
    std::string line;
    for (const WordBox* w : rotated) {
      const std::string text = CleanWordText(w->text);
      if (text.empty()) continue;
      if (!line.empty()) line += ' ';
      line += text;
    }
    out += line + '\n';
  }
  return NormalizeLines(RejoinHyphenatedWords(ExpandLigatures(out)));
}

std::string ExpandLigatures(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    switch (c) {
      case 0xFB00:
        out += "ff";
        break;
      case 0xFB01:
        out += "fi";
        break;
      case 0xFB02:
        out += "fl";
        break;
      case 0xFB03:
        out += "ffi";
        break;
      case 0xFB04:
        out += "ffl";
        break;
      case 0xFB05:
      case 0xFB06:
        out += "st";
        break;
      case 0x00AD:
        // A soft hyphen is only ever visible where the producer broke the line at it.
        if (i == length || s[i] == '\n') out += '-';
        break;
      default:
        if (c < 0) {
          out += "\xEF\xBF\xBD";
        } else {
          out.append(text.data() + start, static_cast<std::size_t>(i - start));
        }
    }
  }
  return out;
}

std::string RejoinHyphenatedWords(std::string_view text) {
  std::vector<std::string> lines = SplitLines(text);
  std::string out;
  std::string current = std::move(lines[0]);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    // A next line that was only the word's tail vanishes, and the joined line may continue
    // into the one after: "re-\ncon-\nstruct".
    if (RejoinAt(current, lines[i]) && lines[i].empty()) continue;
    out += current;
    out += '\n';
    current = std::move(lines[i]);
  }
  out += current;
  return out;
}

}  // namespace foicode::extract
