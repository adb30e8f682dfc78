// Test-only: writes small, valid PDFs in memory (text placed at given positions, gray images,
// RC4 encryption) and renders or encodes page images, so the PDF and OCR tests need no
// fixture files.
#ifndef FOICODE_PIPELINE_EXTRACT_PDF_TEST_BUILDER_H_
#define FOICODE_PIPELINE_EXTRACT_PDF_TEST_BUILDER_H_

#include <optional>
#include <string>
#include <vector>

namespace foicode::extract::testpdf {

// One string drawn in Helvetica. `text` is in the font's encoding: WinAnsi (ASCII and
// Latin-1 bytes), except "\x01" "\x02" "\x03" which draw the ligature glyphs fi, fl and ffi.
struct TextRun {
  double x = 72;  // points from the left edge
  double y = 72;  // points from the top edge to the baseline
  double size = 11;
  std::string text = {};
};

// 8-bit gray pixels, rows top to bottom, no padding.
struct GrayPixels {
  int width = 0;
  int height = 0;
  std::string pixels = {};  // width * height bytes
};

struct PageSpec {
  double width = 595;  // points (A4)
  double height = 842;
  std::vector<TextRun> text = {};
  std::optional<GrayPixels> image = std::nullopt;  // drawn over the whole page, under the text
  std::string extra_operators = {};                // appended to the content stream as is
};

// Standard security handler, revision 2 (RC4, 40-bit key), every stream encrypted.
struct Encryption {
  std::string user_password;  // empty: opens without a password (owner password only)
  std::string owner_password = "owner";
};

// A complete PDF with a correct cross-reference table.
std::string BuildPdf(const std::vector<PageSpec>& pages,
                     const std::optional<Encryption>& encryption = std::nullopt);

// Page 1 of `pdf` rendered by Poppler at `dpi`; empty pixels when it cannot be rendered.
GrayPixels RenderPage(const std::string& pdf, double dpi);

// `image` as a file in leptonica's format `iff` (IFF_PNG, IFF_TIFF_G4, IFF_JFIF_JPEG ...);
// 1-bit formats are thresholded at mid-gray.
std::string EncodeImage(const GrayPixels& image, int iff);

}  // namespace foicode::extract::testpdf

#endif  // FOICODE_PIPELINE_EXTRACT_PDF_TEST_BUILDER_H_
