// `foicode review DIR`: the review page, served on 127.0.0.1 only, over a ReviewService.
//
// Every request carries a random token (in the page's URL for the page, its assets, images
// and downloads; in the X-Foicode-Token header for API calls), names this machine in its Host
// header (no DNS rebinding), and state changes are POSTs with that header, which a page on
// another site cannot send without a CORS preflight this server never allows. Replies are
// hostile text: the page inserts it as text only, and a strict Content-Security-Policy on
// every response forbids inline scripts.
#ifndef FOICODE_PIPELINE_SERVER_REVIEW_SERVER_H_
#define FOICODE_PIPELINE_SERVER_REVIEW_SERVER_H_

#include <atomic>
#include <functional>
#include <string>

#include "core/status.h"
#include "review/review_service.h"

namespace foicode::server {

// Ends a ServeReview from another thread, as SIGINT and SIGTERM do. Stop() is sticky: a
// handle stopped before ServeReview starts makes it return as soon as it listens.
class StopHandle {
 public:
  void Stop() { stopped_.store(true); }
  bool stopped() const { return stopped_.load(); }

 private:
  std::atomic<bool> stopped_{false};
};

struct ServeOptions {
  int port = 0;       // 0: a free port chosen by the system
  std::string token;  // empty: 128 random bits (hex) from /dev/urandom
  // Called once the socket listens, with the URL to open: http://127.0.0.1:PORT/?token=TOKEN
  std::function<void(const std::string& url)> on_ready;
  // Not owned; when set, it must outlive ServeReview, and Stop() on it ends the serving.
  StopHandle* stop = nullptr;
  // The foicode binary that renders PDF pages in a child process (isolated_render.h).
  std::string render_program;
};

// Serves the review page for `service` until SIGINT or SIGTERM (or options.stop). Calls into
// `service` one at a time. Returns an error when it cannot listen or the token is unusable.
Status ServeReview(review::ReviewService& service, const ServeOptions& options);

}  // namespace foicode::server

#endif  // FOICODE_PIPELINE_SERVER_REVIEW_SERVER_H_
