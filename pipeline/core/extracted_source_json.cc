#include "core/extracted_source_json.h"

namespace foicode {
namespace {

nlohmann::json OptionalString(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json ToJson(const Flag& flag) {
  return {{"code", flag.code}, {"message", flag.message}};
}

nlohmann::json ToJson(const Page& page) {
  nlohmann::json j = {{"page", page.number ? nlohmann::json(*page.number) : nlohmann::json(nullptr)},
                      {"text", page.text},
                      {"ocr", page.ocr}};
  if (!page.label.empty()) j["label"] = page.label;
  if (!page.quoted.empty()) {
    nlohmann::json spans = nlohmann::json::array();
    for (const Span& s : page.quoted) spans.push_back({s.start, s.end});
    j["quoted"] = std::move(spans);
  }
  return j;
}

nlohmann::json ToJson(const Part& part) {
  nlohmann::json pages = nlohmann::json::array();
  for (const Page& p : part.pages) pages.push_back(ToJson(p));
  nlohmann::json flags = nlohmann::json::array();
  for (const Flag& f : part.flags) flags.push_back(ToJson(f));
  nlohmann::json j = {{"name", OptionalString(part.name)},
                      {"kind", KindName(part.kind)},
                      {"error", OptionalString(part.error)},
                      {"flags", std::move(flags)},
                      {"pages", std::move(pages)}};
  if (part.headers) {
    const EmailHeaders& h = *part.headers;
    j["headers"] = {{"from_name", h.from_name}, {"from_address", h.from_address},
                    {"to", h.to},               {"date", h.date},
                    {"subject", h.subject}};
  }
  return j;
}

nlohmann::json ToJson(const ExtractedSource& source) {
  nlohmann::json parts = nlohmann::json::array();
  for (const Part& p : source.parts) parts.push_back(ToJson(p));
  return {{"source", source.path},
          {"sha256", source.sha256},
          {"kind", KindName(source.kind)},
          {"error", OptionalString(source.error)},
          {"parts", std::move(parts)}};
}

std::string ExtractJsonText(const ExtractedSource& source) {
  // Readers guarantee UTF-8; replacing rather than throwing keeps a slip from ending the run.
  return ToJson(source).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

nlohmann::json SourceEntryJson(const ExtractedSource& source) {
  return {{"path", source.path},
          {"sha256", source.sha256},
          {"kind", KindName(source.kind)},
          {"error", OptionalString(source.error)}};
}

}  // namespace foicode
