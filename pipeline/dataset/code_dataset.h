// `foicode run` on a dataset folder: code the inputs into DIR, or refresh DIR when it holds a
// dataset already. Unchanged inputs are not read again (the extracted text is cached, keyed
// by content); a change to dictionaries/ or rules/ re-codes from the cached text; review
// decisions are applied over the machine's records; the changes are reported.
#ifndef FOICODE_PIPELINE_DATASET_CODE_DATASET_H_
#define FOICODE_PIPELINE_DATASET_CODE_DATASET_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/input_walk.h"
#include "batch/progress.h"
#include "core/status.h"
#include "extract/limits.h"
#include "facts/rule_set.h"
#include "normalise/dictionary.h"

namespace foicode::dataset {

struct RunOptions {
  std::filesystem::path out_dir;
  int jobs = 1;
  extract::Limits limits;
  // The program inputs are read in (extract/isolated_extractor.h); empty reads them in this
  // process.
  std::string worker_program;
  // Changes whenever the coding could change: foicode's version, dictionaries/, rules/.
  std::string data_fingerprint;
  // Changes whenever extraction could change: foicode's version and the limits. Part of each
  // cache key.
  std::string extractor_version;
  // The organisations asked (--cohort), kept in the state file for later reports; nullopt
  // keeps the cohort of the last run that named one.
  std::optional<nlohmann::json> cohort;
};

// The program's own counters for a run, written to DIR/last-run.json.
struct RunCounters {
  int inputs = 0;
  int extracted = 0;         // read and extracted this run
  long long pages_extracted = 0;  // their pages
  int from_cache = 0;        // content seen before: text taken from the cache
  int unread = 0;            // size and time unchanged since the last run: not even hashed
  int input_errors = 0;      // inputs recorded with an error
  bool recoded = false;      // records were coded again (else the last run's were kept)
  int records_reused = 0;    // when recoded: records of unchanged inputs taken from the last run
  int records = 0;
  int decisions_applied = 0;
  int decisions_stale = 0;
  int decisions_orphaned = 0;
  int decisions_superseded = 0;  // replaced by a later decision on the same fact
  double seconds = 0;
  nlohmann::json ToJson() const;
};

struct RunResult {
  RunCounters counters;
  std::vector<nlohmann::json> changes;   // as written to DIR/changes.jsonl
  std::vector<std::string> input_errors; // "path: message"
  // The new dataset files replaced the old ones (a failure after this leaves them in place).
  bool dataset_written = false;
};

// Codes or refreshes the dataset in options.out_dir. Writes responses.jsonl, responses.csv,
// systems.csv, changes.jsonl and last-run.json atomically; the state file commits each step,
// so a killed run leaves the last good dataset and the next run completes it.
Status CodeDataset(const std::vector<batch::InputFile>& inputs, const normalise::Dictionary& dictionary,
                   const facts::RuleSet& rules, const RunOptions& options, batch::Progress* progress,
                   RunResult* result);

// `foicode merge`: one dataset in options.out_dir from datasets coded apart (shards of one
// corpus, each run on its own machine). The shards' inputs and extracted text are copied in,
// their review decisions carried over, and the whole is coded again with `dictionary` and
// `rules`, so a respondent whose replies fell in two shards gets one record, as a single run
// over the corpus would give. An input in two shards is an error. Run again with the same
// shards, it changes nothing.
Status MergeDatasets(const std::vector<std::filesystem::path>& shards, const normalise::Dictionary& dictionary,
                     const facts::RuleSet& rules, const RunOptions& options, RunResult* result);

}  // namespace foicode::dataset

#endif  // FOICODE_PIPELINE_DATASET_CODE_DATASET_H_
