#include "report/cohort.h"

#include <map>
#include <set>

#include "batch/csv_reader.h"

namespace foicode::report {
namespace {

constexpr std::size_t kMaxLines = 100000;

std::string Trim(std::string s) {
  const auto not_space = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
  while (!s.empty() && !not_space(s.back())) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && !not_space(s[start])) ++start;
  return s.substr(start);
}

}  // namespace

Status ReadCohort(const std::string& text, const normalise::Dictionary* dictionary,
                  std::vector<CohortMember>* cohort) {
  cohort->clear();
  std::string body = text;
  if (body.rfind("\xEF\xBB\xBF", 0) == 0) body.erase(0, 3);  // a spreadsheet's byte order mark
  std::vector<std::string> names;
  const std::size_t first_end = body.find('\n');
  const std::string first = Trim(body.substr(0, first_end));
  bool csv = false;
  if (first.find(',') != std::string::npos || first == "name") {
    std::vector<batch::CsvRecord> rows;
    if (Status s = batch::ReadCsv(body, &rows); !s.ok())
      return Status::Error("the cohort file is not valid CSV: " + s.message());
    if (!rows.empty()) {
      const std::vector<std::string>& header = rows[0].fields;
      for (std::size_t c = 0; c < header.size(); ++c) {
        if (Trim(header[c]) != "name") continue;
        csv = true;
        if (rows.size() > kMaxLines) return Status::Error("the cohort file has over 100,000 rows");
        for (std::size_t r = 1; r < rows.size(); ++r)
          if (c < rows[r].fields.size()) names.push_back(Trim(rows[r].fields[c]));
      }
    }
  }
  if (!csv) {
    std::size_t pos = 0;
    std::size_t lines = 0;
    while (pos <= body.size()) {
      std::size_t end = body.find('\n', pos);
      if (end == std::string::npos) end = body.size();
      if (++lines > kMaxLines) return Status::Error("the cohort file has over 100,000 lines");
      names.push_back(Trim(body.substr(pos, end - pos)));
      pos = end + 1;
    }
  }
  // Organisations by fingerprint: "Hull University Teaching Hospitals NHS Trust", "HUTH", ...
  std::map<std::string, std::string> canonical;
  if (dictionary != nullptr) {
    for (const normalise::DictionaryName& n : dictionary->names()) {
      if (n.kind != NameKind::kOrganisation) continue;
      canonical.emplace(n.fingerprint, dictionary->organisations()[n.entry].name);
    }
  }
  std::set<std::string> seen;
  for (const std::string& written : names) {
    if (written.empty() || written[0] == '#') continue;
    CohortMember member{written, written, false};
    const std::string fingerprint = normalise::Fingerprint(written);
    if (const auto it = canonical.find(fingerprint); it != canonical.end()) {
      member.name = it->second;
      member.known = true;
    }
    if (!seen.insert(member.name).second)
      return Status::Error("the cohort names " + member.name + " twice ('" + written + "')");
    cohort->push_back(std::move(member));
  }
  if (cohort->empty()) return Status::Error("the cohort file names no organisation");
  return Status::Ok();
}

nlohmann::json ToJson(const std::vector<CohortMember>& cohort) {
  nlohmann::json out = nlohmann::json::array();
  for (const CohortMember& m : cohort) out.push_back({{"name", m.name}, {"written", m.written}, {"known", m.known}});
  return out;
}

std::vector<CohortMember> CohortFromJson(const nlohmann::json& json) {
  std::vector<CohortMember> cohort;
  if (!json.is_array()) return cohort;
  for (const nlohmann::json& m : json) {
    if (!m.is_object() || !m.value("name", nlohmann::json()).is_string()) continue;
    cohort.push_back({m["name"].get<std::string>(), m.value("written", m["name"].get<std::string>()),
                      m.value("known", false)});
  }
  return cohort;
}

}  // namespace foicode::report
