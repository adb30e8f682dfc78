// Fuzzes the readers of figures, months, years and dates that the rules' captures go through.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "facts/numbers.h"
#include "facts/period.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace foicode::facts;  // NOLINT(google-build-using-namespace): a fuzz target
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ParseAmount(text);
  ParseQuantity(text);
  MonthNumber(text);
  if (const std::optional<int> year = ParseYear(text)) FinancialYear(*year);
  if (const std::optional<Month> month = MonthOfIsoDate(text)) {
    FormatMonth(*month);
    PreviousFinancialYear(month);
    for (int months : {0, 1, 12, 36}) PreviousMonths(month, months);
  }
  return 0;
}
