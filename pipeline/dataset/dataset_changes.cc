#include "dataset/dataset_changes.h"

#include <map>

#include "core/json_access.h"
#include "review/fact_keys.h"

namespace foicode::dataset {
namespace {

using nlohmann::json;

json Figures(const json& system) {
  json figures = json::array();
  for (const json& u : ArrayAt(system, "usage")) {
    json f = u;
    f.erase("evidence");
    f.erase("review");
    figures.push_back(std::move(f));
  }
  return figures;
}

std::map<std::string, const json*> SystemsByKey(const json& record) {
  std::map<std::string, const json*> by_key;
  for (const json& s : ArrayAt(record, "systems")) by_key[review::SystemKey(s)] = &s;
  return by_key;
}

json Change(const char* what, const std::string& respondent) { return {{"change", what}, {"respondent", respondent}}; }

}  // namespace

json ChangeView(const json& record) {
  json view = json::object();
  for (const char* key : {"respondent", "status"}) {
    if (record.contains(key)) view[key] = record[key];
  }
  json sources = json::array();
  for (const json& s : ArrayAt(record, "sources")) {
    if (!s.is_object()) continue;
    json source = {{"path", StringAt(s, "path")}};
    // Kept for a refresh, which codes a record with an input that had an error again.
    if (!MemberAt(s, "error").is_null()) source["error"] = s["error"];
    sources.push_back(std::move(source));
  }
  view["sources"] = std::move(sources);
  json systems = json::array();
  for (const json& s : ArrayAt(record, "systems")) {
    json system = json::object();
    for (const char* key : {"vendor", "product", "subspecialty", "deployment"}) {
      if (s.contains(key)) system[key] = s[key];
    }
    // An unnamed system is known by its first quote (review::SystemKey).
    const json& evidence = ArrayAt(s, "evidence");
    if (!evidence.empty() && evidence[0].is_object())
      system["evidence"] = json::array({{{"quote", evidence[0].value("quote", json())}}});
    system["usage"] = Figures(s);
    systems.push_back(std::move(system));
  }
  view["systems"] = std::move(systems);
  return view;
}

json ParseChangeView(std::string_view text) {
  const json record = ParseMembers(text, {"respondent", "status", "sources", "systems"});
  return record.is_discarded() ? record : ChangeView(record);
}

std::vector<json> DatasetChanges(const std::vector<store::InputRow>& inputs_before,
                                 const std::vector<store::InputRow>& inputs_after, const std::vector<json>& before,
                                 const std::vector<json>& after,
                                 const std::vector<review::DecisionOutcome>& outcomes) {
  std::vector<json> changes;
  std::map<std::string, const store::InputRow*> old_inputs;
  for (const store::InputRow& row : inputs_before) old_inputs[row.display_path] = &row;
  std::map<std::string, std::string> respondent_of;  // input path -> record key, after this run
  for (const json& r : after)
    for (const json& s : ArrayAt(r, "sources")) respondent_of[s.value("path", "")] = review::RecordKey(r);
  for (const json& r : before)
    for (const json& s : ArrayAt(r, "sources"))
      respondent_of.emplace(s.value("path", ""), review::RecordKey(r));
  std::map<std::string, const store::InputRow*> new_inputs;
  for (const store::InputRow& row : inputs_after) new_inputs[row.display_path] = &row;
  auto input_change = [&](const char* what, const std::string& path) {
    json c = Change(what, respondent_of[path]);
    c["path"] = path;
    changes.push_back(std::move(c));
  };
  for (const auto& [path, row] : new_inputs) {
    const auto it = old_inputs.find(path);
    if (it == old_inputs.end()) input_change("input_added", path);
    else if (it->second->sha256 != row->sha256) input_change("input_changed", path);
  }
  for (const auto& [path, row] : old_inputs) {
    if (!new_inputs.count(path)) input_change("input_removed", path);
  }

  std::map<std::string, const json*> old_records;
  for (const json& r : before) old_records[review::RecordKey(r)] = &r;
  for (const json& r : after) {
    const std::string key = review::RecordKey(r);
    const auto it = old_records.find(key);
    if (it == old_records.end()) {
      changes.push_back(Change("respondent_added", key));
      continue;
    }
    const json& old = *it->second;
    old_records.erase(it);
    if (old.value("status", json()) != r.value("status", json())) {
      json c = Change("status_changed", key);
      c["from"] = old.value("status", json());
      c["to"] = r.value("status", json());
      changes.push_back(std::move(c));
    }
    auto old_systems = SystemsByKey(old);
    for (const auto& [skey, system] : SystemsByKey(r)) {
      const auto os = old_systems.find(skey);
      auto named = [&](const char* what) {
        json c = Change(what, key);
        c["vendor"] = system->value("vendor", json());
        c["product"] = system->value("product", json());
        return c;
      };
      if (os == old_systems.end()) {
        changes.push_back(named("system_added"));
        continue;
      }
      const json& was = *os->second;
      old_systems.erase(os);
      if (was.value("deployment", json()) != system->value("deployment", json())) {
        json c = named("deployment_changed");
        c["from"] = was.value("deployment", json());
        c["to"] = system->value("deployment", json());
        changes.push_back(std::move(c));
      }
      if (Figures(was) != Figures(*system)) {
        json c = named("usage_changed");
        c["from"] = Figures(was);
        c["to"] = Figures(*system);
        changes.push_back(std::move(c));
      }
    }
    for (const auto& [skey, system] : old_systems) {
      json c = Change("system_removed", key);
      c["vendor"] = system->value("vendor", json());
      c["product"] = system->value("product", json());
      changes.push_back(std::move(c));
    }
  }
  for (const auto& [key, record] : old_records) changes.push_back(Change("respondent_removed", key));

  for (const review::DecisionOutcome& o : outcomes) {
    if (o.state != review::Attachment::kStale && o.state != review::Attachment::kOrphaned) continue;
    json c = Change(o.state == review::Attachment::kStale ? "decision_stale" : "decision_orphaned", o.record);
    c["decision"] = o.id;
    c["message"] = o.message;
    changes.push_back(std::move(c));
  }
  return changes;
}

std::string ChangesSummary(const std::vector<json>& changes) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"input_added", "new inputs"},          {"input_changed", "changed inputs"},
      {"input_removed", "removed inputs"},    {"respondent_added", "new respondents"},
      {"respondent_removed", "respondents gone"}, {"status_changed", "statuses changed"},
      {"system_added", "systems added"},      {"system_removed", "systems removed"},
      {"deployment_changed", "deployments changed"}, {"usage_changed", "systems with changed figures"},
      {"decision_stale", "decisions to check again (stale)"}, {"decision_orphaned", "decisions whose fact is gone"},
  };
  std::map<std::string, int> counts;
  for (const json& c : changes) ++counts[c.value("change", "")];
  std::string out;
  for (const auto& [code, name] : kNames) {
    const auto it = counts.find(code);
    if (it == counts.end()) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(it->second) + " " + name;
  }
  return out.empty() ? "no changes" : out;
}

}  // namespace foicode::dataset
