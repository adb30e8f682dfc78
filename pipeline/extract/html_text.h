// Renders HTML to plain text with an HTML5 parser (gumbo): blocks become lines, one line per table row.
#ifndef FOICODE_PIPELINE_EXTRACT_HTML_TEXT_H_
#define FOICODE_PIPELINE_EXTRACT_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace foicode::extract {

// `html` must be UTF-8. Table cells are separated by " | ", scripts and styles dropped,
// entities decoded, runs of white space collapsed as a browser would.
std::string HtmlToText(std::string_view html);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_HTML_TEXT_H_
