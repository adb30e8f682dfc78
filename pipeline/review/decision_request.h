// Turns what a reviewer asked for (a click on the review page, a row of an imported CSV)
// into decisions to store: checks the request against the item it names and fills in what
// the decision was made against (the machine's value, the evidence and the text around it).
#ifndef FOICODE_PIPELINE_REVIEW_DECISION_REQUEST_H_
#define FOICODE_PIPELINE_REVIEW_DECISION_REQUEST_H_

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "review/apply_decisions.h"

namespace foicode::review {

struct RequestContext {
  const nlohmann::json* queue = nullptr;                 // BuildQueue's output
  const std::vector<nlohmann::json>* records = nullptr;  // the records with decisions applied
  std::string reviewer;
  std::string now;                                       // ISO 8601 UTC
  ContextFn context;                                     // may be empty
  std::function<bool(const std::string&)> is_known_organisation;  // may be empty
};

// request: {"item": id, "action": "accept"|"correct"|"reject", "value": {...}, "usage": index,
// "reason": "…"} or {"record": key, "action": "add", "value": {vendor, product, subspecialty,
// deployment}, "reason": "…"}. A correction of a system that also sets figure fields (low,
// high, per, unit, approximate, period) makes a second decision on that figure: "usage" names
// it by its index in the system's usage, and may be left out when the system has one figure.
// On success *decisions holds one or two decision bodies to store, in order.
Status MakeDecisions(const nlohmann::json& request, const RequestContext& context,
                     std::vector<nlohmann::json>* decisions);

}  // namespace foicode::review

#endif  // FOICODE_PIPELINE_REVIEW_DECISION_REQUEST_H_
