#include "extract/detect_kind.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/office_test_support.h"

namespace foicode::extract {
namespace {

std::string ZipWith(const std::string& entry) { return testing::MakeZip({{entry, "<x/>"}}); }

TEST(DetectKindTest, ContentWinsOverTheName) {
  const std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\n";
  EXPECT_EQ(DetectKind("letter.pdf", pdf, "").kind, Kind::kPdf);
  const DetectedKind misnamed = DetectKind("letter.docx", pdf, "application/octet-stream");
  EXPECT_EQ(misnamed.kind, Kind::kPdf);
  EXPECT_EQ(misnamed.by_extension, Kind::kDocx);
}

TEST(DetectKindTest, SavedEmailWithoutExtension) {
  const std::string eml =
      "From: FOI Team <foi@nhs.net>\nTo: a@b.org\nSubject: FOI 4410\nDate: Mon, 7 Oct 2024 "
      "09:00:00 +0100\n\nPlease find attached.\n";
  EXPECT_EQ(DetectKind("FOI 4410", eml, "").kind, Kind::kEml);
}

TEST(DetectKindTest, TextFormsByContentAndExtension) {
  EXPECT_EQ(DetectKind("page.htm", "<!DOCTYPE html><html><body><p>Hi</p></body></html>", "").kind,
            Kind::kHtml);
  EXPECT_EQ(DetectKind("usage.csv", "vendor,uses\nBrainomix,1200\n", "").kind, Kind::kCsv);
  EXPECT_EQ(DetectKind("reply.txt", "We do not use any clinical AI.\n", "").kind, Kind::kTxt);
  EXPECT_EQ(DetectKind("reply", "We do not use any clinical AI.\n", "").kind, Kind::kTxt);
}

TEST(DetectKindTest, ZipFamily) {
  EXPECT_EQ(DetectKind("bundle.zip", ZipWith("letter.txt"), "").kind, Kind::kZip);
  EXPECT_EQ(DetectKind("reply.docx", ZipWith("word/document.xml"), "").kind, Kind::kDocx);
  EXPECT_EQ(DetectKind("usage.xlsx", ZipWith("xl/workbook.xml"), "").kind, Kind::kXlsx);
}

TEST(DetectKindTest, TnefBySignature) {
  const std::string tnef("\x78\x9f\x3e\x22\x01\x00", 6);
  EXPECT_EQ(DetectKind("winmail.dat", tnef, "application/ms-tnef").kind, Kind::kTnef);
}

TEST(DetectKindTest, ImagesAndUnknownBinary) {
  static constexpr char kPngHeader[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0";
  const std::string png(kPngHeader, sizeof(kPngHeader) - 1);
  EXPECT_EQ(DetectKind("image001.png", png, "image/png").kind, Kind::kImage);
  const std::string elf("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16);
  const DetectedKind unknown = DetectKind("reply.pdf", elf, "");
  EXPECT_EQ(unknown.kind, Kind::kUnknown);
  EXPECT_NE(unknown.description.find("ELF"), std::string::npos) << unknown.description;
}

}  // namespace
}  // namespace foicode::extract
