// An analysis read back from its text must be the analysis: checked on the text of every
// sample reply (the reviewed extraction goldens), and damaged text must be refused.
#include "assemble/analysis_json.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/extracted_source_json.h"
#include "facts/test_rules.h"
#include "normalise/test_dictionary.h"
#include "testing/test_support.h"

namespace foicode::assemble {
namespace {

namespace fs = std::filesystem;

AnalysedSource Analyse(const ExtractedSource& source, int index = 0) {
  return AnalyseSource(source, index, normalise::testing::RealDictionary(), facts::testing::RealRules());
}

void ExpectSameAnalysis(const AnalysedSource& a, const AnalysedSource& b, const std::string& what) {
  EXPECT_EQ(a.source, b.source) << what;
  EXPECT_EQ(a.index, b.index) << what;
  EXPECT_EQ(a.reply_date, b.reply_date) << what;
  EXPECT_EQ(a.error, b.error) << what;
  ASSERT_EQ(a.pages.size(), b.pages.size()) << what;
  for (std::size_t p = 0; p < a.pages.size(); ++p) {
    const AnalysedPage& x = a.pages[p];
    const AnalysedPage& y = b.pages[p];
    EXPECT_EQ(x.part, y.part) << what << " page " << p;
    EXPECT_EQ(x.page, y.page) << what << " page " << p;
    EXPECT_EQ(x.part_index, y.part_index) << what << " page " << p;
    EXPECT_EQ(x.top_level, y.top_level) << what << " page " << p;
    EXPECT_EQ(x.reference, y.reference) << what << " page " << p;
    EXPECT_TRUE(x.names == y.names) << what << " page " << p;
    EXPECT_TRUE(x.facts == y.facts) << what << " page " << p;
    ASSERT_EQ(x.not_answer.size(), y.not_answer.size()) << what << " page " << p;
    for (std::size_t s = 0; s < x.not_answer.size(); ++s) {
      EXPECT_EQ(x.not_answer[s].start, y.not_answer[s].start) << what;
      EXPECT_EQ(x.not_answer[s].end, y.not_answer[s].end) << what;
    }
    EXPECT_EQ(x.units.code_points(), y.units.code_points()) << what << " page " << p;
  }
}

std::vector<ExtractedSource> SampleSources() {
  std::vector<ExtractedSource> sources;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(FOICODE_SOURCE_DIR) / "tests/golden/extract")) {
    if (!entry.is_regular_file()) continue;
    ExtractedSource source;
    const nlohmann::json j = nlohmann::json::parse(testing::ReadFileOrDie(entry.path()));
    EXPECT_TRUE(FromJson(j, &source)) << entry.path();
    sources.push_back(std::move(source));
  }
  return sources;
}

TEST(AnalysisJsonTest, EverySampleReadsBackAsItsAnalysis) {
  const std::vector<ExtractedSource> sources = SampleSources();
  ASSERT_GE(sources.size(), 20u);
  std::size_t names = 0;
  std::size_t facts = 0;
  for (const ExtractedSource& source : sources) {
    const AnalysedSource analysed = Analyse(source, 3);
    const std::string text = AnalysisToJson(analysed);
    AnalysedSource back;
    ASSERT_TRUE(AnalysisFromJson(text, source, 3, &back)) << source.path;
    ExpectSameAnalysis(analysed, back, source.path);
    EXPECT_EQ(AnalysisToJson(back), text) << source.path;
    for (const AnalysedPage& page : analysed.pages) {
      names += page.names.size();
      facts += page.facts.usage.size() + page.facts.periods.size() + page.facts.dates.size() +
               page.facts.money.size() + page.facts.exemptions.size() + page.facts.cues.size();
    }
  }
  // The samples hold every kind of fact; a round trip of nothing would prove nothing.
  EXPECT_GT(names, 100u);
  EXPECT_GT(facts, 300u);
}

ExtractedSource OnePage(const std::string& text) {
  ExtractedSource source;
  source.path = "a.txt";
  source.kind = Kind::kTxt;
  Part part;
  part.kind = Kind::kTxt;
  Page page;
  page.text = text;
  part.pages.push_back(page);
  source.parts.push_back(part);
  return source;
}

TEST(AnalysisJsonTest, DamagedOrMismatchedTextIsRefusedAndChangesNothing) {
  const ExtractedSource source = OnePage(
      "Hull University Teaching Hospitals NHS Trust\n\nWe use Brainomix e-Stroke, used 887 times "
      "in the previous 12 months, at a cost of £20,000 per annum. Section 43 applies.\n");
  const AnalysedSource analysed = Analyse(source);
  const std::string text = AnalysisToJson(analysed);
  nlohmann::json j = nlohmann::json::parse(text);
  ASSERT_EQ(j["pages"].size(), 1u);
  ASSERT_FALSE(j["pages"][0][1].empty());     // names
  ASSERT_FALSE(j["pages"][0][2][0].empty());  // usage figures
  // A quote that is the text at its span is read back from the page, not kept.
  EXPECT_TRUE(j["pages"][0][2][0][0][8].is_null()) << j["pages"][0][2][0][0];
  EXPECT_TRUE(j["pages"][0][1][0][12].is_null()) << j["pages"][0][1][0];

  std::vector<std::string> damaged = {"", "{", "[]", text.substr(0, text.size() / 2)};
  nlohmann::json two_pages = j;
  two_pages["pages"].push_back(j["pages"][0]);
  damaged.push_back(two_pages.dump());
  nlohmann::json past_end = j;
  past_end["pages"][0][1][0][11] = 100000;  // a name's end
  damaged.push_back(past_end.dump());
  nlohmann::json bad_kind = j;
  bad_kind["pages"][0][1][0][0] = 99;  // a name's kind
  damaged.push_back(bad_kind.dump());
  nlohmann::json wrong_type = j;
  wrong_type["pages"][0][0] = "yes";  // reference
  damaged.push_back(wrong_type.dump());
  nlohmann::json bad_rule = j;
  bad_rule["pages"][0][2][0][0][9] = 999;  // a figure's rule, past the table of rule names
  damaged.push_back(bad_rule.dump());
  nlohmann::json short_fact = j;
  short_fact["pages"][0][2][0][0].erase(12);  // a figure without its row label
  damaged.push_back(short_fact.dump());

  for (const std::string& bad : damaged) {
    AnalysedSource out;
    out.index = 7;
    EXPECT_FALSE(AnalysisFromJson(bad, source, 0, &out)) << bad;
    EXPECT_EQ(out.index, 7);
    EXPECT_TRUE(out.pages.empty());
  }
  // Another input's text does not fit this one.
  AnalysedSource out;
  EXPECT_FALSE(AnalysisFromJson(text, OnePage(""), 0, &out));
}

}  // namespace
}  // namespace foicode::assemble
