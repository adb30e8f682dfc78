#include "dataset/dataset_review.h"

#include <algorithm>
#include <map>
#include <set>

#include "batch/run_batch.h"
#include "dataset/dataset_lock.h"
#include "dataset/publish.h"
#include "dataset/source_texts.h"
#include "extract/sha256.h"
#include "review/decision_request.h"
#include "review/review_queue.h"

namespace foicode::dataset {

DatasetReview::DatasetReview(std::filesystem::path dir, std::unique_ptr<store::DatasetStore> store,
                             const normalise::Dictionary* dictionary, std::string reviewer)
    : dir_(std::move(dir)), store_(std::move(store)), dictionary_(dictionary), reviewer_(std::move(reviewer)) {}

Status DatasetReview::Open(const std::filesystem::path& dir, const normalise::Dictionary* dictionary,
                           std::string reviewer, std::unique_ptr<DatasetReview>* review) {
  std::unique_ptr<store::DatasetStore> store;
  if (Status s = store::DatasetStore::OpenExisting(dir, &store); !s.ok()) return s;
  std::unique_ptr<DatasetReview> opened(new DatasetReview(dir, std::move(store), dictionary, std::move(reviewer)));
  if (Status s = opened->Load(); !s.ok()) return s;
  *review = std::move(opened);
  return Status::Ok();
}

Status DatasetReview::Load() {
  // Read afresh each time: a run may have refreshed the dataset meanwhile.
  SourceTexts texts(store_.get());
  Published published;
  if (Status s = LoadApplied(store_.get(), &texts, &published); !s.ok()) return s;
  records_ = published.applied.records;
  queue_ = review::BuildQueue(published.applied, published.decisions, SourceRefs(records_));
  return Status::Ok();
}

nlohmann::json DatasetReview::Queue() {
  if (Status s = Load(); !s.ok()) return {{"error", s.message()}};
  return queue_;
}

std::optional<nlohmann::json> DatasetReview::ItemContext(const std::string& item_id) {
  if (!Load().ok()) return std::nullopt;
  const nlohmann::json* item = review::FindItem(queue_, item_id);
  if (item == nullptr || !(*item)["evidence"].is_object()) return std::nullopt;
  SourceTexts texts(store_.get());
  const std::string* text = texts.PageText((*item)["evidence"]);
  if (text == nullptr) return std::nullopt;
  return nlohmann::json{{"text", *text}, {"start", (*item)["evidence"].value("start", 0)},
                        {"end", (*item)["evidence"].value("end", 0)}};
}

Status DatasetReview::DecideAll(const std::vector<nlohmann::json>& requests, Apply apply,
                                std::vector<std::string>* errors, int* stored) {
  if (Status s = Load(); !s.ok()) return s;
  SourceTexts texts(store_.get());
  review::RequestContext context;
  context.queue = &queue_;
  context.records = &records_;
  context.reviewer = reviewer_;
  context.now = UtcNow();
  context.context = texts.AsContextFn();
  context.is_known_organisation = [this](const std::string& name) {
    return dictionary_ != nullptr && dictionary_->FindOrganisation(name) != nullptr;
  };
  std::vector<std::vector<nlohmann::json>> made(requests.size());
  errors->assign(requests.size(), "");
  bool any_error = false;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (Status s = review::MakeDecisions(requests[i], context, &made[i]); !s.ok()) {
      (*errors)[i] = s.message();
      any_error = true;
    }
  }
  *stored = 0;
  if (apply == Apply::kCheckOnly || (any_error && apply == Apply::kAllOrNothing)) return Status::Ok();
  std::vector<std::string> bodies;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (!(*errors)[i].empty()) continue;
    for (const nlohmann::json& d : made[i]) bodies.push_back(d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  if (bodies.empty()) return Status::Ok();
  // One writer at a time with a run; the decisions go in together or not at all.
  std::unique_ptr<DatasetLock> lock;
  if (Status s = DatasetLock::Acquire(dir_, DatasetLock::Kind::kWrite, &lock); !s.ok()) return s;
  if (Status s = store_->AppendDecisions(bodies, &last_ids_); !s.ok()) return s;
  *stored = static_cast<int>(bodies.size());
  Published published;
  batch::StagedFiles files;
  Status written = Publish(store_.get(), dir_, &texts, &published, &files);
  if (written.ok()) written = files.Commit();
  if (Status s = written; !s.ok()) {
    return Status::Error("the decisions are saved, but the dataset files could not be rewritten: " + s.message() +
                         " (the next 'foicode run' writes them)");
  }
  return Load();
}

Status DatasetReview::Decide(const nlohmann::json& request, nlohmann::json* result) {
  std::vector<std::string> errors;
  int stored = 0;
  if (Status s = DecideAll({request}, Apply::kAllOrNothing, &errors, &stored); !s.ok()) return s;
  if (!errors[0].empty()) return Status::Error(errors[0]);
  std::vector<store::StoredDecision> decisions;
  if (Status s = store_->Decisions(&decisions); !s.ok()) return s;
  nlohmann::json out = nlohmann::json::array();
  for (const store::StoredDecision& d : decisions) {
    if (std::find(last_ids_.begin(), last_ids_.end(), d.id) == last_ids_.end()) continue;
    nlohmann::json body = nlohmann::json::parse(d.json, nullptr, false);
    body["id"] = d.id;
    out.push_back(std::move(body));
  }
  *result = {{"decisions", std::move(out)}, {"progress", queue_["progress"]}};
  return Status::Ok();
}

nlohmann::json DatasetReview::CanonicalNames() {
  nlohmann::json vendors = nlohmann::json::array();
  nlohmann::json products = nlohmann::json::array();
  nlohmann::json organisations = nlohmann::json::array();
  std::set<std::string> subspecialties;
  if (dictionary_ != nullptr) {
    for (const auto& v : dictionary_->vendors()) {
      vendors.push_back(v.name);
      if (!v.subspecialty.empty()) subspecialties.insert(v.subspecialty);
    }
    for (const auto& p : dictionary_->products()) {
      products.push_back({{"name", p.name}, {"vendor", p.vendor}, {"subspecialty", p.subspecialty}});
      if (!p.subspecialty.empty()) subspecialties.insert(p.subspecialty);
    }
    for (const auto& o : dictionary_->organisations()) organisations.push_back(o.name);
  }
  return {{"vendors", vendors}, {"products", products}, {"organisations", organisations},
          {"subspecialties", std::vector<std::string>(subspecialties.begin(), subspecialties.end())},
          {"deployments", {"live", "pilot", "planned", "not_in_use", "unknown"}},
          {"statuses", {"uses_ai", "no_ai", "unclear"}},
          {"rates", {"day", "week", "month", "year"}}};
}

std::optional<review::SourceFile> DatasetReview::Source(int source_id) {
  std::vector<store::InputRow> inputs;
  if (!store_->Inputs(&inputs).ok()) return std::nullopt;
  const auto it = std::find_if(inputs.begin(), inputs.end(),
                               [&](const store::InputRow& r) { return SourceId(r.display_path) == source_id; });
  if (it == inputs.end()) return std::nullopt;
  const store::InputRow& row = *it;
  review::SourceFile file;
  if (batch::ReadInputFile(batch::InputFile{row.display_path, row.fs_path}, limits_, &file.bytes)) return std::nullopt;
  // The file on disk must still be the one that was coded.
  if (extract::Sha256Hex(file.bytes) != row.sha256) return std::nullopt;
  file.display_path = row.display_path;
  file.file_name = std::filesystem::path(row.display_path).filename().string();
  const std::map<std::string, review::SourceRef> refs = SourceRefs(records_);
  if (const auto ref = refs.find(row.display_path); ref != refs.end()) file.kind = ref->second.kind;
  return file;
}

}  // namespace foicode::dataset
