// What `foicode run` and `foicode merge` print at the end: a summary, and with --stats where
// the time and memory went, from the program's own counters (core/stage_times.h, the run's
// counters, getrusage).
#ifndef FOICODE_PIPELINE_CLI_RUN_STATS_H_
#define FOICODE_PIPELINE_CLI_RUN_STATS_H_

#include <filesystem>
#include <ostream>

#include "dataset/code_dataset.h"

namespace foicode::cli {

// Prints what a run or merge did: each input error on `err`, then the counts, the changes and
// where the dataset is on `out`.
void PrintRunSummary(std::ostream& out, std::ostream& err, const dataset::RunResult& result,
                     const std::filesystem::path& out_dir);

// Prints the table. `wall_seconds` is the whole run, loading the dictionaries included.
void PrintRunStats(std::ostream& out, const dataset::RunCounters& counters, double wall_seconds, int jobs);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_RUN_STATS_H_
