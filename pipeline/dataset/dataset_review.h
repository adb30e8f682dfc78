// The review service over a dataset folder: the queue from the state file, decisions stored
// at once and the dataset files rewritten with them, sources served by id.
#ifndef FOICODE_PIPELINE_DATASET_DATASET_REVIEW_H_
#define FOICODE_PIPELINE_DATASET_DATASET_REVIEW_H_

#include <filesystem>
#include <memory>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "extract/limits.h"
#include "normalise/dictionary.h"
#include "review/review_service.h"
#include "store/dataset_store.h"

namespace foicode::dataset {

class DatasetReview : public review::ReviewService {
 public:
  // `dictionary` (not owned) gives the names a correction form offers; `reviewer` is stored
  // with every decision.
  static Status Open(const std::filesystem::path& dir, const normalise::Dictionary* dictionary,
                     std::string reviewer, std::unique_ptr<DatasetReview>* review);

  nlohmann::json Queue() override;
  std::optional<nlohmann::json> ItemContext(const std::string& item_id) override;
  Status Decide(const nlohmann::json& request, nlohmann::json* result) override;
  nlohmann::json CanonicalNames() override;
  std::optional<review::SourceFile> Source(int source_id) override;

  enum class Apply { kAllOrNothing, kGoodOnes, kCheckOnly };
  // Checks every request against the queue and stores them: only when all are good, the good
  // ones, or none (a check). errors[i] is the message for requests[i] ("" when good).
  Status DecideAll(const std::vector<nlohmann::json>& requests, Apply apply, std::vector<std::string>* errors,
                   int* stored);

 private:
  DatasetReview(std::filesystem::path dir, std::unique_ptr<store::DatasetStore> store,
                const normalise::Dictionary* dictionary, std::string reviewer);
  Status Load();  // the current queue and records from the state file

  std::filesystem::path dir_;
  std::unique_ptr<store::DatasetStore> store_;
  const normalise::Dictionary* dictionary_;
  std::string reviewer_;
  nlohmann::json queue_;
  std::vector<nlohmann::json> records_;
  extract::Limits limits_;
  std::vector<std::int64_t> last_ids_;  // the decisions the last DecideAll stored
};

}  // namespace foicode::dataset

#endif  // FOICODE_PIPELINE_DATASET_DATASET_REVIEW_H_
