#include "report/report_html.h"

#include <cctype>
#include <cstdio>

#include "report/svg_chart.h"

namespace foicode::report {
namespace {

const char* kStyle = R"css(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d2330;margin:0 auto;max-width:1100px;padding:24px 32px 64px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:36px 0 10px;border-bottom:2px solid #d8dde8;padding-bottom:4px}
h3{font-size:16px;margin:22px 0 6px}.meta{color:#5b6478;margin:0 0 20px}
table{border-collapse:collapse;margin:8px 0 14px;width:100%}th,td{border-bottom:1px solid #e1e5ee;padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f2f4f8;font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
a{color:#1f5fbf;text-decoration:none}a:hover{text-decoration:underline}
.headline{display:grid;grid-template-columns:repeat(auto-fill,minmax(190px,1fr));gap:10px;margin:12px 0}
.stat{border:1px solid #d8dde8;border-radius:6px;padding:10px 12px}.stat .v{font-size:24px;font-weight:700}.stat .l{color:#5b6478;font-size:13px}
.note{color:#5b6478;font-size:13px}.tag{display:inline-block;border-radius:4px;padding:0 5px;font-size:12px;background:#eef1f6;color:#39425a;margin-left:4px}
.tag.machine{background:#fff4d6;color:#6b4d00}.tag.accepted,.tag.corrected,.tag.added{background:#e3f3e6;color:#1d5b2a}.tag.rejected{background:#f6e1e1;color:#7a1f1f}
.tag.flag{background:#fde8d8;color:#7a3a00}.charts{display:flex;flex-wrap:wrap;gap:24px}
svg.chart .bar{fill:#3f73c8}svg.chart .label,svg.chart .value,svg.chart .tick{font-size:12px;fill:#1d2330}
svg.chart .axis{stroke:#5b6478;stroke-width:1}svg.chart .axis-title{font-size:12px;fill:#5b6478}
ul.respondents{list-style:none;padding:0}ul.respondents>li{border-bottom:1px solid #e1e5ee;padding:8px 0}
ul.respondents li:target,li:target{background:#fffbe6}.lists li{margin:2px 0}
@media print{body{max-width:none;padding:0;font-size:11pt}a{color:inherit}h2{break-after:avoid}table,svg,li{break-inside:avoid}}
)css";

std::string E(const std::string& s) { return HtmlEscape(s); }

std::string Share(int n, int of) {
  if (of == 0) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * n / of);
  return buf;
}

std::string Tag(const std::string& review) {
  const std::string cls = review.substr(0, review.find(' '));
  return "<span class=\"tag " + E(cls) + "\">" + E(review) + "</span>";
}

std::string Count(int n, const std::string& anchor) {
  return anchor.empty() ? std::to_string(n) : "<a href=\"#" + E(anchor) + "\">" + std::to_string(n) + "</a>";
}

std::string RespondentLink(const ReportData& data, const std::string& name) {
  const std::string anchor = data.anchor_of(name);
  return anchor.empty() ? E(name) : "<a href=\"#" + E(anchor) + "\">" + E(name) + "</a>";
}

// A list of respondents under its own anchor, so a count can point at who it counts.
std::string NamedList(const ReportData& data, const std::string& anchor, const std::string& title,
                      const std::vector<std::string>& names) {
  std::string out = "<li id=\"" + E(anchor) + "\"><strong>" + E(title) + "</strong> (" + std::to_string(names.size()) + "): ";
  for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + RespondentLink(data, names[i]);
  return out + "</li>";
}

std::string Stat(const std::string& value, const std::string& label) {
  return "<div class=\"stat\"><div class=\"v\">" + value + "</div><div class=\"l\">" + E(label) + "</div></div>";
}

std::string Presence(const ReportData& data, const std::vector<PresenceRow>& rows, const char* kind,
                     const char* prefix, std::string* lists) {
  std::string out = "<table class=\"presence\"><thead><tr><th>" + std::string(kind) +
                    "</th><th class=\"n\">Trust presence</th><th>Subspecialty</th>";
  for (const std::string& d : kDeployments) out += "<th class=\"n\">" + E(d == "not_in_use" ? "not in use" : d) + "</th>";
  out += "<th class=\"n\">Reviewed</th></tr></thead><tbody>";
  int once = 0, twice = 0;
  for (const PresenceRow& row : rows) {
    const std::string anchor = std::string(prefix) + Slug(row.name);
    out += "<tr><td>" + E(row.name) + (row.vendor.empty() ? "" : " <span class=\"note\">(" + E(row.vendor) + ")</span>") +
           "</td><td class=\"n\">" + Count(static_cast<int>(row.respondents.size()), anchor) + "</td><td>" +
           E(row.subspecialty) + "</td>";
    for (const std::string& d : kDeployments) {
      const auto it = row.by_deployment.find(d);
      const int n = it == row.by_deployment.end() ? 0 : static_cast<int>(it->second.size());
      out += "<td class=\"n\">" + (n == 0 ? std::string("") : Count(n, anchor + "-" + Slug(d))) + "</td>";
      if (n > 0) *lists += NamedList(data, anchor + "-" + Slug(d), row.name + ", " + d, it->second);
    }
    out += "<td class=\"n\">" + std::to_string(row.reviewed) + " of " + std::to_string(row.systems) + "</td></tr>";
    *lists += NamedList(data, anchor, row.name, row.respondents);
    if (row.respondents.size() == 1) ++once;
    if (row.respondents.size() == 2) ++twice;
  }
  std::string plural = std::string(kind) + "s";
  plural[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(plural[0])));
  out += "</tbody></table><p class=\"note\">" + std::to_string(rows.size()) + " " + plural + " in all; " +
         std::to_string(once) + " named by one trust, " + std::to_string(twice) + " by two.</p>";
  return out;
}

}  // namespace

std::string ReportHtml(const ReportData& data, const std::string& dataset, const std::string& generated) {
  std::string lists;  // the respondents behind each number, at the end
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                  "<title>foicode report: " + E(dataset) + "</title><style>" + kStyle + "</style></head><body>";
  h += "<h1>Clinical AI in FOI replies: the coded dataset</h1><p class=\"meta\">Dataset " + E(dataset) +
       " &#183; made " + E(generated) + " by foicode from responses.jsonl, review decisions applied</p>";

  // Headline.
  const auto status = [&](const char* s) {
    const auto it = data.by_status.find(s);
    return it == data.by_status.end() ? std::vector<std::string>() : it->second;
  };
  h += "<h2 id=\"headline\">Headline</h2><div class=\"headline\">";
  if (data.contacted) h += Stat(std::to_string(*data.contacted), "organisations asked (cohort)");
  h += Stat(Count(data.replied, "list-replied"), "replied" + (data.contacted ? " (" + Share(data.replied, *data.contacted) + " of those asked)" : std::string()));
  if (data.contacted) h += Stat(Count(static_cast<int>(data.non_responders.size()), "non-responders"), "did not reply");
  h += Stat(Count(static_cast<int>(status("uses_ai").size()), "status-uses_ai"),
            "use clinical AI (" + Share(static_cast<int>(status("uses_ai").size()), data.replied) + " of replies)");
  h += Stat(Count(static_cast<int>(status("no_ai").size()), "status-no_ai"),
            "do not (" + Share(static_cast<int>(status("no_ai").size()), data.replied) + ")");
  h += Stat(Count(static_cast<int>(status("unclear").size()), "status-unclear"), "unclear: to review");
  int citing = 0;
  for (const RespondentLine& r : data.respondents) citing += r.exemptions.empty() ? 0 : 1;
  h += Stat(std::to_string(citing), "replies citing an FOI exemption");
  if (data.unattributed > 0) h += Stat(std::to_string(data.unattributed), "inputs whose sender could not be told");
  h += "</div>";
  if (!data.exemptions.empty()) {
    h += "<table><thead><tr><th>Exemption</th><th class=\"n\">Replies citing it</th></tr></thead><tbody>";
    for (const auto& [section, who] : data.exemptions) {
      h += "<tr><td>" + E(section) + "</td><td class=\"n\">" + Count(static_cast<int>(who.size()), "exemption-" + Slug(section)) + "</td></tr>";
      lists += NamedList(data, "exemption-" + Slug(section), "Citing " + section, who);
    }
    h += "</tbody></table>";
  }
  std::vector<std::string> replied;
  for (const RespondentLine& r : data.respondents) if (r.attributed) replied.push_back(r.name);
  lists += NamedList(data, "list-replied", "Replied", replied);
  for (const char* s : {"uses_ai", "no_ai", "unclear"}) lists += NamedList(data, std::string("status-") + s, std::string("Status ") + s, status(s));

  // How far to trust the numbers.
  h += "<h2 id=\"review\">Review state</h2><p>Of " + std::to_string(data.systems) + " systems: ";
  bool first = true;
  for (const auto& [state, n] : data.review_states) {
    h += (first ? "" : ", ") + std::to_string(n) + " " + Tag(state);
    first = false;
  }
  h += ". <span class=\"note\">\"machine\" is coded by foicode and not yet checked by a person; \"stale\" was "
       "checked, then the reply or the dictionaries changed.</span></p>";
  if (!data.open_flags.empty()) {
    h += "<table><thead><tr><th>Open flag</th><th class=\"n\">Items</th></tr></thead><tbody>";
    for (const auto& [code, n] : data.open_flags) h += "<tr><td>" + E(code) + "</td><td class=\"n\">" + std::to_string(n) + "</td></tr>";
    h += "</tbody></table>";
  } else {
    h += "<p>No open flags.</p>";
  }

  // Presence, charts, usage.
  h += "<h2 id=\"vendors\">Vendor presence</h2>" + Presence(data, data.vendors, "Vendor", "vendor-", &lists);
  h += "<h2 id=\"products\">Product presence</h2>" + Presence(data, data.products, "Product", "product-", &lists);
  std::vector<Bar> subs;
  for (const auto& [sub, who] : data.subspecialties) {
    subs.push_back({sub, static_cast<int>(who.size()), "#subspecialty-" + Slug(sub)});
    lists += NamedList(data, "subspecialty-" + Slug(sub), sub, who);
  }
  std::vector<Bar> deps;
  for (const std::string& d : kDeployments) {
    const auto it = data.deployments.find(d);
    deps.push_back({d == "not_in_use" ? "not in use" : d, it == data.deployments.end() ? 0 : it->second, ""});
  }
  h += "<h2 id=\"charts\">Subspecialties and deployment</h2><div class=\"charts\"><figure>" +
       BarChartSvg("Trusts with a system, by subspecialty", "trusts", subs) +
       "<figcaption class=\"note\">Trusts naming at least one system in each subspecialty.</figcaption></figure><figure>" +
       BarChartSvg("Systems by deployment state", "systems", deps) +
       "<figcaption class=\"note\">Every system named, by its deployment state.</figcaption></figure></div>";

  h += "<h2 id=\"usage\">Usage figures</h2>";
  if (data.usage.empty()) {
    h += "<p>No usage figures in the replies.</p>";
  } else {
    h += "<table><thead><tr><th>Vendor</th><th>Product</th><th>Trust</th><th class=\"n\">Figure</th><th>Unit</th>"
         "<th>Rate</th><th>Period</th><th class=\"n\">Per year</th><th>How</th><th>Review</th></tr></thead><tbody>";
    for (const UsageRow& u : data.usage) {
      h += "<tr><td>" + E(u.vendor) + "</td><td>" + E(u.product) + "</td><td>" + RespondentLink(data, u.respondent) +
           "</td><td class=\"n\">" + E(FigureText(u)) + "</td><td>" + E(u.unit) + "</td><td>" + E(u.per.empty() ? "" : "per " + u.per) +
           "</td><td>" + E(u.period) + "</td><td class=\"n\">" + AnnualText(u) + "</td><td class=\"note\">" + E(u.method) +
           "</td><td>" + Tag(u.review) + "</td></tr>";
    }
    h += "</tbody></table>";
  }

  // One line per respondent.
  h += "<h2 id=\"respondents\">Per respondent</h2><ul class=\"respondents\">";
  for (const RespondentLine& r : data.respondents) {
    h += "<li id=\"" + E(r.anchor) + "\"><strong>" + E(r.name) + "</strong>" + (r.known || !r.attributed ? "" : " <span class=\"tag\">not in dictionaries</span>") +
         " &#8212; " + E(r.status) + (r.response_date.empty() ? "" : ", replied " + E(r.response_date)) + " " + Tag(r.review);
    if (!r.systems.empty()) {
      h += "<br/>";
      for (std::size_t i = 0; i < r.systems.size(); ++i) {
        const SystemLine& s = r.systems[i];
        std::string name = s.vendor;
        if (!s.product.empty()) name += (name.empty() ? "" : " ") + s.product;
        if (name.empty()) {
          name = "an unnamed " + (s.subspecialty.empty() ? std::string("") : s.subspecialty + " ") + "system";
          if (!s.quote.empty()) name += ": \"" + s.quote + "\"";
        }
        h += (i ? "; " : "") + E(name) + " (" + E(s.deployment) + (s.usage.empty() ? "" : "; " + E(s.usage)) + ")" + Tag(s.review);
      }
    }
    if (!r.other_tools.empty()) {
      h += "<br/><span class=\"note\">Not clinical AI: ";
      for (std::size_t i = 0; i < r.other_tools.size(); ++i) h += (i ? ", " : "") + E(r.other_tools[i]);
      h += "</span>";
    }
    if (!r.exemptions.empty()) {
      h += "<br/><span class=\"note\">Exemptions:";
      for (const std::string& e : r.exemptions) h += " " + E(e);
      h += "</span>";
    }
    for (const std::string& f : r.open_flags) h += "<span class=\"tag flag\">" + E(f) + "</span>";
    h += "</li>";
  }
  h += "</ul>";

  if (data.contacted) {
    h += "<h2 id=\"non-responders\">Non-responders</h2><p>" + std::to_string(data.non_responders.size()) + " of " +
         std::to_string(*data.contacted) + " organisations asked sent no reply that foicode could attribute.</p><ul>";
    for (const std::string& n : data.non_responders) h += "<li>" + E(n) + "</li>";
    h += "</ul>";
    if (!data.not_in_cohort.empty()) {
      h += "<p class=\"note\">Replied but not in the cohort: ";
      for (std::size_t i = 0; i < data.not_in_cohort.size(); ++i) h += (i ? ", " : "") + RespondentLink(data, data.not_in_cohort[i]);
      h += ".</p>";
    }
  }
  h += "<h2 id=\"lists\">Who each number counts</h2><ul class=\"lists\">" + lists + "</ul></body></html>\n";
  return h;
}

}  // namespace foicode::report
