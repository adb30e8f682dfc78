// E-mail (.eml, forwarded message/rfc822) with GMime: envelope, one body page, attachments.
#include "extract/mail_reader.h"

#include <gmime/gmime.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/utf8.h"
#include "extract/charset.h"
#include "extract/gobject_ptr.h"
#include "extract/html_charset.h"
#include "extract/html_text.h"
#include "extract/limits.h"
#include "extract/page_text.h"
#include "extract/part_name.h"
#include "extract/quoted_text.h"

namespace foicode::extract {
namespace {

// GMime's own nesting guard stops far deeper than any real reply; this bounds our recursion.
constexpr int kMaxMimeDepth = 64;
// The parser's warnings are kept as flags; a hostile message can raise thousands.
constexpr std::size_t kMaxWarnings = 200;

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

struct Warnings {
  std::set<GMimeParserWarning> seen;
  std::size_t count = 0;
};

void OnParserWarning(gint64, GMimeParserWarning code, const gchar*, gpointer data) {
  auto* warnings = static_cast<Warnings*>(data);
  if (++warnings->count > kMaxWarnings) return;
  warnings->seen.insert(code);
}

using ParserOptionsPtr =
    std::unique_ptr<GMimeParserOptions, decltype(&g_mime_parser_options_free)>;

// Parser options that keep warnings as flags rather than on stderr, and read unencoded 8-bit
// headers as UTF-8, else windows-1252 (the WHATWG reading of "Latin-1").
ParserOptionsPtr MakeParserOptions(Warnings* warnings) {
  ParserOptionsPtr options(g_mime_parser_options_new(), &g_mime_parser_options_free);
  const char* fallback[] = {"utf-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options.get(), fallback);
  g_mime_parser_options_set_warning_callback(options.get(), &OnParserWarning, warnings);
  return options;
}

// GMime decodes RFC 2047 words labelled iso-8859-1 as true Latin-1, which turns the curly
// quotes and dashes of windows-1252 into C1 controls (U+0080-U+009F); no real text holds
// those, so they are read back as windows-1252.
std::string FixC1Controls(std::string_view text) {
  static constexpr std::array<std::string_view, 32> kWindows1252 = {
      "\u20AC", "", "\u201A", "\u0192", "\u201E", "\u2026", "\u2020", "\u2021",
      "\u02C6", "\u2030", "\u0160", "\u2039", "\u0152", "", "\u017D", "",
      "", "\u2018", "\u2019", "\u201C", "\u201D", "\u2022", "\u2013", "\u2014",
      "\u02DC", "\u2122", "\u0161", "\u203A", "\u0153", "", "\u017E", "\u0178"};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {
      out += kWindows1252[next - 0x80];
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// A decoded header value on one line: valid UTF-8, C1 controls repaired, folding and runs of
// white space collapsed.
std::string CleanHeader(const char* value) {
  if (value == nullptr) return {};
  const std::string text = FixC1Controls(ToValidUtf8(value));
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string GFreeString(char* value) {
  std::string out = value != nullptr ? std::string(value) : std::string();
  g_free(value);
  return out;
}

std::string MimeType(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return {};
  return AsciiLower(GFreeString(g_mime_content_type_get_mime_type(type)));
}

// The part's content with its transfer encoding (base64, quoted-printable) undone and its
// charset untouched: GMime's charset conversion reads iso-8859-1 as true Latin-1.
std::string DecodedBytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, stream.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  if (array == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

std::string Serialize(GMimeObject* object) {
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(object, nullptr, stream.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  if (array == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

// RFC 3676 format=flowed: a line ending in a space continues on the next line.
std::string UnflowText(std::string_view text, bool delete_space) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() == ' ') line.remove_prefix(1);  // space-stuffing
    const bool soft = !line.empty() && line.back() == ' ' && line != "-- ";
    if (soft && delete_space) line.remove_suffix(1);
    out.append(line);
    if (!soft && end < text.size()) out.push_back('\n');
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

bool IsSignature(std::string_view mime) {
  return mime == "application/pgp-signature" || mime == "application/pkcs7-signature" ||
         mime == "application/x-pkcs7-signature";
}

// What one subtree contributes: body text in document order, attachments, doubts.
struct Collected {
  std::string body;
  bool body_is_html = false;
  std::vector<Attachment> attachments;
  std::vector<Flag> flags;
  bool truncated_parts = false;  // attachments dropped at limits.max_parts
};

class MimeWalker {
 public:
  MimeWalker(const Limits& limits, GMimeParserOptions* options)
      : limits_(limits), options_(options) {}

  void Walk(GMimeObject* object, int depth, Collected& out);

 private:
  void WalkMultipart(GMimeMultipart* multipart, int depth, Collected& out);
  void WalkAlternative(GMimeMultipart* multipart, int depth, Collected& out);
  void Salvage(GMimeMultipart* multipart, int depth, Collected& out);
  void WalkLeaf(GMimePart* part, Collected& out);
  void AddMessage(GMimeMessagePart* part, Collected& out);
  void AddAttachment(Attachment attachment, Collected& out);

  const Limits& limits_;
  GMimeParserOptions* options_;
  int salvaged_ = 0;
};

void AppendBody(Collected& out, std::string text, bool html) {
  if (text.empty()) return;
  if (!out.body.empty()) out.body += "\n\n";
  out.body += text;
  out.body_is_html = out.body_is_html || html;
}

void Merge(Collected& from, Collected& into) {
  AppendBody(into, std::move(from.body), from.body_is_html);
  for (auto& a : from.attachments) into.attachments.push_back(std::move(a));
  for (auto& f : from.flags) into.flags.push_back(std::move(f));
  into.truncated_parts = into.truncated_parts || from.truncated_parts;
}

void MimeWalker::Walk(GMimeObject* object, int depth, Collected& out) {
  if (object == nullptr) return;
  if (depth > kMaxMimeDepth) {
    out.flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                             "MIME parts nested more than " + std::to_string(kMaxMimeDepth) +
                                 " deep were not read."});
    return;
  }
  if (GMIME_IS_MESSAGE_PART(object)) {
    AddMessage(GMIME_MESSAGE_PART(object), out);
  } else if (GMIME_IS_MULTIPART(object)) {
    WalkMultipart(GMIME_MULTIPART(object), depth, out);
  } else if (GMIME_IS_PART(object)) {
    WalkLeaf(GMIME_PART(object), out);
  }
}

void MimeWalker::WalkMultipart(GMimeMultipart* multipart, int depth, Collected& out) {
  const int count = g_mime_multipart_get_count(multipart);
  if (count == 0) {
    Salvage(multipart, depth, out);
    return;
  }
  if (MimeType(GMIME_OBJECT(multipart)) == "multipart/alternative") {
    WalkAlternative(multipart, depth, out);
    return;
  }
  // mixed, related (root first, then inline images), signed (content, then signature), and
  // unknown subtypes alike: children in order.
  for (int i = 0; i < count; ++i) Walk(g_mime_multipart_get_part(multipart, i), depth + 1, out);
}

// The HTML alternative is preferred when it renders to any text: Outlook and web mail put
// tables (systems, vendors, figures per row) only in the HTML, and their text/plain
// rendering flattens a table into one cell per line. An empty HTML part falls back to text.
void MimeWalker::WalkAlternative(GMimeMultipart* multipart, int depth, Collected& out) {
  const int count = g_mime_multipart_get_count(multipart);
  std::vector<Collected> options(static_cast<std::size_t>(count));
  int best = -1;
  int best_score = -1;
  for (int i = 0; i < count; ++i) {
    Collected& option = options[static_cast<std::size_t>(i)];
    Walk(g_mime_multipart_get_part(multipart, i), depth + 1, option);
    const int score = option.body.empty() ? 0 : option.body_is_html ? 2 : 1;
    // Later alternatives are the sender's preference (RFC 2046), so ties go to the later one.
    if (score >= best_score) {
      best_score = score;
      best = i;
    }
  }
  if (best < 0) return;
  Merge(options[static_cast<std::size_t>(best)], out);
  // Only one body is shown, but a file attached inside another alternative (a plain-text
  // branch that is multipart/mixed) is still part of the reply. The same inline image in
  // two branches is kept once. Charset doubts about the unused bodies are dropped.
  for (int i = 0; i < count; ++i) {
    if (i == best) continue;
    Collected& option = options[static_cast<std::size_t>(i)];
    for (Attachment& attachment : option.attachments) {
      const bool known = std::any_of(out.attachments.begin(), out.attachments.end(),
                                     [&attachment](const Attachment& kept) {
                                       return kept.name == attachment.name &&
                                              kept.bytes == attachment.bytes;
                                     });
      if (known) continue;
      if (out.attachments.size() >= static_cast<std::size_t>(limits_.max_parts)) {
        out.truncated_parts = true;
        break;
      }
      out.attachments.push_back(std::move(attachment));
    }
    for (Flag& flag : option.flags) {
      if (flag.code == flag_codes::kCharsetGuessed || flag.code == flag_codes::kCharsetRepaired) {
        continue;
      }
      out.flags.push_back(std::move(flag));
    }
    out.truncated_parts = out.truncated_parts || option.truncated_parts;
  }
}

// A multipart whose boundary matches none of its lines leaves every part in the prologue.
// The parts' own boundary lines are found and the prologue parsed again under them; with no
// boundary line at all the prologue is kept as plain text.
void MimeWalker::Salvage(GMimeMultipart* multipart, int depth, Collected& out) {
  const char* prologue_c = g_mime_multipart_get_prologue(multipart);
  const std::string_view prologue = prologue_c != nullptr ? prologue_c : "";
  if (prologue.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
  std::string boundary;
  for (std::size_t start = 0; start < prologue.size() && boundary.empty();) {
    std::size_t end = prologue.find('\n', start);
    if (end == std::string_view::npos) end = prologue.size();
    std::string_view line = prologue.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() > 2 && line.size() < 200 && line.substr(0, 2) == "--" &&
        line.find_first_of(" \t") == std::string_view::npos) {
      boundary = std::string(line.substr(2));
    }
    start = end + 1;
  }
  if (!boundary.empty() && salvaged_ < 4) {
    ++salvaged_;
    std::string rebuilt = "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    rebuilt.append(prologue);
    GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(rebuilt.data(), rebuilt.size()));
    GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    GObjectPtr<GMimeObject> part(g_mime_parser_construct_part(parser.get(), options_));
    if (part != nullptr && GMIME_IS_MULTIPART(part.get()) &&
        g_mime_multipart_get_count(GMIME_MULTIPART(part.get())) > 0) {
      out.flags.push_back(Flag{std::string(flag_codes::kMimeMalformed),
                               "The e-mail's MIME boundary matched none of its parts; the parts "
                               "were found by their own boundary lines."});
      Walk(part.get(), depth + 1, out);
      return;
    }
  }
  out.flags.push_back(Flag{std::string(flag_codes::kMimeMalformed),
                           "A multipart section of the e-mail has no readable parts; its raw "
                           "text was kept as the body."});
  DecodedText decoded = DecodeToUtf8(prologue, "");
  for (auto& f : decoded.flags) out.flags.push_back(std::move(f));
  AppendBody(out, NormalizeLines(decoded.text), false);
}

void MimeWalker::WalkLeaf(GMimePart* part, Collected& out) {
  GMimeObject* object = GMIME_OBJECT(part);
  const std::string mime = MimeType(object);
  if (IsSignature(mime)) return;
  const char* disposition = g_mime_object_get_disposition(object);
  const bool attachment_disposition =
      disposition != nullptr && AsciiLower(disposition) == "attachment";
  const bool text = mime == "text/plain" || mime == "text/html";
  if (text && !attachment_disposition) {
    const std::string bytes = DecodedBytes(part);
    const char* charset_c = g_mime_object_get_content_type_parameter(object, "charset");
    const std::string_view charset = charset_c != nullptr ? charset_c : "";
    const bool html = mime == "text/html";
    DecodedText decoded =
        DecodeToUtf8(bytes, html ? HtmlCharsetLabel(bytes, charset) : std::string(charset));
    for (auto& f : decoded.flags) out.flags.push_back(std::move(f));
    std::string body;
    if (html) {
      body = HtmlToText(decoded.text);
    } else {
      const char* format = g_mime_object_get_content_type_parameter(object, "format");
      if (format != nullptr && AsciiLower(format) == "flowed") {
        const char* delsp = g_mime_object_get_content_type_parameter(object, "delsp");
        decoded.text = UnflowText(decoded.text, delsp != nullptr && AsciiLower(delsp) == "yes");
      }
      body = NormalizeLines(decoded.text);
    }
    AppendBody(out, std::move(body), html);
    return;
  }
  Attachment attachment;
  attachment.name = CleanHeader(g_mime_part_get_filename(part));
  if (attachment.name.empty() && (mime == "application/ms-tnef" || mime == "application/vnd.ms-tnef")) {
    attachment.name = "winmail.dat";
  }
  attachment.bytes = DecodedBytes(part);
  attachment.mime_type = mime;
  const char* charset = g_mime_object_get_content_type_parameter(object, "charset");
  if (charset != nullptr) attachment.charset = charset;
  AddAttachment(std::move(attachment), out);
}

void MimeWalker::AddMessage(GMimeMessagePart* part, Collected& out) {
  GMimeMessage* inner = g_mime_message_part_get_message(part);
  if (inner == nullptr) return;
  const std::string name =
      PartNameFromSubject(CleanHeader(g_mime_message_get_subject(inner)), ".eml");
  Attachment attachment;
  attachment.name = name.empty() ? std::string("forwarded message.eml") : name;
  attachment.bytes = Serialize(GMIME_OBJECT(inner));
  attachment.mime_type = "message/rfc822";
  AddAttachment(std::move(attachment), out);
}

void MimeWalker::AddAttachment(Attachment attachment, Collected& out) {
  // The dispatcher enforces max_parts over the whole input; stopping here as well keeps a
  // message of a million tiny parts from being copied out first.
  if (out.attachments.size() >= static_cast<std::size_t>(limits_.max_parts)) {
    out.truncated_parts = true;
    return;
  }
  out.attachments.push_back(std::move(attachment));
}

EmailHeaders ReadHeaders(GMimeMessage* message) {
  EmailHeaders headers;
  InternetAddressList* from = g_mime_message_get_from(message);
  InternetAddress* first = nullptr;
  for (int guard = 0; from != nullptr && internet_address_list_length(from) > 0 && guard < 8;
       ++guard) {
    InternetAddress* address = internet_address_list_get_address(from, 0);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      from = internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address));
      continue;
    }
    first = address;
    break;
  }
  if (first != nullptr) {
    headers.from_name = CleanHeader(internet_address_get_name(first));
    if (INTERNET_ADDRESS_IS_MAILBOX(first)) {
      std::string address = CleanHeader(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(first)));
      const std::size_t at = address.rfind('@');
      if (at != std::string::npos) address = address.substr(0, at) + AsciiLower(address.substr(at));
      headers.from_address = address;
    }
  } else {
    headers.from_name = CleanHeader(g_mime_object_get_header(GMIME_OBJECT(message), "From"));
  }
  InternetAddressList* to = g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_TO);
  if (to != nullptr && internet_address_list_length(to) > 0) {
    headers.to = CleanHeader(GFreeString(internet_address_list_to_string(to, nullptr, FALSE)).c_str());
  }
  GDateTime* date = g_mime_message_get_date(message);
  if (date != nullptr) {
    headers.date = GFreeString(g_date_time_format(date, "%Y-%m-%dT%H:%M:%S%:z"));
  } else {
    headers.date = CleanHeader(g_mime_object_get_header(GMIME_OBJECT(message), "Date"));
  }
  headers.subject = CleanHeader(g_mime_message_get_subject(message));
  return headers;
}

// "From: Name <address>" and the rest, so the sender can be quoted as evidence.
std::string HeaderLines(const EmailHeaders& headers) {
  std::string from = headers.from_address;
  if (!headers.from_name.empty()) {
    from = headers.from_address.empty() ? headers.from_name
                                        : headers.from_name + " <" + headers.from_address + ">";
  }
  std::string lines;
  auto add = [&lines](std::string_view name, const std::string& value) {
    if (value.empty()) return;
    lines += std::string(name) + ": " + value + "\n";
  };
  add("From", from);
  add("To", headers.to);
  add("Date", headers.date);
  add("Subject", headers.subject);
  if (!lines.empty()) lines.pop_back();
  return lines;
}

void AddWarningFlags(const Warnings& warnings, ReadResult& result) {
  auto malformed = [&result](std::string message) {
    result.flags.push_back(Flag{std::string(flag_codes::kMimeMalformed), std::move(message)});
  };
  for (GMimeParserWarning code : warnings.seen) {
    switch (code) {
      case GMIME_WARN_UNENCODED_8BIT_HEADER:
        result.flags.push_back(Flag{std::string(flag_codes::kCharsetGuessed),
                                    "A header holds unencoded 8-bit text; it was read as UTF-8 "
                                    "or else windows-1252."});
        break;
      case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
        malformed("A header holds a malformed encoded word (RFC 2047); it was decoded as far as "
                  "possible.");
        break;
      case GMIME_WARN_INVALID_CONTENT_TYPE:
        malformed("A part has an invalid Content-Type; it was read as application/octet-stream.");
        break;
      case GMIME_WARN_MALFORMED_MULTIPART:
      case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
        malformed("A multipart section of the e-mail is malformed (missing or wrong boundary).");
        break;
      case GMIME_WARN_TRUNCATED_MESSAGE:
        malformed("The e-mail ends inside a MIME part (no closing boundary): it may be truncated.");
        if (!result.error) {
          result.error = "the e-mail is incomplete: it ends inside a MIME part, so its last part "
                         "may be cut short";
        }
        break;
      case GMIME_WARN_MALFORMED_MESSAGE:
      case GMIME_CRIT_INVALID_HEADER_NAME:
      case GMIME_CRIT_CONFLICTING_HEADER:
      case GMIME_CRIT_CONFLICTING_PARAMETER:
      case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
        malformed("The e-mail's MIME structure is malformed; other mail programs may show it "
                  "differently.");
        break;
      case GMIME_CRIT_NESTING_OVERFLOW:
        malformed("The e-mail nests MIME parts too deep; the deepest were not read.");
        break;
      case GMIME_WARN_INVALID_ADDRESS_LIST:
        malformed("An address header (From, To, Cc) could not be parsed.");
        break;
      default:
        break;  // duplicated headers or parameters, empty parts: no doubt about the text
    }
  }
  // Distinct warnings can share a sentence; keep one of each.
  std::vector<Flag> unique;
  for (Flag& flag : result.flags) {
    if (std::find(unique.begin(), unique.end(), flag) == unique.end()) unique.push_back(std::move(flag));
  }
  result.flags = std::move(unique);
}

}  // namespace

ReadResult ReadMail(std::string_view bytes, ReadContext& context) {
  ReadResult result;
  if (bytes.empty()) {
    result.error = "empty file (0 bytes)";
    return result;
  }
  InitGMime();
  // The options and warnings outlive the message: GMime decodes some headers lazily and may
  // report through the callback while they are read.
  Warnings warnings;
  ParserOptionsPtr options = MakeParserOptions(&warnings);
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  GObjectPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options.get()));
  if (message == nullptr) {
    result.error = "not an e-mail: no message headers were found at the start of the file";
    return result;
  }

  const EmailHeaders headers = ReadHeaders(message.get());
  Collected collected;
  MimeWalker walker(context.limits, options.get());
  walker.Walk(g_mime_message_get_mime_part(message.get()), 0, collected);

  std::string body = std::move(collected.body);
  CapText(body, context.limits.max_text_chars, "the e-mail body", collected.flags);
  Page page;
  page.text = HeaderLines(headers);
  if (!body.empty()) {
    if (!page.text.empty()) page.text += "\n\n";
    const int offset = CountCodePoints(page.text);
    for (Span span : FindQuotedSpans(body)) {
      page.quoted.push_back(Span{span.start + offset, span.end + offset});
    }
    page.text += body;
  }
  result.pages.push_back(std::move(page));
  result.headers = headers;
  result.attachments = std::move(collected.attachments);
  result.flags = std::move(collected.flags);
  if (collected.truncated_parts) {
    result.flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                                "The e-mail has more than " +
                                    std::to_string(context.limits.max_parts) +
                                    " attachments; later ones were not read (" +
                                    LimitNote("max_parts") + ")."});
  }
  AddWarningFlags(warnings, result);
  return result;
}

}  // namespace foicode::extract
