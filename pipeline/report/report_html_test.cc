#include "report/report_html.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "report/report_data.h"
#include "report/report_text.h"
#include "report/svg_chart.h"

namespace foicode::report {
namespace {

using nlohmann::json;

json Record(const std::string& name, const std::string& status, const std::string& vendor) {
  json systems = json::array();
  if (!vendor.empty()) {
    systems.push_back({{"vendor", vendor}, {"product", nullptr}, {"subspecialty", "Radiology"}, {"deployment", "live"},
                       {"usage", json::array({{{"low", 40}, {"high", 40}, {"approximate", true}, {"per", "day"},
                                               {"unit", "scans"}, {"period", nullptr}, {"evidence", {{"quote", "q"}}}}})},
                       {"evidence", json::array()}, {"flags", json::array()}, {"review", {{"state", "corrected"}}}});
  }
  return {{"respondent", {{"name", name}, {"known", false}}}, {"status", status}, {"exemptions", json::array({"s43"})},
          {"response_date", nullptr}, {"sources", json::array()}, {"other_tools", json::array()}, {"systems", systems},
          {"flags", json::array()}};
}

// A reply is hostile text: a name made to break out of the page.
const char* kHostile = "Evil | <script>alert(1)</script> & \"Trust\" <img src=x onerror=alert(2)>";

ReportData Data() {
  return ComputeReport({Record("Hull", "uses_ai", "Aidence"), Record(kHostile, "uses_ai", kHostile),
                        Record("York", "no_ai", "")},
                       {{"Hull", "Hull", true}, {"York", "York", true}, {"Derby", "Derby", true}});
}

void CollectIds(const pugi::xml_node& node, std::set<std::string>* ids, std::vector<std::string>* duplicates) {
  for (const pugi::xml_node& child : node.children()) {
    if (const pugi::xml_attribute id = child.attribute("id"); id) {
      if (!ids->insert(id.value()).second) duplicates->push_back(id.value());
    }
    CollectIds(child, ids, duplicates);
  }
}

void CollectLinks(const pugi::xml_node& node, std::vector<std::string>* links) {
  for (const pugi::xml_node& child : node.children()) {
    if (std::string(child.name()) == "a") links->push_back(child.attribute("href").value());
    CollectLinks(child, links);
  }
}

TEST(ReportHtmlTest, IsWellFormedAndEveryLinkLandsOnAnId) {
  const std::string html = ReportHtml(Data(), "ds", "2026-11-28T00:00:00Z");
  pugi::xml_document doc;
  // Written so that an XML parser reads it: every element closed, every attribute quoted.
  const pugi::xml_parse_result parsed = doc.load_string(html.c_str(), pugi::parse_default | pugi::parse_doctype);
  ASSERT_TRUE(parsed) << parsed.description() << " at byte " << parsed.offset << ": "
                      << html.substr(static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, parsed.offset - 60)), 120);
  std::set<std::string> ids;
  std::vector<std::string> duplicates;
  CollectIds(doc, &ids, &duplicates);
  EXPECT_TRUE(duplicates.empty()) << duplicates.front();
  std::vector<std::string> links;
  CollectLinks(doc, &links);
  EXPECT_GT(links.size(), 10u);
  for (const std::string& href : links) {
    ASSERT_EQ(href.rfind("#", 0), 0u) << "a link leaves the page: " << href;
    EXPECT_TRUE(ids.count(href.substr(1))) << "no element with id " << href;
  }
}

// Elements and attributes that run code or fetch from elsewhere.
void CollectActive(const pugi::xml_node& node, std::vector<std::string>* found) {
  static const std::set<std::string> kElements = {"script", "img", "iframe", "link", "object", "embed", "image"};
  for (const pugi::xml_node& child : node.children()) {
    if (kElements.count(child.name())) found->push_back(child.name());
    for (const pugi::xml_attribute& a : child.attributes()) {
      const std::string name = a.name();
      const std::string value = a.value();
      if (name == "src" || name.rfind("on", 0) == 0 || (name == "href" && value.rfind("#", 0) != 0))
        found->push_back(name + "=" + value);
    }
    CollectActive(child, found);
  }
}

TEST(ReportHtmlTest, HasNoScriptsAndNothingFromTheNetwork) {
  const std::string html = ReportHtml(Data(), "ds", "now");
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(html.c_str(), pugi::parse_default | pugi::parse_doctype));
  std::vector<std::string> active;
  CollectActive(doc, &active);
  EXPECT_TRUE(active.empty()) << active.front();
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  // The hostile name is there, as text.
  EXPECT_NE(html.find("Evil | &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Trust&quot;"), std::string::npos);
}

TEST(ReportHtmlTest, ShowsTheTablesChartsAndNonResponders) {
  const std::string html = ReportHtml(Data(), "ds", "now");
  EXPECT_NE(html.find("<table class=\"presence\">"), std::string::npos);
  EXPECT_EQ(std::count(html.begin(), html.end(), '\0'), 0);
  std::size_t charts = 0;
  for (std::size_t at = html.find("<svg class=\"chart\""); at != std::string::npos; at = html.find("<svg class=\"chart\"", at + 1))
    ++charts;
  EXPECT_EQ(charts, 2u);
  EXPECT_NE(html.find("<li>Derby</li>"), std::string::npos);
  // 40 a day, annualised, and how.
  EXPECT_NE(html.find(">14600<"), std::string::npos);
  EXPECT_NE(html.find("40 per day x 365"), std::string::npos);
}

TEST(SvgChartTest, BarsAreScaledToTheLargestAndLabelled) {
  const std::string svg = BarChartSvg("Trusts", "trusts", {{"Radiology", 10, "#r"}, {"Neurology", 5, ""}, {"Oncology", 0, ""}});
  EXPECT_NE(svg.find("width=\"360\""), std::string::npos);  // the largest fills the plot
  EXPECT_NE(svg.find("width=\"180\""), std::string::npos);  // half of it
  EXPECT_NE(svg.find("width=\"0\""), std::string::npos);
  EXPECT_NE(svg.find(">Radiology</text>"), std::string::npos);
  EXPECT_NE(svg.find("<a href=\"#r\">"), std::string::npos);
  EXPECT_NE(svg.find("class=\"axis-title\""), std::string::npos);
}

TEST(ReportTextTest, MarkdownAndCsvCarryTheSameNumbers) {
  const ReportData data = Data();
  const std::string md = ReportMarkdown(data, "ds");
  EXPECT_NE(md.find("| asked (cohort) | 3 |"), std::string::npos) << md;
  EXPECT_NE(md.find("| replied | 3 |"), std::string::npos);
  EXPECT_NE(md.find("| did not reply | 1 |"), std::string::npos);
  EXPECT_NE(md.find("| Aidence | 1 | Radiology | 1 | 0 | 0 | 0 | 0 | 1 | 1 |"), std::string::npos) << md;
  // A pipe in a reply's text cannot break the table.
  EXPECT_NE(md.find("| Evil \\| <script>"), std::string::npos) << md;
  const auto tables = ReportCsvTables(data);
  EXPECT_EQ(tables.size(), 8u);
  EXPECT_EQ(tables.at("non_responders.csv"), "organisation\r\nDerby\r\n");
  EXPECT_NE(tables.at("usage.csv").find("Aidence,,Hull,~40,scans,day,,14600,40 per day x 365,machine"),
            std::string::npos)
      << tables.at("usage.csv");
}

}  // namespace
}  // namespace foicode::report
