#include "review/apply_decisions.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/json_access.h"
#include "review/fact_keys.h"

namespace foicode::review {
namespace {

using nlohmann::json;

// Where a fact is in the machine records: indexes, -1 for "not this level".
struct Location {
  int record = -1;
  int system = -1;
  int usage = -1;
  bool relocated = false;  // found by its evidence, not by its key
};

bool SameEvidence(const json& a, const json& b) {
  return a.is_object() && b.is_object() && a.value("source", json()) == b.value("source", json()) &&
         a.value("part", json()) == b.value("part", json()) && a.value("page", json()) == b.value("page", json()) &&
         a.value("quote", json()) == b.value("quote", json());
}

bool RecordHasSource(const json& record, const std::string& path) {
  for (const json& s : ArrayAt(record, "sources"))
    if (s.is_object() && StringAt(s, "path") == path) return true;
  return false;
}

class Locator {
 public:
  explicit Locator(const std::vector<json>& records) : records_(records) {
    for (std::size_t i = 0; i < records.size(); ++i) by_key_.emplace(RecordKey(records[i]), static_cast<int>(i));
  }

  std::optional<Location> Find(const json& d) const {
    const std::string target = StringAt(d, "target");
    Location loc;
    if (const auto it = by_key_.find(StringAt(d, "record")); it != by_key_.end()) loc.record = it->second;
    if (target == "record") {
      if (loc.record < 0) {
        // The respondent's name changed: the record that holds the same inputs is the same one.
        for (const json& path : ArrayAt(d, "sources")) {
          for (std::size_t i = 0; path.is_string() && i < records_.size(); ++i) {
            if (RecordHasSource(records_[i], path.get<std::string>())) {
              loc.record = static_cast<int>(i);
              loc.relocated = true;
              break;
            }
          }
          if (loc.record >= 0) break;
        }
      }
      if (loc.record < 0) return std::nullopt;
      return loc;
    }
    if (StringAt(d, "action") == "add") {
      if (loc.record < 0) return std::nullopt;
      return loc;
    }
    const json& evidence = d.value("evidence", json());
    if (loc.record >= 0 && FindInRecord(d, target, evidence, loc.record, &loc, false)) return loc;
    // Found again by its quote, in any record holding the quoted input.
    if (!evidence.is_object()) return std::nullopt;
    for (std::size_t i = 0; i < records_.size(); ++i) {
      if (!RecordHasSource(records_[i], StringAt(evidence, "source"))) continue;
      if (FindInRecord(d, target, evidence, static_cast<int>(i), &loc, true)) {
        loc.record = static_cast<int>(i);
        loc.relocated = true;
        return loc;
      }
    }
    return std::nullopt;
  }

 private:
  bool FindInRecord(const json& d, const std::string& target, const json& evidence, int r, Location* loc,
                    bool by_evidence) const {
    const json& systems = ArrayAt(records_[r], "systems");
    for (std::size_t s = 0; s < systems.size(); ++s) {
      const json& system = systems[s];
      const bool key_match = SystemKey(system) == StringAt(d, "system");
      if (target == "system") {
        bool match = key_match && !by_evidence;
        if (by_evidence) {
          for (const json& e : ArrayAt(system, "evidence")) match = match || SameEvidence(e, evidence);
        }
        if (match) {
          loc->system = static_cast<int>(s);
          return true;
        }
        continue;
      }
      // A figure: in its system by key, else anywhere in the record by its quote.
      if (!key_match && !by_evidence) continue;
      const json& usage = ArrayAt(system, "usage");
      for (std::size_t u = 0; u < usage.size(); ++u) {
        const bool match = by_evidence ? SameEvidence(usage[u].value("evidence", json()), evidence)
                                       : UsageKey(usage[u]) == StringAt(d, "usage");
        if (match) {
          loc->system = static_cast<int>(s);
          loc->usage = static_cast<int>(u);
          return true;
        }
      }
    }
    if (target == "usage" && !by_evidence && FindInRecord(d, target, evidence, r, loc, true)) {
      // Its system is not the one it was decided under any more.
      loc->relocated = true;
      return true;
    }
    return false;
  }

  const std::vector<json>& records_;
  std::map<std::string, int> by_key_;
};

// The machine value of a located fact, and its evidence list.
json MachineValueAt(const std::vector<json>& records, const Location& loc, const std::string& target) {
  const json& record = records[loc.record];
  if (target == "record") return RecordMachineValue(record);
  const json& system = record["systems"][loc.system];
  if (target == "system") return SystemMachineValue(system);
  return UsageMachineValue(system["usage"][loc.usage]);
}

json EvidenceAt(const std::vector<json>& records, const Location& loc, const std::string& target) {
  if (target == "record") return json::array();
  const json& system = records[loc.record]["systems"][loc.system];
  if (target == "system") return ArrayAt(system, "evidence");
  return json::array({system["usage"][loc.usage].value("evidence", json())});
}

// Why a decision no longer fits its fact, or "" when it still does.
std::string StaleReason(const json& d, const Location& loc, const std::vector<json>& records,
                        const ContextFn& context) {
  const std::string target = StringAt(d, "target");
  if (StringAt(d, "action") == "add") {
    return loc.system >= 0 ? "the machine now finds this system itself: check it against the decision" : "";
  }
  if (loc.relocated) return "its fact was found again by its quote, with a changed name or place";
  const json now = MachineValueAt(records, loc, target);
  if (d.value("machine", json()) != now) {
    return "the machine's value changed since the decision: it was " + d.value("machine", json()).dump() +
           ", it is now " + now.dump();
  }
  const json& evidence = d.value("evidence", json());
  if (!evidence.is_object()) return "";
  for (const json& e : EvidenceAt(records, loc, target)) {
    if (!SameEvidence(e, evidence)) continue;
    if (!context) return "";
    const auto around = context(e);
    if (!around || !evidence.contains("before")) return "";
    if (around->first == StringAt(evidence, "before") && around->second == StringAt(evidence, "after")) return "";
    return "the text around its quote changed since the decision";
  }
  return "the quote it was decided on is no longer evidence for it";
}

// What a run of decisions on one fact comes to.
struct Verdict {
  std::string state;  // accepted, corrected, rejected, added
  json fields = json::object();
  const json* last = nullptr;
  std::int64_t last_id = 0;
  std::vector<std::int64_t> ids;
  std::string stale_reason;
  std::vector<std::pair<std::int64_t, std::vector<std::string>>> corrections;  // id, fields it sets
  bool rejected = false;  // the latest decision rejects the fact
  bool added = false;     // a person added the system: the machine does not find it
};

json ReviewObject(const Verdict& v, const json& machine_fields) {
  json review = {{"state", v.state}, {"decision", v.last_id}, {"decisions", v.ids},
                 {"reviewer", StringAt(*v.last, "reviewer")}, {"at", StringAt(*v.last, "created_at")},
                 {"stale", !v.stale_reason.empty()}};
  if (!v.stale_reason.empty()) review["stale_reason"] = v.stale_reason;
  if (!machine_fields.empty()) review["machine"] = machine_fields;
  if (!StringAt(*v.last, "reason").empty()) review["reason"] = StringAt(*v.last, "reason");
  return review;
}

// Sets the corrected fields on `object`, returning the machine's values of those fields.
json Correct(json* object, const json& fields) {
  json machine = json::object();
  for (const auto& [key, value] : fields.items()) {
    machine[key] = object->value(key, json());
    if (key == "period" && value.is_object()) {
      json period = {{"start", value.value("start", json())}, {"end", value.value("end", json())},
                     {"text", object->value("period", json()).is_object() ? (*object)["period"].value("text", json())
                                                                        : json()}};
      (*object)["period"] = std::move(period);
    } else {
      (*object)[key] = value;
    }
  }
  return machine;
}

void MarkMachine(std::vector<json>* records) {
  for (json& record : *records) {
    record["review"] = {{"state", "machine"}};
    for (json& system : record["systems"]) {
      system["review"] = {{"state", "machine"}};
      for (json& usage : system["usage"]) usage["review"] = {{"state", "machine"}};
    }
  }
}

}  // namespace

std::string_view AttachmentName(Attachment a) {
  switch (a) {
    case Attachment::kApplied: return "applied";
    case Attachment::kStale: return "stale";
    case Attachment::kOrphaned: return "orphaned";
    case Attachment::kSuperseded: return "superseded";
  }
  return "applied";
}

AppliedDataset ApplyDecisions(std::vector<json> machine_records, const std::vector<Decision>& decisions,
                              const ContextFn& context) {
  AppliedDataset out;
  for (json& r : machine_records) {
    if (!r.contains("systems") || !r["systems"].is_array()) r["systems"] = json::array();
  }
  // Decisions are found and judged on the machine's records as they are; only then are the
  // records marked and changed, in place.
  const std::vector<json>& machine = machine_records;
  const Locator locator(machine);

  // Decisions on one fact, in order; the fact named by where it is now.
  std::map<std::tuple<int, int, int, std::string>, Verdict> verdicts;
  std::map<std::int64_t, std::size_t> outcome_index;
  for (const Decision& d : decisions) {
    DecisionOutcome outcome{d.id, Attachment::kApplied, StringAt(d.body, "record"), ""};
    const std::optional<Location> loc = locator.Find(d.body);
    const std::string action = StringAt(d.body, "action");
    if (!loc) {
      outcome.state = Attachment::kOrphaned;
      outcome.message = action == "add" ? "the respondent it adds a system to is no longer in the dataset"
                                        : "the fact it was made on is no longer in the dataset";
      out.outcomes.push_back(outcome);
      continue;
    }
    Location at = *loc;
    std::string add_key;
    if (action == "add") {
      // An added system the machine now finds itself becomes a decision on that system.
      add_key = SystemKey(d.body.value("value", json::object()));
      const json& systems = machine[at.record]["systems"];
      for (std::size_t s = 0; s < systems.size(); ++s)
        if (SystemKey(systems[s]) == add_key) at.system = static_cast<int>(s);
      if (at.system >= 0) add_key.clear();
    }
    outcome.record = RecordKey(machine[at.record]);
    const auto fact = std::make_tuple(at.record, at.system, at.usage, add_key);
    Verdict& v = verdicts[fact];
    // An earlier accept or reject on the same fact is replaced by this decision.
    if (v.last != nullptr && StringAt(*v.last, "action") != "correct")
      out.outcomes[outcome_index[v.last_id]].state = Attachment::kSuperseded;
    if (action == "correct") {
      const json& fields = MemberAt(d.body, "value");
      if (fields.is_object()) v.fields.update(fields);
      std::vector<std::string> keys;
      for (const auto& [key, value] : fields.items()) keys.push_back(key);
      // An earlier correction whose every field this one sets again is replaced by it.
      for (const auto& [id, earlier] : v.corrections) {
        const bool covered = std::all_of(earlier.begin(), earlier.end(), [&](const std::string& k) {
          return std::find(keys.begin(), keys.end(), k) != keys.end();
        });
        if (covered) out.outcomes[outcome_index[id]].state = Attachment::kSuperseded;
      }
      v.corrections.emplace_back(d.id, std::move(keys));
    }
    if (action == "add" && at.system < 0) v.added = true;
    v.rejected = action == "reject";
    v.state = v.rejected ? "rejected" : v.added ? "added" : !v.fields.empty() ? "corrected" : "accepted";
    v.last = &d.body;
    v.last_id = d.id;
    v.ids.push_back(d.id);
    v.stale_reason = StaleReason(d.body, at, machine, context);
    if (!v.stale_reason.empty()) {
      outcome.state = Attachment::kStale;
      outcome.message = v.stale_reason;
    }
    outcome_index[d.id] = out.outcomes.size();
    out.outcomes.push_back(outcome);
  }

  // A person who decides again on a fact whose decision went stale has looked at it afresh:
  // the stale ones before it are replaced.
  for (const auto& [fact, v] : verdicts) {
    if (!v.stale_reason.empty()) continue;
    for (std::int64_t id : v.ids) {
      DecisionOutcome& o = out.outcomes[outcome_index[id]];
      if (id != v.last_id && o.state == Attachment::kStale) o.state = Attachment::kSuperseded;
    }
  }

  out.records = std::move(machine_records);
  MarkMachine(&out.records);

  // Apply, then move rejected entries out, last to first so indexes hold. Verdicts are ordered
  // by place, so each list of indexes is ascending.
  std::map<int, std::vector<int>> rejected_systems;
  std::map<std::pair<int, int>, std::vector<int>> rejected_usage;
  for (auto& [fact, v] : verdicts) {
    const auto& [r, s, u, add_key] = fact;
    json& record = out.records[r];
    if (!add_key.empty()) {
      json system = v.last->value("value", json::object());
      json added = {{"vendor", system.value("vendor", json())},
                    {"product", system.value("product", json())},
                    {"subspecialty", system.value("subspecialty", json())},
                    {"deployment", system.value("deployment", json("unknown"))},
                    {"usage", json::array()}, {"evidence", json::array()}, {"flags", json::array()}};
      Verdict added_verdict = v;
      added_verdict.state = "added";
      added["review"] = ReviewObject(added_verdict, json::object());
      record["systems"].push_back(std::move(added));
      continue;
    }
    json* object = s < 0 ? &record : (u < 0 ? &record["systems"][s] : &record["systems"][s]["usage"][u]);
    (*object)["review"] = ReviewObject(v, Correct(object, v.fields));
    if (v.state == "rejected" && s >= 0) {
      if (u < 0) rejected_systems[r].push_back(s);
      else rejected_usage[{r, s}].push_back(u);
    }
  }
  for (auto& [key, indexes] : rejected_usage) {
    json& system = out.records[key.first]["systems"][key.second];
    json moved = json::array();
    for (auto it = indexes.rbegin(); it != indexes.rend(); ++it) {
      moved.insert(moved.begin(), system["usage"][*it]);
      system["usage"].erase(static_cast<std::size_t>(*it));
    }
    system["rejected_usage"] = std::move(moved);
  }
  for (auto& [r, indexes] : rejected_systems) {
    json& record = out.records[r];
    json moved = json::array();
    for (auto it = indexes.rbegin(); it != indexes.rend(); ++it) {
      moved.insert(moved.begin(), record["systems"][*it]);
      record["systems"].erase(static_cast<std::size_t>(*it));
    }
    record["rejected_systems"] = std::move(moved);
  }
  return out;
}

}  // namespace foicode::review
