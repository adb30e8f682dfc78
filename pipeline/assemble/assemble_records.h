// The assemble stage's front door: from the extracted inputs of a batch to one coded record
// per respondent (the contract's responses.jsonl lines).
#ifndef FOICODE_PIPELINE_ASSEMBLE_ASSEMBLE_RECORDS_H_
#define FOICODE_PIPELINE_ASSEMBLE_ASSEMBLE_RECORDS_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/coded_record.h"
#include "core/status.h"
#include "core/extracted_source.h"
#include "facts/rule_set.h"
#include "normalise/dictionary.h"

namespace foicode::assemble {

// Tells each input's respondent, puts the inputs of one respondent into one record, and codes
// each record: status, exemptions, reply date, systems with deployment and usage, other
// tools and flags. Every input is in exactly one record's `sources`; an input whose sender
// cannot be told gets a record of its own with no respondent, flagged respondent_unknown.
// Records are sorted by respondent name (unnamed last, by path): the output never depends on
// the order of `sources` or on timing. Runs the analysis on `jobs` threads.
std::vector<CodedRecord> AssembleRecords(const std::vector<ExtractedSource>& sources,
                                         const normalise::Dictionary& dictionary,
                                         const facts::RuleSet& rules, int jobs);

// Fills *out with input `index` of the batch; called from several threads at once.
using LoadSourceFn = std::function<Status(std::size_t index, ExtractedSource* out)>;

// Receives the record at `position` in the order AssembleRecords returns them, with the
// inputs its `sources` point into (those of that record only) and their indexes in the batch.
// Called from several threads at once, each position once.
using TakeRecordFn = std::function<void(std::size_t position, const CodedRecord& record,
                                        const std::vector<ExtractedSource>& sources,
                                        const std::vector<std::size_t>& batch_indexes)>;

// What an earlier run with the same dictionaries and rules worked out, so that a refresh codes
// only what changed, and what this run's first pass worked out, for its second. Any function
// may be empty.
struct EarlierCoding {
  // Input i's respondent as told before (nullopt: none could be told), and its path; false
  // when input i is new or changed. A known input is not loaded for the first pass.
  std::function<bool(std::size_t i, std::optional<std::string>* respondent, std::string* path)> respondent;
  // True when the caller holds the record of exactly these inputs from before: the group is
  // then neither coded nor passed to `take`.
  std::function<bool(std::size_t position, const std::vector<std::size_t>& batch_indexes)> reuse_record;
  // Input i's analysis as `keep_analysis` was given it (assemble/analysis_json.h); false when
  // none is kept. Called from several threads at once, as is `keep_analysis`.
  std::function<bool(std::size_t i, std::string* analysis)> analysis;
  std::function<void(std::size_t i, std::string analysis)> keep_analysis;
};

// The default: an input's analysis takes about ten times its text, so about 80 MB at most.
inline constexpr std::size_t kKeptTextBytes = 8u << 20;

// As AssembleRecords, for a batch too large to hold: each thread holds one input's text while
// the respondents are told, then one respondent's inputs while its record is coded, so memory
// follows the work in flight, not the batch. The first pass keeps inputs and their analyses for
// the second up to `kept_text_bytes` of text; past that, inputs are loaded and analysed
// again. Returns the first error `load` gives; *record_count is the number of records.
Status AssembleRecordsStreaming(std::size_t count, const LoadSourceFn& load, const normalise::Dictionary& dictionary,
                                const facts::RuleSet& rules, int jobs, const TakeRecordFn& take,
                                std::size_t* record_count, const EarlierCoding& earlier = {},
                                std::size_t kept_text_bytes = kKeptTextBytes);

}  // namespace foicode::assemble

#endif  // FOICODE_PIPELINE_ASSEMBLE_ASSEMBLE_RECORDS_H_
