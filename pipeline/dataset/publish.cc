#include "dataset/publish.h"
#include "review/json_access.h"

#include "batch/dataset_writer.h"

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
    if (body.is_discarded()) return Status::Error("the state file holds a damaged decision (id " + std::to_string(d.id) + ")");
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
  std::vector<std::string> dumped;
  for (const nlohmann::json& r : published->applied.records)
    dumped.push_back(r.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  std::optional<std::string> generation;
  if (Status s = store->GetMeta("generation", &generation); !s.ok()) return s;
  return store->CommitPublished(dumped, generation.value_or("0"));
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
      for (const nlohmann::json& s : review::ArrayAt(r, "sources"))
        kinds[s.value("path", "")] = s.value("kind", "");
    }
  }
  for (std::size_t i = 0; i < inputs.size(); ++i)
    refs[inputs[i].display_path] = review::SourceRef{static_cast<int>(i), kinds[inputs[i].display_path]};
  return refs;
}

}  // namespace foicode::dataset
