// What extraction produces: one input file as text parts and pages, with provenance.
// Offsets into Page::text (quoted spans here, evidence in later stages) count Unicode code points.
#ifndef FOICODE_PIPELINE_CORE_EXTRACTED_SOURCE_H_
#define FOICODE_PIPELINE_CORE_EXTRACTED_SOURCE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/flag.h"

namespace foicode {

// The form of an input or of a part inside it.
enum class Kind { kUnknown, kPdf, kEml, kMsg, kTnef, kZip, kDocx, kXlsx, kCsv, kTxt, kHtml, kImage };

// The contract's spelling: "pdf", "eml", ... ("unknown" for kUnknown).
std::string_view KindName(Kind kind);
// Inverse of KindName; kUnknown for any other string.
Kind KindFromName(std::string_view name);

// A [start, end) range of code points in a page's text.
struct Span {
  int start = 0;
  int end = 0;
  bool operator==(const Span&) const = default;
};

struct Page {
  std::optional<int> number;  // 1-based; nullopt when the format has no pages (an e-mail body)
  std::string label;          // the sheet name for spreadsheets; empty otherwise
  std::string text;           // UTF-8, one line per table row
  bool ocr = false;           // text was read by OCR from the page image
  std::vector<Span> quoted;   // earlier messages quoted in a reply thread, sorted
  bool operator==(const Page&) const = default;
};

// The envelope of an e-mail (.eml, .msg, a forwarded message).
struct EmailHeaders {
  std::string from_name;     // display name, decoded; may be empty
  std::string from_address;  // addr-spec, lower-cased domain; may be empty
  std::string to;            // decoded, as written
  std::string date;          // ISO 8601 (2024-10-07T09:15:00+01:00), or the raw header when unparseable
  std::string subject;       // decoded
  bool operator==(const EmailHeaders&) const = default;
};

struct Part {
  // nullopt for the input itself (a PDF letter, an e-mail's own body); else the attachment's
  // file name, nested names joined with "/" ("fwd.eml/letter.pdf"). Never a path on disk.
  std::optional<std::string> name;
  Kind kind = Kind::kUnknown;
  std::vector<Page> pages;
  std::optional<EmailHeaders> headers;  // for e-mail parts
  std::optional<std::string> error;     // why this part could not be read (in whole or in part)
  std::vector<Flag> flags;              // what a person should check about this part's text
  bool operator==(const Part&) const = default;
};

struct ExtractedSource {
  std::string path;    // as given on the command line joined with the path below it
  std::string sha256;  // of the file's bytes, lower-case hex
  Kind kind = Kind::kUnknown;
  std::vector<Part> parts;
  // Set when the input, or a part of it, could not be read: a clear message for a person.
  std::optional<std::string> error;
  bool operator==(const ExtractedSource&) const = default;
};

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_EXTRACTED_SOURCE_H_
