// Tells whether a page's text layer is usable or the page should be read by OCR instead.
#ifndef FOICODE_PIPELINE_EXTRACT_PDF_QUALITY_H_
#define FOICODE_PIPELINE_EXTRACT_PDF_QUALITY_H_

#include <string>
#include <string_view>

namespace foicode::extract {

// Counts over one page's text, in code points.
struct TextQuality {
  int visible = 0;       // not white space
  int junk = 0;          // U+FFFD, private use, unassigned or control characters
  int word_letters = 0;  // letters in word-like runs (2+ letters; in ASCII, with a vowel)
};

TextQuality MeasureText(std::string_view text);

// The reasons WhyTextUnusable gives when there is text but it is not language.
inline constexpr std::string_view kJunkText = "mostly unreadable characters";
inline constexpr std::string_view kNoWords = "no recognisable words";

// Why `text` (a page's text layer, valid UTF-8) is not usable, as a short phrase for a
// person: "no text layer", "only 7 characters of text", kJunkText or kNoWords; empty when
// the text is usable.
std::string WhyTextUnusable(std::string_view text);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_PDF_QUALITY_H_
