// Every reading limit has a bound that is tested, and each message that reports it names the
// limit and how to raise it. A new limit in limit_options.cc fails the first test until it has
// a case here (or names the test that covers it).
#include <leptonica/allheaders.h>

#include <functional>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/extracted_source_json.h"
#include "extract/extract_source.h"
#include "extract/limit_options.h"
#include "extract/office_test_support.h"
#include "extract/pdf_test_builder.h"

namespace foicode::extract {
namespace {

using testing::MakeDocx;
using testing::MakeXlsx;
using testing::MakeZip;
using testing::ZipItem;
using testpdf::BuildPdf;
using testpdf::PageSpec;
using testpdf::TextRun;

struct Case {
  std::string path;                       // the input's name (its extension picks the reader)
  std::function<std::string()> bytes;     // the input
  std::function<void(Limits&)> tighten;   // the limit, set low enough to be reached
};

std::string Pdf(int pages) {
  std::vector<PageSpec> specs;
  for (int i = 0; i < pages; ++i) specs.push_back(PageSpec{.text = {TextRun{.x = 72, .y = 100, .text = "Page text."}}});
  return BuildPdf(specs);
}

std::string NestedZip(int depth) {
  std::string inner = MakeZip({{"letter.txt", "We use no AI systems."}});
  for (int i = 1; i < depth; ++i) inner = MakeZip({{"level" + std::to_string(i) + ".zip", inner}});
  return inner;
}

std::string NestedDocx(int depth) {
  std::string body;
  for (int i = 0; i < depth; ++i) body += "<w:tbl><w:tr><w:tc>";
  body += "<w:p><w:r><w:t>deep</w:t></w:r></w:p>";
  for (int i = 0; i < depth; ++i) body += "</w:tc></w:tr></w:tbl>";
  return MakeDocx(body);
}

std::string Image(int width, int height) {
  testpdf::GrayPixels pixels{.width = width, .height = height, .pixels = std::string(width * height, '\xff')};
  return testpdf::EncodeImage(pixels, IFF_PNG);
}

// Runs of one letter, 150 to 250 long: deflate packs them about 60 to 1, between a strict
// max_unpack_ratio and the default.
std::string Runs(std::size_t size) {
  std::string text;
  unsigned state = 12345;
  while (text.size() < size) {
    state = state * 1103515245u + 12345u;
    text.append(150 + (state >> 16) % 100, static_cast<char>('a' + (state >> 8) % 26));
  }
  return text;
}

const std::map<std::string, Case>& Cases() {
  static const std::map<std::string, Case> cases = {
      {"max_file_bytes", {"big.txt", [] { return std::string(2000, 'a'); }, [](Limits& l) { l.max_file_bytes = 1000; }}},
      {"max_pages", {"long.pdf", [] { return Pdf(3); }, [](Limits& l) { l.max_pages = 2; }}},
      {"max_parts",
       {"many.zip",
        [] {
          std::vector<ZipItem> items;
          for (int i = 0; i < 6; ++i) items.push_back({"part" + std::to_string(i) + ".txt", "text"});
          return MakeZip(items);
        },
        [](Limits& l) { l.max_parts = 3; }}},
      {"max_depth", {"nested.zip", [] { return NestedZip(4); }, [](Limits& l) { l.max_depth = 2; }}},
      {"max_unpacked_bytes",
       {"large.zip", [] { return MakeZip({{"big.txt", std::string(300'000, 'x')}}); },
        [](Limits& l) { l.max_unpacked_bytes = 100'000; }}},
      {"max_unpack_ratio", {"runs.zip", [] { return MakeZip({{"runs.txt", Runs(4 << 20)}}); },
                            [](Limits& l) { l.max_unpack_ratio = 20; }}},
      {"min_bytes_for_ratio_check",
       {"small-bomb.zip", [] { return MakeZip({{"zeros.txt", std::string(200'000, '0')}}); },
        [](Limits& l) { l.min_bytes_for_ratio_check = 100'000; l.max_unpack_ratio = 50; }}},
      {"max_entries",
       {"entries.zip",
        [] {
          std::vector<ZipItem> items;
          for (int i = 0; i < 30; ++i) items.push_back({"e" + std::to_string(i) + ".txt", "x"});
          return MakeZip(items);
        },
        [](Limits& l) { l.max_entries = 10; }}},
      {"max_xml_depth", {"deep.docx", [] { return NestedDocx(40); }, [](Limits& l) { l.max_xml_depth = 20; }}},
      {"max_cells",
       {"cells.csv",
        [] {
          std::string csv;
          for (int r = 0; r < 20; ++r) csv += "a,b,c,d,e\n";
          return csv;
        },
        [](Limits& l) { l.max_cells = 30; }}},
      {"max_text_chars", {"long.txt", [] { return std::string(5000, 'a'); }, [](Limits& l) { l.max_text_chars = 1000; }}},
      {"max_image_pixels", {"scan.png", [] { return Image(400, 400); }, [](Limits& l) { l.max_image_pixels = 10'000; }}},
  };
  return cases;
}

// Limits whose bound is timing or process work, tested beside their code; or that are not
// bounds (a resolution, a switch).
const std::map<std::string, std::string>& CoveredElsewhere() {
  static const std::map<std::string, std::string> elsewhere = {
      {"ocr_dpi", "not a bound: the resolution OCR renders at (PdfReaderTest)"},
      {"ocr_enabled", "not a bound: a switch (PdfReaderTest, ImageReaderTest)"},
      {"ocr_seconds_per_page", "OcrTest: a page stopped at its time"},
      {"ocr_seconds_per_input", "PdfReaderTest: OCR skipped once the input's time is used"},
      {"child_seconds", "ChildProcessTest and TnefReaderTest: a hung child is stopped"},
      {"child_memory_bytes", "ChildProcessTest: a child past its memory fails"},
      {"input_seconds", "MisbehavingWorkerTest.WorkThatNeverEndsIsStoppedAtInputSeconds"},
      {"stall_seconds", "MisbehavingWorkerTest.HangIsStoppedAfterStallSecondsAndNamed"},
      {"worker_memory_bytes", "MisbehavingWorkerTest.MemoryIsBoundedAndTheLimitNamed"},
  };
  return elsewhere;
}

TEST(LimitsTest, EveryLimitHasATestedBound) {
  for (const LimitInfo& info : LimitTable()) {
    const std::string name(info.name);
    EXPECT_TRUE(Cases().count(name) + CoveredElsewhere().count(name) == 1)
        << name << " needs a case in limits_test.cc, or the test that covers it named there";
  }
}

TEST(LimitsTest, ReachingALimitSaysWhichAndHowToRaiseIt) {
  for (const auto& [name, c] : Cases()) {
    SCOPED_TRACE(name);
    const std::string bytes = c.bytes();
    ASSERT_FALSE(bytes.empty());
    const std::string note = LimitNote(name);
    // Within the default limits the input is read without reaching this one.
    const std::string relaxed = ToJson(ExtractSource(c.path, bytes, Limits())).dump();
    EXPECT_EQ(relaxed.find(note), std::string::npos) << relaxed.substr(0, 600);
    Limits tight;
    c.tighten(tight);
    const std::string reached = ToJson(ExtractSource(c.path, bytes, tight)).dump();
    if (name == "min_bytes_for_ratio_check") {
      // Raised past the entry's size, the ratio check is what stops it.
      EXPECT_NE(reached.find(LimitNote("max_unpack_ratio")), std::string::npos) << reached.substr(0, 600);
      Limits spared = tight;
      spared.min_bytes_for_ratio_check = 1 << 20;
      const std::string read = ToJson(ExtractSource(c.path, bytes, spared)).dump();
      EXPECT_EQ(read.find(LimitNote("max_unpack_ratio")), std::string::npos) << "a small entry is spared";
      continue;
    }
    EXPECT_NE(reached.find(note), std::string::npos) << reached.substr(0, 800);
  }
}

}  // namespace
}  // namespace foicode::extract
