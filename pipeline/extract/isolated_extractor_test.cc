#include "extract/isolated_extractor.h"

#include <signal.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "batch/run_batch.h"
#include "core/extracted_source_json.h"
#include "extract/address_sanitizer.h"
#include "extract/extract_source.h"
#include "extract/limit_options.h"

namespace foicode::extract {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kLetter = "Dear requester,\nThe Trust does not use any AI systems.\nYours, FOI Team\n";

std::string PageText(const ExtractedSource& source) {
  return source.parts.empty() || source.parts[0].pages.empty() ? "" : source.parts[0].pages[0].text;
}

TEST(IsolatedExtractorTest, ReadsInAWorkerExactlyAsInProcess) {
  IsolatedExtractor extractor(FOICODE_BINARY);
  for (const char* sample : {"samples/replies/FOI 24-1187 Response.pdf",
                             "samples/replies/FOI 1633 - response and attachments.eml"}) {
    std::ifstream in(std::string(FOICODE_SOURCE_DIR) + "/" + sample, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    ASSERT_FALSE(bytes.str().empty()) << "sample missing: " << sample;
    const ExtractedSource isolated = extractor.Extract(sample, bytes.str(), Limits());
    const ExtractedSource direct = ExtractSource(sample, bytes.str(), Limits());
    EXPECT_EQ(ToJson(isolated).dump(), ToJson(direct).dump()) << sample;
  }
  EXPECT_EQ(extractor.workers_started(), 1) << "one worker reads input after input";
}

class MisbehavingWorkerTest : public ::testing::Test {
 protected:
  IsolatedExtractor extractor_{FOICODE_FAKE_WORKER};
  Limits limits_;
};

TEST_F(MisbehavingWorkerTest, CrashIsThatInputsErrorWithWhereItHappened) {
  const ExtractedSource crashed = extractor_.Extract("replies/crash.pdf", "%PDF-1.4", limits_);
  ASSERT_TRUE(crashed.error.has_value());
  EXPECT_THAT(*crashed.error, HasSubstr("crashed (signal 11"));
  EXPECT_THAT(*crashed.error, HasSubstr("while reading page 3 of 'scan.pdf'"));
  EXPECT_EQ(crashed.kind, Kind::kPdf) << "the kind the name claims";
  EXPECT_EQ(crashed.path, "replies/crash.pdf");
  EXPECT_EQ(crashed.sha256.size(), 64u);

  // The next input gets a new worker and is read.
  const ExtractedSource next = extractor_.Extract("replies/letter.txt", kLetter, limits_);
  EXPECT_FALSE(next.error.has_value());
  EXPECT_THAT(PageText(next), HasSubstr("does not use any AI"));
  EXPECT_EQ(extractor_.workers_started(), 2);
}

TEST_F(MisbehavingWorkerTest, HangIsStoppedAfterStallSecondsAndNamed) {
  limits_.stall_seconds = 1;
  const auto start = std::chrono::steady_clock::now();
  const ExtractedSource hung = extractor_.Extract("hang.pdf", "%PDF-1.4", limits_);
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(hung.error.has_value());
  EXPECT_THAT(*hung.error, HasSubstr("no progress for 1 s while reading page 2"));
  EXPECT_THAT(*hung.error, HasSubstr("limit stall_seconds; raise it with --limit stall_seconds="));
  EXPECT_LT(took, std::chrono::seconds(60)) << "stopped at the stall limit, not the whole-input one";
  EXPECT_FALSE(extractor_.Extract("letter.txt", kLetter, limits_).error.has_value());
}

TEST_F(MisbehavingWorkerTest, WorkThatNeverEndsIsStoppedAtInputSeconds) {
  limits_.input_seconds = 1;
  const ExtractedSource slow = extractor_.Extract("slow.pdf", "%PDF-1.4", limits_);
  ASSERT_TRUE(slow.error.has_value());
  EXPECT_THAT(*slow.error, HasSubstr("not finished after 1 s, while reading page"));
  EXPECT_THAT(*slow.error, HasSubstr("limit input_seconds"));
}

TEST_F(MisbehavingWorkerTest, MemoryIsBoundedAndTheLimitNamed) {
  if (kAddressSanitizer) GTEST_SKIP() << "no address-space limit under AddressSanitizer";
  limits_.worker_memory_bytes = 512ull << 20;
  const ExtractedSource hog = extractor_.Extract("hog.pdf", "%PDF-1.4", limits_);
  ASSERT_TRUE(hog.error.has_value());
  EXPECT_THAT(*hog.error, HasSubstr("crashed (signal 6"));
  EXPECT_THAT(*hog.error, HasSubstr("limit worker_memory_bytes"));
}

TEST_F(MisbehavingWorkerTest, ExitAndStdoutNoiseAreHandled) {
  const ExtractedSource exited = extractor_.Extract("exit.pdf", "%PDF-1.4", limits_);
  ASSERT_TRUE(exited.error.has_value());
  EXPECT_THAT(*exited.error, HasSubstr("exited with status 7 while reading the start of the file"));
  const ExtractedSource noisy = extractor_.Extract("noisy.txt", kLetter, limits_);
  EXPECT_FALSE(noisy.error.has_value()) << *noisy.error;
  EXPECT_THAT(PageText(noisy), HasSubstr("does not use any AI"));
}

TEST_F(MisbehavingWorkerTest, ProgressNamingAHugePartIsCutNotFatal) {
  const ExtractedSource read = extractor_.Extract("long.txt", kLetter, limits_);
  EXPECT_FALSE(read.error.has_value()) << *read.error;
  EXPECT_EQ(extractor_.workers_started(), 1);
}

TEST_F(MisbehavingWorkerTest, OnlyFailuresTheMachineMayCauseAreTransient) {
  bool transient = true;
  extractor_.Extract("crash.pdf", "%PDF-1.4", limits_, &transient);
  EXPECT_FALSE(transient) << "a crash on the same bytes recurs: the result is kept";
  limits_.stall_seconds = 1;
  extractor_.Extract("hang.pdf", "%PDF-1.4", limits_, &transient);
  EXPECT_TRUE(transient) << "a timeout may be the machine's: read again next run";
  extractor_.Extract("letter.txt", kLetter, limits_, &transient);
  EXPECT_FALSE(transient);
  IsolatedExtractor missing("/nonexistent/foicode");
  const ExtractedSource unstarted = missing.Extract("letter.txt", kLetter, limits_, &transient);
  EXPECT_TRUE(transient);
  ASSERT_TRUE(unstarted.error.has_value());
  EXPECT_THAT(*unstarted.error, HasSubstr("could not start a reader process"));
}

TEST_F(MisbehavingWorkerTest, WorkerKilledBetweenInputsIsReplaced) {
  ASSERT_FALSE(extractor_.Extract("a.txt", kLetter, limits_).error.has_value());
  ASSERT_GT(extractor_.worker_pid(), 0);
  kill(extractor_.worker_pid(), SIGKILL);
  const ExtractedSource after = extractor_.Extract("b.txt", kLetter, limits_);
  EXPECT_FALSE(after.error.has_value());
  EXPECT_EQ(extractor_.workers_started(), 2);
}

TEST(IsolatedBatchTest, BadInputsCostThemselvesOnly) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "foicode-isolated-batch";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::vector<batch::InputFile> inputs;
  for (const char* name : {"1.txt", "crash.pdf", "2.txt", "hang.pdf", "3.txt", "exit.pdf", "4.txt"}) {
    std::ofstream(dir / name, std::ios::binary) << kLetter;
    inputs.push_back({name, dir / name});
  }
  batch::BatchOptions options;
  options.jobs = 2;
  options.limits.stall_seconds = 1;
  options.worker_program = FOICODE_FAKE_WORKER;
  const std::vector<ExtractedSource> results = batch::ExtractInputs(inputs, options, nullptr);
  ASSERT_EQ(results.size(), inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_EQ(results[i].path, inputs[i].display_path);
    const bool bad = inputs[i].display_path.find(".pdf") != std::string::npos;
    EXPECT_EQ(results[i].error.has_value(), bad) << inputs[i].display_path;
    if (!bad) {
      EXPECT_THAT(PageText(results[i]), HasSubstr("does not use any AI"));
    }
  }
  std::filesystem::remove_all(dir);
}

TEST(LimitOptionsTest, SetsByNameWithUnitsAndRefusesNonsense) {
  Limits limits;
  ASSERT_TRUE(SetLimits("max_pages=5000,max_file_bytes=1G,max_unpack_ratio=500,ocr_enabled=off", &limits).ok());
  EXPECT_EQ(limits.max_pages, 5000);
  EXPECT_EQ(limits.max_file_bytes, 1ull << 30);
  EXPECT_EQ(limits.max_unpack_ratio, 500.0);
  EXPECT_FALSE(limits.ocr_enabled);
  EXPECT_EQ(LimitValue(limits, "max_file_bytes"), "1G");
  EXPECT_EQ(LimitValue(Limits(), "child_memory_bytes"), "2G");

  EXPECT_THAT(SetLimits("max_pagez=3", &limits).message(), HasSubstr("unknown limit 'max_pagez'"));
  EXPECT_THAT(SetLimits("max_pages", &limits).message(), HasSubstr("needs NAME=VALUE"));
  EXPECT_THAT(SetLimits("max_pages=-1", &limits).message(), HasSubstr("positive whole number"));
  EXPECT_THAT(SetLimits("max_pages=0", &limits).message(), HasSubstr("positive whole number"));
  EXPECT_THAT(SetLimits("max_pages=99999999999", &limits).message(), HasSubstr("below 2147483648"));
  EXPECT_THAT(SetLimits("max_file_bytes=1T", &limits).message(), HasSubstr("K, M or G"));
  EXPECT_THAT(SetLimits("max_file_bytes=99999999999G", &limits).message(), HasSubstr("bytes"));
  EXPECT_THAT(SetLimits("ocr_enabled=maybe", &limits).message(), HasSubstr("on or off"));
  EXPECT_THAT(SetLimits("ocr_seconds_per_page=3000000", &limits).message(), HasSubstr("at most 1000000 seconds"));
  EXPECT_THAT(SetLimits("max_unpack_ratio=nan", &limits).message(), HasSubstr("positive number"));
}

TEST(LimitOptionsTest, JsonRoundTripCarriesEveryLimit) {
  Limits changed;
  ASSERT_TRUE(SetLimits("max_depth=3,stall_seconds=7,worker_memory_bytes=300M,ocr_enabled=off", &changed).ok());
  Limits back;
  ASSERT_TRUE(LimitsFromJson(LimitsToJson(changed), &back).ok());
  EXPECT_EQ(LimitsToJson(back), LimitsToJson(changed));
  EXPECT_EQ(back.max_depth, 3);
  EXPECT_EQ(back.worker_memory_bytes, 300ull << 20);
  EXPECT_EQ(LimitsToJson(changed).size(), LimitTable().size());
  EXPECT_FALSE(LimitsFromJson(nlohmann::json{{"nope", "1"}}, &back).ok());
  EXPECT_FALSE(LimitsFromJson(nlohmann::json{{"max_pages", 3}}, &back).ok());
}

}  // namespace
}  // namespace foicode::extract
