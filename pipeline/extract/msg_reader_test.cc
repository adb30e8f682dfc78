// Tests for ReadMsg: envelope, body, attachments and embedded messages of Outlook .msg files
// built in the test with libgsf's compound-file writer.
#include "extract/msg_reader.h"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "extract/extract_source.h"
#include "extract/office_test_support.h"
#include "extract/ole_file.h"

namespace foicode::extract {
namespace {

using testing::PropertiesStream;
using testing::Utf16Le;

constexpr std::array<std::uint8_t, 16> kMessageClassId = {
    0x0B, 0x0D, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46};
constexpr std::uint64_t kFileTime20241007 = 133727625000000000ull;  // 2024-10-07T08:15:00Z
constexpr std::uint64_t kFileTime20240930 = 133721784050000000ull;  // 2024-09-30T14:00:05Z

OleNode Stream(std::string name, std::string data) {
  return OleNode{.name = std::move(name), .is_storage = false, .data = std::move(data), .children = {}};
}
OleNode Storage(std::string name, std::vector<OleNode> children) {
  return OleNode{.name = std::move(name), .is_storage = true, .data = "", .children = std::move(children)};
}

OleNode EmbeddedRequest() {
  return Storage("__substg1.0_3701000D",
                 {Stream("__properties_version1.0", PropertiesStream(24, {{0x0E060040, kFileTime20240930}})),
                  Stream("__substg1.0_0037001E", "Original request"),
                  Stream("__substg1.0_0C1A001E", "Jane Requester"),
                  Stream("__substg1.0_0C1F001E", "jane@Example.ORG"),
                  Stream("__substg1.0_1000001E", "Please tell me which AI systems you use.\r\n")});
}

OleNode Reply() {
  return Storage(
      "", {Stream("__properties_version1.0",
                  PropertiesStream(32, {{0x00390040, kFileTime20241007}, {0x3FFD0003, 1252}})),
           Stream("__substg1.0_0037001F", Utf16Le("FOI 1234: AI systems \xE2\x80\x93 response")),
           Stream("__substg1.0_0C1A001F", Utf16Le("Information Governance")),
           Stream("__substg1.0_0C1F001F", Utf16Le("/O=EXCHANGELABS/OU=EXCHANGE/CN=RECIPIENTS/CN=IG")),
           Stream("__substg1.0_5D01001F", Utf16Le("FOI@Example.NHS.UK")),
           Stream("__substg1.0_0E04001F", Utf16Le("Jane Requester")),
           Stream("__substg1.0_1000001F",
                  Utf16Le("Dear Jane,  \r\nWe use Brainomix.\r\n\r\n\r\n\r\nRegards\r\n")),
           Storage("__attach_version1.0_#00000000",
                   {Stream("__properties_version1.0", PropertiesStream(8, {{0x37050003, 1}})),
                    Stream("__substg1.0_3707001F", Utf16Le("response letter.pdf")),
                    Stream("__substg1.0_3704001F", Utf16Le("RESPON~1.PDF")),
                    Stream("__substg1.0_370E001F", Utf16Le("Application/PDF")),
                    Stream("__substg1.0_37010102", "%PDF-1.4 not really")}),
           Storage("__attach_version1.0_#00000001",
                   {Stream("__properties_version1.0", PropertiesStream(8, {{0x37050003, 5}})),
                    Stream("__substg1.0_3001001F", Utf16Le("Your request")), EmbeddedRequest()}),
           Storage("__attach_version1.0_#00000002",
                   {Stream("__properties_version1.0", PropertiesStream(8, {{0x37050003, 2}})),
                    Stream("__substg1.0_3707001F", Utf16Le("link.url"))})});
}

ReadResult Read(const std::string& bytes) {
  static const Limits limits;
  ReadContext context(limits);
  return ReadMsg(bytes, context);
}

TEST(MsgReaderTest, EnvelopeBodyAndAttachments) {
  const std::string msg = WriteOleFile(Reply(), kMessageClassId);
  ASSERT_FALSE(msg.empty());
  const ReadResult result = Read(msg);
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_TRUE(result.headers);
  EXPECT_EQ(*result.headers, (EmailHeaders{.from_name = "Information Governance",
                                           .from_address = "FOI@example.nhs.uk",
                                           .to = "Jane Requester",
                                           .date = "2024-10-07T08:15:00+00:00",
                                           .subject = "FOI 1234: AI systems \xE2\x80\x93 response"}));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].number, std::nullopt);
  EXPECT_EQ(result.pages[0].text,
            "From: Information Governance <FOI@example.nhs.uk>\nTo: Jane Requester\n"
            "Date: 2024-10-07T08:15:00+00:00\nSubject: FOI 1234: AI systems \xE2\x80\x93 response\n\n"
            "Dear Jane,\nWe use Brainomix.\n\nRegards");

  ASSERT_EQ(result.attachments.size(), 2u);
  EXPECT_EQ(result.attachments[0].name, "response letter.pdf");
  EXPECT_EQ(result.attachments[0].bytes, "%PDF-1.4 not really");
  EXPECT_EQ(result.attachments[0].mime_type, "application/pdf");
  EXPECT_EQ(result.attachments[1].name, "Original request.msg");
  EXPECT_EQ(result.attachments[1].mime_type, "application/vnd.ms-outlook");
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0].code, flag_codes::kPartUnreadable);
  EXPECT_NE(result.flags[0].message.find("\"link.url\""), std::string::npos);

  // The embedded message comes back as a .msg of its own.
  const ReadResult inner = Read(result.attachments[1].bytes);
  ASSERT_FALSE(inner.error) << *inner.error;
  ASSERT_TRUE(inner.headers);
  EXPECT_EQ(*inner.headers, (EmailHeaders{.from_name = "Jane Requester",
                                          .from_address = "jane@example.org",
                                          .to = "",
                                          .date = "2024-09-30T14:00:05+00:00",
                                          .subject = "Original request"}));
  ASSERT_EQ(inner.pages.size(), 1u);
  EXPECT_EQ(inner.pages[0].text,
            "From: Jane Requester <jane@example.org>\nDate: 2024-09-30T14:00:05+00:00\n"
            "Subject: Original request\n\nPlease tell me which AI systems you use.");
  EXPECT_TRUE(inner.attachments.empty());
}

// The dispatcher reads the embedded message as a part of its own, named by its subject.
TEST(MsgReaderTest, ExtractSourceReadsTheEmbeddedMessageAsAPart) {
  const ExtractedSource source =
      ExtractSource("in/reply.msg", WriteOleFile(Reply(), kMessageClassId), Limits());
  EXPECT_EQ(source.kind, Kind::kMsg);
  ASSERT_EQ(source.parts.size(), 3u);
  EXPECT_EQ(source.parts[0].name, std::nullopt);
  EXPECT_EQ(source.parts[0].kind, Kind::kMsg);
  EXPECT_EQ(source.parts[1].name, "response letter.pdf");
  EXPECT_EQ(source.parts[2].name, "Original request.msg");
  EXPECT_EQ(source.parts[2].kind, Kind::kMsg);
  ASSERT_TRUE(source.parts[2].headers);
  EXPECT_EQ(source.parts[2].headers->subject, "Original request");
  ASSERT_EQ(source.parts[2].pages.size(), 1u);
  EXPECT_NE(source.parts[2].pages[0].text.find("which AI systems"), std::string::npos);
}

// An attached message whose subject was "Re: FOI/2024/1234" exposed this: the slashes made
// its part name look like three nested parts.
TEST(MsgReaderTest, EmbeddedMessageSubjectWithSlashesIsOneName) {
  const OleNode message = Storage(
      "", {Stream("__properties_version1.0", PropertiesStream(32, {})),
           Stream("__substg1.0_1000001E", "See attached."),
           Storage("__attach_version1.0_#00000000",
                   {Stream("__properties_version1.0", PropertiesStream(8, {{0x37050003, 5}})),
                    Storage("__substg1.0_3701000D",
                            {Stream("__properties_version1.0", PropertiesStream(24, {})),
                             Stream("__substg1.0_0037001E", "Re: FOI/2024/1234 \\ annex"),
                             Stream("__substg1.0_1000001E", "Inner body.")})})});
  const ReadResult result = Read(WriteOleFile(message, kMessageClassId));
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.attachments.size(), 1u);
  EXPECT_EQ(result.attachments[0].name, "Re: FOI-2024-1234 - annex.msg");
}

TEST(MsgReaderTest, HtmlBodyWhenThereIsNoPlainBody) {
  const OleNode message = Storage(
      "", {Stream("__properties_version1.0", PropertiesStream(32, {{0x3FDE0003, 65001}})),
           Stream("__substg1.0_0037001F", Utf16Le("HTML only")),
           Stream("__substg1.0_10130102", "<html><body><p>We use Veye Lung.</p></body></html>")});
  const ReadResult result = Read(WriteOleFile(message, kMessageClassId));
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text.rfind("Subject: HTML only\n\n", 0), 0u);
  EXPECT_NE(result.pages[0].text.find("We use Veye Lung."), std::string::npos);
}

TEST(MsgReaderTest, CompressedRtfBodyWhenThereIsNoOtherBody) {
  std::string rtf = "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n";
  // [MS-OXRTFCP] 3.1.1's compressed form of `rtf`.
  const int bytes[] = {0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75,
                       0xf1, 0xc5, 0xc7, 0xa7, 0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70, 0x67,
                       0x31, 0x32, 0x35, 0x42, 0x32, 0x0a, 0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09,
                       0x00, 0x20, 0x62, 0x77, 0x05, 0xb0, 0x6c, 0x64, 0x7d, 0x0a, 0x80, 0x0f, 0xa0};
  std::string compressed;
  for (int b : bytes) compressed += static_cast<char>(b);
  const OleNode message = Storage(
      "", {Stream("__properties_version1.0", PropertiesStream(32, {})),
           Stream("__substg1.0_0037001F", Utf16Le("RTF only")),
           Stream("__substg1.0_10090102", compressed)});
  const ReadResult result = Read(WriteOleFile(message, kMessageClassId));
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text.rfind("Subject: RTF only\n\n", 0), 0u) << result.pages[0].text;
  EXPECT_NE(result.pages[0].text.find("hello world"), std::string::npos) << result.pages[0].text;
}

TEST(MsgReaderTest, RecipientsWhenThereIsNoDisplayTo) {
  const OleNode message = Storage(
      "", {Stream("__properties_version1.0", PropertiesStream(32, {})),
           Storage("__recip_version1.0_#00000000",
                   {Stream("__properties_version1.0", PropertiesStream(8, {{0x0C150003, 1}})),
                    Stream("__substg1.0_3001001F", Utf16Le("Jane Requester")),
                    Stream("__substg1.0_39FE001F", Utf16Le("jane@example.org"))}),
           Storage("__recip_version1.0_#00000001",
                   {Stream("__properties_version1.0", PropertiesStream(8, {{0x0C150003, 2}})),
                    Stream("__substg1.0_3001001F", Utf16Le("Copied Person"))})});
  const ReadResult result = Read(WriteOleFile(message, kMessageClassId));
  ASSERT_FALSE(result.error);
  ASSERT_TRUE(result.headers);
  EXPECT_EQ(result.headers->to, "Jane Requester <jane@example.org>");
}

TEST(MsgReaderTest, HostileInputsComeBackWithAnError) {
  const std::string good = WriteOleFile(Reply(), kMessageClassId);
  ASSERT_GT(good.size(), 2048u);
  const std::string not_a_message = WriteOleFile(Storage("", {Stream("Workbook", "xyz")}), {});
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"zero bytes", ""},
      {"garbage", std::string(4096, '\x42')},
      {"header only", good.substr(0, 512)},
      {"truncated", good.substr(0, 1024)},
      {"compound file that is not a message", not_a_message}};
  for (const auto& [what, bytes] : inputs) {
    const ReadResult result = Read(bytes);
    ASSERT_TRUE(result.error) << what;
    EXPECT_NE(result.error->find("not an Outlook message"), std::string::npos) << *result.error;
  }
}

TEST(MsgReaderTest, TruncatedAtAnyPointDoesNotCrash) {
  const std::string good = WriteOleFile(Reply(), kMessageClassId);
  for (std::size_t size = 0; size < good.size(); size += 512) {
    const ReadResult result = Read(good.substr(0, size));
    if (!result.error) {
      EXPECT_EQ(result.pages.size(), 1u) << size;
    }
  }
}

}  // namespace
}  // namespace foicode::extract
