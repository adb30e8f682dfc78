// End-to-end tests of the real build/foicode binary: exit codes, messages, and that every
// input of a batch is accounted for exactly once.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "testing/run_command.h"
#include "testing/test_support.h"

namespace foicode {
namespace {

using testing::ReadFileOrDie;
using testing::RunFoicode;
using testing::TempDir;
using testing::WriteFile;

std::vector<nlohmann::json> ReadJsonLines(const std::filesystem::path& path) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(ReadFileOrDie(path));
  for (std::string line; std::getline(in, line);) {
    lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

TEST(CliTest, VersionAndHelp) {
  const auto version = RunFoicode({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("foicode ", 0), 0u) << version.out;
  for (const char* command : {"run", "review", "extract", "check", "help"}) {
    const auto help = RunFoicode({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("usage: foicode"), std::string::npos) << command;
  }
  const auto top = RunFoicode({});
  EXPECT_EQ(top.exit_code, 0);
  EXPECT_NE(top.out.find("extract"), std::string::npos);
}

TEST(CliTest, UsageErrorsExitTwoWithOneLine) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const Case cases[] = {
      {{"rn", "x"}, "foicode: unknown command 'rn'; did you mean 'run'? (see foicode help)\n"},
      {{"extarct", "x"}, "foicode: unknown command 'extarct'; did you mean 'extract'? (see foicode help)\n"},
      {{"run", "x"}, "foicode run: --out DIR is required (see foicode run --help)\n"},
      {{"run", "--out", "o"}, "foicode run: no PATH given: name the replies to read (see foicode run --help)\n"},
      {{"run", "/no/such/replies", "--out", "o"},
       "foicode run: no such file or folder: /no/such/replies (see foicode run --help)\n"},
      {{"run", "x", "--out", "o", "--jbos", "2"},
       "foicode run: unknown flag --jbos; did you mean --jobs? (see foicode run --help)\n"},
      {{"run", "x", "--out", "o", "--jobs", "many"},
       "foicode run: --jobs needs a whole number from 1 to 256, not 'many' (see foicode run --help)\n"},
      {{"run", "x", "--out"}, "foicode run: --out needs a value (see foicode run --help)\n"},
      {{"run", "x", "--out", "o", "--cohort", "/no/such/cohort.csv"},
       "foicode run: no such cohort file: /no/such/cohort.csv (see foicode run --help)\n"},
      {{"extract"}, "foicode extract: name exactly one FILE (see foicode extract --help)\n"},
      {{"review"}, "foicode review: name exactly one dataset folder DIR (see foicode review --help)\n"},
      {{"review", "d", "--partial"}, "foicode review: --partial goes with --import (see foicode review --help)\n"},
      {{"review", "d", "--port", "http"},
       "foicode review: --port needs a number from 0 to 65535 (see foicode review --help)\n"},
      {{"extract", "/no/such.pdf"}, "foicode extract: no such file: /no/such.pdf (see foicode extract --help)\n"},
  };
  for (const Case& c : cases) {
    const auto result = RunFoicode(c.args);
    EXPECT_EQ(result.exit_code, 2) << c.args[0];
    EXPECT_EQ(result.err, c.message);
    EXPECT_EQ(result.out, "");
  }
}

TEST(CliTest, EveryInputIsInExactlyOneRecordAndBadOnesDoNotStopTheBatch) {
  TempDir dir;
  const auto replies = dir.path() / "replies";
  WriteFile(replies / "a/reply.txt", "We do not use any clinical AI.\n");
  WriteFile(replies / "empty.pdf", "");
  WriteFile(replies / "broken.pdf", "%PDF-1.7\n1 0 obj <<");
  WriteFile(replies / "program.bin", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 11));
  const auto out = dir.path() / "dataset";
  const auto result = RunFoicode({"run", replies.string(), "--out", out.string(), "--jobs", "2"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("read 4 inputs"), std::string::npos) << result.out;

  std::map<std::string, int> seen;
  std::map<std::string, std::string> errors;
  for (const auto& record : ReadJsonLines(out / "responses.jsonl")) {
    for (const auto& source : record["sources"]) {
      const std::string path = source["path"];
      ++seen[path];
      if (source["error"].is_string()) errors[path] = source["error"];
      EXPECT_EQ(source["sha256"].get<std::string>().size(), 64u) << path;
    }
  }
  const std::string base = replies.string() + "/";
  EXPECT_EQ(seen, (std::map<std::string, int>{{base + "a/reply.txt", 1},
                                              {base + "broken.pdf", 1},
                                              {base + "empty.pdf", 1},
                                              {base + "program.bin", 1}}));
  EXPECT_EQ(errors[base + "empty.pdf"], "empty file (0 bytes)");
  EXPECT_FALSE(errors[base + "broken.pdf"].empty());
  EXPECT_EQ(errors[base + "program.bin"].rfind("unsupported file type: ", 0), 0u);
  EXPECT_EQ(errors.count(base + "a/reply.txt"), 0u);
  EXPECT_TRUE(std::filesystem::exists(out / "responses.csv"));
  EXPECT_TRUE(std::filesystem::exists(out / "systems.csv"));
  // Each unreadable input is named on stderr, once.
  EXPECT_NE(result.err.find(base + "empty.pdf: empty file (0 bytes)\n"), std::string::npos);
}

TEST(CliTest, UnwritableDatasetIsARunFailureAndLeavesNothingHalfWritten) {
  TempDir dir;
  WriteFile(dir.path() / "reply.txt", "No clinical AI.\n");
  WriteFile(dir.path() / "blocker", "a file where the dataset folder should be");
  const auto result =
      RunFoicode({"run", (dir.path() / "reply.txt").string(), "--out", (dir.path() / "blocker").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cannot create " + (dir.path() / "blocker").string()), std::string::npos) << result.err;
  EXPECT_EQ(ReadFileOrDie(dir.path() / "blocker"), "a file where the dataset folder should be");
}

TEST(CliTest, ReviewOfAFolderWithoutADatasetSaysSo) {
  TempDir dir;
  const auto result = RunFoicode({"review", dir.path().string(), "--export", (dir.path() / "q.csv").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("is not a foicode dataset"), std::string::npos) << result.err;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "q.csv"));
}

TEST(CliTest, AStateFileOfANewerFormatIsRefusedNotMisread) {
  TempDir dir;
  WriteFile(dir.path() / "reply.txt", "No clinical AI.\n");
  const auto out = dir.path() / "dataset";
  ASSERT_EQ(RunFoicode({"run", (dir.path() / "reply.txt").string(), "--out", out.string()}).exit_code, 0);
  const std::string before = ReadFileOrDie(out / "responses.jsonl");
  // What a later foicode would write: the same file with a higher format number.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((out / "foicode-state.sqlite").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA user_version=7", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  const auto result = RunFoicode({"run", (dir.path() / "reply.txt").string(), "--out", out.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("has format 7, newer than this foicode reads"), std::string::npos) << result.err;
  EXPECT_EQ(ReadFileOrDie(out / "responses.jsonl"), before);
}

TEST(CliTest, ExtractJsonHasTheContractFields) {
  TempDir dir;
  WriteFile(dir.path() / "reply.txt", "We use Brainomix e-Stroke – c. 40 scans per day.\n");
  const auto result = RunFoicode({"extract", (dir.path() / "reply.txt").string(), "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["source"], (dir.path() / "reply.txt").string());
  EXPECT_EQ(json["kind"], "txt");
  EXPECT_TRUE(json["error"].is_null());
  ASSERT_EQ(json["parts"].size(), 1u);
  EXPECT_TRUE(json["parts"][0]["name"].is_null());
  ASSERT_EQ(json["parts"][0]["pages"].size(), 1u);
  EXPECT_EQ(json["parts"][0]["pages"][0]["text"], "We use Brainomix e-Stroke – c. 40 scans per day.");
  EXPECT_EQ(json["parts"][0]["pages"][0]["ocr"], false);
}

TEST(CliTest, ExtractDumpMarksPartsAndPages) {
  TempDir dir;
  WriteFile(dir.path() / "reply.txt", "No clinical AI.\n");
  const auto result = RunFoicode({"extract", (dir.path() / "reply.txt").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("--- part: (the file itself) [txt]\n--- page\nNo clinical AI.\n"),
            std::string::npos)
      << result.out;
}

}  // namespace
}  // namespace foicode

namespace foicode {
namespace {

TEST(CliTest, CheckLoadsTheDataAndRunsEveryExample) {
  const auto result = RunFoicode({"check"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_NE(result.out.find("dictionaries: "), std::string::npos) << result.out;
  EXPECT_NE(result.out.find(" examples passed, 0 failed\n"), std::string::npos) << result.out;
}

TEST(CliTest, CheckNamesTheFileAndLineOfABrokenDictionary) {
  TempDir dir;
  const std::filesystem::path source = FOICODE_SOURCE_DIR;
  std::filesystem::copy(source / "dictionaries", dir.path() / "dictionaries",
                        std::filesystem::copy_options::recursive);
  std::filesystem::copy(source / "rules", dir.path() / "rules", std::filesystem::copy_options::recursive);
  const auto vendors = dir.path() / "dictionaries/vendors.tsv";
  const std::string original = ReadFileOrDie(vendors);
  const int line = 1 + static_cast<int>(std::count(original.begin(), original.end(), '\n'));
  WriteFile(vendors, original + "Only one column\n");
  const auto result = RunFoicode({"check", "--data", dir.path().string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.out.find("vendors.tsv:" + std::to_string(line) + ":"), std::string::npos)
      << result.out;
}

}  // namespace
}  // namespace foicode
