// Reads an Excel workbook (XLSX: libzip + pugixml): every sheet, one line per row.
#ifndef FOICODE_PIPELINE_EXTRACT_XLSX_READER_H_
#define FOICODE_PIPELINE_EXTRACT_XLSX_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// One page per sheet, numbered in workbook order, labelled with the sheet name. Cells separated
// by " | "; shared and inline strings, cached formula values, dates from number formats.
ReadResult ReadXlsx(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_XLSX_READER_H_
