// The assemble stage on small in-memory replies, with the project's real dictionaries and
// rules: one behaviour per test, and every evidence quote checked against its page.
#include "assemble/assemble_records.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/coded_record_json.h"
#include "facts/test_rules.h"
#include "normalise/test_dictionary.h"
#include "testing/evidence_check.h"

namespace foicode::assemble {
namespace {

const facts::RuleSet& Rules() { return facts::testing::RealRules(); }

// A reply as one text page: a letter, or an e-mail when `from` is given.
ExtractedSource Reply(const std::string& path, const std::string& text, const std::string& from = "") {
  ExtractedSource source;
  source.path = path;
  source.sha256 = std::string(64, '0');
  source.kind = from.empty() ? Kind::kTxt : Kind::kEml;
  Part part;
  part.kind = source.kind;
  Page page;
  page.text = text;
  part.pages.push_back(page);
  if (!from.empty()) part.headers = EmailHeaders{"FOI Team", from, "foi@darwinist.example",
                                                 "2024-10-07T10:00:00+01:00", "FOI response"};
  source.parts.push_back(part);
  return source;
}

// AssembleRecordsStreaming's records, their inputs named by place in `sources`. With
// `analyses`, the inputs' analyses are kept there and read back from there.
std::vector<CodedRecord> CodeStreaming(const std::vector<ExtractedSource>& sources, std::size_t kept_text_bytes,
                                       std::map<std::size_t, std::string>* analyses = nullptr) {
  std::vector<CodedRecord> records;
  std::mutex mutex;
  std::size_t count = 0;
  EarlierCoding earlier;
  if (analyses != nullptr) {
    earlier.analysis = [&](std::size_t i, std::string* text) {
      const std::lock_guard lock(mutex);
      const auto found = analyses->find(i);
      if (found == analyses->end()) return false;
      *text = found->second;
      return true;
    };
    earlier.keep_analysis = [&](std::size_t i, std::string text) {
      const std::lock_guard lock(mutex);
      (*analyses)[i] = std::move(text);
    };
  }
  const Status s = AssembleRecordsStreaming(
      sources.size(),
      [&](std::size_t i, ExtractedSource* out) {
        *out = sources[i];
        return Status::Ok();
      },
      normalise::testing::RealDictionary(), Rules(), 2,
      [&](std::size_t position, const CodedRecord& record, const std::vector<ExtractedSource>&,
          const std::vector<std::size_t>& batch_indexes) {
        CodedRecord global = record;
        for (int& i : global.sources) i = static_cast<int>(batch_indexes[static_cast<std::size_t>(i)]);
        const std::lock_guard lock(mutex);
        if (records.size() <= position) records.resize(position + 1);
        records[position] = std::move(global);
      },
      &count, earlier, kept_text_bytes);
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(records.size(), count);
  return records;
}

// Codes `sources` in memory, and checks that streaming them gives the same records whether
// the first pass keeps every input for the second or none, and whether the second pass (and
// then a whole run) reads the analyses back or works them out again.
std::vector<CodedRecord> Code(const std::vector<ExtractedSource>& sources) {
  std::vector<CodedRecord> records =
      AssembleRecords(sources, normalise::testing::RealDictionary(), Rules(), 2);
  testing::ExpectEvidenceQuotesMatch(records, sources);
  auto expect_same = [&](const std::vector<CodedRecord>& streamed, const std::string& how) {
    EXPECT_EQ(streamed.size(), records.size()) << how;
    for (std::size_t r = 0; r < std::min(streamed.size(), records.size()); ++r) {
      EXPECT_EQ(ToJson(streamed[r], sources).dump(), ToJson(records[r], sources).dump()) << how;
    }
  };
  for (std::size_t kept : {std::size_t{0}, kKeptTextBytes}) {
    expect_same(CodeStreaming(sources, kept), "kept " + std::to_string(kept));
  }
  std::map<std::size_t, std::string> analyses;
  expect_same(CodeStreaming(sources, 0, &analyses), "analyses kept by the first pass");
  EXPECT_EQ(analyses.size(), sources.size());
  expect_same(CodeStreaming(sources, 0, &analyses), "every analysis read back");
  return records;
}

bool HasFlag(const std::vector<Flag>& flags, std::string_view code) {
  return std::any_of(flags.begin(), flags.end(), [&](const Flag& f) { return f.code == code; });
}

std::string Names(const CodedRecord& record) {
  std::string out;
  for (const CodedSystem& s : record.systems) {
    if (!out.empty()) out += "; ";
    out += s.vendor.value_or("-") + "/" + s.product.value_or("-") + "/" +
           std::string(DeploymentName(s.deployment));
  }
  return out;
}

TEST(AssembleRecordsTest, TheSenderIsTheRespondentNotAPartnerTrust) {
  const auto records = Code({Reply("a.eml",
                                   "Dear Darwinist,\n\n1. Does the trust currently use any clinical AI systems?\nYes. We "
                                   "use RapidAI for stroke imaging in "
                                   "partnership with University Hospitals Birmingham NHS Foundation "
                                   "Trust.\n\nFOI Team",
                                   "foi@chesterfieldroyal.nhs.uk")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].respondent, "Chesterfield Royal Hospital NHS Foundation Trust");
  EXPECT_TRUE(records[0].known);
  EXPECT_EQ(records[0].status, ReplyStatus::kUsesAi);
  EXPECT_EQ(Names(records[0]), "RapidAI/-/live");
  EXPECT_EQ(records[0].response_date, "2024-10-07");
}

TEST(AssembleRecordsTest, TheEchoedRequestNamesNoSystem) {
  const auto records = Code({Reply("b.txt",
                                   "Hull University Teaching Hospitals NHS Trust\n\n"
                                   "Question 2: Please provide a list of clinical AI systems, for "
                                   "example Brainomix e-Stroke or HeartFlow.\n"
                                   "Response: We currently use Aidence Veye Lung Nodules.\n")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(Names(records[0]), "Aidence/Veye Lung Nodules/live");
}

TEST(AssembleRecordsTest, AFigureBelongsToTheSystemOnItsRow) {
  const auto records = Code({Reply("c.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "Vendor | Product | Usage 23/24\n"
                                   "Brainomix | e-Stroke | 887\n"
                                   "HeartFlow | FFRct | 57\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 2u);
  ASSERT_EQ(records[0].systems[0].usage.size(), 1u);
  EXPECT_EQ(records[0].systems[0].vendor, "Brainomix");
  EXPECT_EQ(records[0].systems[0].usage[0].low, 887);
  ASSERT_EQ(records[0].systems[1].usage.size(), 1u);
  EXPECT_EQ(records[0].systems[1].usage[0].low, 57);
}

TEST(AssembleRecordsTest, AFigureInProseBelongsToTheSystemOfItsClause) {
  const auto records = Code({Reply("d.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "Brainomix was used for 887 patients in 23/24 and HeartFlow was "
                                   "used 57 times in 23/24.\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 2u);
  ASSERT_EQ(records[0].systems[0].usage.size(), 1u);
  EXPECT_EQ(records[0].systems[0].usage[0].low, 887);
  ASSERT_TRUE(records[0].systems[0].usage[0].period.has_value());
  EXPECT_EQ(records[0].systems[0].usage[0].period->start_month, "2023-04");
  ASSERT_EQ(records[0].systems[1].usage.size(), 1u);
  EXPECT_EQ(records[0].systems[1].usage[0].low, 57);
}

TEST(AssembleRecordsTest, AFigureOfNoOneSystemIsFlaggedNotGuessed) {
  const auto records = Code({Reply("e.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "We use Brainomix and HeartFlow.\n\n"
                                   "Together they were used 500 times in the past year.\n")});
  ASSERT_EQ(records.size(), 1u);
  for (const CodedSystem& s : records[0].systems) EXPECT_TRUE(s.usage.empty());
  ASSERT_EQ(records[0].unattributed_usage.size(), 1u);
  EXPECT_EQ(records[0].unattributed_usage[0].low, 500);
  EXPECT_TRUE(HasFlag(records[0].flags, flag_codes::kUsageUnattributed));
}

TEST(AssembleRecordsTest, ANegatedNameIsNotInUseAndFlagged) {
  const auto records = Code({Reply("f.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "The Trust does not currently use Brainomix or any similar "
                                   "product.\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 1u);
  EXPECT_EQ(records[0].systems[0].deployment, Deployment::kNotInUse);
  EXPECT_TRUE(HasFlag(records[0].systems[0].flags, flag_codes::kNegatedMention));
  EXPECT_NE(records[0].status, ReplyStatus::kUsesAi);
}

TEST(AssembleRecordsTest, AnAcknowledgementAnswersNothing) {
  const auto records = Code({Reply("g.eml",
                                   "Dear Darwinist,\n\nWe have received your request for "
                                   "information, which may be exempt under section 43. We will "
                                   "respond within 20 working days.\n",
                                   "foi@chesterfieldroyal.nhs.uk")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status, ReplyStatus::kUnclear);
  EXPECT_TRUE(HasFlag(records[0].flags, flag_codes::kAcknowledgementOnly));
  EXPECT_TRUE(records[0].exemptions.empty());
  EXPECT_FALSE(records[0].response_date.has_value());
}

TEST(AssembleRecordsTest, ADenialBesideASystemInUseIsAConflict) {
  const auto records = Code({Reply("h.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "The Trust does not use any clinical AI.\n\n"
                                   "Brainomix e-Stroke is in routine use in the stroke unit.\n")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].status, ReplyStatus::kUnclear);
  EXPECT_TRUE(HasFlag(records[0].flags, flag_codes::kStatusConflict));
}

TEST(AssembleRecordsTest, DictationIsAnOtherToolNotASystem) {
  const auto records = Code({Reply("i.txt",
                                   "Airedale NHS Foundation Trust\n\n"
                                   "No, not at present. We use Dragon Medical One for dictation, "
                                   "which is not clinical AI.\n")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].systems.empty());
  ASSERT_EQ(records[0].other_tools.size(), 1u);
  EXPECT_EQ(records[0].other_tools[0].category, "dictation");
  EXPECT_EQ(records[0].status, ReplyStatus::kNoAi);
}

TEST(AssembleRecordsTest, InputsOfOneSenderMakeOneRecordAndUnknownSendersTheirOwn) {
  const auto records = Code({Reply("mft/letter.txt",
                                   "Manchester University NHS Foundation Trust\n\nYes. We use "
                                   "Skin Analytics DERM.\n"),
                             Reply("mft/cover.txt",
                                   "Please find attached our response.\n\nManchester University "
                                   "NHS Foundation Trust\n"),
                             Reply("unknown.txt", "Thank you for your e-mail.\n")});
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].respondent, "Manchester University NHS Foundation Trust");
  EXPECT_EQ(records[0].sources, (std::vector<int>{1, 0}));  // sorted by path
  EXPECT_FALSE(records[1].respondent.has_value());
  EXPECT_TRUE(HasFlag(records[1].flags, flag_codes::kRespondentUnknown));
}

TEST(AssembleRecordsTest, APolicyAttachmentNamesNoSystem) {
  ExtractedSource source = Reply("j.eml",
                                 "Dear Darwinist,\n\n1. No, the Trust does not use any clinical AI.\n\n"
                                 "Please see the attached policy.\n",
                                 "foi@chesterfieldroyal.nhs.uk");
  Part policy;
  policy.name = "AI Policy.pdf";
  policy.kind = Kind::kPdf;
  for (int n = 1; n <= 3; ++n) {
    Page page;
    page.number = n;
    page.text = n == 1 ? "Artificial Intelligence Governance Policy\n\nExamples of AI include Brainomix "
                         "e-Stroke, which is live in many trusts.\n"
                       : "Section " + std::to_string(n) + "\n";
    policy.pages.push_back(page);
  }
  source.parts.push_back(policy);
  const auto records = Code({source});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(records[0].systems.empty()) << Names(records[0]);
  EXPECT_EQ(records[0].status, ReplyStatus::kNoAi);
}

}  // namespace
}  // namespace foicode::assemble

namespace foicode::assemble {
namespace {

TEST(AssembleRecordsTest, ASystemDescribedButNotNamedHasNoVendorAndAFlag) {
  const auto records = Code({Reply("k.txt",
                                   "The Christie NHS Foundation Trust\n\n"
                                   "1. Does the trust currently use any clinical AI systems?\nYes.\n\n"
                                   "2. We use an AI chest X-ray decision support tool in clinic.\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 1u);
  const CodedSystem& s = records[0].systems[0];
  EXPECT_FALSE(s.vendor.has_value());
  EXPECT_FALSE(s.product.has_value());
  EXPECT_EQ(s.subspecialty, "Radiology");
  EXPECT_EQ(s.deployment, Deployment::kLive);
  EXPECT_TRUE(HasFlag(s.flags, flag_codes::kUnnamedSystem));
}

TEST(AssembleRecordsTest, ADescriptionBesideANamedProductIsThatProduct) {
  const auto records = Code({Reply("l.txt",
                                   "Harrogate and District NHS Foundation Trust\n\n"
                                   "We currently use Annalise Enterprise CXR, an AI chest X-ray "
                                   "decision support tool.\n")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(Names(records[0]), "Annalise.ai/Annalise Enterprise CXR/live");
}

TEST(AssembleRecordsTest, AFigureOnALineLabelledWithAnotherNameIsNotGuessed) {
  const auto records = Code({Reply("m.txt",
                                   "Dorset County Hospital NHS Foundation Trust\n\n"
                                   "We currently use Aidence Veye Lung Nodules.\n\n"
                                   "Veye Lung Nodules – 4000 chest CT scans in FY23/24.\n"
                                   "Stroke service – approximately 35 to 40 studies a month.\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 1u);
  ASSERT_EQ(records[0].systems[0].usage.size(), 1u);
  EXPECT_EQ(records[0].systems[0].usage[0].low, 4000);
  ASSERT_EQ(records[0].unattributed_usage.size(), 1u);
  EXPECT_EQ(records[0].unattributed_usage[0].low, 35);
}

TEST(AssembleRecordsTest, ACueInTheNextSentenceSpeaksOfTheSystemBefore) {
  const auto records = Code({Reply("n.txt",
                                   "Wirral University Teaching Hospital NHS Foundation Trust\n\n"
                                   "No. The Trust is joining a regional programme for Annalise "
                                   "Enterprise CXR. We expect to go live in early 2025.\n")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(Names(records[0]), "Annalise.ai/Annalise Enterprise CXR/planned");
}

}  // namespace
}  // namespace foicode::assemble

namespace foicode::assemble {
namespace {

TEST(AssembleRecordsTest, AFigureOfTwoSystemsNamedTogetherIsNotSplit) {
  const auto records = Code({Reply("o.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "Brainomix e-Stroke and RapidAI were used for 450 stroke scans in "
                                   "the past year.\n\n"
                                   "System | Usage\nAidoc BriefCase and Annalise Enterprise CXR | 900\n")});
  ASSERT_EQ(records.size(), 1u);
  for (const CodedSystem& s : records[0].systems) EXPECT_TRUE(s.usage.empty()) << *s.vendor;
  EXPECT_EQ(records[0].unattributed_usage.size(), 2u);
}

TEST(AssembleRecordsTest, TwoProductsOfOneVendorAreTwoSystemsUnlessOneIsAModule) {
  const auto records = Code({Reply("p.txt",
                                   "East Suffolk and North Essex NHS Foundation Trust\n\n"
                                   "We currently use Brainomix e-Stroke (e-ASPECTS / e-CTA).\n"
                                   "We currently use Annalise Enterprise CXR and Annalise Enterprise CTB.\n")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(Names(records[0]),
            "Annalise.ai/Annalise Enterprise CTB/live; Annalise.ai/Annalise Enterprise CXR/live; "
            "Brainomix/e-Stroke/live");
}

TEST(AssembleRecordsTest, RepeatsOfAFigureAreKeptOnceButDifferentPeriodsAreNot) {
  const auto records = Code({Reply("q.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "Vendor | Usage\nBrainomix | 887\n\n"
                                   "Brainomix was used for 887 patients in 23/24. Brainomix was used "
                                   "for 1,200 scans in 2022 and for 1,200 scans in 2023.\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 1u);
  const std::vector<CodedUsage>& usage = records[0].systems[0].usage;
  ASSERT_EQ(usage.size(), 3u);
  EXPECT_EQ(usage[0].low, 887);
  EXPECT_EQ(usage[0].unit, "patients");  // the prose, which says more than the cell
  EXPECT_EQ(usage[1].low, 1200);
  EXPECT_EQ(usage[2].low, 1200);
  EXPECT_NE(usage[1].period->start_month, usage[2].period->start_month);
}

TEST(AssembleRecordsTest, ATotalRowStandsForItsOwnTableOnly) {
  const auto records = Code({Reply("r.txt",
                                   "Hull University Teaching Hospitals NHS Trust\n\n"
                                   "Aidence Veye Lung Nodules usage\n"
                                   "Month | Scans\nJan 2024 | 100\nFeb 2024 | 100\nTotal | 200\n\n"
                                   "Aidence Veye Lung Nodules earlier years\n"
                                   "Year | Scans\n2022/23 | 1500\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 1u);
  std::vector<long long> lows;
  for (const CodedUsage& u : records[0].systems[0].usage) lows.push_back(u.low);
  EXPECT_EQ(lows, (std::vector<long long>{200, 1500}));
}

}  // namespace
}  // namespace foicode::assemble

namespace foicode::assemble {
namespace {

TEST(AssembleRecordsTest, ASystemNamedAfterByIsTheFiguresOwn) {
  const auto records = Code({Reply("s.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "500 scans were analysed by Aidoc BriefCase and 300 scans by "
                                   "Annalise Enterprise CXR in 2023/24.\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 2u);
  ASSERT_EQ(records[0].systems[0].usage.size(), 1u);
  EXPECT_EQ(records[0].systems[0].vendor, "Aidoc");
  EXPECT_EQ(records[0].systems[0].usage[0].low, 500);
  ASSERT_EQ(records[0].systems[1].usage.size(), 1u);
  EXPECT_EQ(records[0].systems[1].usage[0].low, 300);
}

TEST(AssembleRecordsTest, ASystemNamedAfterForIsTheFiguresOwn) {
  const auto records = Code({Reply("s2.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "In 23/24 there were 887 scans for Brainomix and 57 scans for HeartFlow.\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 2u);
  ASSERT_EQ(records[0].systems[0].usage.size(), 1u);
  EXPECT_EQ(records[0].systems[0].usage[0].low, 887);
  ASSERT_EQ(records[0].systems[1].usage.size(), 1u);
  EXPECT_EQ(records[0].systems[1].usage[0].low, 57);
}

TEST(AssembleRecordsTest, ProductsJoinedBySlashAreTwoSystems) {
  const auto records = Code({Reply("t.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "We currently use Annalise Enterprise CXR / Annalise Enterprise CTB.\n")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].systems.size(), 2u) << Names(records[0]);
}

TEST(AssembleRecordsTest, ASentenceAboutAnotherProductLendsNoStage) {
  const auto records = Code({Reply("u.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "We currently use Annalise Enterprise CXR for all chest X-rays. "
                                   "Another product is expected to go live in 2025.\n")});
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(Names(records[0]), "Annalise.ai/Annalise Enterprise CXR/live");
}

TEST(AssembleRecordsTest, ADepartmentsActivityGivenToTheOnlySystemIsFlagged) {
  const auto records = Code({Reply("v.txt",
                                   "East Sussex Healthcare NHS Trust\n\n"
                                   "Annalise Enterprise CXR is in routine use.\n\n"
                                   "The Trust carried out 45,000 chest X-rays in 2023/24.\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 1u);
  ASSERT_EQ(records[0].systems[0].usage.size(), 1u);
  EXPECT_TRUE(HasFlag(records[0].systems[0].flags, flag_codes::kUsageInferred));
}

TEST(AssembleRecordsTest, ABlankLineEndsATableAndItsTotal) {
  const auto records = Code({Reply("w.txt",
                                   "Hull University Teaching Hospitals NHS Trust\n\n"
                                   "Aidence Veye Lung Nodules usage\n"
                                   "Month | Studies 23/24\nApril | 100\nMay | 200\n\n"
                                   "Month | Site | Studies 24/25\nTotal | All | 150\n")});
  ASSERT_EQ(records.size(), 1u);
  ASSERT_EQ(records[0].systems.size(), 1u);
  std::vector<long long> lows;
  for (const CodedUsage& u : records[0].systems[0].usage) lows.push_back(u.low);
  EXPECT_EQ(lows, (std::vector<long long>{100, 200, 150}));
}

}  // namespace
}  // namespace foicode::assemble
