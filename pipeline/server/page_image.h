// A PDF page as the review page shows it: a PNG rendered by Poppler, and the boxes of the
// evidence quote's words on it, in the PNG's pixel space, for highlight rectangles.
#ifndef FOICODE_PIPELINE_SERVER_PAGE_IMAGE_H_
#define FOICODE_PIPELINE_SERVER_PAGE_IMAGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace foicode::server {

// Bounds on what one page image may cost. A hostile MediaBox can ask for billions of pixels.
struct PageImageLimits {
  double dpi = 110;                          // readable on screen, small enough to send
  int max_side_pixels = 4000;                // larger pages are rendered at a lower dpi
  double min_dpi = 9;                        // below this the page is refused, not shown
  int max_pages = 5000;                      // page numbers past this are refused
  std::size_t max_pdf_bytes = 256ull << 20;  // as extract's max_file_bytes
};

struct PageImage {
  std::string png;
  int width = 0;
  int height = 0;
};

struct WordBox {
  double x = 0;  // pixels from the left edge of the image
  double y = 0;  // pixels from the top edge
  double w = 0;
  double h = 0;
};

struct QuoteBoxes {
  int width = 0;  // of the image RenderPdfPage makes for the same page
  int height = 0;
  std::vector<WordBox> boxes;  // empty when the quote is not in the page's text layer
};

// Page `page` (1-based) of `pdf` as a PNG. An error says why, for a person.
Status RenderPdfPage(std::string_view pdf, int page, PageImage* out,
                     const PageImageLimits& limits = {});

// The boxes of the words of `quote` on page `page`. Pages with no text layer (scans read by
// OCR) give no boxes, which is not an error.
Status FindQuoteBoxes(std::string_view pdf, int page, std::string_view quote, QuoteBoxes* out,
                      const PageImageLimits& limits = {});

// Indexes of the words of `page_words` that spell `quote`, compared case-folded, with
// ligatures expanded and punctuation and spaces dropped, so a word hyphenated across lines
// ("radiol-" "ogy") matches "radiology". The first match that starts and ends on word
// boundaries wins; empty when there is none.
std::vector<int> MatchQuoteWords(const std::vector<std::string>& page_words,
                                 std::string_view quote);

}  // namespace foicode::server

#endif  // FOICODE_PIPELINE_SERVER_PAGE_IMAGE_H_
