// `foicode run --stats`: where the run's time and memory went, from the program's own
// counters (core/stage_times.h, the run's counters, getrusage).
#ifndef FOICODE_PIPELINE_CLI_RUN_STATS_H_
#define FOICODE_PIPELINE_CLI_RUN_STATS_H_

#include <ostream>

#include "dataset/code_dataset.h"

namespace foicode::cli {

// Prints the table. `wall_seconds` is the whole run, loading the dictionaries included.
void PrintRunStats(std::ostream& out, const dataset::RunCounters& counters, double wall_seconds, int jobs);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_RUN_STATS_H_
