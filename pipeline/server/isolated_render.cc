#include "server/isolated_render.h"

#include <string>

#include <nlohmann/json.hpp>

#include "extract/child_process.h"

namespace foicode::server {
namespace {

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

Status Outcome(const extract::ChildResult& child, const std::string& prefix, std::string* output) {
  if (child.error) return Status::Error(prefix + *child.error);
  if (child.output.empty()) return Status::Error(prefix + "the child process sent back nothing");
  if (child.output.compare(0, kFailed.size(), kFailed) == 0) return Status::Error(child.output.substr(kFailed.size()));
  *output = child.output.substr(kDone.size());
  return Status::Ok();
}

}  // namespace

Status RenderPdfPageIsolated(std::string_view pdf, int page, PageImage* out, const PageImageLimits& limits) {
  const extract::ChildResult child = extract::RunInChild(
      [&] {
        PageImage image;
        if (Status s = RenderPdfPage(pdf, page, &image, limits); !s.ok()) return kFailed + s.message();
        return kDone + nlohmann::json{{"width", image.width}, {"height", image.height}}.dump() + "\n" + image.png;
      },
      RenderLimits(), "page renderer");
  std::string output;
  if (Status s = Outcome(child, "the page could not be shown: ", &output); !s.ok()) return s;
  const std::size_t newline = output.find('\n');
  const nlohmann::json size = nlohmann::json::parse(output.substr(0, newline), nullptr, false);
  if (newline == std::string::npos || !size.is_object() || !size.value("width", nlohmann::json()).is_number_integer() ||
      !size.value("height", nlohmann::json()).is_number_integer()) {
    return Status::Error("the page could not be shown: the renderer sent back damaged output");
  }
  out->width = size["width"].get<int>();
  out->height = size["height"].get<int>();
  out->png = output.substr(newline + 1);
  return Status::Ok();
}

Status FindQuoteBoxesIsolated(std::string_view pdf, int page, std::string_view quote, QuoteBoxes* out,
                              const PageImageLimits& limits) {
  const extract::ChildResult child = extract::RunInChild(
      [&] {
        QuoteBoxes boxes;
        if (Status s = FindQuoteBoxes(pdf, page, quote, &boxes, limits); !s.ok()) return kFailed + s.message();
        nlohmann::json json = {{"width", boxes.width}, {"height", boxes.height}, {"boxes", nlohmann::json::array()}};
        for (const WordBox& b : boxes.boxes) json["boxes"].push_back({b.x, b.y, b.w, b.h});
        return kDone + json.dump();
      },
      RenderLimits(), "page reader");
  std::string output;
  if (Status s = Outcome(child, "the page's words could not be found: ", &output); !s.ok()) return s;
  const nlohmann::json json = nlohmann::json::parse(output, nullptr, false);
  QuoteBoxes boxes;
  bool good = json.is_object() && json.value("width", nlohmann::json()).is_number_integer() &&
              json.value("height", nlohmann::json()).is_number_integer() &&
              json.value("boxes", nlohmann::json()).is_array();
  if (good) {
    boxes.width = json["width"].get<int>();
    boxes.height = json["height"].get<int>();
    for (const nlohmann::json& b : json["boxes"]) {
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

}  // namespace foicode::server
