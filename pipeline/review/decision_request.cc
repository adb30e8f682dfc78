#include "review/decision_request.h"

#include <set>

#include <re2/re2.h>

#include "core/json_access.h"
#include "review/fact_keys.h"
#include "review/review_queue.h"

namespace foicode::review {
namespace {

using nlohmann::json;

const std::set<std::string> kSystemFields = {"vendor", "product", "subspecialty", "deployment"};
const std::set<std::string> kUsageFields = {"low", "high", "per", "unit", "approximate", "period"};
const std::set<std::string> kRecordFields = {"status", "respondent"};
const std::set<std::string> kDeployments = {"live", "pilot", "planned", "not_in_use", "unknown"};
const std::set<std::string> kStatuses = {"uses_ai", "no_ai", "unclear"};
const std::set<std::string> kRates = {"day", "week", "month", "year"};

bool IsMonth(const json& v) {
  static const RE2 kMonth(R"(\d{4}-(0[1-9]|1[0-2]))");
  return v.is_null() || (v.is_string() && RE2::FullMatch(v.get<std::string>(), kMonth));
}

Status CheckValue(const std::string& key, const json& v) {
  auto bad = [&](const std::string& want) {
    return Status::Error("'" + key + "' must be " + want + ", not " +
                         v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  };
  if (key == "vendor" || key == "product" || key == "subspecialty" || key == "unit") {
    if (!v.is_null() && (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 200))
      return bad("a name (or null)");
  } else if (key == "deployment") {
    if (!v.is_string() || !kDeployments.count(v.get<std::string>()))
      return bad("one of live, pilot, planned, not_in_use, unknown");
  } else if (key == "status") {
    if (!v.is_string() || !kStatuses.count(v.get<std::string>())) return bad("one of uses_ai, no_ai, unclear");
  } else if (key == "respondent") {
    if (!v.is_null() && (!v.is_string() || v.get<std::string>().empty())) return bad("an organisation's name");
  } else if (key == "low" || key == "high") {
    if (!v.is_number_integer() || v.get<long long>() < 0) return bad("a whole number, 0 or more");
  } else if (key == "per") {
    if (!v.is_null() && (!v.is_string() || !kRates.count(v.get<std::string>())))
      return bad("one of day, week, month, year (or null)");
  } else if (key == "approximate") {
    if (!v.is_boolean()) return bad("true or false");
  } else if (key == "period") {
    if (!v.is_null() && (!v.is_object() || !IsMonth(v.value("start", json())) || !IsMonth(v.value("end", json()))))
      return bad("{\"start\": \"YYYY-MM\", \"end\": \"YYYY-MM\"} (or null)");
  }
  return Status::Ok();
}

const json* FindRecord(const std::vector<json>& records, const std::string& key) {
  for (const json& r : records)
    if (MachineRecordKey(r) == key) return &r;
  return nullptr;
}

json SourcePaths(const json& record) {
  json paths = json::array();
  for (const json& s : ArrayAt(record, "sources")) paths.push_back(s.value("path", json()));
  return paths;
}

// The evidence a decision is made on, with the text around it so it can be found again.
json EvidenceWithContext(const json& evidence, const RequestContext& context) {
  if (!evidence.is_object()) return json();
  json e = evidence;
  e.erase("source_id");
  e.erase("kind");
  if (context.context) {
    if (const auto around = context.context(e)) {
      e["before"] = around->first;
      e["after"] = around->second;
    }
  }
  return e;
}

// The machine's value of a fact as shown with decisions applied: corrected fields put back.
json MachineOf(const json& object, json (*value_of)(const json&)) {
  json value = value_of(object);
  const json& review = object.value("review", json());
  if (review.is_object() && review.contains("machine")) {
    for (const auto& [k, v] : review["machine"].items())
      if (value.contains(k) || value_of == &UsageMachineValue) value[k] = v;
  }
  return value;
}

}  // namespace

Status MakeDecisions(const json& request, const RequestContext& context, std::vector<json>* decisions) {
  decisions->clear();
  if (!request.is_object()) return Status::Error("a decision must be a JSON object");
  const std::string action = StringAt(request, "action");
  if (action != "accept" && action != "correct" && action != "reject" && action != "add")
    return Status::Error("'action' must be accept, correct, reject or add");
  const json value = request.value("value", json::object());
  if (!value.is_object()) return Status::Error("'value' must be an object of the fields to set");
  const std::string reason = StringAt(request, "reason");
  if (reason.size() > 2000) return Status::Error("'reason' is over 2000 bytes");
  const json base = {{"reviewer", context.reviewer}, {"created_at", context.now}, {"reason", reason}};

  if (action == "add") {
    const std::string key = StringAt(request, "record");
    const json* record = FindRecord(*context.records, key);
    if (record == nullptr) return Status::Error("no respondent '" + key + "' in the dataset to add a system to");
    for (const auto& [k, v] : value.items()) {
      if (!kSystemFields.count(k)) return Status::Error("an added system has vendor, product, subspecialty and deployment, not '" + k + "'");
      if (Status s = CheckValue(k, v); !s.ok()) return s;
    }
    if (StringAt(value, "vendor").empty() && StringAt(value, "product").empty())
      return Status::Error("an added system needs a vendor or a product");
    json added = value;
    if (!added.contains("deployment")) added["deployment"] = "unknown";
    json d = base;
    d.update({{"action", "add"}, {"target", "system"}, {"record", key}, {"system", SystemKey(added)},
              {"usage", json()}, {"code", json()}, {"machine", json()}, {"evidence", json()},
              {"sources", SourcePaths(*record)}, {"value", added}});
    decisions->push_back(std::move(d));
    return Status::Ok();
  }

  const json* item = FindItem(*context.queue, StringAt(request, "item"));
  if (item == nullptr) return Status::Error("no review item '" + StringAt(request, "item") + "': reload the queue");
  if ((*item)["state"] == "orphan")
    return Status::Error("this decision's fact is gone from the dataset: add the system again if it is right");
  const std::string target = StringAt(*item, "target");
  const std::string record_key = StringAt(*item, "record");
  const json* record = FindRecord(*context.records, record_key);
  if (record == nullptr) return Status::Error("the item's respondent is no longer in the dataset: reload the queue");
  json d = base;
  d.update({{"action", action}, {"record", record_key}, {"code", (*item)["code"]}, {"sources", SourcePaths(*record)},
            {"evidence", EvidenceWithContext((*item)["evidence"], context)}});

  if (target == "record") {
    if (action == "reject")
      return Status::Error("a respondent's record cannot be rejected: correct its respondent or status instead");
    json fields = json::object();
    for (const auto& [k, v] : value.items()) {
      if (!kRecordFields.count(k)) return Status::Error("a respondent's correction sets status or respondent, not '" + k + "'");
      if (Status s = CheckValue(k, v); !s.ok()) return s;
      if (k == "respondent") {
        const bool known = v.is_string() && context.is_known_organisation && context.is_known_organisation(v.get<std::string>());
        fields["respondent"] = {{"name", v}, {"known", known}};
      } else {
        fields[k] = v;
      }
    }
    if (action == "correct" && fields.empty()) return Status::Error("a correction needs at least one field to set");
    d.update({{"target", "record"}, {"system", json()}, {"usage", json()}, {"machine", MachineOf(*record, &RecordMachineValue)},
              {"value", action == "correct" ? fields : json::object()}});
    decisions->push_back(std::move(d));
    return Status::Ok();
  }

  // A system, or one of its figures.
  const json& system = (*item)["system"];
  json system_fields = json::object();
  json usage_fields = json::object();
  for (const auto& [k, v] : value.items()) {
    if (Status s = CheckValue(k, v); !s.ok()) return s;
    if (kSystemFields.count(k)) system_fields[k] = v;
    else if (kUsageFields.count(k)) usage_fields[k] = v;
    else return Status::Error("a system's correction sets vendor, product, subspecialty, deployment, low, high, per, unit, approximate or period, not '" + k + "'");
  }
  if (action == "correct" && system_fields.empty() && usage_fields.empty())
    return Status::Error("a correction needs at least one field to set");
  const std::string system_key = MachineSystemKey(system);
  const bool figure_item = target == "usage";
  if (!figure_item && (action != "correct" || !system_fields.empty() || usage_fields.empty())) {
    json s = d;
    s.update({{"target", "system"}, {"system", system_key}, {"usage", json()}, {"machine", MachineOf(system, &SystemMachineValue)},
              {"value", action == "correct" ? system_fields : json::object()}});
    decisions->push_back(std::move(s));
  }
  if (!usage_fields.empty() || figure_item) {
    json figure = (*item)["usage"];
    if (!figure_item) {
      const json& usage = ArrayAt(system, "usage");
      int index = -1;
      if (request.contains("usage")) {
        if (!request["usage"].is_number_integer() || request["usage"].get<long long>() < 0 ||
            request["usage"].get<long long>() >= static_cast<long long>(usage.size()))
          return Status::Error("'usage' must be the index of one of the system's " + std::to_string(usage.size()) +
                               " figures");
        index = static_cast<int>(request["usage"].get<long long>());
      } else if (usage.size() == 1) {
        index = 0;
      }
      if (index < 0)
        return Status::Error(usage.empty() ? "this system has no figure to correct"
                                           : "name the figure to correct: 'usage' is its index (0 to " +
                                                 std::to_string(usage.size() - 1) + ")");
      figure = usage[index];
    }
    const json merged_low = usage_fields.value("low", figure.value("low", json()));
    const json merged_high = usage_fields.value("high", figure.value("high", json()));
    if (merged_low.is_number_integer() && merged_high.is_number_integer() && merged_low.get<long long>() > merged_high.get<long long>())
      return Status::Error("'low' must not be over 'high'");
    json u = d;
    u.update({{"target", "usage"}, {"system", system_key}, {"usage", UsageKey(figure)},
              {"machine", MachineOf(figure, &UsageMachineValue)}, {"action", figure_item ? action : std::string("correct")},
              {"value", usage_fields},
              {"evidence", EvidenceWithContext(figure.value("evidence", json()), context)}});
    if (figure_item && action != "correct") u["value"] = json::object();
    decisions->push_back(std::move(u));
  }
  return Status::Ok();
}

}  // namespace foicode::review
