// An input's analysis (names, facts but for other_numbers, what is not an answer, the reply's
// date) as text, so that
// a run keeps it beside the input's cached text and neither the second coding pass nor a later
// refresh with the same dictionaries and rules runs the normalise and facts stages again.
#ifndef FOICODE_PIPELINE_ASSEMBLE_ANALYSIS_JSON_H_
#define FOICODE_PIPELINE_ASSEMBLE_ANALYSIS_JSON_H_

#include <string>
#include <string_view>

#include "assemble/page_analysis.h"
#include "core/extracted_source.h"

namespace foicode::assemble {

// Compact JSON of `analysed`, whose source is `source`. Only a complete analysis (no error)
// is worth keeping.
std::string AnalysisToJson(const AnalysedSource& analysed);

// Rebuilds the analysis of `source` (the same input, extracted by the same build) as
// AnalyseSource would give it with the same dictionaries and rules; the pages point into
// `source` and the analysis takes `index`. False, with *out unchanged, when `json` is damaged
// or does not fit `source` (another page count, an offset past a page's end).
bool AnalysisFromJson(std::string_view json, const ExtractedSource& source, int index, AnalysedSource* out);

}  // namespace foicode::assemble

#endif  // FOICODE_PIPELINE_ASSEMBLE_ANALYSIS_JSON_H_
