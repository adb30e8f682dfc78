// The review queue: every flagged fact of the dataset as an item a person can decide on,
// plus decisions that went stale or lost their fact. Shown by the review page and written by
// `foicode review --export`.
#ifndef FOICODE_PIPELINE_REVIEW_REVIEW_QUEUE_H_
#define FOICODE_PIPELINE_REVIEW_REVIEW_QUEUE_H_

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "review/apply_decisions.h"

namespace foicode::review {

struct SourceRef {
  int id = 0;        // what the review page asks the source by
  std::string kind;  // "pdf", "eml", ...
};

// The queue in the shape ReviewService::Queue() documents. Item ids are stable while the
// fact and flag are the same. `sources` maps sources[].path to its id.
nlohmann::json BuildQueue(const AppliedDataset& applied, const std::vector<Decision>& decisions,
                          const std::map<std::string, SourceRef>& sources);

// The item with this id in a queue built by BuildQueue, or null.
const nlohmann::json* FindItem(const nlohmann::json& queue, const std::string& id);

}  // namespace foicode::review

#endif  // FOICODE_PIPELINE_REVIEW_REVIEW_QUEUE_H_
