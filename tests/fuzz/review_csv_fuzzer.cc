// Fuzzes the review verdicts imported from a spreadsheet: ParseReviewCsv on arbitrary bytes,
// then each row's request checked against the golden dataset's queue, as --import does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "review/review_csv.h"
#include "review_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const foicode::fuzz::ReviewFixture& fixture = foicode::fuzz::Review();
  std::vector<foicode::review::ImportRow> rows;
  if (!foicode::review::ParseReviewCsv(std::string(reinterpret_cast<const char*>(data), size),
                                       &rows)
           .ok()) {
    return 0;
  }
  for (const foicode::review::ImportRow& row : rows) {
    if (!row.error.empty()) continue;
    std::vector<nlohmann::json> decisions;
    (void)foicode::review::MakeDecisions(row.request, fixture.request_context, &decisions);
  }
  return 0;
}
