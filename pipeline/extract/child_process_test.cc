// Tests for RunInChild and RunProgramInChild: results, crashes, hangs and oversized output.
#include "extract/child_process.h"

#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace foicode::extract {
namespace {

ChildLimits Small() {
  ChildLimits limits;
  limits.max_output_bytes = 1 << 20;
  limits.timeout_seconds = 30;
  limits.output_limit_name = "max_unpacked_bytes";
  limits.timeout_limit_name = "child_seconds";
  return limits;
}

TEST(RunInChildTest, ReturnsTheOutput) {
  const ChildResult result = RunInChild([] { return std::string("hello\0world", 11); }, Small(), "test parser");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.output, std::string("hello\0world", 11));
}

TEST(RunInChildTest, LargeOutputPassesThroughThePipe) {
  const std::string big(3 << 18, 'x');
  const ChildResult result = RunInChild([&big] { return big; }, Small(), "test parser");
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_EQ(result.output, big);
}

TEST(RunInChildTest, CrashBecomesAnError) {
  const ChildResult result = RunInChild(
      [] {
        kill(getpid(), SIGKILL);
        return std::string();
      },
      Small(), "test parser");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error, "test parser crashed on signal 9");
}

TEST(RunInChildTest, ThrowBecomesAnError) {
  const ChildResult result =
      RunInChild([]() -> std::string { throw std::runtime_error("bad input"); }, Small(), "test parser");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error, "the test parser failed: bad input");
}

TEST(RunInChildTest, HangIsKilledAtTheTimeout) {
  ChildLimits limits = Small();
  limits.timeout_seconds = 1;
  const ChildResult result = RunInChild(
      [] {
        for (;;) pause();
        return std::string();
      },
      limits, "test parser");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error,
            "the test parser took longer than 1 seconds and was stopped (limit child_seconds; "
            "raise it with --limit child_seconds=VALUE)");
}

TEST(RunInChildTest, OversizedOutputIsAnError) {
  ChildLimits limits = Small();
  limits.max_output_bytes = 100;
  const ChildResult result = RunInChild([] { return std::string(1 << 20, 'x'); }, limits, "test parser");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error,
            "the test parser produced more than 100 bytes (limit max_unpacked_bytes; raise it "
            "with --limit max_unpacked_bytes=VALUE)");
}

// The render worker answers through AnswerAsSpawnedChild; what it threw comes back as the error.
TEST(RunProgramInChildTest, PassesInputAndTheChildsError) {
  const ChildResult result =
      RunProgramInChild(FOICODE_BINARY, {"render-worker"}, "no header line", Small(), "test renderer");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error, "the test renderer failed: the request has no header");
}

TEST(RunProgramInChildTest, CrashHangAndMissingProgramAreErrors) {
  const ChildResult crashed = RunProgramInChild("/bin/sh", {"-c", "kill -SEGV $$"}, "", Small(), "test program");
  ASSERT_TRUE(crashed.error);
  EXPECT_EQ(*crashed.error, "test program crashed on signal 11");

  ChildLimits limits = Small();
  limits.timeout_seconds = 1;
  const ChildResult hung = RunProgramInChild("/bin/sleep", {"60"}, "", limits, "test program");
  ASSERT_TRUE(hung.error);
  EXPECT_EQ(*hung.error,
            "the test program took longer than 1 seconds and was stopped (limit child_seconds; "
            "raise it with --limit child_seconds=VALUE)");

  const ChildResult missing = RunProgramInChild("/nonexistent/foicode", {}, "", Small(), "test program");
  ASSERT_TRUE(missing.error);
  EXPECT_EQ(*missing.error, "could not start the test program (/nonexistent/foicode): No such file or directory");

  // Exiting without an answer is said as such.
  const ChildResult silent = RunProgramInChild("/bin/sh", {"-c", "exit 5"}, "", Small(), "test program");
  ASSERT_TRUE(silent.error);
  EXPECT_EQ(*silent.error, "the test program stopped without a result (exit status 5)");
}

}  // namespace
}  // namespace foicode::extract
