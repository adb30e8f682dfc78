#include "extract/html_text.h"

namespace foicode::extract {

std::string HtmlToText(std::string_view html) { return std::string(html); }

}  // namespace foicode::extract
