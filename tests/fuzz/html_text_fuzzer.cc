// Fuzzes the HTML-to-text converter. HtmlToText takes UTF-8 (its callers decode first), so
// other bytes are repaired as the callers would leave them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "extract/html_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string html =
      foicode::ToValidUtf8(std::string_view(reinterpret_cast<const char*>(data), size));
  foicode::extract::HtmlToText(html);
  return 0;
}
