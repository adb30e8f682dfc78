#include "dataset/last_coding.h"

#include <utility>

#include "core/json_access.h"
#include "dataset/dataset_changes.h"

namespace foicode::dataset {

std::string Signature(const std::string& path, const std::string& cache_key) {
  return path + '\t' + cache_key + '\n';
}

LastCoding ReadLastCoding(const std::vector<std::string>& machine, const std::vector<nlohmann::json>* views,
                          const std::map<std::string, store::InputRow>& previous) {
  const bool use_views = views != nullptr && views->size() == machine.size();
  LastCoding last;
  for (std::size_t r = 0; r < machine.size(); ++r) {
    nlohmann::json view = use_views ? (*views)[r] : ParseChangeView(machine[r]);
    if (!view.is_object()) continue;  // a damaged record is coded again
    const nlohmann::json& respondent = MemberAt(view, "respondent");
    std::optional<std::string> name;
    if (MemberAt(respondent, "name").is_string()) name = respondent["name"].get<std::string>();
    std::string signature;
    for (const nlohmann::json& source : ArrayAt(view, "sources")) {
      const std::string path = StringAt(source, "path");
      const auto row = previous.find(path);
      // An input with an error is coded again: the error may have been the machine's.
      if (row == previous.end() || row->second.cache_key.empty() || !MemberAt(source, "error").is_null()) {
        signature.clear();
        break;
      }
      last.respondents[path] = name;
      signature += Signature(path, row->second.cache_key);
    }
    if (!signature.empty()) last.records.emplace(std::move(signature), LastRecord{machine[r], std::move(view)});
  }
  return last;
}

Status ParseChangeViews(const std::vector<std::string>& texts, std::vector<nlohmann::json>* views) {
  views->clear();
  for (const std::string& t : texts) {
    nlohmann::json view = ParseChangeView(t);
    if (view.is_discarded()) return Status::Error("the state file holds a damaged record");
    views->push_back(std::move(view));
  }
  return Status::Ok();
}

nlohmann::json StoredView(const nlohmann::json& view) {
  return nlohmann::json::parse(view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace foicode::dataset
