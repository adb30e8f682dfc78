#include "review/apply_decisions.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "review/decision_request.h"
#include "review/fact_keys.h"
#include "review/review_queue.h"

namespace foicode::review {
namespace {

using nlohmann::json;

constexpr const char* kHull = "Hull University Teaching Hospitals NHS Trust";
constexpr const char* kLeeds = "Leeds Teaching Hospitals NHS Trust";
constexpr const char* kHullPdf = "replies/FOI 4410 response.pdf";
constexpr const char* kLeedsEml = "replies/leeds.eml";

json Evidence(const std::string& source, int start, const std::string& quote) {
  return {{"source", source}, {"part", nullptr}, {"page", 1}, {"start", start},
          {"end", start + static_cast<int>(quote.size())}, {"quote", quote}};
}

// Hull: Aidence Veye Lung Nodules with two figures (the first flagged system), and Brainomix
// e-Stroke with one. The record's status is flagged.
json HullRecord() {
  json r = json::parse(R"json({
    "respondent": {"name": "Hull University Teaching Hospitals NHS Trust", "known": true},
    "status": "uses_ai", "exemptions": [], "response_date": "2024-10-07",
    "sources": [{"path": "replies/FOI 4410 response.pdf", "sha256": "aa", "kind": "pdf", "error": null}],
    "other_tools": [], "unattributed_usage": [],
    "flags": [{"code": "status_conflict", "message": "The stated status contradicts the systems found."}]})json");
  json aidence = {{"vendor", "Aidence"}, {"product", "Veye Lung Nodules"}, {"subspecialty", "Radiology"},
                  {"deployment", "live"},
                  {"evidence", json::array({Evidence(kHullPdf, 790, "Aidence"), Evidence(kHullPdf, 800, "Veye")})},
                  {"flags", json::array({{{"code", "usage_inferred"}, {"message", "A figure tied to the only system."}}})}};
  aidence["usage"] = json::array();
  aidence["usage"].push_back({{"low", 2777}, {"high", 2777}, {"approximate", false}, {"per", nullptr},
                              {"unit", "lung checks"},
                              {"period", {{"start", "2023-10"}, {"end", "2024-09"}, {"text", "in 12 months"}}},
                              {"evidence", Evidence(kHullPdf, 812, "2777 lung checks in 12 months")}});
  aidence["usage"].push_back({{"low", 10}, {"high", 15}, {"approximate", true}, {"per", "month"},
                              {"unit", nullptr}, {"period", nullptr},
                              {"evidence", Evidence(kHullPdf, 900, "10-15 a month")}});
  json brainomix = {{"vendor", "Brainomix"}, {"product", "e-Stroke"}, {"subspecialty", "Neurology"},
                    {"deployment", "pilot"}, {"evidence", json::array({Evidence(kHullPdf, 1000, "Brainomix")})},
                    {"flags", json::array()}};
  brainomix["usage"] = json::array();
  brainomix["usage"].push_back({{"low", 887}, {"high", 887}, {"approximate", false}, {"per", nullptr},
                                {"unit", "scans"}, {"period", nullptr},
                                {"evidence", Evidence(kHullPdf, 1020, "887 scans")}});
  r["systems"] = json::array({aidence, brainomix});
  return r;
}

json LeedsRecord() {
  return json::parse(R"json({
    "respondent": {"name": "Leeds Teaching Hospitals NHS Trust", "known": true},
    "status": "no_ai", "exemptions": [], "response_date": null,
    "sources": [{"path": "replies/leeds.eml", "sha256": "bb", "kind": "eml", "error": null}],
    "other_tools": [], "unattributed_usage": [], "systems": [], "flags": []})json");
}

std::vector<json> Machine() { return {HullRecord(), LeedsRecord()}; }

// The fields every decision carries, as MakeDecisions writes them.
json Base(const std::string& action, const json& record) {
  json paths = json::array();
  for (const json& s : record["sources"]) paths.push_back(s["path"]);
  return {{"action", action}, {"record", record["respondent"]["name"]}, {"sources", paths},
          {"code", "usage_inferred"}, {"reviewer", "ann"}, {"created_at", "2024-11-01T10:00:00Z"},
          {"reason", ""}, {"value", json::object()}};
}

json OnSystem(const std::string& action, const json& record, int s, const json& value = json::object()) {
  const json& system = record["systems"][s];
  json d = Base(action, record);
  d.update({{"target", "system"},
            {"system", system["vendor"].get<std::string>() + "|" + system["product"].get<std::string>()},
            {"usage", nullptr},
            {"machine", {{"vendor", system["vendor"]}, {"product", system["product"]},
                         {"subspecialty", system["subspecialty"]}, {"deployment", system["deployment"]}}},
            {"evidence", system["evidence"][0]}, {"value", value}});
  return d;
}

json OnUsage(const std::string& action, const json& record, int s, int u, const json& value = json::object()) {
  const json& system = record["systems"][s];
  const json& figure = system["usage"][u];
  const json& e = figure["evidence"];
  json machine = figure;
  machine.erase("evidence");
  json d = Base(action, record);
  d.update({{"target", "usage"},
            {"system", system["vendor"].get<std::string>() + "|" + system["product"].get<std::string>()},
            {"usage", e["source"].get<std::string>() + "||1|" + std::to_string(e["start"].get<int>()) + "|" +
                          e["quote"].get<std::string>()},
            {"machine", machine}, {"evidence", e}, {"value", value}});
  return d;
}

json OnRecord(const std::string& action, const json& record, const json& value = json::object()) {
  json d = Base(action, record);
  d.update({{"target", "record"}, {"system", nullptr}, {"usage", nullptr}, {"code", "status_conflict"},
            {"machine", {{"respondent", record["respondent"]}, {"status", record["status"]}}},
            {"evidence", nullptr}, {"value", value}});
  return d;
}

json Add(const json& record, const json& value) {
  json d = Base("add", record);
  d.update({{"target", "system"},
            {"system", value.value("vendor", std::string()) + "|" + value.value("product", std::string())},
            {"usage", nullptr}, {"code", nullptr}, {"machine", nullptr}, {"evidence", nullptr}, {"value", value}});
  return d;
}

std::vector<Decision> Numbered(const std::vector<json>& bodies) {
  std::vector<Decision> decisions;
  for (std::size_t i = 0; i < bodies.size(); ++i) decisions.push_back(Decision{static_cast<std::int64_t>(i + 1), bodies[i]});
  return decisions;
}

AppliedDataset Apply(const std::vector<json>& bodies, const std::vector<json>& machine = Machine()) {
  return ApplyDecisions(machine, Numbered(bodies), ContextFn());
}

// The record, system and usage objects without their "review" member, to compare with input.
json WithoutReview(json j) {
  if (j.is_object()) j.erase("review");
  if (j.is_structured()) {
    for (auto it = j.begin(); it != j.end(); ++it) *it = WithoutReview(*it);
  }
  return j;
}

TEST(ApplyDecisionsTest, WithoutDecisionsEveryFactIsTheMachines) {
  const AppliedDataset out = Apply({});
  EXPECT_TRUE(out.outcomes.empty());
  ASSERT_EQ(out.records.size(), 2u);
  int systems = 0;
  int figures = 0;
  for (const json& r : out.records) {
    EXPECT_EQ(r["review"]["state"], "machine");
    for (const json& s : r["systems"]) {
      ++systems;
      EXPECT_EQ(s["review"]["state"], "machine");
      for (const json& u : s["usage"]) {
        ++figures;
        EXPECT_EQ(u["review"]["state"], "machine");
      }
    }
    EXPECT_FALSE(r.contains("rejected_systems"));
  }
  EXPECT_EQ(systems, 2);
  EXPECT_EQ(figures, 3);
  EXPECT_EQ(WithoutReview(out.records[0]), HullRecord());
  EXPECT_EQ(WithoutReview(out.records[1]), LeedsRecord());
}

TEST(ApplyDecisionsTest, AcceptMarksTheFactAccepted) {
  const AppliedDataset out = Apply({OnSystem("accept", HullRecord(), 0)});
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].id, 1);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kApplied) << out.outcomes[0].message;
  EXPECT_EQ(out.outcomes[0].record, kHull);
  const json& system = out.records[0]["systems"][0];
  EXPECT_EQ(system["review"]["state"], "accepted");
  EXPECT_EQ(system["review"]["decision"], 1);
  EXPECT_EQ(system["review"]["reviewer"], "ann");
  EXPECT_EQ(system["review"]["at"], "2024-11-01T10:00:00Z");
  EXPECT_EQ(system["review"]["stale"], false);
  EXPECT_FALSE(system["review"].contains("machine"));
  EXPECT_EQ(WithoutReview(system), HullRecord()["systems"][0]);
  // Nothing else was touched.
  EXPECT_EQ(out.records[0]["systems"][1]["review"]["state"], "machine");
  EXPECT_EQ(out.records[0]["systems"][0]["usage"][0]["review"]["state"], "machine");
  EXPECT_EQ(out.records[0]["review"]["state"], "machine");
}

TEST(ApplyDecisionsTest, CorrectVendorAndDeploymentKeepsTheMachinesValues) {
  const AppliedDataset out =
      Apply({OnSystem("correct", HullRecord(), 0, {{"vendor", "DeepHealth"}, {"deployment", "pilot"}})});
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kApplied) << out.outcomes[0].message;
  const json& system = out.records[0]["systems"][0];
  EXPECT_EQ(system["vendor"], "DeepHealth");
  EXPECT_EQ(system["deployment"], "pilot");
  EXPECT_EQ(system["product"], "Veye Lung Nodules");
  EXPECT_EQ(system["review"]["state"], "corrected");
  EXPECT_EQ(system["review"]["machine"], json::object({{"vendor", "Aidence"}, {"deployment", "live"}}));
  // The shown system is still named by what the machine called it.
  EXPECT_EQ(MachineSystemKey(system), "Aidence|Veye Lung Nodules");
}

TEST(ApplyDecisionsTest, CorrectAFigureKeepsTheOriginal) {
  const AppliedDataset out = Apply({OnUsage(
      "correct", HullRecord(), 0, 0,
      {{"low", 2700}, {"high", 2800}, {"period", {{"start", "2023-04"}, {"end", "2024-03"}}}})});
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kApplied) << out.outcomes[0].message;
  const json& figure = out.records[0]["systems"][0]["usage"][0];
  EXPECT_EQ(figure["low"], 2700);
  EXPECT_EQ(figure["high"], 2800);
  // The new months, with the reply's own words kept.
  EXPECT_EQ(figure["period"], json::object({{"start", "2023-04"}, {"end", "2024-03"}, {"text", "in 12 months"}}));
  EXPECT_EQ(figure["unit"], "lung checks");
  EXPECT_EQ(figure["review"]["state"], "corrected");
  const json original = HullRecord()["systems"][0]["usage"][0];
  EXPECT_EQ(figure["review"]["machine"],
            json::object({{"low", 2777}, {"high", 2777}, {"period", original["period"]}}));
  // The other figure and the system itself are untouched.
  EXPECT_EQ(out.records[0]["systems"][0]["review"]["state"], "machine");
  EXPECT_EQ(out.records[0]["systems"][0]["usage"][1]["review"]["state"], "machine");
}

TEST(ApplyDecisionsTest, RejectedSystemMovesOutOfSystems) {
  const AppliedDataset out = Apply({OnSystem("reject", HullRecord(), 0)});
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kApplied) << out.outcomes[0].message;
  const json& record = out.records[0];
  ASSERT_EQ(record["systems"].size(), 1u);
  EXPECT_EQ(record["systems"][0]["vendor"], "Brainomix");
  ASSERT_EQ(record["rejected_systems"].size(), 1u);
  EXPECT_EQ(record["rejected_systems"][0]["vendor"], "Aidence");
  EXPECT_EQ(record["rejected_systems"][0]["review"]["state"], "rejected");
  EXPECT_FALSE(out.records[1].contains("rejected_systems"));
}

TEST(ApplyDecisionsTest, RejectingBothSystemsKeepsTheirOrder) {
  const AppliedDataset out = Apply({OnSystem("reject", HullRecord(), 1), OnSystem("reject", HullRecord(), 0)});
  const json& record = out.records[0];
  EXPECT_TRUE(record["systems"].empty());
  ASSERT_EQ(record["rejected_systems"].size(), 2u);
  EXPECT_EQ(record["rejected_systems"][0]["vendor"], "Aidence");
  EXPECT_EQ(record["rejected_systems"][1]["vendor"], "Brainomix");
}

TEST(ApplyDecisionsTest, RejectedFigureMovesToRejectedUsage) {
  const AppliedDataset out = Apply({OnUsage("reject", HullRecord(), 0, 0)});
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kApplied) << out.outcomes[0].message;
  const json& system = out.records[0]["systems"][0];
  ASSERT_EQ(system["usage"].size(), 1u);
  EXPECT_EQ(system["usage"][0]["low"], 10);
  ASSERT_EQ(system["rejected_usage"].size(), 1u);
  EXPECT_EQ(system["rejected_usage"][0]["low"], 2777);
  EXPECT_EQ(system["rejected_usage"][0]["review"]["state"], "rejected");
  EXPECT_EQ(system["review"]["state"], "machine");
}

TEST(ApplyDecisionsTest, AddedSystemIsAppendedAsAdded) {
  const AppliedDataset out = Apply(
      {Add(HullRecord(), {{"vendor", "Annalise.ai"}, {"product", "Annalise CXR"}, {"subspecialty", "Radiology"},
                          {"deployment", "live"}})});
  const json& systems = out.records[0]["systems"];
  ASSERT_EQ(systems.size(), 3u);
  const json& added = systems[2];
  EXPECT_EQ(added["vendor"], "Annalise.ai");
  EXPECT_EQ(added["product"], "Annalise CXR");
  EXPECT_EQ(added["subspecialty"], "Radiology");
  EXPECT_EQ(added["deployment"], "live");
  EXPECT_EQ(added["usage"], json::array());
  EXPECT_EQ(added["evidence"], json::array());
  EXPECT_EQ(added["review"]["state"], "added");
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].record, kHull);
  // The machine does not find this system: nothing has changed since the person added it.
  EXPECT_EQ(out.outcomes[0].state, Attachment::kApplied) << out.outcomes[0].message;
  EXPECT_EQ(added["review"]["stale"], false) << added["review"].dump();
}

TEST(ApplyDecisionsTest, AddingASystemTheMachineFindsMakesNoDuplicate) {
  const AppliedDataset out =
      Apply({Add(HullRecord(), {{"vendor", "Brainomix"}, {"product", "e-Stroke"}, {"deployment", "live"}})});
  const json& systems = out.records[0]["systems"];
  ASSERT_EQ(systems.size(), 2u);
  EXPECT_EQ(systems[1]["vendor"], "Brainomix");
  EXPECT_NE(systems[1]["review"]["state"], "machine");
  EXPECT_EQ(systems[1]["review"]["stale"], true);
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kStale);
  EXPECT_NE(out.outcomes[0].message.find("finds this system itself"), std::string::npos) << out.outcomes[0].message;
}

TEST(ApplyDecisionsTest, ChangedMachineValueMakesTheDecisionStaleButApplied) {
  // Decided when the machine said "pilot"; it now says "live".
  json decided_on = HullRecord();
  decided_on["systems"][0]["deployment"] = "pilot";
  const AppliedDataset out = Apply({OnSystem("correct", decided_on, 0, {{"deployment", "planned"}})});
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kStale);
  EXPECT_NE(out.outcomes[0].message.find("changed"), std::string::npos) << out.outcomes[0].message;
  const json& system = out.records[0]["systems"][0];
  EXPECT_EQ(system["deployment"], "planned");
  EXPECT_EQ(system["review"]["state"], "corrected");
  EXPECT_EQ(system["review"]["stale"], true);
  EXPECT_EQ(system["review"]["machine"]["deployment"], "live");
  EXPECT_FALSE(system["review"].value("stale_reason", std::string()).empty());
}

TEST(ApplyDecisionsTest, ALaterDecisionOnAStaleFactReplacesTheStaleOne) {
  json decided_on = HullRecord();
  decided_on["systems"][0]["deployment"] = "pilot";
  // Stale when made; then the person looks again and accepts what the machine says now.
  const AppliedDataset out = Apply({OnSystem("correct", decided_on, 0, {{"deployment", "planned"}}),
                                    OnSystem("accept", HullRecord(), 0)});
  ASSERT_EQ(out.outcomes.size(), 2u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kSuperseded);
  EXPECT_EQ(out.outcomes[1].state, Attachment::kApplied);
  const json& review = out.records[0]["systems"][0]["review"];
  EXPECT_EQ(review["stale"], false);
  // The accept confirms the corrected values: the correction still stands.
  EXPECT_EQ(out.records[0]["systems"][0]["deployment"], "planned");
}

TEST(ApplyDecisionsTest, ACorrectionOfTheSameFieldsReplacesTheEarlierOne) {
  const AppliedDataset out = Apply({OnSystem("correct", HullRecord(), 0, {{"deployment", "planned"}}),
                                    OnSystem("correct", HullRecord(), 0, {{"vendor", "DeepHealth"}}),
                                    OnSystem("correct", HullRecord(), 0, {{"deployment", "pilot"}})});
  ASSERT_EQ(out.outcomes.size(), 3u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kSuperseded);
  EXPECT_EQ(out.outcomes[1].state, Attachment::kApplied);  // the vendor still stands
  EXPECT_EQ(out.outcomes[2].state, Attachment::kApplied);
  EXPECT_EQ(out.records[0]["systems"][0]["deployment"], "pilot");
  EXPECT_EQ(out.records[0]["systems"][0]["vendor"], "DeepHealth");
}

TEST(ApplyDecisionsTest, ChangedFigureMakesItsDecisionStale) {
  json decided_on = HullRecord();
  decided_on["systems"][1]["usage"][0]["low"] = 880;
  const AppliedDataset out = Apply({OnUsage("accept", decided_on, 1, 0)});
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kStale);
  EXPECT_EQ(out.records[0]["systems"][1]["usage"][0]["review"]["state"], "accepted");
  EXPECT_EQ(out.records[0]["systems"][1]["usage"][0]["low"], 887);
}

TEST(ApplyDecisionsTest, RenamedSystemIsFoundAgainByItsQuote) {
  std::vector<json> machine = Machine();
  machine[0]["systems"][0]["vendor"] = "DeepHealth";
  const AppliedDataset out = Apply({OnSystem("accept", HullRecord(), 0)}, machine);
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kStale);
  EXPECT_NE(out.outcomes[0].message.find("found again"), std::string::npos) << out.outcomes[0].message;
  EXPECT_EQ(out.outcomes[0].record, kHull);
  const json& system = out.records[0]["systems"][0];
  EXPECT_EQ(system["vendor"], "DeepHealth");
  EXPECT_EQ(system["review"]["state"], "accepted");
  EXPECT_EQ(system["review"]["stale"], true);
}

TEST(ApplyDecisionsTest, FigureOfARenamedSystemIsFoundAgainByItsQuote) {
  std::vector<json> machine = Machine();
  machine[0]["systems"][1]["product"] = "e-Stroke Suite";
  const AppliedDataset out = Apply({OnUsage("correct", HullRecord(), 1, 0, {{"unit", "CT scans"}})}, machine);
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_NE(out.outcomes[0].state, Attachment::kOrphaned) << out.outcomes[0].message;
  const json& figure = out.records[0]["systems"][1]["usage"][0];
  EXPECT_EQ(figure["unit"], "CT scans");
  EXPECT_EQ(figure["review"]["machine"]["unit"], "scans");
}

TEST(ApplyDecisionsTest, RecordWithARenamedRespondentIsFoundByItsSources) {
  std::vector<json> machine = Machine();
  machine[0]["respondent"] = {{"name", "Hull and East Yorkshire Hospitals"}, {"known", false}};
  const AppliedDataset out = Apply({OnRecord("correct", HullRecord(), {{"status", "no_ai"}})}, machine);
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kStale);
  EXPECT_EQ(out.outcomes[0].record, "Hull and East Yorkshire Hospitals");
  EXPECT_EQ(out.records[0]["status"], "no_ai");
  EXPECT_EQ(out.records[0]["review"]["state"], "corrected");
}

TEST(ApplyDecisionsTest, DecisionWhoseFactIsGoneIsOrphanedAndNotApplied) {
  std::vector<json> machine = Machine();
  machine[0]["systems"].erase(0);
  const AppliedDataset out = Apply({OnSystem("correct", HullRecord(), 0, {{"deployment", "pilot"}})}, machine);
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kOrphaned);
  EXPECT_EQ(out.outcomes[0].record, kHull);
  EXPECT_FALSE(out.outcomes[0].message.empty());
  ASSERT_EQ(out.records[0]["systems"].size(), 1u);
  EXPECT_EQ(out.records[0]["systems"][0]["review"]["state"], "machine");
  EXPECT_EQ(out.records[0]["systems"][0]["deployment"], "pilot");  // Brainomix's own value
  EXPECT_EQ(WithoutReview(out.records[0]), machine[0]);
}

TEST(ApplyDecisionsTest, DecisionOnARespondentThatIsGoneIsOrphaned) {
  const AppliedDataset out = Apply({OnRecord("accept", HullRecord())}, {LeedsRecord()});
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kOrphaned);
  EXPECT_EQ(out.outcomes[0].record, kHull);
  EXPECT_EQ(out.records[0]["review"]["state"], "machine");
}

TEST(ApplyDecisionsTest, SecondAcceptSupersedesTheFirst) {
  const AppliedDataset out = Apply({OnSystem("accept", HullRecord(), 0), OnSystem("accept", HullRecord(), 0)});
  ASSERT_EQ(out.outcomes.size(), 2u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kSuperseded);
  EXPECT_EQ(out.outcomes[1].state, Attachment::kApplied);
  const json& review = out.records[0]["systems"][0]["review"];
  EXPECT_EQ(review["decision"], 2);
  EXPECT_EQ(review["decisions"], json::array({1, 2}));
}

TEST(ApplyDecisionsTest, AcceptAfterRejectBringsTheSystemBack) {
  const AppliedDataset out = Apply({OnSystem("reject", HullRecord(), 0), OnSystem("accept", HullRecord(), 0)});
  ASSERT_EQ(out.outcomes.size(), 2u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kSuperseded);
  EXPECT_EQ(out.records[0]["systems"].size(), 2u);
  EXPECT_FALSE(out.records[0].contains("rejected_systems"));
  EXPECT_EQ(out.records[0]["systems"][0]["review"]["state"], "accepted");
}

TEST(ApplyDecisionsTest, CorrectedRespondentKeepsTheMachines) {
  const json named = {{"name", "Hull and East Yorkshire Hospitals NHS Trust"}, {"known", true}};
  const AppliedDataset out = Apply({OnRecord("correct", HullRecord(), {{"respondent", named}})});
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kApplied) << out.outcomes[0].message;
  const json& record = out.records[0];
  EXPECT_EQ(record["respondent"], named);
  EXPECT_EQ(record["review"]["state"], "corrected");
  EXPECT_EQ(record["review"]["machine"]["respondent"], HullRecord()["respondent"]);
  EXPECT_EQ(record["status"], "uses_ai");
  EXPECT_EQ(MachineRecordKey(record), kHull);
  EXPECT_EQ(RecordKey(record), "Hull and East Yorkshire Hospitals NHS Trust");
}

TEST(ApplyDecisionsTest, ChangedContextAroundTheQuoteMakesTheDecisionStale) {
  json d = OnSystem("accept", HullRecord(), 1);
  d["evidence"]["before"] = "We use ";
  d["evidence"]["after"] = " for strokes";
  const std::vector<Decision> decisions = Numbered({d});
  std::string after = " for strokes";
  const ContextFn context = [&after](const json&) {
    return std::make_optional(std::make_pair(std::string("We use "), after));
  };
  AppliedDataset out = ApplyDecisions(Machine(), decisions, context);
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kApplied) << out.outcomes[0].message;
  after = " for nothing";
  out = ApplyDecisions(Machine(), decisions, context);
  ASSERT_EQ(out.outcomes.size(), 1u);
  EXPECT_EQ(out.outcomes[0].state, Attachment::kStale);
  EXPECT_NE(out.outcomes[0].message.find("text around"), std::string::npos) << out.outcomes[0].message;
}

TEST(ApplyDecisionsTest, OneOutcomePerDecisionInIdOrder) {
  std::vector<json> machine = Machine();
  machine[0]["systems"][1]["deployment"] = "live";  // Brainomix's decision goes stale
  std::vector<Decision> decisions = {
      Decision{3, OnSystem("accept", HullRecord(), 0)},
      Decision{5, OnSystem("accept", HullRecord(), 1)},
      Decision{8, OnRecord("accept", LeedsRecord())},
      Decision{13, [] {
                 json gone = OnSystem("accept", HullRecord(), 0);
                 gone["system"] = "Qure.ai|qXR";
                 gone["evidence"] = Evidence(kHullPdf, 5, "qXR");
                 return gone;
               }()},
      Decision{21, OnSystem("accept", HullRecord(), 0)},
  };
  const AppliedDataset out = ApplyDecisions(machine, decisions, ContextFn());
  ASSERT_EQ(out.outcomes.size(), decisions.size());
  std::vector<std::int64_t> ids;
  std::vector<Attachment> states;
  for (const DecisionOutcome& o : out.outcomes) {
    ids.push_back(o.id);
    states.push_back(o.state);
  }
  EXPECT_EQ(ids, (std::vector<std::int64_t>{3, 5, 8, 13, 21}));
  EXPECT_EQ(states, (std::vector<Attachment>{Attachment::kSuperseded, Attachment::kStale, Attachment::kApplied,
                                             Attachment::kOrphaned, Attachment::kApplied}));
  EXPECT_EQ(out.outcomes[2].record, kLeeds);
}

TEST(ApplyDecisionsTest, AttachmentNames) {
  EXPECT_EQ(AttachmentName(Attachment::kApplied), "applied");
  EXPECT_EQ(AttachmentName(Attachment::kStale), "stale");
  EXPECT_EQ(AttachmentName(Attachment::kOrphaned), "orphaned");
  EXPECT_EQ(AttachmentName(Attachment::kSuperseded), "superseded");
}

// From a reviewer's request to the applied dataset, through the queue.
class MakeDecisionsTest : public ::testing::Test {
 protected:
  void SetUp() override { Rebuild(); }

  // Applies the decisions made so far and rebuilds the queue from the result.
  void Rebuild() {
    applied_ = ApplyDecisions(machine_, decisions_, ContextFn());
    queue_ = BuildQueue(applied_, decisions_, {{kHullPdf, SourceRef{0, "pdf"}}, {kLeedsEml, SourceRef{1, "eml"}}});
    context_.queue = &queue_;
    context_.records = &applied_.records;
    context_.reviewer = "ann";
    context_.now = "2024-11-01T10:00:00Z";
    context_.is_known_organisation = [](const std::string& name) { return name == "Hull Royal Infirmary"; };
  }

  // The queue's item for this target and code (the first, for systems: Aidence).
  std::string ItemIdFor(const std::string& target, const std::string& code) {
    for (const json& item : queue_["items"])
      if (item["target"] == target && item["code"] == code) return item["id"].get<std::string>();
    ADD_FAILURE() << "no " << target << " item with code " << code << " in " << queue_.dump(2);
    return "";
  }

  // Makes the decisions for `request`, stores them and re-applies everything.
  Status Decide(const json& request, std::vector<json>* made = nullptr) {
    std::vector<json> bodies;
    const Status s = MakeDecisions(request, context_, &bodies);
    if (!s.ok()) return s;
    for (json& b : bodies) decisions_.push_back(Decision{next_id_++, b});
    if (made != nullptr) *made = bodies;
    Rebuild();
    return s;
  }

  std::string Error(const json& request) {
    std::vector<json> bodies;
    const Status s = MakeDecisions(request, context_, &bodies);
    EXPECT_FALSE(s.ok()) << request.dump();
    return s.message();
  }

  std::vector<json> machine_ = Machine();
  std::vector<Decision> decisions_;
  std::int64_t next_id_ = 1;
  AppliedDataset applied_;
  json queue_;
  RequestContext context_;
};

TEST_F(MakeDecisionsTest, QueueHasTheFlaggedFacts) {
  EXPECT_EQ(queue_["items"].size(), 2u);
  EXPECT_EQ(queue_["progress"]["done"], 0);
  EXPECT_EQ(queue_["progress"]["total"], 2);
}

TEST_F(MakeDecisionsTest, AcceptASystem) {
  const std::string id = ItemIdFor("system", "usage_inferred");
  std::vector<json> made;
  ASSERT_TRUE(Decide({{"item", id}, {"action", "accept"}, {"reason", "checked the letter"}}, &made).ok());
  ASSERT_EQ(made.size(), 1u);
  const json& d = made[0];
  EXPECT_EQ(d["action"], "accept");
  EXPECT_EQ(d["target"], "system");
  EXPECT_EQ(d["record"], kHull);
  EXPECT_EQ(d["system"], "Aidence|Veye Lung Nodules");
  EXPECT_EQ(d["code"], "usage_inferred");
  EXPECT_EQ(d["machine"], json::object({{"vendor", "Aidence"}, {"product", "Veye Lung Nodules"},
                                {"subspecialty", "Radiology"}, {"deployment", "live"}}));
  EXPECT_EQ(d["evidence"], Evidence(kHullPdf, 790, "Aidence"));
  EXPECT_EQ(d["sources"], json::array({kHullPdf}));
  EXPECT_EQ(d["reviewer"], "ann");
  EXPECT_EQ(d["created_at"], "2024-11-01T10:00:00Z");
  EXPECT_EQ(d["reason"], "checked the letter");
  ASSERT_EQ(applied_.outcomes.size(), 1u);
  EXPECT_EQ(applied_.outcomes[0].state, Attachment::kApplied) << applied_.outcomes[0].message;
  EXPECT_EQ(applied_.records[0]["systems"][0]["review"]["state"], "accepted");
  EXPECT_EQ(FindItem(queue_, id)->at("state"), "decided");
  EXPECT_EQ(queue_["progress"]["done"], 1);
}

TEST_F(MakeDecisionsTest, CorrectingASystemAndItsOnlyFigureMakesTwoDecisions) {
  // Brainomix has one figure; flag it so it is in the queue.
  machine_[0]["systems"][1]["flags"].push_back({{"code", "fuzzy_name"}, {"message", "near miss"}});
  Rebuild();
  const std::string id = ItemIdFor("system", "fuzzy_name");
  std::vector<json> made;
  ASSERT_TRUE(Decide({{"item", id}, {"action", "correct"}, {"value", {{"deployment", "live"}, {"low", 900}, {"high", 900}}}},
                     &made)
                  .ok());
  ASSERT_EQ(made.size(), 2u);
  EXPECT_EQ(made[0]["target"], "system");
  EXPECT_EQ(made[0]["value"], json::object({{"deployment", "live"}}));
  EXPECT_EQ(made[1]["target"], "usage");
  EXPECT_EQ(made[1]["action"], "correct");
  EXPECT_EQ(made[1]["value"], json::object({{"low", 900}, {"high", 900}}));
  EXPECT_EQ(made[1]["evidence"], Evidence(kHullPdf, 1020, "887 scans"));
  ASSERT_EQ(applied_.outcomes.size(), 2u);
  for (const DecisionOutcome& o : applied_.outcomes) EXPECT_EQ(o.state, Attachment::kApplied) << o.message;
  const json& system = applied_.records[0]["systems"][1];
  EXPECT_EQ(system["deployment"], "live");
  EXPECT_EQ(system["review"]["machine"], json::object({{"deployment", "pilot"}}));
  EXPECT_EQ(system["usage"][0]["low"], 900);
  EXPECT_EQ(system["usage"][0]["review"]["machine"]["low"], 887);
}

TEST_F(MakeDecisionsTest, ADecisionAfterACorrectionIsMadeAgainstTheMachinesValue) {
  const std::string id = ItemIdFor("system", "usage_inferred");
  ASSERT_TRUE(Decide({{"item", id}, {"action", "correct"}, {"value", {{"vendor", "DeepHealth"}}}}).ok());
  EXPECT_EQ(applied_.records[0]["systems"][0]["vendor"], "DeepHealth");
  // The item keeps its id: the fact is still the machine's Aidence.
  ASSERT_NE(FindItem(queue_, id), nullptr);
  std::vector<json> made;
  ASSERT_TRUE(Decide({{"item", id}, {"action", "correct"}, {"value", {{"deployment", "pilot"}}}}, &made).ok());
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0]["system"], "Aidence|Veye Lung Nodules");
  EXPECT_EQ(made[0]["machine"]["vendor"], "Aidence");
  ASSERT_EQ(applied_.outcomes.size(), 2u);
  for (const DecisionOutcome& o : applied_.outcomes) EXPECT_EQ(o.state, Attachment::kApplied) << o.message;
  const json& system = applied_.records[0]["systems"][0];
  EXPECT_EQ(system["vendor"], "DeepHealth");
  EXPECT_EQ(system["deployment"], "pilot");
  EXPECT_EQ(system["review"]["machine"], json::object({{"vendor", "Aidence"}, {"deployment", "live"}}));
}

TEST_F(MakeDecisionsTest, CorrectingTheSecondOfTwoFiguresByIndex) {
  const std::string id = ItemIdFor("system", "usage_inferred");
  std::vector<json> made;
  ASSERT_TRUE(Decide({{"item", id}, {"action", "correct"}, {"usage", 1}, {"value", {{"per", "week"}}}}, &made).ok());
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0]["target"], "usage");
  EXPECT_EQ(made[0]["usage"], std::string(kHullPdf) + "||1|900|10-15 a month");
  const json& system = applied_.records[0]["systems"][0];
  EXPECT_EQ(system["usage"][1]["per"], "week");
  EXPECT_EQ(system["usage"][1]["review"]["state"], "corrected");
  EXPECT_EQ(system["usage"][0]["review"]["state"], "machine");
  EXPECT_EQ(system["review"]["state"], "machine");
}

TEST_F(MakeDecisionsTest, RejectASystem) {
  ASSERT_TRUE(Decide({{"item", ItemIdFor("system", "usage_inferred")}, {"action", "reject"}}).ok());
  EXPECT_EQ(applied_.records[0]["systems"].size(), 1u);
  EXPECT_EQ(applied_.records[0]["rejected_systems"][0]["vendor"], "Aidence");
}

TEST_F(MakeDecisionsTest, CorrectTheRespondent) {
  std::vector<json> made;
  ASSERT_TRUE(Decide({{"item", ItemIdFor("record", "status_conflict")}, {"action", "correct"},
                      {"value", {{"respondent", "Hull Royal Infirmary"}}}},
                     &made)
                  .ok());
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0]["target"], "record");
  EXPECT_EQ(made[0]["value"], json::object({{"respondent", {{"name", "Hull Royal Infirmary"}, {"known", true}}}}));
  EXPECT_EQ(made[0]["machine"], json::object({{"respondent", {{"name", kHull}, {"known", true}}}, {"status", "uses_ai"}}));
  const json& record = applied_.records[0];
  EXPECT_EQ(record["respondent"]["name"], "Hull Royal Infirmary");
  EXPECT_EQ(record["review"]["machine"]["respondent"]["name"], kHull);
  ASSERT_EQ(applied_.outcomes.size(), 1u);
  EXPECT_EQ(applied_.outcomes[0].state, Attachment::kApplied) << applied_.outcomes[0].message;
}

TEST_F(MakeDecisionsTest, AddASystem) {
  std::vector<json> made;
  ASSERT_TRUE(Decide({{"record", kLeeds}, {"action", "add"}, {"value", {{"vendor", "Kheiron"}, {"product", "Mia"}}}},
                     &made)
                  .ok());
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0]["value"], json::object({{"vendor", "Kheiron"}, {"product", "Mia"}, {"deployment", "unknown"}}));
  EXPECT_EQ(made[0]["system"], "Kheiron|Mia");
  EXPECT_EQ(made[0]["sources"], json::array({kLeedsEml}));
  const json& systems = applied_.records[1]["systems"];
  ASSERT_EQ(systems.size(), 1u);
  EXPECT_EQ(systems[0]["vendor"], "Kheiron");
  EXPECT_EQ(systems[0]["deployment"], "unknown");
  EXPECT_EQ(systems[0]["review"]["state"], "added");
  ASSERT_EQ(applied_.outcomes.size(), 1u);
  EXPECT_EQ(applied_.outcomes[0].state, Attachment::kApplied) << applied_.outcomes[0].message;
}

TEST_F(MakeDecisionsTest, BadRequestsAreRefusedWithAClearMessage) {
  const std::string system = ItemIdFor("system", "usage_inferred");
  const std::string record = ItemIdFor("record", "status_conflict");
  EXPECT_NE(Error({{"item", "0123456789abcdef"}, {"action", "accept"}}).find("no review item '0123456789abcdef'"),
            std::string::npos);
  EXPECT_NE(Error({{"item", system}, {"action", "correct"}, {"value", {{"deployment", "sometimes"}}}})
                .find("'deployment' must be one of live, pilot, planned, not_in_use, unknown"),
            std::string::npos);
  EXPECT_NE(Error({{"item", system}, {"action", "correct"}, {"usage", 0}, {"value", {{"low", 3000}}}})
                .find("'low' must not be over 'high'"),
            std::string::npos);
  EXPECT_NE(Error({{"item", record}, {"action", "reject"}}).find("cannot be rejected"), std::string::npos);
  EXPECT_NE(Error({{"item", system}, {"action", "correct"}}).find("needs at least one field"), std::string::npos);
  EXPECT_NE(Error({{"item", record}, {"action", "correct"}, {"value", json::object()}}).find("needs at least one field"),
            std::string::npos);
  const std::string no_index = Error({{"item", system}, {"action", "correct"}, {"value", {{"low", 5}}}});
  EXPECT_NE(no_index.find("name the figure to correct"), std::string::npos) << no_index;
  EXPECT_NE(no_index.find("0 to 1"), std::string::npos) << no_index;
  EXPECT_NE(Error({{"item", system}, {"action", "correct"}, {"usage", 2}, {"value", {{"low", 5}}}})
                .find("'usage' must be the index of one of the system's 2 figures"),
            std::string::npos);
  EXPECT_NE(Error({{"item", system}, {"action", "maybe"}}).find("'action' must be"), std::string::npos);
  EXPECT_NE(Error({{"record", "Nobody"}, {"action", "add"}, {"value", {{"vendor", "X"}}}}).find("no respondent 'Nobody'"),
            std::string::npos);
  EXPECT_NE(Error({{"record", kLeeds}, {"action", "add"}, {"value", {{"subspecialty", "Radiology"}}}})
                .find("needs a vendor or a product"),
            std::string::npos);
  EXPECT_NE(Error({{"item", record}, {"action", "correct"}, {"value", {{"vendor", "X"}}}}).find("not 'vendor'"),
            std::string::npos);
  // Nothing was stored by any of them.
  EXPECT_TRUE(decisions_.empty());
}

}  // namespace
}  // namespace foicode::review
