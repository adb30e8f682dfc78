// RenderPdfPage and FindQuoteBoxes in a child process: the PDF is a reply, and a crash or hang
// in Poppler must cost one image, not the review page. Call with no other thread inside
// Poppler (the routes hold their render lock), since the child is a fork.
#ifndef FOICODE_PIPELINE_SERVER_ISOLATED_RENDER_H_
#define FOICODE_PIPELINE_SERVER_ISOLATED_RENDER_H_

#include <string_view>

#include "core/status.h"
#include "server/page_image.h"

namespace foicode::server {

// As RenderPdfPage; a crash, a run past 30 s or past 1 GiB of memory is an error.
Status RenderPdfPageIsolated(std::string_view pdf, int page, PageImage* out, const PageImageLimits& limits);

// As FindQuoteBoxes, with the same bounds.
Status FindQuoteBoxesIsolated(std::string_view pdf, int page, std::string_view quote, QuoteBoxes* out,
                              const PageImageLimits& limits);

}  // namespace foicode::server

#endif  // FOICODE_PIPELINE_SERVER_ISOLATED_RENDER_H_
