// The organisations a request was sent to (`--cohort FILE`), matched to the dictionary's
// canonical names so that a reply and a cohort line name the same body however each spells it.
#ifndef FOICODE_PIPELINE_REPORT_COHORT_H_
#define FOICODE_PIPELINE_REPORT_COHORT_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "normalise/dictionary.h"

namespace foicode::report {

struct CohortMember {
  std::string name;     // the dictionary's canonical name, or the line as written
  std::string written;  // as the cohort file has it
  bool known = false;   // found in dictionaries/ (by canonical name or alias)
  bool operator==(const CohortMember&) const = default;
};

// Reads a cohort file: one name per line (blank lines and "#" comments skipped), or a CSV
// whose header has a "name" column. Each name is matched against the organisations of
// `dictionary` (may be null) by its letters and digits. A name listed twice is an error, as
// is a file with no names or over 100,000 lines.
Status ReadCohort(const std::string& text, const normalise::Dictionary* dictionary,
                  std::vector<CohortMember>* cohort);

nlohmann::json ToJson(const std::vector<CohortMember>& cohort);
std::vector<CohortMember> CohortFromJson(const nlohmann::json& json);

}  // namespace foicode::report

#endif  // FOICODE_PIPELINE_REPORT_COHORT_H_
