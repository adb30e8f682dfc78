// The numbers of the study's report, computed from the coded dataset (decisions applied):
// response and adoption figures, vendor and product presence, subspecialties, deployment,
// usage figures with annualised values, and one line per respondent. Every count keeps the
// respondents behind it, so each number can link to its records.
#ifndef FOICODE_PIPELINE_REPORT_REPORT_DATA_H_
#define FOICODE_PIPELINE_REPORT_REPORT_DATA_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/cohort.h"

namespace foicode::report {

// Deployment states in the contract's order.
inline const std::vector<std::string> kDeployments = {"live", "pilot", "planned", "not_in_use", "unknown"};

struct PresenceRow {
  std::string name;                      // the vendor, or the product
  std::string vendor;                    // for a product: its vendor
  std::string subspecialty;              // the most common one among its systems
  std::vector<std::string> respondents;  // distinct, sorted: the trust presence
  std::map<std::string, std::vector<std::string>> by_deployment;  // state -> respondents
  int reviewed = 0;                      // systems a person accepted, corrected or added
  int systems = 0;
};

struct UsageRow {
  std::string respondent;
  std::string vendor;
  std::string product;
  long long low = 0;
  long long high = 0;
  bool approximate = false;
  std::string per;     // "day", "week", "month", "year" or ""
  std::string unit;
  std::string period;  // "2023-10..2024-09 (in 12 months)" or ""
  std::optional<double> annual;  // the figure per year, when rate or period allows
  std::string method;  // how `annual` was computed, for a person
  std::string review;  // the figure's review state
};

// "~10-15": the figure as the report shows it.
std::string FigureText(const UsageRow& u);
// The per-year value rounded for reading ("14600", "12.5"), or "" when there is none.
std::string AnnualText(const UsageRow& u);

struct SystemLine {
  std::string vendor;
  std::string product;
  std::string subspecialty;
  std::string deployment;
  std::string usage;   // "2777 lung checks (2023-10..2024-09)"; "" when none
  std::string review;  // "machine", "accepted", ... plus " (stale)"
  std::string quote;   // for unnamed systems: what the reply says
};

struct RespondentLine {
  std::string name;    // the respondent, or "unattributed: <path>"
  std::string anchor;  // unique id in the report
  bool known = false;
  bool attributed = true;
  std::string status;
  std::string response_date;
  std::vector<std::string> exemptions;
  std::vector<SystemLine> systems;
  std::vector<std::string> other_tools;
  std::vector<std::string> open_flags;  // codes of flags nobody has decided yet
  std::string review;   // the record's review state
};

struct ReportData {
  std::optional<int> contacted;             // cohort size, when a cohort was given
  std::vector<std::string> non_responders;  // cohort members with no record
  std::vector<std::string> not_in_cohort;   // respondents the cohort does not list
  int replied = 0;                          // records with a respondent
  int unattributed = 0;                     // records whose sender could not be told
  std::map<std::string, std::vector<std::string>> by_status;  // uses_ai / no_ai / unclear -> respondents
  std::map<std::string, std::vector<std::string>> exemptions;  // "s12" -> respondents
  std::vector<PresenceRow> vendors;   // by presence, most first
  std::vector<PresenceRow> products;
  std::map<std::string, std::vector<std::string>> subspecialties;  // -> respondents with a system there
  std::map<std::string, int> deployments;  // state -> systems
  std::vector<UsageRow> usage;
  std::vector<RespondentLine> respondents;
  std::map<std::string, int> review_states;  // systems by review state
  std::map<std::string, int> open_flags;     // undecided flags by code
  int systems = 0;
  std::string anchor_of(const std::string& respondent) const;  // "" when unknown
  std::map<std::string, std::string> anchors;  // respondent -> anchor
};

// `records` are responses.jsonl lines (with review state); `cohort` may be empty (no cohort).
ReportData ComputeReport(const std::vector<nlohmann::json>& records, const std::vector<CohortMember>& cohort);

// A lower-case slug for anchors: letters and digits, "-" between words.
std::string Slug(const std::string& text);

}  // namespace foicode::report

#endif  // FOICODE_PIPELINE_REPORT_REPORT_DATA_H_
