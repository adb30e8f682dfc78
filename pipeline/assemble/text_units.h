// Sentences and paragraphs of one page, so that assemble can tie a figure or a cue to the
// system named in the same sentence (or table row) and ignore the request echoed back.
#ifndef FOICODE_PIPELINE_ASSEMBLE_TEXT_UNITS_H_
#define FOICODE_PIPELINE_ASSEMBLE_TEXT_UNITS_H_

#include <string>
#include <string_view>
#include <vector>

namespace foicode::assemble {

// A [start, end) span of code points of the page text.
struct Sentence {
  int start = 0;
  int end = 0;
  int paragraph = 0;       // index of its paragraph (a run of non-blank lines)
  bool table_row = false;  // a whole line with " | " between cells
};

// For a line that starts with a short capitalised label and a separator ("Heart Flow:   97
// cases", "RAPID – approximately 35 a month"), the offset in `line` just past the separator;
// else 0. Such a line starts an item of its own, and its figures belong to its label.
int LabelEnd(std::u32string_view line);

class TextUnits {
 public:
  // Splits `text` (valid UTF-8) into sentences: a table row is one sentence; elsewhere a
  // sentence ends at ".", "!" or "?" followed by a space and a capital letter (not after a
  // short abbreviation such as "c." or "e.g."), at a blank line, or before a line that starts
  // a list item, a question or a heading. Blank text belongs to no sentence.
  explicit TextUnits(std::string_view text);

  const std::vector<Sentence>& sentences() const { return sentences_; }
  // Index of the sentence holding code point `offset`, or -1.
  int SentenceAt(int offset) const;
  // The code points of the page.
  const std::u32string& code_points() const { return code_points_; }
  // 0-based line of code point `offset`.
  int LineOf(int offset) const;
  // [start, end) of 0-based line `line` (without its line break).
  int LineStart(int line) const { return line_starts_[line]; }
  int LineEnd(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }
  // The text of line `line`, trimmed, as UTF-8.
  std::string LineText(int line) const;

 private:
  std::u32string code_points_;
  std::vector<int> line_starts_;
  std::vector<Sentence> sentences_;
};

}  // namespace foicode::assemble

#endif  // FOICODE_PIPELINE_ASSEMBLE_TEXT_UNITS_H_
