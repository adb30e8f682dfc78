// The state of a dataset folder, kept in one SQLite file (DIR/foicode-state.sqlite) so that
// every change is one transaction: a run killed at any moment leaves the last committed state,
// and the next run takes up from it. It holds the extracted text of every input (keyed by
// content), the inputs and machine-coded records of the last run, the records last written
// out, and the review decisions, which are append-only.
#ifndef FOICODE_PIPELINE_STORE_DATASET_STORE_H_
#define FOICODE_PIPELINE_STORE_DATASET_STORE_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace foicode::store {

// The file inside the dataset folder.
inline constexpr const char* kStateFileName = "foicode-state.sqlite";
// Raised whenever the layout of the state file changes; older foicode refuses newer files.
inline constexpr int kFormatVersion = 1;

// One input of a run, with what identifies its content.
struct InputRow {
  std::string display_path;  // as in sources[].path
  std::string fs_path;       // where it was read, absolute
  // What tells an unchanged file without reading it: a copy that keeps size and mtime
  // (cp -p, rsync -a, unzip) still gets a new inode and ctime.
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::int64_t device = 0;
  std::int64_t inode = 0;
  std::string sha256;
  std::string cache_key;     // the extraction cache entry holding its text
  bool operator==(const InputRow&) const = default;
};

struct StoredDecision {
  std::int64_t id = 0;
  std::string json;  // the decision as written (review/decision.h)
};

class DatasetStore {
 public:
  // Opens DIR's state file, creating the folder and the file when missing. A file of another
  // application, or of a newer or unknown format, is refused with a message saying so.
  static Status Open(const std::filesystem::path& dir, std::unique_ptr<DatasetStore>* store);
  // As Open, but a folder with no state file is an error ("not a foicode dataset").
  static Status OpenExisting(const std::filesystem::path& dir, std::unique_ptr<DatasetStore>* store);
  ~DatasetStore();
  DatasetStore(const DatasetStore&) = delete;
  DatasetStore& operator=(const DatasetStore&) = delete;

  // Small named values: the data fingerprint, the generation counters.
  Status GetMeta(const std::string& key, std::optional<std::string>* value);
  Status PutMeta(const std::string& key, const std::string& value);

  // The extraction cache. A missing entry is not an error: *json stays nullopt.
  Status GetExtraction(const std::string& cache_key, std::optional<std::string>* json);
  Status HasExtraction(const std::string& cache_key, bool* present);
  // The cache keys of every extraction held.
  Status ExtractionKeys(std::vector<std::string>* keys);
  // Stored at once in its own transaction, so work done before a kill is kept.
  Status PutExtraction(const std::string& cache_key, const std::string& json);

  // The analysis cache: an input's names and facts, by its cache key and the fingerprint of
  // the program, dictionaries and rules that found them. A missing entry is not an error.
  // KeepAnalyses makes room for them in a file made before there was any.
  Status KeepAnalyses();
  Status GetAnalysis(const std::string& cache_key, const std::string& data_fingerprint,
                     std::optional<std::string>* json);
  Status PutAnalysis(const std::string& cache_key, const std::string& data_fingerprint, const std::string& json);

  // What the last committed run read and coded.
  Status Inputs(std::vector<InputRow>* inputs);
  Status MachineRecords(std::vector<std::string>* records);
  // Replaces inputs, machine records and the fingerprint of dictionaries/rules in one
  // transaction, drops cache entries no input refers to (and analyses by other dictionaries
  // and rules), and advances the "generation".
  // `stat_time_ns` is when the inputs were looked at: a file modified since then may have
  // changed unseen within the same size and time, so it is read again next run.
  Status CommitRun(const std::vector<InputRow>& inputs, const std::vector<std::string>& records,
                   const std::string& data_fingerprint, std::int64_t stat_time_ns = 0);
  // Replaces only the inputs' file details (the same content seen with a new time or place).
  Status UpdateInputs(const std::vector<InputRow>& inputs);


  // What the last completed run reported its changes against: its inputs and machine records
  // (as the caller stores them: a run stores what it compares of each record).
  // Written only once a run has written changes.jsonl, so a killed run's changes are reported
  // by the run that completes it.
  Status Baseline(std::vector<InputRow>* inputs, std::vector<std::string>* records);
  // Also records the generation it was taken at (meta "baseline_generation").
  Status CommitBaseline(const std::vector<InputRow>& inputs, const std::vector<std::string>& records,
                        const std::string& generation);

  // Review decisions, oldest first. Never updated or deleted (the file enforces it).
  Status Decisions(std::vector<StoredDecision>* decisions);
  Status AppendDecision(const std::string& json, std::int64_t* id);
  // Appends all of `decisions` in one transaction (all or none); *ids gets their ids.
  Status AppendDecisions(const std::vector<std::string>& decisions, std::vector<std::int64_t>* ids);

 private:
  DatasetStore(sqlite3* db, std::filesystem::path file);
  Status Exec(const char* sql);
  Status Error(const std::string& what);
  Status ReadColumn(const char* sql, std::vector<std::string>* out);
  Status ReplaceRecords(const char* table, const std::vector<std::string>& records);
  Status ReplaceInputs(const char* table, const std::vector<InputRow>& inputs);
  Status ReadInputs(const char* table, std::vector<InputRow>* inputs);
  Status SetMeta(const std::string& key, const std::string& value);
  // The statement for `sql`, prepared once: the cache's reads and writes run once for each
  // input, and preparing is a good part of each. Null when it cannot be prepared.
  sqlite3_stmt* Prepared(const std::string& sql);

  sqlite3* db_;
  std::filesystem::path file_;
  std::mutex mu_;  // one statement at a time: extraction threads share the connection
  std::map<std::string, sqlite3_stmt*> prepared_;  // by their SQL
};

}  // namespace foicode::store

#endif  // FOICODE_PIPELINE_STORE_DATASET_STORE_H_
