#include "extract/ocr.h"

namespace foicode::extract {

OcrResult RecognisePage(const GrayImage&, int) {
  OcrResult r;
  r.error = "OCR is not available yet";
  return r;
}

}  // namespace foicode::extract
