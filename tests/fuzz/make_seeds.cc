// Writes seed inputs that cannot be copied from samples/: `make_seeds store DIR` writes a
// state file made the way a run and a review make it; `make_seeds review_decisions DIR`
// writes requests on items of the golden dataset's review queue, and the decisions made
// from them; `make_seeds review_csv DIR` the queue exported and a sheet filled in. Run by seed.sh; nothing it writes is kept in the source tree.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "review/review_csv.h"
#include "review_fixture.h"
#include "store/dataset_store.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Requests on the first items of each kind, with every action the review page sends.
std::vector<json> Requests() {
  const foicode::fuzz::ReviewFixture& fixture = foicode::fuzz::Review();
  std::vector<json> requests;
  int taken = 0;
  for (const json& item : fixture.queue["items"]) {
    if (!item.contains("id") || ++taken > 12) continue;
    const json id = item["id"];
    requests.push_back({{"item", id}, {"action", "accept"}, {"reason", "checked"}});
    requests.push_back({{"item", id}, {"action", "reject"}, {"reason", "not a system"}});
    requests.push_back({{"item", id},
                        {"action", "correct"},
                        {"value", {{"vendor", "Aidence"}, {"product", "Veye Lung Nodules"},
                                   {"deployment", "live"}}}});
    requests.push_back({{"item", id},
                        {"action", "correct"},
                        {"usage", 0},
                        {"value", {{"low", 10}, {"high", 15}, {"per", "month"}, {"unit", "scans"},
                                   {"approximate", true}}}});
    requests.push_back({{"item", id}, {"action", "correct"}, {"value", {{"status", "no_ai"}}}});
  }
  for (std::size_t i = 0; i < fixture.applied.records.size() && i < 3; ++i) {
    const json& record = fixture.applied.records[i];
    requests.push_back({{"record", record["respondent"]["name"]},
                        {"action", "add"},
                        {"value", {{"vendor", "Brainomix"}, {"product", "e-Stroke"},
                                   {"subspecialty", "Neurology"}, {"deployment", "pilot"}}},
                        {"reason", "named on page 2"}});
  }
  return requests;
}

std::vector<json> Decisions(const std::vector<json>& requests) {
  std::vector<json> decisions;
  for (const json& request : requests) {
    std::vector<json> made;
    if (foicode::review::MakeDecisions(request, foicode::fuzz::Review().request_context, &made).ok()) {
      for (json& d : made) decisions.push_back(std::move(d));
    }
  }
  return decisions;
}

bool Write(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

int ReviewSeeds(const fs::path& dir) {
  const std::vector<json> requests = Requests();
  int n = 0;
  for (const json& request : requests) {
    if (!Write(dir / ("request-" + std::to_string(++n) + ".json"), request.dump())) return 1;
  }
  const std::vector<json> decisions = Decisions(requests);
  n = 0;
  for (const json& decision : decisions) {
    if (!Write(dir / ("decision-" + std::to_string(++n) + ".json"), decision.dump())) return 1;
  }
  return Write(dir / "requests.json", json(requests).dump()) ? 0 : 1;
}

std::string CsvCell(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// The queue as exported, and a sheet filled in by a reviewer.
int ReviewCsvSeeds(const fs::path& dir) {
  const foicode::fuzz::ReviewFixture& fixture = foicode::fuzz::Review();
  if (!Write(dir / "export.csv", foicode::review::ExportReviewCsv(fixture.queue))) return 1;
  std::string sheet =
      "id,record,verdict,new_vendor,new_product,new_subspecialty,new_deployment,new_status,"
      "new_respondent,new_low,new_high,new_per,new_unit,usage_index,reason\n";
  const char* rows[] = {
      ",accept,,,,,,,,,,,,checked",
      ",reject,,,,,,,,,,,,not a system",
      ",correct,Aidence,Veye Lung Nodules,Radiology,live,,,,,,,,named in the letter",
      ",correct,,,,,,,,10,15,month,scans,0,figure misread",
      ",correct,,,,,no_ai,,,,,,,the reply says none",
  };
  int taken = 0;
  for (const json& item : fixture.queue["items"]) {
    if (!item.contains("id") || !item["id"].is_string()) continue;
    const std::string record = item.value("record", std::string());
    sheet += CsvCell(item["id"].get<std::string>()) + "," + CsvCell(record) +
             rows[taken % std::size(rows)] + "\n";
    if (++taken >= 10) break;
  }
  if (!fixture.applied.records.empty()) {
    sheet += "," + CsvCell(fixture.applied.records[0]["respondent"]["name"].get<std::string>()) +
             ",add,Brainomix,e-Stroke,Neurology,pilot,,,,,,,,named on page 2\n";
  }
  return Write(dir / "filled.csv", sheet) ? 0 : 1;
}

int StoreSeeds(const fs::path& dir) {
  namespace store = foicode::store;
  const fs::path work = dir / "make-seeds.tmp";
  fs::remove_all(work);
  {
    std::unique_ptr<store::DatasetStore> state;
    foicode::Status s = store::DatasetStore::Open(work, &state);
    std::vector<store::InputRow> inputs;
    std::vector<std::string> records;
    int i = 0;
    for (const json& record : foicode::fuzz::Review().machine) {
      records.push_back(record.dump());
      if (++i > 4) continue;
      store::InputRow row;
      row.display_path = "replies/reply-" + std::to_string(i) + ".eml";
      row.fs_path = "/data/replies/reply-" + std::to_string(i) + ".eml";
      row.size = 1000 + i;
      row.mtime_ns = 1700000000000000000 + i;
      row.ctime_ns = row.mtime_ns;
      row.inode = i;
      row.sha256 = std::string(64, static_cast<char>('a' + i));
      row.cache_key = row.sha256 + ".eml";
      if (s.ok()) s = state->PutExtraction(row.cache_key, R"({"source":"x","parts":[]})");
      inputs.push_back(row);
    }
    if (s.ok()) s = state->CommitRun(inputs, records, "fingerprint", 1700000000000000000);
    if (s.ok()) s = state->CommitBaseline(inputs, records, "1");
    std::vector<std::string> decisions;
    for (const json& d : Decisions(Requests())) {
      if (decisions.size() < 8) decisions.push_back(d.dump());
    }
    std::vector<std::int64_t> ids;
    if (s.ok()) s = state->AppendDecisions(decisions, &ids);
    if (!s.ok()) {
      std::fprintf(stderr, "make_seeds: %s\n", s.message().c_str());
      return 1;
    }
  }  // closed: the WAL is checkpointed into the file
  fs::copy_file(work / store::kStateFileName, dir / "state.sqlite",
                fs::copy_options::overwrite_existing);
  {
    // An empty, newly made state file too.
    fs::remove_all(work);
    std::unique_ptr<store::DatasetStore> state;
    if (!store::DatasetStore::Open(work, &state).ok()) return 1;
  }
  fs::copy_file(work / store::kStateFileName, dir / "empty.sqlite",
                fs::copy_options::overwrite_existing);
  fs::remove_all(work);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_seeds store|review_decisions|review_csv DIR\n");
    return 2;
  }
  const std::string what = argv[1];
  const fs::path dir = argv[2];
  fs::create_directories(dir);
  if (what == "store") return StoreSeeds(dir);
  if (what == "review_decisions") return ReviewSeeds(dir);
  if (what == "review_csv") return ReviewCsvSeeds(dir);
  std::fprintf(stderr, "make_seeds: unknown target %s\n", argv[1]);
  return 2;
}
