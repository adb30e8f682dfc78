// Tests for reading pictures of letters by OCR, and refusing logos and bombs.
#include "extract/image_reader.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/pdf_test_builder.h"

namespace foicode::extract {
namespace {

using testpdf::PageSpec;
using testpdf::TextRun;

// A photographed or scanned letter: 833 x 625 pixels.
testpdf::GrayPixels LetterImage() {
  return testpdf::RenderPage(
      testpdf::BuildPdf({PageSpec{
          .width = 400,
          .height = 300,
          .text = {TextRun{.x = 20, .y = 60, .size = 20, .text = "Dear Requester,"},
                   TextRun{.x = 20, .y = 110, .size = 20, .text = "The Trust uses Aidence"},
                   TextRun{.x = 20, .y = 160, .size = 20, .text = "Veye for lung nodules."}}}}),
      150);
}

ReadResult Read(const std::string& bytes, const Limits& limits = Limits{}) {
  ReadContext context(limits);
  return ReadImage(bytes, context);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

TEST(ImageReaderTest, PageSizedImagesAreReadByOcrInEachFormat) {
  const testpdf::GrayPixels image = LetterImage();
  ASSERT_EQ(image.width, 833);
  for (int format : {IFF_PNG, IFF_TIFF_G4, IFF_JFIF_JPEG}) {
    const std::string bytes = testpdf::EncodeImage(image, format);
    ASSERT_FALSE(bytes.empty()) << format;
    const ReadResult r = Read(bytes);
    ASSERT_FALSE(r.error) << format << ": " << *r.error;
    ASSERT_EQ(r.pages.size(), 1u) << format;
    EXPECT_EQ(r.pages[0].number, 1);
    EXPECT_TRUE(r.pages[0].ocr);
    const std::string text = Lower(r.pages[0].text);
    for (const char* word : {"dear", "trust", "aidence", "lung", "nodules"}) {
      EXPECT_NE(text.find(word), std::string::npos)
          << format << ": " << word << " not in: " << text;
    }
    ASSERT_EQ(r.flags.size(), 1u);
    EXPECT_EQ(r.flags[0].code, "text_from_ocr");
  }
}

TEST(ImageReaderTest, SmallImageIsNotReadAndFlagged) {
  const testpdf::GrayPixels logo{.width = 120, .height = 40, .pixels = std::string(120 * 40, 'x')};
  const ReadResult r = Read(testpdf::EncodeImage(logo, IFF_PNG));
  EXPECT_FALSE(r.error);
  EXPECT_TRUE(r.pages.empty());
  ASSERT_EQ(r.flags.size(), 1u);
  EXPECT_EQ(r.flags[0], (Flag{"image_not_read",
                              "An image of 120 x 40 pixels is too small to be a page of text (a "
                              "logo or signature?); it was not read."}));
}

TEST(ImageReaderTest, OcrOffSkipsTheImageWithAFlag) {
  Limits limits;
  limits.ocr_enabled = false;
  const ReadResult r = Read(testpdf::EncodeImage(LetterImage(), IFF_PNG), limits);
  EXPECT_TRUE(r.pages.empty());
  ASSERT_EQ(r.flags.size(), 1u);
  EXPECT_EQ(r.flags[0].code, "image_not_read");
}

// A multi-page TIFF of blank gray pages of the given sizes.
std::string MultipageTiff(const std::vector<std::pair<int, int>>& sizes) {
  struct PixaDeleter {
    void operator()(PIXA* p) const { pixaDestroy(&p); }
  };
  const std::unique_ptr<PIXA, PixaDeleter> pixa(pixaCreate(0));
  for (const auto& [width, height] : sizes) {
    PIX* pix = pixCreate(width, height, 8);
    pixSetAllArbitrary(pix, 255);
    pixaAddPix(pixa.get(), pix, L_INSERT);
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixaWriteMemMultipageTiff(&data, &size, pixa.get()) != 0) return "";
  const std::unique_ptr<l_uint8, decltype(&lept_free)> owned(data, &lept_free);
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A scanned reply whose TIFF starts with a thumbnail: the first page ended the whole file.
TEST(ImageReaderTest, SmallTiffPageDoesNotStopTheNextPages) {
  const std::string tiff = MultipageTiff({{100, 80}, {600, 600}});
  ASSERT_FALSE(tiff.empty());
  const ReadResult r = Read(tiff);
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.pages.size(), 1u);
  EXPECT_EQ(r.pages[0].number, 2);
  ASSERT_EQ(r.flags.size(), 2u);
  EXPECT_EQ(r.flags[1], (Flag{"image_not_read",
                              "Page 1 of this TIFF is too small to be a page of text (a logo or "
                              "signature?); it was not read."}));
}

TEST(ImageReaderTest, OcrOffFlagsEveryTiffPageOnce) {
  Limits limits;
  limits.ocr_enabled = false;
  const ReadResult r = Read(MultipageTiff({{600, 600}, {50, 50}, {600, 600}, {600, 600}}), limits);
  EXPECT_FALSE(r.error);
  EXPECT_TRUE(r.pages.empty());
  ASSERT_EQ(r.flags.size(), 2u);
  EXPECT_EQ(r.flags[0].message,
            "Page 2 of this TIFF is too small to be a page of text (a logo or signature?); it was "
            "not read.");
  EXPECT_EQ(r.flags[1].message,
            "The TIFF's pages 1, 3, 4 were not read because OCR is turned off.");
}

TEST(ImageReaderTest, TooManyPixelsIsRefusedBeforeDecoding) {
  Limits limits;
  limits.max_image_pixels = 100'000;
  const ReadResult r = Read(testpdf::EncodeImage(LetterImage(), IFF_PNG), limits);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(*r.error,
            "image is 833 x 625 pixels, over the limit of 100000 (limit max_image_pixels; "
            "raise it with --limit max_image_pixels=VALUE)");
  EXPECT_TRUE(r.pages.empty());
}

TEST(ImageReaderTest, HostileInputsComeBackWithAnError) {
  const std::string png = testpdf::EncodeImage(LetterImage(), IFF_PNG);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"zero bytes", ""},
      {"garbage", std::string(4000, '\x5a')},
      {"png signature only", png.substr(0, 8)},
      {"truncated png", png.substr(0, png.size() / 3)},
  };
  for (const auto& [name, bytes] : cases) {
    const ReadResult r = Read(bytes);
    ASSERT_TRUE(r.error) << name;
    EXPECT_TRUE(r.error->starts_with("damaged")) << name << ": " << *r.error;
  }
}

}  // namespace
}  // namespace foicode::extract
