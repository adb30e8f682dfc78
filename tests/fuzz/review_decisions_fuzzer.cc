// Fuzzes review decisions as JSON: a request (an object) or several (an array), as the review
// page posts them, each checked by MakeDecisions against the golden dataset's queue; then the
// decisions it made, and the input's objects themselves taken as stored decision bodies (a
// state file edited by hand), applied over the machine's records, queued and exported.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "review/review_csv.h"
#include "review_fixture.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace review = foicode::review;
  const foicode::fuzz::ReviewFixture& fixture = foicode::fuzz::Review();
  const nlohmann::json input = nlohmann::json::parse(
      std::string_view(reinterpret_cast<const char*>(data), size), nullptr, false);
  if (input.is_discarded()) return 0;
  std::vector<nlohmann::json> requests;
  if (input.is_array()) {
    for (const nlohmann::json& element : input) requests.push_back(element);
  } else {
    requests.push_back(input);
  }
  if (requests.size() > 64) return 0;  // a real page posts a few at a time
  std::vector<review::Decision> decisions;
  for (const nlohmann::json& request : requests) {
    std::vector<nlohmann::json> made;
    if (foicode::Status s = review::MakeDecisions(request, fixture.request_context, &made); s.ok()) {
      for (nlohmann::json& body : made) {
        decisions.push_back(review::Decision{static_cast<std::int64_t>(decisions.size()) + 1,
                                             std::move(body)});
      }
    }
    if (request.is_object()) {
      decisions.push_back(
          review::Decision{static_cast<std::int64_t>(decisions.size()) + 1, request});
    }
  }
  const review::AppliedDataset applied =
      review::ApplyDecisions(fixture.machine, decisions, review::ContextFn());
  review::ExportReviewCsv(review::BuildQueue(applied, decisions, fixture.sources));
  return 0;
}
