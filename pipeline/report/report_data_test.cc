#include "report/report_data.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "normalise/test_dictionary.h"
#include "report/cohort.h"

namespace foicode::report {
namespace {

using nlohmann::json;

json System(const std::string& vendor, const std::string& product, const std::string& sub,
            const std::string& deployment, json usage = json::array(), const std::string& review = "machine") {
  return {{"vendor", vendor.empty() ? json() : json(vendor)},
          {"product", product.empty() ? json() : json(product)},
          {"subspecialty", sub.empty() ? json() : json(sub)},
          {"deployment", deployment},
          {"usage", usage},
          {"evidence", json::array({{{"quote", "a described tool"}}})},
          {"flags", json::array()},
          {"review", {{"state", review}}}};
}

json Usage(long long low, long long high, const json& per, const json& period) {
  return {{"low", low}, {"high", high}, {"approximate", false}, {"per", per}, {"unit", "scans"},
          {"period", period}, {"evidence", {{"quote", "q"}}}, {"review", {{"state", "machine"}}}};
}

json Record(const std::string& name, const std::string& status, json systems, json exemptions = json::array(),
            json flags = json::array()) {
  return {{"respondent", name.empty() ? json() : json{{"name", name}, {"known", true}}},
          {"status", status},
          {"exemptions", exemptions},
          {"response_date", "2024-10-07"},
          {"sources", json::array({{{"path", "replies/" + (name.empty() ? std::string("x") : name) + ".pdf"}}})},
          {"other_tools", json::array()},
          {"systems", systems},
          {"flags", flags},
          {"review", {{"state", "machine"}}}};
}

// Four replies and a sender nobody could tell, with every kind of figure.
std::vector<json> Dataset() {
  return {
      Record("Hull", "uses_ai",
             json::array({System("Aidence", "Veye Lung Nodules", "Radiology", "live",
                                 json::array({Usage(2777, 2777, nullptr,
                                                    {{"start", "2023-10"}, {"end", "2024-09"}, {"text", "12 months"}})}),
                                 "accepted"),
                          System("Brainomix", "e-Stroke", "Neurology", "pilot",
                                 json::array({Usage(10, 15, "month", nullptr)}))})),
      Record("Leeds", "uses_ai",
             json::array({System("Aidence", "", "Radiology", "planned",
                                 json::array({Usage(300, 300, nullptr,
                                                    {{"start", "2024-01"}, {"end", "2024-06"}, {"text", "H1"}})})),
                          System("", "", "Dermatology", "live", json::array())})),
      Record("York", "no_ai", json::array(), json::array({"s12", "s43"})),
      Record("Bath", "unclear", json::array(), json::array({"s12"}),
             json::array({{{"code", "status_unclear"}, {"message", "m"}}})),
      Record("", "unclear", json::array()),
  };
}

TEST(ReportDataTest, HeadlineCountsReplies) {
  const ReportData data = ComputeReport(Dataset(), {});
  EXPECT_FALSE(data.contacted.has_value());
  EXPECT_EQ(data.replied, 4);
  EXPECT_EQ(data.unattributed, 1);
  EXPECT_EQ(data.by_status.at("uses_ai"), (std::vector<std::string>{"Hull", "Leeds"}));
  EXPECT_EQ(data.by_status.at("no_ai"), (std::vector<std::string>{"York"}));
  EXPECT_EQ(data.by_status.at("unclear"), (std::vector<std::string>{"Bath"}));
  EXPECT_EQ(data.exemptions.at("s12"), (std::vector<std::string>{"York", "Bath"}));
  EXPECT_EQ(data.exemptions.at("s43"), (std::vector<std::string>{"York"}));
}

TEST(ReportDataTest, VendorPresenceCountsTrustsOncePerDeployment) {
  const ReportData data = ComputeReport(Dataset(), {});
  ASSERT_EQ(data.vendors.size(), 2u);
  const PresenceRow& aidence = data.vendors[0];
  EXPECT_EQ(aidence.name, "Aidence");
  EXPECT_EQ(aidence.respondents, (std::vector<std::string>{"Hull", "Leeds"}));
  EXPECT_EQ(aidence.subspecialty, "Radiology");
  EXPECT_EQ(aidence.by_deployment.at("live"), (std::vector<std::string>{"Hull"}));
  EXPECT_EQ(aidence.by_deployment.at("planned"), (std::vector<std::string>{"Leeds"}));
  EXPECT_EQ(aidence.reviewed, 1);
  EXPECT_EQ(aidence.systems, 2);
  EXPECT_EQ(data.vendors[1].name, "Brainomix");
  // Products: only systems that name one.
  ASSERT_EQ(data.products.size(), 2u);
  EXPECT_EQ(data.products[0].vendor, data.products[0].name == "e-Stroke" ? "Brainomix" : "Aidence");
}

TEST(ReportDataTest, SubspecialtiesAndDeploymentCountEverySystem) {
  const ReportData data = ComputeReport(Dataset(), {});
  EXPECT_EQ(data.systems, 4);
  EXPECT_EQ(data.subspecialties.at("Radiology"), (std::vector<std::string>{"Hull", "Leeds"}));
  EXPECT_EQ(data.subspecialties.at("Dermatology"), (std::vector<std::string>{"Leeds"}));
  EXPECT_EQ(data.deployments.at("live"), 2);
  EXPECT_EQ(data.deployments.at("pilot"), 1);
  EXPECT_EQ(data.deployments.at("planned"), 1);
  EXPECT_EQ(data.review_states.at("machine"), 3);
  EXPECT_EQ(data.review_states.at("accepted"), 1);
  EXPECT_EQ(data.open_flags.at("status_unclear"), 1);
}

TEST(ReportDataTest, FiguresAreAnnualisedFromTheirRateOrPeriod) {
  const ReportData data = ComputeReport(Dataset(), {});
  ASSERT_EQ(data.usage.size(), 3u);
  // 2777 in the 12 months to September 2024.
  ASSERT_TRUE(data.usage[0].annual.has_value());
  EXPECT_DOUBLE_EQ(*data.usage[0].annual, 2777);
  EXPECT_EQ(data.usage[0].period, "2023-10..2024-09 (12 months)");
  // 10-15 a month: the midpoint times twelve.
  ASSERT_TRUE(data.usage[1].annual.has_value());
  EXPECT_DOUBLE_EQ(*data.usage[1].annual, 150);
  EXPECT_NE(data.usage[1].method.find("midpoint of 10-15"), std::string::npos) << data.usage[1].method;
  // 300 in six months.
  ASSERT_TRUE(data.usage[2].annual.has_value());
  EXPECT_DOUBLE_EQ(*data.usage[2].annual, 600);
  EXPECT_NE(data.usage[2].method.find("6 months"), std::string::npos) << data.usage[2].method;
}

TEST(ReportDataTest, AFigureWithNoRateOrPeriodIsNotAnnualised) {
  std::vector<json> records = {Record("Hull", "uses_ai", json::array({System("Aidence", "", "Radiology", "live",
                                                                                 json::array({Usage(5, 5, nullptr, nullptr)}))}))};
  const ReportData data = ComputeReport(records, {});
  ASSERT_EQ(data.usage.size(), 1u);
  EXPECT_FALSE(data.usage[0].annual.has_value());
  EXPECT_EQ(data.usage[0].method, "no rate or period: not annualised");
}

TEST(ReportDataTest, RespondentLinesDescribeUnnamedSystemsAndUniqueAnchors) {
  std::vector<json> records = Dataset();
  records.push_back(Record("Hull!", "no_ai", json::array()));  // slugs to the same as "Hull"
  const ReportData data = ComputeReport(records, {});
  ASSERT_EQ(data.respondents.size(), 6u);
  const RespondentLine& leeds = data.respondents[1];
  ASSERT_EQ(leeds.systems.size(), 2u);
  EXPECT_EQ(leeds.systems[1].quote, "a described tool");
  EXPECT_EQ(data.respondents[0].anchor, "r-hull");
  EXPECT_EQ(data.respondents[5].anchor, "r-hull-2");
  EXPECT_EQ(data.respondents[4].name, "unattributed: replies/x.pdf");
  EXPECT_FALSE(data.respondents[4].attributed);
  EXPECT_EQ(data.respondents[3].open_flags, (std::vector<std::string>{"status_unclear"}));
}

TEST(ReportDataTest, CohortGivesNonResponders) {
  const std::vector<CohortMember> cohort = {{"Hull", "Hull", true}, {"York", "York", true},
                                            {"Derby", "Derby", false}, {"Bath", "Bath", true}};
  const ReportData data = ComputeReport(Dataset(), cohort);
  ASSERT_TRUE(data.contacted.has_value());
  EXPECT_EQ(*data.contacted, 4);
  EXPECT_EQ(data.non_responders, (std::vector<std::string>{"Derby"}));
  EXPECT_EQ(data.not_in_cohort, (std::vector<std::string>{"Leeds"}));
}

TEST(CohortTest, PlainLinesMatchTheDictionaryByAlias) {
  std::vector<CohortMember> cohort;
  ASSERT_TRUE(ReadCohort("# asked in September\nHull University Teaching Hospitals NHS Trust\n\nNo Such Trust\r\n",
                         &normalise::testing::RealDictionary(), &cohort)
                  .ok());
  ASSERT_EQ(cohort.size(), 2u);
  EXPECT_EQ(cohort[0].name, "Hull University Teaching Hospitals NHS Trust");
  EXPECT_TRUE(cohort[0].known);
  EXPECT_EQ(cohort[1].name, "No Such Trust");
  EXPECT_FALSE(cohort[1].known);
}

TEST(CohortTest, CsvWithANameColumnAndAByteOrderMark) {
  std::vector<CohortMember> cohort;
  ASSERT_TRUE(ReadCohort("\xEF\xBB\xBFregion,name\nNorth,\"Airedale NHS FT\"\nSouth,\"Barts Health, London\"\n",
                         &normalise::testing::RealDictionary(), &cohort)
                  .ok());
  ASSERT_EQ(cohort.size(), 2u);
  EXPECT_EQ(cohort[0].name, "Airedale NHS Foundation Trust");
  EXPECT_EQ(cohort[0].written, "Airedale NHS FT");
  EXPECT_EQ(cohort[1].name, "Barts Health, London");
}

TEST(CohortTest, ABodyListedTwiceOrNoneAtAllIsAnError) {
  std::vector<CohortMember> cohort;
  const Status twice = ReadCohort("Airedale NHS FT\nAiredale NHS Foundation Trust\n",
                                  &normalise::testing::RealDictionary(), &cohort);
  EXPECT_FALSE(twice.ok());
  EXPECT_NE(twice.message().find("names Airedale NHS Foundation Trust twice"), std::string::npos) << twice.message();
  EXPECT_FALSE(ReadCohort("\n# nothing\n", nullptr, &cohort).ok());
  EXPECT_FALSE(ReadCohort("name,region\n\"unterminated,x\n", nullptr, &cohort).ok());
}

TEST(CohortTest, JsonRoundTrip) {
  const std::vector<CohortMember> cohort = {{"A", "a", true}, {"B", "B", false}};
  EXPECT_EQ(CohortFromJson(ToJson(cohort)), cohort);
}

}  // namespace
}  // namespace foicode::report
