#include "cli/extract_dump.h"

namespace foicode::cli {

std::string ExtractDump(const ExtractedSource& source) {
  std::string out = "=== " + source.path + " (" + std::string(KindName(source.kind)) + ", sha256 " +
                    source.sha256.substr(0, 12) + ")\n";
  if (source.error) out += "error: " + *source.error + "\n";
  for (const Part& part : source.parts) {
    out += "\n--- part: " + (part.name ? *part.name : std::string("(the file itself)")) + " [" +
           std::string(KindName(part.kind)) + "]\n";
    if (part.error) out += "error: " + *part.error + "\n";
    for (const Flag& flag : part.flags) out += "flag " + flag.code + ": " + flag.message + "\n";
    for (const Page& page : part.pages) {
      std::string marker = "--- page";
      if (page.number) marker += " " + std::to_string(*page.number);
      if (!page.label.empty()) marker += " \"" + page.label + "\"";
      if (page.ocr) marker += " (OCR)";
      if (!page.quoted.empty()) marker += " (" + std::to_string(page.quoted.size()) + " quoted spans)";
      out += marker + "\n" + page.text;
      if (!page.text.empty() && page.text.back() != '\n') out += "\n";
    }
  }
  return out;
}

}  // namespace foicode::cli
