// What the facts stage finds on one page: usage figures, periods, dates, money, FOI
// exemptions and typed cue spans. Offsets count code points into the ORIGINAL page text and
// every record carries `quote`, the original text at [start, end). Consumed by assemble.
#ifndef FOICODE_PIPELINE_CORE_FACTS_H_
#define FOICODE_PIPELINE_CORE_FACTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foicode {

// The unit of a rate: "100 per day" has per kDay.
enum class RatePer { kHour, kDay, kWeek, kMonth, kYear };
// "hour", "day", "week", "month", "year" ("hour" only occurs on money).
inline std::string_view RatePerName(RatePer per) {
  switch (per) {
    case RatePer::kHour: return "hour";
    case RatePer::kDay: return "day";
    case RatePer::kWeek: return "week";
    case RatePer::kMonth: return "month";
    case RatePer::kYear: return "year";
  }
  return "";
}

// A window of time, resolved to calendar months where the text allows.
struct Period {
  std::optional<std::string> start_month;  // "YYYY-MM"; nullopt when unknown (open or unresolved)
  std::optional<std::string> end_month;    // "YYYY-MM", inclusive; nullopt when unknown
  std::optional<int> months;  // length in months when the text states one ("12 months"); else nullopt
  std::string text;           // the original words ("in the previous 12 months"); equals quote
  int start = 0;              // code points into the original page text
  int end = 0;
  std::string quote;
  std::string rule;           // the rules/ rule that found it ("period.relative_months")
  bool operator==(const Period&) const = default;
};

// A usage figure: how many times a system was used ("2777 lung checks in 12 months").
struct UsageFigure {
  long long low = 0;            // equal to high for a single figure
  long long high = 0;
  bool approximate = false;     // "approximately", "c.", "around", "~", "over", "up to", ...
  std::optional<RatePer> per;   // set for a rate ("per day", "monthly"); nullopt for a count
  std::string unit;             // plural lower case as written ("lung checks", "times"); may be empty
  std::optional<Period> period; // the window the text ties to this figure, if any
  int start = 0;                // the whole matched phrase, code points into the original
  int end = 0;
  std::string quote;
  std::string rule;             // "usage.count_unit", "usage.table_cell", ...
  int line = 0;                 // 0-based line of `start` on the page (rows of a table are lines)
  // Set when the figure sits in a table row ("a | b | 887"): 0-based cell index on `line`.
  // Assemble ties such a figure to the system named in the same row.
  std::optional<int> cell;
  // For a table cell figure: the first cell of its row ("Total", "Oct 2023"); else empty.
  std::string row_label;
  bool operator==(const UsageFigure&) const = default;
};

// How a date is used on the page, so assemble can pick the reply's own date.
enum class DateRole {
  kOther,        // a date in the text
  kLetterDate,   // "Date: 16th October 2024", "Date of response | ...", or alone on a line near the top
  kEmailHeader,  // "Date: 2024-10-15T12:07:55+01:00" or "Sent: ..." header lines
  kReceived,     // "received on 18 September 2024", "your request dated ..."
};

struct DateMention {
  std::string iso;                 // "YYYY-MM-DD"
  DateRole role = DateRole::kOther;
  bool letter_date_hint = false;   // role == kLetterDate
  int start = 0;
  int end = 0;
  std::string quote;
  std::string rule;
  int line = 0;
  bool operator==(const DateMention&) const = default;
};

// An amount of money ("£101k per annum", "c. £20,000"): never a usage figure.
struct Money {
  double low = 0;               // in the currency's main unit (pounds); "£101k" is 101000
  double high = 0;
  std::string currency;         // "GBP", "USD", "EUR"
  bool approximate = false;
  std::optional<RatePer> per;   // "per annum" -> kYear, "per hour" -> kHour
  int start = 0;
  int end = 0;
  std::string quote;
  std::string rule;
  bool operator==(const Money&) const = default;
};

// An FOI Act section invoked in an exemption, refusal or cost-limit context.
struct Exemption {
  std::string section;  // "s12", "s21", "s31", "s40", "s43", ...
  int start = 0;        // the words that cite it ("section 43(2)"); for "sections 40 and 43"
  int end = 0;          // both records share the span
  std::string quote;
  std::string rule;
  bool operator==(const Exemption&) const = default;
};

enum class CueType {
  kDeploymentLive,       // "in use", "live", "currently use", "routinely"
  kDeploymentPilot,      // "pilot", "trial", "evaluating", "proof of concept"
  kDeploymentPlanned,    // "implementing", "procuring", "go-live", "not yet used on patients"
  kDeploymentNotInUse,   // "not in use", "decommissioned", "no longer"
  kNegation,             // "no", "not", "does not", "none", "nil": see scope_end
  kHypothetical,         // "would consider", "may", "exploring", "plans to": see scope_end
  kStatusUsesAi,         // "Yes" answering the AI question, "the trust uses clinical AI"
  kStatusNoAi,           // "No" answering it, "we do not currently use any AI"
  kNotHeld,              // "information not held": NOT the same as no_ai
  kAcknowledgement,      // "we have received your request"
  kAutoReply,            // "out of office", "automatic reply"
  kRefusal,              // "refuse", "exempt", "cost limit"
  kRequestEcho,          // a line that repeats the request ("Question 1: ...", "Information Requested")
  kDescribedSystem,      // a clinical AI system described but not named ("an AI chest X-ray
                         // decision support tool"); the rule's name gives its subspecialty
};
inline constexpr CueType kAllCueTypes[] = {
    CueType::kDeploymentLive, CueType::kDeploymentPilot, CueType::kDeploymentPlanned,
    CueType::kDeploymentNotInUse, CueType::kNegation, CueType::kHypothetical,
    CueType::kStatusUsesAi, CueType::kStatusNoAi, CueType::kNotHeld, CueType::kAcknowledgement,
    CueType::kAutoReply, CueType::kRefusal, CueType::kRequestEcho, CueType::kDescribedSystem};

// The rules/ spelling: "deployment.live", "negation", "status.uses_ai", "request_echo", ...
// A described_system rule is named described_system.<subspecialty>.<what>, the subspecialty
// in lower case ("described_system.radiology.chest_xray").
inline std::string_view CueTypeName(CueType type) {
  switch (type) {
    case CueType::kDeploymentLive: return "deployment.live";
    case CueType::kDeploymentPilot: return "deployment.pilot";
    case CueType::kDeploymentPlanned: return "deployment.planned";
    case CueType::kDeploymentNotInUse: return "deployment.not_in_use";
    case CueType::kNegation: return "negation";
    case CueType::kHypothetical: return "hypothetical";
    case CueType::kStatusUsesAi: return "status.uses_ai";
    case CueType::kStatusNoAi: return "status.no_ai";
    case CueType::kNotHeld: return "not_held";
    case CueType::kAcknowledgement: return "acknowledgement";
    case CueType::kAutoReply: return "auto_reply";
    case CueType::kRefusal: return "refusal";
    case CueType::kRequestEcho: return "request_echo";
    case CueType::kDescribedSystem: return "described_system";
  }
  return "";
}

// Inverse of CueTypeName; nullopt for any other string.
inline std::optional<CueType> CueTypeFromName(std::string_view name) {
  for (CueType type : kAllCueTypes) {
    if (CueTypeName(type) == name) return type;
  }
  return std::nullopt;
}

struct Cue {
  CueType type = CueType::kNegation;
  int start = 0;
  int end = 0;
  std::string quote;
  std::string rule;
  int line = 0;
  // kNegation and kHypothetical: where the cue stops applying (code point offset, exclusive):
  // the end of its clause or sentence. nullopt for other types.
  std::optional<int> scope_end;
  // One-word answers ("Yes.", "Q1 - No", "Response: Yes"): the 0-based line of the question
  // about AI use that they answer, when one was found (same line, or the lines just above,
  // or a question with the same number elsewhere on the page). nullopt otherwise.
  std::optional<int> question_line;
  // One-word answers with a question number ("Q1 - Yes", "1. Yes"): that number.
  std::optional<int> question_number;
  bool operator==(const Cue&) const = default;
};

// A number that is explicitly not a usage figure (a reference, phone number, postcode,
// section or list number, page number, time, percentage), kept so reviewers can see why.
struct OtherNumber {
  int start = 0;
  int end = 0;
  std::string quote;
  std::string rule;  // "not_usage.reference", "not_usage.phone", ...
  bool operator==(const OtherNumber&) const = default;
};

// Everything the facts stage found on one page, each list sorted by start offset.
struct PageFacts {
  std::vector<UsageFigure> usage;
  std::vector<Period> periods;
  std::vector<DateMention> dates;
  std::vector<Money> money;
  std::vector<Exemption> exemptions;
  std::vector<Cue> cues;
  std::vector<OtherNumber> other_numbers;
  bool operator==(const PageFacts&) const = default;
};

// What the stage needs to know about the reply the page belongs to.
struct FactContext {
  // The reply's date ("YYYY-MM-DD"), to resolve relative periods ("previous 12 months").
  // nullopt: relative periods keep their text and `months` with null start/end.
  std::optional<std::string> reply_date;
  bool operator==(const FactContext&) const = default;
};

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_FACTS_H_
