// Tests for ReadTnef: minimal TNEF streams are built here, attribute by attribute.
#include "extract/tnef_reader.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/flag.h"
#include "extract/limits.h"
#include "extract/reader.h"

namespace foicode::extract {
namespace {

void PutLe(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) {
    out.push_back(static_cast<char>(value & 0xFF));
    value >>= 8;
  }
}

// A TNEF stream: signature, legacy key, then attributes added with Add().
class TnefBuilder {
 public:
  TnefBuilder() {
    PutLe(bytes_, 0x223E9F78, 4);
    PutLe(bytes_, 0x0001, 2);
  }
  TnefBuilder& Add(int level, std::uint32_t id, std::string_view data) {
    bytes_.push_back(static_cast<char>(level));
    PutLe(bytes_, id, 4);
    PutLe(bytes_, data.size(), 4);
    bytes_.append(data);
    std::uint32_t sum = 0;
    for (unsigned char c : data) sum += c;
    PutLe(bytes_, sum & 0xFFFF, 2);
    return *this;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

constexpr int kMessage = 1;
constexpr int kAttachment = 2;
constexpr std::uint32_t kSubject = 0x00018004;
constexpr std::uint32_t kBody = 0x0002800C;
constexpr std::uint32_t kRendData = 0x00069002;
constexpr std::uint32_t kTitle = 0x00018010;
constexpr std::uint32_t kData = 0x0006800F;

std::string TwoAttachments() {
  return TnefBuilder()
      .Add(kMessage, kSubject, std::string("RE: FOI 42\0", 11))
      .Add(kMessage, kBody, "Please find our response attached.\r\n")
      .Add(kAttachment, kRendData, std::string(14, '\0'))
      .Add(kAttachment, kTitle, std::string("response.pdf\0", 13))
      .Add(kAttachment, kData, "%PDF-1.4 response")
      .Add(kAttachment, kRendData, std::string(14, '\0'))
      .Add(kAttachment, kTitle, std::string("spend \xA3.csv\0", 12))
      .Add(kAttachment, kData, "year,spend\n2023,100\n")
      .bytes();
}

bool HasFlag(const ReadResult& result, std::string_view code) {
  for (const Flag& flag : result.flags) {
    if (flag.code == code) return true;
  }
  return false;
}

TEST(ReadTnefTest, AttachmentsAndBody) {
  Limits limits;
  ReadContext context(limits);
  const std::string tnef = TwoAttachments();
  const ReadResult result = ReadTnef(tnef, context);
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.attachments.size(), 2u);
  EXPECT_EQ(result.attachments[0].name, "response.pdf");
  EXPECT_EQ(result.attachments[0].bytes, "%PDF-1.4 response");
  EXPECT_EQ(result.attachments[1].name, "spend \u00A3.csv");
  EXPECT_EQ(result.attachments[1].bytes, "year,spend\n2023,100\n");
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Subject: RE: FOI 42\n\nPlease find our response attached.");
  EXPECT_GT(context.unpacked_bytes, 0u);
}

// A winmail.dat listing an attachment with neither a name nor data: it vanished unflagged.
TEST(ReadTnefTest, NamelessEmptyAttachmentIsFlagged) {
  Limits limits;
  ReadContext context(limits);
  const std::string tnef = TnefBuilder()
                               .Add(kMessage, kBody, "See attached.\r\n")
                               .Add(kAttachment, kRendData, std::string(14, '\0'))
                               .Add(kAttachment, kRendData, std::string(14, '\0'))
                               .Add(kAttachment, kTitle, std::string("response.pdf\0", 13))
                               .Add(kAttachment, kData, "%PDF-1.4 response")
                               .bytes();
  const ReadResult result = ReadTnef(tnef, context);
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.attachments.size(), 1u);
  EXPECT_EQ(result.attachments[0].name, "response.pdf");
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0], (Flag{"part_unreadable",
                                   "1 attachment in the winmail.dat had neither a name nor any "
                                   "data and could not be read."}));
}

// An Outlook subject folded over two lines split the "Subject:" line of the page.
TEST(ReadTnefTest, FoldedSubjectStaysOnOneLine) {
  Limits limits;
  ReadContext context(limits);
  const std::string tnef = TnefBuilder()
                               .Add(kMessage, kSubject, std::string("RE: FOI\r\n\t 42\0", 15))
                               .Add(kMessage, kBody, "No.\r\n")
                               .bytes();
  const ReadResult result = ReadTnef(tnef, context);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Subject: RE: FOI 42\n\nNo.");
}

// The message's MAPI properties holding one PT_BINARY PR_RTF_COMPRESSED value.
std::string RtfOnlyProps(std::string_view compressed) {
  std::string props;
  PutLe(props, 1, 4);       // property count
  PutLe(props, 0x0102, 2);  // PT_BINARY
  PutLe(props, 0x1009, 2);  // PR_RTF_COMPRESSED
  PutLe(props, 1, 4);       // value count
  PutLe(props, compressed.size(), 4);
  props.append(compressed);
  while (props.size() % 4 != 0) props.push_back('\0');
  return props;
}

constexpr std::uint32_t kMsgProps = 0x00069003;

TEST(ReadTnefTest, RtfOnlyBodyIsDecompressedAndRead) {
  const std::string rtf = "{\\rtf1\\ansi The answer is no.\\par}";
  std::string stored;  // "MELA": stored uncompressed, [MS-OXRTFCP] 2.1.3.1
  PutLe(stored, rtf.size() + 12, 4);
  PutLe(stored, rtf.size(), 4);
  PutLe(stored, 0x414C454D, 4);
  PutLe(stored, 0, 4);
  stored += rtf;
  Limits limits;
  ReadContext context(limits);
  const ReadResult result =
      ReadTnef(TnefBuilder().Add(kMessage, kMsgProps, RtfOnlyProps(stored)).bytes(), context);
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "The answer is no.");
}

// A winmail.dat whose only body is compressed RTF with a broken header.
TEST(ReadTnefTest, DamagedCompressedRtfIsFlagged) {
  Limits limits;
  ReadContext context(limits);
  const ReadResult result = ReadTnef(
      TnefBuilder().Add(kMessage, kMsgProps, RtfOnlyProps(std::string(20, 'x'))).bytes(), context);
  EXPECT_TRUE(result.pages.empty());
  EXPECT_TRUE(HasFlag(result, flag_codes::kPartUnreadable));
}

TEST(ReadTnefTest, EmptyStreamFlaggedContainerEmpty) {
  Limits limits;
  ReadContext context(limits);
  const ReadResult result = ReadTnef(TnefBuilder().bytes(), context);
  EXPECT_FALSE(result.error);
  EXPECT_TRUE(result.attachments.empty());
  EXPECT_TRUE(result.pages.empty());
  EXPECT_TRUE(HasFlag(result, flag_codes::kContainerEmpty));
}

TEST(ReadTnefTest, TruncatedStreamIsAnError) {
  Limits limits;
  const std::string tnef = TwoAttachments();
  for (std::size_t cut : {std::size_t{3}, std::size_t{20}, tnef.size() / 2, tnef.size() - 5}) {
    ReadContext context(limits);
    const ReadResult result = ReadTnef(std::string_view(tnef).substr(0, cut), context);
    ASSERT_TRUE(result.error) << cut;
    EXPECT_NE(result.error->find("winmail.dat"), std::string::npos) << *result.error;
  }
}

// A winmail.dat cut to a tenth of its size (truncated/winmail-cut368of3682 of the hostile
// corpus) exposed this: "1 attached files were recovered", and that file was empty.
TEST(ReadTnefTest, AttachmentCutOffIsNotCountedAsRecovered) {
  Limits limits;
  ReadContext context(limits);
  const std::string tnef = TwoAttachments();
  const std::size_t cut = tnef.find("%PDF-1.4 response") + 4;
  const ReadResult result = ReadTnefInProcess(std::string_view(tnef).substr(0, cut), context);
  EXPECT_TRUE(result.attachments.empty());
  ASSERT_TRUE(result.error);
  EXPECT_TRUE(result.error->starts_with("winmail.dat could not be read in full: "))
      << *result.error;
  EXPECT_NE(result.error->find("no attached file could be recovered; the data of "
                               "\"response.pdf\" is missing (cut off or damaged)"),
            std::string::npos)
      << *result.error;
}

TEST(ReadTnefTest, GarbageAndZeroBytesAreErrors) {
  Limits limits;
  ReadContext context(limits);
  const ReadResult garbage = ReadTnef("this is not a TNEF stream at all", context);
  ASSERT_TRUE(garbage.error);
  EXPECT_EQ(*garbage.error,
            "winmail.dat could not be read in full: it is not TNEF (no TNEF signature); no "
            "attached file could be recovered");
  const ReadResult empty = ReadTnef("", context);
  ASSERT_TRUE(empty.error);
  EXPECT_EQ(*empty.error, "empty file (0 bytes)");
}

TEST(ReadTnefTest, HugeDeclaredLengthDoesNotCrash) {
  Limits limits;
  ReadContext context(limits);
  std::string tnef = TnefBuilder().bytes();
  tnef.push_back(static_cast<char>(kAttachment));
  PutLe(tnef, kData, 4);
  PutLe(tnef, 0xFFFFFFF0u, 4);
  tnef += "short";
  const ReadResult result = ReadTnef(tnef, context);
  EXPECT_TRUE(result.error);
}

TEST(ReadTnefTest, UnpackedBytesLimitHolds) {
  Limits limits;
  limits.max_unpacked_bytes = 10;
  ReadContext context(limits);
  const ReadResult result = ReadTnef(TwoAttachments(), context);
  ASSERT_TRUE(result.error);
  EXPECT_NE(result.error->find("limit max_unpacked_bytes"), std::string::npos) << *result.error;
}

// The fuzzer's entry: the same reader with libytnef in this process, limits included.
TEST(ReadTnefTest, InProcessReadsAsTheChildDoes) {
  Limits limits;
  ReadContext child_context(limits), in_process_context(limits);
  const ReadResult child = ReadTnef(TwoAttachments(), child_context);
  const ReadResult in_process = ReadTnefInProcess(TwoAttachments(), in_process_context);
  ASSERT_FALSE(in_process.error) << *in_process.error;
  ASSERT_EQ(in_process.attachments.size(), child.attachments.size());
  EXPECT_EQ(in_process.attachments[1].name, child.attachments[1].name);
  ASSERT_EQ(in_process.pages.size(), 1u);
  EXPECT_EQ(in_process.pages[0].text, child.pages[0].text);
  EXPECT_EQ(in_process_context.unpacked_bytes, child_context.unpacked_bytes);

  limits.max_unpacked_bytes = 10;
  ReadContext small(limits);
  const ReadResult cut = ReadTnefInProcess(TwoAttachments(), small);
  ASSERT_TRUE(cut.error);
  EXPECT_NE(cut.error->find("limit max_unpacked_bytes"), std::string::npos) << *cut.error;
}

}  // namespace
}  // namespace foicode::extract
