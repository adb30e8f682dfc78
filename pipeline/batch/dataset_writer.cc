#include "batch/dataset_writer.h"

#include <algorithm>
#include <string_view>
#include <system_error>

#include "batch/atomic_file.h"

namespace foicode::batch {

std::string CsvField(std::string value) {
  // A cell that starts like a formula would run in a spreadsheet: replies are untrusted, so
  // it is shown as text (the OWASP advice for CSV injection).
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos)
    value.insert(0, 1, '\'');
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    row += CsvField(fields[i]);
  }
  return row + "\r\n";
}

namespace {

std::string StringOrEmpty(const nlohmann::json& j) { return j.is_string() ? j.get<std::string>() : ""; }

// "machine", "accepted", "corrected (stale)", ...: how far a person has checked the entry.
std::string ReviewState(const nlohmann::json& entry) {
  const auto it = entry.find("review");
  if (it == entry.end() || !it->is_object()) return "";
  std::string state = StringOrEmpty(it->value("state", nlohmann::json()));
  if (it->value("stale", false)) state += " (stale)";
  return state;
}

// Values of `key` in each element of `array`, joined with "; ", each value once.
std::string JoinField(const nlohmann::json& array, const char* key) {
  std::vector<std::string> seen;
  std::string out;
  for (const auto& item : array) {
    const std::string value = item.is_object() ? StringOrEmpty(item.value(key, nlohmann::json()))
                                               : StringOrEmpty(item);
    if (value.empty() || std::find(seen.begin(), seen.end(), value) != seen.end()) continue;
    seen.push_back(value);
    if (!out.empty()) out += "; ";
    out += value;
  }
  return out;
}

// The distinct vendors of a record's systems, in order.
std::string Vendors(const nlohmann::json& systems) {
  std::vector<std::string> seen;
  for (const auto& s : systems) {
    const std::string vendor = StringOrEmpty(s.value("vendor", nlohmann::json()));
    if (!vendor.empty() && std::find(seen.begin(), seen.end(), vendor) == seen.end()) seen.push_back(vendor);
  }
  std::string out;
  for (const std::string& v : seen) out += (out.empty() ? "" : "; ") + v;
  return out;
}

// "~2777-3000 lung checks per month (2023-10..2024-09)": one usage entry for a spreadsheet.
std::string UsageText(const nlohmann::json& u) {
  std::string text = u.value("approximate", false) ? "~" : "";
  text += std::to_string(u.value("low", 0LL));
  if (u.value("high", 0LL) != u.value("low", 0LL)) text += "-" + std::to_string(u.value("high", 0LL));
  if (const std::string unit = StringOrEmpty(u.value("unit", nlohmann::json())); !unit.empty())
    text += " " + unit;
  if (const std::string per = StringOrEmpty(u.value("per", nlohmann::json())); !per.empty())
    text += " per " + per;
  const nlohmann::json period = u.value("period", nlohmann::json());
  if (period.is_object()) {
    const std::string start = StringOrEmpty(period.value("start", nlohmann::json()));
    const std::string end = StringOrEmpty(period.value("end", nlohmann::json()));
    text += (start.empty() && end.empty()) ? " (" + StringOrEmpty(period.value("text", nlohmann::json())) + ")"
                                           : " (" + start + ".." + end + ")";
  }
  return text;
}

}  // namespace

std::string ResponsesJsonl(const std::vector<nlohmann::json>& records) {
  std::string out;
  for (const auto& r : records) {
    // Invalid UTF-8 can't reach here (extraction repairs it); replace rather than throw anyway.
    out += r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out += '\n';
  }
  return out;
}

std::string ResponsesCsv(const std::vector<nlohmann::json>& records) {
  std::string out = CsvRow({"respondent", "known", "status", "exemptions", "response_date",
                            "systems", "vendors", "sources", "errors", "flags", "review"});
  for (const auto& r : records) {
    const auto& respondent = r["respondent"];
    out += CsvRow({StringOrEmpty(respondent["name"]),
                   respondent["known"].get<bool>() ? "true" : "false",
                   StringOrEmpty(r["status"]),
                   JoinField(r["exemptions"], ""),
                   StringOrEmpty(r["response_date"]),
                   std::to_string(r["systems"].size()),
                   Vendors(r["systems"]),
                   JoinField(r["sources"], "path"),
                   JoinField(r["sources"], "error"),
                   JoinField(r["flags"], "code"),
                   ReviewState(r)});
  }
  return out;
}

std::string SystemsCsv(const std::vector<nlohmann::json>& records) {
  std::string out = CsvRow({"respondent", "vendor", "product", "subspecialty", "deployment",
                            "usage", "evidence", "flags", "review"});
  for (const auto& r : records) {
    for (const auto& s : r["systems"]) {
      std::string usage;
      for (const auto& u : s.value("usage", nlohmann::json::array())) {
        if (!usage.empty()) usage += "; ";
        usage += UsageText(u);
      }
      out += CsvRow({StringOrEmpty(r["respondent"]["name"]), StringOrEmpty(s["vendor"]),
                     StringOrEmpty(s["product"]), StringOrEmpty(s["subspecialty"]),
                     StringOrEmpty(s["deployment"]), usage, JoinField(s["evidence"], "quote"),
                     JoinField(s["flags"], "code"), ReviewState(s)});
    }
  }
  return out;
}

Status WriteDataset(const std::filesystem::path& dir, const std::vector<nlohmann::json>& records) {
  StagedFiles files;
  if (Status s = StageDataset(dir, records, &files); !s.ok()) return s;
  return files.Commit();
}

Status StageDataset(const std::filesystem::path& dir, const std::vector<nlohmann::json>& records,
                    StagedFiles* staged) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::Error("cannot create " + dir.string() + ": " + ec.message());
  const std::pair<const char*, std::string> files[] = {
      {"responses.jsonl", ResponsesJsonl(records)},
      {"responses.csv", ResponsesCsv(records)},
      {"systems.csv", SystemsCsv(records)},
  };
  for (const auto& [name, contents] : files) {
    if (Status s = staged->Stage(dir / name, contents); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace foicode::batch
