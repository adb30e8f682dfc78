// The matching copy of a page's text shared by the coding stages: NFKC case-folded, with
// dashes, quotes, spaces (and, if asked, line breaks) folded, invisible characters dropped,
// and a map from every byte of the copy back to code points of the original text.
#ifndef FOICODE_PIPELINE_CORE_FOLDED_TEXT_H_
#define FOICODE_PIPELINE_CORE_FOLDED_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace foicode {

struct FoldOptions {
  // Line breaks become spaces, so a name wrapped across lines ("Veye Lung\nNodules") matches.
  // Off for rules that need rows and lines.
  bool fold_line_breaks = true;
};

// Immutable once built; safe for concurrent reads.
class FoldedText {
 public:
  // `original` must be valid UTF-8 (extraction guarantees it).
  explicit FoldedText(std::string_view original, FoldOptions options = {});

  // The folded text (UTF-8): lower case, "ﬁ" -> "fi", "–"/"—" -> "-", "’" -> "'",
  // NBSP and other spaces -> " ", runs of spaces -> one space, soft hyphens and zero-width
  // characters removed.
  const std::string& text() const { return text_; }

  // Code point offset in the original of the character that produced folded byte `byte`.
  // `byte` may equal text().size(): then the original's length in code points.
  int OriginalStart(std::size_t byte) const;
  // Code point offset in the original just past the character that produced the folded byte
  // before `byte_end`: with OriginalStart, maps a folded [begin, end) match to an original span.
  int OriginalEnd(std::size_t byte_end) const;

 private:
  std::string text_;
  std::vector<int> origin_;  // per folded byte: original code point index; one extra at the end
};

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_FOLDED_TEXT_H_
