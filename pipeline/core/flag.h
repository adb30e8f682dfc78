// Flags: why a person should look at something, as a stable code and a sentence.
// The codes are read by scripts outside foicode: never rename one.
#ifndef FOICODE_PIPELINE_CORE_FLAG_H_
#define FOICODE_PIPELINE_CORE_FLAG_H_

#include <string>
#include <string_view>

namespace foicode {

struct Flag {
  std::string code;     // one of the codes below
  std::string message;  // one sentence for a person
  bool operator==(const Flag&) const = default;
};

namespace flag_codes {
// Extraction.
inline constexpr std::string_view kTextFromOcr = "text_from_ocr";          // page text was read by OCR
inline constexpr std::string_view kCharsetGuessed = "charset_guessed";     // no usable charset label: detected
inline constexpr std::string_view kCharsetRepaired = "charset_repaired";   // invalid bytes replaced with U+FFFD
inline constexpr std::string_view kPartUnreadable = "part_unreadable";     // an attachment or page could not be read
inline constexpr std::string_view kPdfRepaired = "pdf_repaired";           // Poppler reported damage it worked around
inline constexpr std::string_view kLimitReached = "limit_reached";         // a size, page, part or depth limit cut reading short
inline constexpr std::string_view kContainerEmpty = "container_empty";     // an archive or winmail.dat held nothing readable
inline constexpr std::string_view kEntryEncrypted = "entry_encrypted";     // an archive entry is password-protected: not read
inline constexpr std::string_view kTypeMismatch = "type_mismatch";         // the name's extension disagrees with the content
inline constexpr std::string_view kMimeMalformed = "mime_malformed";       // an e-mail's MIME structure is broken: read as far as it goes
inline constexpr std::string_view kImageNotRead = "image_not_read";        // an image too small to be a page (a logo) was not OCR'd
// Batch.
inline constexpr std::string_view kRespondentUnknown = "respondent_unknown";  // no sender could be told
inline constexpr std::string_view kSourceError = "source_error";              // an input, or part of it, could not be read
}  // namespace flag_codes

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_FLAG_H_
