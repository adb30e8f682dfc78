// Tests for near-miss (fuzzy) vendor and product names and unknown product-like names.
#include "normalise/near_miss.h"

#include <gtest/gtest.h>

#include "normalise/name_matcher.h"
#include "normalise/test_dictionary.h"

namespace foicode::normalise {
namespace {

using testing::RealDictionary;

// "kind:canonical:match:quote" for the mentions that are not exact.
std::vector<std::string> NotExact(const std::string& text) {
  std::vector<std::string> out;
  for (const NameMention& m : FindNames(text, RealDictionary())) {
    if (m.match == MatchKind::kExact) continue;
    out.push_back(std::string(NameKindName(m.kind)) + ":" + m.canonical + ":" +
                  std::string(MatchKindName(m.match)) + ":" + m.quote);
  }
  return out;
}

TEST(EditDistanceTest, CountsEditsUpToTheLimit) {
  const struct {
    std::string a, b;
    int limit, expected;
  } cases[] = {
      {"kheiron", "khieron", 2, 1},  // adjacent transposition is one edit
      {"brainomix", "brainomixx", 2, 1},
      {"brainomix", "brianomx", 2, 2},
      {"research", "raysearch", 2, 2},
      {"aidence", "audience", 1, 2},  // over the limit: limit + 1
      {"abc", "abcdef", 1, 2},
      {"same", "same", 0, 0},
      {"", "ab", 2, 2},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(EditDistance(c.a, c.b, c.limit), c.expected) << c.a << " / " << c.b;
  }
}

TEST(FindNearMissesTest, SpacingAndSmallMisspellingsAreFuzzy) {
  const struct {
    std::string text;
    std::vector<std::string> expected;
  } cases[] = {
      {"We use Rad formation for planning.",
       {"vendor:Radformation:fuzzy:Rad formation"}},  // same letters, other spacing
      {"the Ultro-mics echo tool", {"vendor:Ultromics:fuzzy:Ultro-mics"}},
      {"the Kheirron AI", {"vendor:Kheiron:fuzzy:Kheirron"}},           // 7 letters, 1 edit
      {"Brainnomixx triage", {"vendor:Brainomix:fuzzy:Brainnomixx"}},   // 9 letters, 2 edits
      {"Veye Lung Nodles", {}},  // "Veye Lung" is exact; "Nodles" alone is nothing
      // Never: lower case, common words, short names, more edits than allowed.
      {"we use brainomixx", {}},
      {"Audience", {}},  // 2 edits from Aidence: more than 7 letters allow
      {"Research and Limits", {}},
      {"Aido and Luni", {}},  // 4 letters or fewer: never
      {"Aidok AI", {"vendor:Aidoc:fuzzy:Aidok"}},  // 5 letters allow 1 edit
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NotExact(c.text), c.expected) << c.text;
  }
}

TEST(FindNearMissesTest, FuzzyMentionNamesTheEntryItIsNear) {
  const auto mentions = FindNames("Heart_Flow reports", RealDictionary());
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].kind, NameKind::kVendor);
  EXPECT_EQ(mentions[0].match, MatchKind::kFuzzy);
  EXPECT_EQ(mentions[0].canonical, "HeartFlow");
  EXPECT_EQ(mentions[0].matched_alias, "HeartFlow");
  EXPECT_EQ(mentions[0].quote, "Heart_Flow");
}

TEST(FindUnknownNamesTest, ProductLikeNamesNearAiWords) {
  const struct {
    std::string text;
    std::vector<std::string> expected;
  } cases[] = {
      {"We use NeuroScanX for AI stroke triage.", {"unknown:NeuroScanX:candidate:NeuroScanX"}},
      {"the Zebrafy AI tool", {"unknown:Zebrafy AI:candidate:Zebrafy AI"}},
      {"Acme.ai reads scans", {"unknown:Acme.ai:candidate:Acme.ai"}},
      {"an AI platform Quokka reads scans", {"unknown:Quokka:candidate:Quokka"}},
      {"the AI model cxr42 flags nodules", {"unknown:cxr42:candidate:cxr42"}},
      // Not names: far from AI words, ordinary or sentence words, acronyms, months, codes.
      {"We use NeuroScanX for stroke triage.", {}},
      {"The AI tool. Clinical AI. NHS AI. In October AI was", {}},
      {"FY23 and s31 and the 23rd: AI", {}},
      {"Triage AI helps; we triage", {}},
      {"foi@NeuroScanX.nhs.uk about AI", {}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NotExact(c.text), c.expected) << c.text;
  }
}

}  // namespace
}  // namespace foicode::normalise
