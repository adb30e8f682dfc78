// Month arithmetic for periods.
#include "facts/period.h"

#include <cstdio>

namespace foicode::facts {

std::string FormatMonth(Month m) {
  char buffer[32];  // room for any int, so the compiler can prove no truncation
  std::snprintf(buffer, sizeof buffer, "%04d-%02d", m.year, m.month);
  return buffer;
}

Month AddMonths(Month m, int delta) {
  const int index = m.year * 12 + (m.month - 1) + delta;
  return Month{index / 12, index % 12 + 1};
}

std::optional<Month> MonthOfIsoDate(std::string_view iso) {
  if (iso.size() < 7 || iso[4] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6}) {
    if (iso[static_cast<std::size_t>(i)] < '0' || iso[static_cast<std::size_t>(i)] > '9') return std::nullopt;
  }
  const int year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  const int month = (iso[5] - '0') * 10 + (iso[6] - '0');
  if (month < 1 || month > 12) return std::nullopt;
  return Month{year, month};
}

MonthRange PreviousMonths(std::optional<Month> reply, int months) {
  if (!reply || months <= 0) return {};
  // The reply's own month is partial, so the window is the full months before it.
  const Month end = AddMonths(*reply, -1);
  return {AddMonths(end, -(months - 1)), end};
}

MonthRange FinancialYear(int first_year) {
  // UK public bodies report by financial year: 1 April to 31 March.
  return {Month{first_year, 4}, Month{first_year + 1, 3}};
}

MonthRange PreviousFinancialYear(std::optional<Month> reply) {
  if (!reply) return {};
  const int current_first_year = reply->month >= 4 ? reply->year : reply->year - 1;
  return FinancialYear(current_first_year - 1);
}

}  // namespace foicode::facts
