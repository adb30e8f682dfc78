// The real dictionaries/: they load with no error, and every name in them is found by
// FindNames in an ordinary sentence and maps to its own entry.
#include <gtest/gtest.h>

#include <filesystem>

#include "normalise/dictionary.h"
#include "normalise/name_matcher.h"

namespace foicode::normalise {
namespace {

std::filesystem::path DictionariesDir() {
  return std::filesystem::path(FOICODE_SOURCE_DIR) / "dictionaries";
}

class DictionariesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const Status status = LoadDictionary(DictionariesDir(), &dictionary_);
    ASSERT_TRUE(status.ok()) << status.message();
  }
  static std::unique_ptr<const Dictionary> dictionary_;
};

std::unique_ptr<const Dictionary> DictionariesTest::dictionary_;

TEST_F(DictionariesTest, LoadWithNoError) {
  ASSERT_NE(dictionary_, nullptr);
  EXPECT_GE(dictionary_->vendors().size(), 50u);
  EXPECT_GE(dictionary_->products().size(), 70u);
  EXPECT_GE(dictionary_->organisations().size(), 200u);
  EXPECT_GE(dictionary_->other_tools().size(), 30u);
  // The study's cohort: 149 trusts, each with a cohort note.
  int cohort = 0;
  for (const Organisation& o : dictionary_->organisations()) {
    if (o.type == OrgType::kTrust && o.note.rfind("cohort: ", 0) == 0) ++cohort;
  }
  EXPECT_EQ(cohort, 149);
}

// "The Trust uses <alias> in radiology." finds the alias as one mention of its own entry.
// Ambiguous names are written with the dictionary's capitals, and the sentence has
// "software" in it, which is the context they need.
TEST_F(DictionariesTest, EveryNameIsFoundAndMapsToItsEntry) {
  const auto& names = dictionary_->names();
  int checked = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const DictionaryName& name = names[i];
    const std::string sentence = name.ambiguous
                                     ? "The Trust uses the " + name.written + " software in radiology."
                                     : "The Trust uses " + name.written + " in radiology.";
    const int start = name.ambiguous ? 19 : 15;
    const NameMention expected_entry = dictionary_->MentionOf(static_cast<int>(i), MatchKind::kExact);
    bool found = false;
    for (const NameMention& m : FindNames(sentence, *dictionary_)) {
      if (m.start != start || m.quote != name.written) continue;
      found = true;
      EXPECT_EQ(m.kind, expected_entry.kind) << sentence;
      EXPECT_EQ(m.canonical, expected_entry.canonical) << sentence;
      EXPECT_EQ(m.matched_alias, name.written) << sentence;
      EXPECT_EQ(m.match, MatchKind::kExact) << sentence;
    }
    EXPECT_TRUE(found) << sentence;
    ++checked;
  }
  EXPECT_GT(checked, 1500);
}

// Every product's vendor is a vendor; old names reach the canonical vendor.
TEST_F(DictionariesTest, OldNamesMapToCanonicalVendors) {
  const struct {
    std::string written, vendor;
  } cases[] = {
      {"DeepHealth", "Aidence"},   {"iSchemaView", "RapidAI"},  {"Rapid AI", "RapidAI"},
      {"IschemaView", "RapidAI"},  {"Heartflow", "HeartFlow"},  {"Heart flow", "HeartFlow"},
      {"BeHold AI", "Behold.ai"},  {"Toshiba Medical", "Canon Medical Systems"},
  };
  for (const auto& c : cases) {
    const auto mentions = FindNames("We use " + c.written + ".", *dictionary_);
    ASSERT_EQ(mentions.size(), 1u) << c.written;
    EXPECT_EQ(mentions[0].vendor, c.vendor) << c.written;
  }
  for (const Product& p : dictionary_->products()) {
    EXPECT_NE(dictionary_->FindVendor(p.vendor), nullptr) << p.name;
  }
}

}  // namespace
}  // namespace foicode::normalise
