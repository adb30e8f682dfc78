// JSON form of a coded record: one line of the contract's responses.jsonl.
#ifndef FOICODE_PIPELINE_CORE_CODED_RECORD_JSON_H_
#define FOICODE_PIPELINE_CORE_CODED_RECORD_JSON_H_

#include <vector>

#include <nlohmann/json.hpp>

#include "core/coded_record.h"
#include "core/extracted_source.h"

namespace foicode {

nlohmann::json ToJson(const Evidence& evidence);
nlohmann::json ToJson(const CodedUsage& usage);
nlohmann::json ToJson(const CodedSystem& system);

// The record with its sources (CodedRecord::sources index `sources`) as the contract's
// {path, sha256, kind, error} entries. Keys in the contract's order; `unattributed_usage`
// is foicode's own addition.
nlohmann::json ToJson(const CodedRecord& record, const std::vector<ExtractedSource>& sources);

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_CODED_RECORD_JSON_H_
