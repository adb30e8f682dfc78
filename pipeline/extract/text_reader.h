// Reads standalone text files: plain text, CSV and HTML.
#ifndef FOICODE_PIPELINE_EXTRACT_TEXT_READER_H_
#define FOICODE_PIPELINE_EXTRACT_TEXT_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// `declared_charset` is what a container (an e-mail part) says the text is in; may be empty.

// Plain text: decoded to UTF-8 (charset.h), one page.
ReadResult ReadPlainText(std::string_view bytes, ReadContext& context,
                         std::string_view declared_charset = "");
// CSV: one line per row, cells separated by " | "; quoted fields and embedded newlines honoured.
ReadResult ReadCsv(std::string_view bytes, ReadContext& context,
                   std::string_view declared_charset = "");
// HTML: charset from BOM, meta, the declared charset or detection; rendered with HtmlToText.
ReadResult ReadHtml(std::string_view bytes, ReadContext& context,
                    std::string_view declared_charset = "");

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_TEXT_READER_H_
