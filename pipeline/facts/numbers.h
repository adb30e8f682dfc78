// Reads the numbers, months and years that rules capture from folded text: "1,745",
// "64 356", "25-30k", "between 10 and 15", "a dozen", "twice", "Sept", "23" (a year).
#ifndef FOICODE_PIPELINE_FACTS_NUMBERS_H_
#define FOICODE_PIPELINE_FACTS_NUMBERS_H_

#include <optional>
#include <string_view>

namespace foicode::facts {

// A number or a range, inclusive at both ends.
struct Quantity {
  double low = 0;
  double high = 0;
  bool approximate = false;  // a vague word ("several", "a few", "a couple of")
  bool operator==(const Quantity&) const = default;
};

// Parses one amount of folded text: digits with "," or " " thousands separators and an
// optional decimal part ("1,745", "64 356", "1.5"), a multiplier ("30k", "2m", "3 thousand",
// "1.2 million", "5bn"), or number words ("two", "twenty-five", "a dozen", "three hundred",
// "once", "twice"). nullopt for anything else.
std::optional<double> ParseAmount(std::string_view text);

// Parses an amount or a range of two ("10-15", "10 - 15", "10 to 15", "between 10 and 15",
// "3,000 - 3,600", "25-30k": a multiplier on the second bound alone applies to both, so that
// is 25000-30000). A range whose low exceeds its high is rejected. Vague number words are
// approximate ranges, as rules/usage.rules documents: "a couple (of)" 2, "a few" 2-5,
// "several" 3-7, "a handful (of)" 3-5. nullopt when unreadable.
std::optional<Quantity> ParseQuantity(std::string_view text);

// 1-12 for a month name or its abbreviation in folded text ("jan", "sept", "september");
// nullopt otherwise.
std::optional<int> MonthNumber(std::string_view text);

// A year from "2024" or "24" (two digits are 20YY); nullopt otherwise.
std::optional<int> ParseYear(std::string_view text);

}  // namespace foicode::facts

#endif  // FOICODE_PIPELINE_FACTS_NUMBERS_H_
