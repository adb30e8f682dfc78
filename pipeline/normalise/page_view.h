// The normalise stage's working copy of one page: the folded text (FoldedText, line breaks
// folded), its words, and the way back to original code points, lines and capitals.
#ifndef FOICODE_PIPELINE_NORMALISE_PAGE_VIEW_H_
#define FOICODE_PIPELINE_NORMALISE_PAGE_VIEW_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/folded_text.h"

namespace foicode::normalise {

// A word: a maximal run of letters and digits (u_isalnum) in the folded text.
struct Word {
  std::size_t begin = 0;  // bytes in the folded text
  std::size_t end = 0;
  int start = 0;  // code points in the original text
  int stop = 0;
};

// `original` must remain live while this PageView is in use. Immutable after construction.
class PageView {
 public:
  explicit PageView(std::string_view original);

  const std::string& folded() const { return folded_.text(); }
  const std::vector<Word>& words() const { return words_; }

  // Original code point span of folded bytes [begin, end).
  int OriginalStart(std::size_t begin) const { return folded_.OriginalStart(begin); }
  int OriginalEnd(std::size_t end) const { return folded_.OriginalEnd(end); }
  // The original text at code points [start, end).
  std::string Quote(int start, int end) const;
  // The original code point at `index` (0 <= index < size).
  char32_t At(int index) const { return code_points_[index]; }
  int size() const { return static_cast<int>(code_points_.size()); }
  // 0-based line of original code point `index`.
  int LineOf(int index) const;

  // Index of the first word that ends after folded byte `byte` (words().size() if none).
  std::size_t WordAt(std::size_t byte) const;

  // True when the code point of folded text starting at byte `pos` / ending at byte `end` is a
  // letter or digit; false at the text's edges.
  bool AlnumAt(std::size_t pos) const;
  bool AlnumBefore(std::size_t end) const;

 private:
  std::string_view original_;
  FoldedText folded_;
  std::vector<char32_t> code_points_;
  std::vector<std::size_t> byte_of_;  // original byte of each code point, plus the end
  std::vector<int> line_starts_;      // code point index where each line begins
  std::vector<Word> words_;
};

}  // namespace foicode::normalise

#endif  // FOICODE_PIPELINE_NORMALISE_PAGE_VIEW_H_
