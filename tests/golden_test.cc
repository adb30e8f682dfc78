// Golden tests: the text extracted from every sample reply and the coded dataset of all of
// them, compared with the reviewed expected output in tests/golden/. tools/update-goldens.sh
// rewrites the goldens from the current build; the diff is then reviewed like code.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "assemble/assemble_records.h"
#include "batch/dataset_writer.h"
#include "batch/run_batch.h"
#include "core/coded_record_json.h"
#include "core/extracted_source_json.h"
#include "core/utf8.h"
#include "extract/extract_source.h"
#include "facts/test_rules.h"
#include "normalise/test_dictionary.h"
#include "testing/evidence_check.h"
#include "testing/test_support.h"

namespace foicode {
namespace {

namespace fs = std::filesystem;

fs::path SourceDir() { return FOICODE_SOURCE_DIR; }

// Sample paths relative to the source tree ("samples/replies/x.pdf"), as
// tools/update-goldens.sh names them.
std::vector<std::string> SamplePaths() {
  std::vector<std::string> paths;
  const fs::path root = SourceDir() / "samples/replies";
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) paths.push_back(fs::relative(it->path(), SourceDir()).generic_string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// Where the first difference is: its line and column, with a little of each side around it.
// Page texts are single long JSON lines, so whole lines would bury the difference.
std::string FirstDifference(const std::string& expected, const std::string& got) {
  std::size_t at = 0;
  while (at < expected.size() && at < got.size() && expected[at] == got[at]) ++at;
  const std::size_t line = 1 + std::count(expected.begin(), expected.begin() + at, '\n');
  const std::size_t line_start = expected.rfind('\n', at == 0 ? 0 : at - 1);
  const std::size_t column = at - (line_start == std::string::npos ? 0 : line_start + 1) + 1;
  const std::size_t from = at > 80 ? at - 80 : 0;
  return "first difference at line " + std::to_string(line) + ", column " + std::to_string(column) +
         "\nexpected: ..." + expected.substr(from, 160) + "...\ngot:      ..." +
         got.substr(from, 160) + "...\n";
}

class GoldenExtractTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenExtractTest, MatchesReviewedOutput) {
  const std::string relative = GetParam();
  const ExtractedSource source =
      batch::ExtractInputFile(batch::InputFile{relative, SourceDir() / relative}, extract::Limits());
  const std::string got = ExtractJsonText(source);
  const fs::path golden =
      SourceDir() / "tests/golden/extract" / (relative.substr(std::string("samples/replies/").size()) + ".json");
  ASSERT_TRUE(fs::exists(golden)) << "no golden for " << relative << "; run tools/update-goldens.sh";
  const std::string expected = testing::ReadFileOrDie(golden);
  EXPECT_TRUE(got == expected) << relative << ": " << FirstDifference(expected, got);
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param.substr(std::string("samples/replies/").size())) {
    name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return name + "_" + std::to_string(info.index);
}

INSTANTIATE_TEST_SUITE_P(Samples, GoldenExtractTest, ::testing::ValuesIn(SamplePaths()), TestName);

TEST(GoldenSetTest, EverySampleHasAGoldenAndEveryGoldenASample) {
  const auto samples = SamplePaths();
  ASSERT_GE(samples.size(), 15u) << "samples/replies/ should hold at least 15 replies";
  std::vector<std::string> goldens;
  const fs::path root = SourceDir() / "tests/golden/extract";
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) {
      std::string rel = fs::relative(it->path(), root).generic_string();
      goldens.push_back("samples/replies/" + rel.substr(0, rel.size() - std::string(".json").size()));
    }
  }
  std::sort(goldens.begin(), goldens.end());
  EXPECT_EQ(goldens, samples);
}

}  // namespace
}  // namespace foicode

namespace foicode {
namespace {

// Code point substring, for checking offsets the way a Python reader of the JSON would.
std::string CodePointSlice(const std::string& text, int start, int end) {
  std::string out;
  int index = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = 1;
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0) n = 4; else if (lead >= 0xE0) n = 3; else if (lead >= 0xC0) n = 2;
    if (index >= start && index < end) out += text.substr(i, n);
    i += n;
    ++index;
  }
  return out;
}

TEST(QuotedSpansTest, OffsetsAreCodePointsOnEverySample) {
  int spans = 0;
  for (const std::string& relative : SamplePaths()) {
    const ExtractedSource source = batch::ExtractInputFile(
        batch::InputFile{relative, SourceDir() / relative}, extract::Limits());
    for (const Part& part : source.parts) {
      for (const Page& page : part.pages) {
        const int length = CountCodePoints(page.text);
        int previous_end = 0;
        for (const Span& span : page.quoted) {
          ++spans;
          EXPECT_LE(previous_end, span.start) << relative;
          EXPECT_LT(span.start, span.end) << relative;
          EXPECT_LE(span.end, length) << relative;
          previous_end = span.end;
        }
      }
    }
  }
  EXPECT_GT(spans, 0) << "no sample has a quoted earlier message";
}

TEST(QuotedSpansTest, ForwardedThreadQuoteStartsAtTheOutlookSeparator) {
  const std::string relative = "samples/replies/RE_ FOI request - Clinical AI (MYT 24-2251).eml";
  const ExtractedSource source =
      batch::ExtractInputFile(batch::InputFile{relative, SourceDir() / relative}, extract::Limits());
  ASSERT_FALSE(source.parts.empty());
  ASSERT_EQ(source.parts[0].pages.size(), 1u);
  const Page& page = source.parts[0].pages[0];
  ASSERT_FALSE(page.quoted.empty());
  const std::string quoted = CodePointSlice(page.text, page.quoted[0].start, page.quoted[0].end);
  EXPECT_EQ(quoted.rfind("-----Original Message-----", 0), 0u) << quoted.substr(0, 80);
  EXPECT_NE(CodePointSlice(page.text, 0, page.quoted[0].start).find("1025 studies"), std::string::npos);
}

TEST(QuotedSpansTest, OffsetsCountCodePointsNotBytes) {
  // Curly quotes, dashes and a pound sign before the quote: byte offsets would land later.
  const std::string message =
      "From: FOI <foi@trust.nhs.uk>\r\nTo: r@example.org\r\nSubject: FOI 12\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n\r\n"
      "The Trust\u2019s answer \u2013 \u00a3450 limit \u201cnot exceeded\u201d.\r\n\r\n"
      "-----Original Message-----\r\nFrom: Requester\r\nSent: 18 September 2024\r\n"
      "Subject: FOI request\r\n\r\nPlease provide a list of clinical AI systems.\r\n";
  const ExtractedSource source = extract::ExtractSource("reply.eml", message, extract::Limits());
  ASSERT_FALSE(source.parts.empty());
  ASSERT_EQ(source.parts[0].pages.size(), 1u);
  const Page& page = source.parts[0].pages[0];
  ASSERT_EQ(page.quoted.size(), 1u);
  EXPECT_EQ(CodePointSlice(page.text, page.quoted[0].start, page.quoted[0].start + 26),
            "-----Original Message-----");
  EXPECT_EQ(page.quoted[0].end, CountCodePoints(page.text));
}

}  // namespace
}  // namespace foicode

namespace foicode {
namespace {

// The whole pipeline over samples/replies, as `foicode run samples/replies` codes it.
struct SampleRun {
  std::vector<ExtractedSource> sources;
  std::vector<CodedRecord> records;
};

const SampleRun& RunSamples() {
  static const SampleRun* run = [] {
    auto* result = new SampleRun;
    std::vector<batch::InputFile> inputs;
    for (const std::string& relative : SamplePaths()) inputs.push_back({relative, SourceDir() / relative});
    result->sources = batch::ExtractInputs(inputs, batch::BatchOptions{2, extract::Limits(), FOICODE_BINARY}, nullptr);
    result->records = assemble::AssembleRecords(result->sources, normalise::testing::RealDictionary(),
                                                facts::testing::RealRules(), 2);
    return result;
  }();
  return *run;
}

TEST(GoldenResponsesTest, MatchesReviewedOutput) {
  const SampleRun& run = RunSamples();
  std::vector<nlohmann::json> lines;
  for (const CodedRecord& record : run.records) lines.push_back(ToJson(record, run.sources));
  const std::string got = batch::ResponsesJsonl(lines);
  const std::string expected = testing::ReadFileOrDie(SourceDir() / "tests/golden/responses.jsonl");
  EXPECT_TRUE(got == expected) << "responses.jsonl: " << FirstDifference(expected, got)
                               << "(tools/update-goldens.sh rewrites it; review the diff)";
}

// The contract's promise to every reader: text[start:end] == quote, in code points, for every
// piece of evidence in the dataset.
TEST(GoldenResponsesTest, EveryEvidenceQuoteIsTheTextAtItsOffsets) {
  const SampleRun& run = RunSamples();
  EXPECT_GT(testing::ExpectEvidenceQuotesMatch(run.records, run.sources), 50);
}

TEST(GoldenResponsesTest, EveryInputIsInExactlyOneRecord) {
  const SampleRun& run = RunSamples();
  std::vector<int> seen(run.sources.size(), 0);
  for (const CodedRecord& r : run.records) {
    for (int i : r.sources) ++seen[i];
  }
  for (std::size_t i = 0; i < seen.size(); ++i) EXPECT_EQ(seen[i], 1) << run.sources[i].path;
}

}  // namespace
}  // namespace foicode
