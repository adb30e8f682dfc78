#include "report/report_data.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/json_access.h"

namespace foicode::report {
namespace {

using nlohmann::json;

std::string ReviewState(const json& entry) {
  const json& review = entry.is_object() && entry.contains("review") ? entry["review"] : json();
  std::string state = StringAt(review, "state");
  if (state.empty()) state = "machine";
  if (review.is_object() && review.value("stale", false)) state += " (stale)";
  return state;
}

bool Decided(const json& entry) {
  const std::string state = ReviewState(entry);
  return state != "machine" && state.find("(stale)") == std::string::npos;
}

// Months from "YYYY-MM" to "YYYY-MM", both included; 0 when either is not a month.
int MonthsBetween(const std::string& start, const std::string& end) {
  int sy = 0, sm = 0, ey = 0, em = 0;
  if (std::sscanf(start.c_str(), "%4d-%2d", &sy, &sm) != 2 || std::sscanf(end.c_str(), "%4d-%2d", &ey, &em) != 2)
    return 0;
  const int months = (ey * 12 + em) - (sy * 12 + sm) + 1;
  return months > 0 ? months : 0;
}

std::string FigureText(const json& u) {
  const long long low = u.value("low", 0LL);
  const long long high = u.value("high", 0LL);
  std::string text = (u.value("approximate", false) ? "~" : "") + std::to_string(low);
  if (high != low) text += "-" + std::to_string(high);
  if (!StringAt(u, "unit").empty()) text += " " + StringAt(u, "unit");
  if (!StringAt(u, "per").empty()) text += " per " + StringAt(u, "per");
  const json& period = u.contains("period") ? u["period"] : json();
  if (period.is_object() && !StringAt(period, "start").empty()) text += " (" + StringAt(period, "start") + ".." + StringAt(period, "end") + ")";
  return text;
}

void Annualise(const json& u, UsageRow* row) {
  const double mid = (static_cast<double>(row->low) + static_cast<double>(row->high)) / 2;
  const std::string figure = row->low == row->high ? std::to_string(row->low) : "the midpoint of " +
                                                         std::to_string(row->low) + "-" + std::to_string(row->high);
  static const std::map<std::string, int> kPerYear = {{"day", 365}, {"week", 52}, {"month", 12}, {"year", 1}};
  if (const auto it = kPerYear.find(row->per); it != kPerYear.end()) {
    row->annual = mid * it->second;
    row->method = figure + " per " + row->per + " x " + std::to_string(it->second);
    return;
  }
  const json& period = u.contains("period") ? u["period"] : json();
  const int months = period.is_object() ? MonthsBetween(StringAt(period, "start"), StringAt(period, "end")) : 0;
  if (months > 0) {
    row->annual = mid * 12 / months;
    row->method = months == 12 ? figure + " in 12 months" : figure + " in " + std::to_string(months) + " months x 12 / " + std::to_string(months);
    return;
  }
  row->method = "no rate or period: not annualised";
}

std::string MostCommon(const std::map<std::string, int>& counts) {
  std::string best;
  int most = 0;
  for (const auto& [name, n] : counts)
    if (n > most && !name.empty()) best = name, most = n;
  return best;
}

// Presence rows from systems grouped by `key` (vendor or product).
struct PresenceBuilder {
  std::map<std::string, PresenceRow> rows;
  std::map<std::string, std::map<std::string, int>> subspecialties;
  std::map<std::string, std::set<std::string>> respondents;
  std::map<std::string, std::map<std::string, std::set<std::string>>> by_deployment;

  void Add(const std::string& name, const std::string& vendor, const std::string& respondent, const json& system) {
    if (name.empty()) return;
    PresenceRow& row = rows[name];
    row.name = name;
    row.vendor = vendor;
    ++row.systems;
    if (Decided(system)) ++row.reviewed;
    ++subspecialties[name][StringAt(system, "subspecialty")];
    respondents[name].insert(respondent);
    by_deployment[name][StringAt(system, "deployment").empty() ? "unknown" : StringAt(system, "deployment")].insert(respondent);
  }

  std::vector<PresenceRow> Rows() {
    std::vector<PresenceRow> out;
    for (auto& [name, row] : rows) {
      row.subspecialty = MostCommon(subspecialties[name]);
      row.respondents.assign(respondents[name].begin(), respondents[name].end());
      for (const auto& [state, who] : by_deployment[name]) row.by_deployment[state].assign(who.begin(), who.end());
      out.push_back(row);
    }
    std::stable_sort(out.begin(), out.end(), [](const PresenceRow& a, const PresenceRow& b) {
      return a.respondents.size() > b.respondents.size();
    });
    return out;
  }
};

}  // namespace

std::string FigureText(const UsageRow& u) {
  std::string figure = (u.approximate ? "~" : "") + std::to_string(u.low);
  if (u.high != u.low) figure += "-" + std::to_string(u.high);
  return figure;
}

std::string AnnualText(const UsageRow& u) {
  if (!u.annual) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, *u.annual >= 100 ? "%.0f" : "%.1f", *u.annual);
  return buf;
}

std::string Slug(const std::string& text) {
  std::string slug;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "x" : slug;
}

std::string ReportData::anchor_of(const std::string& respondent) const {
  const auto it = anchors.find(respondent);
  return it == anchors.end() ? "" : it->second;
}

ReportData ComputeReport(const std::vector<json>& records, const std::vector<CohortMember>& cohort) {
  ReportData data;
  PresenceBuilder vendors;
  PresenceBuilder products;
  std::map<std::string, std::set<std::string>> subspecialties;
  std::set<std::string> used_anchors;
  std::set<std::string> respondents_seen;

  for (const json& record : records) {
    RespondentLine line;
    const json& respondent = record.contains("respondent") ? record["respondent"] : json();
    const std::string name = StringAt(respondent, "name");
    line.attributed = !name.empty();
    line.known = respondent.is_object() && respondent.value("known", false);
    if (line.attributed) {
      line.name = name;
      ++data.replied;
      respondents_seen.insert(name);
    } else {
      const json& sources = ArrayAt(record, "sources");
      line.name = "unattributed: " + (sources.empty() ? std::string("?") : StringAt(sources[0], "path"));
      ++data.unattributed;
    }
    std::string anchor = "r-" + Slug(line.name);
    for (int n = 2; !used_anchors.insert(anchor).second; ++n) anchor = "r-" + Slug(line.name) + "-" + std::to_string(n);
    line.anchor = anchor;
    data.anchors[line.name] = anchor;
    line.status = StringAt(record, "status");
    line.response_date = StringAt(record, "response_date");
    line.review = ReviewState(record);
    if (line.attributed) data.by_status[line.status].push_back(line.name);
    for (const json& e : ArrayAt(record, "exemptions")) {
      if (!e.is_string()) continue;
      line.exemptions.push_back(e.get<std::string>());
      data.exemptions[e.get<std::string>()].push_back(line.name);
    }
    if (!Decided(record)) {
      for (const json& f : ArrayAt(record, "flags")) {
        line.open_flags.push_back(StringAt(f, "code"));
        ++data.open_flags[StringAt(f, "code")];
      }
    }
    for (const json& system : ArrayAt(record, "systems")) {
      SystemLine s{StringAt(system, "vendor"), StringAt(system, "product"), StringAt(system, "subspecialty"),
                   StringAt(system, "deployment"), "", ReviewState(system), ""};
      for (const json& u : ArrayAt(system, "usage")) {
        if (!s.usage.empty()) s.usage += "; ";
        s.usage += FigureText(u);
        UsageRow row;
        row.respondent = line.name;
        row.vendor = s.vendor;
        row.product = s.product;
        row.low = u.value("low", 0LL);
        row.high = u.value("high", 0LL);
        row.approximate = u.value("approximate", false);
        row.per = StringAt(u, "per");
        row.unit = StringAt(u, "unit");
        const json& period = u.contains("period") ? u["period"] : json();
        if (period.is_object()) {
          row.period = StringAt(period, "start").empty() ? "" : StringAt(period, "start") + ".." + StringAt(period, "end");
          if (!StringAt(period, "text").empty()) row.period += (row.period.empty() ? "" : " ") + ("(" + StringAt(period, "text") + ")");
        }
        row.review = ReviewState(u);
        Annualise(u, &row);
        data.usage.push_back(std::move(row));
      }
      if (s.vendor.empty() && s.product.empty()) {
        const json& evidence = ArrayAt(system, "evidence");
        if (!evidence.empty()) s.quote = StringAt(evidence[0], "quote");
      }
      if (!Decided(system)) {
        for (const json& f : ArrayAt(system, "flags")) {
          line.open_flags.push_back(StringAt(f, "code"));
          ++data.open_flags[StringAt(f, "code")];
        }
      }
      ++data.systems;
      ++data.review_states[ReviewState(system)];
      ++data.deployments[s.deployment.empty() ? "unknown" : s.deployment];
      if (!s.subspecialty.empty()) subspecialties[s.subspecialty].insert(line.name);
      vendors.Add(s.vendor, "", line.name, system);
      products.Add(s.product, s.vendor, line.name, system);
      line.systems.push_back(std::move(s));
    }
    for (const json& t : ArrayAt(record, "other_tools")) {
      std::string tool = StringAt(t, "product").empty() ? StringAt(t, "vendor") : StringAt(t, "vendor") + " " + StringAt(t, "product");
      line.other_tools.push_back(tool + " (" + StringAt(t, "category") + ")");
    }
    data.respondents.push_back(std::move(line));
  }
  data.vendors = vendors.Rows();
  data.products = products.Rows();
  for (const auto& [sub, who] : subspecialties) data.subspecialties[sub].assign(who.begin(), who.end());
  if (!cohort.empty()) {
    data.contacted = static_cast<int>(cohort.size());
    std::set<std::string> listed;
    for (const CohortMember& m : cohort) {
      listed.insert(m.name);
      if (!respondents_seen.count(m.name)) data.non_responders.push_back(m.name);
    }
    for (const std::string& r : respondents_seen)
      if (!listed.count(r)) data.not_in_cohort.push_back(r);
  }
  return data;
}

}  // namespace foicode::report
