// Shared finishing for what the readers return: the output conventions (line ends, no
// trailing spaces, at most one blank line), one-line labels, page lists for flag messages and
// the max_text_chars cut.
#ifndef FOICODE_PIPELINE_EXTRACT_PAGE_TEXT_H_
#define FOICODE_PIPELINE_EXTRACT_PAGE_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/flag.h"

namespace foicode::extract {

// `text` (valid UTF-8) with "\r\n" and "\r" as "\n", form feeds and vertical tabs as "\n",
// other C0 controls and DEL removed, U+00A0 as a space, trailing white space cut from every
// line, runs of blank lines cut to one, and no blank lines at the start or end.
std::string NormalizeLines(std::string_view text);

// `text` (valid UTF-8) on one line, for a header or a label: every run of white space (line
// breaks included) becomes one space, other C0 controls and DEL are removed, and the ends
// are trimmed.
std::string OneLine(std::string_view text);

// "page 3" or "pages 3, 4, 7" for a flag message; past 20 numbers the list ends "and 180
// more", so a hostile file of thousands of bad pages gives one short sentence.
std::string PageList(const std::vector<int>& pages);

// Cuts valid UTF-8 `text` to at most `max_chars` code points; true when it cut.
bool CutText(std::string& text, std::uint64_t max_chars);

// Cuts valid UTF-8 `text` to at most `max_chars` code points; when it cuts, adds a
// limit_reached flag naming `what` ("the e-mail body") to `flags`.
void CapText(std::string& text, std::uint64_t max_chars, std::string_view what,
             std::vector<Flag>& flags);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_PAGE_TEXT_H_
