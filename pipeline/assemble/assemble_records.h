// The assemble stage's front door: from the extracted inputs of a batch to one coded record
// per respondent (the contract's responses.jsonl lines).
#ifndef FOICODE_PIPELINE_ASSEMBLE_ASSEMBLE_RECORDS_H_
#define FOICODE_PIPELINE_ASSEMBLE_ASSEMBLE_RECORDS_H_

#include <vector>

#include "core/coded_record.h"
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

}  // namespace foicode::assemble

#endif  // FOICODE_PIPELINE_ASSEMBLE_ASSEMBLE_RECORDS_H_
