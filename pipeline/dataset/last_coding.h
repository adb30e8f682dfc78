// What the last run coded, as a refresh with the same dictionaries and rules reuses it: each
// unchanged input's respondent, and each record whose inputs are all unchanged, with the view
// of it that the changes compare (DatasetChanges).
#ifndef FOICODE_PIPELINE_DATASET_LAST_CODING_H_
#define FOICODE_PIPELINE_DATASET_LAST_CODING_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "store/dataset_store.h"

namespace foicode::dataset {

// One input of a record, as a record's signature lists them.
std::string Signature(const std::string& path, const std::string& cache_key);

struct LastRecord {
  std::string line;     // the machine record, as stored
  nlohmann::json view;  // its ChangeView
};

struct LastCoding {
  std::map<std::string, std::optional<std::string>> respondents;  // path -> name (nullopt: none)
  std::map<std::string, LastRecord> records;                      // signature of its inputs -> record
};

// Reads the last run's machine records. `views`, when it holds one view per record in the same
// order (the baseline of a run that completed), is read instead of the records themselves.
// Records with an input that was not read, or read with an error, are left out: reading it
// again may give another answer.
LastCoding ReadLastCoding(const std::vector<std::string>& machine, const std::vector<nlohmann::json>* views,
                          const std::map<std::string, store::InputRow>& previous);

// ParseChangeView of each record (or view) in `texts`; an error when one is damaged.
Status ParseChangeViews(const std::vector<std::string>& texts, std::vector<nlohmann::json>* views);

// A view as a run keeps it: its text read back, so that it compares equal with one parsed
// from the stored text (a name that is not UTF-8 is stored replaced).
nlohmann::json StoredView(const nlohmann::json& view);

}  // namespace foicode::dataset

#endif  // FOICODE_PIPELINE_DATASET_LAST_CODING_H_
