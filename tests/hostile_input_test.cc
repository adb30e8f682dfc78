// Hostile and broken inputs, generated here from samples/replies: truncated, emptied, misnamed,
// nested, bombed. Each must come back with a clear error (or be read as far as it goes), never
// a crash, and a batch holding them must still read every good reply.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "batch/run_batch.h"
#include "core/flag.h"
#include "extract/extract_source.h"
#include "extract/office_test_support.h"
#include "testing/test_support.h"

namespace foicode {
namespace {

namespace fs = std::filesystem;
using testing::ReadFileOrDie;
using testing::TempDir;
using testing::WriteFile;

std::vector<fs::path> SampleFiles() {
  std::vector<fs::path> files;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(testing::SamplesDir() / "replies", ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

// A zip holding one entry of `size` zero bytes: tiny packed, huge unpacked.
std::string ZipBomb(std::size_t size) {
  return extract::testing::MakeZip({{"report.txt", std::string(size, '\0')}});
}

TEST(HostileInputTest, TruncatedSamplesComeBackWithAnErrorNotACrash) {
  const auto files = SampleFiles();
  ASSERT_FALSE(files.empty());
  // Formats whose structure lives at the end: losing the end must be an error.
  const std::set<std::string> fragile = {".pdf", ".docx", ".xlsx", ".zip", ".msg"};
  for (const fs::path& file : files) {
    const std::string bytes = ReadFileOrDie(file);
    const std::string half = bytes.substr(0, bytes.size() / 2);
    const ExtractedSource source =
        extract::ExtractSource(file.filename().string(), half, extract::Limits());
    if (fragile.count(Extension(file)) > 0) {
      ASSERT_TRUE(source.error.has_value()) << file;
      EXPECT_GT(source.error->size(), 10u) << file << ": " << *source.error;
    }
  }
}

TEST(HostileInputTest, EmptiedSamplesAreEmptyFiles) {
  for (const fs::path& file : SampleFiles()) {
    const ExtractedSource source = extract::ExtractSource(file.filename().string(), "", extract::Limits());
    EXPECT_EQ(source.error, "empty file (0 bytes)") << file;
  }
}

TEST(HostileInputTest, MisnamedPdfIsReadAsPdfAndFlagged) {
  for (const fs::path& file : SampleFiles()) {
    if (Extension(file) != ".pdf") continue;
    const ExtractedSource source =
        extract::ExtractSource("letter.docx", ReadFileOrDie(file), extract::Limits());
    ASSERT_FALSE(source.parts.empty()) << file;
    EXPECT_EQ(source.kind, Kind::kPdf) << file;
    const auto& flags = source.parts[0].flags;
    EXPECT_TRUE(std::any_of(flags.begin(), flags.end(),
                            [](const Flag& f) { return f.code == flag_codes::kTypeMismatch; }))
        << file;
    return;  // one PDF is enough
  }
  FAIL() << "no PDF among the samples";
}

TEST(HostileInputTest, ZipBombIsRefusedWithTheLimitNamed) {
  extract::Limits limits;
  limits.max_unpacked_bytes = 4 << 20;
  const ExtractedSource source = extract::ExtractSource("bundle.zip", ZipBomb(16 << 20), limits);
  ASSERT_TRUE(source.error.has_value() || !source.parts.empty());
  std::string everything = source.error.value_or("");
  for (const Part& part : source.parts) {
    everything += part.error.value_or("");
    for (const Flag& f : part.flags) everything += f.message;
  }
  EXPECT_NE(everything.find("limit max_unpack"), std::string::npos) << everything;
}

TEST(HostileInputTest, MessageNestedFiftyDeepStopsAtTheDepthLimit) {
  std::string message = "From: a@b.nhs.uk\r\nTo: c@d.org\r\nSubject: bottom\r\n\r\nbottom\r\n";
  for (int level = 1; level <= 50; ++level) {
    const std::string b = "B" + std::to_string(level);
    message = "From: a@b.nhs.uk\r\nTo: c@d.org\r\nSubject: FW: level " + std::to_string(level) +
              "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + b +
              "\"\r\n\r\n--" + b + "\r\nContent-Type: text/plain\r\n\r\nsee below\r\n--" + b +
              "\r\nContent-Type: message/rfc822\r\n\r\n" + message + "\r\n--" + b + "--\r\n";
  }
  const ExtractedSource source = extract::ExtractSource("deep.eml", message, extract::Limits());
  ASSERT_TRUE(source.error.has_value());
  EXPECT_NE(source.error->find("(limit max_depth; raise it with --limit max_depth=VALUE)"), std::string::npos)
      << *source.error;
}

TEST(HostileInputTest, MalformedBoundaryAndUnknownCharsetAreReadAsFarAsTheyGo) {
  const std::string message =
      "From: FOI <foi@trust.nhs.uk>\r\nTo: r@example.org\r\nSubject: FOI 77\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"declared\"\r\n\r\n"
      "--other\r\nContent-Type: text/plain; charset=x-no-such-charset\r\n\r\n"
      "We use Brainomix e-Stroke.\r\n--other--\r\n";
  const ExtractedSource source = extract::ExtractSource("odd.eml", message, extract::Limits());
  ASSERT_FALSE(source.parts.empty());
  std::string text;
  for (const Page& page : source.parts[0].pages) text += page.text;
  EXPECT_NE(text.find("Brainomix"), std::string::npos) << text;
}

TEST(HostileInputTest, BatchOfBrokenAndGoodRepliesReadsEveryGoodOne) {
  TempDir dir;
  std::vector<batch::InputFile> inputs;
  const auto files = SampleFiles();
  int index = 0;
  for (const fs::path& file : files) {
    const std::string bytes = ReadFileOrDie(file);
    const std::string stem = std::to_string(index++) + Extension(file);
    const std::pair<std::string, std::string> variants[] = {
        {"good-" + stem, bytes},
        {"half-" + stem, bytes.substr(0, bytes.size() / 2)},
        {"empty-" + stem, ""},
        {"misnamed-" + std::to_string(index) + ".pdf", bytes},
    };
    for (const auto& [name, content] : variants) {
      WriteFile(dir.path() / name, content);
      inputs.push_back(batch::InputFile{name, dir.path() / name});
    }
  }
  inputs.push_back(batch::InputFile{"vanished.pdf", dir.path() / "vanished.pdf"});
  batch::BatchOptions options;
  options.jobs = 2;
  options.worker_program = FOICODE_BINARY;  // read in worker processes, as foicode run does
  const auto results = batch::ExtractInputs(inputs, options, nullptr);
  ASSERT_EQ(results.size(), inputs.size());
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_EQ(results[i].path, inputs[i].display_path);
    if (results[i].error) {
      EXPECT_GT(results[i].error->size(), 10u) << results[i].path;
    }
    if (inputs[i].display_path.rfind("good-", 0) == 0) {
      EXPECT_FALSE(results[i].parts.empty()) << results[i].path;
    }
    if (inputs[i].display_path.rfind("empty-", 0) == 0) {
      EXPECT_EQ(results[i].error, "empty file (0 bytes)");
    }
  }
  EXPECT_EQ(results.back().error.value_or("").rfind("cannot read: ", 0), 0u)
      << results.back().error.value_or("(no error)");
}

}  // namespace
}  // namespace foicode
