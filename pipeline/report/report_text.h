// The report's tables as Markdown (for pasting into a paper) and as CSV files (one per table).
#ifndef FOICODE_PIPELINE_REPORT_REPORT_TEXT_H_
#define FOICODE_PIPELINE_REPORT_REPORT_TEXT_H_

#include <map>
#include <string>

#include "report/report_data.h"

namespace foicode::report {

std::string ReportMarkdown(const ReportData& data, const std::string& dataset);

// File name ("headline.csv", "vendors.csv", ...) -> its CSV text.
std::map<std::string, std::string> ReportCsvTables(const ReportData& data);

}  // namespace foicode::report

#endif  // FOICODE_PIPELINE_REPORT_REPORT_TEXT_H_
