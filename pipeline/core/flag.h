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
// Assemble: who replied.
inline constexpr std::string_view kRespondentUncertain = "respondent_uncertain";  // the sender is weakly or doubly indicated
inline constexpr std::string_view kRespondentNotInDictionary = "respondent_not_in_dictionary";  // named as written, not canonical
// Assemble: status.
inline constexpr std::string_view kStatusUnclear = "status_unclear";            // the reply neither confirms nor denies clinical AI
inline constexpr std::string_view kStatusConflict = "status_conflict";          // the stated status contradicts the systems found
inline constexpr std::string_view kAcknowledgementOnly = "acknowledgement_only";  // only an acknowledgement or automatic reply
inline constexpr std::string_view kInformationNotHeld = "information_not_held";  // "not held" is not "does not use"
inline constexpr std::string_view kOtherToolAsAi = "other_tool_as_ai";          // a tool that is not clinical AI given as the answer
// Assemble: systems and figures.
inline constexpr std::string_view kFuzzyName = "fuzzy_name";                    // a near-miss of a dictionary name
inline constexpr std::string_view kUnknownName = "unknown_name";                // a product-like name in no dictionary
inline constexpr std::string_view kUnnamedSystem = "unnamed_system";            // described, vendor and product not named
inline constexpr std::string_view kNegatedMention = "negated_mention";          // named only under a negation
inline constexpr std::string_view kHypotheticalMention = "hypothetical_mention";  // named only as a possibility
inline constexpr std::string_view kDeploymentMixed = "deployment_mixed";        // described in different states
inline constexpr std::string_view kUsageInferred = "usage_inferred";            // a figure tied to the only system, not by its sentence
inline constexpr std::string_view kUsageUnattributed = "usage_unattributed";    // a figure that cannot be tied to one system
}  // namespace flag_codes

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_FLAG_H_
