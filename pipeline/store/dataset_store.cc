#include "store/dataset_store.h"

#include <sqlite3.h>

#include <charconv>
#include <system_error>
#include <utility>

namespace foicode::store {
namespace {

// "foic" in ASCII: marks the file as ours for `file` and for Open().
constexpr int kApplicationId = 0x666f6963;

constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE extracted(cache_key TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE inputs(display_path TEXT PRIMARY KEY, fs_path TEXT NOT NULL, size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, device INTEGER NOT NULL,
                    inode INTEGER NOT NULL, sha256 TEXT NOT NULL, cache_key TEXT NOT NULL);
CREATE TABLE baseline_inputs(display_path TEXT PRIMARY KEY, fs_path TEXT NOT NULL, size INTEGER NOT NULL,
                    mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, device INTEGER NOT NULL,
                    inode INTEGER NOT NULL, sha256 TEXT NOT NULL, cache_key TEXT NOT NULL);
CREATE TABLE machine_records(position INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE baseline_records(position INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE decisions(id INTEGER PRIMARY KEY AUTOINCREMENT, json TEXT NOT NULL);
CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
  BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
  BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END;
)sql";

// Added after the first files of this format were made, and made by a run where missing: a
// file without it reads the same, and foicode that does not know it ignores it.
constexpr const char* kAnalysedTable =
    "CREATE TABLE IF NOT EXISTS analysed(cache_key TEXT PRIMARY KEY, data_fingerprint TEXT NOT NULL, "
    "json TEXT NOT NULL)";

// A prepared statement that finalizes itself, or one kept prepared (DatasetStore::Prepared)
// that it leaves reset for its next use.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  explicit Statement(sqlite3_stmt* kept) : stmt_(kept), rc_(kept != nullptr ? SQLITE_OK : SQLITE_ERROR), kept_(true) {}
  ~Statement() {
    if (kept_) Reset();  // a statement left mid-step would hold a read transaction open
    else sqlite3_finalize(stmt_);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  void Bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    if (stmt_ == nullptr) return;  // a statement that could not be prepared
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p == nullptr ? std::string() : std::string(p, sqlite3_column_bytes(stmt_, column));
  }
  std::int64_t Int(int column) { return sqlite3_column_int64(stmt_, column); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_ERROR;
  bool kept_ = false;
};

// Steps a query of one text column: *text is its first row's, or nullopt when it has none.
// False on an error.
bool StepForText(Statement& st, std::optional<std::string>* text) {
  const int rc = st.Step();
  text->reset();
  if (rc == SQLITE_ROW) *text = st.Text(0);
  return rc == SQLITE_ROW || rc == SQLITE_DONE;
}

Status OpenFile(const std::filesystem::path& dir, bool create, sqlite3** out_db) {
  const std::filesystem::path file = dir / kStateFileName;
  std::error_code ec;
  if (!create && !std::filesystem::exists(file, ec)) {
    return Status::Error(dir.string() + " is not a foicode dataset (no " + kStateFileName +
                         "): make one with 'foicode run PATH --out " + dir.string() + "'");
  }
  if (create) {
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::Error("cannot create " + dir.string() + ": " + ec.message());
  }
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(file.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Status s = Status::Error("cannot open " + file.string() + ": " +
                             (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return s;
  }
  *out_db = db;
  return Status::Ok();
}

}  // namespace

DatasetStore::DatasetStore(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}

DatasetStore::~DatasetStore() {
  for (const auto& [sql, statement] : prepared_) sqlite3_finalize(statement);
  sqlite3_close(db_);
}

sqlite3_stmt* DatasetStore::Prepared(const std::string& sql) {
  const auto found = prepared_.find(sql);
  if (found != prepared_.end()) return found->second;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &statement, nullptr) != SQLITE_OK) {
    sqlite3_finalize(statement);
    return nullptr;
  }
  prepared_.emplace(sql, statement);
  return statement;
}

Status DatasetStore::Open(const std::filesystem::path& dir, std::unique_ptr<DatasetStore>* store) {
  sqlite3* db = nullptr;
  if (Status s = OpenFile(dir, true, &db); !s.ok()) return s;
  std::unique_ptr<DatasetStore> opened(new DatasetStore(db, dir / kStateFileName));
  // A review server and a run may share the file: wait for the other's write, briefly.
  sqlite3_busy_timeout(db, 10000);
  std::int64_t app_id = 0;
  std::int64_t format = 0;
  std::int64_t tables = 0;
  {
    // Scoped: a statement left mid-step holds a read transaction open.
    Statement app(db, "PRAGMA application_id");
    Statement version(db, "PRAGMA user_version");
    Statement count(db, "SELECT count(*) FROM sqlite_master");
    if (!app.ok() || app.Step() != SQLITE_ROW || !version.ok() || version.Step() != SQLITE_ROW || !count.ok() ||
        count.Step() != SQLITE_ROW) {
      // A full disk or a read-only folder (the WAL's shared-memory file cannot be made) is
      // not a wrong file: say which it is.
      const int code = sqlite3_errcode(db) & 0xff;
      if (code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN || code == SQLITE_READONLY ||
          code == SQLITE_PERM) {
        return opened->Error(std::string("could not be opened: ") + sqlite3_errmsg(db));
      }
      return opened->Error("is not a foicode state file (cannot read its header)");
    }
    app_id = app.Int(0);
    format = version.Int(0);
    tables = count.Int(0);
  }
  if (app_id == 0 && format == 0) {
    if (tables != 0) return opened->Error("is an SQLite file of another application: foicode will not change it");
    if (Status s = opened->Exec("PRAGMA journal_mode=WAL"); !s.ok()) return s;
    // IMMEDIATE: two processes creating the same new file must not both lay out the schema.
    const std::string init = std::string("BEGIN IMMEDIATE;") + kSchema + "PRAGMA application_id=" +
                             std::to_string(kApplicationId) + ";PRAGMA user_version=" +
                             std::to_string(kFormatVersion) + ";COMMIT;";
    if (Status s = opened->Exec(init.c_str()); !s.ok()) return s;
  } else if (app_id != kApplicationId) {
    return opened->Error("is an SQLite file of another application: foicode will not change it");
  } else if (format > kFormatVersion) {
    return opened->Error("has format " + std::to_string(format) + ", newer than this foicode reads (" +
                         std::to_string(kFormatVersion) + "): use a newer foicode");
  } else if (format != kFormatVersion) {
    return opened->Error("has unknown format " + std::to_string(format));
  }
  // WAL with NORMAL sync: a killed process loses nothing committed; power loss may lose the
  // last transactions but never corrupts the file.
  if (Status s = opened->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON");
      !s.ok())
    return s;
  *store = std::move(opened);
  return Status::Ok();
}

Status DatasetStore::OpenExisting(const std::filesystem::path& dir, std::unique_ptr<DatasetStore>* store) {
  sqlite3* db = nullptr;
  if (Status s = OpenFile(dir, false, &db); !s.ok()) return s;
  sqlite3_close(db);
  return Open(dir, store);
}

Status DatasetStore::Error(const std::string& what) {
  return Status::Error(file_.string() + " " + what);
}

Status DatasetStore::Exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    Status s = Error(std::string("could not be updated: ") + (message != nullptr ? message : "unknown error"));
    sqlite3_free(message);
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  }
  return Status::Ok();
}

Status DatasetStore::GetMeta(const std::string& key, std::optional<std::string>* value) {
  std::lock_guard lock(mu_);
  Statement st(db_, "SELECT value FROM meta WHERE key = ?");
  if (!st.ok()) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  st.Bind(1, key);
  if (!StepForText(st, value)) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status DatasetStore::PutMeta(const std::string& key, const std::string& value) {
  std::lock_guard lock(mu_);
  return SetMeta(key, value);
}

Status DatasetStore::SetMeta(const std::string& key, const std::string& value) {
  Statement st(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
  if (!st.ok()) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
  st.Bind(1, key);
  st.Bind(2, value);
  if (st.Step() != SQLITE_DONE) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status DatasetStore::GetExtraction(const std::string& cache_key, std::optional<std::string>* json) {
  std::lock_guard lock(mu_);
  Statement st(Prepared("SELECT json FROM extracted WHERE cache_key = ?"));
  if (!st.ok()) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  st.Bind(1, cache_key);
  if (!StepForText(st, json)) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status DatasetStore::HasExtraction(const std::string& cache_key, bool* present) {
  std::lock_guard lock(mu_);
  Statement st(Prepared("SELECT 1 FROM extracted WHERE cache_key = ?"));
  if (!st.ok()) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  st.Bind(1, cache_key);
  const int rc = st.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  *present = rc == SQLITE_ROW;
  return Status::Ok();
}

Status DatasetStore::ExtractionKeys(std::vector<std::string>* keys) {
  std::lock_guard lock(mu_);
  return ReadColumn("SELECT cache_key FROM extracted", keys);
}

Status DatasetStore::PutExtraction(const std::string& cache_key, const std::string& json) {
  std::lock_guard lock(mu_);
  Statement st(Prepared("INSERT OR REPLACE INTO extracted(cache_key, json) VALUES(?, ?)"));
  if (!st.ok()) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
  st.Bind(1, cache_key);
  st.Bind(2, json);
  if (st.Step() != SQLITE_DONE) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status DatasetStore::KeepAnalyses() {
  std::lock_guard lock(mu_);
  return Exec(kAnalysedTable);
}

Status DatasetStore::GetAnalysis(const std::string& cache_key, const std::string& data_fingerprint,
                                 std::optional<std::string>* json) {
  std::lock_guard lock(mu_);
  Statement st(Prepared("SELECT json FROM analysed WHERE cache_key = ? AND data_fingerprint = ?"));
  if (!st.ok()) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  st.Bind(1, cache_key);
  st.Bind(2, data_fingerprint);
  if (!StepForText(st, json)) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status DatasetStore::PutAnalysis(const std::string& cache_key, const std::string& data_fingerprint,
                                 const std::string& json) {
  std::lock_guard lock(mu_);
  Statement st(Prepared("INSERT OR REPLACE INTO analysed(cache_key, data_fingerprint, json) VALUES(?, ?, ?)"));
  if (!st.ok()) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
  st.Bind(1, cache_key);
  st.Bind(2, data_fingerprint);
  st.Bind(3, json);
  if (st.Step() != SQLITE_DONE) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status DatasetStore::ReadInputs(const char* table, std::vector<InputRow>* inputs) {
  inputs->clear();
  Statement st(db_, (std::string("SELECT display_path, fs_path, size, mtime_ns, ctime_ns, device, inode, sha256, "
                                 "cache_key FROM ") + table + " ORDER BY display_path").c_str());
  if (!st.ok()) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    inputs->push_back(InputRow{st.Text(0), st.Text(1), st.Int(2), st.Int(3), st.Int(4), st.Int(5), st.Int(6),
                               st.Text(7), st.Text(8)});
  }
  if (rc != SQLITE_DONE) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status DatasetStore::ReplaceInputs(const char* table, const std::vector<InputRow>& inputs) {
  if (Status s = Exec((std::string("DELETE FROM ") + table).c_str()); !s.ok()) return s;
  Statement st(db_, (std::string("INSERT INTO ") + table +
                     "(display_path, fs_path, size, mtime_ns, ctime_ns, device, inode, sha256, cache_key) "
                     "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)").c_str());
  if (!st.ok()) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
  for (const InputRow& row : inputs) {
    st.Bind(1, row.display_path);
    st.Bind(2, row.fs_path);
    st.Bind(3, row.size);
    st.Bind(4, row.mtime_ns);
    st.Bind(5, row.ctime_ns);
    st.Bind(6, row.device);
    st.Bind(7, row.inode);
    st.Bind(8, row.sha256);
    st.Bind(9, row.cache_key);
    if (st.Step() != SQLITE_DONE) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
    st.Reset();
  }
  return Status::Ok();
}

Status DatasetStore::Inputs(std::vector<InputRow>* inputs) {
  std::lock_guard lock(mu_);
  return ReadInputs("inputs", inputs);
}

Status DatasetStore::Baseline(std::vector<InputRow>* inputs, std::vector<std::string>* records) {
  std::lock_guard lock(mu_);
  if (Status s = ReadInputs("baseline_inputs", inputs); !s.ok()) return s;
  return ReadColumn("SELECT json FROM baseline_records ORDER BY position", records);
}

Status DatasetStore::CommitBaseline(const std::vector<InputRow>& inputs, const std::vector<std::string>& records,
                                    const std::string& generation) {
  std::lock_guard lock(mu_);
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  Status s = ReplaceInputs("baseline_inputs", inputs);
  if (s.ok()) s = ReplaceRecords("baseline_records", records);
  if (s.ok()) s = SetMeta("baseline_generation", generation);
  if (!s.ok()) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  }
  return Exec("COMMIT");
}

Status DatasetStore::ReadColumn(const char* sql, std::vector<std::string>* out) {
  out->clear();
  Statement st(db_, sql);
  if (!st.ok()) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) out->push_back(st.Text(0));
  if (rc != SQLITE_DONE) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status DatasetStore::MachineRecords(std::vector<std::string>* records) {
  std::lock_guard lock(mu_);
  return ReadColumn("SELECT json FROM machine_records ORDER BY position", records);
}

Status DatasetStore::ReplaceRecords(const char* table, const std::vector<std::string>& records) {
  if (Status s = Exec((std::string("DELETE FROM ") + table).c_str()); !s.ok()) return s;
  Statement st(db_, (std::string("INSERT INTO ") + table + "(position, json) VALUES(?, ?)").c_str());
  if (!st.ok()) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
  for (std::size_t i = 0; i < records.size(); ++i) {
    st.Bind(1, static_cast<std::int64_t>(i));
    st.Bind(2, records[i]);
    if (st.Step() != SQLITE_DONE) return Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
    st.Reset();
  }
  return Status::Ok();
}

Status DatasetStore::UpdateInputs(const std::vector<InputRow>& inputs) {
  std::lock_guard lock(mu_);
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  if (Status s = ReplaceInputs("inputs", inputs); !s.ok()) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  }
  return Exec("COMMIT");
}

Status DatasetStore::CommitRun(const std::vector<InputRow>& inputs, const std::vector<std::string>& records,
                               const std::string& data_fingerprint, std::int64_t stat_time_ns) {
  std::lock_guard lock(mu_);
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  auto fail = [&](Status s) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  };
  if (Status s = ReplaceInputs("inputs", inputs); !s.ok()) return fail(s);
  if (Status s = ReplaceRecords("machine_records", records); !s.ok()) return fail(s);
  // Text of inputs that are gone is not kept: the cache stays the size of the dataset.
  if (Status s = Exec("DELETE FROM extracted WHERE cache_key NOT IN (SELECT cache_key FROM inputs) AND "
                     "cache_key NOT IN (SELECT cache_key FROM baseline_inputs)");
      !s.ok())
    return s;
  if (Status s = Exec(kAnalysedTable); !s.ok()) return s;
  {
    Statement st(db_, "DELETE FROM analysed WHERE data_fingerprint != ? OR "
                      "cache_key NOT IN (SELECT cache_key FROM inputs)");
    if (!st.ok()) return fail(Error(std::string("could not be updated: ") + sqlite3_errmsg(db_)));
    st.Bind(1, data_fingerprint);
    if (st.Step() != SQLITE_DONE) return fail(Error(std::string("could not be updated: ") + sqlite3_errmsg(db_)));
  }
  std::optional<std::string> generation;
  {
    Statement st(db_, "SELECT value FROM meta WHERE key = 'generation'");
    if (st.ok() && st.Step() == SQLITE_ROW) generation = st.Text(0);
  }
  long long current = 0;
  if (generation && std::from_chars(generation->data(), generation->data() + generation->size(), current).ec != std::errc())
    return fail(Error("has a damaged generation counter ('" + *generation + "')"));
  const long long next = current + 1;
  if (Status s = SetMeta("generation", std::to_string(next)); !s.ok()) return fail(s);
  if (Status s = SetMeta("data_fingerprint", data_fingerprint); !s.ok()) return fail(s);
  if (Status s = SetMeta("stat_time_ns", std::to_string(stat_time_ns)); !s.ok()) return fail(s);
  return Exec("COMMIT");
}

Status DatasetStore::Decisions(std::vector<StoredDecision>* decisions) {
  std::lock_guard lock(mu_);
  decisions->clear();
  Statement st(db_, "SELECT id, json FROM decisions ORDER BY id");
  if (!st.ok()) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) decisions->push_back(StoredDecision{st.Int(0), st.Text(1)});
  if (rc != SQLITE_DONE) return Error(std::string("cannot be read: ") + sqlite3_errmsg(db_));
  return Status::Ok();
}

Status DatasetStore::AppendDecision(const std::string& json, std::int64_t* id) {
  std::vector<std::int64_t> ids;
  if (Status s = AppendDecisions({json}, &ids); !s.ok()) return s;
  *id = ids.at(0);
  return Status::Ok();
}

Status DatasetStore::AppendDecisions(const std::vector<std::string>& decisions, std::vector<std::int64_t>* ids) {
  std::lock_guard lock(mu_);
  ids->clear();
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  Statement st(db_, "INSERT INTO decisions(json) VALUES(?)");
  for (const std::string& json : decisions) {
    st.Bind(1, json);
    if (!st.ok() || st.Step() != SQLITE_DONE) {
      Status s = Error(std::string("could not be updated: ") + sqlite3_errmsg(db_));
      ids->clear();
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return s;
    }
    st.Reset();
    ids->push_back(sqlite3_last_insert_rowid(db_));
  }
  return Exec("COMMIT");
}

}  // namespace foicode::store
