// Route handlers of the review page.
#include "server/review_routes.h"

#include <charconv>
#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "server/isolated_render.h"
#include "server/page_assets.h"
#include "server/request_guard.h"

namespace foicode::server {
namespace {

using nlohmann::json;

constexpr char kJson[] = "application/json; charset=utf-8";

// Replies may hold bytes that are not UTF-8; dump() would throw on them.
std::string Dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

void SendJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(Dump(body), kJson);
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, json{{"error", message}});
}

// A whole decimal number in [1, INT_MAX], or nullopt: no signs, spaces or trailing bytes.
std::optional<int> PositiveInt(const std::string& text) {
  int value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < 1) return std::nullopt;
  return value;
}

// Source ids may be 0 in a dataset; pages start at 1.
std::optional<int> NonNegativeInt(const std::string& text) {
  if (text == "0") return 0;
  return PositiveInt(text);
}

// Byte offset of code point `index` in UTF-8 `text` (its size when past the end).
std::size_t CodePointByte(const std::string& text, long long index) {
  std::size_t byte = 0;
  for (long long seen = 0; byte < text.size(); ++byte) {
    if ((static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) continue;
    if (seen++ == index) return byte;
  }
  return text.size();
}

const PageAsset* FindAsset(std::string_view name) {
  for (const PageAsset& asset : PageAssets()) {
    if (asset.name == name) return &asset;
  }
  return nullptr;
}

// Runs one call into the service; an exception from it becomes a 500 with its message,
// never a dropped connection.
template <typename F>
void Guarded(httplib::Response& res, F&& call) {
  try {
    call();
  } catch (const std::exception& e) {
    SendError(res, 500, std::string("internal error: ") + e.what());
  }
}

}  // namespace

void ReviewRoutes::Install(httplib::Server& server) {
  using Req = const httplib::Request&;
  using Res = httplib::Response&;
  server.Get("/", [this](Req req, Res res) { Page(req, res); });
  server.Get("/app.js",
             [this](Req, Res res) { Asset("app.js", "text/javascript; charset=utf-8", res); });
  server.Get("/app.css",
             [this](Req, Res res) { Asset("app.css", "text/css; charset=utf-8", res); });
  server.Get("/api/queue", [this](Req, Res res) { Queue(res); });
  server.Get("/api/names", [this](Req, Res res) { Names(res); });
  server.Get("/api/context", [this](Req req, Res res) { Context(req, res); });
  server.Post("/api/decide", [this](Req req, Res res) { Decide(req, res); });
  // A state change only through POST with the token header; a GET is refused, not served.
  server.Get("/api/decide", [](Req, Res res) {
    res.set_header("Allow", "POST");
    SendError(res, 405, "decisions are sent with POST");
  });
  server.Get("/api/source", [this](Req req, Res res) { Source(req, res); });
  server.Get("/api/page.png", [this](Req req, Res res) { PagePng(req, res); });
  server.Get("/api/page-words", [this](Req req, Res res) { PageWords(req, res); });
}

void ReviewRoutes::Page(const httplib::Request& /*req*/, httplib::Response& res) {
  const PageAsset* asset = FindAsset("index.html");
  std::string html(asset->bytes);
  // The token is hex or [A-Za-z0-9_-] (IsValidToken): safe in an attribute as it is.
  static constexpr std::string_view kPlaceholder = "__FOICODE_TOKEN__";
  for (std::size_t at = html.find(kPlaceholder); at != std::string::npos;
       at = html.find(kPlaceholder, at + token_.size())) {
    html.replace(at, kPlaceholder.size(), token_);
  }
  res.set_content(html, "text/html; charset=utf-8");
}

void ReviewRoutes::Asset(const std::string& name, const std::string& type, httplib::Response& res) {
  const PageAsset* asset = FindAsset(name);
  res.set_content(std::string(asset->bytes), type.c_str());
}

void ReviewRoutes::Queue(httplib::Response& res) {
  Guarded(res, [&] {
    const std::lock_guard lock(service_mutex_);
    SendJson(res, 200, service_.Queue());
  });
}

void ReviewRoutes::Names(httplib::Response& res) {
  Guarded(res, [&] {
    const std::lock_guard lock(service_mutex_);
    SendJson(res, 200, service_.CanonicalNames());
  });
}

void ReviewRoutes::Context(const httplib::Request& req, httplib::Response& res) {
  const std::string item = req.get_param_value("item");
  if (item.empty()) return SendError(res, 400, "no item given");
  Guarded(res, [&] {
    const std::lock_guard lock(service_mutex_);
    std::optional<json> context = service_.ItemContext(item);
    if (!context) return SendError(res, 404, "no text around this item's evidence");
    SendJson(res, 200, *context);
  });
}

void ReviewRoutes::Decide(const httplib::Request& req, httplib::Response& res) {
  const json request = json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded() || !request.is_object()) {
    return SendError(res, 400, "the decision is not a JSON object");
  }
  Guarded(res, [&] {
    const std::lock_guard lock(service_mutex_);
    json result;
    const Status status = service_.Decide(request, &result);
    if (!status.ok()) return SendError(res, 400, status.message());
    SendJson(res, 200, result);
  });
}

void ReviewRoutes::Source(const httplib::Request& req, httplib::Response& res) {
  const std::optional<int> id = NonNegativeInt(req.get_param_value("id"));
  if (!id) return SendError(res, 400, "the source id must be a number");
  Guarded(res, [&] {
    std::optional<review::SourceFile> file;
    {
      const std::lock_guard lock(service_mutex_);
      file = service_.Source(*id);
    }
    if (!file) return SendError(res, 404, "source " + std::to_string(*id) + " is not available");
    // Always a download, never shown inline: the browser must not render a reply's HTML.
    res.set_header("Content-Disposition", AttachmentDisposition(file->file_name));
    res.set_content(std::move(file->bytes), "application/octet-stream");
  });
}

bool ReviewRoutes::LoadPdf(const httplib::Request& req, std::string* pdf, int* page,
                           httplib::Response& res) {
  const std::optional<int> id = NonNegativeInt(req.get_param_value("source"));
  const std::optional<int> number = PositiveInt(req.get_param_value("page"));
  if (!id || !number) {
    SendError(res, 400, "source and page must be numbers");
    return false;
  }
  std::optional<review::SourceFile> file;
  {
    const std::lock_guard lock(service_mutex_);
    file = service_.Source(*id);
  }
  if (!file) {
    SendError(res, 404, "source " + std::to_string(*id) + " is not available");
    return false;
  }
  if (file->kind != "pdf") {
    SendError(res, 422, "source " + std::to_string(*id) + " is not a PDF");
    return false;
  }
  *pdf = std::move(file->bytes);
  *page = *number;
  return true;
}

void ReviewRoutes::PagePng(const httplib::Request& req, httplib::Response& res) {
  Guarded(res, [&] {
    std::string pdf;
    int page = 0;
    if (!LoadPdf(req, &pdf, &page, res)) return;
    PageImage image;
    Status status;
    {
      const std::lock_guard lock(render_mutex_);
      status = RenderPdfPageIsolated(render_program_, pdf, page, &image, limits_);
    }
    if (!status.ok()) return SendError(res, 422, status.message());
    res.set_content(std::move(image.png), "image/png");
  });
}

void ReviewRoutes::PageWords(const httplib::Request& req, httplib::Response& res) {
  Guarded(res, [&] {
    std::string quote = req.get_param_value("quote");
    if (const std::string item = req.get_param_value("item"); !item.empty()) {
      std::optional<json> context;
      {
        const std::lock_guard lock(service_mutex_);
        context = service_.ItemContext(item);
      }
      const auto is = [&](const char* key, auto check) {
        return context && context->is_object() && context->contains(key) &&
               ((*context)[key].*check)();
      };
      if (!is("text", &json::is_string) || !is("start", &json::is_number_integer) ||
          !is("end", &json::is_number_integer)) {
        return SendError(res, 404, "no text around this item's evidence");
      }
      const std::string text = (*context)["text"].get<std::string>();
      const std::size_t begin = CodePointByte(text, (*context)["start"].get<long long>());
      const std::size_t end = CodePointByte(text, (*context)["end"].get<long long>());
      quote = begin < end ? text.substr(begin, end - begin) : "";
    }
    std::string pdf;
    int page = 0;
    if (!LoadPdf(req, &pdf, &page, res)) return;
    QuoteBoxes boxes;
    Status status;
    {
      const std::lock_guard lock(render_mutex_);
      status = FindQuoteBoxesIsolated(render_program_, pdf, page, quote, &boxes, limits_);
    }
    if (!status.ok()) return SendError(res, 422, status.message());
    json out = {{"width", boxes.width}, {"height", boxes.height}, {"boxes", json::array()}};
    for (const WordBox& b : boxes.boxes) {
      out["boxes"].push_back({{"x", b.x}, {"y", b.y}, {"w", b.w}, {"h", b.h}});
    }
    SendJson(res, 200, out);
  });
}

}  // namespace foicode::server
