// FindFacts on study phrasings and traps, one table per recogniser, and a property test on
// every page of every sample: each quote equals the original text at its offsets.
#include "facts/find_facts.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "batch/input_walk.h"
#include "batch/run_batch.h"
#include "core/utf8.h"
#include "facts/test_rules.h"
#include "testing/test_support.h"

namespace foicode::facts {
namespace {

const RuleSet& Rules() { return testing::RealRules(); }

PageFacts Find(const std::string& text, std::optional<std::string> reply_date = "2024-10-07") {
  return FindFacts(text, Rules(), FactContext{reply_date});
}

// "low-high~/per unit [start..end]": one usage figure on one line.
std::string Dump(const UsageFigure& f) {
  std::string s = std::to_string(f.low);
  if (f.high != f.low) s += "-" + std::to_string(f.high);
  if (f.approximate) s += "~";
  if (f.per) s += "/" + std::string(RatePerName(*f.per));
  if (!f.unit.empty()) s += " " + f.unit;
  if (f.period) {
    s += " [" + f.period->start_month.value_or("?") + ".." + f.period->end_month.value_or("?") + "]";
  }
  return s;
}

std::string DumpUsage(const PageFacts& facts) {
  std::string s;
  for (const UsageFigure& f : facts.usage) s += (s.empty() ? "" : "; ") + Dump(f);
  return s;
}

TEST(FindUsageFiguresTest, StudyPhrasings) {
  const std::pair<std::string, std::string> cases[] = {
      {"Aidence (2777 lung checks in 12 months)", "2777 lung checks [2023-10..2024-09]"},
      {"approximately 1,200 scans per month", "1200~/month scans"},
      {"25-30k a year", "25000-30000/year"},
      {"c. 40 per day", "40~/day"},
      {"Brainomix: 4-5 times monthly", "4-5/month times"},
      {"HeartFlow – 10–15 times a month.", "10-15/month times"},
      {"3,000 – 3,600 per annum", "3000-3600/year"},
      {"Brainomix was used for 887 patients in 23/24", "887 patients [2023-04..2024-03]"},
      {"1,745 scans (Aug 2023 – Aug 2024)", "1745 scans [2023-08..2024-08]"},
      {"17,174 examinations (June – Sept 2024)", "17174 examinations [2024-06..2024-09]"},
      {"Aidence – approx. 100 analyses per day.", "100~/day analyses"},
      {"Lunit: about 90,000 mammograms", "90000~ mammograms"},
      {"Rayvolve: 64,356 uses", "64356 uses"},
      {"RapidAI was used for 1025 studies in the previous year.", "1025 studies [2023-10..2024-09]"},
      {"25-30k uses across the previous year.", "25000-30000 uses [2023-10..2024-09]"},
      {"Approximately 25,000 exams in the last 12 months.", "25000~ exams [2023-10..2024-09]"},
      {"RayStation: approximately 1000 treatment plans per annum.", "1000~/year treatment plans"},
      {"HeartFlow: c. 20 times per month (roughly 240 a year)", "20~/month times; 240~/year"},
      {"Circle CVI: 250-300 times a month, i.e. an estimated 3,000 – 3,600 studies per annum",
       "250-300/month times; 3000-3600~/year studies"},
      {"There were 288 usages between September 2023 and September 2024.",
       "288 usages [2023-09..2024-09]"},
      {"DERM was used on 1166 patients between May and October 2024.",
       "1166 patients [2024-05..2024-10]"},
      {"used on 68,000 scans in the past year", "68000 scans [2023-10..2024-09]"},
      {"over 500 CT scans a week", "500~/week ct scans"},
      {"used twice a week", "2/week"},
      {"a dozen referrals", "12 referrals"},
      {"about 1 scan", "1~ scans"},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(DumpUsage(Find(text)), want) << text;
}

TEST(FindUsageFiguresTest, PeriodWrittenBeforeTheFigure) {
  const std::pair<std::string, std::string> cases[] = {
      {"In 23/24, 887 scans were analysed", "887 scans [2023-04..2024-03]"},
      {"Between March and August 2024 the system was used 1177 times",
       "1177 times [2024-03..2024-08]"},
      {"Over the past 12 months, RapidAI processed 1025 studies", "1025 studies [2023-10..2024-09]"},
      {"Since March 2024, Brainomix has been used\nfor 500 patients.", "500 patients [2024-03..2024-10]"},
      {"Usage in 23/24: 887 scans", "887 scans [2023-04..2024-03]"},
      {"Brainomix | In 23/24, 887 scans", "887 scans [2023-04..2024-03]"},
      // Not across a sentence end, a clause break or a table cell.
      {"In 23/24 the trust went live. RapidAI has processed 887 scans.", "887 scans"},
      {"In 23/24 we used Brainomix, but RapidAI has since processed 887 scans.", "887 scans"},
      {"In 23/24 we used Brainomix; RapidAI processed 887 scans.", "887 scans"},
      {"23/24 | Brainomix processed 887 scans", "887 scans"},
      {"In 23/24\n\nRapidAI processed 887 scans", "887 scans"},
      // Only the nearest figure: not past another figure.
      {"In 23/24, 887 scans and 57 reports were analysed",
       "887 scans [2023-04..2024-03]; 57 reports"},
      // A period after the figure wins over one before it.
      {"In 2023, RapidAI processed 500 scans (Apr – Sep 2024)", "500 scans [2024-04..2024-09]"},
      // A period that an earlier figure took as its own is not reused.
      {"887 patients in 23/24 and 57 patients since then", "887 patients [2023-04..2024-03]; 57 patients"},
      {"In 23/24, 887 patients in 24/25 and 57 patients",
       "887 patients [2024-04..2025-03]; 57 patients"},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(DumpUsage(Find(text)), want) << text;
}

TEST(FindUsageFiguresTest, VagueNumberWordsBeforeARate) {
  const std::pair<std::string, std::string> cases[] = {
      {"Brainomix is used once a month.", "1/month"},
      {"about once a week", "1~/week"},
      {"used once daily", "1/day"},
      {"a couple of times a week", "2~/week times"},
      {"a couple times a week", "2~/week times"},
      {"several times a day", "3-7~/day times"},
      {"a few times a month", "2-5~/month times"},
      {"a handful of times per year", "3-5~/year times"},
      {"a handful of scans each week", "3-5~/week scans"},
      {"used twice a week", "2/week"},
      // Without a rate a vague word is no count, whatever follows it.
      {"We received a couple of reports from the supplier.", ""},
      {"several trusts in the region", ""},
      {"a few scans were reviewed", ""},
      {"we have raised this several times", ""},
      {"Once the system is live, patients will be scanned daily.", ""},
      {"Once a decision is made we will tell you.", ""},
      {"once again", ""},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(DumpUsage(Find(text)), want) << text;
}

TEST(FindUsageFiguresTest, NumbersThatAreNotUsage) {
  const std::string cases[] = {
      "The cost is £101k per annum.",
      "a contract worth c. £20,000 a year",
      "£450 (18 hours at £25 per hour)",
      "received on 18 September 2024",
      "Date: 07/10/2024",
      "Our Ref: FOI 4410",
      "Ref: 24-1187 applies",
      "Tel: 01902 307999",
      "Sheffield S5 7AU",
      "refused under section 12 and s.43(2)",
      "Q3 - Yes",
      "3. If available, please provide",
      "On 18 Sep 2024, at 10:02, Darwinist wrote:",
      "Page 1 of 2",
      "in 2023 we did 12 months of work",
      "95% of scans",
      "within two months of the date of receipt",
      "We estimate this would take in excess of 40 hours.",
      "Policy v1.0 | 14/03/2024",
      "clinical safety case under DCB0160",
      "FOI 24-25 0712 - Response",
  };
  for (const std::string& text : cases) EXPECT_EQ(DumpUsage(Find(text)), "") << text;
}

TEST(FindUsageFiguresTest, TableCellsNeedAUsageHeader) {
  const PageFacts facts = Find(
      "Vendor | Product / use | Usage 23/24\nBrainomix | e-Stroke | 887\nHeartFlow | FFRct | 57\n\n"
      "System | Supplier | Area | Status\nAiCE | Canon | CT | 2");
  ASSERT_EQ(facts.usage.size(), 2u);
  EXPECT_EQ(facts.usage[0].line, 1);
  EXPECT_EQ(facts.usage[0].cell, 2);
  EXPECT_EQ(facts.usage[0].row_label, "Brainomix");
  EXPECT_EQ(Dump(facts.usage[1]), "57 [2023-04..2024-03]");
  EXPECT_EQ(facts.usage[1].rule, "usage.table_cell");
}

TEST(FindUsageFiguresTest, WholeRecordForASimpleFigure) {
  const PageFacts facts = Find("Aidence – 2777 lung checks in 12 months.");
  ASSERT_EQ(facts.usage.size(), 1u);
  const UsageFigure want{
      .low = 2777, .high = 2777, .approximate = false, .per = std::nullopt, .unit = "lung checks",
      .period = Period{.start_month = "2023-10", .end_month = "2024-09", .months = 12,
                       .text = "in 12 months", .start = 27, .end = 39, .quote = "in 12 months",
                       .rule = "period.relative_months"},
      .start = 10, .end = 26, .quote = "2777 lung checks", .rule = "usage.count_unit",
      .line = 0, .cell = std::nullopt, .row_label = ""};
  EXPECT_EQ(facts.usage[0], want);
}

TEST(FindPeriodsTest, ResolvesToMonths) {
  struct Case {
    std::string text;
    std::optional<std::string> reply_date;
    std::string want;  // "start..end" of the first period
  };
  const Case cases[] = {
      {"between August 2023 and August 2024", std::nullopt, "2023-08..2024-08"},
      {"Aug 23 – Aug 24", std::nullopt, "2023-08..2024-08"},
      {"from March to August 2024", std::nullopt, "2024-03..2024-08"},
      {"June – Sept 2024", std::nullopt, "2024-06..2024-09"},
      {"Jan – Oct 2024", std::nullopt, "2024-01..2024-10"},
      {"September 2023 to September 2024", std::nullopt, "2023-09..2024-09"},
      {"in 12 months", "2024-10-07", "2023-10..2024-09"},
      {"in the previous 12 months", "2024-10-07", "2023-10..2024-09"},
      {"in the past year", "2024-10-07", "2023-10..2024-09"},
      {"over the last year", "2024-01-15", "2023-01..2023-12"},
      {"in the previous 12 months", std::nullopt, "?..?"},
      {"23/24", std::nullopt, "2023-04..2024-03"},
      {"2023/24", std::nullopt, "2023-04..2024-03"},
      {"2023-24", std::nullopt, "2023-04..2024-03"},
      {"FY23/24", std::nullopt, "2023-04..2024-03"},
      {"since March 2024", "2024-10-07", "2024-03..2024-10"},
      {"as of October 2024", std::nullopt, "?..2024-10"},
      {"the previous financial year", "2024-10-07", "2023-04..2024-03"},
  };
  for (const Case& c : cases) {
    const PageFacts facts = Find(c.text, c.reply_date);
    ASSERT_FALSE(facts.periods.empty()) << c.text;
    const Period& p = facts.periods[0];
    EXPECT_EQ(p.start_month.value_or("?") + ".." + p.end_month.value_or("?"), c.want) << c.text;
    EXPECT_EQ(p.text, p.quote);
  }
  EXPECT_TRUE(Find("FOI 24/25-0631").periods.empty());
  EXPECT_TRUE(Find("24/10 was the date").periods.empty());
}

TEST(FindDatesTest, UkFormsAndRoles) {
  struct Case {
    std::string text;
    std::string iso;
    DateRole role;
  };
  const Case cases[] = {
      {"7 October 2024", "2024-10-07", DateRole::kLetterDate},
      {"Date: 7th October 2024", "2024-10-07", DateRole::kLetterDate},
      {"Date: 16th October 2024", "2024-10-16", DateRole::kLetterDate},
      {"07/10/2024", "2024-10-07", DateRole::kLetterDate},
      {"written 07/10/24 here", "2024-10-07", DateRole::kOther},
      {"2024-10-07", "2024-10-07", DateRole::kLetterDate},
      {"signed October 7, 2024 by", "2024-10-07", DateRole::kOther},
      {"Date: 2024-10-15T12:07:55+01:00", "2024-10-15", DateRole::kEmailHeader},
      {"your request received on 18/09/2024", "2024-09-18", DateRole::kReceived},
      {"Date responded: 09/10/2024", "2024-10-09", DateRole::kLetterDate},
      {"Date received: 18/09/2024", "2024-09-18", DateRole::kReceived},
  };
  for (const Case& c : cases) {
    const PageFacts facts = Find(c.text);
    ASSERT_EQ(facts.dates.size(), 1u) << c.text;
    EXPECT_EQ(facts.dates[0].iso, c.iso) << c.text;
    EXPECT_EQ(facts.dates[0].role, c.role) << c.text;
    EXPECT_EQ(facts.dates[0].letter_date_hint, c.role == DateRole::kLetterDate) << c.text;
  }
  EXPECT_TRUE(Find("31/02/2024").dates.empty());
  EXPECT_TRUE(Find("Our Ref: FOI/10/24/0384").dates.empty());
}

TEST(FindMoneyTest, AmountsRatesAndCurrencies) {
  const PageFacts facts = Find("costs £101k per annum, c. £20,000 once, $1.5m and 5,000 euros");
  ASSERT_EQ(facts.money.size(), 4u);
  EXPECT_EQ(facts.money[0].low, 101000);
  EXPECT_EQ(facts.money[0].per, RatePer::kYear);
  EXPECT_TRUE(facts.money[1].approximate);
  EXPECT_EQ(facts.money[2].currency, "USD");
  EXPECT_EQ(facts.money[2].low, 1.5e6);
  EXPECT_EQ(facts.money[3].currency, "EUR");
  EXPECT_TRUE(facts.usage.empty());
}

TEST(FindExemptionsTest, EveryWordingInContext) {
  const std::pair<std::string, std::string> cases[] = {
      {"exempt under section 12", "s12"},
      {"refused under s12", "s12"},
      {"withheld under s.12", "s12"},
      {"exempt under s 12", "s12"},
      {"Section 12(1) of the Freedom of Information Act 2000 applies", "s12"},
      {"This is exempt under Section 43(2).", "s43"},
      {"withheld under s.31(1)(a)", "s31"},
      {"Section 21 of the Act applies", "s21"},
      {"exempt under sections 40 and 43", "s40 s43"},
      {"exempt under s.22 (future publication)", "s22"},
      {"we neither confirm nor deny under s38(2)", "s38"},
      {"see section 2 of this policy", ""},
      {"section 12 of this policy", ""},
      {"Freedom of Information Act 2000, section 17", ""},
      {"under DCB0160 and section 16 (advice)", ""},
  };
  for (const auto& [text, want] : cases) {
    std::string got;
    for (const Exemption& e : Find(text).exemptions) got += (got.empty() ? "" : " ") + e.section;
    EXPECT_EQ(got, want) << text;
  }
}

std::string CueTypes(const PageFacts& facts) {
  std::string s;
  for (const Cue& c : facts.cues) s += (s.empty() ? "" : " ") + std::string(CueTypeName(c.type));
  return s;
}

TEST(FindCuesTest, TypedSpans) {
  const std::pair<std::string, std::string> cases[] = {
      {"Brainomix is in use.", "deployment.live"},
      {"Annalise is being piloted in ED.", "deployment.pilot"},
      {"It was live for only 4 weeks.", "deployment.pilot"},
      {"RapidAI is being implemented.", "deployment.planned"},
      {"installed but not yet used on patients", "deployment.planned"},
      {"The deepc platform is not in use.", "deployment.not_in_use"},
      {"Qure.ai was decommissioned.", "deployment.not_in_use"},
      {"We would consider Brainomix.", "hypothetical"},
      {"The Trust does not hold this information.", "not_held"},
      {"No information held.", "not_held"},
      {"We have received your request.", "acknowledgement"},
      {"Automatic reply: I am out of the office", "auto_reply auto_reply"},
      {"this would exceed the appropriate limit", "refusal"},
      {"Information Requested:", "request_echo"},
      {"we do not currently use any AI", "status.no_ai"},
      {"The Trust can confirm that it uses clinical AI.", "status.uses_ai"},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(CueTypes(Find(text)), want) << text;
}

TEST(FindCuesTest, NegationScopeEndsAtTheClause) {
  const std::string text = "We do not currently use Brainomix or similar; we use RapidAI.";
  const PageFacts facts = Find(text);
  ASSERT_FALSE(facts.cues.empty());
  const Cue& cue = facts.cues[0];
  EXPECT_EQ(cue.type, CueType::kNegation);
  EXPECT_EQ(cue.quote, "do not");
  EXPECT_EQ(cue.scope_end, 44);  // the ";"
}

TEST(FindCuesTest, OneWordAnswersNeedTheAiQuestion) {
  const PageFacts answered = Find("1. Does the trust currently use any clinical AI systems?\n\nYes.");
  std::vector<Cue> status;
  for (const Cue& c : answered.cues) {
    if (c.type == CueType::kStatusUsesAi) status.push_back(c);
  }
  ASSERT_EQ(status.size(), 1u);
  EXPECT_EQ(status[0].quote, "Yes");
  EXPECT_EQ(status[0].line, 2);
  EXPECT_EQ(status[0].question_line, 0);
  EXPECT_EQ(CueTypes(Find("Did you get my letter?\nYes.")), "");
  EXPECT_EQ(CueTypes(Find("Q1 - No.")), "status.no_ai");
}

TEST(FindFactsTest, NoAiReplyThatNamesSoftware) {
  // The deepc trap: "no AI in use" although a platform is deployed.
  const PageFacts facts = Find(
      "1. Does the trust currently use any clinical AI systems?\n\nNo. The Trust has no clinical "
      "AI in use yet.\nThe deepc platform has been deployed, but it is not\nactually in use.");
  // The live cue sits inside the echoed question, which assemble ignores.
  EXPECT_EQ(CueTypes(facts),
            "request_echo deployment.live status.no_ai status.no_ai deployment.not_in_use");
}

// Every page of every sample: each fact's quote is the original text at its offsets, and no
// usage figure or period overlaps money, a date or an other number.
TEST(FindFactsTest, QuotesEqualOriginalTextOnEverySample) {
  std::vector<batch::InputFile> inputs;
  ASSERT_TRUE(batch::WalkInputs({foicode::testing::SamplesDir().string() + "/replies"}, {}, &inputs).ok());
  ASSERT_GE(inputs.size(), 20u);
  int pages = 0;
  int facts_seen = 0;
  for (const batch::InputFile& input : inputs) {
    const ExtractedSource source = batch::ExtractInputFile(input, extract::Limits{});
    for (const Part& part : source.parts) {
      for (const Page& page : part.pages) {
        ++pages;
        const PageFacts facts = Find(page.text);
        const int length = CountCodePoints(page.text);
        auto cut = [&](int start, int end) {
          const std::size_t b = start == 0 ? 0 : [&] {
            std::size_t i = 0;
            int cp = 0;
            while (i < page.text.size() && cp < start) {
              ++i;
              while (i < page.text.size() && (static_cast<unsigned char>(page.text[i]) & 0xC0) == 0x80) ++i;
              ++cp;
            }
            return i;
          }();
          std::size_t e = b;
          for (int cp = start; cp < end && e < page.text.size(); ++cp) {
            ++e;
            while (e < page.text.size() && (static_cast<unsigned char>(page.text[e]) & 0xC0) == 0x80) ++e;
          }
          return page.text.substr(b, e - b);
        };
        auto check = [&](int start, int end, const std::string& quote, const std::string& what) {
          ++facts_seen;
          EXPECT_LE(0, start) << what;
          EXPECT_LT(start, end) << what << " " << quote;
          EXPECT_LE(end, length) << what;
          EXPECT_EQ(cut(start, end), quote) << input.display_path << " " << what;
        };
        struct Blocked {
          int start, end;
        };
        std::vector<Blocked> blocked;
        for (const auto& m : facts.money) { check(m.start, m.end, m.quote, "money"); blocked.push_back({m.start, m.end}); }
        for (const auto& d : facts.dates) { check(d.start, d.end, d.quote, "date"); blocked.push_back({d.start, d.end}); }
        for (const auto& o : facts.other_numbers) { check(o.start, o.end, o.quote, "other"); blocked.push_back({o.start, o.end}); }
        for (const auto& p : facts.periods) {
          check(p.start, p.end, p.quote, "period");
          for (const Blocked& b : blocked) EXPECT_FALSE(p.start < b.end && b.start < p.end) << p.quote;
        }
        for (const auto& u : facts.usage) {
          check(u.start, u.end, u.quote, "usage");
          if (u.period) check(u.period->start, u.period->end, u.period->quote, "usage period");
          for (const Blocked& b : blocked) EXPECT_FALSE(u.start < b.end && b.start < u.end) << u.quote;
        }
        for (const auto& e : facts.exemptions) check(e.start, e.end, e.quote, "exemption");
        for (const auto& c : facts.cues) check(c.start, c.end, c.quote, "cue");
      }
    }
  }
  EXPECT_GT(pages, 40);
  EXPECT_GT(facts_seen, 300);
}

}  // namespace
}  // namespace foicode::facts

namespace foicode::facts {
namespace {

// A run of digits past any real count (hostile, or a reference) is no figure, and neither
// throws nor overflows; a large real count still is one.
TEST(FindUsageFiguresTest, DigitRunsBeyondAnyCountAreNotFigures) {
  const std::string nines(400, '9');
  EXPECT_TRUE(Find("Aidoc BriefCase processed " + nines + " scans.").usage.empty());
  EXPECT_TRUE(Find("Aidoc BriefCase processed 9999999999999999999999999 scans.").usage.empty());
  const PageFacts big = Find("Aidoc BriefCase processed 25 million scans.");
  ASSERT_EQ(big.usage.size(), 1u);
  EXPECT_EQ(big.usage[0].low, 25000000);
}

}  // namespace
}  // namespace foicode::facts
