// Writes the coded dataset files of the contract into DIR: responses.jsonl, responses.csv and
// systems.csv, each replaced atomically.
#ifndef FOICODE_PIPELINE_BATCH_DATASET_WRITER_H_
#define FOICODE_PIPELINE_BATCH_DATASET_WRITER_H_

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "batch/atomic_file.h"
#include "core/status.h"

namespace foicode::batch {

// A CSV cell (RFC 4180 quoting; a cell starting like a spreadsheet formula is shown as text)
// and a row of them ending in CRLF.
std::string CsvField(std::string value);
std::string CsvRow(const std::vector<std::string>& fields);

// One JSON object per line, in the order given.
std::string ResponsesJsonl(const std::vector<nlohmann::json>& records);
// One row per respondent / per respondent x system, RFC 4180 quoting.
std::string ResponsesCsv(const std::vector<nlohmann::json>& records);
std::string SystemsCsv(const std::vector<nlohmann::json>& records);

// Creates `dir` if needed and writes the three files. Each file is replaced atomically; on
// failure the message names the file and the reason.
Status WriteDataset(const std::filesystem::path& dir, const std::vector<nlohmann::json>& records);

// As WriteDataset, staged into `files` for the caller to commit with others.
Status StageDataset(const std::filesystem::path& dir, const std::vector<nlohmann::json>& records,
                    StagedFiles* files);

}  // namespace foicode::batch

#endif  // FOICODE_PIPELINE_BATCH_DATASET_WRITER_H_
