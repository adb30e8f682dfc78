// Builds a PDF page's text from word boxes (Poppler's text_list): lines by vertical overlap,
// table cells split at wide gaps and joined with " | ", paragraph gaps as blank lines.
// Also the text clean-ups shared by text-layer and OCR pages (ligatures, hyphens); line
// conventions are page_text.h's NormalizeLines.
#ifndef FOICODE_PIPELINE_EXTRACT_PDF_LINES_H_
#define FOICODE_PIPELINE_EXTRACT_PDF_LINES_H_

#include <string>
#include <string_view>
#include <vector>

namespace foicode::extract {

// One word as placed on the page. Coordinates are points with y growing downward (Poppler's
// text_box::bbox()); x0 <= x1 and y0 <= y1.
struct WordBox {
  std::string text;  // UTF-8, as Poppler gives it (ligatures and soft hyphens still in)
  double x0 = 0;
  double y0 = 0;
  double x1 = 0;
  double y1 = 0;
  bool space_after = false;  // Poppler saw a space after this word on the same line
  bool upright = true;       // false for rotated text (text_box::rotation() != 0)
};

// The page text: words sorted into visual lines (top to bottom, left to right), one table row
// per line with cells separated by " | ", a blank line at each large vertical gap (paragraphs,
// header and footer bands), runs of two-column prose emitted column by column. Rotated words
// follow on their own line. Ligatures are expanded and words hyphenated at line ends rejoined.
// The result follows the output conventions: "\n" line ends, no trailing spaces, at most one
// blank line in a row, no leading or trailing blank lines.
std::string LayOutWords(const std::vector<WordBox>& words);

// `text` with the ligatures U+FB00-U+FB06 written as their letters and soft hyphens (U+00AD)
// removed, except that a soft hyphen ending a line becomes "-" so RejoinHyphenatedWords can
// rejoin the word. `text` must be valid UTF-8.
std::string ExpandLigatures(std::string_view text);

// Rejoins words broken at a line end: when a line ends with a letter and "-" and the next line
// starts with a lower-case letter, the hyphen is dropped and the next line's first word moves
// up ("procure-\nment" -> "procurement"). Real hyphens ("e-Stroke", "follow-up" mid-line) stay.
std::string RejoinHyphenatedWords(std::string_view text);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_PDF_LINES_H_
