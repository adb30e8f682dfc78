#include "extract/detect_kind.h"

#include <magic.h>

#include <array>
#include <memory>
#include <utility>

#include "core/ascii.h"

namespace foicode::extract {

Kind KindFromExtension(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return Kind::kUnknown;
  const std::string ext = AsciiLower(name.substr(dot + 1));
  static constexpr std::array<std::pair<std::string_view, Kind>, 17> kExtensions = {{
      {"pdf", Kind::kPdf},   {"eml", Kind::kEml},   {"msg", Kind::kMsg},   {"dat", Kind::kTnef},
      {"zip", Kind::kZip},   {"docx", Kind::kDocx}, {"xlsx", Kind::kXlsx}, {"csv", Kind::kCsv},
      {"txt", Kind::kTxt},   {"htm", Kind::kHtml},  {"html", Kind::kHtml}, {"png", Kind::kImage},
      {"jpg", Kind::kImage}, {"jpeg", Kind::kImage}, {"tif", Kind::kImage}, {"tiff", Kind::kImage},
      {"mht", Kind::kEml},
  }};
  for (const auto& [e, kind] : kExtensions) {
    if (e == ext) return kind;
  }
  return Kind::kUnknown;
}

namespace {

// libmagic handles are not safe to share between threads: one per thread, loaded once.
magic_t ThreadMagic(int flags) {
  struct Handle {
    explicit Handle(int f) : cookie(magic_open(f)) {
      if (cookie != nullptr && magic_load(cookie, nullptr) != 0) {
        magic_close(cookie);
        cookie = nullptr;
      }
    }
    ~Handle() {
      if (cookie != nullptr) magic_close(cookie);
    }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    magic_t cookie;
  };
  thread_local Handle mime(MAGIC_MIME_TYPE | MAGIC_ERROR);
  thread_local Handle text(MAGIC_NONE | MAGIC_ERROR);
  return flags == MAGIC_MIME_TYPE ? mime.cookie : text.cookie;
}

std::string MagicOf(std::string_view bytes, int flags) {
  magic_t cookie = ThreadMagic(flags);
  if (cookie == nullptr) return {};
  const char* result = magic_buffer(cookie, bytes.data(), bytes.size());
  return result == nullptr ? std::string() : std::string(result);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Does text look like an RFC 5322 message: a block of "Name: value" lines at the top that
// includes at least two of the headers every saved e-mail has?
bool LooksLikeMessage(std::string_view bytes) {
  const std::string head = AsciiLower(bytes.substr(0, 4096));
  int seen = 0;
  for (std::string_view h : {"\nfrom:", "\nto:", "\nsubject:", "\ndate:", "\nmime-version:",
                             "\nreceived:", "\nmessage-id:", "\nreturn-path:"}) {
    if (("\n" + head).find(h) != std::string::npos) ++seen;
  }
  return seen >= 2;
}

Kind KindFromMime(std::string_view mime) {
  if (mime == "application/pdf") return Kind::kPdf;
  if (mime == "message/rfc822") return Kind::kEml;
  if (mime == "application/vnd.ms-outlook") return Kind::kMsg;
  if (mime == "application/vnd.ms-tnef" || mime == "application/ms-tnef" ||
      mime == "application/x-tnef")
    return Kind::kTnef;
  if (mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return Kind::kDocx;
  if (mime == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return Kind::kXlsx;
  if (mime == "application/zip" || mime == "application/x-zip-compressed") return Kind::kZip;
  if (mime == "text/html") return Kind::kHtml;
  if (mime == "text/csv") return Kind::kCsv;
  if (StartsWith(mime, "image/")) return Kind::kImage;
  return Kind::kUnknown;
}

// The kind a container's declared type names; "text/plain" is read as text.
Kind KindFromDeclared(std::string_view declared_mime) {
  const std::string mime = AsciiLower(declared_mime);
  const Kind kind = KindFromMime(mime);
  return kind == Kind::kUnknown && mime == "text/plain" ? Kind::kTxt : kind;
}

}  // namespace

DetectedKind DetectKind(std::string_view name, std::string_view bytes,
                        std::string_view declared_mime) {
  DetectedKind detected;
  detected.by_extension = KindFromExtension(name);
  const std::string mime = MagicOf(bytes, MAGIC_MIME_TYPE);
  detected.description = MagicOf(bytes, MAGIC_NONE);

  Kind kind = KindFromMime(mime);
  const Kind by_ext = detected.by_extension;
  if (kind == Kind::kZip && (by_ext == Kind::kDocx || by_ext == Kind::kXlsx)) {
    // libmagic names OOXML only when [Content_Types].xml comes first in the archive; the
    // OOXML readers check the parts themselves.
    kind = by_ext;
  } else if (mime == "application/x-ole-storage" || mime == "application/CDFV2" ||
             StartsWith(mime, "application/vnd.ms-office")) {
    // Outlook messages are OLE2 files; libmagic's name for them varies with the database.
    if (by_ext == Kind::kMsg || detected.description.find("Outlook") != std::string::npos)
      kind = Kind::kMsg;
  } else if (StartsWith(mime, "text/") || mime == "application/csv" || mime == "application/json") {
    if (kind == Kind::kUnknown || kind == Kind::kCsv) {
      if (LooksLikeMessage(bytes)) {
        kind = Kind::kEml;
      } else if (by_ext == Kind::kCsv || by_ext == Kind::kHtml || by_ext == Kind::kEml) {
        kind = by_ext == Kind::kEml ? Kind::kTxt : by_ext;
      } else {
        kind = Kind::kTxt;
      }
    }
  } else if (kind == Kind::kUnknown) {
    // Opaque bytes: TNEF has a signature libmagic may not know; a declared type is the last resort.
    if (bytes.size() >= 4 && static_cast<unsigned char>(bytes[0]) == 0x78 &&
        static_cast<unsigned char>(bytes[1]) == 0x9f && static_cast<unsigned char>(bytes[2]) == 0x3e &&
        static_cast<unsigned char>(bytes[3]) == 0x22) {
      kind = Kind::kTnef;
    } else if (mime == "application/octet-stream" || mime.empty()) {
      const Kind declared = KindFromDeclared(declared_mime);
      if (declared == Kind::kTnef) {
        kind = declared;
      } else if (detected.description == "data" || detected.description.empty()) {
        // libmagic cannot name the content at all: a reply with a few stray NUL or invalid
        // bytes, or a form its database lacks (what it can name, an ELF program, stays
        // unsupported). The declared type, then the extension, choose the reader; every reader
        // checks its own input, reads what it can and says what it could not (a .pdf that is
        // no PDF is still reported as not a PDF).
        kind = declared != Kind::kUnknown ? declared : by_ext;
        if (kind == Kind::kUnknown && LooksLikeMessage(bytes)) kind = Kind::kEml;
      }
    }
  }
  detected.kind = kind;
  return detected;
}

}  // namespace foicode::extract
