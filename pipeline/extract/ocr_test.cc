// Tests for OCR of gray page images.
#include "extract/ocr.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "extract/pdf_test_builder.h"

namespace foicode::extract {
namespace {

using testpdf::PageSpec;
using testpdf::TextRun;

TEST(RecognisePageTest, ReadsTheWordsOfARenderedPage) {
  const testpdf::GrayPixels image = testpdf::RenderPage(
      testpdf::BuildPdf({PageSpec{
          .width = 400,
          .height = 150,
          .text = {TextRun{.x = 20, .y = 50, .size = 18, .text = "Brainomix e-Stroke is used"},
                   TextRun{.x = 20, .y = 90, .size = 18, .text = "in the stroke pathway."}}}}),
      300);
  ASSERT_GT(image.width, 0);
  const GrayImage gray{.pixels = reinterpret_cast<const unsigned char*>(image.pixels.data()),
                       .width = image.width,
                       .height = image.height,
                       .stride = image.width,
                       .dpi = 300};
  const OcrResult r = RecognisePage(gray, 60);
  ASSERT_FALSE(r.error) << *r.error;
  std::string text = r.text;
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const char* word : {"brainomix", "stroke", "used", "pathway"}) {
    EXPECT_NE(text.find(word), std::string::npos) << word << " not in: " << text;
  }
  EXPECT_GT(r.mean_confidence, 50);
  EXPECT_EQ(text.find("  "), std::string::npos);
}

TEST(RecognisePageTest, BlankImageGivesNoText) {
  const std::string white(600 * 400, '\xff');
  const OcrResult r =
      RecognisePage(GrayImage{.pixels = reinterpret_cast<const unsigned char*>(white.data()),
                              .width = 600,
                              .height = 400,
                              .stride = 600,
                              .dpi = 300},
                    60);
  EXPECT_FALSE(r.error);
  EXPECT_EQ(r.text, "");
}

TEST(RecognisePageTest, EmptyImageIsAnError) {
  const OcrResult r = RecognisePage(GrayImage{}, 60);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error, "OCR was given an empty image");
}

}  // namespace
}  // namespace foicode::extract
