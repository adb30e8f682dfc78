// RenderPdfPage and FindQuoteBoxes in a child process: the PDF is a reply, and a crash or hang
// in Poppler must cost one image, not the review page. The child is a fresh process
// (`foicode render-worker`), not a fork, so calling from one of the server's threads is safe.
#ifndef FOICODE_PIPELINE_SERVER_ISOLATED_RENDER_H_
#define FOICODE_PIPELINE_SERVER_ISOLATED_RENDER_H_

#include <string>
#include <string_view>

#include "core/status.h"
#include "server/page_image.h"

namespace foicode::server {

// As RenderPdfPage, in `program` (a foicode binary); a crash, a run past 30 s or past 1 GiB of
// memory is an error.
Status RenderPdfPageIsolated(const std::string& program, std::string_view pdf, int page, PageImage* out,
                             const PageImageLimits& limits);

// As FindQuoteBoxes, with the same bounds.
Status FindQuoteBoxesIsolated(const std::string& program, std::string_view pdf, int page, std::string_view quote,
                              QuoteBoxes* out, const PageImageLimits& limits);

// `foicode render-worker`: reads one request and its PDF on stdin, answers on the descriptor
// RunProgramInChild gives it, and exits. Not for people: the review page starts it.
[[noreturn]] void RenderWorkerMain();

}  // namespace foicode::server

#endif  // FOICODE_PIPELINE_SERVER_ISOLATED_RENDER_H_
