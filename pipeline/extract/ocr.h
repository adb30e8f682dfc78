// Optical character recognition of rendered page images with Tesseract.
#ifndef FOICODE_PIPELINE_EXTRACT_OCR_H_
#define FOICODE_PIPELINE_EXTRACT_OCR_H_

#include <optional>
#include <string>
#include <string_view>

namespace foicode::extract {

// A grayscale page image, one byte per pixel, rows `stride` bytes apart.
struct GrayImage {
  const unsigned char* pixels = nullptr;  // must remain live during the call
  int width = 0;
  int height = 0;
  int stride = 0;
  int dpi = 300;
};

struct OcrResult {
  std::string text;                   // UTF-8, lines in reading order
  std::optional<std::string> error;   // engine missing, timed out, ...
  double mean_confidence = 0;         // 0-100, over words
};

// Reads the text of one page image. Uses one Tesseract engine per thread, single-threaded
// inside (OpenMP threads make it several times slower on small machines).
OcrResult RecognisePage(const GrayImage& image, int timeout_seconds);

// Stops Leptonica writing its complaints about bad images to stderr (they are not for the
// user). Process-wide and idempotent; call before decoding images with Leptonica.
void SilenceLeptonica();

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_OCR_H_
