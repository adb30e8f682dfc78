#include "review/review_csv.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

namespace foicode::review {
namespace {

using nlohmann::json;

const char kHeader[] =
    "id,record,respondent,code,message,target,state,vendor,product,subspecialty,deployment,figures,quote,"
    "source,page,verdict,new_vendor,new_product,new_subspecialty,new_deployment,new_status,new_respondent,"
    "new_low,new_high,new_per,new_unit,usage_index,reason\r\n";

const std::vector<std::string> kColumns = {
    "id", "record", "respondent", "code", "message", "target", "state", "vendor", "product", "subspecialty",
    "deployment", "figures", "quote", "source", "page", "verdict", "new_vendor", "new_product",
    "new_subspecialty", "new_deployment", "new_status", "new_respondent", "new_low", "new_high",
    "new_per", "new_unit", "usage_index", "reason"};

// A CSV line with these cells in the exported column order, quoted where needed.
std::string Line(const std::map<std::string, std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (i > 0) out += ',';
    const auto it = cells.find(kColumns[i]);
    if (it == cells.end()) continue;
    if (it->second.find_first_of(",\"\r\n") == std::string::npos) {
      out += it->second;
      continue;
    }
    out += '"';
    for (char c : it->second) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  }
  return out + "\r\n";
}

json Queue() {
  json system_item = {
      {"id", "1111aaaa2222bbbb"}, {"record", "Hull, East Yorkshire"}, {"respondent", "Hull, East Yorkshire"},
      {"code", "usage_inferred"}, {"message", "A figure \"tied\"\nto the only system."}, {"target", "system"},
      {"state", "open"},
      {"system", {{"vendor", "Aidence"}, {"product", "Veye Lung Nodules"}, {"subspecialty", "Radiology"},
                  {"deployment", "live"}}},
      {"evidence", {{"quote", "=HYPERLINK(\"http://x\",\"y\")"}, {"source", "replies/a.pdf"}, {"page", 1}}}};
  system_item["system"]["usage"] = json::array();
  system_item["system"]["usage"].push_back(
      {{"low", 2777}, {"high", 2777}, {"unit", "lung checks"}, {"per", nullptr}});
  system_item["system"]["usage"].push_back({{"low", 10}, {"high", 15}, {"unit", nullptr}, {"per", "month"}});
  json record_item = {{"id", "3333cccc4444dddd"}, {"record", "Leeds"}, {"respondent", nullptr},
                      {"code", "status_unclear"}, {"message", "m"}, {"target", "record"}, {"state", "decided"},
                      {"system", nullptr}, {"evidence", nullptr}};
  return {{"progress", {{"done", 1}, {"total", 2}}}, {"items", json::array({system_item, record_item})}};
}

TEST(ReviewCsvTest, ExportHasTheHeaderAndOneRowPerItem) {
  const std::string csv = ExportReviewCsv(Queue());
  EXPECT_EQ(csv, std::string(kHeader) +
                     "1111aaaa2222bbbb,\"Hull, East Yorkshire\",\"Hull, East Yorkshire\",usage_inferred,"
                     "\"A figure \"\"tied\"\"\nto the only system.\",system,open,Aidence,Veye Lung Nodules,"
                     "Radiology,live,[0] 2777 lung checks; [1] 10-15 per month,"
                     "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",replies/a.pdf,1,,,,,,,,,,,,,\r\n"
                     "3333cccc4444dddd,Leeds,,status_unclear,m,record,decided,,,,,,,,,,,,,,,,,,,,,\r\n");
}

TEST(ReviewCsvTest, ExportOfAnEmptyQueueIsTheHeader) {
  EXPECT_EQ(ExportReviewCsv({{"items", json::array()}}), kHeader);
}

TEST(ReviewCsvTest, AnExportReadsBackWithNoVerdicts) {
  std::vector<ImportRow> rows = {ImportRow{}};
  const Status s = ParseReviewCsv(ExportReviewCsv(Queue()), &rows);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_TRUE(rows.empty());
}

TEST(ReviewCsvTest, VerdictsBecomeRequests) {
  const std::string csv =
      std::string(kHeader) + Line({{"id", "a1"}, {"message", "nothing decided"}}) +
      Line({{"id", "a2"}, {"verdict", "accept"}, {"reason", "checked, fine"}}) +
      Line({{"id", "a3"}, {"verdict", " reject "}}) +
      Line({{"id", "a4"}, {"verdict", "correct"}, {"new_vendor", "DeepHealth"}, {"new_deployment", "pilot"},
            {"new_low", "12"}, {"new_high", "15"}, {"new_per", "week"}, {"usage_index", "1"}}) +
      Line({{"id", "a5"}, {"verdict", "correct"}, {"new_respondent", "Hull Royal Infirmary"},
            {"new_status", "no_ai"}}) +
      Line({{"record", "Leeds"}, {"verdict", "add"}, {"new_vendor", "'+Kheiron"}, {"new_product", "Mia"}});
  std::vector<ImportRow> rows;
  const Status s = ParseReviewCsv(csv, &rows);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(rows.size(), 5u);
  for (const ImportRow& row : rows) EXPECT_EQ(row.error, "") << row.line;
  EXPECT_EQ(rows[0].line, 3);
  EXPECT_EQ(rows[0].request, json::parse(R"({"item": "a2", "action": "accept", "value": {},
                                             "reason": "checked, fine"})"));
  EXPECT_EQ(rows[1].line, 4);
  EXPECT_EQ(rows[1].request, json::parse(R"({"item": "a3", "action": "reject", "value": {}, "reason": ""})"));
  EXPECT_EQ(rows[2].line, 5);
  EXPECT_EQ(rows[2].request,
            json::parse(R"({"item": "a4", "action": "correct", "reason": "", "usage": 1,
                            "value": {"vendor": "DeepHealth", "deployment": "pilot", "low": 12, "high": 15,
                                      "per": "week"}})"));
  EXPECT_EQ(rows[3].request,
            json::parse(R"({"item": "a5", "action": "correct", "reason": "",
                            "value": {"respondent": "Hull Royal Infirmary", "status": "no_ai"}})"));
  // The "'" a spreadsheet kept before a formula-like cell is taken off.
  EXPECT_EQ(rows[4].line, 7);
  EXPECT_EQ(rows[4].request, json::parse(R"({"record": "Leeds", "action": "add", "reason": "",
                                             "value": {"vendor": "+Kheiron", "product": "Mia"}})"));
}

TEST(ReviewCsvTest, BadRowsAreReportedWithTheirLines) {
  const std::string csv =
      std::string(kHeader) +
      Line({{"id", "b1"}, {"verdict", "accept"}, {"message", "two\nlines, and \"quotes\""}}) +  // lines 2-3
      Line({{"id", "b2"}, {"verdict", "maybe"}}) +                                             // line 4
      Line({{"id", "b3"}, {"verdict", "correct"}, {"new_low", "12a"}}) +                       // line 5
      Line({{"id", "b4"}, {"verdict", "correct"}, {"reason", "no fields"}}) +                  // line 6
      Line({{"verdict", "add"}, {"new_vendor", "Kheiron"}}) +                                  // line 7
      Line({{"id", "b6"}, {"verdict", "accept"}, {"new_status", "no_ai"}}) +                   // line 8
      Line({{"verdict", "reject"}}) +                                                          // line 9
      Line({{"id", "b8"}, {"verdict", "correct"}, {"new_high", "7"}, {"usage_index", "first"}}) +  // line 10
      Line({{"id", "b9"}, {"verdict", "accept"}});                                             // line 11
  std::vector<ImportRow> rows;
  const Status s = ParseReviewCsv(csv, &rows);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(rows.size(), 9u);
  auto expect_error = [&](std::size_t i, int line, const std::string& part) {
    EXPECT_EQ(rows[i].line, line) << i;
    EXPECT_NE(rows[i].error.find(part), std::string::npos) << i << ": " << rows[i].error;
    EXPECT_TRUE(rows[i].request.is_null()) << i;
  };
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].error, "");
  expect_error(1, 4, "verdict must be accept, correct, reject or add, not 'maybe'");
  expect_error(2, 5, "new_low must be a whole number, not '12a'");
  expect_error(3, 6, "needs at least one new_ column");
  expect_error(4, 7, "names its respondent in the 'record' column");
  expect_error(5, 8, "only read with the verdicts 'correct' and 'add'");
  expect_error(6, 9, "no id");
  expect_error(7, 10, "usage_index must be a whole number, not 'first'");
  EXPECT_EQ(rows[8].line, 11);
  EXPECT_EQ(rows[8].error, "");
}

TEST(ReviewCsvTest, LineOfARowWhoseFirstCellSpansLines) {
  // A spreadsheet may put the columns in another order.
  const std::string csv =
      "message,id,verdict\r\n"
      "\"first\nsecond\",c1,accept\r\n"  // lines 2-3
      "one,c2,maybe\r\n";                // line 4
  std::vector<ImportRow> rows;
  const Status s = ParseReviewCsv(csv, &rows);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[1].line, 4);
  EXPECT_NE(rows[1].error.find("'maybe'"), std::string::npos) << rows[1].error;
}

TEST(ReviewCsvTest, ByteOrderMarkOnTheHeaderIsIgnored) {
  std::vector<ImportRow> rows;
  const Status s = ParseReviewCsv("\xEF\xBB\xBFid,verdict\nd1,accept\n", &rows);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].error, "");
  EXPECT_EQ(rows[0].request["item"], "d1");
  EXPECT_EQ(rows[0].line, 2);
}

TEST(ReviewCsvTest, HeaderWithoutIdOrVerdictIsAnError) {
  std::vector<ImportRow> rows;
  Status s = ParseReviewCsv("record,verdict\r\nLeeds,accept\r\n", &rows);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'id' and 'verdict'"), std::string::npos) << s.message();
  s = ParseReviewCsv("id,decision\r\nx,accept\r\n", &rows);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'id' and 'verdict'"), std::string::npos) << s.message();
}

TEST(ReviewCsvTest, EmptyFileIsAnError) {
  std::vector<ImportRow> rows;
  const Status s = ParseReviewCsv("", &rows);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("empty"), std::string::npos) << s.message();
}

TEST(ReviewCsvTest, InvalidCsvIsAnError) {
  std::vector<ImportRow> rows;
  Status s = ParseReviewCsv("id,verdict\r\nx,\"accept\r\ny,reject\r\n", &rows);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("not valid CSV"), std::string::npos) << s.message();
  s = ParseReviewCsv("id,verdict\r\nx,accept\r\n\"y\"z,reject\r\n", &rows);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("line 3"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace foicode::review
