#include "review/review_queue.h"

#include <set>

#include "core/json_access.h"
#include "review/fact_keys.h"

namespace foicode::review {
namespace {

using nlohmann::json;

json WithSourceRef(json evidence, const std::map<std::string, SourceRef>& sources) {
  if (!evidence.is_object()) return json();
  const auto it = sources.find(StringAt(evidence, "source"));
  evidence["source_id"] = it == sources.end() ? json() : json(it->second.id);
  evidence["kind"] = it == sources.end() ? json() : json(it->second.kind);
  evidence.erase("before");
  evidence.erase("after");
  return evidence;
}

json FirstEvidence(const json& system) {
  const json& evidence = ArrayAt(system, "evidence");
  return evidence.empty() ? json() : evidence[0];
}

json DecisionSummary(const json& review, const std::map<std::int64_t, const Decision*>& by_id) {
  if (!review.is_object() || !review.contains("decision")) return json();
  const auto it = by_id.find(review["decision"].get<std::int64_t>());
  if (it == by_id.end()) return json();
  const json& d = it->second->body;
  return {{"id", it->first},
          {"action", d.value("action", json())},
          {"value", d.value("value", json())},
          {"reviewer", d.value("reviewer", json())},
          {"created_at", d.value("created_at", json())},
          {"reason", d.value("reason", json())},
          {"state", review.value("state", json())}};
}

std::string ItemState(const json& review, bool record_level, const std::string& code,
                      const std::map<std::int64_t, const Decision*>& by_id) {
  if (!review.is_object() || StringAt(review, "state") == "machine") return "open";
  if (review.value("stale", false)) return "stale";
  // A record has several questions (who sent it, what it says): a decision answers its own.
  if (record_level) {
    const auto it = by_id.find(review.value("decision", std::int64_t{0}));
    if (it != by_id.end()) {
      const std::string decided = StringAt(it->second->body, "code");
      if (!decided.empty() && decided != code) return "open";
    }
  }
  return "decided";
}

}  // namespace

json BuildQueue(const AppliedDataset& applied, const std::vector<Decision>& decisions,
                const std::map<std::string, SourceRef>& sources) {
  std::map<std::int64_t, const Decision*> by_id;
  for (const Decision& d : decisions) by_id[d.id] = &d;
  json items = json::array();
  json respondents = json::array();
  std::set<std::string> codes;
  int done = 0;

  auto add_item = [&](json item) {
    if (item["state"] == "decided") ++done;
    codes.insert(item["code"].get<std::string>());
    items.push_back(std::move(item));
  };

  for (const json& record : applied.records) {
    const std::string key = MachineRecordKey(record);
    const json respondent = record.value("respondent", json()).is_object() ? record["respondent"].value("name", json())
                                                                           : json();
    json record_sources = json::array();
    for (const json& s : ArrayAt(record, "sources"))
      record_sources.push_back(WithSourceRef({{"source", StringAt(s, "path")}}, sources));
    respondents.push_back({{"record", key}, {"respondent", respondent}, {"status", record.value("status", json())},
                           {"sources", record_sources}});
    const json base = {{"record", key}, {"respondent", respondent}, {"record_status", record.value("status", json())},
                       {"sources", record_sources}};

    const json& review = record.value("review", json());
    for (const json& flag : ArrayAt(record, "flags")) {
      const std::string code = StringAt(flag, "code");
      json item = base;
      item["id"] = ItemId(key, "record", "", "", code);
      item["code"] = code;
      item["message"] = flag.value("message", json(""));
      item["target"] = "record";
      item["system"] = json();
      item["usage"] = json();
      json evidence;
      const json& unattributed = ArrayAt(record, "unattributed_usage");
      if (code == "usage_unattributed" && unattributed.is_array() && !unattributed.empty())
        evidence = unattributed[0].value("evidence", json());
      item["evidence"] = WithSourceRef(evidence, sources);
      item["state"] = ItemState(review, true, code, by_id);
      item["decision"] = item["state"] == "open" ? json() : DecisionSummary(review, by_id);
      add_item(std::move(item));
    }
    if (review.value("stale", false) && ArrayAt(record, "flags").empty()) {
      json item = base;
      item["id"] = ItemId(key, "record", "", "", "decision_stale");
      item.update({{"code", "decision_stale"}, {"message", StringAt(review, "stale_reason")}, {"target", "record"},
                   {"system", json()}, {"usage", json()}, {"evidence", json()}, {"state", "stale"},
                   {"decision", DecisionSummary(review, by_id)}});
      add_item(std::move(item));
    }

    auto system_items = [&](const json& systems) {
      for (const json& system : systems) {
        const std::string system_key = MachineSystemKey(system);
        json shown = system;
        shown.erase("flags");
        const json& sreview = system.value("review", json());
        json flags = ArrayAt(system, "flags");
        if (sreview.value("stale", false) && flags.empty())
          flags.push_back({{"code", "decision_stale"}, {"message", StringAt(sreview, "stale_reason")}});
        for (const json& flag : flags) {
          const std::string code = StringAt(flag, "code");
          json item = base;
          item["id"] = ItemId(key, "system", system_key, "", code);
          item.update({{"code", code}, {"message", flag.value("message", json(""))}, {"target", "system"},
                       {"system", shown}, {"usage", json()},
                       {"evidence", WithSourceRef(FirstEvidence(system), sources)},
                       {"state", ItemState(sreview, false, code, by_id)}});
          item["decision"] = item["state"] == "open" ? json() : DecisionSummary(sreview, by_id);
          add_item(std::move(item));
        }
        // Figures whose decision went stale come back on their own.
        for (const json& usage : ArrayAt(system, "usage")) {
          const json& ureview = usage.value("review", json());
          if (!ureview.value("stale", false)) continue;
          json item = base;
          item["id"] = ItemId(key, "usage", system_key, UsageKey(usage), "decision_stale");
          const json& figure = usage;
          item.update({{"code", "decision_stale"}, {"message", StringAt(ureview, "stale_reason")}, {"target", "usage"},
                       {"system", shown}, {"usage", figure},
                       {"evidence", WithSourceRef(usage.value("evidence", json()), sources)},
                       {"state", "stale"}, {"decision", DecisionSummary(ureview, by_id)}});
          add_item(std::move(item));
        }
      }
    };
    system_items(ArrayAt(record, "systems"));
    system_items(ArrayAt(record, "rejected_systems"));
  }

  for (const DecisionOutcome& outcome : applied.outcomes) {
    if (outcome.state != Attachment::kOrphaned) continue;
    const json& d = by_id.at(outcome.id)->body;
    json item = {{"id", ItemId(outcome.record, "orphan", std::to_string(outcome.id), "", "decision_orphaned")},
                 {"record", outcome.record}, {"respondent", json()}, {"record_status", json()},
                 {"sources", json::array()}, {"code", "decision_orphaned"}, {"message", outcome.message},
                 {"target", d.value("target", json())}, {"system", d.value("machine", json())},
                 {"usage", json()}, {"evidence", WithSourceRef(d.value("evidence", json()), sources)},
                 {"state", "orphan"}};
    item["decision"] = {{"id", outcome.id}, {"action", d.value("action", json())}, {"value", d.value("value", json())},
                        {"reviewer", d.value("reviewer", json())}, {"created_at", d.value("created_at", json())},
                        {"reason", d.value("reason", json())}, {"state", "orphaned"}};
    add_item(std::move(item));
  }

  return {{"progress", {{"done", done}, {"total", items.size()}}},
          {"items", std::move(items)},
          {"respondents", std::move(respondents)},
          {"codes", json(std::vector<std::string>(codes.begin(), codes.end()))}};
}

const json* FindItem(const json& queue, const std::string& id) {
  for (const json& item : queue["items"])
    if (item.value("id", std::string()) == id) return &item;
  return nullptr;
}

}  // namespace foicode::review
