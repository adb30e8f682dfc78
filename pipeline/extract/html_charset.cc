// A simplified WHATWG "prescan a byte stream" for the charset an HTML file declares.
#include "extract/html_charset.h"

#include <cstddef>
#include <string>
#include <string_view>

#include "core/ascii.h"

namespace foicode::extract {

std::string SniffHtmlCharset(std::string_view html) {
  // Mail clients put the meta well inside 1024 bytes; the standard stops looking there too.
  const std::string head = AsciiLower(html.substr(0, 1024));
  std::size_t at = 0;
  while ((at = head.find("<meta", at)) != std::string::npos) {
    const std::size_t close = head.find('>', at);
    const std::string tag = head.substr(at, close == std::string::npos ? std::string::npos
                                                                       : close - at);
    at += 5;
    const std::size_t key = tag.find("charset");
    if (key == std::string::npos) continue;
    std::size_t i = key + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    std::string label;
    while (i < tag.size() && label.size() < 40) {
      const char c = tag[i++];
      if (c == '"' || c == '\'' || c == ';' || c == ' ' || c == '/' || c == '>' || c == '\t' ||
          c == '\n' || c == '\r') {
        break;
      }
      label.push_back(c);
    }
    if (!label.empty()) return label;
  }
  return {};
}

std::string HtmlCharsetLabel(std::string_view html, std::string_view declared,
                             std::string_view fallback) {
  if (!declared.empty()) return std::string(declared);
  std::string label = SniffHtmlCharset(html);
  if (label.rfind("utf-16", 0) == 0) return "utf-8";
  if (!label.empty()) return label;
  return std::string(fallback);
}

}  // namespace foicode::extract
