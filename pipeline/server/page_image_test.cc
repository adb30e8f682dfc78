// Tests for page images and the boxes of a quote's words on them.
#include "server/page_image.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "extract/pdf_test_builder.h"
#include "server/isolated_render.h"

namespace foicode::server {
namespace {

using extract::testpdf::BuildPdf;
using extract::testpdf::PageSpec;
using extract::testpdf::TextRun;

// Width and height from a PNG's IHDR chunk.
std::pair<int, int> PngSize(const std::string& png) {
  auto be32 = [&](std::size_t at) {
    return static_cast<int>(
        (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at])) << 24) |
        (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16) |
        (static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8) |
        static_cast<std::uint32_t>(static_cast<unsigned char>(png[at + 3])));
  };
  return {be32(16), be32(20)};
}

std::string LetterPdf() {
  return BuildPdf({PageSpec{.text = {TextRun{.x = 72, .y = 100, .text = "Dear requester,"},
                                     TextRun{.x = 72,
                                             .y = 200,
                                             .size = 12,
                                             .text = "We use Brainomix e-Stroke for CT scans."}}},
                   PageSpec{.text = {TextRun{.x = 72, .y = 100, .text = "Page two."}}}});
}

TEST(PageImage, RendersAPageAsPng) {
  PageImage image;
  ASSERT_TRUE(RenderPdfPage(LetterPdf(), 1, &image).ok());
  ASSERT_GT(image.png.size(), 8u);
  EXPECT_EQ(image.png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // A4 (595 x 842 pt) at 110 dpi.
  EXPECT_EQ(image.width, 909);
  EXPECT_EQ(image.height, 1286);
  EXPECT_EQ(PngSize(image.png), std::make_pair(image.width, image.height));
}

TEST(PageImage, RendersAndFindsWordsInAChildProcessAsInThisOne) {
  const std::string pdf = LetterPdf();
  PageImage direct;
  PageImage isolated;
  ASSERT_TRUE(RenderPdfPage(pdf, 1, &direct).ok());
  ASSERT_TRUE(RenderPdfPageIsolated(FOICODE_BINARY, pdf, 1, &isolated, {}).ok());
  EXPECT_EQ(isolated.png, direct.png);
  EXPECT_EQ(isolated.width, direct.width);
  EXPECT_EQ(isolated.height, direct.height);
  QuoteBoxes direct_words;
  QuoteBoxes isolated_words;
  ASSERT_TRUE(FindQuoteBoxes(pdf, 1, "e-Stroke for CT", &direct_words).ok());
  ASSERT_TRUE(FindQuoteBoxesIsolated(FOICODE_BINARY, pdf, 1, "e-Stroke for CT", &isolated_words, {}).ok());
  ASSERT_EQ(isolated_words.boxes.size(), 3u);
  EXPECT_EQ(isolated_words.boxes[2].x, direct_words.boxes[2].x);
  EXPECT_EQ(isolated_words.width, direct_words.width);
  // The child's error is the page's error, said as before.
  const Status missing = RenderPdfPageIsolated(FOICODE_BINARY, pdf, 3, &isolated, {});
  EXPECT_EQ(missing.message(), "page 3 is not in this PDF (it has 2)");
  EXPECT_FALSE(FindQuoteBoxesIsolated(FOICODE_BINARY, "not a pdf", 1, "x", &isolated_words, {}).ok());
}

TEST(PageImage, BoxesTheQuoteInThePngPixelSpace) {
  const std::string pdf = LetterPdf();
  PageImage image;
  ASSERT_TRUE(RenderPdfPage(pdf, 1, &image).ok());
  QuoteBoxes words;
  ASSERT_TRUE(FindQuoteBoxes(pdf, 1, "Brainomix", &words).ok());
  EXPECT_EQ(words.width, image.width);
  EXPECT_EQ(words.height, image.height);
  ASSERT_EQ(words.boxes.size(), 1u);
  const WordBox& b = words.boxes[0];
  EXPECT_GT(b.x, 72 * 110 / 72.0 + 10);  // after "We use "
  EXPECT_LT(b.x + b.w, image.width);
  // The baseline is 200 pt from the top: the box ends near it.
  EXPECT_NEAR(b.y + b.h, 200 * 110 / 72.0, 12);
  EXPECT_GT(b.w, 20);
  EXPECT_GT(b.h, 5);
}

TEST(PageImage, BoxesEveryWordOfALongerQuote) {
  QuoteBoxes words;
  ASSERT_TRUE(FindQuoteBoxes(LetterPdf(), 1, "Brainomix e-Stroke for CT", &words).ok());
  EXPECT_EQ(words.boxes.size(), 4u);
}

TEST(PageImage, NoBoxesWhenTheQuoteIsNotOnThePage) {
  QuoteBoxes words;
  ASSERT_TRUE(FindQuoteBoxes(LetterPdf(), 2, "Brainomix", &words).ok());
  EXPECT_TRUE(words.boxes.empty());
  EXPECT_GT(words.width, 0);
}

TEST(PageImage, RefusesPagesThatAreNotThere) {
  PageImage image;
  const Status s = RenderPdfPage(LetterPdf(), 3, &image);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "page 3 is not in this PDF (it has 2)");
  EXPECT_FALSE(RenderPdfPage(LetterPdf(), 0, &image).ok());
  EXPECT_EQ(RenderPdfPage("not a pdf", 1, &image).message(),
            "damaged or not a PDF: Poppler could not open it");
}

TEST(PageImage, RendersHugePagesSmallerAndRefusesAbsurdOnes) {
  const std::string big = BuildPdf({PageSpec{.width = 14400, .height = 7200}});
  PageImage image;
  ASSERT_TRUE(RenderPdfPage(big, 1, &image).ok());
  EXPECT_EQ(image.width, 4000);
  EXPECT_EQ(image.height, 2000);
  PageImageLimits tight;
  tight.max_side_pixels = 100;
  EXPECT_EQ(RenderPdfPage(big, 1, &image, tight).message(), "the page is too large to show");
}

TEST(MatchQuoteWords, FoldsCaseLigaturesPunctuationAndHyphenation) {
  const std::vector<std::string> page = {"The",
                                         "AI-based",
                                         "radiol-",
                                         "ogy",
                                         "\xEF\xAC\x81"
                                         "ndings,",
                                         "were",
                                         "reviewed."};
  EXPECT_EQ(MatchQuoteWords(page, "ai based radiology findings"), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(MatchQuoteWords(page, "Findings were REVIEWED"), (std::vector<int>{4, 5, 6}));
  EXPECT_TRUE(MatchQuoteWords(page, "not here").empty());
  EXPECT_TRUE(MatchQuoteWords(page, " ... ").empty());
  EXPECT_TRUE(MatchQuoteWords(page, "\xFF\xFE not UTF-8").empty());
}

TEST(MatchQuoteWords, PrefersAMatchOnWordBoundaries) {
  const std::vector<std::string> page = {"overuse", "of", "the", "use", "case"};
  EXPECT_EQ(MatchQuoteWords(page, "use"), (std::vector<int>{3}));
}

}  // namespace
}  // namespace foicode::server
