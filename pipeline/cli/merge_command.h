// `foicode merge`: datasets coded apart (shards of one corpus) made into one.
#ifndef FOICODE_PIPELINE_CLI_MERGE_COMMAND_H_
#define FOICODE_PIPELINE_CLI_MERGE_COMMAND_H_

#include <string>
#include <string_view>
#include <vector>

namespace foicode::cli {

extern const std::string_view kMergeUsage;
int MergeCommand(const std::vector<std::string>& args);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_MERGE_COMMAND_H_
