#include "review/review_csv.h"

#include <charconv>
#include <map>

#include "batch/csv_reader.h"
#include "batch/dataset_writer.h"
#include "core/json_access.h"
#include "core/utf8.h"

namespace foicode::review {
namespace {

using nlohmann::json;

const std::vector<std::string> kColumns = {
    "id", "record", "respondent", "code", "message", "target", "state", "vendor", "product", "subspecialty",
    "deployment", "figures", "quote", "source", "page", "verdict", "new_vendor", "new_product",
    "new_subspecialty", "new_deployment", "new_status", "new_respondent", "new_low", "new_high",
    "new_per", "new_unit", "usage_index", "reason"};

std::string Text(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_null()) return "";
  return j.dump();
}

std::string Figures(const json& system) {
  std::string out;
  if (!system.is_object()) return out;
  int i = 0;
  for (const json& u : ArrayAt(system, "usage")) {
    if (!out.empty()) out += "; ";
    out += "[" + std::to_string(i++) + "] " + Text(u.value("low", json()));
    if (u.value("high", json()) != u.value("low", json())) out += "-" + Text(u.value("high", json()));
    if (!Text(u.value("unit", json())).empty()) out += " " + Text(u["unit"]);
    if (u.value("per", json()).is_string()) out += " per " + Text(u["per"]);
  }
  return out;
}

// A spreadsheet may keep the "'" foicode put before a formula-like cell: take it off.
std::string Cell(const std::vector<std::string>& row, const std::map<std::string, std::size_t>& at,
                 const std::string& column) {
  const auto it = at.find(column);
  if (it == at.end() || it->second >= row.size()) return "";
  std::string v = row[it->second];
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.pop_back();
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.erase(0, 1);
  if (v.size() > 1 && v[0] == '\'' && std::string_view("=+-@").find(v[1]) != std::string_view::npos) v.erase(0, 1);
  return v;
}

bool ParseWhole(const std::string& s, long long* out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::string ExportReviewCsv(const json& queue) {
  std::string out = batch::CsvRow(kColumns);
  for (const json& item : ArrayAt(queue, "items")) {
    const json& system = item.value("system", json());
    const json& evidence = item.value("evidence", json());
    auto sys = [&](const char* key) { return system.is_object() ? Text(system.value(key, json())) : ""; };
    auto ev = [&](const char* key) { return evidence.is_object() ? Text(evidence.value(key, json())) : ""; };
    std::vector<std::string> row = {
        Text(item["id"]), Text(item["record"]), Text(item.value("respondent", json())), Text(item["code"]),
        Text(item.value("message", json())), Text(item["target"]), Text(item["state"]), sys("vendor"),
        sys("product"), sys("subspecialty"), sys("deployment"), Figures(system), ev("quote"), ev("source"),
        ev("page")};
    row.resize(kColumns.size());
    out += batch::CsvRow(row);
  }
  return out;
}

Status ParseReviewCsv(const std::string& text, std::vector<ImportRow>* rows) {
  rows->clear();
  std::vector<batch::CsvRecord> records;
  if (Status s = batch::ReadCsv(text, &records); !s.ok()) return s;
  if (records.empty()) return Status::Error("the file is empty: export the queue with --export first");
  std::vector<std::string> header = records[0].fields;
  if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0].erase(0, 3);  // a spreadsheet's BOM
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < header.size(); ++i) at[header[i]] = i;
  if (!at.count("id") || !at.count("verdict"))
    return Status::Error("the first row must name the columns, with 'id' and 'verdict' among them");

  for (std::size_t r = 1; r < records.size(); ++r) {
    const std::vector<std::string>& row = records[r].fields;
    const std::string verdict = Cell(row, at, "verdict");
    if (verdict.empty()) continue;
    ImportRow out;
    out.line = records[r].line;
    auto fail = [&](const std::string& message) {
      out.error = message;
      out.request = nullptr;
      rows->push_back(out);
    };
    bool utf8 = true;
    for (const std::string& cell : row) utf8 = utf8 && IsValidUtf8(cell);
    if (!utf8) {
      fail("the row is not UTF-8 text: save the file as CSV UTF-8");
      continue;
    }
    const std::string id = Cell(row, at, "id");
    const std::string record = Cell(row, at, "record");
    if (verdict != "accept" && verdict != "correct" && verdict != "reject" && verdict != "add") {
      fail("verdict must be accept, correct, reject or add, not '" + verdict + "'");
      continue;
    }
    if (verdict == "add" && record.empty()) { fail("an 'add' row names its respondent in the 'record' column"); continue; }
    if (verdict != "add" && id.empty()) { fail("no id: the row must keep the id foicode exported"); continue; }
    json value = json::object();
    for (const char* field : {"vendor", "product", "subspecialty", "deployment", "status", "respondent", "per", "unit"}) {
      const std::string v = Cell(row, at, std::string("new_") + field);
      if (!v.empty()) value[field] = v;
    }
    bool bad = false;
    for (const char* field : {"low", "high"}) {
      const std::string v = Cell(row, at, std::string("new_") + field);
      if (v.empty()) continue;
      long long n = 0;
      if (!ParseWhole(v, &n)) {
        fail(std::string("new_") + field + " must be a whole number, not '" + v + "'");
        bad = true;
        break;
      }
      value[field] = n;
    }
    if (bad) continue;
    if ((verdict == "correct" || verdict == "add") && value.empty()) {
      fail("a correction or an added system needs at least one new_ column filled in");
      continue;
    }
    if (verdict != "correct" && verdict != "add" && !value.empty()) {
      fail("new_ columns are only read with the verdicts 'correct' and 'add'");
      continue;
    }
    out.request = {{"action", verdict}, {"value", value}, {"reason", Cell(row, at, "reason")}};
    if (verdict == "add") out.request["record"] = record;
    else out.request["item"] = id;
    const std::string index = Cell(row, at, "usage_index");
    if (!index.empty()) {
      long long n = 0;
      if (!ParseWhole(index, &n)) { fail("usage_index must be a whole number, not '" + index + "'"); continue; }
      out.request["usage"] = n;
    }
    rows->push_back(std::move(out));
  }
  return Status::Ok();
}

}  // namespace foicode::review
