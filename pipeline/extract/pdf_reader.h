// Reads a PDF: text per page from Poppler's word boxes, OCR for pages with no usable text layer.
#ifndef FOICODE_PIPELINE_EXTRACT_PDF_READER_H_
#define FOICODE_PIPELINE_EXTRACT_PDF_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// Never throws. An encrypted (user password), truncated or corrupt file comes back with
// `error` set; pages that could be read are kept. Poppler's warnings become flags.
ReadResult ReadPdf(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_PDF_READER_H_
