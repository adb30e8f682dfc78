// `foicode report DIR`: the report of a dataset, as HTML, Markdown or CSV tables.
#ifndef FOICODE_PIPELINE_CLI_REPORT_COMMAND_H_
#define FOICODE_PIPELINE_CLI_REPORT_COMMAND_H_

#include <string>
#include <string_view>
#include <vector>

namespace foicode::cli {

extern const std::string_view kReportUsage;
int ReportCommand(const std::vector<std::string>& args);

}  // namespace foicode::cli

#endif  // FOICODE_PIPELINE_CLI_REPORT_COMMAND_H_
