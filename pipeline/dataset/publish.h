// Writes the dataset files from the state file: the machine's records with every review
// decision applied. Used after a run and after each decision on the review page.
#ifndef FOICODE_PIPELINE_DATASET_PUBLISH_H_
#define FOICODE_PIPELINE_DATASET_PUBLISH_H_

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/atomic_file.h"
#include "core/status.h"
#include "dataset/source_texts.h"
#include "report/cohort.h"
#include "review/apply_decisions.h"
#include "review/review_queue.h"
#include "store/dataset_store.h"

namespace foicode::dataset {

struct Published {
  review::AppliedDataset applied;
  std::vector<review::Decision> decisions;
};

// Records as the state file stores them (JSON texts), parsed.
Status ParseRecords(const std::vector<std::string>& texts, std::vector<nlohmann::json>* records);

// Applies the stored decisions to the stored machine records. Nothing is written.
Status LoadApplied(store::DatasetStore* store, SourceTexts* texts, Published* published);

// LoadApplied, then stages responses.jsonl, responses.csv, systems.csv and report.html for
// `dir` in `files`; they replace the old ones together when the caller commits `files`.
Status Publish(store::DatasetStore* store, const std::filesystem::path& dir, SourceTexts* texts,
               Published* published, batch::StagedFiles* files);

// The cohort the state file keeps (empty when no run named one).
Status StoredCohort(store::DatasetStore* store, std::vector<report::CohortMember>* cohort);

// How the report names the dataset: its folder's name.
std::string DatasetName(const std::filesystem::path& dir);

// The report of the published records, with the cohort the state file keeps (if any),
// staged in `files`.
Status StageReport(store::DatasetStore* store, const std::filesystem::path& dir,
                   const std::vector<nlohmann::json>& records, batch::StagedFiles* files);

// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNow();

// The id the review page asks an input by: a hash of its path, so an open page still names the
// same file after a refresh adds others.
int SourceId(const std::string& display_path);

// Source ids and kinds for the review page, by sources[].path of `records`.
std::map<std::string, review::SourceRef> SourceRefs(const std::vector<nlohmann::json>& records);

}  // namespace foicode::dataset

#endif  // FOICODE_PIPELINE_DATASET_PUBLISH_H_
