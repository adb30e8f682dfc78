#include "core/extracted_source_json.h"

namespace foicode {
namespace {

nlohmann::json OptionalString(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

bool ReadOptionalString(const nlohmann::json& j, const char* key, std::optional<std::string>* out) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    out->reset();
    return true;
  }
  if (!it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

bool ReadFlags(const nlohmann::json& j, std::vector<Flag>* flags) {
  if (!j.is_array()) return false;
  for (const nlohmann::json& f : j) {
    if (!f.is_object() || !f.value("code", nlohmann::json()).is_string() ||
        !f.value("message", nlohmann::json()).is_string())
      return false;
    flags->push_back(Flag{f["code"].get<std::string>(), f["message"].get<std::string>()});
  }
  return true;
}

bool ReadPage(const nlohmann::json& j, Page* page) {
  if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) return false;
  const nlohmann::json& number = j.value("page", nlohmann::json());
  if (number.is_number_integer()) {
    page->number = number.get<int>();
  } else if (!number.is_null()) {
    return false;
  }
  page->text = j["text"].get<std::string>();
  page->ocr = j.value("ocr", false);
  page->label = j.value("label", std::string());
  if (const auto it = j.find("quoted"); it != j.end()) {
    if (!it->is_array()) return false;
    for (const nlohmann::json& span : *it) {
      if (!span.is_array() || span.size() != 2 || !span[0].is_number_integer() ||
          !span[1].is_number_integer())
        return false;
      page->quoted.push_back(Span{span[0].get<int>(), span[1].get<int>()});
    }
  }
  return true;
}

bool ReadPart(const nlohmann::json& j, Part* part) {
  if (!j.is_object() || !j.contains("pages") || !j["pages"].is_array()) return false;
  if (!ReadOptionalString(j, "name", &part->name) || !ReadOptionalString(j, "error", &part->error))
    return false;
  part->kind = KindFromName(j.value("kind", std::string()));
  if (!ReadFlags(j.value("flags", nlohmann::json::array()), &part->flags)) return false;
  for (const nlohmann::json& p : j["pages"]) {
    if (!ReadPage(p, &part->pages.emplace_back())) return false;
  }
  if (const auto it = j.find("headers"); it != j.end()) {
    if (!it->is_object()) return false;
    EmailHeaders h;
    h.from_name = it->value("from_name", std::string());
    h.from_address = it->value("from_address", std::string());
    h.to = it->value("to", std::string());
    h.date = it->value("date", std::string());
    h.subject = it->value("subject", std::string());
    part->headers = std::move(h);
  }
  return true;
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

bool FromJson(const nlohmann::json& json, ExtractedSource* source) {
  // value() throws on a type mismatch; a damaged cache entry must only read as a miss.
  try {
    if (!json.is_object() || !json.contains("parts") || !json["parts"].is_array()) return false;
    *source = ExtractedSource();
    source->path = json.value("source", std::string());
    source->sha256 = json.value("sha256", std::string());
    source->kind = KindFromName(json.value("kind", std::string()));
    if (!ReadOptionalString(json, "error", &source->error)) return false;
    for (const nlohmann::json& p : json["parts"]) {
      if (!ReadPart(p, &source->parts.emplace_back())) return false;
    }
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
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
