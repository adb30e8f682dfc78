#include "extract/extract_source.h"

#include <gtest/gtest.h>

#include <string>

#include "core/flag.h"

namespace foicode::extract {
namespace {

std::string MessageWithAttachment(const std::string& attachment_name, const std::string& content) {
  return "From: FOI Team <foi@example.nhs.uk>\r\nTo: r@example.org\r\nSubject: FOI 1\r\n"
         "Date: Mon, 7 Oct 2024 09:00:00 +0100\r\nMIME-Version: 1.0\r\n"
         "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
         "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee attached.\r\n"
         "--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; "
         "filename=\"" + attachment_name + "\"\r\n\r\n" + content + "\r\n--b1--\r\n";
}

TEST(ExtractSourceTest, EmptyFileIsAnError) {
  const ExtractedSource source = ExtractSource("replies/empty.pdf", "", Limits());
  EXPECT_EQ(source.path, "replies/empty.pdf");
  EXPECT_EQ(source.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(source.error, "empty file (0 bytes)");
}

TEST(ExtractSourceTest, UnsupportedTypeNamesWhatItIs) {
  const std::string elf("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0", 16);
  const ExtractedSource source = ExtractSource("reply.bin", elf, Limits());
  ASSERT_TRUE(source.error.has_value());
  EXPECT_EQ(source.error->rfind("unsupported file type: ELF 64-bit", 0), 0u) << *source.error;
  EXPECT_EQ(source.kind, Kind::kUnknown);
}

TEST(ExtractSourceTest, OversizedFileIsNotRead) {
  Limits limits;
  limits.max_file_bytes = 10;
  const ExtractedSource source = ExtractSource("big.txt", "0123456789ABC", limits);
  EXPECT_EQ(source.error,
            "file is 13 bytes, over the limit of 10 (limit max_file_bytes; raise it with --limit "
            "max_file_bytes=VALUE)");
  EXPECT_TRUE(source.parts.empty());
}

TEST(ExtractSourceTest, WrongExtensionIsReadByContentAndFlagged) {
  const ExtractedSource source =
      ExtractSource("reply.pdf", "We do not use any clinical AI tools.\n", Limits());
  ASSERT_FALSE(source.parts.empty());
  EXPECT_EQ(source.parts[0].kind, Kind::kTxt);
  ASSERT_FALSE(source.parts[0].flags.empty());
  EXPECT_EQ(source.parts[0].flags[0].code, flag_codes::kTypeMismatch);
  EXPECT_EQ(source.parts[0].flags[0].message,
            "The name says pdf but the content is txt; it was read as txt.");
}

TEST(ExtractSourceTest, AttachmentErrorsAreNamedInTheSourceError) {
  const ExtractedSource source =
      ExtractSource("reply.eml", MessageWithAttachment("letter.pdf", ""), Limits());
  ASSERT_GE(source.parts.size(), 2u);
  EXPECT_EQ(source.parts[1].name, "letter.pdf");
  ASSERT_TRUE(source.error.has_value());
  EXPECT_NE(source.error->find("letter.pdf: empty file (0 bytes)"), std::string::npos)
      << *source.error;
}

TEST(ExtractSourceTest, NestingDeeperThanTheLimitIsCut) {
  // Each level forwards the one below as message/rfc822.
  std::string message = "From: a@b.nhs.uk\r\nTo: c@d.org\r\nSubject: level 0\r\n\r\nbottom\r\n";
  for (int level = 1; level <= 12; ++level) {
    message = "From: a@b.nhs.uk\r\nTo: c@d.org\r\nSubject: level " + std::to_string(level) +
              "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"L" +
              std::to_string(level) + "\"\r\n\r\n--L" + std::to_string(level) +
              "\r\nContent-Type: text/plain\r\n\r\nforwarding\r\n--L" + std::to_string(level) +
              "\r\nContent-Type: message/rfc822\r\n\r\n" + message + "\r\n--L" +
              std::to_string(level) + "--\r\n";
  }
  Limits limits;
  limits.max_depth = 4;
  const ExtractedSource source = ExtractSource("deep.eml", message, limits);
  ASSERT_TRUE(source.error.has_value());
  EXPECT_NE(source.error->find("nested more than 4 containers deep (limit max_depth; raise it"),
            std::string::npos)
      << *source.error;
  EXPECT_LE(source.parts.size(), 6u);
}

TEST(ExtractSourceTest, PartsBeyondTheLimitAreCountedNotRead) {
  std::string message =
      "From: a@b.nhs.uk\r\nTo: c@d.org\r\nSubject: many\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nbody\r\n";
  for (int i = 0; i < 30; ++i) {
    message += "--m\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"n" +
               std::to_string(i) + ".txt\"\r\n\r\nnote " + std::to_string(i) + "\r\n";
  }
  message += "--m--\r\n";
  Limits limits;
  limits.max_parts = 10;
  const ExtractedSource source = ExtractSource("many.eml", message, limits);
  EXPECT_EQ(source.parts.size(), 11u);
  ASSERT_TRUE(source.error.has_value());
  EXPECT_NE(source.error->find("more than 10 parts (limit max_parts; raise it"), std::string::npos)
      << *source.error;
}

TEST(ExtractSourceTest, DuplicateAttachmentNamesStayDistinct) {
  std::string message =
      "From: a@b.nhs.uk\r\nTo: c@d.org\r\nSubject: twins\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\nbody\r\n";
  for (int i = 0; i < 2; ++i) {
    message += "--m\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; "
               "filename=\"notes.txt\"\r\n\r\nnote\r\n";
  }
  message += "--m--\r\n";
  const ExtractedSource source = ExtractSource("twins.eml", message, Limits());
  ASSERT_EQ(source.parts.size(), 3u);
  EXPECT_EQ(source.parts[1].name, "notes.txt");
  EXPECT_EQ(source.parts[2].name, "notes.txt (2)");
}

}  // namespace
}  // namespace foicode::extract

namespace foicode::extract {
namespace {

TEST(ExtractSourceTest, DeclaredCharsetOfATextAttachmentIsUsed) {
  const std::string message =
      "From: a@b.nhs.uk\r\nTo: c@d.org\r\nSubject: usage\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"m\"\r\n\r\n--m\r\nContent-Type: text/plain\r\n\r\n"
      "See attached.\r\n--m\r\nContent-Type: text/csv; charset=windows-1252\r\n"
      "Content-Disposition: attachment; filename=\"usage.csv\"\r\n\r\n"
      "Month,Scans\r\nOct 2023 \x96 Mar 2024,1201\r\n--m--\r\n";
  const ExtractedSource source = ExtractSource("usage.eml", message, Limits());
  ASSERT_EQ(source.parts.size(), 2u);
  EXPECT_EQ(source.parts[1].kind, Kind::kCsv);
  ASSERT_EQ(source.parts[1].pages.size(), 1u);
  EXPECT_EQ(source.parts[1].pages[0].text, "Month | Scans\nOct 2023 – Mar 2024 | 1201");
  EXPECT_TRUE(source.parts[1].flags.empty());
}

}  // namespace
}  // namespace foicode::extract
