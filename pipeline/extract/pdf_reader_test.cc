// Tests for reading PDFs: text layer layout, OCR of scanned pages, damage, encryption, limits.
#include "extract/pdf_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <thread>
#include <vector>

#include "extract/pdf_test_builder.h"

namespace foicode::extract {
namespace {

using testpdf::BuildPdf;
using testpdf::PageSpec;
using testpdf::TextRun;

ReadResult Read(const std::string& pdf, const Limits& limits = Limits{}) {
  ReadContext context(limits);
  return ReadPdf(pdf, context);
}

bool HasFlag(const ReadResult& r, std::string_view code) {
  return std::any_of(r.flags.begin(), r.flags.end(), [&](const Flag& f) { return f.code == code; });
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

PageSpec LetterPage(int number) {
  return PageSpec{
      .text = {
          TextRun{.x = 72, .y = 50, .size = 9, .text = "Example Hospitals NHS Foundation Trust"},
          TextRun{.x = 72, .y = 120, .text = "Thank you for your request for information."},
          TextRun{.x = 72, .y = 134, .text = "We do not use artificial intelligence."},
          TextRun{.x = 72, .y = 800, .size = 9, .text = "Page " + std::to_string(number) + " of 2"},
      }};
}

TEST(PdfReaderTest, TextPagesAreNumberedWithHeaderAndFooterOnTheirOwnLines) {
  const ReadResult r = Read(BuildPdf({LetterPage(1), LetterPage(2)}));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_TRUE(r.flags.empty()) << r.flags[0].message;
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[0], (Page{.number = 1,
                              .label = "",
                              .text = "Example Hospitals NHS Foundation Trust\n\n"
                                      "Thank you for your request for information.\n"
                                      "We do not use artificial intelligence.\n\n"
                                      "Page 1 of 2",
                              .ocr = false,
                              .quoted = {}}));
  EXPECT_EQ(r.pages[1].number, 2);
  EXPECT_TRUE(r.pages[1].text.ends_with("Page 2 of 2"));
}

TEST(PdfReaderTest, TableRowsStayOnOneLine) {
  PageSpec page;
  const std::vector<std::vector<std::string>> rows = {{"Supplier", "System", "Scans per year"},
                                                      {"Aidence", "Veye Lung Nodules", "14974"},
                                                      {"Brainomix", "e-Stroke", "2777"}};
  double y = 100;
  for (const auto& row : rows) {
    page.text.push_back(TextRun{.x = 72, .y = y, .text = row[0]});
    page.text.push_back(TextRun{.x = 200, .y = y, .text = row[1]});
    page.text.push_back(TextRun{.x = 360, .y = y, .text = row[2]});
    y += 16;
  }
  const ReadResult r = Read(BuildPdf({page}));
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].text,
            "Supplier | System | Scans per year\n"
            "Aidence | Veye Lung Nodules | 14974\n"
            "Brainomix | e-Stroke | 2777");
}

TEST(PdfReaderTest, LigatureGlyphsAreExpanded) {
  const ReadResult r = Read(BuildPdf({PageSpec{.text = {TextRun{.text = "The \x01nance team \x02"
                                                                        "agged the o\x03"
                                                                        "ce budget."}}}}));
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].text, "The finance team flagged the office budget.");
}

TEST(PdfReaderTest, WordHyphenatedAtLineEndIsRejoined) {
  const ReadResult r = Read(BuildPdf({PageSpec{
      .text = {TextRun{.x = 72, .y = 100, .text = "The trust is in the middle of a procure-"},
               TextRun{.x = 72, .y = 113, .text = "ment for the e-"},
               TextRun{.x = 72, .y = 126, .text = "Stroke follow-up service."}}}}));
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].text,
            "The trust is in the middle of a procurement\nfor the e-\nStroke follow-up service.");
}

// A page that is only a picture of text, as a scanner makes it.
std::string ScannedPdf() {
  const std::string source = BuildPdf(
      {PageSpec{.width = 420,
                .height = 200,
                .text = {TextRun{.x = 20, .y = 50, .size = 20, .text = "Freedom of Information"},
                         TextRun{.x = 20, .y = 90, .size = 20, .text = "We use Aidence for"},
                         TextRun{.x = 20, .y = 130, .size = 20, .text = "cardiac imaging."}}}});
  testpdf::GrayPixels image = testpdf::RenderPage(source, 150);
  return BuildPdf({PageSpec{.width = 420, .height = 200, .text = {}, .image = image}});
}

TEST(PdfReaderTest, ScannedPageIsReadByOcr) {
  const ReadResult r = Read(ScannedPdf());
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_TRUE(r.pages[0].ocr);
  const std::string text = Lower(r.pages[0].text);
  for (const char* word : {"freedom", "information", "aidence", "cardiac", "imaging"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word << " not in: " << text;
  }
  ASSERT_TRUE(HasFlag(r, flag_codes::kTextFromOcr));
  EXPECT_EQ(r.flags[0].message,
            "Text of page 1 was read by OCR from the page image; check quotes against the PDF.");
}

TEST(PdfReaderTest, OcrOffLeavesScannedPageEmptyAndFlagged) {
  Limits limits;
  limits.ocr_enabled = false;
  const ReadResult r = Read(ScannedPdf(), limits);
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].text, "");
  EXPECT_FALSE(r.pages[0].ocr);
  ASSERT_EQ(r.flags.size(), 1u);
  EXPECT_EQ(r.flags[0], (Flag{"part_unreadable",
                              "No text could be read from page 1 (no text layer, and OCR is "
                              "turned off)."}));
}

// A scan with a stray text layer (a page number) read with OCR off was reported as having
// no text layer at all.
TEST(PdfReaderTest, OcrOffKeepsUnusableTextLayerWithItsOwnFlag) {
  Limits limits;
  limits.ocr_enabled = false;
  const ReadResult r =
      Read(BuildPdf({PageSpec{.text = {TextRun{.x = 72, .y = 800, .text = "Page 7"}}}}), limits);
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].text, "Page 7");
  ASSERT_EQ(r.flags.size(), 1u);
  EXPECT_EQ(r.flags[0], (Flag{"part_unreadable",
                              "The text layer of page 1 is too short or looks damaged, and OCR "
                              "is turned off: the text kept may be wrong or incomplete."}));
}

TEST(PdfReaderTest, OcrTimeUsedUpIsAnError) {
  Limits limits;
  ReadContext context(limits);
  context.ocr_seconds_used = limits.ocr_seconds_per_input;
  const ReadResult r = ReadPdf(ScannedPdf(), context);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error,
            "page 1: no text layer, and not read by OCR: OCR time for this input ran out after "
            "600 s (limit ocr_seconds_per_input; raise it with --limit "
            "ocr_seconds_per_input=VALUE)");
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_FALSE(r.pages[0].ocr);
}

TEST(PdfReaderTest, HugePageIsNotRenderedForOcr) {
  Limits limits;
  limits.max_image_pixels = 10'000;
  const ReadResult r = Read(BuildPdf({PageSpec{.width = 14400, .height = 14400}}), limits);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error,
            "page 1: no text layer, and too large to render for OCR (limit max_image_pixels; "
            "raise it with --limit max_image_pixels=VALUE)");
}

TEST(PdfReaderTest, UserPasswordIsReportedAsEncrypted) {
  const ReadResult r =
      Read(BuildPdf({LetterPage(1)}, testpdf::Encryption{.user_password = "secret"}));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, "encrypted: a password is needed to open this PDF");
  EXPECT_TRUE(r.pages.empty());
}

TEST(PdfReaderTest, OwnerPasswordOnlyEncryptionIsOpened) {
  const ReadResult r = Read(BuildPdf({LetterPage(1)}, testpdf::Encryption{}));
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_NE(r.pages[0].text.find("We do not use artificial intelligence."), std::string::npos)
      << r.pages[0].text;
}

TEST(PdfReaderTest, BrokenXrefIsRepairedAndFlagged) {
  std::string pdf = BuildPdf({LetterPage(1)});
  const std::size_t at = pdf.rfind("startxref\n") + 10;
  pdf.replace(at, pdf.find('\n', at) - at, "999999");
  const ReadResult r = Read(pdf);
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_NE(r.pages[0].text.find("artificial intelligence"), std::string::npos);
  ASSERT_TRUE(HasFlag(r, flag_codes::kPdfRepaired));
  EXPECT_EQ(r.flags.back().message,
            "Poppler repaired this PDF's damaged structure (startxref points outside the file); "
            "check that the text is complete.");
}

TEST(PdfReaderTest, PopplerWarningsBecomeAFlagAndAreNotPrinted) {
  PageSpec page = LetterPage(1);
  page.extra_operators = "1 2 frobnicate\n";
  const ReadResult r = Read(BuildPdf({page}));
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_NE(r.pages[0].text.find("artificial intelligence"), std::string::npos);
  ASSERT_EQ(r.flags.size(), 1u);
  EXPECT_EQ(r.flags[0].code, "pdf_repaired");
  EXPECT_NE(r.flags[0].message.find("frobnicate"), std::string::npos) << r.flags[0].message;
}

TEST(PdfReaderTest, HostileInputsComeBackWithAnError) {
  const std::string good = BuildPdf({LetterPage(1), LetterPage(2)});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"zero bytes", ""},
      {"header only", good.substr(0, 20)},
      {"garbage", std::string(5000, '\x9c') + "%PDF-1.4 junk \x01\x02"},
      {"pdf header then garbage", "%PDF-1.7\n" + std::string(3000, 'z')},
  };
  for (const auto& [name, bytes] : cases) {
    const ReadResult r = Read(bytes);
    ASSERT_TRUE(r.error) << name;
    EXPECT_TRUE(r.error->starts_with("damaged or not a PDF: Poppler could not open it"))
        << name << ": " << *r.error;
    EXPECT_TRUE(r.pages.empty()) << name;
  }
}

TEST(PdfReaderTest, TruncatedFilesNeverCrash) {
  const std::string good = BuildPdf({LetterPage(1), LetterPage(2)});
  for (std::size_t keep :
       {good.size() / 4, good.size() / 2, good.size() * 3 / 4, good.size() - 10}) {
    const ReadResult r = Read(good.substr(0, keep));
    EXPECT_TRUE(r.error || HasFlag(r, flag_codes::kPdfRepaired)) << "kept " << keep << " bytes";
  }
}

// broken-pdf/page-tree-loop.pdf of the hostile corpus exposed this: the error said only
// "Poppler could not read the page", though Poppler had said why.
TEST(PdfReaderTest, PageThatCannotBeReadGivesPopplersReason) {
  std::string pdf = BuildPdf({LetterPage(1)});
  const std::size_t kids = pdf.find("/Kids [4 0 R ]");
  ASSERT_NE(kids, std::string::npos);
  pdf.replace(kids, 14, "/Kids [2 0 R ]");  // the page tree lists itself
  const ReadResult r = Read(pdf);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, "page 1: Poppler could not read the page (Loop in Pages tree)");
}

// truncated/pdf-text-cut2960of5921.pdf of the hostile corpus exposed these: a cut PDF was
// "damaged or not a PDF" with Poppler's messages repeated, though its first page had arrived.
TEST(PdfReaderTest, TruncatedPdfKeepsThePagesThatArrived) {
  const std::string good = BuildPdf({LetterPage(1), LetterPage(2)});
  const std::size_t cut = good.find("6 0 obj");
  ASSERT_NE(cut, std::string::npos);
  const ReadResult r = Read(good.substr(0, cut));
  ASSERT_TRUE(r.error);
  EXPECT_TRUE(r.error->starts_with("the PDF is truncated (it has no %%EOF at its end): only what "
                                   "Poppler could recover from the part that arrived was read"))
      << *r.error;
  ASSERT_FALSE(r.pages.empty());
  EXPECT_NE(r.pages[0].text.find("artificial intelligence"), std::string::npos);
  EXPECT_TRUE(HasFlag(r, flag_codes::kPdfRepaired));
}

TEST(PdfReaderTest, TruncatedPdfThatCannotBeOpenedSaysSoOnce) {
  const std::string good = BuildPdf({LetterPage(1)});
  const ReadResult r = Read(good.substr(0, 20));
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error,
            "damaged or not a PDF: Poppler could not open it (Couldn't find trailer dictionary; "
            "Couldn't read xref table); it looks truncated: it starts with %PDF- but has no "
            "%%EOF at its end");
}

TEST(PdfReaderTest, PagesBeyondMaxPagesAreDroppedWithAFlag) {
  Limits limits;
  limits.max_pages = 2;
  const ReadResult r = Read(BuildPdf({LetterPage(1), LetterPage(2), LetterPage(1)}), limits);
  ASSERT_EQ(r.pages.size(), 2u);
  EXPECT_EQ(r.pages[1].number, 2);
  ASSERT_EQ(r.flags.size(), 1u);
  EXPECT_EQ(r.flags[0],
            (Flag{"limit_reached",
                  "Only the first 2 of 3 pages were read (limit max_pages; raise it with "
                  "--limit max_pages=VALUE)."}));
}

TEST(PdfReaderTest, LongPageTextIsCutAtMaxTextChars) {
  Limits limits;
  limits.max_text_chars = 10;
  const ReadResult r = Read(BuildPdf({LetterPage(1)}), limits);
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].text, "Example Ho");
  ASSERT_TRUE(HasFlag(r, flag_codes::kLimitReached));
}

// Poppler's message callback is process-wide: each thread must get only its own messages.
TEST(PdfReaderTest, ConcurrentReadsKeepTheirOwnPopplerMessages) {
  PageSpec page = LetterPage(1);
  page.extra_operators = "1 2 frobnicate\n";
  const std::string broken = BuildPdf({page});
  const std::string clean = BuildPdf({LetterPage(2)});
  std::vector<ReadResult> broken_results(20);
  std::vector<ReadResult> clean_results(20);
  std::thread a([&] {
    for (auto& r : broken_results) r = Read(broken);
  });
  std::thread b([&] {
    for (auto& r : clean_results) r = Read(clean);
  });
  a.join();
  b.join();
  for (const auto& r : broken_results) EXPECT_TRUE(HasFlag(r, flag_codes::kPdfRepaired));
  for (const auto& r : clean_results) EXPECT_TRUE(r.flags.empty());
}

}  // namespace
}  // namespace foicode::extract
