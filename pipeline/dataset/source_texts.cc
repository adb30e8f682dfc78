#include "dataset/source_texts.h"

#include "core/extracted_source_json.h"
#include <algorithm>

namespace foicode::dataset {
namespace {

// The byte offset of code point `n` in `text` (its size when n is past the end).
std::size_t ByteOfCodePoint(const std::string& text, int n) {
  std::size_t byte = 0;
  for (int i = 0; i < n && byte < text.size(); ++i) {
    ++byte;
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
  }
  return byte;
}

}  // namespace

SourceTexts::SourceTexts(const std::vector<ExtractedSource>* sources) : sources_(sources) {}

SourceTexts::SourceTexts(store::DatasetStore* store) : store_(store) {
  std::vector<store::InputRow> inputs;
  if (store_->Inputs(&inputs).ok()) {
    for (const store::InputRow& row : inputs) cache_key_by_path_[row.display_path] = row.cache_key;
  }
}

const ExtractedSource* SourceTexts::Find(const std::string& path) {
  if (sources_ != nullptr) {
    for (const ExtractedSource& s : *sources_)
      if (s.path == path) return &s;
    return nullptr;
  }
  if (const auto it = loaded_.find(path); it != loaded_.end()) return &it->second;
  const auto key = cache_key_by_path_.find(path);
  if (key == cache_key_by_path_.end()) return nullptr;
  std::optional<std::string> json;
  if (!store_->GetExtraction(key->second, &json).ok() || !json) return nullptr;
  ExtractedSource source;
  const nlohmann::json parsed = nlohmann::json::parse(*json, nullptr, false);
  if (parsed.is_discarded() || !FromJson(parsed, &source)) return nullptr;
  source.path = path;
  return &loaded_.emplace(path, std::move(source)).first->second;
}

const std::string* SourceTexts::PageText(const nlohmann::json& evidence) {
  if (!evidence.is_object() || !evidence.value("source", nlohmann::json()).is_string()) return nullptr;
  const ExtractedSource* source = Find(evidence["source"].get<std::string>());
  if (source == nullptr) return nullptr;
  const nlohmann::json part_name = evidence.value("part", nlohmann::json());
  const nlohmann::json page_number = evidence.value("page", nlohmann::json());
  for (const Part& part : source->parts) {
    if (part_name.is_null() ? part.name.has_value()
                            : (!part_name.is_string() || part.name != part_name.get<std::string>()))
      continue;
    for (const Page& page : part.pages) {
      if (page_number.is_null() ? !page.number.has_value()
                                : (page_number.is_number_integer() && page.number == page_number.get<int>()))
        return &page.text;
    }
  }
  return nullptr;
}

std::optional<std::pair<std::string, std::string>> SourceTexts::Around(const nlohmann::json& evidence) {
  const std::string* text = PageText(evidence);
  if (text == nullptr || !evidence.value("start", nlohmann::json()).is_number_integer() ||
      !evidence.value("end", nlohmann::json()).is_number_integer())
    return std::nullopt;
  const int start = evidence["start"].get<int>();
  const int end = evidence["end"].get<int>();
  if (start < 0 || end < start) return std::nullopt;
  const std::size_t from = ByteOfCodePoint(*text, std::max(0, start - kContextCodePoints));
  const std::size_t quote_start = ByteOfCodePoint(*text, start);
  const std::size_t quote_end = ByteOfCodePoint(*text, end);
  const std::size_t to = ByteOfCodePoint(*text, end + kContextCodePoints);
  return std::make_pair(text->substr(from, quote_start - from), text->substr(quote_end, to - quote_end));
}

review::ContextFn SourceTexts::AsContextFn() {
  return [this](const nlohmann::json& evidence) { return Around(evidence); };
}

}  // namespace foicode::dataset
