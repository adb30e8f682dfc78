#include "dataset/last_coding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace foicode::dataset {
namespace {

using nlohmann::json;

store::InputRow Input(const std::string& path) {
  store::InputRow row;
  row.display_path = path;
  row.cache_key = "key-" + path;
  return row;
}

std::string Record(const json& name, const std::vector<std::string>& paths, const json& error = nullptr) {
  json sources = json::array();
  for (const std::string& p : paths) sources.push_back({{"path", p}, {"kind", "pdf"}, {"error", nullptr}});
  if (!error.is_null()) sources.back()["error"] = error;
  json systems = json::array({{{"vendor", "Aidence"}, {"product", "Veye"}, {"deployment", "live"},
                               {"usage", json::array()}, {"evidence", json::array()}, {"flags", json::array()}}});
  return json{{"respondent", {{"name", name}, {"known", !name.is_null()}}}, {"status", "uses_ai"},
              {"sources", sources}, {"systems", systems}, {"flags", json::array({"x"})}}
      .dump();
}

// A refresh reads the last run's records, or the views of them its baseline keeps: both must
// tell the same respondents and offer the same records, with an input's error keeping its
// record from being reused.
TEST(LastCodingTest, ViewsTellWhatTheRecordsTell) {
  std::map<std::string, store::InputRow> previous;
  for (const char* p : {"a.pdf", "b.pdf", "c.pdf", "d.pdf"}) previous[p] = Input(p);
  const std::vector<std::string> machine = {Record("Hull", {"a.pdf", "b.pdf"}), Record("York", {"c.pdf"}, "encrypted"),
                                            Record(nullptr, {"d.pdf"}), Record("Leeds", {"gone.pdf"})};
  std::vector<json> views;
  ASSERT_TRUE(ParseChangeViews(machine, &views).ok());
  for (const LastCoding& last : {ReadLastCoding(machine, nullptr, previous), ReadLastCoding(machine, &views, previous)}) {
    ASSERT_EQ(last.respondents.size(), 3u);
    EXPECT_EQ(last.respondents.at("a.pdf"), "Hull");
    EXPECT_EQ(last.respondents.at("b.pdf"), "Hull");
    EXPECT_EQ(last.respondents.at("d.pdf"), std::nullopt);
    ASSERT_EQ(last.records.size(), 2u);
    const LastRecord& hull = last.records.at(Signature("a.pdf", "key-a.pdf") + Signature("b.pdf", "key-b.pdf"));
    EXPECT_EQ(hull.line, machine[0]);
    EXPECT_EQ(hull.view, views[0]);
    EXPECT_FALSE(hull.view.contains("flags"));
    EXPECT_EQ(last.records.at(Signature("d.pdf", "key-d.pdf")).line, machine[2]);
  }
  // Views of another number of records are not these records' views.
  views.pop_back();
  EXPECT_EQ(ReadLastCoding(machine, &views, previous).records.size(), 2u);
}

TEST(LastCodingTest, ADamagedRecordIsAnError) {
  std::vector<json> views;
  EXPECT_FALSE(ParseChangeViews({Record("Hull", {"a.pdf"}), "{\"respondent\":"}, &views).ok());
}

}  // namespace
}  // namespace foicode::dataset
