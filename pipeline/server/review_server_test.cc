// Tests for the review page's HTTP layer over a fake ReviewService: access checks, headers,
// the decision API, downloads and page images.
#include "server/review_server.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "extract/pdf_test_builder.h"

namespace foicode::server {
namespace {

using nlohmann::json;

constexpr char kToken[] = "0123456789abcdef0123456789abcdef";

class FakeService : public review::ReviewService {
 public:
  json Queue() override {
    return {{"progress", {{"done", 0}, {"total", 1}}},
            {"items", json::array({{{"id", "item-1"}, {"quote", "<script>alert(1)</script>"}}})}};
  }
  std::optional<json> ItemContext(const std::string& item_id) override {
    if (item_id != "item-1") return std::nullopt;
    // "é" is one code point: start/end count code points, not bytes.
    return json{{"text", "Caf\xC3\xA9 uses Brainomix daily."}, {"start", 10}, {"end", 19}};
  }
  Status Decide(const json& request, json* result) override {
    last_request = request;
    if (request.value("action", "") == "explode") throw std::runtime_error("boom");
    if (request.value("action", "") != "accept") return Status::Error("unknown action");
    *result = {{"id", "d1"}, {"action", "accept"}, {"echo", request}};
    return Status::Ok();
  }
  json CanonicalNames() override { return {{"vendors", {"Brainomix"}}}; }
  std::optional<review::SourceFile> Source(int source_id) override {
    auto it = sources.find(source_id);
    if (it == sources.end()) return std::nullopt;
    return it->second;
  }

  std::map<int, review::SourceFile> sources;
  json last_request;
};

// ServeReview on a free port in a thread, stopped and joined at the end of the test.
class ReviewServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string pdf = extract::testpdf::BuildPdf({extract::testpdf::PageSpec{
        .text = {{.x = 72, .y = 100, .text = "We use Brainomix daily."}}}});
    service_.sources[3] = {"replies/a b\";.pdf", "a b\";.pdf", "pdf", pdf};
    service_.sources[4] = {"replies/m.eml", "m.eml", "eml", "From: x\r\n\r\nhello"};
    // Shared: a server thread that calls back after a failed wait must not touch a dead promise.
    auto ready = std::make_shared<std::promise<std::string>>();
    std::future<std::string> url = ready->get_future();
    ServeOptions options;
    options.token = kToken;
    options.stop = &stop_;
    options.render_program = FOICODE_BINARY;
    options.on_ready = [ready](const std::string& u) { ready->set_value(u); };
    thread_ = std::thread([this, options] { served_ = ServeReview(service_, options); });
    ASSERT_EQ(url.wait_for(std::chrono::seconds(60)), std::future_status::ready);
    url_ = url.get();
    const std::size_t colon = url_.rfind(':');
    port_ = std::stoi(url_.substr(colon + 1));
  }
  void TearDown() override {
    stop_.Stop();
    if (thread_.joinable()) thread_.join();
    EXPECT_TRUE(served_.ok()) << served_.message();
  }

  httplib::Client Client() {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    return client;
  }
  static httplib::Headers Auth() { return {{"X-Foicode-Token", kToken}}; }

  static void ExpectSecurityHeaders(const httplib::Result& r) {
    ASSERT_TRUE(r);
    EXPECT_EQ(r->get_header_value("Content-Security-Policy"),
              "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
              "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'")
        << r->status;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << r->status;
    EXPECT_EQ(r->get_header_value("Cache-Control"), "no-store") << r->status;
    EXPECT_EQ(r->get_header_value("Referrer-Policy"), "no-referrer") << r->status;
  }

  FakeService service_;
  StopHandle stop_;
  std::thread thread_;
  Status served_;
  std::string url_;
  int port_ = 0;
};

TEST_F(ReviewServerTest, PrintsALoopbackUrlWithTheToken) {
  EXPECT_EQ(url_, "http://127.0.0.1:" + std::to_string(port_) + "/?token=" + kToken);
}

TEST_F(ReviewServerTest, ServesThePageWithTheTokenInItsAssetLinks) {
  auto client = Client();
  auto page = client.Get(std::string("/?token=") + kToken);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find(std::string("/app.js?token=") + kToken), std::string::npos);
  EXPECT_EQ(page->body.find("__FOICODE_TOKEN__"), std::string::npos);
  EXPECT_EQ(page->body.find("<script>"), std::string::npos);  // no inline script
  ExpectSecurityHeaders(page);
  auto js = client.Get(std::string("/app.js?token=") + kToken);
  ASSERT_TRUE(js);
  EXPECT_EQ(js->status, 200);
  EXPECT_EQ(js->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  auto css = client.Get(std::string("/app.css?token=") + kToken);
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
}

TEST_F(ReviewServerTest, RefusesRequestsWithoutTheRightToken) {
  auto client = Client();
  for (const std::string path : {"/", "/app.js", "/api/queue", "/api/source?id=3"}) {
    auto none = client.Get(path);
    ASSERT_TRUE(none);
    EXPECT_EQ(none->status, 403) << path;
    ExpectSecurityHeaders(none);
  }
  auto wrong = client.Get("/?token=0123456789abcdef0123456789abcdee");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  auto wrong_header =
      client.Get("/api/queue", {{"X-Foicode-Token", "0123456789abcdef0123456789abcdee"}});
  ASSERT_TRUE(wrong_header);
  EXPECT_EQ(wrong_header->status, 403);
  // The API reads the token from the header only: a URL leaks into logs and history.
  auto in_url = client.Get(std::string("/api/queue?token=") + kToken);
  ASSERT_TRUE(in_url);
  EXPECT_EQ(in_url->status, 403);
  auto post_in_url = client.Post(std::string("/api/decide?token=") + kToken,
                                 R"({"item":"item-1","action":"accept"})", "application/json");
  ASSERT_TRUE(post_in_url);
  EXPECT_EQ(post_in_url->status, 403);
  EXPECT_TRUE(service_.last_request.is_null());
}

TEST_F(ReviewServerTest, RefusesOtherHostNames) {
  auto client = Client();
  const std::string port = std::to_string(port_);
  for (const std::string& host :
       std::vector<std::string>{"evil.example:" + port, "127.0.0.1:1", "localhost"}) {
    httplib::Headers headers = Auth();
    headers.emplace("Host", host);
    auto r = client.Get("/api/queue", headers);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 403) << host;
    ExpectSecurityHeaders(r);
  }
  httplib::Headers local = Auth();
  local.emplace("Host", "localhost:" + port);
  auto ok = client.Get("/api/queue", local);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
}

TEST_F(ReviewServerTest, PassesTheQueueAndNamesThroughAsJson) {
  auto client = Client();
  auto queue = client.Get("/api/queue", Auth());
  ASSERT_TRUE(queue);
  EXPECT_EQ(queue->status, 200);
  EXPECT_EQ(queue->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(json::parse(queue->body), service_.Queue());
  ExpectSecurityHeaders(queue);
  auto names = client.Get("/api/names", Auth());
  ASSERT_TRUE(names);
  EXPECT_EQ(json::parse(names->body)["vendors"][0], "Brainomix");
  auto context = client.Get("/api/context?item=item-1", Auth());
  ASSERT_TRUE(context);
  EXPECT_EQ(json::parse(context->body)["start"], 10);
  auto unknown = client.Get("/api/context?item=nope", Auth());
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
}

TEST_F(ReviewServerTest, DecidesOnlyByPost) {
  auto client = Client();
  auto get = client.Get("/api/decide", Auth());
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  ExpectSecurityHeaders(get);
  EXPECT_TRUE(service_.last_request.is_null());
}

TEST_F(ReviewServerTest, PassesDecisionsThroughAndReportsErrors) {
  auto client = Client();
  const json request = {{"item", "item-1"}, {"action", "accept"}, {"reason", "looks right"}};
  auto ok = client.Post("/api/decide", Auth(), request.dump(), "application/json");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(service_.last_request, request);
  EXPECT_EQ(json::parse(ok->body)["echo"], request);
  ExpectSecurityHeaders(ok);

  auto refused =
      client.Post("/api/decide", Auth(), R"({"item":"item-1","action":"fly"})", "application/json");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json::parse(refused->body), json({{"error", "unknown action"}}));
  ExpectSecurityHeaders(refused);

  auto not_json = client.Post("/api/decide", Auth(), "{oops", "application/json");
  ASSERT_TRUE(not_json);
  EXPECT_EQ(not_json->status, 400);
  EXPECT_EQ(json::parse(not_json->body)["error"], "the decision is not a JSON object");

  auto thrown = client.Post("/api/decide", Auth(), R"({"action":"explode"})", "application/json");
  ASSERT_TRUE(thrown);
  EXPECT_EQ(thrown->status, 500);
  EXPECT_EQ(json::parse(thrown->body)["error"], "internal error: boom");
}

TEST_F(ReviewServerTest, RefusesOversizedBodies) {
  auto client = Client();
  const std::string big =
      R"({"item":"item-1","action":"accept","reason":")" + std::string(100 * 1024, 'x') + R"("})";
  auto r = client.Post("/api/decide", Auth(), big, "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  ExpectSecurityHeaders(r);
  EXPECT_TRUE(service_.last_request.is_null());
}

TEST_F(ReviewServerTest, DownloadsSourcesByIdAsAttachments) {
  auto client = Client();
  auto r = client.Get(std::string("/api/source?id=3&token=") + kToken);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/octet-stream");
  // httplib's client percent-decodes header values; the encoding itself is tested in
  // request_guard_test.
  EXPECT_EQ(r->get_header_value("Content-Disposition"), "attachment; filename*=UTF-8''a b\";.pdf");
  EXPECT_EQ(r->body, service_.sources[3].bytes);
  ExpectSecurityHeaders(r);
  for (const std::string id : {"99", "-1", "3x", "", "../etc/passwd"}) {
    auto bad = client.Get("/api/source?id=" + id + "&token=" + kToken);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, id == "99" ? 404 : 400) << id;
    ExpectSecurityHeaders(bad);
  }
}

TEST_F(ReviewServerTest, RendersPdfPagesAndBoxesTheQuote) {
  auto client = Client();
  auto png = client.Get(std::string("/api/page.png?source=3&page=1&token=") + kToken);
  ASSERT_TRUE(png);
  EXPECT_EQ(png->status, 200);
  EXPECT_EQ(png->get_header_value("Content-Type"), "image/png");
  EXPECT_EQ(png->body.substr(0, 4), "\x89PNG");
  auto words = client.Get("/api/page-words?source=3&page=1&item=item-1", Auth());
  ASSERT_TRUE(words);
  ASSERT_EQ(words->status, 200) << words->body;
  const json w = json::parse(words->body);
  EXPECT_GT(w["width"].get<int>(), 0);
  EXPECT_EQ(w["boxes"].size(), 1u);  // "Brainomix", code points 10..19 of the context
  auto by_quote = client.Get("/api/page-words?source=3&page=1&quote=use%20Brainomix", Auth());
  ASSERT_TRUE(by_quote);
  EXPECT_EQ(json::parse(by_quote->body)["boxes"].size(), 2u);

  auto missing_page = client.Get(std::string("/api/page.png?source=3&page=9&token=") + kToken);
  ASSERT_TRUE(missing_page);
  EXPECT_EQ(missing_page->status, 422);
  EXPECT_EQ(json::parse(missing_page->body)["error"], "page 9 is not in this PDF (it has 1)");
  ExpectSecurityHeaders(missing_page);
  auto not_pdf = client.Get(std::string("/api/page.png?source=4&page=1&token=") + kToken);
  ASSERT_TRUE(not_pdf);
  EXPECT_EQ(not_pdf->status, 422);
}

TEST_F(ReviewServerTest, UnknownRoutesAreJsonErrorsWithHeaders) {
  auto client = Client();
  auto r = client.Get("/etc/passwd", Auth());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  ExpectSecurityHeaders(r);
}

TEST(ReviewServer, FailsWhenThePortIsTaken) {
  // A socket that offers to share its port, as httplib's defaults do: the review server must
  // still refuse to share it.
  const int other = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(other, 0);
  const int yes = 1;
  ASSERT_EQ(setsockopt(other, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof yes), 0);
  sockaddr_in address = {};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(bind(other, reinterpret_cast<sockaddr*>(&address), length), 0);
  ASSERT_EQ(listen(other, 1), 0);
  ASSERT_EQ(getsockname(other, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const int port = ntohs(address.sin_port);
  FakeService service;
  ServeOptions options;
  options.port = port;
  const Status s = ServeReview(service, options);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("cannot listen on 127.0.0.1:" + std::to_string(port)),
            std::string::npos);
  close(other);
}

TEST(ReviewServer, RefusesATokenThatIsNotUrlSafe) {
  FakeService service;
  ServeOptions options;
  options.token = "abc\"def<ghi>jklmnop";
  EXPECT_FALSE(ServeReview(service, options).ok());
}

}  // namespace
}  // namespace foicode::server
