// The reading limits by name: set from the command line (--limit NAME=VALUE), listed in
// help, passed to worker processes, and folded into the cache key (a raised limit can change
// what is read, so it re-reads).
#ifndef FOICODE_PIPELINE_EXTRACT_LIMIT_OPTIONS_H_
#define FOICODE_PIPELINE_EXTRACT_LIMIT_OPTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "extract/limits.h"

namespace foicode::extract {

struct LimitInfo {
  std::string_view name;  // as in limits.h and in messages: "max_pages"
  std::string_view unit;  // "bytes", "seconds", "count", "ratio", "pixels", "dpi" or "on/off"
  std::string_view what;  // one line for help
};

// Every limit a person may set, in the order help lists them.
const std::vector<LimitInfo>& LimitTable();

// Sets one limit from text. Byte limits take K, M or G (powers of 1024): "512M". A value
// must be a positive number in range for its limit (on/off for ocr_enabled).
Status SetLimit(std::string_view name, std::string_view value, Limits* limits);

// Applies "NAME=VALUE[,NAME=VALUE...]"; the first bad pair is the error.
Status SetLimits(std::string_view assignments, Limits* limits);

// The current value of a limit as SetLimit accepts it; "" for an unknown name.
std::string LimitValue(const Limits& limits, std::string_view name);

// All limits as {name: value}, and back (unknown names or bad values are an error).
nlohmann::json LimitsToJson(const Limits& limits);
Status LimitsFromJson(const nlohmann::json& json, Limits* limits);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_LIMIT_OPTIONS_H_
