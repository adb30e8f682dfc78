// Reads standalone text files: plain text, CSV and HTML.
#ifndef FOICODE_PIPELINE_EXTRACT_TEXT_READER_H_
#define FOICODE_PIPELINE_EXTRACT_TEXT_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// Plain text: decoded to UTF-8 (charset.h), one page.
ReadResult ReadPlainText(std::string_view bytes, ReadContext& context);
// CSV: one line per row, cells separated by " | "; quoted fields and embedded newlines honoured.
ReadResult ReadCsv(std::string_view bytes, ReadContext& context);
// HTML: charset from BOM, meta or detection; rendered with HtmlToText.
ReadResult ReadHtml(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_TEXT_READER_H_
