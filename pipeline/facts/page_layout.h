// The shape of one page's folded text for the facts stage: lines, table rows and cells
// ("a | b | c", as extraction writes rows), tables with their header row, sentences, clauses.
#ifndef FOICODE_PIPELINE_FACTS_PAGE_LAYOUT_H_
#define FOICODE_PIPELINE_FACTS_PAGE_LAYOUT_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace foicode::facts {

// A [begin, end) range of bytes in the folded text.
struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Line {
  ByteRange range;            // without the line break
  std::vector<ByteRange> cells;  // table cells, trimmed; empty when the line is not a table row
  int table = -1;             // index into PageLayout::tables(), or -1
};

struct Table {
  int header_line = 0;        // the first row
  int last_line = 0;
  std::optional<int> title_line;  // a non-table line just above the table ("RapidAI - studies ...")
};

// Built from folded text (line breaks kept). `text` must outlive the layout.
class PageLayout {
 public:
  explicit PageLayout(std::string_view text);

  const std::vector<Line>& lines() const { return lines_; }
  const std::vector<Table>& tables() const { return tables_; }
  // The 0-based line holding byte `pos`.
  int LineOf(std::size_t pos) const;
  // The cell of line `line` holding byte `pos`, or nullopt.
  std::optional<int> CellOf(int line, std::size_t pos) const;
  // The sentence around byte `pos`: bounded by ". ", "? ", "! ", a blank line, a table cell
  // edge, or a line that starts a list item. Abbreviations ("c.", "approx.", "e.g.", "s.")
  // and decimals do not end a sentence.
  ByteRange SentenceAround(std::size_t pos) const;
  // Where a negation or hypothetical starting at `pos` stops applying: the end of its
  // sentence, or earlier at ";", ":" or a contrast word ("but", "however", "although",
  // "except", "whereas"); never more than 2000 bytes on.
  std::size_t ClauseEnd(std::size_t pos) const;
  // True when [begin, end) holds a clause stop of ClauseEnd other than ":" (";", "but",
  // "however", ...): a period before it does not reach a figure after it.
  bool ClauseBreakBetween(std::size_t begin, std::size_t end) const;

 private:
  bool IsSentenceEnd(std::size_t pos) const;  // text_[pos] ends a sentence
  bool StartsListItem(int line) const;
  std::string_view text_;
  std::vector<Line> lines_;
  std::vector<Table> tables_;
  std::vector<int> prose_first_, prose_last_;  // per line: its run of prose lines
  std::vector<std::size_t> sentence_ends_;     // bytes where IsSentenceEnd holds, ascending
};

}  // namespace foicode::facts

#endif  // FOICODE_PIPELINE_FACTS_PAGE_LAYOUT_H_
