// Calendar months for periods: "YYYY-MM" arithmetic, UK financial years, relative windows
// resolved against the reply's date.
#ifndef FOICODE_PIPELINE_FACTS_PERIOD_H_
#define FOICODE_PIPELINE_FACTS_PERIOD_H_

#include <optional>
#include <string>
#include <string_view>

namespace foicode::facts {

// A calendar month; months are counted from year 0 so that subtraction works.
struct Month {
  int year = 0;
  int month = 1;  // 1-12
  bool operator==(const Month&) const = default;
};

// "YYYY-MM".
std::string FormatMonth(Month m);
// `m` moved by `delta` months (negative goes back).
Month AddMonths(Month m, int delta);
// The month of an ISO date "YYYY-MM-DD..." (or "YYYY-MM"); nullopt when malformed.
std::optional<Month> MonthOfIsoDate(std::string_view iso);

// The resolved bounds of a period; either may be unknown.
struct MonthRange {
  std::optional<Month> start;
  std::optional<Month> end;
};

// The `months` full calendar months before the reply's month: a reply in 2024-10 and 12
// months give 2023-10..2024-09. Both bounds unknown without a reply month.
MonthRange PreviousMonths(std::optional<Month> reply, int months);
// The UK financial year starting in April of `first_year`: 2023 gives 2023-04..2024-03.
MonthRange FinancialYear(int first_year);
// The last complete UK financial year before the reply's month: a reply in 2024-10 gives
// 2023-04..2024-03; a reply in 2024-02 gives 2022-04..2023-03.
MonthRange PreviousFinancialYear(std::optional<Month> reply);

}  // namespace foicode::facts

#endif  // FOICODE_PIPELINE_FACTS_PERIOD_H_
