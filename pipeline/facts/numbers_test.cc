// Table tests for the number, month and year readers of the facts stage.
#include "facts/numbers.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace foicode::facts {
namespace {

TEST(ParseQuantityTest, ReadsAmountsAndRanges) {
  struct Case {
    std::string text;
    std::optional<Quantity> want;
  };
  const Case cases[] = {
      {"2777", Quantity{2777, 2777}},
      {"1,745", Quantity{1745, 1745}},
      {"64 356", Quantity{64356, 64356}},
      {"90,000", Quantity{90000, 90000}},
      {"1.5", Quantity{1.5, 1.5}},
      {"30k", Quantity{30000, 30000}},
      {"25-30k", Quantity{25000, 30000}},
      {"25k-30k", Quantity{25000, 30000}},
      {"10-15", Quantity{10, 15}},
      {"10 - 15", Quantity{10, 15}},
      {"10 to 15", Quantity{10, 15}},
      {"between 10 and 15", Quantity{10, 15}},
      {"3,000 - 3,600", Quantity{3000, 3600}},
      {"4-5", Quantity{4, 5}},
      {"2 million", Quantity{2e6, 2e6}},
      {"twice", Quantity{2, 2}},
      {"two", Quantity{2, 2}},
      {"a dozen", Quantity{12, 12}},
      {"twenty-five", Quantity{25, 25}},
      {"two hundred", Quantity{200, 200}},
      {"three thousand", Quantity{3000, 3000}},
      {"one to two", Quantity{1, 2}},
      {"once", Quantity{1, 1}},
      {"a couple of", Quantity{2, 2, true}},
      {"a couple", Quantity{2, 2, true}},
      {"a\ncouple  of", Quantity{2, 2, true}},
      {"a few", Quantity{2, 5, true}},
      {"several", Quantity{3, 7, true}},
      {"a handful of", Quantity{3, 5, true}},
      {"a handful", Quantity{3, 5, true}},
      {"few", std::nullopt},
      {"a couple of hundred", std::nullopt},
      {"15-10", std::nullopt},
      {"lots", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ParseQuantity(c.text), c.want) << c.text;
  }
}

TEST(MonthNumberTest, ReadsNamesAndAbbreviations) {
  const std::pair<std::string, std::optional<int>> cases[] = {
      {"jan", 1}, {"january", 1}, {"feb", 2}, {"sept", 9}, {"sep", 9}, {"september", 9},
      {"oct.", 10}, {"dec", 12}, {"june", 6}, {"ma", std::nullopt}, {"month", std::nullopt},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(MonthNumber(text), want) << text;
}

TEST(ParseYearTest, ReadsTwoAndFourDigits) {
  EXPECT_EQ(ParseYear("2024"), 2024);
  EXPECT_EQ(ParseYear("24"), 2024);
  EXPECT_EQ(ParseYear("224"), std::nullopt);
  EXPECT_EQ(ParseYear("2o24"), std::nullopt);
}

}  // namespace
}  // namespace foicode::facts
