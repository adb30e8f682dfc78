#include "review/review_csv.h"

#include <csv.h>

#include <charconv>
#include <map>

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

// What libcsv hands back, row by row.
struct Collector {
  std::vector<std::vector<std::string>> rows;
  std::vector<int> lines;
  std::vector<std::string> current;
  int line = 1;
  int row_start = 1;
};

void OnField(void* data, std::size_t size, void* collector) {
  auto* c = static_cast<Collector*>(collector);
  c->current.emplace_back(static_cast<const char*>(data), size);
}

void OnRow(int, void* collector) {
  auto* c = static_cast<Collector*>(collector);
  c->rows.push_back(std::move(c->current));
  c->lines.push_back(c->row_start);
  c->current.clear();
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
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return Status::Error("cannot start the CSV reader");
  Collector collector;
  // Fed line by line so each row knows the line it starts on.
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    end = end == std::string::npos ? text.size() : end + 1;
    // A row begins on this line only if libcsv is not inside one (a quoted first cell may span lines).
    if (collector.current.empty() && parser.pstate == 0) collector.row_start = collector.line;
    if (csv_parse(&parser, text.data() + pos, end - pos, OnField, OnRow, &collector) != end - pos) {
      Status s = Status::Error("line " + std::to_string(collector.line) + ": not valid CSV: " +
                               csv_strerror(csv_error(&parser)));
      csv_free(&parser);
      return s;
    }
    ++collector.line;
    pos = end;
  }
  if (csv_fini(&parser, OnField, OnRow, &collector) != 0) {
    Status s = Status::Error("not valid CSV at the end of the file: " + std::string(csv_strerror(csv_error(&parser))));
    csv_free(&parser);
    return s;
  }
  csv_free(&parser);
  if (collector.rows.empty()) return Status::Error("the file is empty: export the queue with --export first");
  std::vector<std::string> header = collector.rows[0];
  if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0].erase(0, 3);  // a spreadsheet's BOM
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < header.size(); ++i) at[header[i]] = i;
  if (!at.count("id") || !at.count("verdict"))
    return Status::Error("the first row must name the columns, with 'id' and 'verdict' among them");

  for (std::size_t r = 1; r < collector.rows.size(); ++r) {
    const std::vector<std::string>& row = collector.rows[r];
    const std::string verdict = Cell(row, at, "verdict");
    if (verdict.empty()) continue;
    ImportRow out;
    out.line = collector.lines[r];
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
