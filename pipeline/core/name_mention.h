// What the normalise stage produces: one mention of a vendor, product, organisation, tool that
// is not clinical AI, or an unknown product-like name in one page's text, with its canonical
// entry from dictionaries/ and its place in the original text. Read by the assemble stage.
#ifndef FOICODE_PIPELINE_CORE_NAME_MENTION_H_
#define FOICODE_PIPELINE_CORE_NAME_MENTION_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foicode {

// Which dictionary the name came from.
enum class NameKind {
  kVendor,        // vendors.tsv: a company that makes clinical AI
  kProduct,       // products.tsv: a clinical AI product
  kOrganisation,  // organisations.tsv: a trust, ICB, network or other body
  kOtherTool,     // not_clinical_ai.tsv: dictation, scribe, office AI ...
  kUnknown,       // in no dictionary: a product-like name near AI words, for a reviewer
};

// How sure the match is.
enum class MatchKind {
  kExact,      // a dictionary name, equal once both sides are folded (case, dashes, spaces)
  kFuzzy,      // near a vendor or product name (spacing/punctuation or a small misspelling):
               // the assemble stage flags it fuzzy_name
  kCandidate,  // kUnknown only: looks like a product name; the assemble stage flags it
               // unknown_name
};

// organisations.tsv `type`. Only a trust is ever the respondent.
enum class OrgType { kTrust, kIcb, kNetwork, kOther };

struct NameMention {
  NameKind kind = NameKind::kUnknown;
  MatchKind match = MatchKind::kExact;
  // The canonical name from dictionaries/ (for kOtherTool: the product, or the vendor on a
  // company-level line); for kUnknown the name as written in the text.
  std::string canonical;
  // The canonical vendor: for kVendor the vendor itself, for kProduct its vendor, for kOtherTool
  // the vendor column; nullopt for organisations and unknown names.
  std::optional<std::string> vendor;
  // dictionaries' subspecialty (Radiology, Neurology, ...) for vendors and products.
  std::optional<std::string> subspecialty;
  std::vector<std::string> modality;  // products only: CT, MRI, X-ray, ...; may be empty
  // kOtherTool only: dictation, transcription, ambient_scribe, patient_video, office_copilot,
  // automation, chatbot, clinical_coding or other_admin, and whether it is borderline clinical.
  std::optional<std::string> category;
  bool borderline = false;
  std::optional<OrgType> org_type;  // kOrganisation only
  // The dictionary name that matched, as the dictionary writes it (the canonical name or one
  // alias); for a fuzzy match the name it is near; empty for kUnknown.
  std::string matched_alias;
  int start = 0;      // code points into the ORIGINAL page text
  int end = 0;        // one past the last code point
  std::string quote;  // the original page text at [start, end)
  bool operator==(const NameMention&) const = default;
};

// Lower-case names for logs, tests and writers: "vendor", "product", "organisation",
// "other_tool", "unknown".
constexpr std::string_view NameKindName(NameKind kind) {
  switch (kind) {
    case NameKind::kVendor: return "vendor";
    case NameKind::kProduct: return "product";
    case NameKind::kOrganisation: return "organisation";
    case NameKind::kOtherTool: return "other_tool";
    case NameKind::kUnknown: return "unknown";
  }
  return "unknown";
}

// "exact", "fuzzy", "candidate".
constexpr std::string_view MatchKindName(MatchKind match) {
  switch (match) {
    case MatchKind::kExact: return "exact";
    case MatchKind::kFuzzy: return "fuzzy";
    case MatchKind::kCandidate: return "candidate";
  }
  return "exact";
}

// The dictionary's spelling: "trust", "icb", "network", "other".
constexpr std::string_view OrgTypeName(OrgType type) {
  switch (type) {
    case OrgType::kTrust: return "trust";
    case OrgType::kIcb: return "icb";
    case OrgType::kNetwork: return "network";
    case OrgType::kOther: return "other";
  }
  return "other";
}

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_NAME_MENTION_H_
