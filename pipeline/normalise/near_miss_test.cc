// Tests for near-miss (fuzzy) vendor and product names and unknown product-like names.
#include "normalise/near_miss.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstddef>
#include <random>
#include <string>
#include <utility>
#include <vector>

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

TEST(FindNearMissesTest, MisspellingsCountUpToTheBudgetOnly) {
  const struct {
    std::string text;
    std::vector<std::string> expected;
  } cases[] = {
      // Radformation: 12 letters, 2 edits allowed.
      {"Radformatoin plans", {"vendor:Radformation:fuzzy:Radformatoin"}},  // 1 edit
      {"Radfornatoin plans", {"vendor:Radformation:fuzzy:Radfornatoin"}},  // 2 edits
      {"Radfornatoim plans", {}},                                          // 3 edits
      // Kheiron: 7 letters, 1 edit allowed.
      {"the Kheirom reader", {"vendor:Kheiron:fuzzy:Kheirom"}},  // 1 edit
      {"the Khairom reader", {}},                                // 2 edits
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NotExact(c.text), c.expected) << c.text;
  }
}

TEST(FindNearMissesTest, RepeatedMisspellingIsFoundEachTime) {
  EXPECT_EQ(NotExact("Radfornatoin. Kheirom and Radfornatoin, Khairom, Kheirom."),
            (std::vector<std::string>{
                "vendor:Radformation:fuzzy:Radfornatoin", "vendor:Kheiron:fuzzy:Kheirom",
                "vendor:Radformation:fuzzy:Radfornatoin", "vendor:Kheiron:fuzzy:Kheirom"}));
}

TEST(FindNearMissesTest, ByteMaskNeverRulesOutAStringWithinTheEditDistance) {
  // Letters, digits, and bytes of UTF-8 sequences, some of which share a ByteMask bit.
  const std::string alphabet = "aeoprx0159\x80\x9c\xa9\xc3";
  std::mt19937 random(20240607);
  const auto random_string = [&] {
    std::string s(random() % 10, ' ');
    for (char& c : s) c = alphabet[random() % alphabet.size()];
    return s;
  };
  for (int i = 0; i < 20000; ++i) {
    const std::string a = random_string();
    std::string b = a;
    // Mostly a few edits of `a`, sometimes an unrelated string.
    if (random() % 4 == 0) b = random_string();
    for (int edits = static_cast<int>(random() % 4); edits > 0; --edits) {
      const std::size_t at = b.empty() ? 0 : random() % b.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 4) {
        case 0:
          b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        case 1:
          if (!b.empty()) b.erase(at, 1);
          break;
        case 2:
          if (!b.empty()) b[at] = c;
          break;
        case 3:
          if (at + 1 < b.size()) std::swap(b[at], b[at + 1]);
          break;
      }
    }
    const int distance = EditDistance(a, b, 64);
    EXPECT_LE(std::popcount(ByteMask(a) & ~ByteMask(b)), distance) << a << " / " << b;
    EXPECT_LE(std::popcount(ByteMask(b) & ~ByteMask(a)), distance) << a << " / " << b;
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
