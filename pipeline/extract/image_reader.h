// Reads a picture (a scanned letter sent as JPEG, PNG or TIFF) by OCR.
#ifndef FOICODE_PIPELINE_EXTRACT_IMAGE_READER_H_
#define FOICODE_PIPELINE_EXTRACT_IMAGE_READER_H_

#include <string_view>

#include "extract/reader.h"

namespace foicode::extract {

// Decodes the image (leptonica) and reads it with OCR: one page, ocr = true. Images too small
// to hold a page of text (signature logos, icons) are not read and come back with a flag.
ReadResult ReadImage(std::string_view bytes, ReadContext& context);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_IMAGE_READER_H_
