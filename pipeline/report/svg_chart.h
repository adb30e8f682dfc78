// Horizontal bar charts as inline SVG: labelled bars, values at their ends, an axis with its
// title. No scripts and no fonts from the network: the report opens offline and prints.
#ifndef FOICODE_PIPELINE_REPORT_SVG_CHART_H_
#define FOICODE_PIPELINE_REPORT_SVG_CHART_H_

#include <string>
#include <vector>

namespace foicode::report {

struct Bar {
  std::string label;
  int value = 0;
  std::string href;  // "#anchor" the bar links to, or ""
};

// `title` names the chart (for screen readers too), `axis` the quantity the bars measure.
std::string BarChartSvg(const std::string& title, const std::string& axis, const std::vector<Bar>& bars);

// Text for HTML element content and attribute values: & < > " ' escaped.
std::string HtmlEscape(const std::string& text);

}  // namespace foicode::report

#endif  // FOICODE_PIPELINE_REPORT_SVG_CHART_H_
