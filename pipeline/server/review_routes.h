// The review page's routes: the page and its assets, and a JSON API that passes the
// ReviewService's answers through. Access checks (token, Host) happen before these run.
#ifndef FOICODE_PIPELINE_SERVER_REVIEW_ROUTES_H_
#define FOICODE_PIPELINE_SERVER_REVIEW_ROUTES_H_

#include <httplib.h>

#include <mutex>
#include <string>

#include "review/review_service.h"
#include "server/page_image.h"

namespace foicode::server {

class ReviewRoutes {
 public:
  // `service` must outlive this object; `token` is written into the page's asset links;
  // `render_program` is the foicode binary that renders PDF pages (isolated_render.h).
  ReviewRoutes(review::ReviewService& service, std::string token, std::string render_program)
      : service_(service), token_(std::move(token)), render_program_(std::move(render_program)) {}
  ReviewRoutes(const ReviewRoutes&) = delete;
  ReviewRoutes& operator=(const ReviewRoutes&) = delete;

  // Registers every route on `server`, which must not outlive this object.
  void Install(httplib::Server& server);

 private:
  void Page(const httplib::Request& req, httplib::Response& res);
  void Asset(const std::string& name, const std::string& type, httplib::Response& res);
  void Queue(httplib::Response& res);
  void Names(httplib::Response& res);
  void Context(const httplib::Request& req, httplib::Response& res);
  void Decide(const httplib::Request& req, httplib::Response& res);
  void Source(const httplib::Request& req, httplib::Response& res);
  void PagePng(const httplib::Request& req, httplib::Response& res);
  void PageWords(const httplib::Request& req, httplib::Response& res);

  // The PDF `source` names, or false with an error response set.
  bool LoadPdf(const httplib::Request& req, std::string* pdf, int* page, httplib::Response& res);

  review::ReviewService& service_;
  const std::string token_;
  const std::string render_program_;
  std::mutex service_mutex_;  // the service is called one call at a time
  std::mutex render_mutex_;   // one page rendered at a time: bounds CPU and memory
  const PageImageLimits limits_;
};

}  // namespace foicode::server

#endif  // FOICODE_PIPELINE_SERVER_REVIEW_ROUTES_H_
