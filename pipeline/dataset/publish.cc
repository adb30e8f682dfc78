#include "dataset/publish.h"

#include <ctime>
#include <utility>

#include "batch/atomic_file.h"
#include "batch/dataset_writer.h"
#include "core/json_access.h"
#include "report/cohort.h"
#include "report/report_data.h"
#include "report/report_html.h"

namespace foicode::dataset {

Status ParseRecords(const std::vector<std::string>& texts, std::vector<nlohmann::json>* records) {
  records->clear();
  for (const std::string& t : texts) {
    nlohmann::json j = nlohmann::json::parse(t, nullptr, false);
    if (j.is_discarded()) return Status::Error("the state file holds a damaged record");
    records->push_back(std::move(j));
  }
  return Status::Ok();
}

Status LoadApplied(store::DatasetStore* store, SourceTexts* texts, Published* published) {
  std::vector<std::string> raw;
  if (Status s = store->MachineRecords(&raw); !s.ok()) return s;
  std::vector<nlohmann::json> machine;
  if (Status s = ParseRecords(raw, &machine); !s.ok()) return s;
  std::vector<std::string>().swap(raw);
  std::vector<store::StoredDecision> stored;
  if (Status s = store->Decisions(&stored); !s.ok()) return s;
  published->decisions.clear();
  for (const store::StoredDecision& d : stored) {
    nlohmann::json body = nlohmann::json::parse(d.json, nullptr, false);
    if (body.is_discarded() || !body.is_object()) return Status::Error("the state file holds a damaged decision (id " + std::to_string(d.id) + ")");
    published->decisions.push_back(review::Decision{d.id, std::move(body)});
  }
  published->applied = review::ApplyDecisions(std::move(machine), published->decisions,
                                              texts != nullptr ? texts->AsContextFn() : review::ContextFn());
  return Status::Ok();
}

Status Publish(store::DatasetStore* store, const std::filesystem::path& dir, SourceTexts* texts,
               Published* published, batch::StagedFiles* files) {
  if (Status s = LoadApplied(store, texts, published); !s.ok()) return s;
  if (Status s = batch::StageDataset(dir, published->applied.records, files); !s.ok()) return s;
  return StageReport(store, dir, published->applied.records, files);
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

Status StoredCohort(store::DatasetStore* store, std::vector<report::CohortMember>* cohort) {
  std::optional<std::string> json;
  if (Status s = store->GetMeta("cohort", &json); !s.ok()) return s;
  cohort->clear();
  if (json) *cohort = report::CohortFromJson(nlohmann::json::parse(*json, nullptr, false));
  return Status::Ok();
}

std::string DatasetName(const std::filesystem::path& dir) {
  return std::filesystem::absolute(dir).lexically_normal().filename().string();
}

Status StageReport(store::DatasetStore* store, const std::filesystem::path& dir,
                   const std::vector<nlohmann::json>& records, batch::StagedFiles* files) {
  std::vector<report::CohortMember> cohort;
  if (Status s = StoredCohort(store, &cohort); !s.ok()) return s;
  const report::ReportData data = report::ComputeReport(records, cohort);
  return files->Stage(dir / "report.html", report::ReportHtml(data, DatasetName(dir), UtcNow()));
}

std::map<std::string, review::SourceRef> SourceRefs(const std::vector<nlohmann::json>& records) {
  // Every input is in exactly one record's sources.
  std::map<std::string, review::SourceRef> refs;
  for (const nlohmann::json& record : records) {
    for (const nlohmann::json& s : ArrayAt(record, "sources")) {
      const std::string path = StringAt(s, "path");
      refs[path] = review::SourceRef{SourceId(path), StringAt(s, "kind")};
    }
  }
  return refs;
}

}  // namespace foicode::dataset
