// `foicode review DIR`: the review page, or the queue as a CSV out and verdicts back in.
#ifndef FOICODE_PIPELINE_CLI_REVIEW_COMMAND_H_
#define FOICODE_PIPELINE_CLI_REVIEW_COMMAND_H_

#include <string>
#include <string_view>
#include <vector>

namespace foicode::cli {

extern const std::string_view kReviewUsage;
int ReviewCommand(const std::vector<std::string>& args);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_REVIEW_COMMAND_H_
