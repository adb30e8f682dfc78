#include "extract/quoted_text.h"

namespace foicode::extract {

std::vector<Span> FindQuotedSpans(std::string_view) { return {}; }

}  // namespace foicode::extract
