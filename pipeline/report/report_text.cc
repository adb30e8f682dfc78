#include "report/report_text.h"

#include "batch/dataset_writer.h"

namespace foicode::report {
namespace {

std::vector<std::string> Status(const ReportData& data, const char* status) {
  const auto it = data.by_status.find(status);
  return it == data.by_status.end() ? std::vector<std::string>() : it->second;
}

// Markdown table cells: a pipe or a line break would end the cell.
std::string Md(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n' || c == '\r') out += ' ';
    else out += c;
  }
  return out;
}

int DeploymentCount(const PresenceRow& row, const std::string& d) {
  const auto it = row.by_deployment.find(d);
  return it == row.by_deployment.end() ? 0 : static_cast<int>(it->second.size());
}

std::vector<std::vector<std::string>> HeadlineRows(const ReportData& data) {
  std::vector<std::vector<std::string>> rows = {{"measure", "count"}};
  if (data.contacted) rows.push_back({"asked (cohort)", std::to_string(*data.contacted)});
  rows.push_back({"replied", std::to_string(data.replied)});
  if (data.contacted) rows.push_back({"did not reply", std::to_string(data.non_responders.size())});
  rows.push_back({"use clinical AI", std::to_string(Status(data, "uses_ai").size())});
  rows.push_back({"do not use clinical AI", std::to_string(Status(data, "no_ai").size())});
  rows.push_back({"unclear", std::to_string(Status(data, "unclear").size())});
  for (const auto& [section, who] : data.exemptions) rows.push_back({"citing " + section, std::to_string(who.size())});
  if (data.unattributed > 0) rows.push_back({"inputs with no sender told", std::to_string(data.unattributed)});
  return rows;
}

std::vector<std::vector<std::string>> PresenceRows(const std::vector<PresenceRow>& presence, const char* kind) {
  std::vector<std::vector<std::string>> rows;
  const bool products = std::string(kind) == "product";
  std::vector<std::string> header = {kind};
  if (products) header.push_back("vendor");
  header.push_back("trust_presence");
  header.push_back("subspecialty");
  for (const std::string& d : kDeployments) header.push_back(d);
  header.push_back("reviewed_systems");
  header.push_back("systems");
  rows.push_back(header);
  for (const PresenceRow& p : presence) {
    std::vector<std::string> row = {p.name};
    if (products) row.push_back(p.vendor);
    row.push_back(std::to_string(p.respondents.size()));
    row.push_back(p.subspecialty);
    for (const std::string& d : kDeployments) row.push_back(std::to_string(DeploymentCount(p, d)));
    row.push_back(std::to_string(p.reviewed));
    row.push_back(std::to_string(p.systems));
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::vector<std::string>> UsageRows(const ReportData& data) {
  std::vector<std::vector<std::string>> rows = {
      {"vendor", "product", "trust", "figure", "unit", "rate", "period", "per_year", "how", "review"}};
  for (const UsageRow& u : data.usage)
    rows.push_back({u.vendor, u.product, u.respondent, FigureText(u), u.unit, u.per, u.period, AnnualText(u), u.method, u.review});
  return rows;
}

std::vector<std::vector<std::string>> RespondentRows(const ReportData& data) {
  std::vector<std::vector<std::string>> rows = {{"respondent", "status", "response_date", "systems", "exemptions",
                                                 "open_flags", "review"}};
  for (const RespondentLine& r : data.respondents) {
    std::string systems;
    for (const SystemLine& s : r.systems) {
      std::string name = s.vendor + (s.product.empty() ? "" : (s.vendor.empty() ? "" : " ") + s.product);
      if (name.empty()) name = "unnamed " + s.subspecialty + " system";
      systems += (systems.empty() ? "" : "; ") + name + " (" + s.deployment + (s.usage.empty() ? "" : "; " + s.usage) + ")";
    }
    std::string exemptions, flags;
    for (const std::string& e : r.exemptions) exemptions += (exemptions.empty() ? "" : " ") + e;
    for (const std::string& f : r.open_flags) flags += (flags.empty() ? "" : " ") + f;
    rows.push_back({r.name, r.status, r.response_date, systems, exemptions, flags, r.review});
  }
  return rows;
}

std::string MarkdownTable(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out += "|";
    for (const std::string& cell : rows[i]) out += " " + Md(cell) + " |";
    out += "\n";
    if (i == 0) {
      out += "|";
      for (std::size_t c = 0; c < rows[i].size(); ++c) out += " :---- |";
      out += "\n";
    }
  }
  return out + "\n";
}

std::string Csv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  for (const auto& row : rows) out += batch::CsvRow(row);
  return out;
}

}  // namespace

std::string ReportMarkdown(const ReportData& data, const std::string& dataset) {
  std::string md = "# Clinical AI in FOI replies: the coded dataset\n\nDataset " + Md(dataset) +
                   ", review decisions applied.\n\n## Headline\n\n" + MarkdownTable(HeadlineRows(data));
  md += "## Vendor presence\n\n" + MarkdownTable(PresenceRows(data.vendors, "vendor"));
  md += "## Product presence\n\n" + MarkdownTable(PresenceRows(data.products, "product"));
  std::vector<std::vector<std::string>> subs = {{"subspecialty", "trusts"}};
  for (const auto& [sub, who] : data.subspecialties) subs.push_back({sub, std::to_string(who.size())});
  md += "## Subspecialties\n\n" + MarkdownTable(subs);
  std::vector<std::vector<std::string>> deps = {{"deployment", "systems"}};
  for (const std::string& d : kDeployments) {
    const auto it = data.deployments.find(d);
    deps.push_back({d, std::to_string(it == data.deployments.end() ? 0 : it->second)});
  }
  md += "## Deployment\n\n" + MarkdownTable(deps);
  md += "## Usage figures\n\n" + MarkdownTable(UsageRows(data));
  md += "## Per respondent\n\n" + MarkdownTable(RespondentRows(data));
  if (data.contacted) {
    md += "## Non-responders\n\n";
    for (const std::string& n : data.non_responders) md += "- " + Md(n) + "\n";
    md += "\n";
  }
  return md;
}

std::map<std::string, std::string> ReportCsvTables(const ReportData& data) {
  std::vector<std::vector<std::string>> subs = {{"subspecialty", "trusts"}};
  for (const auto& [sub, who] : data.subspecialties) subs.push_back({sub, std::to_string(who.size())});
  std::vector<std::vector<std::string>> deps = {{"deployment", "systems"}};
  for (const std::string& d : kDeployments) {
    const auto it = data.deployments.find(d);
    deps.push_back({d, std::to_string(it == data.deployments.end() ? 0 : it->second)});
  }
  std::map<std::string, std::string> files = {
      {"headline.csv", Csv(HeadlineRows(data))},
      {"vendors.csv", Csv(PresenceRows(data.vendors, "vendor"))},
      {"products.csv", Csv(PresenceRows(data.products, "product"))},
      {"subspecialties.csv", Csv(subs)},
      {"deployment.csv", Csv(deps)},
      {"usage.csv", Csv(UsageRows(data))},
      {"respondents.csv", Csv(RespondentRows(data))},
  };
  if (data.contacted) {
    std::vector<std::vector<std::string>> non = {{"organisation"}};
    for (const std::string& n : data.non_responders) non.push_back({n});
    files["non_responders.csv"] = Csv(non);
  }
  return files;
}

}  // namespace foicode::report
