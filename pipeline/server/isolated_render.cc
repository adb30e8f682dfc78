#include "server/isolated_render.h"

#include <unistd.h>

#include <array>
#include <cerrno>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "extract/child_process.h"

namespace foicode::server {
namespace {

using nlohmann::json;

extract::ChildLimits RenderLimits() {
  extract::ChildLimits limits;
  limits.max_output_bytes = 64ull << 20;  // a 4000 x 4000 PNG is well under this
  limits.timeout_seconds = 30;
  limits.max_memory_bytes = 1ull << 30;
  limits.output_limit_name = "the largest page image";
  limits.timeout_limit_name = "the time allowed for one page image";
  limits.names_are_limits = false;
  return limits;
}

// The child's answer starts with one of these: its own error is passed on as it is said.
const std::string kDone = "+";
const std::string kFailed = "-";

// The request is one line of JSON, then the PDF's bytes.
std::string Request(std::string_view operation, int page, std::string_view quote, const PageImageLimits& limits,
                    std::string_view pdf) {
  const json head = {{"operation", operation},
                     {"page", page},
                     {"quote", quote},
                     {"dpi", limits.dpi},
                     {"max_side_pixels", limits.max_side_pixels},
                     {"min_dpi", limits.min_dpi},
                     {"max_pages", limits.max_pages},
                     {"max_pdf_bytes", limits.max_pdf_bytes}};
  std::string request = head.dump(-1, ' ', false, json::error_handler_t::replace);
  request += '\n';
  request.append(pdf);
  return request;
}

Status Outcome(const extract::ChildResult& child, const std::string& prefix, std::string* output) {
  if (child.error) return Status::Error(prefix + *child.error);
  if (child.output.empty()) return Status::Error(prefix + "the child process sent back nothing");
  if (child.output.compare(0, kFailed.size(), kFailed) == 0) return Status::Error(child.output.substr(kFailed.size()));
  *output = child.output.substr(kDone.size());
  return Status::Ok();
}

std::string ReadStandardInput() {
  std::string bytes;
  std::array<char, 1 << 16> chunk;
  for (;;) {
    const ssize_t n = read(STDIN_FILENO, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error("the request could not be read");
    if (n == 0) return bytes;
    bytes.append(chunk.data(), static_cast<std::size_t>(n));
  }
}

// The worker's side: one request in, the answer as a string.
std::string Serve() {
  const std::string request = ReadStandardInput();
  const std::size_t newline = request.find('\n');
  if (newline == std::string::npos) throw std::runtime_error("the request has no header");
  const json head = json::parse(request.substr(0, newline));
  PageImageLimits limits;
  limits.dpi = head.at("dpi").get<double>();
  limits.max_side_pixels = head.at("max_side_pixels").get<int>();
  limits.min_dpi = head.at("min_dpi").get<double>();
  limits.max_pages = head.at("max_pages").get<int>();
  limits.max_pdf_bytes = head.at("max_pdf_bytes").get<std::size_t>();
  const int page = head.at("page").get<int>();
  const std::string_view pdf = std::string_view(request).substr(newline + 1);
  if (head.at("operation") == "image") {
    PageImage image;
    if (Status s = RenderPdfPage(pdf, page, &image, limits); !s.ok()) return kFailed + s.message();
    return kDone + json{{"width", image.width}, {"height", image.height}}.dump() + "\n" + image.png;
  }
  QuoteBoxes boxes;
  const std::string quote = head.at("quote").get<std::string>();
  if (Status s = FindQuoteBoxes(pdf, page, quote, &boxes, limits); !s.ok()) return kFailed + s.message();
  json out = {{"width", boxes.width}, {"height", boxes.height}, {"boxes", json::array()}};
  for (const WordBox& b : boxes.boxes) out["boxes"].push_back({b.x, b.y, b.w, b.h});
  return kDone + out.dump();
}

}  // namespace

Status RenderPdfPageIsolated(const std::string& program, std::string_view pdf, int page, PageImage* out,
                             const PageImageLimits& limits) {
  const extract::ChildResult child = extract::RunProgramInChild(
      program, {"render-worker"}, Request("image", page, "", limits, pdf), RenderLimits(), "page renderer");
  std::string output;
  if (Status s = Outcome(child, "the page could not be shown: ", &output); !s.ok()) return s;
  const std::size_t newline = output.find('\n');
  const json size = json::parse(output.substr(0, newline), nullptr, false);
  if (newline == std::string::npos || !size.is_object() || !size.value("width", json()).is_number_integer() ||
      !size.value("height", json()).is_number_integer()) {
    return Status::Error("the page could not be shown: the renderer sent back damaged output");
  }
  out->width = size["width"].get<int>();
  out->height = size["height"].get<int>();
  out->png = output.substr(newline + 1);
  return Status::Ok();
}

Status FindQuoteBoxesIsolated(const std::string& program, std::string_view pdf, int page, std::string_view quote,
                              QuoteBoxes* out, const PageImageLimits& limits) {
  const extract::ChildResult child = extract::RunProgramInChild(
      program, {"render-worker"}, Request("words", page, quote, limits, pdf), RenderLimits(), "page reader");
  std::string output;
  if (Status s = Outcome(child, "the page's words could not be found: ", &output); !s.ok()) return s;
  const json parsed = json::parse(output, nullptr, false);
  QuoteBoxes boxes;
  bool good = parsed.is_object() && parsed.value("width", json()).is_number_integer() &&
              parsed.value("height", json()).is_number_integer() && parsed.value("boxes", json()).is_array();
  if (good) {
    boxes.width = parsed["width"].get<int>();
    boxes.height = parsed["height"].get<int>();
    for (const json& b : parsed["boxes"]) {
      if (!b.is_array() || b.size() != 4 || !b[0].is_number() || !b[1].is_number() || !b[2].is_number() ||
          !b[3].is_number()) {
        good = false;
        break;
      }
      boxes.boxes.push_back({b[0].get<double>(), b[1].get<double>(), b[2].get<double>(), b[3].get<double>()});
    }
  }
  if (!good) return Status::Error("the page's words could not be found: the reader sent back damaged output");
  *out = std::move(boxes);
  return Status::Ok();
}

void RenderWorkerMain() { extract::AnswerAsSpawnedChild(Serve, RenderLimits()); }

}  // namespace foicode::server
