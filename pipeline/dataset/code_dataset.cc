#include "dataset/code_dataset.h"

#include <malloc.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <exception>
#include <iterator>
#include <map>
#include <mutex>
#include <limits>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

#include "assemble/assemble_records.h"
#include "batch/atomic_file.h"
#include "batch/dataset_writer.h"
#include "batch/run_batch.h"
#include "core/ascii.h"
#include "core/coded_record_json.h"
#include "core/extracted_source_json.h"
#include "core/json_access.h"
#include "core/stage_times.h"
#include "dataset/dataset_changes.h"
#include "dataset/dataset_lock.h"
#include "dataset/last_coding.h"
#include "dataset/publish.h"
#include "extract/extract_source.h"
#include "extract/isolated_extractor.h"
#include "extract/sha256.h"
#include "store/dataset_store.h"

namespace foicode::dataset {
namespace {

// One input as this run sees it.
struct InputState {
  store::InputRow row;
  bool unread = false;      // stat unchanged: sha and text taken from the last run
  bool from_cache = false;
  // In memory only when not in the cache (could not be read, or not kept); else loaded when needed.
  std::optional<ExtractedSource> source;
  std::optional<std::string> io_error;    // could not be read: not cached, tried again next run
  bool failed = false;                     // the input has an error (for progress)
  int pages = 0;                           // pages extracted this run
};

int CountPages(const ExtractedSource& source) {
  int pages = 0;
  for (const Part& part : source.parts) pages += static_cast<int>(part.pages.size());
  return pages;
}

std::string LowerExtension(const std::string& path) {
  return AsciiLower(std::filesystem::path(path).extension().string());
}

// The extension is part of the key: the declared type can change how content is read.
std::string CacheKey(const std::string& sha256, const std::string& path, const std::string& extractor_version) {
  return sha256 + LowerExtension(path) + "@" + extractor_version;
}

bool StatFile(const std::filesystem::path& path, store::InputRow* row) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return false;
  row->size = st.st_size;
  row->mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  row->ctime_ns = static_cast<std::int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec;
  row->device = static_cast<std::int64_t>(st.st_dev);
  row->inode = static_cast<std::int64_t>(st.st_ino);
  return true;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The file is the one the last run read: same place, size, times and inode, not modified
// after that run looked at it, and read by this build of foicode.
bool Unchanged(const store::InputRow& now, const store::InputRow& before, std::int64_t stat_time_ns,
               const std::string& extractor_version) {
  return now.fs_path == before.fs_path && now.size == before.size && now.mtime_ns == before.mtime_ns &&
         now.ctime_ns == before.ctime_ns && now.device == before.device && now.inode == before.inode &&
         now.mtime_ns < stat_time_ns && now.ctime_ns < stat_time_ns && !before.cache_key.empty() &&
         EndsWith(before.cache_key, "@" + extractor_version);
}

void ReadOne(const batch::InputFile& input, const RunOptions& options, extract::IsolatedExtractor& extractor,
             store::DatasetStore* store, const std::unordered_set<std::string>& cached_keys,
             const std::map<std::string, store::InputRow>& previous, std::int64_t stat_time_ns, InputState* state) {
  store::InputRow& row = state->row;
  row.display_path = input.display_path;
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(input.fs_path, ec);
  row.fs_path = (ec ? input.fs_path : absolute).lexically_normal().string();
  const bool statted = StatFile(input.fs_path, &row);
  const auto prev = previous.find(input.display_path);
  if (statted && prev != previous.end() && Unchanged(row, prev->second, stat_time_ns, options.extractor_version)) {
    if (cached_keys.count(prev->second.cache_key) > 0) {
      row.sha256 = prev->second.sha256;
      row.cache_key = prev->second.cache_key;
      state->unread = true;
      return;
    }
  }
  std::string bytes;
  if (std::optional<std::string> error = batch::ReadInputFile(input, options.limits, &bytes)) {
    state->io_error = *error;
    row.sha256 = bytes.empty() ? "" : extract::Sha256Hex(bytes);
    state->source = extract::UnreadableSource(input.display_path, row.sha256, *error);
    return;
  }
  row.sha256 = extract::Sha256Hex(bytes);
  row.cache_key = CacheKey(row.sha256, input.display_path, options.extractor_version);
  bool cached = false;
  if (store->HasExtraction(row.cache_key, &cached).ok() && cached) {
    state->from_cache = true;
    return;
  }
  bool transient = false;
  ExtractedSource source;
  {
    const StageTimer timer(Stage::kExtract);
    source = extractor.Extract(input.display_path, bytes, options.limits, &transient);
  }
  state->pages = CountPages(source);
  state->failed = source.error.has_value();
  if (transient) {
    // Not kept: the next run reads this input again.
    state->io_error = source.error.value_or("reading stopped");
    row.cache_key.clear();
    state->source = std::move(source);
    return;
  }
  // Kept at once: a run killed later does not extract this file again. Once kept, the text
  // leaves memory: the coding loads it again, so a batch is never held whole.
  source.path.clear();
  const StageTimer timer(Stage::kWrite);
  if (!store->PutExtraction(row.cache_key, ToJson(source).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
           .ok()) {
    source.path = input.display_path;
    state->source = std::move(source);
  }
}

// The input's extracted text: the copy in memory, or the cache's.
Status LoadSource(store::DatasetStore* store, const InputState& state, ExtractedSource* out) {
  if (state.source) {
    *out = *state.source;
    return Status::Ok();
  }
  std::optional<std::string> cached;
  if (Status s = store->GetExtraction(state.row.cache_key, &cached); !s.ok()) return s;
  if (cached) {
    const nlohmann::json parsed = nlohmann::json::parse(*cached, nullptr, false);
    if (!parsed.is_discarded() && FromJson(parsed, out)) {
      out->path = state.row.display_path;
      return Status::Ok();
    }
  }
  return Status::Error("the cached text of " + state.row.display_path + " is missing or damaged: run again");
}

std::int64_t WallClockNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The input is the one the last run coded: same path, same content, read then and now.
bool Unchanged(const InputState& state, const std::map<std::string, store::InputRow>& previous) {
  const auto before = previous.find(state.row.display_path);
  return !state.io_error && !state.row.cache_key.empty() && before != previous.end() &&
         before->second.cache_key == state.row.cache_key;
}

// A dataset folder opened for a run: its state, the run lock, and what the last run left.
struct OpenDataset {
  std::unique_ptr<store::DatasetStore> store;
  std::unique_ptr<DatasetLock> run_lock;
  std::map<std::string, store::InputRow> previous;  // the last run's inputs, by path
  std::optional<std::string> fingerprint;           // of the data the last run coded with
};

Status OpenForRun(const std::filesystem::path& dir, OpenDataset* out) {
  if (Status s = store::DatasetStore::Open(dir, &out->store); !s.ok()) return s;
  if (Status s = DatasetLock::Acquire(dir, DatasetLock::Kind::kRun, &out->run_lock); !s.ok()) return s;
  if (Status s = out->store->KeepAnalyses(); !s.ok()) return s;
  std::vector<store::InputRow> rows;
  if (Status s = out->store->Inputs(&rows); !s.ok()) return s;
  for (const store::InputRow& row : rows) out->previous[row.display_path] = row;
  return out->store->GetMeta("data_fingerprint", &out->fingerprint);
}

// Codes the inputs of `states` (their text in the store's cache or in memory) unless nothing
// changed since the last run, commits the run, applies the review decisions and writes the
// dataset files. The caller holds the run lock.
Status CodeAndPublish(store::DatasetStore* store, std::vector<InputState> states,
                      const std::map<std::string, store::InputRow>& previous,
                      const std::optional<std::string>& fingerprint, std::int64_t stat_time_ns,
                      std::chrono::steady_clock::time_point started, const normalise::Dictionary& dictionary,
                      const facts::RuleSet& rules, const RunOptions& options, RunResult* result,
                      const std::vector<std::string>& carried_decisions = {}) {
  RunCounters& counters = result->counters;
  counters = RunCounters();
  counters.inputs = static_cast<int>(states.size());
  std::vector<store::InputRow> rows;
  bool same_inputs = states.size() == previous.size() && fingerprint == options.data_fingerprint;
  bool same_details = true;  // every file also at the same place, size, time and inode
  for (InputState& st : states) {
    rows.push_back(st.row);
    if (st.unread) ++counters.unread;
    else if (st.from_cache) ++counters.from_cache;
    else if (!st.io_error) ++counters.extracted;
    counters.pages_extracted += st.pages;
    const auto prev = previous.find(st.row.display_path);
    same_inputs = same_inputs && !st.io_error && prev != previous.end() && prev->second.cache_key == st.row.cache_key;
    same_details = same_details && prev != previous.end() && prev->second == st.row;
  }
  std::vector<std::string> machine;
  if (Status s = store->MachineRecords(&machine); !s.ok()) return s;
  same_inputs = same_inputs && (!machine.empty() || states.empty());

  // The baseline is what the last run that completed coded, as views of its records in their
  // order: read at most once, for what this run reuses and for what it reports as changed.
  std::optional<std::string> generation;
  std::optional<std::string> baseline_generation;
  if (Status s = store->GetMeta("generation", &generation); !s.ok()) return s;
  if (Status s = store->GetMeta("baseline_generation", &baseline_generation); !s.ok()) return s;
  const bool last_run_completed = generation && baseline_generation == generation;
  std::vector<store::InputRow> baseline_inputs;
  std::vector<nlohmann::json> baseline_views;
  bool baseline_read = false;
  auto read_baseline = [&]() -> Status {
    if (baseline_read) return Status::Ok();
    std::vector<std::string> texts;
    if (Status s = store->Baseline(&baseline_inputs, &texts); !s.ok()) return s;
    if (Status s = ParseChangeViews(texts, &baseline_views); !s.ok()) return s;
    baseline_read = true;
    return Status::Ok();
  };

  std::vector<nlohmann::json> views;  // of this run's records, when it codes them
  if (!same_inputs) {
    counters.recoded = true;
    // With the same dictionaries and rules, what the last run coded still holds for the
    // inputs that did not change.
    LastCoding last;
    if (fingerprint == options.data_fingerprint) {
      if (last_run_completed) {
        if (Status s = read_baseline(); !s.ok()) return s;
      }
      last = ReadLastCoding(machine, last_run_completed ? &baseline_views : nullptr, previous);
    }
    machine.clear();
    std::mutex machine_mutex;
    std::size_t record_count = 0;
    assemble::EarlierCoding earlier;
    earlier.respondent = [&](std::size_t i, std::optional<std::string>* respondent, std::string* path) {
      const auto found = last.respondents.find(states[i].row.display_path);
      if (found == last.respondents.end() || !Unchanged(states[i], previous)) return false;
      *respondent = found->second;
      *path = states[i].row.display_path;
      return true;
    };
    earlier.reuse_record = [&](std::size_t position, const std::vector<std::size_t>& batch_indexes) {
      std::string signature;
      for (std::size_t i : batch_indexes) {
        if (!Unchanged(states[i], previous)) return false;
        signature += Signature(states[i].row.display_path, states[i].row.cache_key);
      }
      const auto found = last.records.find(signature);
      if (found == last.records.end()) return false;
      const std::lock_guard lock(machine_mutex);
      if (machine.size() <= position) machine.resize(position + 1);
      if (views.size() <= position) views.resize(position + 1);
      machine[position] = found->second.line;
      views[position] = found->second.view;
      ++counters.records_reused;
      return true;
    };
    // An input's analysis is kept by its content and the dictionaries and rules that found it:
    // the second pass and later refreshes read it back instead of working it out again.
    if (!options.data_fingerprint.empty()) {
      earlier.analysis = [&](std::size_t i, std::string* analysis) {
        const InputState& st = states[i];
        std::optional<std::string> kept;
        if (st.row.cache_key.empty() || st.io_error ||
            !store->GetAnalysis(st.row.cache_key, options.data_fingerprint, &kept).ok() || !kept) {
          return false;
        }
        *analysis = std::move(*kept);
        return true;
      };
      earlier.keep_analysis = [&](std::size_t i, std::string analysis) {
        const InputState& st = states[i];
        // Not kept is only slower: the input is analysed again when next needed.
        if (!st.row.cache_key.empty() && !st.io_error)
          (void)store->PutAnalysis(st.row.cache_key, options.data_fingerprint, analysis);
      };
    }
    const Status coded = assemble::AssembleRecordsStreaming(
        states.size(), [&](std::size_t i, ExtractedSource* out) { return LoadSource(store, states[i], out); },
        dictionary, rules, options.jobs,
        [&](std::size_t position, const CodedRecord& record, const std::vector<ExtractedSource>& sources,
            const std::vector<std::size_t>& /*batch_indexes*/) {
          const StageTimer timer(Stage::kAssemble);
          const nlohmann::json coded = ToJson(record, sources);
          std::string line = coded.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
          nlohmann::json view = StoredView(ChangeView(coded));
          const std::lock_guard lock(machine_mutex);
          if (machine.size() <= position) machine.resize(position + 1);
          if (views.size() <= position) views.resize(position + 1);
          machine[position] = std::move(line);
          views[position] = std::move(view);
        },
        &record_count, earlier);
    if (!coded.ok()) return coded;
    machine.resize(record_count);
    views.resize(record_count);
    // The coding threads' freed memory goes back to the system before the records are
    // published, rather than staying in the allocator's arenas as part of the peak.
    malloc_trim(0);
  }

  const StageTimer write_timer(Stage::kWrite);
  // From here on the state and the files change: one writer at a time.
  std::unique_ptr<DatasetLock> write_lock;
  if (Status s = DatasetLock::Acquire(options.out_dir, DatasetLock::Kind::kWrite, &write_lock); !s.ok()) return s;
  if (!same_inputs) {
    if (Status s = store->CommitRun(rows, machine, options.data_fingerprint, stat_time_ns); !s.ok()) return s;
  } else if (!same_details) {
    if (Status s = store->UpdateInputs(rows); !s.ok()) return s;
  }
  // Decisions a merge carries over join the state with the records they apply to.
  if (!carried_decisions.empty()) {
    std::vector<std::int64_t> ids;
    if (Status s = store->AppendDecisions(carried_decisions, &ids); !s.ok()) return s;
  }
  if (options.cohort) {
    if (Status s = store->PutMeta("cohort", options.cohort->dump()); !s.ok()) return s;
  }
  // What the changes compare is worked out before publishing, so that the records' text is
  // not held beside the parsed records: what changed since the last run that completed,
  // machine against machine.
  if (Status s = store->GetMeta("generation", &generation); !s.ok()) return s;
  const bool baseline_current = generation && baseline_generation == generation;
  if (!baseline_current) {
    if (Status s = read_baseline(); !s.ok()) return s;
    // Records this run did not code (nothing changed since a run that did not complete).
    if (views.size() != machine.size()) {
      if (Status s = ParseChangeViews(machine, &views); !s.ok()) return s;
    }
  }
  std::vector<std::string>().swap(machine);

  // Apply decisions and write the files.
  SourceTexts texts(store);
  Published published;
  // Every file of the dataset is written in full before any replaces its old version.
  batch::StagedFiles files;
  if (Status s = Publish(store, options.out_dir, &texts, &published, &files); !s.ok()) return s;
  counters.records = static_cast<int>(published.applied.records.size());
  for (const nlohmann::json& record : published.applied.records) {
    for (const nlohmann::json& source : ArrayAt(record, "sources")) {
      if (source.value("error", nlohmann::json()).is_string())
        result->input_errors.push_back(source.value("path", "") + ": " + source["error"].get<std::string>());
    }
  }
  counters.input_errors = static_cast<int>(result->input_errors.size());
  for (const review::DecisionOutcome& o : published.applied.outcomes) {
    if (o.state == review::Attachment::kApplied) ++counters.decisions_applied;
    if (o.state == review::Attachment::kStale) ++counters.decisions_stale;
    if (o.state == review::Attachment::kOrphaned) ++counters.decisions_orphaned;
    if (o.state == review::Attachment::kSuperseded) ++counters.decisions_superseded;
  }
  // Written and counted: the parsed records need not be held while the changes are worked out.
  std::vector<nlohmann::json>().swap(published.applied.records);

  // A person's own decisions are not news, but decisions that went stale or lost their fact are.
  result->changes = baseline_current
                        ? DatasetChanges({}, {}, {}, {}, published.applied.outcomes)
                        : DatasetChanges(baseline_inputs, rows, baseline_views, views, published.applied.outcomes);
  if (Status s = files.Stage(options.out_dir / "changes.jsonl", batch::ResponsesJsonl(result->changes)); !s.ok())
    return s;
  counters.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (Status s = files.Stage(options.out_dir / "last-run.json", counters.ToJson().dump(2) + "\n"); !s.ok())
    return s;
  int replaced = 0;
  if (Status s = files.Commit(&replaced); !s.ok()) {
    if (replaced == 0) return s;
    result->dataset_written = true;
    return Status::Error(s.message() + "; only some of the dataset files were replaced: run again");
  }
  result->dataset_written = true;
  if (!baseline_current && generation) {
    // The baseline is only ever compared: its views are all the next run reads of it.
    std::vector<std::string> texts;
    for (const nlohmann::json& view : views) texts.push_back(view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (Status s = store->CommitBaseline(rows, texts, *generation); !s.ok()) {
      return Status::Error(s.message() + "; the dataset files were written, but the next run will report " +
                           "these changes again");
    }
  }
  return Status::Ok();
}

}  // namespace

nlohmann::json RunCounters::ToJson() const {
  return {{"inputs", inputs}, {"extracted", extracted}, {"pages_extracted", pages_extracted},
          {"from_cache", from_cache}, {"unread", unread},
          {"input_errors", input_errors}, {"recoded", recoded}, {"records", records},
          {"records_reused", records_reused},
          {"decisions_applied", decisions_applied}, {"decisions_stale", decisions_stale},
          {"decisions_orphaned", decisions_orphaned},
          {"decisions_superseded", decisions_superseded}, {"seconds", seconds}};
}

Status CodeDataset(const std::vector<batch::InputFile>& inputs, const normalise::Dictionary& dictionary,
                   const facts::RuleSet& rules, const RunOptions& options, batch::Progress* progress,
                   RunResult* result) {
  const auto started = std::chrono::steady_clock::now();
  const std::int64_t stat_time_ns = WallClockNs();
  OpenDataset dataset;
  if (Status s = OpenForRun(options.out_dir, &dataset); !s.ok()) return s;
  store::DatasetStore* const store = dataset.store.get();
  std::optional<std::string> previous_stat_time;
  if (Status s = store->GetMeta("stat_time_ns", &previous_stat_time); !s.ok()) return s;
  std::int64_t last_stat_time = 0;
  if (previous_stat_time) {
    std::from_chars(previous_stat_time->data(), previous_stat_time->data() + previous_stat_time->size(),
                    last_stat_time);
  }

  // Which texts the cache holds, looked up once rather than once for each unchanged input.
  std::unordered_set<std::string> cached_keys;
  if (!dataset.previous.empty()) {
    std::vector<std::string> keys;
    if (Status s = store->ExtractionKeys(&keys); !s.ok()) return s;
    cached_keys.insert(std::make_move_iterator(keys.begin()), std::make_move_iterator(keys.end()));
  }

  // Read: stat, hash, cache lookup or extraction, on --jobs threads.
  std::vector<InputState> states(inputs.size());
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    extract::IsolatedExtractor extractor(options.worker_program);
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      if (progress != nullptr) progress->Started(inputs[i].display_path);
      try {
        ReadOne(inputs[i], options, extractor, store, cached_keys, dataset.previous, last_stat_time, &states[i]);
      } catch (const std::exception& e) {
        // An exception on a worker thread would end the whole batch; it costs this input only.
        states[i].io_error = std::string("internal error while reading: ") + e.what();
        states[i].source = extract::UnreadableSource(inputs[i].display_path, "", *states[i].io_error);
        states[i].row.cache_key.clear();  // nothing was cached: the next run reads it again
        states[i].failed = true;
      }
      if (progress != nullptr) progress->Finished(states[i].failed || states[i].io_error.has_value());
    }
  };
  const int threads = std::max(1, std::min<int>(options.jobs, static_cast<int>(inputs.size())));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  return CodeAndPublish(store, std::move(states), dataset.previous, dataset.fingerprint, stat_time_ns, started,
                        dictionary, rules, options, result);
}

namespace {

// What one shard brings to a merge.
struct Shard {
  std::filesystem::path dir;
  std::unique_ptr<store::DatasetStore> store;
  std::vector<store::InputRow> inputs;
  std::map<std::string, std::string> errors;  // path -> error, for inputs with no cached text
  std::int64_t stat_time_ns = 0;
};

Status OpenShard(const std::filesystem::path& dir, Shard* shard) {
  shard->dir = dir;
  if (Status s = store::DatasetStore::OpenExisting(dir, &shard->store); !s.ok()) return s;
  if (Status s = shard->store->Inputs(&shard->inputs); !s.ok()) return s;
  std::vector<std::string> texts;
  if (Status s = shard->store->MachineRecords(&texts); !s.ok()) return s;
  std::vector<nlohmann::json> records;
  if (Status s = ParseRecords(texts, &records); !s.ok()) return s;
  for (const nlohmann::json& record : records) {
    for (const nlohmann::json& source : ArrayAt(record, "sources")) {
      if (source.value("error", nlohmann::json()).is_string())
        shard->errors[source.value("path", "")] = source["error"].get<std::string>();
    }
  }
  std::optional<std::string> stat_time;
  if (Status s = shard->store->GetMeta("stat_time_ns", &stat_time); !s.ok()) return s;
  if (stat_time) std::from_chars(stat_time->data(), stat_time->data() + stat_time->size(), shard->stat_time_ns);
  return Status::Ok();
}

bool SameFolder(const std::filesystem::path& a, const std::filesystem::path& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

}  // namespace

Status MergeDatasets(const std::vector<std::filesystem::path>& shard_dirs, const normalise::Dictionary& dictionary,
                     const facts::RuleSet& rules, const RunOptions& options, RunResult* result) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<Shard> shards(shard_dirs.size());
  for (std::size_t i = 0; i < shard_dirs.size(); ++i) {
    if (SameFolder(shard_dirs[i], options.out_dir))
      return Status::Error(shard_dirs[i].string() + " is the folder merged into; name a new --out");
    if (Status s = OpenShard(shard_dirs[i], &shards[i]); !s.ok()) return s;
  }
  // Checked before DIR is touched.
  std::map<std::string, std::string> shard_of;  // display path -> the shard it came from
  for (const Shard& shard : shards) {
    for (const store::InputRow& row : shard.inputs) {
      const auto [seen, added] = shard_of.emplace(row.display_path, shard.dir.string());
      if (!added) {
        return Status::Error("'" + row.display_path + "' is in both " + seen->second + " and " + shard.dir.string() +
                             ": each input must be in one shard only");
      }
    }
  }
  OpenDataset dataset;
  if (Status s = OpenForRun(options.out_dir, &dataset); !s.ok()) return s;
  store::DatasetStore* const store = dataset.store.get();

  // Every input of every shard, its text copied into this dataset's cache.
  std::vector<InputState> states;
  std::int64_t stat_time_ns = std::numeric_limits<std::int64_t>::max();
  for (Shard& shard : shards) {
    // A file changed after the earliest shard looked at it must be read again by a refresh.
    stat_time_ns = std::min(stat_time_ns, shard.stat_time_ns);
    for (const store::InputRow& row : shard.inputs) {
      InputState& state = states.emplace_back();
      state.row = row;
      std::optional<std::string> text;
      if (!row.cache_key.empty()) {
        if (Status s = shard.store->GetExtraction(row.cache_key, &text); !s.ok()) return s;
      }
      if (!text) {
        const auto error = shard.errors.find(row.display_path);
        state.io_error = error != shard.errors.end() ? error->second
                                                     : "not read in " + shard.dir.string() + ": run that shard again";
        state.row.cache_key.clear();
        state.source = extract::UnreadableSource(row.display_path, row.sha256, *state.io_error);
        continue;
      }
      bool present = false;
      if (Status s = store->HasExtraction(row.cache_key, &present); !s.ok()) return s;
      if (!present) {
        if (Status s = store->PutExtraction(row.cache_key, *text); !s.ok()) return s;
      }
      state.from_cache = true;
    }
  }
  if (shards.empty() || stat_time_ns == std::numeric_limits<std::int64_t>::max()) stat_time_ns = 0;
  // Inputs in path order, as a run over the whole corpus would have them.
  std::sort(states.begin(), states.end(),
            [](const InputState& a, const InputState& b) { return a.row.display_path < b.row.display_path; });

  // Review decisions made on a shard carry over; a merge run again adds none twice.
  std::vector<store::StoredDecision> existing;
  if (Status s = store->Decisions(&existing); !s.ok()) return s;
  std::set<std::string> known;
  for (const store::StoredDecision& d : existing) known.insert(d.json);
  std::vector<std::string> carried;
  for (Shard& shard : shards) {
    std::vector<store::StoredDecision> decisions;
    if (Status s = shard.store->Decisions(&decisions); !s.ok()) return s;
    for (const store::StoredDecision& d : decisions) {
      if (known.insert(d.json).second) carried.push_back(d.json);
    }
  }
  return CodeAndPublish(store, std::move(states), dataset.previous, dataset.fingerprint, stat_time_ns, started,
                        dictionary, rules, options, result, carried);
}

}  // namespace foicode::dataset
