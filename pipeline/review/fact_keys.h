// How a review decision names the fact it is about: by what the fact is (respondent, vendor
// and product, the quoted figure), never by its position, so the decision finds its fact
// again after a refresh re-codes the dataset.
#ifndef FOICODE_PIPELINE_REVIEW_FACT_KEYS_H_
#define FOICODE_PIPELINE_REVIEW_FACT_KEYS_H_

#include <string>

#include <nlohmann/json.hpp>

namespace foicode::review {

// A record (one line of responses.jsonl): its respondent's name, or for a record with no
// respondent "unnamed:" and its first source's path.
std::string RecordKey(const nlohmann::json& record);
// A system: "vendor|product"; a system naming neither: "unnamed|subspecialty|first quote".
std::string SystemKey(const nlohmann::json& system);
// A usage figure: where its evidence is, "source|part|page|start|quote".
std::string UsageKey(const nlohmann::json& usage);

// The same keys for records and systems shown with decisions applied: a corrected name does
// not change what the fact is called.
std::string MachineRecordKey(const nlohmann::json& record);
std::string MachineSystemKey(const nlohmann::json& system);

// The values a person decides on, without evidence or flags. A decision made against one
// machine value goes stale when the machine's value changes.
nlohmann::json RecordMachineValue(const nlohmann::json& record);
nlohmann::json SystemMachineValue(const nlohmann::json& system);
nlohmann::json UsageMachineValue(const nlohmann::json& usage);

// A short, stable id for a review item (16 hex digits, FNV-1a 64 of its parts).
std::string ItemId(const std::string& record_key, const std::string& target, const std::string& system_key,
                   const std::string& usage_key, const std::string& code);

}  // namespace foicode::review

#endif  // FOICODE_PIPELINE_REVIEW_FACT_KEYS_H_
