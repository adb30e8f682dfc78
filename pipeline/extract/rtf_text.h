// Rough plain text from RTF (Outlook bodies kept only as compressed RTF, in TNEF or .msg).
#ifndef FOICODE_PIPELINE_EXTRACT_RTF_TEXT_H_
#define FOICODE_PIPELINE_EXTRACT_RTF_TEXT_H_

#include <string>
#include <string_view>

namespace foicode::extract {

// The visible text of `rtf`, UTF-8: \par and \line end lines, \'hh is read in the codepage
// \ansicpgN names (windows-1252 without one), \uN as Unicode (a UTF-16 surrogate pair as one
// character), destinations ({\* ...}, font and colour tables, pictures) are dropped, and the
// RTF-only parts of HTML encapsulated by Outlook (\htmlrtf) are skipped. Tables and layout
// are not rendered. Never fails; nesting past 1000 groups is read as flat text.
std::string RtfToText(std::string_view rtf);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_RTF_TEXT_H_
