#include "core/coded_record_json.h"

#include "core/extracted_source_json.h"

namespace foicode {
namespace {

nlohmann::json OptionalString(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

nlohmann::json Flags(const std::vector<Flag>& flags) {
  nlohmann::json out = nlohmann::json::array();
  for (const Flag& f : flags) out.push_back(ToJson(f));
  return out;
}

template <typename T>
nlohmann::json Array(const std::vector<T>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& item : items) out.push_back(ToJson(item));
  return out;
}

nlohmann::json PeriodJson(const std::optional<Period>& period) {
  if (!period) return nullptr;
  return {{"start", OptionalString(period->start_month)},
          {"end", OptionalString(period->end_month)},
          {"text", period->text}};
}

nlohmann::json OtherToolJson(const CodedOtherTool& t) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const Evidence& e : t.evidence) evidence.push_back(foicode::ToJson(e));
  return {{"vendor", OptionalString(t.vendor)},
          {"product", OptionalString(t.product)},
          {"category", t.category},
          {"evidence", std::move(evidence)}};
}

}  // namespace

nlohmann::json ToJson(const Evidence& e) {
  return {{"source", e.source},
          {"part", OptionalString(e.part)},
          {"page", e.page ? nlohmann::json(*e.page) : nlohmann::json(nullptr)},
          {"start", e.start},
          {"end", e.end},
          {"quote", e.quote}};
}

nlohmann::json ToJson(const CodedUsage& u) {
  return {{"low", u.low},
          {"high", u.high},
          {"approximate", u.approximate},
          {"per", u.per ? nlohmann::json(std::string(RatePerName(*u.per))) : nlohmann::json(nullptr)},
          {"unit", u.unit},
          {"period", PeriodJson(u.period)},
          {"evidence", ToJson(u.evidence)}};
}

nlohmann::json ToJson(const CodedSystem& s) {
  return {{"vendor", OptionalString(s.vendor)},
          {"product", OptionalString(s.product)},
          {"subspecialty", OptionalString(s.subspecialty)},
          {"deployment", std::string(DeploymentName(s.deployment))},
          {"usage", Array(s.usage)},
          {"evidence", Array(s.evidence)},
          {"flags", Flags(s.flags)}};
}

nlohmann::json ToJson(const CodedRecord& r, const std::vector<ExtractedSource>& sources) {
  nlohmann::json source_entries = nlohmann::json::array();
  for (int i : r.sources) source_entries.push_back(SourceEntryJson(sources[i]));
  nlohmann::json other_tools = nlohmann::json::array();
  for (const CodedOtherTool& t : r.other_tools) other_tools.push_back(OtherToolJson(t));
  nlohmann::json exemptions = nlohmann::json::array();
  for (const std::string& e : r.exemptions) exemptions.push_back(e);
  return {{"respondent", {{"name", OptionalString(r.respondent)}, {"known", r.known}}},
          {"status", std::string(ReplyStatusName(r.status))},
          {"exemptions", std::move(exemptions)},
          {"response_date", OptionalString(r.response_date)},
          {"sources", std::move(source_entries)},
          {"other_tools", std::move(other_tools)},
          {"systems", Array(r.systems)},
          {"unattributed_usage", Array(r.unattributed_usage)},
          {"flags", Flags(r.flags)}};
}

}  // namespace foicode
