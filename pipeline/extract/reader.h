// The shape every format reader shares: bytes of one form in, pages and attachments out.
// Readers never throw and never touch the disk; extract_source.cc dispatches to them and
// recurses into the attachments they return.
#ifndef FOICODE_PIPELINE_EXTRACT_READER_H_
#define FOICODE_PIPELINE_EXTRACT_READER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/extracted_source.h"
#include "core/flag.h"
#include "extract/limits.h"

namespace foicode::extract {

// A file found inside a container. `name` is what the container calls it (decoded, may be
// empty or hostile): it is a label only, never a path on disk.
struct Attachment {
  std::string name;
  std::string bytes;
  std::string mime_type;  // as declared by the container, lower case; may be empty
  std::string charset;    // the charset the container declares for text content; may be empty
};

struct ReadResult {
  std::vector<Page> pages;                // the text of this part; may be empty for containers
  std::vector<Flag> flags;                // doubts about the text
  std::optional<std::string> error;       // why (some of) it could not be read
  std::optional<EmailHeaders> headers;    // for e-mail
  std::vector<Attachment> attachments;    // read next, as parts of the same input
};

// Per-input state shared by the readers of one input, so limits hold across nesting.
struct ReadContext {
  explicit ReadContext(const Limits& l) : limits(l) {}
  const Limits& limits;
  std::uint64_t unpacked_bytes = 0;  // total unpacked so far from zips, OOXML, TNEF
  int ocr_seconds_used = 0;          // OCR time spent on this input, whole seconds
  // Told where reading has got to, so a worker that crashes or hangs can be reported with the
  // place ("page 14 of 'scan.pdf'"). May be empty.
  std::function<void(const std::string&)> progress;
  std::string part_name;  // the part being read; empty for the input's own body

  // Readers call this as they start each page.
  void StartingPage(int page, bool ocr) const {
    if (!progress) return;
    progress("page " + std::to_string(page) + (ocr ? " (OCR)" : "") +
             (part_name.empty() ? "" : " of '" + part_name + "'"));
  }
};

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_READER_H_
