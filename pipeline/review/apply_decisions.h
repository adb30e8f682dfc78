// Review decisions over machine-coded records: each decision finds its fact again (by key,
// else by its evidence quote), is applied once, and says whether it still fits: applied,
// stale (the machine's value or evidence changed since the person decided: it is still
// applied, and the item returns to the queue) or orphaned (its fact is gone: not applied,
// listed). No decision is ever dropped without its outcome saying so.
#ifndef FOICODE_PIPELINE_REVIEW_APPLY_DECISIONS_H_
#define FOICODE_PIPELINE_REVIEW_APPLY_DECISIONS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace foicode::review {

// A decision as stored (see DecisionJson in decision.h for its fields).
struct Decision {
  std::int64_t id = 0;
  nlohmann::json body;
};

enum class Attachment { kApplied, kStale, kOrphaned, kSuperseded };
std::string_view AttachmentName(Attachment a);  // "applied", "stale", "orphaned", "superseded"

struct DecisionOutcome {
  std::int64_t id = 0;
  Attachment state = Attachment::kApplied;
  std::string record;   // the record key it attached to (or was made on, when orphaned)
  std::string message;  // for stale and orphaned: why, for a person
};

struct AppliedDataset {
  std::vector<nlohmann::json> records;  // the machine records with decisions applied
  std::vector<DecisionOutcome> outcomes;  // one per decision, in id order
};

// The text just before and after a piece of evidence, to tell whether a quote still stands
// where it stood. May be empty (no comparison of context then).
using ContextFn = std::function<std::optional<std::pair<std::string, std::string>>(const nlohmann::json& evidence)>;

// Every record, system and usage figure in the result carries "review": {"state": "machine" |
// "accepted" | "corrected" | "rejected" | "added", ...}; corrected values keep the machine's
// beside them in review.machine. Rejected systems move to the record's "rejected_systems",
// rejected figures to their system's "rejected_usage": scripts that count systems never count
// them. `decisions` must be in id order.
// The records are taken by value: a caller done with them moves them in, and no copy is made.
AppliedDataset ApplyDecisions(std::vector<nlohmann::json> machine_records,
                              const std::vector<Decision>& decisions, const ContextFn& context);

}  // namespace foicode::review

#endif  // FOICODE_PIPELINE_REVIEW_APPLY_DECISIONS_H_
