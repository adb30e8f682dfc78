// Serving the review page: listen on 127.0.0.1, check every request, stop on a signal.
#include "server/review_server.h"

#include <sys/socket.h>

#include <httplib.h>

#include <chrono>
#include <csignal>
#include <nlohmann/json.hpp>
#include <string_view>
#include <thread>

#include "server/request_guard.h"
#include "server/review_routes.h"

namespace foicode::server {
namespace {

// POST bodies are small JSON decisions; anything bigger is refused before it is read.
constexpr std::size_t kMaxBodyBytes = 64 * 1024;

volatile std::sig_atomic_t g_signalled = 0;

void OnSignal(int /*signal*/) { g_signalled = 1; }

// Installs the SIGINT/SIGTERM handler for its lifetime and puts back what was there.
class ScopedStopSignals {
 public:
  ScopedStopSignals() {
    g_signalled = 0;
    struct sigaction action = {};
    action.sa_handler = &OnSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~ScopedStopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  ScopedStopSignals(const ScopedStopSignals&) = delete;
  ScopedStopSignals& operator=(const ScopedStopSignals&) = delete;

 private:
  struct sigaction old_int_ = {};
  struct sigaction old_term_ = {};
};

// GETs the browser makes without script (the page, its files, images, downloads) carry the
// token in the URL; every other request must send it in the header.
bool TokenMayBeInUrl(const httplib::Request& req) {
  static constexpr std::string_view kPaths[] = {"/", "/app.js", "/app.css", "/api/page.png",
                                                "/api/source"};
  if (req.method != "GET") return false;
  for (const std::string_view path : kPaths) {
    if (req.path == path) return true;
  }
  return false;
}

void Refuse(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", message}}.dump(), "application/json; charset=utf-8");
}

}  // namespace

Status ServeReview(review::ReviewService& service, const ServeOptions& options) {
  std::string token = options.token;
  if (token.empty()) {
    std::optional<std::string> random = RandomToken();
    if (!random) return Status::Error("cannot read /dev/urandom to make an access token");
    token = *random;
  } else if (!IsValidToken(token)) {
    return Status::Error("the access token must be 16 to 256 letters, digits, '-' or '_'");
  }

  httplib::Server server;
  // httplib's default adds SO_REUSEPORT, which would let a second process share the port and
  // take half the requests: the address may be reused, the port not shared.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
  });
  server.set_payload_max_length(kMaxBodyBytes);
  httplib::Headers headers;
  for (const auto& [name, value] : SecurityHeaders()) headers.emplace(name, value);
  server.set_default_headers(headers);

  // Only the loopback interface: the page is for the person at this machine.
  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port("127.0.0.1");
    if (port < 0) return Status::Error("cannot listen on 127.0.0.1: no free port");
  } else if (!server.bind_to_port("127.0.0.1", port)) {
    return Status::Error("cannot listen on 127.0.0.1:" + std::to_string(port) +
                         " (is the port in use?)");
  }

  server.set_pre_routing_handler(
      [&token, port](const httplib::Request& req, httplib::Response& res) {
        if (!IsAllowedHost(req.get_header_value("Host"), port)) {
          Refuse(res, 403, "misdirected request: open the page at 127.0.0.1 or localhost");
          return httplib::Server::HandlerResponse::Handled;
        }
        std::string given = req.get_header_value("X-Foicode-Token");
        if (given.empty() && TokenMayBeInUrl(req)) given = req.get_param_value("token");
        if (!ConstantTimeEquals(given, token)) {
          Refuse(res, 403, "missing or wrong access token: open the URL foicode printed");
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  // httplib's own errors (no such route, body too large) get a JSON message too.
  server.set_error_handler([](const httplib::Request& /*req*/, httplib::Response& res) {
    if (res.body.empty()) {
      Refuse(res, res.status, res.status == 413 ? "request body too large" : "not found");
    }
  });
  ReviewRoutes routes(service, token, options.render_program);
  routes.Install(server);

  const ScopedStopSignals signals;
  std::atomic<bool> ended{false};
  std::thread listener([&] {
    server.listen_after_bind();
    ended.store(true);
  });
  if (options.on_ready) {
    options.on_ready("http://127.0.0.1:" + std::to_string(port) + "/?token=" + token);
  }
  // stop() before listen_after_bind has started would be lost, and join() would wait forever.
  while (!server.is_running() && !ended.load()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  // A signal handler may only set a flag: the stop itself happens here.
  while (!g_signalled && !ended.load() && !(options.stop != nullptr && options.stop->stopped())) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  server.stop();
  listener.join();
  return Status::Ok();
}

}  // namespace foicode::server
