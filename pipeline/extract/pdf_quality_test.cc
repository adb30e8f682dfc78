// Tests for telling a usable text layer from one that needs OCR.
#include "extract/pdf_quality.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace foicode::extract {
namespace {

TEST(WhyTextUnusableTest, Cases) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "no text layer"},
      {"  \n ", "no text layer"},
      {"Page 1 of 2", "only 8 characters of text"},
      {"We do not currently use any artificial intelligence systems.", ""},
      {"Vendor | Product | Uses\nAidence | Veye Lung | 14974\n2021 | 2022 | 2023", ""},
      {"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
       "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ab cd \xEE\x80\x80\xEE\x80\x80\xEE\x80\x80\xEE\x80\x80"
       "\xEE\x80\x80\xEE\x80\x80\xEE\x80\x80\xEE\x80\x80",
       "mostly unreadable characters"},
      {"!\"#$ %&'() *+,-./ 0123 !\"#$%& '()*+ ,-./0", "no recognisable words"},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(WhyTextUnusable(text), want) << text;
}

TEST(MeasureTextTest, CountsWordLettersOnlyInWordLikeRuns) {
  const TextQuality q = MeasureText("Trust xkcd 14974 ok");
  EXPECT_EQ(q.visible, 16);
  EXPECT_EQ(q.junk, 0);
  EXPECT_EQ(q.word_letters, 7);  // "Trust" and "ok"; "xkcd" has no vowel
}

}  // namespace
}  // namespace foicode::extract
