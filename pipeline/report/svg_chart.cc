#include "report/svg_chart.h"

#include <algorithm>

namespace foicode::report {

std::string HtmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string BarChartSvg(const std::string& title, const std::string& axis, const std::vector<Bar>& bars) {
  constexpr int kLabelWidth = 190;
  constexpr int kPlotWidth = 360;
  constexpr int kBarHeight = 22;
  constexpr int kGap = 8;
  constexpr int kTop = 10;
  int most = 1;
  for (const Bar& b : bars) most = std::max(most, b.value);
  const int plot_height = static_cast<int>(bars.size()) * (kBarHeight + kGap);
  const int height = kTop + plot_height + 44;
  const int width = kLabelWidth + kPlotWidth + 50;
  std::string svg = "<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    std::to_string(width) + "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) + "\" aria-label=\"" + HtmlEscape(title) +
                    "\"><title>" + HtmlEscape(title) + "</title>";
  int y = kTop;
  for (const Bar& b : bars) {
    const int w = b.value == 0 ? 0 : std::max(2, b.value * kPlotWidth / most);
    std::string bar = "<text class=\"label\" x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" +
                      std::to_string(y + kBarHeight - 7) + "\" text-anchor=\"end\">" + HtmlEscape(b.label) +
                      "</text><rect class=\"bar\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) +
                      "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(kBarHeight) +
                      "\"/><text class=\"value\" x=\"" + std::to_string(kLabelWidth + w + 6) + "\" y=\"" +
                      std::to_string(y + kBarHeight - 7) + "\">" + std::to_string(b.value) + "</text>";
    svg += b.href.empty() ? bar : "<a href=\"" + HtmlEscape(b.href) + "\">" + bar + "</a>";
    y += kBarHeight + kGap;
  }
  // The axis: a line from 0 to the largest value, ticks at 0 and the maximum, and its title.
  const int axis_y = kTop + plot_height + 2;
  svg += "<line class=\"axis\" x1=\"" + std::to_string(kLabelWidth) + "\" y1=\"" + std::to_string(axis_y) + "\" x2=\"" +
         std::to_string(kLabelWidth + kPlotWidth) + "\" y2=\"" + std::to_string(axis_y) + "\"/>";
  svg += "<text class=\"tick\" x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(axis_y + 14) +
         "\" text-anchor=\"middle\">0</text>";
  svg += "<text class=\"tick\" x=\"" + std::to_string(kLabelWidth + kPlotWidth) + "\" y=\"" +
         std::to_string(axis_y + 14) + "\" text-anchor=\"middle\">" + std::to_string(most) + "</text>";
  svg += "<text class=\"axis-title\" x=\"" + std::to_string(kLabelWidth + kPlotWidth / 2) + "\" y=\"" +
         std::to_string(axis_y + 32) + "\" text-anchor=\"middle\">" + HtmlEscape(axis) + "</text>";
  return svg + "</svg>";
}

}  // namespace foicode::report
