#include "extract/extract_source.h"

#include <exception>
#include <new>
#include <set>
#include <string>
#include <utility>

#include "extract/detect_kind.h"
#include "extract/docx_reader.h"
#include "extract/image_reader.h"
#include "extract/limit_options.h"
#include "extract/mail_reader.h"
#include "extract/msg_reader.h"
#include "extract/pdf_reader.h"
#include "extract/reader.h"
#include "extract/sha256.h"
#include "extract/text_reader.h"
#include "extract/tnef_reader.h"
#include "extract/xlsx_reader.h"
#include "extract/zip_reader.h"

namespace foicode::extract {
namespace {

ReadResult ReadAs(Kind kind, std::string_view bytes, std::string_view charset,
                  ReadContext& context) {
  switch (kind) {
    case Kind::kPdf: return ReadPdf(bytes, context);
    case Kind::kEml: return ReadMail(bytes, context);
    case Kind::kMsg: return ReadMsg(bytes, context);
    case Kind::kTnef: return ReadTnef(bytes, context);
    case Kind::kZip: return ReadZip(bytes, context);
    case Kind::kDocx: return ReadDocx(bytes, context);
    case Kind::kXlsx: return ReadXlsx(bytes, context);
    case Kind::kCsv: return ReadCsv(bytes, context, charset);
    case Kind::kTxt: return ReadPlainText(bytes, context, charset);
    case Kind::kHtml: return ReadHtml(bytes, context, charset);
    case Kind::kImage: return ReadImage(bytes, context);
    case Kind::kUnknown: break;
  }
  return ReadResult{};
}

// A container's name for a file is a label: strip what would confuse a reader of the
// label (control characters, path separators are kept as text), and bound its length.
std::string CleanName(std::string_view raw, int index) {
  std::string name;
  for (unsigned char c : raw) {
    if (c >= 0x20 && c != 0x7f) name.push_back(static_cast<char>(c));
  }
  if (name.size() > 200) {
    // Cut on a character boundary, not inside a UTF-8 sequence.
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  if (name.empty()) name = "attachment " + std::to_string(index);
  return name;
}

std::string OutOfMemory() {
  return "ran out of memory while reading (" + LimitNote("worker_memory_bytes") + ")";
}

class SourceReader {
 public:
  SourceReader(const Limits& limits, const ProgressFunction& progress, ExtractedSource* source)
      : context_(limits), source_(source) {
    context_.progress = progress;
  }

  // `label` names the bytes for type detection (only its extension is used); `declared_mime`
  // and `charset` are what the enclosing container says about them.
  Kind top_kind() const { return top_kind_; }

  void Read(const std::optional<std::string>& name, std::string_view label,
            std::string_view bytes, std::string_view declared_mime, std::string_view charset,
            int depth);

 private:
  std::string UniqueName(std::string name) {
    std::string candidate = name;
    for (int n = 2; !used_names_.insert(candidate).second; ++n) {
      candidate = name + " (" + std::to_string(n) + ")";
    }
    return candidate;
  }

  ReadContext context_;
  ExtractedSource* source_;
  Kind top_kind_ = Kind::kUnknown;  // what the input itself was detected as
  std::set<std::string> used_names_;
  bool part_limit_reported_ = false;
};

void SourceReader::Read(const std::optional<std::string>& name, std::string_view label,
                        std::string_view bytes, std::string_view declared_mime,
                        std::string_view charset, int depth) {
  const Limits& limits = context_.limits;
  Part part;
  part.name = name;
  const DetectedKind detected = DetectKind(label, bytes, declared_mime);
  part.kind = detected.kind;
  if (depth == 0) top_kind_ = detected.kind;

  context_.part_name = name.value_or("");
  if (context_.progress) context_.progress(name ? "'" + *name + "'" : "the start of the file");
  ReadResult result;
  if (bytes.empty()) {
    result.error = "empty file (0 bytes)";
  } else if (detected.kind == Kind::kUnknown) {
    result.error = "unsupported file type: " +
                   (detected.description.empty() ? std::string("unrecognised content")
                                                 : detected.description);
  } else {
    try {
      result = ReadAs(detected.kind, bytes, charset, context_);
    } catch (const std::bad_alloc&) {
      result = ReadResult{};
      result.error = OutOfMemory();
    } catch (const std::exception& e) {
      // Readers are written not to throw; this keeps a library surprise to this part.
      result = ReadResult{};
      result.error = std::string("internal error while reading: ") + e.what();
    } catch (...) {
      result = ReadResult{};
      result.error = "internal error while reading";
    }
  }
  if (detected.by_extension != Kind::kUnknown && detected.kind != Kind::kUnknown &&
      detected.by_extension != detected.kind &&
      !(detected.by_extension == Kind::kTxt && detected.kind == Kind::kCsv)) {
    part.flags.push_back(Flag{std::string(flag_codes::kTypeMismatch),
                              "The name says " + std::string(KindName(detected.by_extension)) +
                                  " but the content is " + std::string(KindName(detected.kind)) +
                                  "; it was read as " + std::string(KindName(detected.kind)) + "."});
  }
  part.pages = std::move(result.pages);
  part.headers = std::move(result.headers);
  part.error = std::move(result.error);
  for (auto& f : result.flags) part.flags.push_back(std::move(f));

  // A container with no text of its own (a zip) is represented by its entries alone.
  const bool container = detected.kind == Kind::kZip || detected.kind == Kind::kTnef;
  if (!(container && part.pages.empty() && !part.error && part.flags.empty())) {
    source_->parts.push_back(std::move(part));
  }

  int index = 0;
  for (Attachment& attachment : result.attachments) {
    ++index;
    const std::string child_label = CleanName(attachment.name, index);
    const std::string child_name = UniqueName(name ? *name + "/" + child_label : child_label);
    if (static_cast<int>(source_->parts.size()) >= limits.max_parts) {
      if (!part_limit_reported_) {
        part_limit_reported_ = true;
        source_->parts.push_back(Part{
            .name = child_name, .kind = Kind::kUnknown, .pages = {}, .headers = {},
            .error = "not read: this input has more than " + std::to_string(limits.max_parts) +
                     " parts (" + LimitNote("max_parts") + "); later parts were skipped",
            .flags = {Flag{std::string(flag_codes::kLimitReached),
                           "Parts after the first " + std::to_string(limits.max_parts) +
                               " were not read."}}});
      }
      break;
    }
    if (depth + 1 > limits.max_depth) {
      source_->parts.push_back(Part{
          .name = child_name, .kind = Kind::kUnknown, .pages = {}, .headers = {},
          .error = "not read: nested more than " + std::to_string(limits.max_depth) +
                   " containers deep (" + LimitNote("max_depth") + ")",
          .flags = {Flag{std::string(flag_codes::kLimitReached),
                         "This attachment is nested too deep to read."}}});
      continue;
    }
    Read(child_name, child_label, attachment.bytes, attachment.mime_type, attachment.charset,
         depth + 1);
    std::string().swap(attachment.bytes);  // free each attachment once it is read
  }
}

std::string SummariseErrors(const ExtractedSource& source) {
  std::string summary;
  for (const Part& part : source.parts) {
    if (!part.error) continue;
    if (!summary.empty()) summary += "; ";
    summary += part.name ? *part.name + ": " + *part.error : *part.error;
  }
  return summary;
}

}  // namespace

ExtractedSource ExtractSource(std::string_view path, std::string_view bytes, const Limits& limits) {
  return ExtractSource(path, bytes, limits, nullptr);
}

ExtractedSource ExtractSource(std::string_view path, std::string_view bytes, const Limits& limits,
                              const ProgressFunction& progress) {
  ExtractedSource source;
  source.path = std::string(path);
  source.sha256 = Sha256Hex(bytes);
  if (bytes.size() > limits.max_file_bytes) {
    source.error = "file is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
                   std::to_string(limits.max_file_bytes) + " (" + LimitNote("max_file_bytes") + ")";
    return source;
  }
  try {
    SourceReader reader(limits, progress, &source);
    // The input's own label is its path: only the extension is used, for detection.
    reader.Read(std::nullopt, path, bytes, "", "", 0);
    source.kind = reader.top_kind();
  } catch (const std::bad_alloc&) {
    source.parts.clear();
    source.error = OutOfMemory();
    return source;
  } catch (const std::exception& e) {
    // A library surprise outside a reader: this input is lost, not the batch.
    source.parts.clear();
    source.error = std::string("internal error while reading: ") + e.what();
    return source;
  }
  const std::string errors = SummariseErrors(source);
  if (!errors.empty()) source.error = errors;
  return source;
}

ExtractedSource UnreadableSource(std::string_view path, std::string_view sha256,
                                 std::string_view error) {
  ExtractedSource source;
  source.path = std::string(path);
  source.sha256 = std::string(sha256);
  source.error = std::string(error);
  return source;
}

}  // namespace foicode::extract
