// What the assemble stage produces: one coded record per respondent, as the contract
// (spec coded-records.md) describes a line of responses.jsonl. Written out by batch/.
#ifndef FOICODE_PIPELINE_CORE_CODED_RECORD_H_
#define FOICODE_PIPELINE_CORE_CODED_RECORD_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/facts.h"
#include "core/flag.h"

namespace foicode {

// Where a fact came from: `quote` equals the extracted text of that page of that part at
// [start, end) code points.
struct Evidence {
  std::string source;               // the input's path, as in sources[].path
  std::optional<std::string> part;  // the attachment's name; nullopt for the input itself
  std::optional<int> page;          // 1-based; nullopt when the part has no pages
  int start = 0;
  int end = 0;
  std::string quote;
  bool operator==(const Evidence&) const = default;
};

struct CodedUsage {
  long long low = 0;
  long long high = 0;
  bool approximate = false;
  std::optional<RatePer> per;
  std::string unit;
  std::optional<Period> period;
  Evidence evidence;
  bool operator==(const CodedUsage&) const = default;
};

enum class Deployment { kLive, kPilot, kPlanned, kNotInUse, kUnknown };

// The contract's spelling: "live", "pilot", "planned", "not_in_use", "unknown".
constexpr std::string_view DeploymentName(Deployment d) {
  switch (d) {
    case Deployment::kLive: return "live";
    case Deployment::kPilot: return "pilot";
    case Deployment::kPlanned: return "planned";
    case Deployment::kNotInUse: return "not_in_use";
    case Deployment::kUnknown: return "unknown";
  }
  return "unknown";
}

struct CodedSystem {
  std::optional<std::string> vendor;
  std::optional<std::string> product;
  std::optional<std::string> subspecialty;
  Deployment deployment = Deployment::kUnknown;
  std::vector<CodedUsage> usage;
  std::vector<Evidence> evidence;
  std::vector<Flag> flags;
  bool operator==(const CodedSystem&) const = default;
};

// A tool the reply names that is not clinical AI (dictation, patient video, ...).
struct CodedOtherTool {
  std::optional<std::string> vendor;
  std::optional<std::string> product;
  std::string category;
  std::vector<Evidence> evidence;
  bool operator==(const CodedOtherTool&) const = default;
};

enum class ReplyStatus { kUsesAi, kNoAi, kUnclear };

constexpr std::string_view ReplyStatusName(ReplyStatus s) {
  switch (s) {
    case ReplyStatus::kUsesAi: return "uses_ai";
    case ReplyStatus::kNoAi: return "no_ai";
    case ReplyStatus::kUnclear: return "unclear";
  }
  return "unclear";
}

struct CodedRecord {
  std::optional<std::string> respondent;  // nullopt: no sender could be told (flagged)
  bool known = false;                     // the name is a dictionaries/ canonical name
  ReplyStatus status = ReplyStatus::kUnclear;
  std::vector<std::string> exemptions;    // "s12", "s43", ... sorted, unique
  std::optional<std::string> response_date;  // "YYYY-MM-DD"
  std::vector<int> sources;               // indexes into the batch's ExtractedSource list
  std::vector<CodedOtherTool> other_tools;
  std::vector<CodedSystem> systems;
  // Figures the reply gives that could not be tied to one system (flagged usage_unattributed).
  std::vector<CodedUsage> unattributed_usage;
  std::vector<Flag> flags;
  bool operator==(const CodedRecord&) const = default;
};

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_CODED_RECORD_H_
