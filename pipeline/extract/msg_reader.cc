// Reads an Outlook .msg: MAPI properties per [MS-OXMSG] from the compound file's streams, the
// envelope and body as one page, attachments and embedded messages as attachments.
#include "extract/msg_reader.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/utf8.h"
#include "extract/byte_order.h"
#include "extract/charset.h"
#include "extract/civil_time.h"
#include "extract/compressed_rtf.h"
#include "extract/html_text.h"
#include "extract/limits.h"
#include "extract/ole_file.h"
#include "extract/page_text.h"
#include "extract/part_name.h"
#include "extract/quoted_text.h"
#include "extract/rtf_text.h"

namespace foicode::extract {
namespace {

// Property types ([MS-OXCDATA] 2.11.1).
constexpr std::uint16_t kTypeLong = 0x0003;
constexpr std::uint16_t kTypeObject = 0x000D;
constexpr std::uint16_t kTypeString8 = 0x001E;
constexpr std::uint16_t kTypeUnicode = 0x001F;
constexpr std::uint16_t kTypeSysTime = 0x0040;
constexpr std::uint16_t kTypeBinary = 0x0102;

// Property ids ([MS-OXPROPS]).
constexpr std::uint16_t kSubject = 0x0037;
constexpr std::uint16_t kClientSubmitTime = 0x0039;
constexpr std::uint16_t kSentRepresentingName = 0x0042;
constexpr std::uint16_t kSentRepresentingEmail = 0x0065;
constexpr std::uint16_t kSenderName = 0x0C1A;
constexpr std::uint16_t kSenderEmail = 0x0C1F;
constexpr std::uint16_t kRecipientType = 0x0C15;
constexpr std::uint16_t kDisplayTo = 0x0E04;
constexpr std::uint16_t kDeliveryTime = 0x0E06;
constexpr std::uint16_t kBody = 0x1000;
constexpr std::uint16_t kRtfCompressed = 0x1009;
constexpr std::uint16_t kHtml = 0x1013;
constexpr std::uint16_t kDisplayName = 0x3001;
constexpr std::uint16_t kEmailAddress = 0x3003;
constexpr std::uint16_t kAttachData = 0x3701;
constexpr std::uint16_t kAttachFilename = 0x3704;
constexpr std::uint16_t kAttachMethod = 0x3705;
constexpr std::uint16_t kAttachLongFilename = 0x3707;
constexpr std::uint16_t kAttachMimeTag = 0x370E;
constexpr std::uint16_t kSmtpAddress = 0x39FE;
constexpr std::uint16_t kInternetCodepage = 0x3FDE;
constexpr std::uint16_t kMessageCodepage = 0x3FFD;
constexpr std::uint16_t kSenderSmtpAddress = 0x5D01;
constexpr std::uint16_t kSentRepresentingSmtpAddress = 0x5D02;

constexpr std::int64_t kAttachEmbeddedMessage = 5;
constexpr std::int64_t kAttachOle = 6;

// The root storage's class id says "Outlook message" to libmagic and to Outlook.
constexpr std::array<std::uint8_t, 16> kMessageClassId = {
    0x0B, 0x0D, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46};

// Fixed-length properties sit in "__properties_version1.0" after a header whose size depends on
// what owns the stream ([MS-OXMSG] 2.4).
constexpr std::size_t kTopHeader = 32;
constexpr std::size_t kEmbeddedHeader = 24;
constexpr std::size_t kAttachmentHeader = 8;

// UTF-16LE to UTF-8; unpaired surrogates become U+FFFD, NULs (terminators) are dropped.
std::string Utf16LeToUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  const std::size_t units = bytes.size() / 2;
  for (std::size_t i = 0; i < units; ++i) {
    const std::uint32_t unit = LoadLe16(bytes, 2 * i);
    if (unit == 0) continue;
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < units) {
      const std::uint32_t low = LoadLe16(bytes, 2 * i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        ++i;
        continue;
      }
    }
    AppendUtf8(out, unit);  // a lone surrogate comes out as U+FFFD
  }
  return out;
}

// Windows code page numbers as WHATWG labels; empty for an unknown page (then detected).
std::string CodepageName(std::int64_t codepage) {
  static const std::map<std::int64_t, std::string> kNames = {
      {65001, "utf-8"},       {20127, "us-ascii"},    {28591, "iso-8859-1"},
      {28592, "iso-8859-2"},  {28595, "iso-8859-5"},  {28597, "iso-8859-7"},
      {28599, "iso-8859-9"},  {28605, "iso-8859-15"}, {874, "windows-874"},
      {932, "shift_jis"},     {936, "gbk"},           {949, "euc-kr"},
      {950, "big5"},          {20866, "koi8-r"},      {21866, "koi8-u"},
      {50220, "iso-2022-jp"}, {51932, "euc-jp"},      {54936, "gb18030"}};
  if (codepage >= 1250 && codepage <= 1258) return "windows-" + std::to_string(codepage);
  const auto found = kNames.find(codepage);
  return found == kNames.end() ? "" : found->second;
}

std::string StreamName(std::uint16_t id, std::uint16_t type) {
  char name[32];
  std::snprintf(name, sizeof name, "__substg1.0_%04X%04X", id, type);
  return name;
}

// One message, attachment or recipient: its storage and its fixed-length properties.
class PropertyBag {
 public:
  PropertyBag(const OleNode& storage, std::size_t header) : storage_(storage) {
    const OleNode* stream = storage.Child("__properties_version1.0");
    if (stream == nullptr || stream->is_storage) return;
    const std::string_view bytes = stream->data;
    for (std::size_t at = header; at + 16 <= bytes.size(); at += 16) {
      const std::uint32_t tag = LoadLe32(bytes, at);
      const std::uint64_t value = LoadLe64(bytes, at + 8);
      fixed_[tag] = value;
    }
  }

  const OleNode& storage() const { return storage_; }

  std::optional<std::uint64_t> Fixed(std::uint16_t id, std::uint16_t type) const {
    const auto found = fixed_.find(static_cast<std::uint32_t>(id) << 16 | type);
    if (found == fixed_.end()) return std::nullopt;
    return found->second;
  }

  std::optional<std::int64_t> Long(std::uint16_t id) const {
    const auto value = Fixed(id, kTypeLong);
    if (!value) return std::nullopt;
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(*value));
  }

  const OleNode* Stream(std::uint16_t id, std::uint16_t type) const {
    const OleNode* node = storage_.Child(StreamName(id, type));
    return node != nullptr && !node->is_storage ? node : nullptr;
  }

  // A string property, Unicode or 8-bit in `codepage`; empty when absent.
  std::string String(std::uint16_t id, const std::string& codepage) const {
    if (const OleNode* unicode = Stream(id, kTypeUnicode)) return Utf16LeToUtf8(unicode->data);
    if (const OleNode* narrow = Stream(id, kTypeString8)) {
      std::string_view bytes = narrow->data;
      while (!bytes.empty() && bytes.back() == '\0') bytes.remove_suffix(1);
      return ToValidUtf8(DecodeToUtf8(bytes, codepage).text);
    }
    return "";
  }

 private:
  const OleNode& storage_;
  std::map<std::uint32_t, std::uint64_t> fixed_;
};

std::string Trimmed(std::string text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

// An SMTP address with its domain lower-cased; empty for Exchange's "/O=ORG/OU=..." names.
std::string SmtpAddress(std::string address) {
  address = Trimmed(std::move(address));
  const std::size_t at = address.rfind('@');
  if (at == std::string::npos || address.front() == '/') return "";
  for (std::size_t i = at + 1; i < address.size(); ++i) address[i] = AsciiLower(address[i]);
  return address;
}

// FILETIME: 100-nanosecond ticks since 1601-01-01 UTC.
std::string IsoFromFileTime(std::uint64_t ticks) {
  if (ticks == 0) return "";
  constexpr long long kSecondsFrom1601To1970 = 11644473600LL;
  return IsoUtcFromUnixSeconds(static_cast<long long>(ticks / 10'000'000) - kSecondsFrom1601To1970);
}

class MsgReader {
 public:
  MsgReader(ReadContext& context, ReadResult* result) : context_(context), result_(result) {}

  void Read(const OleNode& root) {
    const PropertyBag message(root, kTopHeader);
    codepage_ = CodepageName(message.Long(kMessageCodepage).value_or(0));
    internet_codepage_ = CodepageName(message.Long(kInternetCodepage).value_or(0));
    if (codepage_.empty()) codepage_ = internet_codepage_;
    if (internet_codepage_.empty()) internet_codepage_ = codepage_;

    EmailHeaders headers;
    headers.subject = OneLine(message.String(kSubject, codepage_));
    headers.from_name = OneLine(message.String(kSenderName, codepage_));
    if (headers.from_name.empty()) headers.from_name = OneLine(message.String(kSentRepresentingName, codepage_));
    for (const std::uint16_t id : {kSenderSmtpAddress, kSenderEmail, kSentRepresentingSmtpAddress,
                                   kSentRepresentingEmail}) {
      headers.from_address = SmtpAddress(message.String(id, codepage_));
      if (!headers.from_address.empty()) break;
    }
    headers.to = OneLine(message.String(kDisplayTo, codepage_));
    if (headers.to.empty()) headers.to = RecipientsTo(root);
    for (const std::uint16_t id : {kClientSubmitTime, kDeliveryTime}) {
      if (const auto time = message.Fixed(id, kTypeSysTime)) headers.date = IsoFromFileTime(*time);
      if (!headers.date.empty()) break;
    }

    std::vector<std::string> lines;
    std::string from = headers.from_name;
    if (!headers.from_address.empty()) {
      from = from.empty() ? headers.from_address : from + " <" + headers.from_address + ">";
    }
    if (!from.empty()) lines.push_back("From: " + from);
    if (!headers.to.empty()) lines.push_back("To: " + headers.to);
    if (!headers.date.empty()) lines.push_back("Date: " + headers.date);
    if (!headers.subject.empty()) lines.push_back("Subject: " + headers.subject);
    std::string prefix;
    for (const std::string& line : lines) prefix += prefix.empty() ? line : "\n" + line;

    std::string body = NormalizeLines(ToValidUtf8(Body(message)));
    CapText(body, context_.limits.max_text_chars, "the message body", result_->flags);
    if (!prefix.empty() && !body.empty()) prefix += "\n\n";
    Page page;
    const int shift = CountCodePoints(prefix);
    for (Span span : FindQuotedSpans(body)) {
      page.quoted.push_back(Span{span.start + shift, span.end + shift});
    }
    page.text = prefix + body;
    result_->pages.push_back(std::move(page));
    result_->headers = std::move(headers);

    Attachments(root);
  }

 private:
  static std::string OneLine(std::string text) {
    for (char& c : text) {
      if (c == '\r' || c == '\n' || c == '\t') c = ' ';
    }
    return Trimmed(std::move(text));
  }

  std::string RecipientsTo(const OleNode& root) const {
    std::string to;
    for (const OleNode& child : root.children) {
      if (!child.is_storage || !child.name.starts_with("__recip_version1.0_")) continue;
      const PropertyBag recipient(child, kAttachmentHeader);
      if (recipient.Long(kRecipientType).value_or(1) != 1) continue;  // 1 = To, 2 = Cc, 3 = Bcc
      const std::string name = OneLine(recipient.String(kDisplayName, codepage_));
      std::string address = SmtpAddress(recipient.String(kSmtpAddress, codepage_));
      if (address.empty()) address = SmtpAddress(recipient.String(kEmailAddress, codepage_));
      std::string one = name.empty() ? address : address.empty() ? name : name + " <" + address + ">";
      if (one.empty()) continue;
      if (!to.empty()) to += ", ";
      to += one;
    }
    return to;
  }

  // The plain body; else the HTML body as text; else the compressed RTF body, roughly.
  std::string Body(const PropertyBag& message) {
    std::string plain = message.String(kBody, codepage_);
    if (!Trimmed(plain).empty()) return plain;
    std::string html;
    if (const OleNode* binary = message.Stream(kHtml, kTypeBinary)) {
      html = ToValidUtf8(DecodeToUtf8(binary->data, internet_codepage_).text);
    } else {
      html = message.String(kHtml, internet_codepage_);
    }
    if (!Trimmed(html).empty()) return HtmlToText(html);
    if (const OleNode* compressed = message.Stream(kRtfCompressed, kTypeBinary)) {
      const Limits& limits = context_.limits;
      const std::uint64_t budget =
          limits.max_unpacked_bytes > context_.unpacked_bytes
              ? std::min(limits.max_file_bytes, limits.max_unpacked_bytes - context_.unpacked_bytes)
              : 0;
      if (const std::optional<std::string> rtf = DecompressRtf(compressed->data, budget)) {
        context_.unpacked_bytes += rtf->size();
        std::string text = RtfToText(*rtf);
        if (!Trimmed(text).empty()) return text;
      }
      result_->flags.push_back(Flag{std::string(flag_codes::kPartUnreadable),
                                    "The message body is stored only as compressed RTF, which "
                                    "could not be read; the body text is missing."});
    }
    return "";
  }

  void Attachments(const OleNode& root) {
    std::vector<const OleNode*> storages;
    for (const OleNode& child : root.children) {
      if (child.is_storage && child.name.starts_with("__attach_version1.0_")) storages.push_back(&child);
    }
    std::sort(storages.begin(), storages.end(),
              [](const OleNode* a, const OleNode* b) { return a->name < b->name; });
    for (const OleNode* storage : storages) {
      if (static_cast<int>(result_->attachments.size()) >= context_.limits.max_parts) {
        result_->flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                                      "Attachments after the first " +
                                          std::to_string(context_.limits.max_parts) +
                                          " were not read (" + LimitNote("max_parts") + ")."});
        return;
      }
      ReadAttachment(root, *storage);
    }
  }

  void ReadAttachment(const OleNode& root, const OleNode& storage) {
    const PropertyBag attachment(storage, kAttachmentHeader);
    std::string name = OneLine(attachment.String(kAttachLongFilename, codepage_));
    if (name.empty()) name = OneLine(attachment.String(kAttachFilename, codepage_));
    if (name.empty()) name = OneLine(attachment.String(kDisplayName, codepage_));
    const std::string mime = AsciiLower(OneLine(attachment.String(kAttachMimeTag, codepage_)));
    const std::int64_t method = attachment.Long(kAttachMethod).value_or(1);
    const OleNode* object = storage.Child(StreamName(kAttachData, kTypeObject));
    if (object != nullptr && object->is_storage && method != kAttachOle) {
      EmbeddedMessage(root, *object, name);
      return;
    }
    if (const OleNode* data = attachment.Stream(kAttachData, kTypeBinary)) {
      result_->attachments.push_back(Attachment{name, data->data, mime, ""});
      return;
    }
    const std::string label = name.empty() ? storage.name : name;
    result_->flags.push_back(Flag{
        std::string(flag_codes::kPartUnreadable),
        "Attachment \"" + label + "\" was not read: " +
            (method == kAttachOle ? std::string("it is an embedded OLE object")
                                  : std::string("it holds no data (a link, not a file)")) +
            "."});
  }

  // The embedded message is written out as a .msg of its own, which the dispatcher reads like
  // any attachment: its body, headers, attachments and deeper messages keep full fidelity.
  void EmbeddedMessage(const OleNode& root, const OleNode& object, std::string name) {
    OleNode copy = object;
    copy.name.clear();
    // A top-level message's property header is 8 bytes longer than an embedded one's.
    for (OleNode& child : copy.children) {
      if (!child.is_storage && child.name == "__properties_version1.0" &&
          child.data.size() >= kEmbeddedHeader) {
        child.data.insert(kEmbeddedHeader, kTopHeader - kEmbeddedHeader, '\0');
      }
    }
    // Named properties are mapped once, at the top of the outer file.
    if (const OleNode* names = root.Child("__nameid_version1.0");
        names != nullptr && copy.Child("__nameid_version1.0") == nullptr) {
      copy.children.push_back(*names);
    }
    const PropertyBag inner(object, kEmbeddedHeader);
    const std::string subject = inner.String(kSubject, codepage_);
    name = PartNameFromSubject(Trimmed(subject).empty() ? name : subject, ".msg");
    if (name.empty()) name = "message.msg";
    std::string bytes = WriteOleFile(copy, kMessageClassId);
    if (bytes.empty()) {
      result_->flags.push_back(Flag{std::string(flag_codes::kPartUnreadable),
                                    "The attached message \"" + name + "\" could not be read."});
      return;
    }
    result_->attachments.push_back(
        Attachment{name, std::move(bytes), "application/vnd.ms-outlook", ""});
  }

  ReadContext& context_;
  ReadResult* result_;
  std::string codepage_;
  std::string internet_codepage_;
};

}  // namespace

ReadResult ReadMsg(std::string_view bytes, ReadContext& context) {
  ReadResult result;
  if (bytes.size() < 512) {
    result.error = "not an Outlook message: too short to be an OLE2 compound file";
    return result;
  }
  OleNode root;
  std::string error;
  // Each message attached inside another adds two storage levels (attachment, object).
  const int max_storage_depth = 2 * context.limits.max_depth + 2;
  if (!ReadOleFile(bytes, context, max_storage_depth, &root, &result.flags, &error)) {
    result.error = "not an Outlook message: " + error;
    return result;
  }
  const bool has_properties =
      std::any_of(root.children.begin(), root.children.end(), [](const OleNode& child) {
        return child.name == "__properties_version1.0" || child.name.starts_with("__substg1.0_");
      });
  if (!has_properties) {
    result.error = "not an Outlook message: the file holds no message properties";
    return result;
  }
  MsgReader(context, &result).Read(root);
  return result;
}

}  // namespace foicode::extract
