#include "dataset/dataset_changes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace foicode::dataset {
namespace {

using nlohmann::json;

store::InputRow Input(const std::string& path, const std::string& sha256) {
  store::InputRow row;
  row.display_path = path;
  row.fs_path = "/data/" + path;
  row.size = 100;
  row.mtime_ns = 1;
  row.sha256 = sha256;
  row.cache_key = "key-" + sha256;
  return row;
}

json Figure(int low, int high) {
  return {{"low", low}, {"high", high}, {"approximate", false}, {"per", nullptr}, {"unit", "scans"},
          {"period", nullptr}, {"evidence", {{"quote", std::to_string(low) + " scans"}}},
          {"review", {{"state", "machine"}}}};
}

json System(const std::string& vendor, const std::string& product, const std::string& deployment,
            const json& usage = json::array()) {
  return {{"vendor", vendor}, {"product", product}, {"subspecialty", "Radiology"}, {"deployment", deployment},
          {"usage", usage}, {"evidence", json::array()}, {"flags", json::array()}};
}

json Record(const std::string& name, const std::vector<std::string>& paths, const std::string& status,
            const json& systems = json::array()) {
  json sources = json::array();
  for (const std::string& p : paths) sources.push_back({{"path", p}, {"sha256", "00"}, {"kind", "pdf"}, {"error", nullptr}});
  return {{"respondent", {{"name", name}, {"known", true}}}, {"status", status}, {"sources", sources},
          {"systems", systems}, {"flags", json::array()}};
}

TEST(DatasetChangesTest, NothingChanged) {
  const std::vector<store::InputRow> inputs = {Input("a.pdf", "1")};
  const std::vector<json> records = {
      Record("Hull", {"a.pdf"}, "uses_ai", json::array({System("Aidence", "Veye", "live", json::array({Figure(5, 5)}))}))};
  const auto changes = DatasetChanges(inputs, inputs, records, records, {});
  EXPECT_TRUE(changes.empty()) << json(changes).dump(2);
  EXPECT_EQ(ChangesSummary(changes), "no changes");
}

TEST(DatasetChangesTest, InputsAddedChangedAndRemoved) {
  const std::vector<store::InputRow> before = {Input("a.pdf", "1"), Input("b.pdf", "2"), Input("c.pdf", "3")};
  const std::vector<store::InputRow> after = {Input("a.pdf", "1"), Input("b.pdf", "9"), Input("d.pdf", "4")};
  const std::vector<json> old_records = {Record("Hull", {"a.pdf", "b.pdf"}, "uses_ai"), Record("York", {"c.pdf"}, "no_ai")};
  const std::vector<json> new_records = {Record("Hull", {"a.pdf", "b.pdf"}, "uses_ai"),
                                         Record("York", {"d.pdf"}, "no_ai")};
  const auto changes = DatasetChanges(before, after, old_records, new_records, {});
  ASSERT_EQ(changes.size(), 3u) << json(changes).dump(2);
  EXPECT_EQ(changes[0], json::parse(R"({"change": "input_changed", "respondent": "Hull", "path": "b.pdf"})"));
  EXPECT_EQ(changes[1], json::parse(R"({"change": "input_added", "respondent": "York", "path": "d.pdf"})"));
  // A removed input is named by the respondent it belonged to.
  EXPECT_EQ(changes[2], json::parse(R"({"change": "input_removed", "respondent": "York", "path": "c.pdf"})"));
  EXPECT_EQ(ChangesSummary(changes), "1 new inputs, 1 changed inputs, 1 removed inputs");
}

TEST(DatasetChangesTest, RespondentsAddedAndRemoved) {
  const std::vector<json> before = {Record("Hull", {"a.pdf"}, "uses_ai"), Record("York", {"b.pdf"}, "no_ai")};
  const std::vector<json> after = {Record("Hull", {"a.pdf"}, "uses_ai"), Record("Leeds", {"c.pdf"}, "no_ai")};
  const auto changes = DatasetChanges({}, {}, before, after, {});
  ASSERT_EQ(changes.size(), 2u) << json(changes).dump(2);
  EXPECT_EQ(changes[0], json::parse(R"({"change": "respondent_added", "respondent": "Leeds"})"));
  EXPECT_EQ(changes[1], json::parse(R"({"change": "respondent_removed", "respondent": "York"})"));
  EXPECT_EQ(ChangesSummary(changes), "1 new respondents, 1 respondents gone");
}

TEST(DatasetChangesTest, StatusChanged) {
  const auto changes = DatasetChanges({}, {}, {Record("Hull", {"a.pdf"}, "unclear")},
                                      {Record("Hull", {"a.pdf"}, "uses_ai")}, {});
  ASSERT_EQ(changes.size(), 1u) << json(changes).dump(2);
  EXPECT_EQ(changes[0],
            json::parse(R"({"change": "status_changed", "respondent": "Hull", "from": "unclear", "to": "uses_ai"})"));
  EXPECT_EQ(ChangesSummary(changes), "1 statuses changed");
}

TEST(DatasetChangesTest, SystemsAddedRemovedAndRedeployed) {
  const json before = Record("Hull", {"a.pdf"}, "uses_ai",
                             json::array({System("Aidence", "Veye", "pilot"), System("Qure.ai", "qXR", "live")}));
  const json after = Record("Hull", {"a.pdf"}, "uses_ai",
                            json::array({System("Aidence", "Veye", "live"), System("Brainomix", "e-Stroke", "live")}));
  const auto changes = DatasetChanges({}, {}, {before}, {after}, {});
  ASSERT_EQ(changes.size(), 3u) << json(changes).dump(2);
  EXPECT_EQ(changes[0], json::parse(R"({"change": "deployment_changed", "respondent": "Hull", "vendor": "Aidence",
                                        "product": "Veye", "from": "pilot", "to": "live"})"));
  EXPECT_EQ(changes[1], json::parse(R"({"change": "system_added", "respondent": "Hull", "vendor": "Brainomix",
                                        "product": "e-Stroke"})"));
  EXPECT_EQ(changes[2], json::parse(R"({"change": "system_removed", "respondent": "Hull", "vendor": "Qure.ai",
                                        "product": "qXR"})"));
  EXPECT_EQ(ChangesSummary(changes), "1 systems added, 1 systems removed, 1 deployments changed");
}

TEST(DatasetChangesTest, UsageChangedListsTheFiguresWithoutEvidence) {
  const json before =
      Record("Hull", {"a.pdf"}, "uses_ai", json::array({System("Aidence", "Veye", "live", json::array({Figure(5, 5)}))}));
  const json after = Record("Hull", {"a.pdf"}, "uses_ai",
                            json::array({System("Aidence", "Veye", "live", json::array({Figure(5, 9)}))}));
  const auto changes = DatasetChanges({}, {}, {before}, {after}, {});
  ASSERT_EQ(changes.size(), 1u) << json(changes).dump(2);
  EXPECT_EQ(changes[0]["change"], "usage_changed");
  EXPECT_EQ(changes[0]["vendor"], "Aidence");
  EXPECT_EQ(changes[0]["product"], "Veye");
  ASSERT_EQ(changes[0]["from"].size(), 1u);
  EXPECT_EQ(changes[0]["from"][0]["high"], 5);
  EXPECT_EQ(changes[0]["to"][0]["high"], 9);
  EXPECT_FALSE(changes[0]["to"][0].contains("evidence"));
  EXPECT_FALSE(changes[0]["to"][0].contains("review"));
  EXPECT_EQ(ChangesSummary(changes), "1 systems with changed figures");
}

TEST(DatasetChangesTest, MovedEvidenceAloneIsNoChange) {
  json moved = Figure(5, 5);
  moved["evidence"]["quote"] = "five scans";
  moved["review"]["state"] = "accepted";
  const json before =
      Record("Hull", {"a.pdf"}, "uses_ai", json::array({System("Aidence", "Veye", "live", json::array({Figure(5, 5)}))}));
  const json after =
      Record("Hull", {"a.pdf"}, "uses_ai", json::array({System("Aidence", "Veye", "live", json::array({moved}))}));
  EXPECT_TRUE(DatasetChanges({}, {}, {before}, {after}, {}).empty());
}

TEST(DatasetChangesTest, StaleAndOrphanedDecisionsFromOutcomes) {
  const std::vector<review::DecisionOutcome> outcomes = {
      {1, review::Attachment::kApplied, "Hull", ""},
      {2, review::Attachment::kStale, "Hull", "the machine's value changed"},
      {3, review::Attachment::kSuperseded, "Hull", ""},
      {4, review::Attachment::kOrphaned, "York", "the fact it was made on is no longer in the dataset"},
  };
  const auto changes = DatasetChanges({}, {}, {}, {}, outcomes);
  ASSERT_EQ(changes.size(), 2u) << json(changes).dump(2);
  EXPECT_EQ(changes[0], json::parse(R"({"change": "decision_stale", "respondent": "Hull", "decision": 2,
                                        "message": "the machine's value changed"})"));
  EXPECT_EQ(changes[1], json::parse(R"({"change": "decision_orphaned", "respondent": "York", "decision": 4,
                                        "message": "the fact it was made on is no longer in the dataset"})"));
  EXPECT_EQ(ChangesSummary(changes), "1 decisions to check again (stale), 1 decisions whose fact is gone");
}

TEST(DatasetChangesTest, SummaryCountsEachKindInAFixedOrder) {
  const std::vector<json> changes = {
      {{"change", "system_added"}}, {{"change", "input_added"}}, {{"change", "system_added"}},
      {{"change", "respondent_added"}}, {{"change", "input_added"}}, {{"change", "input_added"}}};
  EXPECT_EQ(ChangesSummary(changes), "3 new inputs, 1 new respondents, 2 systems added");
  EXPECT_EQ(ChangesSummary({}), "no changes");
}

// A run compares views of the records, not the records: every kind of change must come out
// the same, including an unnamed system known only by its quote and an unnamed respondent.
TEST(DatasetChangesTest, ViewsGiveTheChangesOfTheRecords) {
  json unnamed_before = System("", "", "live");
  unnamed_before["vendor"] = nullptr;
  unnamed_before["product"] = nullptr;
  unnamed_before["evidence"] = json::array({{{"quote", "an AI stroke tool"}, {"page", 1}}});
  json unnamed_after = unnamed_before;
  unnamed_after["evidence"][0]["quote"] = "an AI fracture tool";
  json unnamed_respondent = Record("", {"x.pdf"}, "unclear");
  unnamed_respondent["respondent"] = {{"name", nullptr}, {"known", false}};
  const std::vector<store::InputRow> before = {Input("a.pdf", "1"), Input("b.pdf", "2")};
  const std::vector<store::InputRow> after = {Input("a.pdf", "1"), Input("b.pdf", "3"), Input("x.pdf", "4")};
  const std::vector<json> old_records = {
      Record("Hull", {"a.pdf"}, "uses_ai",
             json::array({System("Aidence", "Veye", "pilot", json::array({Figure(5, 5)})),
                          System("Brainomix", "e-Stroke", "live"), unnamed_before})),
      Record("York", {"b.pdf"}, "no_ai")};
  const std::vector<json> new_records = {
      Record("Hull", {"a.pdf"}, "uses_ai",
             json::array({System("Aidence", "Veye", "live", json::array({Figure(5, 7)})),
                          System("Qure.ai", "qXR", "live"), unnamed_after})),
      unnamed_respondent};
  const auto changes = DatasetChanges(before, after, old_records, new_records, {});
  std::vector<json> old_views;
  std::vector<json> new_views;
  for (const json& r : old_records) old_views.push_back(ChangeView(r));
  for (const json& r : new_records) new_views.push_back(ChangeView(r));
  EXPECT_EQ(DatasetChanges(before, after, old_views, new_views, {}), changes);
  // A view of a view is the view: a baseline stored as views reads back the same.
  for (const json& view : old_views) EXPECT_EQ(ChangeView(view), view);
  for (const json& view : new_views) EXPECT_EQ(ChangeView(view), view);
  EXPECT_EQ(ChangesSummary(changes),
            "1 new inputs, 1 changed inputs, 1 new respondents, 1 respondents gone, 2 systems added, "
            "2 systems removed, 1 deployments changed, 1 systems with changed figures");
  // The view leaves out what is not compared: evidence beyond the first quote, flags, review.
  EXPECT_FALSE(old_views[0]["systems"][0]["usage"][0].contains("evidence"));
  EXPECT_FALSE(old_views[0].contains("flags"));
}

}  // namespace
}  // namespace foicode::dataset
