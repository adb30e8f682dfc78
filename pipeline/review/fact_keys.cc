#include "review/fact_keys.h"

#include <cstdint>
#include <cstdio>

#include "core/json_access.h"

namespace foicode::review {
namespace {

std::string Str(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "";
  return j.dump();
}

std::string Field(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? std::string() : Str(*it);
}

}  // namespace

std::string RecordKey(const nlohmann::json& record) {
  const nlohmann::json& respondent = record.value("respondent", nlohmann::json::object());
  if (respondent.is_object() && respondent.value("name", nlohmann::json()).is_string())
    return respondent["name"].get<std::string>();
  const nlohmann::json& sources = ArrayAt(record, "sources");
  if (sources.is_array() && !sources.empty() && sources[0].is_object())
    return "unnamed:" + Field(sources[0], "path");
  return "unnamed:";
}

std::string SystemKey(const nlohmann::json& system) {
  const std::string vendor = Field(system, "vendor");
  const std::string product = Field(system, "product");
  if (!vendor.empty() || !product.empty()) return vendor + "|" + product;
  std::string quote;
  const nlohmann::json& evidence = ArrayAt(system, "evidence");
  if (evidence.is_array() && !evidence.empty() && evidence[0].is_object()) quote = Field(evidence[0], "quote");
  return "unnamed|" + Field(system, "subspecialty") + "|" + quote;
}

std::string UsageKey(const nlohmann::json& usage) {
  const nlohmann::json& e = usage.value("evidence", nlohmann::json::object());
  if (!e.is_object()) return "";
  // The offset tells apart two figures quoted alike on one page; a figure whose text moved is
  // found again by its quote instead (and its decision goes stale).
  return Field(e, "source") + "|" + Field(e, "part") + "|" + Field(e, "page") + "|" + Field(e, "start") + "|" +
         Field(e, "quote");
}

namespace {

nlohmann::json WithMachineValues(const nlohmann::json& object) {
  const nlohmann::json& review = object.value("review", nlohmann::json());
  if (!review.is_object() || !review.contains("machine")) return object;
  nlohmann::json restored = object;
  for (const auto& [k, v] : review["machine"].items()) restored[k] = v;
  return restored;
}

}  // namespace

std::string MachineRecordKey(const nlohmann::json& record) { return RecordKey(WithMachineValues(record)); }

std::string MachineSystemKey(const nlohmann::json& system) { return SystemKey(WithMachineValues(system)); }

nlohmann::json RecordMachineValue(const nlohmann::json& record) {
  return {{"respondent", record.value("respondent", nlohmann::json())},
          {"status", record.value("status", nlohmann::json())}};
}

nlohmann::json SystemMachineValue(const nlohmann::json& system) {
  return {{"vendor", system.value("vendor", nlohmann::json())},
          {"product", system.value("product", nlohmann::json())},
          {"subspecialty", system.value("subspecialty", nlohmann::json())},
          {"deployment", system.value("deployment", nlohmann::json())}};
}

nlohmann::json UsageMachineValue(const nlohmann::json& usage) {
  nlohmann::json v = usage;
  v.erase("evidence");
  v.erase("review");
  return v;
}

std::string ItemId(const std::string& record_key, const std::string& target, const std::string& system_key,
                   const std::string& usage_key, const std::string& code) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const std::string* part : {&record_key, &target, &system_key, &usage_key, &code}) {
    for (unsigned char c : *part) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;  // a separator no UTF-8 text contains
    h *= 1099511628211ULL;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace foicode::review
