// Finds the charset an HTML document declares for itself (<meta charset>, http-equiv).
#ifndef FOICODE_PIPELINE_EXTRACT_HTML_CHARSET_H_
#define FOICODE_PIPELINE_EXTRACT_HTML_CHARSET_H_

#include <string>
#include <string_view>

namespace foicode::extract {

// The charset label declared by a <meta charset=...> or <meta http-equiv="Content-Type"
// content="...; charset=..."> in the first 1024 bytes (the WHATWG prescan window), lower
// case; empty when there is none.
std::string SniffHtmlCharset(std::string_view html);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_HTML_CHARSET_H_
