// What a run changed in the dataset, as lines of DIR/changes.jsonl and a short summary.
#ifndef FOICODE_PIPELINE_DATASET_DATASET_CHANGES_H_
#define FOICODE_PIPELINE_DATASET_DATASET_CHANGES_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "review/apply_decisions.h"
#include "store/dataset_store.h"

namespace foicode::dataset {

// One object per change, each with "change" and "respondent" (the record key):
//   input_added / input_changed / input_removed {"path"}
//   respondent_added / respondent_removed
//   status_changed {"from", "to"}
//   system_added / system_removed {"vendor", "product"}
//   deployment_changed {"vendor", "product", "from", "to"}
//   usage_changed {"vendor", "product", "from": [...], "to": [...]}
//   decision_stale / decision_orphaned {"decision", "message"}
// `before` and `after` are the published records (decisions applied) of the last run and this.
std::vector<nlohmann::json> DatasetChanges(const std::vector<store::InputRow>& inputs_before,
                                           const std::vector<store::InputRow>& inputs_after,
                                           const std::vector<nlohmann::json>& before,
                                           const std::vector<nlohmann::json>& after,
                                           const std::vector<review::DecisionOutcome>& outcomes);

// The parts of a record that DatasetChanges compares, for a run that must hold every record of
// two runs at once: the record's key, status and sources' paths (and errors), and each system's key,
// deployment and figures without their evidence. A view's view is the view itself, so views
// may be stored and compared in place of records.
nlohmann::json ChangeView(const nlohmann::json& record);

// The ChangeView of a record's (or a view's) text, parsing only the members a view keeps: a
// record in full would take several times its text. Discarded when `text` is not JSON.
nlohmann::json ParseChangeView(std::string_view text);

// "2 new respondents, 1 status changed, 3 systems added, ..." or "no changes".
std::string ChangesSummary(const std::vector<nlohmann::json>& changes);

}  // namespace foicode::dataset

#endif  // FOICODE_PIPELINE_DATASET_DATASET_CHANGES_H_
