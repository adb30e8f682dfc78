// Finds the earlier messages a reply quotes ("> " lines, "-----Original Message-----", "On ... wrote:").
#ifndef FOICODE_PIPELINE_EXTRACT_QUOTED_TEXT_H_
#define FOICODE_PIPELINE_EXTRACT_QUOTED_TEXT_H_

#include <string_view>
#include <vector>

#include "core/extracted_source.h"

namespace foicode::extract {

// Returns the quoted spans of `text` (UTF-8) in code points, sorted and disjoint. The text is
// kept whole: coding uses the spans to tell the answer from the request it echoes.
std::vector<Span> FindQuotedSpans(std::string_view text);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_QUOTED_TEXT_H_
