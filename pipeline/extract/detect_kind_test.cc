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

// bad-bytes/every-field.eml, page.html and cells.csv of the hostile corpus exposed this: a few
// stray NUL and invalid bytes made libmagic say "data", and the reply was refused unread.
TEST(DetectKindTest, ContentLibmagicCannotNameGoesByDeclaredTypeThenExtension) {
  const std::string junk("\0\xff\xfe\xc3(\0\xed\xa0\x80\xf8\x88\x80\x80\x80\0", 15);
  std::string eml = "From: \"Tr\xffust\" <foi@ex\xfe" "ample.nhs.uk>\r\nTo: a\0b@c.org\r\n"
                    "Subject: FOI" + junk + "\r\n\r\nWe do not use AI.\r\n";
  const std::string html = "<html><body><p>Aid" + junk + "ence</p></body></html>";
  const std::string csv = "Vendor,Uses\r\nAid" + junk + "ence,2777\r\n" + std::string(200, '\0');
  const std::string pdf = "not a PDF" + junk + std::string(100, '\0');
  ASSERT_EQ(DetectKind("x", csv, "").description, "data");
  EXPECT_EQ(DetectKind("every-field.eml", eml, "").kind, Kind::kEml);
  EXPECT_EQ(DetectKind("no-extension", eml, "").kind, Kind::kEml);
  EXPECT_EQ(DetectKind("page.html", html, "").kind, Kind::kHtml);
  EXPECT_EQ(DetectKind("cells.csv", csv, "").kind, Kind::kCsv);
  EXPECT_EQ(DetectKind("cells.csv", csv, "text/plain").kind, Kind::kTxt);
  EXPECT_EQ(DetectKind("attachment", html, "text/html").kind, Kind::kHtml);
  EXPECT_EQ(DetectKind("letter.pdf", pdf, "application/octet-stream").kind, Kind::kPdf);
  EXPECT_EQ(DetectKind("blob", pdf, "").kind, Kind::kUnknown);
}

}  // namespace
}  // namespace foicode::extract
