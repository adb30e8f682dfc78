// Tests for FindNames on the real dictionaries/: aliases, old names, line breaks, word
// boundaries, ambiguous names, and the quote-at-offsets property on every sample page.
#include "normalise/name_matcher.h"

#include <gtest/gtest.h>

#include "batch/input_walk.h"
#include "batch/run_batch.h"
#include "core/utf8.h"
#include "normalise/test_dictionary.h"
#include "testing/test_support.h"

namespace foicode::normalise {
namespace {

using testing::RealDictionary;

// "kind:canonical:match:quote" for each mention, for one-line expectations.
std::vector<std::string> Dump(const std::vector<NameMention>& mentions) {
  std::vector<std::string> out;
  for (const NameMention& m : mentions) {
    out.push_back(std::string(NameKindName(m.kind)) + ":" + m.canonical + ":" +
                  std::string(MatchKindName(m.match)) + ":" + m.quote);
  }
  return out;
}

// The original text at code points [start, end).
std::string Slice(const std::string& text, int start, int end) {
  std::string out;
  int index = 0;
  for (std::size_t i = 0; i < text.size(); ++index) {
    std::size_t next = i + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    if (index >= start && index < end) out.append(text, i, next - i);
    i = next;
  }
  return out;
}

TEST(FindNamesTest, ExactMatchesOnFoldedText) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      // Old and new names of one vendor.
      {"We use DeepHealth.", {"vendor:Aidence:exact:DeepHealth"}},
      {"Aidence (2777 lung checks)", {"vendor:Aidence:exact:Aidence"}},
      {"iSchemaView, IschemaView and Rapid AI",
       {"vendor:RapidAI:exact:iSchemaView", "vendor:RapidAI:exact:IschemaView",
        "vendor:RapidAI:exact:Rapid AI"}},
      {"RapidAI Inc.", {"vendor:RapidAI:exact:RapidAI Inc"}},
      // Spellings listed in the data.
      {"Heart flow and BeHold AI", {"vendor:HeartFlow:exact:Heart flow",
                                    "vendor:Behold.ai:exact:BeHold AI"}},
      {"Boneview; RB fracture", {"product:BoneView:exact:Boneview",
                                 "product:RBfracture:exact:RB fracture"}},
      // Leftmost-longest: one product, plus the vendor its name includes.
      {"Veye Lung Nodules", {"product:Veye Lung Nodules:exact:Veye Lung Nodules"}},
      {"Brainomix e-Stroke", {"product:e-Stroke:exact:Brainomix e-Stroke",
                              "vendor:Brainomix:exact:Brainomix"}},
      // Dashes, non-breaking hyphens, NBSP and line breaks fold.
      {"e\u2011Stroke and e\u2013CTA", {"product:e-Stroke:exact:e\u2011Stroke",
                                         "product:e-CTA:exact:e\u2013CTA"}},
      {"Veye Lung\nNodules", {"product:Veye Lung Nodules:exact:Veye Lung\nNodules"}},
      {"Skin\u00A0Analytics", {"vendor:Skin Analytics:exact:Skin\u00A0Analytics"}},
      // Not-clinical tools and organisations.
      {"Nuance Dragon Medical One", {"other_tool:Dragon Medical One:exact:Nuance Dragon Medical One"}},
      {"a reply from ESNEFT", {"organisation:East Suffolk and North Essex NHS Foundation Trust:"
                               "exact:ESNEFT"}},
      // Inside words: no match, in any script.
      {"Miami dermatology encircle", {}},
      {"brainomixed", {}},
      {"éAidence and xAidence", {}},
      {"Aidence's", {"vendor:Aidence:exact:Aidence"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Dump(FindNames(c.text, RealDictionary())), c.expected) << c.text;
  }
}

TEST(FindNamesTest, AmbiguousNamesNeedCapitalsAndContext) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"We use Red Dot AI triage for chest X-rays.", {"product:Red Dot:exact:Red Dot"}},
      {"Mark it with a red dot on the AI form.", {}},         // not the dictionary's capitals
      {"Mark it with a Red Dot in the margin.", {}},          // no context word
      {"The Mia software reads mammograms.", {"product:Mia:exact:Mia"}},
      {"Mia Smith, FOI Officer", {}},
      {"DERM (Skin Analytics) assessed 863 lesions.",
       {"product:DERM:exact:DERM", "vendor:Skin Analytics:exact:Skin Analytics"}},
      {"Derm referrals are triaged by the AI.", {}},
      {"We use Dragon for dictation.", {"other_tool:Dragon Medical One:exact:Dragon"}},
      {"Here be Dragon.", {}},
      {"Annalise AI", {"vendor:Annalise.ai:exact:Annalise AI"}},  // a plain alias
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Dump(FindNames(c.text, RealDictionary())), c.expected) << c.text;
  }
}

TEST(FindNamesTest, MentionCarriesTheEntry) {
  const auto mentions = FindNames("Trust: Lunit INSIGHT MMG.", RealDictionary());
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0], (NameMention{.kind = NameKind::kProduct,
                                      .match = MatchKind::kExact,
                                      .canonical = "INSIGHT MMG",
                                      .vendor = "Lunit",
                                      .subspecialty = "Radiology",
                                      .modality = {"Mammography"},
                                      .category = std::nullopt,
                                      .borderline = false,
                                      .org_type = std::nullopt,
                                      .matched_alias = "Lunit INSIGHT MMG",
                                      .start = 7,
                                      .end = 24,
                                      .quote = "Lunit INSIGHT MMG"}));
  EXPECT_EQ(mentions[1].kind, NameKind::kVendor);
  EXPECT_EQ(mentions[1].canonical, "Lunit");
  EXPECT_EQ(mentions[1].start, 7);
  EXPECT_EQ(mentions[1].end, 12);

  const auto tools = FindNames("Synthesia AI videos", RealDictionary());
  ASSERT_EQ(tools.size(), 1u);
  EXPECT_EQ(tools[0].category, "patient_video");
  EXPECT_FALSE(tools[0].borderline);
  EXPECT_EQ(tools[0].vendor, "Synthesia");

  const auto orgs = FindNames("the Surrey Stroke Network", RealDictionary());
  ASSERT_EQ(orgs.size(), 1u);
  EXPECT_EQ(orgs[0].org_type, OrgType::kNetwork);
  EXPECT_EQ(orgs[0].vendor, std::nullopt);
}

TEST(FindNamesTest, OffsetsCountCodePointsOfTheOriginal) {
  // Ligatures, curly quotes and a soft hyphen change byte and code point counts.
  const std::string text = "ﬁrst “Heart\u00ADFlow” then Aidence";
  const auto mentions = FindNames(text, RealDictionary());
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].canonical, "HeartFlow");
  EXPECT_EQ(mentions[0].start, 6);
  EXPECT_EQ(mentions[0].quote, "Heart\u00ADFlow");
  EXPECT_EQ(mentions[1].quote, "Aidence");
  EXPECT_EQ(Slice(text, mentions[1].start, mentions[1].end), "Aidence");
}

// Every mention on every page of every sample quotes the page text at its offsets.
TEST(FindNamesTest, QuoteEqualsTextAtOffsetsOnEverySamplePage) {
  std::vector<batch::InputFile> inputs;
  ASSERT_TRUE(batch::WalkInputs({foicode::testing::SamplesDir().string() + "/replies"}, {}, &inputs).ok());
  ASSERT_GE(inputs.size(), 25u);
  int mentions_seen = 0;
  for (const auto& input : inputs) {
    const ExtractedSource source = batch::ExtractInputFile(input, extract::Limits());
    for (const Part& part : source.parts) {
      for (const Page& page : part.pages) {
        const auto mentions = FindNames(page.text, RealDictionary());
        const int length = CountCodePoints(page.text);
        for (const NameMention& m : mentions) {
          ++mentions_seen;
          ASSERT_LE(0, m.start) << input.display_path;
          ASSERT_LT(m.start, m.end) << input.display_path;
          ASSERT_LE(m.end, length) << input.display_path;
          EXPECT_EQ(Slice(page.text, m.start, m.end), m.quote) << input.display_path;
        }
      }
    }
  }
  EXPECT_GT(mentions_seen, 300);
}

}  // namespace
}  // namespace foicode::normalise
