#include "dataset/publish.h"

#include <ctime>

#include "batch/atomic_file.h"
#include "batch/dataset_writer.h"
#include "core/json_access.h"
#include "report/cohort.h"
#include "report/report_data.h"
#include "report/report_html.h"

namespace foicode::dataset {
namespace {

Status ParseAll(const std::vector<std::string>& texts, const char* what, std::vector<nlohmann::json>* out) {
  out->clear();
  for (const std::string& t : texts) {
    nlohmann::json j = nlohmann::json::parse(t, nullptr, false);
    if (j.is_discarded()) return Status::Error(std::string("the state file holds a damaged ") + what);
    out->push_back(std::move(j));
  }
  return Status::Ok();
}

}  // namespace

Status LoadApplied(store::DatasetStore* store, SourceTexts* texts, Published* published) {
  std::vector<std::string> raw;
  if (Status s = store->MachineRecords(&raw); !s.ok()) return s;
  std::vector<nlohmann::json> machine;
  if (Status s = ParseAll(raw, "record", &machine); !s.ok()) return s;
  if (Status s = store->PublishedRecords(&raw); !s.ok()) return s;
  if (Status s = ParseAll(raw, "record", &published->previous); !s.ok()) return s;
  std::vector<store::StoredDecision> stored;
  if (Status s = store->Decisions(&stored); !s.ok()) return s;
  published->decisions.clear();
  for (const store::StoredDecision& d : stored) {
    nlohmann::json body = nlohmann::json::parse(d.json, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return Status::Error("the state file holds a damaged decision (id " + std::to_string(d.id) + ")");
    published->decisions.push_back(review::Decision{d.id, std::move(body)});
  }
  published->applied = review::ApplyDecisions(machine, published->decisions,
                                              texts != nullptr ? texts->AsContextFn() : review::ContextFn());
  return Status::Ok();
}

Status Publish(store::DatasetStore* store, const std::filesystem::path& dir, SourceTexts* texts,
               Published* published) {
  if (Status s = LoadApplied(store, texts, published); !s.ok()) return s;
  if (Status s = batch::WriteDataset(dir, published->applied.records); !s.ok()) return s;
  if (Status s = WriteReport(store, dir, published->applied.records); !s.ok()) return s;
  std::vector<std::string> dumped;
  for (const nlohmann::json& r : published->applied.records)
    dumped.push_back(r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  std::optional<std::string> generation;
  if (Status s = store->GetMeta("generation", &generation); !s.ok()) return s;
  return store->CommitPublished(dumped, generation.value_or("0"));
}

int SourceId(const std::string& display_path) {
  // FNV-1a: stable across runs and builds, unlike a position that moves when inputs arrive.
  std::uint32_t h = 2166136261u;
  for (unsigned char c : display_path) {
    h ^= c;
    h *= 16777619u;
  }
  return static_cast<int>(h & 0x7fffffff);
}

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status WriteReport(store::DatasetStore* store, const std::filesystem::path& dir,
                   const std::vector<nlohmann::json>& records) {
  std::optional<std::string> cohort_json;
  if (Status s = store->GetMeta("cohort", &cohort_json); !s.ok()) return s;
  std::vector<report::CohortMember> cohort;
  if (cohort_json) cohort = report::CohortFromJson(nlohmann::json::parse(*cohort_json, nullptr, false));
  const report::ReportData data = report::ComputeReport(records, cohort);
  const std::string name = std::filesystem::absolute(dir).lexically_normal().filename().string();
  return batch::WriteFileAtomically(dir / "report.html", report::ReportHtml(data, name, UtcNow()));
}

std::map<std::string, review::SourceRef> SourceRefs(store::DatasetStore* store) {
  std::map<std::string, review::SourceRef> refs;
  std::vector<store::InputRow> inputs;
  if (!store->Inputs(&inputs).ok()) return refs;
  std::vector<std::string> raw;
  std::map<std::string, std::string> kinds;
  if (store->MachineRecords(&raw).ok()) {
    for (const std::string& t : raw) {
      const nlohmann::json r = nlohmann::json::parse(t, nullptr, false);
      if (r.is_discarded()) continue;
      for (const nlohmann::json& s : ArrayAt(r, "sources"))
        kinds[s.value("path", "")] = s.value("kind", "");
    }
  }
  for (const store::InputRow& row : inputs)
    refs[row.display_path] = review::SourceRef{SourceId(row.display_path), kinds[row.display_path]};
  return refs;
}

}  // namespace foicode::dataset
