// Sequences the stages over a batch of inputs: read each file once (bounded), extract it on
// --jobs threads, and return the results in path order so output never depends on timing.
#ifndef FOICODE_PIPELINE_BATCH_RUN_BATCH_H_
#define FOICODE_PIPELINE_BATCH_RUN_BATCH_H_

#include <optional>
#include <string>
#include <vector>

#include "batch/input_walk.h"
#include "batch/progress.h"
#include "core/extracted_source.h"
#include "extract/isolated_extractor.h"
#include "extract/limits.h"

namespace foicode::batch {

struct BatchOptions {
  int jobs = 1;                   // worker threads, at least 1
  extract::Limits limits;
  // The program each thread reads inputs in (extract/isolated_extractor.h); empty reads
  // them in this process.
  std::string worker_program;
};

// Reads and extracts every input. Never stops for a bad input: a missing, unreadable, empty,
// oversized or corrupt file comes back as a source with `error` set. One result per input,
// in the order of `inputs`. `progress` may be null.
std::vector<ExtractedSource> ExtractInputs(const std::vector<InputFile>& inputs,
                                           const BatchOptions& options, Progress* progress);

// Reads one input file's bytes within `limits`; on failure returns the message for a person
// (what was read, if anything, stays in *bytes).
std::optional<std::string> ReadInputFile(const InputFile& input, const extract::Limits& limits,
                                         std::string* bytes);

// Reads one input file from disk within `limits` and extracts it with `extractor`.
ExtractedSource ExtractInputFile(const InputFile& input, const extract::Limits& limits,
                                 extract::IsolatedExtractor& extractor);

// As above, in this process.
ExtractedSource ExtractInputFile(const InputFile& input, const extract::Limits& limits);

}  // namespace foicode::batch

#endif  // FOICODE_PIPELINE_BATCH_RUN_BATCH_H_
