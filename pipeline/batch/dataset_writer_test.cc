#include "batch/dataset_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace foicode::batch {
namespace {

nlohmann::json Record() {
  return nlohmann::json::parse(R"json({
    "respondent": {"name": "Hull University Teaching Hospitals NHS Trust", "known": true},
    "status": "uses_ai", "exemptions": ["s12"], "response_date": "2024-10-15",
    "sources": [{"path": "replies/a.eml", "sha256": "00", "kind": "eml", "error": null}],
    "other_tools": [],
    "systems": [{"vendor": "Aidence", "product": "Veye Lung Nodules", "subspecialty": "Radiology",
                 "deployment": "live",
                 "usage": [{"low": 2777, "high": 2777, "approximate": false, "per": null,
                            "unit": "lung checks",
                            "period": {"start": "2023-10", "end": "2024-09", "text": "in 12 months"},
                            "evidence": {"quote": "2777 lung checks"}},
                           {"low": 10, "high": 15, "approximate": true, "per": "month", "unit": null,
                            "period": null, "evidence": {"quote": "=10-15"}}],
                 "evidence": [{"quote": "=HYPERLINK(\"x\")"}], "flags": []}],
    "flags": [{"code": "charset_guessed", "message": "m"}]})json");
}

TEST(DatasetWriterTest, SystemsCsvSpellsOutUsageAndDefusesFormulas) {
  const std::string csv = SystemsCsv({Record()});
  EXPECT_EQ(csv,
            "respondent,vendor,product,subspecialty,deployment,usage,evidence,flags,review\r\n"
            "Hull University Teaching Hospitals NHS Trust,Aidence,Veye Lung Nodules,Radiology,live,"
            "2777 lung checks (2023-10..2024-09); ~10-15 per month,\"'=HYPERLINK(\"\"x\"\")\",,\r\n");
}

TEST(DatasetWriterTest, ResponsesCsvHasOneRowPerRespondent) {
  const std::string csv = ResponsesCsv({Record()});
  EXPECT_EQ(csv,
            "respondent,known,status,exemptions,response_date,systems,vendors,sources,errors,flags,review\r\n"
            "Hull University Teaching Hospitals NHS Trust,true,uses_ai,s12,2024-10-15,1,Aidence,"
            "replies/a.eml,,charset_guessed,\r\n");
}

TEST(DatasetWriterTest, CsvShowsReviewState) {
  nlohmann::json record = Record();
  record["review"] = {{"state", "corrected"}, {"stale", true}};
  record["systems"][0]["review"] = {{"state", "accepted"}, {"stale", false}};
  EXPECT_NE(ResponsesCsv({record}).find(",charset_guessed,corrected (stale)\r\n"), std::string::npos);
  EXPECT_NE(SystemsCsv({record}).find(",accepted\r\n"), std::string::npos);
}

TEST(DatasetWriterTest, JsonlIsOneLinePerRecord) {
  const std::string jsonl = ResponsesJsonl({Record(), Record()});
  EXPECT_EQ(std::count(jsonl.begin(), jsonl.end(), '\n'), 2);
  EXPECT_EQ(nlohmann::json::parse(jsonl.substr(0, jsonl.find('\n'))), Record());
}

}  // namespace
}  // namespace foicode::batch
