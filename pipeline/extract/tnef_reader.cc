// winmail.dat: libytnef parses in a child process and sends back raw strings and files; the
// parent decodes charsets and renders the body, so the child runs nothing but libytnef.
#include "extract/tnef_reader.h"

// libytnef's headers declare C functions without extern "C".
extern "C" {
#include <tnef-errors.h>
#include <ytnef.h>
}

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/utf8.h"
#include "extract/charset.h"
#include "extract/child_process.h"
#include "extract/compressed_rtf.h"
#include "extract/html_charset.h"
#include "extract/html_text.h"
#include "extract/limits.h"
#include "extract/page_text.h"
#include "extract/quoted_text.h"
#include "extract/rtf_text.h"

namespace foicode::extract {
namespace {

// What the child sends: a sequence of length-prefixed byte strings.
class FrameWriter {
 public:
  void Put(std::string_view value) {
    std::uint64_t size = value.size();
    for (int i = 0; i < 8; ++i) {
      out_.push_back(static_cast<char>(size & 0xFF));
      size >>= 8;
    }
    out_.append(value);
  }
  void Put(const variableLength& value) {
    if (value.data == nullptr || value.size <= 0) {
      Put(std::string_view());
    } else {
      Put(std::string_view(reinterpret_cast<const char*>(value.data),
                           static_cast<std::size_t>(value.size)));
    }
  }
  void Put(const variableLength* value) {
    if (value == nullptr || value == MAPI_UNDEFINED) {
      Put(std::string_view());
    } else {
      Put(*value);
    }
  }
  // libytnef converts PT_UNICODE values to UTF-8 in place but keeps the UTF-16 size, so the
  // value ends at its NUL, not at `size`.
  void PutCString(const variableLength* value) {
    if (value == nullptr || value == MAPI_UNDEFINED || value->data == nullptr || value->size <= 0) {
      Put(std::string_view());
      return;
    }
    const auto* text = reinterpret_cast<const char*>(value->data);
    Put(std::string_view(text, strnlen(text, static_cast<std::size_t>(value->size))));
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class FrameReader {
 public:
  explicit FrameReader(std::string_view in) : in_(in) {}
  // False when the frame ends early (the child's output is then treated as damaged).
  bool Get(std::string* value) {
    if (in_.size() < 8) return false;
    std::uint64_t size = 0;
    for (int i = 7; i >= 0; --i) size = (size << 8) | static_cast<unsigned char>(in_[i]);
    in_.remove_prefix(8);
    if (size > in_.size()) return false;
    value->assign(in_.substr(0, size));
    in_.remove_prefix(size);
    return true;
  }

 private:
  std::string_view in_;
};

constexpr std::string_view kParsedOk = "ok";

// Runs in the child: parse and serialise, nothing else.
//   status ("ok" or the library's error number), subject, OEM codepage, attBody, PR_BODY
//   (8-bit), PR_BODY (Unicode, as UTF-8), PR_HTML, compressed RTF, attachment count, then
//   per attachment: title, long filename (8-bit), long filename (Unicode, as UTF-8), MIME
//   tag, data.
std::string ParseInChild(std::string_view bytes) {
  std::vector<BYTE> copy(bytes.begin(), bytes.end());
  TNEFStruct tnef;
  TNEFInitialize(&tnef);
  tnef.Debug = 0;
  const int status = TNEFParseMemory(copy.data(), static_cast<long>(copy.size()), &tnef);
  FrameWriter out;
  out.Put(status == 0 ? std::string(kParsedOk) : std::to_string(status));
  out.Put(tnef.subject);
  out.Put(tnef.CodePage);
  out.Put(tnef.body);
  MAPIProps* props = &tnef.MapiProperties;
  out.Put(MAPIFindProperty(props, PROP_TAG(PT_STRING8, PR_BODY)));
  out.PutCString(MAPIFindProperty(props, PROP_TAG(PT_UNICODE, PR_BODY)));
  out.Put(MAPIFindProperty(props, PROP_TAG(PT_BINARY, 0x1013)));  // PR_HTML
  // Sent compressed: the parent's DecompressRtf bounds its output, libytnef's does not.
  out.Put(MAPIFindProperty(props, PROP_TAG(PT_BINARY, PR_RTF_COMPRESSED)));
  std::uint64_t count = 0;
  for (::Attachment* a = tnef.starting_attach.next; a != nullptr; a = a->next) ++count;
  out.Put(std::to_string(count));
  for (::Attachment* a = tnef.starting_attach.next; a != nullptr; a = a->next) {
    out.Put(a->Title);
    out.Put(MAPIFindProperty(&a->MAPI, PROP_TAG(PT_STRING8, PR_ATTACH_LONG_FILENAME)));
    out.PutCString(MAPIFindProperty(&a->MAPI, PROP_TAG(PT_UNICODE, PR_ATTACH_LONG_FILENAME)));
    out.Put(MAPIFindProperty(&a->MAPI, PROP_TAG(PT_STRING8, PR_ATTACH_MIME_TAG)));
    if (a->FileData.data != nullptr && a->FileData.size > 0) {
      out.Put(a->FileData);
    } else {
      // An attached Outlook item: its data is an object property behind a 16-byte GUID.
      variableLength* object = MAPIFindProperty(&a->MAPI, PROP_TAG(PT_OBJECT, PR_ATTACH_DATA_OBJ));
      if (object != MAPI_UNDEFINED && object != nullptr && object->size > 16) {
        out.Put(std::string_view(reinterpret_cast<const char*>(object->data) + 16,
                                 static_cast<std::size_t>(object->size - 16)));
      } else {
        out.Put(std::string_view());
      }
    }
  }
  TNEFFree(&tnef);
  return out.Take();
}

std::string StripNuls(std::string value) {
  while (!value.empty() && value.back() == '\0') value.pop_back();
  return value;
}

// The OEM codepage attribute holds the Windows codepage number of the 8-bit strings.
std::string CodepageLabel(const std::string& attribute) {
  if (attribute.size() < 4) return "windows-1252";
  std::uint32_t codepage = 0;
  for (int i = 3; i >= 0; --i) codepage = (codepage << 8) | static_cast<unsigned char>(attribute[static_cast<std::size_t>(i)]);
  if (codepage == 65001) return "utf-8";
  if (codepage == 20127 || codepage == 28591) return "windows-1252";
  if (codepage >= 1250 && codepage <= 1258) return "windows-" + std::to_string(codepage);
  if (codepage == 0) return "windows-1252";
  return "cp" + std::to_string(codepage);
}

std::string Decode8Bit(const std::string& bytes, const std::string& label,
                       std::vector<Flag>* flags) {
  DecodedText decoded = DecodeToUtf8(StripNuls(bytes), label);
  if (flags != nullptr) {
    for (auto& f : decoded.flags) flags->push_back(std::move(f));
  }
  return decoded.text;
}

std::string DecodeUnicode(const std::string& utf8) {
  return DecodeToUtf8(StripNuls(utf8), "utf-8").text;
}

std::string DescribeStatus(const std::string& status) {
  if (status == std::to_string(YTNEF_NOT_TNEF_STREAM)) return "it is not TNEF (no TNEF signature)";
  if (status == std::to_string(YTNEF_ERROR_READING_DATA)) return "it ends early (truncated)";
  if (status == std::to_string(YTNEF_NO_KEY)) return "it ends early (truncated)";
  if (status == std::to_string(YTNEF_BAD_CHECKSUM)) return "a checksum is wrong (damaged or truncated)";
  return "it is damaged or not TNEF (libytnef error " + status + ")";
}

// ReadTnef, with libytnef in a child process (`isolate`) or in this one.
ReadResult ReadTnefWith(std::string_view bytes, ReadContext& context, bool isolate) {
  ReadResult result;
  if (bytes.empty()) {
    result.error = "empty file (0 bytes)";
    return result;
  }
  const Limits& limits = context.limits;
  if (context.unpacked_bytes >= limits.max_unpacked_bytes) {
    result.error = "winmail.dat not unpacked: this input already unpacked " +
                   std::to_string(context.unpacked_bytes) + " bytes (" +
                   LimitNote("max_unpacked_bytes") + ")";
    return result;
  }
  ChildLimits child_limits;
  child_limits.max_output_bytes = limits.max_unpacked_bytes - context.unpacked_bytes;
  child_limits.timeout_seconds = limits.child_seconds;
  child_limits.max_memory_bytes = limits.child_memory_bytes;
  child_limits.output_limit_name = "max_unpacked_bytes";
  child_limits.timeout_limit_name = "child_seconds";
  ChildResult child;
  if (isolate) {
    child = RunInChild([bytes] { return ParseInChild(bytes); }, child_limits,
                       "winmail.dat reader");
  } else {
    child.output = ParseInChild(bytes);
    if (child.output.size() > child_limits.max_output_bytes) {
      child.output.clear();
      child.error = "the winmail.dat reader produced more than " +
                    std::to_string(child_limits.max_output_bytes) + " bytes (" +
                    LimitNote(child_limits.output_limit_name) + ")";
    }
  }
  if (child.error) {
    result.error = *child.error;
    return result;
  }
  context.unpacked_bytes += child.output.size();

  FrameReader in(child.output);
  std::string status, subject, codepage, att_body, body8, body_unicode, html, compressed_rtf,
      count_text;
  bool complete = in.Get(&status) && in.Get(&subject) && in.Get(&codepage) &&
                  in.Get(&att_body) && in.Get(&body8) && in.Get(&body_unicode) && in.Get(&html) &&
                  in.Get(&compressed_rtf) && in.Get(&count_text);
  const std::string label = CodepageLabel(codepage);
  std::uint64_t count = 0;
  for (char c : count_text) {
    if (c >= '0' && c <= '9' && count < (1ull << 40)) count = count * 10 + static_cast<std::uint64_t>(c - '0');
  }
  std::uint64_t nameless_empty = 0;
  // Named attachments that came back with no data from a damaged stream: what was cut off,
  // not files that were recovered.
  std::vector<std::string> lost;
  const bool damaged = status != kParsedOk;
  for (std::uint64_t i = 0; complete && i < count; ++i) {
    std::string title, long8, long_unicode, mime, data;
    complete = in.Get(&title) && in.Get(&long8) && in.Get(&long_unicode) && in.Get(&mime) && in.Get(&data);
    if (!complete) break;
    if (data.empty() && title.empty() && long8.empty() && long_unicode.empty()) {
      ++nameless_empty;
      continue;
    }
    Attachment attachment;
    attachment.name = !long_unicode.empty()  ? DecodeUnicode(long_unicode)
                      : !long8.empty() ? Decode8Bit(long8, label, nullptr)
                                       : Decode8Bit(title, label, nullptr);
    attachment.mime_type = AsciiLower(StripNuls(mime));
    if (damaged && data.empty()) {
      lost.push_back(std::move(attachment.name));
      continue;
    }
    attachment.bytes = std::move(data);
    result.attachments.push_back(std::move(attachment));
  }
  if (!complete) {
    result.error = "the winmail.dat reader returned a damaged result";
    return result;
  }
  if (nameless_empty > 0) {
    // Outlook writes such an entry for an attachment it could not save (or a hostile file
    // lists thousands); either way a reader should know something was attached.
    result.flags.push_back(Flag{std::string(flag_codes::kPartUnreadable),
                                std::to_string(nameless_empty) +
                                    (nameless_empty == 1 ? " attachment" : " attachments") +
                                    " in the winmail.dat had neither a name nor any data and "
                                    "could not be read."});
  }

  // The HTML body keeps tables; the plain and RTF bodies are what older Outlook sends.
  std::string body;
  if (!StripNuls(html).empty()) {
    // PR_HTML carries no label of its own; the message codepage is only a hint.
    body = HtmlToText(Decode8Bit(html, HtmlCharsetLabel(html, "", label), &result.flags));
  }
  if (body.empty() && !body_unicode.empty()) body = NormalizeLines(DecodeUnicode(body_unicode));
  if (body.empty() && !StripNuls(body8).empty()) body = NormalizeLines(Decode8Bit(body8, label, &result.flags));
  if (body.empty() && !StripNuls(att_body).empty()) {
    body = NormalizeLines(Decode8Bit(att_body, label, &result.flags));
  }
  if (body.empty() && !compressed_rtf.empty()) {
    const std::uint64_t budget =
        limits.max_unpacked_bytes > context.unpacked_bytes
            ? std::min(limits.max_file_bytes, limits.max_unpacked_bytes - context.unpacked_bytes)
            : 0;
    if (const std::optional<std::string> rtf = DecompressRtf(compressed_rtf, budget)) {
      context.unpacked_bytes += rtf->size();
      body = RtfToText(*rtf);
    } else {
      result.flags.push_back(Flag{std::string(flag_codes::kPartUnreadable),
                                  "The winmail.dat body is stored only as compressed RTF, which "
                                  "is damaged; the body text is missing."});
    }
  }
  CapText(body, limits.max_text_chars, "the winmail.dat body", result.flags);

  // One line, as in an e-mail's header: a folded subject must not split "Subject:".
  const std::string subject_text = OneLine(Decode8Bit(subject, label, &result.flags));
  Page page;
  page.text = subject_text.empty() ? std::string() : "Subject: " + subject_text;
  if (!body.empty()) {
    if (!page.text.empty()) page.text += "\n\n";
    const int offset = CountCodePoints(page.text);
    for (const Span& span : FindQuotedSpans(body)) {
      page.quoted.push_back(Span{span.start + offset, span.end + offset});
    }
    page.text += body;
  }
  if (!page.text.empty()) result.pages.push_back(std::move(page));
  if (body.empty() && result.attachments.empty()) {
    result.flags.push_back(Flag{std::string(flag_codes::kContainerEmpty),
                                "The winmail.dat holds no body text and no attached files."});
  }
  if (damaged) {
    const std::size_t recovered = result.attachments.size();
    std::string error = "winmail.dat could not be read in full: " + DescribeStatus(status) + "; " +
                        (recovered == 0   ? std::string("no attached file could be recovered")
                         : recovered == 1 ? std::string("1 attached file was recovered")
                                          : std::to_string(recovered) +
                                                " attached files were recovered");
    if (!lost.empty()) {
      std::string names;
      for (std::size_t i = 0; i < lost.size() && i < 3; ++i) {
        std::string name = OneLine(lost[i]);
        CutText(name, 100);
        names += (i > 0 ? ", \"" : "\"") + name + "\"";
      }
      if (lost.size() > 3) names += " and " + std::to_string(lost.size() - 3) + " more";
      error += "; the data of " + names + " is missing (cut off or damaged)";
    }
    result.error = std::move(error);
  }
  return result;
}

}  // namespace

ReadResult ReadTnef(std::string_view bytes, ReadContext& context) {
  return ReadTnefWith(bytes, context, /*isolate=*/true);
}

ReadResult ReadTnefInProcess(std::string_view bytes, ReadContext& context) {
  return ReadTnefWith(bytes, context, /*isolate=*/false);
}

}  // namespace foicode::extract
