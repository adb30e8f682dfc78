// JSON form of an extracted source, as `foicode extract --json` prints it (the contract's
// "Command line" section) and as the dataset stores it.
#ifndef FOICODE_PIPELINE_CORE_EXTRACTED_SOURCE_JSON_H_
#define FOICODE_PIPELINE_CORE_EXTRACTED_SOURCE_JSON_H_

#include <string>

#include <nlohmann/json.hpp>

#include "core/extracted_source.h"

namespace foicode {

nlohmann::json ToJson(const Flag& flag);
nlohmann::json ToJson(const Page& page);
nlohmann::json ToJson(const Part& part);
nlohmann::json ToJson(const ExtractedSource& source);

// The text `foicode extract --json` prints: ToJson(source) indented by two, then a newline.
std::string ExtractJsonText(const ExtractedSource& source);

// The inverse of ToJson(ExtractedSource), for the dataset's cache of extracted text. Returns
// false (and leaves *source unspecified) when `json` is not in that shape.
bool FromJson(const nlohmann::json& json, ExtractedSource* source);

// The contract's source entry: {path, sha256, kind, error}.
nlohmann::json SourceEntryJson(const ExtractedSource& source);

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_EXTRACTED_SOURCE_JSON_H_
