// The report as one self-contained HTML file (inline CSS and SVG, no scripts, nothing from
// the network) that opens offline and prints well. Every text from a reply is escaped.
#ifndef FOICODE_PIPELINE_REPORT_REPORT_HTML_H_
#define FOICODE_PIPELINE_REPORT_REPORT_HTML_H_

#include <string>

#include "report/report_data.h"

namespace foicode::report {

// `dataset` names the dataset (its folder) and `generated` when the report was made, both as
// shown in the heading.
std::string ReportHtml(const ReportData& data, const std::string& dataset, const std::string& generated);

}  // namespace foicode::report

#endif  // FOICODE_PIPELINE_REPORT_REPORT_HTML_H_
