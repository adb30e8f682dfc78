// Reads a Word document (DOCX: libzip + pugixml): paragraphs, tables, headers and footers.
#ifndef FOICODE_PIPELINE_EXTRACT_DOCX_READER_H_
#define FOICODE_PIPELINE_EXTRACT_DOCX_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// One page; runs joined without inserted spaces; one line per table row with cells separated
// by " | "; headers and footers as their own lines; deleted text of tracked changes left out.
ReadResult ReadDocx(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_DOCX_READER_H_
