// The extracted text that evidence points into, for the text around a quote: from the
// sources of a run in memory, or from the dataset's cache of extracted text.
#ifndef FOICODE_PIPELINE_DATASET_SOURCE_TEXTS_H_
#define FOICODE_PIPELINE_DATASET_SOURCE_TEXTS_H_

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/extracted_source.h"
#include "review/apply_decisions.h"
#include "store/dataset_store.h"

namespace foicode::dataset {

// How much text around a quote a decision keeps, in code points each side.
inline constexpr int kContextCodePoints = 80;

class SourceTexts {
 public:
  // Over a run's sources (not owned: they must outlive this).
  explicit SourceTexts(const std::vector<ExtractedSource>* sources);
  // Over the cache of `store` (not owned), loading a source when first asked for.
  explicit SourceTexts(store::DatasetStore* store);

  // The text of the page `evidence` ({source, part, page}) points into, or null.
  const std::string* PageText(const nlohmann::json& evidence);
  // The kContextCodePoints before and after the evidence's [start, end), or nullopt.
  std::optional<std::pair<std::string, std::string>> Around(const nlohmann::json& evidence);
  // Around() as the function review::ApplyDecisions takes.
  review::ContextFn AsContextFn();

 private:
  const ExtractedSource* Find(const std::string& path);

  const std::vector<ExtractedSource>* sources_ = nullptr;
  store::DatasetStore* store_ = nullptr;
  std::map<std::string, std::string> cache_key_by_path_;
  std::map<std::string, ExtractedSource> loaded_;
};

}  // namespace foicode::dataset

#endif  // FOICODE_PIPELINE_DATASET_SOURCE_TEXTS_H_
