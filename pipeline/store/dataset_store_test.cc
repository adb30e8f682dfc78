#include "store/dataset_store.h"

#include <sqlite3.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/test_support.h"

namespace foicode::store {
namespace {

namespace fs = std::filesystem;
using foicode::testing::ReadFileOrDie;
using foicode::testing::TempDir;
using foicode::testing::WriteFile;

InputRow Input(const std::string& name, const std::string& cache_key) {
  InputRow row;
  row.display_path = name;
  row.fs_path = "/replies/" + name;
  row.size = 1234;
  row.mtime_ns = 1700000000000000000;
  row.ctime_ns = 1700000000000000001;
  row.device = 2049;
  row.inode = 77;
  row.sha256 = "ab" + cache_key;
  row.cache_key = cache_key;
  return row;
}

std::unique_ptr<DatasetStore> OpenOrDie(const fs::path& dir) {
  std::unique_ptr<DatasetStore> store;
  const Status s = DatasetStore::Open(dir, &store);
  EXPECT_TRUE(s.ok()) << s.message();
  return store;
}

// Runs one statement over a raw connection to the state file; returns SQLite's result code.
int RawExec(const fs::path& file, const std::string& sql, std::string* message = nullptr) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_close(db);
    return rc;
  }
  char* error = nullptr;
  rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  if (message != nullptr) *message = error != nullptr ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  return rc;
}

// The number of rows of `table` through a raw connection.
int RawCount(const fs::path& file, const std::string& table) {
  sqlite3* db = nullptr;
  int count = -1;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db, ("SELECT count(*) FROM " + table).c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      count = sqlite3_column_int(st, 0);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return count;
}

TEST(DatasetStoreTest, OpenCreatesTheFolderAndTheStateFile) {
  TempDir tmp;
  const fs::path dir = tmp.path() / "dataset" / "nested";
  auto store = OpenOrDie(dir);
  ASSERT_TRUE(store != nullptr);
  EXPECT_TRUE(fs::is_regular_file(dir / kStateFileName));
  std::vector<InputRow> inputs;
  ASSERT_TRUE(store->Inputs(&inputs).ok());
  EXPECT_TRUE(inputs.empty());
  std::optional<std::string> generation;
  ASSERT_TRUE(store->GetMeta("generation", &generation).ok());
  EXPECT_FALSE(generation.has_value());
}

TEST(DatasetStoreTest, ReopenReadsWhatACommittedRunStored) {
  TempDir tmp;
  const std::vector<InputRow> inputs = {Input("b.pdf", "key-b"), Input("a.eml", "key-a")};
  const std::vector<std::string> records = {R"({"id":"r1"})", R"({"id":"r2"})", R"({"id":"r3"})"};
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store->PutExtraction("key-a", R"({"parts":[]})").ok());
    ASSERT_TRUE(store->PutExtraction("key-b", R"({"parts":[1]})").ok());
    ASSERT_TRUE(store->CommitRun(inputs, records, "fingerprint-1").ok());
  }
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store != nullptr);
  std::vector<InputRow> got_inputs;
  ASSERT_TRUE(store->Inputs(&got_inputs).ok());
  // Read back ordered by display path.
  EXPECT_EQ(got_inputs, (std::vector<InputRow>{inputs[1], inputs[0]}));
  std::vector<std::string> got_records;
  ASSERT_TRUE(store->MachineRecords(&got_records).ok());
  EXPECT_EQ(got_records, records);
  std::optional<std::string> value;
  ASSERT_TRUE(store->GetMeta("data_fingerprint", &value).ok());
  EXPECT_EQ(value, "fingerprint-1");
  ASSERT_TRUE(store->GetMeta("generation", &value).ok());
  EXPECT_EQ(value, "1");
  std::optional<std::string> json;
  ASSERT_TRUE(store->GetExtraction("key-b", &json).ok());
  EXPECT_EQ(json, R"({"parts":[1]})");
}

TEST(DatasetStoreTest, EachRunReplacesTheLastAndAdvancesTheGeneration) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store->CommitRun({Input("a.eml", "k1"), Input("b.eml", "k2")}, {"1", "2"}, "f1").ok());
  ASSERT_TRUE(store->CommitRun({Input("c.eml", "k3")}, {"3"}, "f2").ok());
  std::vector<InputRow> inputs;
  ASSERT_TRUE(store->Inputs(&inputs).ok());
  EXPECT_EQ(inputs, std::vector<InputRow>{Input("c.eml", "k3")});
  std::vector<std::string> records;
  ASSERT_TRUE(store->MachineRecords(&records).ok());
  EXPECT_EQ(records, std::vector<std::string>{"3"});
  std::optional<std::string> value;
  ASSERT_TRUE(store->GetMeta("generation", &value).ok());
  EXPECT_EQ(value, "2");
  ASSERT_TRUE(store->GetMeta("data_fingerprint", &value).ok());
  EXPECT_EQ(value, "f2");
}

TEST(DatasetStoreTest, AFailedRunLeavesTheLastCommittedState) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store->PutExtraction("k1", "{}").ok());
  ASSERT_TRUE(store->CommitRun({Input("a.eml", "k1")}, {"1"}, "f1").ok());
  // Two inputs with one display path break the table's key halfway through the run.
  const Status s = store->CommitRun({Input("b.eml", "k2"), Input("b.eml", "k3")}, {"2"}, "f2");
  EXPECT_FALSE(s.ok());
  std::vector<InputRow> inputs;
  ASSERT_TRUE(store->Inputs(&inputs).ok());
  EXPECT_EQ(inputs, std::vector<InputRow>{Input("a.eml", "k1")});
  std::vector<std::string> records;
  ASSERT_TRUE(store->MachineRecords(&records).ok());
  EXPECT_EQ(records, std::vector<std::string>{"1"});
  std::optional<std::string> value;
  ASSERT_TRUE(store->GetMeta("generation", &value).ok());
  EXPECT_EQ(value, "1");
  bool present = false;
  ASSERT_TRUE(store->HasExtraction("k1", &present).ok());
  EXPECT_TRUE(present);
  // And the store still works.
  ASSERT_TRUE(store->CommitRun({Input("c.eml", "k1")}, {"3"}, "f3").ok());
  ASSERT_TRUE(store->GetMeta("generation", &value).ok());
  EXPECT_EQ(value, "2");
}

TEST(DatasetStoreTest, DamagedGenerationIsAnErrorNotACrash) {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store->CommitRun({}, {"1"}, "f1").ok());
  }
  ASSERT_EQ(RawExec(tmp.path() / kStateFileName, "UPDATE meta SET value = 'seven' WHERE key = 'generation'"),
            SQLITE_OK);
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store != nullptr);
  Status s;
  EXPECT_NO_THROW(s = store->CommitRun({}, {"2"}, "f2"));
  EXPECT_FALSE(s.ok());
  std::vector<std::string> records;
  ASSERT_TRUE(store->MachineRecords(&records).ok());
  EXPECT_EQ(records, std::vector<std::string>{"1"});
}

TEST(DatasetStoreTest, ExtractionCacheHitsMissesAndReplacement) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  bool present = true;
  ASSERT_TRUE(store->HasExtraction("k", &present).ok());
  EXPECT_FALSE(present);
  std::optional<std::string> json = "stale";
  ASSERT_TRUE(store->GetExtraction("k", &json).ok());
  EXPECT_FALSE(json.has_value());

  ASSERT_TRUE(store->PutExtraction("k", "first").ok());
  ASSERT_TRUE(store->PutExtraction("k", "second").ok());
  ASSERT_TRUE(store->HasExtraction("k", &present).ok());
  EXPECT_TRUE(present);
  ASSERT_TRUE(store->GetExtraction("k", &json).ok());
  EXPECT_EQ(json, "second");
}

TEST(DatasetStoreTest, CommitRunDropsCacheEntriesNoInputRefersTo) {
  TempDir tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store->PutExtraction("kept", "{}").ok());
  ASSERT_TRUE(store->PutExtraction("dropped", "{}").ok());
  ASSERT_TRUE(store->CommitRun({Input("a.pdf", "kept")}, {}, "f").ok());
  bool present = false;
  ASSERT_TRUE(store->HasExtraction("kept", &present).ok());
  EXPECT_TRUE(present);
  ASSERT_TRUE(store->HasExtraction("dropped", &present).ok());
  EXPECT_FALSE(present);
}

// A file made before analyses were kept has no table for them: reading one is an error (the
// run then analyses again), never a crash; a run's commit and KeepAnalyses make the table.
TEST(DatasetStoreTest, AnalysesByFingerprintAndInAFileMadeWithoutThem) {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store->CommitRun({}, {}, "f").ok());
  }
  ASSERT_EQ(RawExec(tmp.path() / kStateFileName, "DROP TABLE IF EXISTS analysed"), SQLITE_OK);
  auto store = OpenOrDie(tmp.path());
  std::optional<std::string> json;
  EXPECT_FALSE(store->GetAnalysis("k", "f", &json).ok());
  EXPECT_FALSE(store->PutAnalysis("k", "f", "{}").ok());
  ASSERT_TRUE(store->CommitRun({Input("a.pdf", "k"), Input("b.pdf", "gone-next")}, {}, "f").ok());
  ASSERT_TRUE(store->KeepAnalyses().ok());
  ASSERT_TRUE(store->PutAnalysis("k", "f", "by f").ok());
  ASSERT_TRUE(store->PutAnalysis("gone-next", "f", "{}").ok());
  ASSERT_TRUE(store->GetAnalysis("k", "f", &json).ok());
  EXPECT_EQ(json, "by f");
  ASSERT_TRUE(store->GetAnalysis("k", "other dictionaries", &json).ok());
  EXPECT_FALSE(json.has_value());
  // A commit keeps only the analyses of its inputs by its own dictionaries and rules.
  ASSERT_TRUE(store->CommitRun({Input("a.pdf", "k")}, {}, "f").ok());
  EXPECT_EQ(RawCount(tmp.path() / kStateFileName, "analysed"), 1);
  ASSERT_TRUE(store->CommitRun({Input("a.pdf", "k")}, {}, "g").ok());
  EXPECT_EQ(RawCount(tmp.path() / kStateFileName, "analysed"), 0);
}

TEST(DatasetStoreTest, BaselineRecordsAndTheirGeneration) {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store->CommitRun({Input("a.pdf", "k")}, {"m"}, "f").ok());
    ASSERT_TRUE(store->CommitBaseline({Input("a.pdf", "k")}, {"p1", "p2"}, "1").ok());
  }
  auto store = OpenOrDie(tmp.path());
  std::vector<InputRow> inputs;
  std::vector<std::string> records;
  ASSERT_TRUE(store->Baseline(&inputs, &records).ok());
  EXPECT_EQ(records, (std::vector<std::string>{"p1", "p2"}));
  EXPECT_EQ(inputs, (std::vector<InputRow>{Input("a.pdf", "k")}));
  std::optional<std::string> generation;
  ASSERT_TRUE(store->GetMeta("baseline_generation", &generation).ok());
  EXPECT_EQ(generation, "1");
}

TEST(DatasetStoreTest, DecisionsAreAppendedWithIncreasingIdsAndKept) {
  TempDir tmp;
  std::int64_t first = 0;
  std::int64_t second = 0;
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store->AppendDecision(R"({"action":"accept"})", &first).ok());
    ASSERT_TRUE(store->AppendDecision(R"({"action":"reject"})", &second).ok());
    EXPECT_GT(second, first);
    // A run does not touch decisions.
    ASSERT_TRUE(store->CommitRun({}, {}, "f").ok());
  }
  auto store = OpenOrDie(tmp.path());
  std::vector<StoredDecision> decisions;
  ASSERT_TRUE(store->Decisions(&decisions).ok());
  ASSERT_EQ(decisions.size(), 2u);
  EXPECT_EQ(decisions[0].id, first);
  EXPECT_EQ(decisions[0].json, R"({"action":"accept"})");
  EXPECT_EQ(decisions[1].id, second);
  EXPECT_EQ(decisions[1].json, R"({"action":"reject"})");
  std::int64_t third = 0;
  ASSERT_TRUE(store->AppendDecision("{}", &third).ok());
  EXPECT_GT(third, second);
}

TEST(DatasetStoreTest, TheFileRefusesToUpdateOrDeleteADecision) {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.path());
    std::int64_t id = 0;
    ASSERT_TRUE(store->AppendDecision(R"({"action":"accept"})", &id).ok());
  }
  const fs::path file = tmp.path() / kStateFileName;
  std::string message;
  EXPECT_NE(RawExec(file, "UPDATE decisions SET json = '{}'", &message), SQLITE_OK);
  EXPECT_NE(message.find("append-only"), std::string::npos) << message;
  EXPECT_NE(RawExec(file, "DELETE FROM decisions", &message), SQLITE_OK);
  EXPECT_NE(message.find("append-only"), std::string::npos) << message;
  EXPECT_EQ(RawCount(file, "decisions"), 1);

  auto store = OpenOrDie(tmp.path());
  std::vector<StoredDecision> decisions;
  ASSERT_TRUE(store->Decisions(&decisions).ok());
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(decisions[0].json, R"({"action":"accept"})");
}

TEST(DatasetStoreTest, NewerFormatIsRefusedNamingTheFormat) {
  TempDir tmp;
  const fs::path file = tmp.path() / kStateFileName;
  ASSERT_EQ(RawExec(file, "PRAGMA application_id=" + std::to_string(0x666f6963) +
                              "; PRAGMA user_version=99; CREATE TABLE future(x);"),
            SQLITE_OK);
  std::unique_ptr<DatasetStore> store;
  const Status s = DatasetStore::Open(tmp.path(), &store);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(store == nullptr);
  EXPECT_NE(s.message().find("format 99"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("newer"), std::string::npos) << s.message();
}

TEST(DatasetStoreTest, AnotherApplicationsSqliteFileIsRefusedAndLeftUnchanged) {
  TempDir tmp;
  const fs::path file = tmp.path() / kStateFileName;
  ASSERT_EQ(RawExec(file, "CREATE TABLE notes(body TEXT); INSERT INTO notes VALUES('mine');"), SQLITE_OK);
  const std::string before = ReadFileOrDie(file);
  std::unique_ptr<DatasetStore> store;
  const Status s = DatasetStore::Open(tmp.path(), &store);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("another application"), std::string::npos) << s.message();
  EXPECT_EQ(ReadFileOrDie(file), before);
  EXPECT_FALSE(fs::exists(file.string() + "-wal"));
  EXPECT_EQ(RawCount(file, "notes"), 1);
}

TEST(DatasetStoreTest, AnotherApplicationIdIsRefused) {
  TempDir tmp;
  const fs::path file = tmp.path() / kStateFileName;
  ASSERT_EQ(RawExec(file, "PRAGMA application_id=12345; PRAGMA user_version=1;"), SQLITE_OK);
  std::unique_ptr<DatasetStore> store;
  const Status s = DatasetStore::Open(tmp.path(), &store);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("another application"), std::string::npos) << s.message();
}

TEST(DatasetStoreTest, OpenExistingOnAFolderWithoutStateSaysItIsNotADataset) {
  TempDir tmp;
  std::unique_ptr<DatasetStore> store;
  const Status s = DatasetStore::OpenExisting(tmp.path(), &store);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("is not a foicode dataset"), std::string::npos) << s.message();
  EXPECT_FALSE(fs::exists(tmp.path() / kStateFileName));
  EXPECT_TRUE(store == nullptr);
}

TEST(DatasetStoreTest, OpenExistingOpensAStateFile) {
  TempDir tmp;
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store->CommitRun({}, {"r"}, "f").ok());
  }
  std::unique_ptr<DatasetStore> store;
  ASSERT_TRUE(DatasetStore::OpenExisting(tmp.path(), &store).ok());
  std::vector<std::string> records;
  ASSERT_TRUE(store->MachineRecords(&records).ok());
  EXPECT_EQ(records, std::vector<std::string>{"r"});
}

TEST(DatasetStoreTest, GarbageAtTheStatePathIsAnError) {
  TempDir tmp;
  const fs::path file = tmp.path() / kStateFileName;
  std::string garbage(4096, '\0');
  for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 131 + 7) % 256);
  WriteFile(file, garbage);
  std::unique_ptr<DatasetStore> store;
  const Status s = DatasetStore::Open(tmp.path(), &store);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(store == nullptr);
  EXPECT_NE(s.message().find(kStateFileName), std::string::npos) << s.message();
  EXPECT_EQ(ReadFileOrDie(file), garbage);
}

}  // namespace
}  // namespace foicode::store
