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

// The label to decode HTML `html` with; every reader of HTML asks here, so one document reads
// the same wherever it is found. The WHATWG order: a BOM (DecodeToUtf8 honours it itself),
// then `declared`, what the container says about these bytes (an e-mail part's charset
// parameter), then the document's own meta tag (a UTF-16 label there means UTF-8: the tag
// was readable as ASCII), then `fallback`, a weaker hint such as the codepage a winmail.dat
// gives for its 8-bit strings. Empty when there is none: the decoder then detects one.
std::string HtmlCharsetLabel(std::string_view html, std::string_view declared,
                             std::string_view fallback = "");

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_HTML_CHARSET_H_
