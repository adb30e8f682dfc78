// Command-line argument parsing shared by the subcommands: flags with values, positionals,
// and "did you mean" suggestions for mistyped names.
#ifndef FOICODE_PIPELINE_CLI_ARGS_H_
#define FOICODE_PIPELINE_CLI_ARGS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace foicode::cli {

struct FlagSpec {
  std::string_view name;  // "--out"
  bool takes_value;
  bool repeatable = false;  // given again, its values are joined with commas
};

struct ParsedArgs {
  std::vector<std::string> positionals;
  std::map<std::string, std::string> values;  // flag name -> value ("" for switches)
  bool Has(std::string_view flag) const { return values.count(std::string(flag)) > 0; }
};

// Parses `args` against `specs`. Accepts "--flag value" and "--flag=value"; "--" ends flags.
// An unknown flag or a missing value is an error whose message suggests the closest flag.
Status ParseArgs(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs,
                 ParsedArgs* parsed);

// The candidate closest to `typed` when it is close enough to be a typo, else "".
std::string ClosestMatch(std::string_view typed, const std::vector<std::string_view>& candidates);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_ARGS_H_
