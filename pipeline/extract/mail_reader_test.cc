// Tests for ReadMail: messages are built here as strings, one per MIME shape that replies take.
#include "extract/mail_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/flag.h"
#include "extract/limits.h"
#include "extract/reader.h"

namespace foicode::extract {
namespace {

ReadResult Read(std::string_view message, const Limits& limits = Limits()) {
  ReadContext context(limits);
  return ReadMail(message, context);
}

bool HasFlag(const ReadResult& result, std::string_view code) {
  for (const Flag& flag : result.flags) {
    if (flag.code == code) return true;
  }
  return false;
}

TEST(ReadMailTest, PlainMessageHeadersAndBody) {
  const ReadResult result = Read(
      "From: \"Jane Smith\" <Jane.Smith@Example.NHS.UK>\r\n"
      "To: requester@example.org\r\n"
      "Date: Mon, 7 Oct 2024 09:15:00 +0100\r\n"
      "Subject: FOI 1234\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n"
      "\r\n"
      "Dear requester,\r\n"
      "\r\n"
      "We do not use AI.   \r\n");
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_TRUE(result.headers);
  EXPECT_EQ(*result.headers, (EmailHeaders{.from_name = "Jane Smith",
                                           .from_address = "Jane.Smith@example.nhs.uk",
                                           .to = "requester@example.org",
                                           .date = "2024-10-07T09:15:00+01:00",
                                           .subject = "FOI 1234"}));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text,
            "From: Jane Smith <Jane.Smith@example.nhs.uk>\n"
            "To: requester@example.org\n"
            "Date: 2024-10-07T09:15:00+01:00\n"
            "Subject: FOI 1234\n"
            "\n"
            "Dear requester,\n"
            "\n"
            "We do not use AI.");
  EXPECT_FALSE(result.pages[0].number);
  EXPECT_TRUE(result.attachments.empty());
  EXPECT_TRUE(result.flags.empty());
}

TEST(ReadMailTest, UnparseableDateKeptRaw) {
  const ReadResult result = Read("From: a@b.org\nDate: sometime last week\nSubject: x\n\nbody\n");
  ASSERT_TRUE(result.headers);
  EXPECT_EQ(result.headers->date, "sometime last week");
}

TEST(ReadMailTest, MixedWithBase64PdfAttachment) {
  const ReadResult result = Read(
      "From: foi@trust.nhs.uk\n"
      "Subject: Response\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"b1\"\n"
      "\n"
      "--b1\n"
      "Content-Type: text/plain; charset=us-ascii\n"
      "\n"
      "Please see the attached letter.\n"
      "--b1\n"
      "Content-Type: application/pdf; name=\"letter.pdf\"\n"
      "Content-Disposition: attachment; filename=\"letter.pdf\"\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "JVBERi0xLjQgZmFrZSBwZGYgYnl0ZXMK\n"
      "--b1--\n");
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text,
            "From: foi@trust.nhs.uk\nSubject: Response\n\nPlease see the attached letter.");
  ASSERT_EQ(result.attachments.size(), 1u);
  EXPECT_EQ(result.attachments[0].name, "letter.pdf");
  EXPECT_EQ(result.attachments[0].bytes, "%PDF-1.4 fake pdf bytes\n");
  EXPECT_EQ(result.attachments[0].mime_type, "application/pdf");
}

TEST(ReadMailTest, AlternativePrefersHtmlAndKeepsTableRows) {
  const ReadResult result = Read(
      "From: foi@trust.nhs.uk\n"
      "Content-Type: multipart/alternative; boundary=alt\n"
      "\n"
      "--alt\n"
      "Content-Type: text/plain\n"
      "\n"
      "Dear Ms Smith,\nSystem\nVendor\nVeye Lung\nAidence\n"
      "--alt\n"
      "Content-Type: text/html; charset=utf-8\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "PGh0bWw+PGJvZHk+PHA+RGVhciBNcyBTbWl0aCw8L3A+PHRhYmxlPjx0cj48dGg+U3lzdGVtPC90aD48dGg+"
      "VmVuZG9yPC90aD48L3RyPjx0cj48dGQ+VmV5ZSBMdW5nPC90ZD48dGQ+QWlkZW5jZTwvdGQ+PC90cj48L3Rh"
      "YmxlPjwvYm9keT48L2h0bWw+\n"
      "--alt--\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text,
            "From: foi@trust.nhs.uk\n\nDear Ms Smith,\n\nSystem | Vendor\nVeye Lung | Aidence");
  EXPECT_TRUE(result.attachments.empty());
}

TEST(ReadMailTest, AlternativeWithEmptyHtmlFallsBackToText) {
  const ReadResult result = Read(
      "Content-Type: multipart/alternative; boundary=alt\n\n"
      "--alt\nContent-Type: text/plain\n\nThe answer is no.\n"
      "--alt\nContent-Type: text/html\n\n<html><body><img src=x></body></html>\n"
      "--alt--\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "The answer is no.");
}

// A reply whose plain-text alternative is multipart/mixed with the PDF inside it, while the
// HTML alternative has the body only: the PDF was lost with the unused alternative.
TEST(ReadMailTest, AttachmentsInsideUnusedAlternativeAreKept) {
  const ReadResult result = Read(
      "Content-Type: multipart/alternative; boundary=alt\n\n"
      "--alt\nContent-Type: multipart/mixed; boundary=mix\n\n"
      "--mix\nContent-Type: text/plain\n\nSee attached \xA3.\n"
      "--mix\nContent-Type: application/pdf\n"
      "Content-Disposition: attachment; filename=response.pdf\n\n%PDF-1.4 response\n"
      "--mix\nContent-Type: image/png\nContent-Disposition: inline; filename=logo.png\n\nPNG\n"
      "--mix--\n"
      "--alt\nContent-Type: multipart/related; boundary=rel\n\n"
      "--rel\nContent-Type: text/html\n\n<p>See attached.</p>\n"
      "--rel\nContent-Type: image/png\nContent-Disposition: inline; filename=logo.png\n\nPNG\n"
      "--rel--\n"
      "--alt--\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "See attached.");
  ASSERT_EQ(result.attachments.size(), 2u);
  EXPECT_EQ(result.attachments[0].name, "logo.png");
  EXPECT_EQ(result.attachments[1].name, "response.pdf");
  EXPECT_EQ(result.attachments[1].bytes, "%PDF-1.4 response");
  EXPECT_FALSE(HasFlag(result, flag_codes::kCharsetGuessed));
}

TEST(ReadMailTest, Latin1LabelReadAsWindows1252) {
  const ReadResult result = Read(
      "Subject: =?iso-8859-1?Q?Costs_=96_2024?=\n"
      "Content-Type: text/plain; charset=iso-8859-1\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "2023=9624: the Trust=92s spend was =A3250.\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text,
            "Subject: Costs \u2013 2024\n\n2023\u201324: the Trust\u2019s spend was \u00A3250.");
  EXPECT_EQ(result.headers->subject, "Costs \u2013 2024");
  EXPECT_TRUE(result.flags.empty());
}

TEST(ReadMailTest, Rfc2047SubjectAndFromName) {
  const ReadResult result = Read(
      "From: =?utf-8?Q?J=C3=A9r=C3=B4me_Dupont?= <jd@trust.nhs.uk>\n"
      "Subject: =?utf-8?B?Rk9JIHJlcXVlc3Qg4oCTIEFJIHN5c3RlbXM=?=\n"
      "\n"
      "x\n");
  ASSERT_TRUE(result.headers);
  EXPECT_EQ(result.headers->subject, "FOI request \u2013 AI systems");
  EXPECT_EQ(result.headers->from_name, "J\u00E9r\u00F4me Dupont");
}

TEST(ReadMailTest, Rfc2231FilenameDecoded) {
  const ReadResult result = Read(
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nSee attached.\n"
      "--b\n"
      "Content-Type: application/pdf\n"
      "Content-Disposition: attachment; filename*=UTF-8''R%C3%A9ponse%20FOI%20%E2%80%93%201.pdf\n"
      "\n"
      "%PDF-1.4\n"
      "--b--\n");
  ASSERT_EQ(result.attachments.size(), 1u);
  EXPECT_EQ(result.attachments[0].name, "R\u00E9ponse FOI \u2013 1.pdf");
}

TEST(ReadMailTest, ContentTypeNameUsedWhenNoDisposition) {
  const ReadResult result = Read(
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nbody\n"
      "--b\nContent-Type: application/vnd.ms-excel; name=\"=?utf-8?Q?spend_=C2=A3.xlsx?=\"\n\n"
      "data\n--b--\n");
  ASSERT_EQ(result.attachments.size(), 1u);
  EXPECT_EQ(result.attachments[0].name, "spend \u00A3.xlsx");
}

TEST(ReadMailTest, UndeclaredLatin1BodyGuessedAndFlagged) {
  const ReadResult result = Read(
      "Subject: x\n\nThe Trust\x92s r\xE9ponse \x96 we spent \xA3" "100 on the caf\xE9.\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text,
            "Subject: x\n\nThe Trust\u2019s r\u00E9ponse \u2013 we spent \u00A3" "100 on the "
            "caf\u00E9.");
  EXPECT_TRUE(HasFlag(result, flag_codes::kCharsetGuessed));
}

TEST(ReadMailTest, UnknownCharsetLabelFlagged) {
  const ReadResult result = Read(
      "Content-Type: text/plain; charset=x-foo\n\nna\xEFve caf\xE9 text\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "na\u00EFve caf\u00E9 text");
  ASSERT_TRUE(HasFlag(result, flag_codes::kCharsetGuessed));
  bool names_label = false;
  for (const Flag& flag : result.flags) names_label |= flag.message.find("x-foo") != std::string::npos;
  EXPECT_TRUE(names_label);
}

TEST(ReadMailTest, TextAttachmentIsNotTheBody) {
  const ReadResult result = Read(
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nCover note.\n"
      "--b\nContent-Type: text/csv\nContent-Disposition: attachment; filename=spend.csv\n\na,b\n"
      "--b\nContent-Type: text/plain\nContent-Disposition: attachment; filename=notes.txt\n\n"
      "Attached notes.\n"
      "--b--\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Cover note.");
  ASSERT_EQ(result.attachments.size(), 2u);
  EXPECT_EQ(result.attachments[0].name, "spend.csv");
  EXPECT_EQ(result.attachments[1].name, "notes.txt");
  EXPECT_EQ(result.attachments[1].bytes, "Attached notes.");
}

TEST(ReadMailTest, RelatedInlineImageReturnedAsAttachment) {
  const ReadResult result = Read(
      "Content-Type: multipart/related; boundary=r\n\n"
      "--r\nContent-Type: text/html\n\n<p>Logo below</p><img src=\"cid:logo\">\n"
      "--r\nContent-Type: image/png\nContent-ID: <logo>\nContent-Transfer-Encoding: base64\n\n"
      "iVBORw0KGgo=\n"
      "--r--\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Logo below");
  ASSERT_EQ(result.attachments.size(), 1u);
  EXPECT_EQ(result.attachments[0].mime_type, "image/png");
  EXPECT_EQ(result.attachments[0].bytes, "\x89PNG\r\n\x1A\n");
}

TEST(ReadMailTest, ForwardedMessageBecomesParseableAttachment) {
  const ReadResult result = Read(
      "From: forwarder@example.org\n"
      "Subject: Fwd: FOI response\n"
      "Content-Type: multipart/mixed; boundary=outer\n\n"
      "--outer\nContent-Type: text/plain\n\nForwarding the trust's answer.\n"
      "--outer\nContent-Type: message/rfc822\n\n"
      "From: FOI Team <foi@trust.nhs.uk>\n"
      "Subject: FOI response / AI\n"
      "Content-Type: text/plain\n\n"
      "We use Veye Lung.\n"
      "--outer--\n");
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.attachments.size(), 1u);
  const Attachment& inner = result.attachments[0];
  EXPECT_EQ(inner.name, "FOI response - AI.eml");
  EXPECT_EQ(inner.mime_type, "message/rfc822");
  const ReadResult nested = Read(inner.bytes);
  ASSERT_FALSE(nested.error) << *nested.error;
  ASSERT_TRUE(nested.headers);
  EXPECT_EQ(nested.headers->from_address, "foi@trust.nhs.uk");
  ASSERT_EQ(nested.pages.size(), 1u);
  EXPECT_EQ(nested.pages[0].text,
            "From: FOI Team <foi@trust.nhs.uk>\nSubject: FOI response / AI\n\nWe use Veye Lung.");
}

TEST(ReadMailTest, QuotedOutlookBlockMarked) {
  const ReadResult result = Read(
      "From: foi@trust.nhs.uk\n\n"
      "The Trust does not hold this information.\n\n"
      "-----Original Message-----\n"
      "From: Requester\n"
      "Do you use AI?\n");
  ASSERT_EQ(result.pages.size(), 1u);
  const Page& page = result.pages[0];
  ASSERT_EQ(page.quoted.size(), 1u);
  const std::string expected_quote = "-----Original Message-----\nFrom: Requester\nDo you use AI?";
  const int start = static_cast<int>(page.text.find("-----Original"));
  EXPECT_EQ(page.quoted[0], (Span{start, start + static_cast<int>(expected_quote.size())}));
  EXPECT_EQ(page.text.substr(static_cast<std::size_t>(start)), expected_quote);
}

TEST(ReadMailTest, MissingBoundaryParameterSalvaged) {
  const ReadResult result = Read(
      "Subject: s\nContent-Type: multipart/mixed\n\n"
      "--abc\nContent-Type: text/plain\n\nhello\n"
      "--abc\nContent-Type: application/pdf; name=a.pdf\n\n%PDF-1.4\n"
      "--abc--\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Subject: s\n\nhello");
  ASSERT_EQ(result.attachments.size(), 1u);
  EXPECT_EQ(result.attachments[0].name, "a.pdf");
  EXPECT_TRUE(HasFlag(result, flag_codes::kMimeMalformed));
}

TEST(ReadMailTest, WrongBoundarySalvaged) {
  const ReadResult result = Read(
      "Content-Type: multipart/mixed; boundary=\"declared\"\n\n"
      "--actual\nContent-Type: text/plain\n\nhello\n"
      "--actual--\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "hello");
  EXPECT_TRUE(HasFlag(result, flag_codes::kMimeMalformed));
}

TEST(ReadMailTest, TruncatedMessageReadAsFarAsItGoes) {
  const ReadResult result = Read(
      "Subject: s\nContent-Type: multipart/mixed; boundary=abc\n\n"
      "--abc\nContent-Type: text/plain\n\nhello\n"
      "--abc\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\n"
      "JVBER");
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("incomplete"), std::string::npos) << *result.error;
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Subject: s\n\nhello");
  ASSERT_EQ(result.attachments.size(), 1u);
  EXPECT_TRUE(HasFlag(result, flag_codes::kMimeMalformed));
}

TEST(ReadMailTest, ZeroBytesIsAnError) {
  const ReadResult result = Read("");
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error, "empty file (0 bytes)");
}

TEST(ReadMailTest, GarbageIsAnError) {
  const ReadResult result = Read(std::string("\x00\x01\x02garbage\xFF\xFE", 12));
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("not an e-mail"), std::string::npos);
}

TEST(ReadMailTest, NoTextBodyLeavesHeadersOnly) {
  const ReadResult result = Read(
      "From: foi@trust.nhs.uk\nSubject: Letter\nContent-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: application/pdf; name=letter.pdf\n\n%PDF-1.4\n--b--\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "From: foi@trust.nhs.uk\nSubject: Letter");
  EXPECT_EQ(result.attachments.size(), 1u);
}

TEST(ReadMailTest, FiftyDeepForwardsDoNotCrash) {
  std::string message = "Subject: level 50\n\ninnermost\n";
  for (int level = 49; level >= 0; --level) {
    message = "Subject: level " + std::to_string(level) +
              "\nContent-Type: message/rfc822\n\n" + message;
  }
  ReadResult result = Read(message);
  ASSERT_FALSE(result.error) << *result.error;
  // Each level comes back as one attachment; the dispatcher limits how deep it follows.
  for (int level = 1; level <= 3; ++level) {
    ASSERT_EQ(result.attachments.size(), 1u) << level;
    EXPECT_EQ(result.attachments[0].name, "level " + std::to_string(level) + ".eml");
    const std::string inner = result.attachments[0].bytes;
    result = Read(inner);
  }
}

TEST(ReadMailTest, FiftyDeepMultipartsDoNotCrash) {
  std::string message = "Content-Type: text/plain\n\ndeep text\n";
  for (int level = 0; level < 50; ++level) {
    const std::string b = "b" + std::to_string(level);
    message = "Content-Type: multipart/mixed; boundary=" + b + "\n\n--" + b + "\n" + message +
              "--" + b + "--\n";
  }
  const ReadResult result = Read("Subject: deep\n" + message);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Subject: deep\n\ndeep text");
}

TEST(ReadMailTest, ManyPartsStopAtMaxParts) {
  std::string message = "Content-Type: multipart/mixed; boundary=b\n\n";
  for (int i = 0; i < 20; ++i) {
    message += "--b\nContent-Type: application/pdf; name=f" + std::to_string(i) + ".pdf\n\nx\n";
  }
  message += "--b--\n";
  Limits limits;
  limits.max_parts = 5;
  const ReadResult result = Read(message, limits);
  EXPECT_EQ(result.attachments.size(), 5u);
  EXPECT_TRUE(HasFlag(result, flag_codes::kLimitReached));
}

TEST(ReadMailTest, EightBitHeaderRead) {
  const ReadResult result = Read("Subject: caf\xE9 \x96 costs\n\nx\n");
  ASSERT_TRUE(result.headers);
  EXPECT_EQ(result.headers->subject, "caf\u00E9 \u2013 costs");
  EXPECT_TRUE(HasFlag(result, flag_codes::kCharsetGuessed));
}

TEST(ReadMailTest, WinmailAttachmentNamed) {
  const ReadResult result = Read(
      "Content-Type: multipart/mixed; boundary=b\n\n"
      "--b\nContent-Type: text/plain\n\nbody\n"
      "--b\nContent-Type: application/ms-tnef\nContent-Transfer-Encoding: base64\n\neJ8+Ig==\n"
      "--b--\n");
  ASSERT_EQ(result.attachments.size(), 1u);
  EXPECT_EQ(result.attachments[0].name, "winmail.dat");
  EXPECT_EQ(result.attachments[0].bytes, "\x78\x9F\x3E\x22");
}

}  // namespace
}  // namespace foicode::extract
