// PDF pages to text with poppler-cpp: word boxes laid out as lines, OCR where the text layer
// is missing or junk, Poppler's complaints turned into flags and errors.
#include "extract/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/stage_times.h"
#include "core/utf8.h"
#include "extract/limits.h"
#include "extract/ocr.h"
#include "extract/page_text.h"
#include "extract/pdf_lines.h"
#include "extract/pdf_quality.h"

namespace foicode::extract {
namespace {

// Messages kept per input: enough to explain a failure, bounded against a file that makes
// Poppler complain once per object.
constexpr std::size_t kMaxMessages = 50;
// A page rendered smaller than this cannot be read by OCR anyway.
constexpr double kMinOcrDpi = 70;

struct PopplerMessages {
  std::vector<std::string> messages;
  int dropped = 0;
};

// Poppler has one process-wide error callback. Each reading thread points it at its own
// collector, so messages from concurrent reads never mix and nothing reaches stderr.
thread_local PopplerMessages* t_messages = nullptr;

void CollectPopplerMessage(const std::string& message, void* /*closure*/) {
  if (t_messages == nullptr) return;
  // A broken file makes Poppler say the same thing again and again: keep each once.
  const std::string text = ToValidUtf8(message.substr(0, 300));
  if (std::find(t_messages->messages.begin(), t_messages->messages.end(), text) !=
      t_messages->messages.end()) {
    return;
  }
  if (t_messages->messages.size() < kMaxMessages) {
    t_messages->messages.push_back(text);
  } else {
    ++t_messages->dropped;
  }
}

void InstallPopplerMessageHandler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&CollectPopplerMessage, nullptr); });
}

class ScopedMessageCollector {
 public:
  explicit ScopedMessageCollector(PopplerMessages* messages) : previous_(t_messages) {
    t_messages = messages;
  }
  ~ScopedMessageCollector() { t_messages = previous_; }
  ScopedMessageCollector(const ScopedMessageCollector&) = delete;
  ScopedMessageCollector& operator=(const ScopedMessageCollector&) = delete;

 private:
  PopplerMessages* previous_;
};

// Poppler prefixes every message with "error: " or "error (offset): ".
std::string StripPrefix(const std::string& message) {
  const std::size_t colon = message.find(": ");
  if (message.starts_with("error") && colon != std::string::npos) return message.substr(colon + 2);
  return message;
}

// The messages from index `from` on, each once (the same words at two offsets are one).
std::string DescribeMessages(const PopplerMessages& m, std::size_t from = 0) {
  std::vector<std::string> distinct;
  for (std::size_t i = from; i < m.messages.size(); ++i) {
    std::string text = StripPrefix(m.messages[i]);
    if (std::find(distinct.begin(), distinct.end(), text) == distinct.end()) {
      distinct.push_back(std::move(text));
    }
  }
  std::string out;
  const std::size_t shown = std::min<std::size_t>(distinct.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) {
    if (!out.empty()) out += "; ";
    out += distinct[i];
  }
  const std::size_t more = distinct.size() - shown + static_cast<std::size_t>(m.dropped);
  if (more > 0) out += " (and " + std::to_string(more) + " more)";
  return out;
}

// A %PDF- header (readers look in the first 1 KiB) but no %%EOF in the last 1 KiB: the file
// was cut short, in a download or an attachment that did not arrive whole.
bool LooksTruncated(std::string_view bytes) {
  const std::string_view tail = bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos &&
         tail.find("%%EOF") == std::string_view::npos;
}

// "7 0 R" for the object that holds the document catalog ("7 0 obj << /Type /Catalog"),
// found by scanning the bytes; empty when there is none in plain sight (it may sit in an
// object stream). A truncated file has lost the trailer that names it.
std::string FindCatalogReference(std::string_view bytes) {
  auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  for (std::size_t at = bytes.find("/Type"); at != std::string_view::npos;
       at = bytes.find("/Type", at + 5)) {
    std::size_t i = at + 5;
    while (i < bytes.size() && is_space(bytes[i])) ++i;
    if (bytes.substr(i, 8) != "/Catalog") continue;
    const std::size_t obj = bytes.rfind("obj", at);
    if (obj == std::string_view::npos || obj < 4 || bytes.substr(obj - 3, 3) == "end") continue;
    // Back over "<number> <generation> ".
    std::size_t j = obj;
    std::string numbers[2];
    for (std::string& number : numbers) {
      while (j > 0 && is_space(bytes[j - 1])) --j;
      const std::size_t end = j;
      while (j > 0 && std::isdigit(static_cast<unsigned char>(bytes[j - 1])) && end - j < 10) --j;
      number = std::string(bytes.substr(j, end - j));
    }
    if (numbers[0].empty() || numbers[1].empty()) continue;
    return numbers[1] + " " + numbers[0] + " R";
  }
  return "";
}

// Poppler rebuilds a broken or missing cross-reference table without saying so, so the damage
// it worked around is found here, by checking what a well-formed file ends with: startxref,
// pointing at an xref table or stream, then %%EOF. Empty when the end of the file is sound.
std::string DescribeStructureDamage(std::string_view bytes) {
  // Readers look for the trailer in the last 1 KiB too.
  const std::string_view tail = bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
  if (tail.find("%%EOF") == std::string_view::npos) return "no %%EOF at the end: truncated?";
  const std::size_t keyword = tail.rfind("startxref");
  if (keyword == std::string_view::npos) return "no startxref";
  std::size_t i = keyword + 9;
  while (i < tail.size() && std::isspace(static_cast<unsigned char>(tail[i]))) ++i;
  std::uint64_t offset = 0;
  std::size_t digits = 0;
  for (; i < tail.size() && std::isdigit(static_cast<unsigned char>(tail[i])) && digits < 19;
       ++i, ++digits) {
    offset = offset * 10 + static_cast<std::uint64_t>(tail[i] - '0');
  }
  if (digits == 0 || offset >= bytes.size()) return "startxref points outside the file";
  std::string_view at = bytes.substr(offset, 64);
  while (!at.empty() && std::isspace(static_cast<unsigned char>(at.front()))) at.remove_prefix(1);
  if (at.starts_with("xref")) return "";
  // An xref stream: "12 0 obj".
  std::size_t j = 0;
  int numbers = 0;
  while (numbers < 2) {
    const std::size_t start = j;
    while (j < at.size() && std::isdigit(static_cast<unsigned char>(at[j]))) ++j;
    if (j == start || j >= at.size() || at[j] != ' ') break;
    while (j < at.size() && at[j] == ' ') ++j;
    ++numbers;
  }
  if (numbers == 2 && at.substr(j).starts_with("obj")) return "";
  return "startxref does not point to a cross-reference table";
}

// ustring::to_utf8 opens an iconv converter on every call, once per word, which cost more than
// Poppler's own text layout; ICU converts the UTF-16 directly (a lone surrogate becomes U+FFFD).
std::string Utf8(const poppler::ustring& text) {
  if (text.empty()) return "";
  static_assert(sizeof(poppler::ustring::value_type) == sizeof(UChar));
  std::string out(text.size() * 3, '\0');
  int32_t length = 0;
  UErrorCode error = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &length,
                     reinterpret_cast<const UChar*>(text.data()), static_cast<int32_t>(text.size()), 0xFFFD,
                     nullptr, &error);
  if (U_FAILURE(error)) {
    const poppler::byte_array bytes = text.to_utf8();
    return ToValidUtf8(std::string_view(bytes.data(), bytes.size()));
  }
  out.resize(static_cast<std::size_t>(length));
  return out;
}

std::vector<WordBox> PageWords(const poppler::page& page) {
  std::vector<WordBox> words;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::rectf r = box.bbox();
    WordBox w;
    w.text = Utf8(box.text());
    w.x0 = std::min(r.left(), r.right());
    w.x1 = std::max(r.left(), r.right());
    w.y0 = std::min(r.top(), r.bottom());
    w.y1 = std::max(r.top(), r.bottom());
    w.space_after = box.has_space_after();
    w.upright = box.rotation() == 0;
    words.push_back(std::move(w));
  }
  return words;
}

class PdfReader {
 public:
  PdfReader(const poppler::document& doc, ReadContext& context)
      : doc_(doc), context_(context), limits_(context.limits) {}

  void ReadPages(int count, ReadResult& result);

 private:
  // Reads the page by OCR into `page` when that gives better text; errors go to errors_.
  void TryOcr(const poppler::page& page, const std::string& why, Page& out);
  // Records that `page` could not be (fully) read; pages with the same problem share one
  // sentence, so a hostile file of 2000 bad pages gives one line, not 2000.
  void AddPageError(int page, const std::string& problem);

  const poppler::document& doc_;
  ReadContext& context_;
  const Limits& limits_;
  double ocr_seconds_ = 0;  // spent by this reader, added to context_ as whole seconds
  int ocr_seconds_before_ = 0;
  std::vector<std::pair<std::string, std::vector<int>>> errors_;  // problem, pages
  std::vector<int> ocr_pages_;
  std::vector<int> empty_pages_;     // no text at all and no OCR text
  std::vector<int> unread_junk_pages_;  // some text, but unusable, and OCR turned off
  std::vector<int> cut_pages_;       // over max_text_chars
  std::vector<int> unusable_pages_;  // text layer junk, OCR no better
};

void PdfReader::AddPageError(int page, const std::string& problem) {
  for (auto& [known, pages] : errors_) {
    if (known == problem) {
      pages.push_back(page);
      return;
    }
  }
  errors_.push_back({problem, {page}});
}

void PdfReader::ReadPages(int count, ReadResult& result) {
  ocr_seconds_before_ = context_.ocr_seconds_used;
  for (int i = 0; i < count; ++i) {
    Page out;
    out.number = i + 1;
    context_.StartingPage(i + 1, false);
    const std::size_t messages_before = t_messages != nullptr ? t_messages->messages.size() : 0;
    const std::unique_ptr<poppler::page> page(doc_.create_page(i));
    if (!page) {
      // Poppler's reason, said while loading the page or else while opening the file (a loop
      // in the page tree is found when the pages are counted).
      std::string reason;
      if (t_messages != nullptr) {
        reason = DescribeMessages(*t_messages, messages_before);
        if (reason.empty()) reason = DescribeMessages(*t_messages);
      }
      AddPageError(i + 1, "Poppler could not read the page" +
                              (reason.empty() ? std::string() : " (" + reason + ")"));
      result.pages.push_back(std::move(out));
      continue;
    }
    out.text = LayOutWords(PageWords(*page));
    const std::string why = WhyTextUnusable(out.text);
    if (!why.empty()) {
      context_.StartingPage(i + 1, true);
      TryOcr(*page, why, out);
    }
    if (!why.empty() && !out.ocr) {
      if (out.text.empty()) {
        empty_pages_.push_back(i + 1);
      } else if (!limits_.ocr_enabled) {
        unread_junk_pages_.push_back(i + 1);
      }
    }
    if (CutText(out.text, limits_.max_text_chars)) cut_pages_.push_back(i + 1);
    result.pages.push_back(std::move(out));
  }
  if (!ocr_pages_.empty()) {
    result.flags.push_back(Flag{std::string(flag_codes::kTextFromOcr),
                                "Text of " + PageList(ocr_pages_) +
                                    " was read by OCR from the page image; check quotes "
                                    "against the PDF."});
  }
  if (!empty_pages_.empty()) {
    result.flags.push_back(
        Flag{std::string(flag_codes::kPartUnreadable),
             "No text could be read from " + PageList(empty_pages_) +
                 (limits_.ocr_enabled ? "." : " (no text layer, and OCR is turned off).")});
  }
  if (!unread_junk_pages_.empty()) {
    result.flags.push_back(
        Flag{std::string(flag_codes::kPartUnreadable),
             "The text layer of " + PageList(unread_junk_pages_) +
                 " is too short or looks damaged, and OCR is turned off: the text kept may be "
                 "wrong or incomplete."});
  }
  if (!unusable_pages_.empty()) {
    result.flags.push_back(
        Flag{std::string(flag_codes::kPartUnreadable),
             "The text layer of " + PageList(unusable_pages_) +
                 " looks damaged (unmapped font glyphs) and OCR did not read it better."});
  }
  if (!cut_pages_.empty()) {
    result.flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                                "The text of " + PageList(cut_pages_) + " was cut at " +
                                    std::to_string(limits_.max_text_chars) +
                                    " characters (" + LimitNote("max_text_chars") + ")."});
  }
  if (!errors_.empty()) {
    std::string joined;
    for (const auto& [problem, pages] : errors_) {
      joined += (joined.empty() ? "" : "; ") + PageList(pages) + ": " + problem;
    }
    result.error = joined;
  }
}

void PdfReader::TryOcr(const poppler::page& page, const std::string& why, Page& out) {
  const int number = *out.number;
  if (!limits_.ocr_enabled) return;
  const int used = ocr_seconds_before_ + static_cast<int>(std::ceil(ocr_seconds_));
  const int left = limits_.ocr_seconds_per_input - used;
  if (left <= 0) {
    AddPageError(number, why +
                             ", and not read by OCR: OCR time for this input ran out after " +
                             std::to_string(limits_.ocr_seconds_per_input) + " s (" +
                             LimitNote("ocr_seconds_per_input") + ")");
    return;
  }
  // A hostile MediaBox can ask for a render of billions of pixels: lower the resolution
  // instead, down to what OCR can still read.
  const poppler::rectf box = page.page_rect(poppler::media_box);
  const double width_in = std::abs(box.width()) / 72.0;
  const double height_in = std::abs(box.height()) / 72.0;
  double dpi = limits_.ocr_dpi;
  const double pixels = width_in * dpi * height_in * dpi;
  if (pixels > static_cast<double>(limits_.max_image_pixels)) {
    dpi *= std::sqrt(static_cast<double>(limits_.max_image_pixels) / pixels);
  }
  if (dpi < kMinOcrDpi || width_in <= 0 || height_in <= 0) {
    AddPageError(number,
                 why + ", and too large to render for OCR (" + LimitNote("max_image_pixels") + ")");
    return;
  }
  const auto start = std::chrono::steady_clock::now();
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  poppler::image image = renderer.render_page(&page, dpi, dpi);
  OcrResult ocr;
  if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
    ocr.error = "the page could not be rendered for OCR";
  } else {
    const GrayImage gray{.pixels = reinterpret_cast<const unsigned char*>(image.const_data()),
                         .width = image.width(),
                         .height = image.height(),
                         .stride = image.bytes_per_row(),
                         .dpi = static_cast<int>(std::lround(dpi))};
    ocr = RecognisePage(gray, std::min(limits_.ocr_seconds_per_page, left));
  }
  AddStageTime(Stage::kOcr, std::chrono::steady_clock::now() - start);
  ocr_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  context_.ocr_seconds_used = ocr_seconds_before_ + static_cast<int>(std::ceil(ocr_seconds_));
  if (ocr.error) AddPageError(number, *ocr.error);
  // A damaged text layer is replaced only when OCR finds more words in it.
  if (MeasureText(ocr.text).word_letters > MeasureText(out.text).word_letters) {
    out.text = std::move(ocr.text);
    out.ocr = true;
    ocr_pages_.push_back(number);
  } else if (!ocr.error && (why == kJunkText || why == kNoWords)) {
    unusable_pages_.push_back(number);
  }
}

ReadResult ReadLoadedPdf(const poppler::document& doc, ReadContext& context) {
  ReadResult result;
  const int total = doc.pages();
  if (total <= 0) {
    result.error = "the PDF has no pages";
    return result;
  }
  const int count = std::min(total, std::max(context.limits.max_pages, 0));
  if (count < total) {
    result.flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                                "Only the first " + std::to_string(count) + " of " +
                                    std::to_string(total) + " pages were read (" +
                                    LimitNote("max_pages") + ")."});
  }
  PdfReader reader(doc, context);
  reader.ReadPages(count, result);
  return result;
}

}  // namespace

ReadResult ReadPdf(std::string_view bytes, ReadContext& context) {
  InstallPopplerMessageHandler();
  PopplerMessages messages;
  const ScopedMessageCollector collect(&messages);
  ReadResult result;
  try {
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
      result.error = "PDF is too large for Poppler to read (over 2 GiB)";
      return result;
    }
    // Poppler reads `bytes` in place: they outlive `doc`.
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    const bool truncated = LooksTruncated(bytes);
    // Poppler rebuilds a lost cross-reference table by scanning, but not without a trailer
    // naming the catalog, which is the first thing a cut file loses: given one, it recovers the
    // pages that arrived (as pdftotext does not).
    std::string completed;
    if (!doc && truncated) {
      if (const std::string root = FindCatalogReference(bytes); !root.empty()) {
        completed = std::string(bytes) + "\ntrailer\n<< /Root " + root + " >>\n%%EOF\n";
        doc.reset(poppler::document::load_from_raw_data(completed.data(),
                                                         static_cast<int>(completed.size())));
      }
    }
    if (!doc) {
      std::string error = "damaged or not a PDF: Poppler could not open it";
      if (!messages.messages.empty()) error += " (" + DescribeMessages(messages) + ")";
      if (truncated) {
        error += "; it looks truncated: it starts with %PDF- but has no %%EOF at its end";
      }
      result.error = error;
      return result;
    }
    if (doc->is_locked()) {
      result.error = "encrypted: a password is needed to open this PDF";
      return result;
    }
    result = ReadLoadedPdf(*doc, context);
    if (!completed.empty()) {
      const std::string note =
          "the PDF is truncated (it has no %%EOF at its end): only what Poppler could recover "
          "from the part that arrived was read, and it may be incomplete";
      result.error = result.error ? note + "; " + *result.error : note;
    }
  } catch (const std::exception& e) {
    result.error = std::string("internal error while reading the PDF: ") + e.what();
  }
  const std::string damage = DescribeStructureDamage(bytes);
  if (!damage.empty() || !messages.messages.empty()) {
    std::string message = damage.empty()
                              ? "Poppler reported problems in this PDF"
                              : "Poppler repaired this PDF's damaged structure (" + damage + ")";
    message += "; check that the text is complete";
    if (!messages.messages.empty()) message += ": " + DescribeMessages(messages);
    result.flags.push_back(Flag{std::string(flag_codes::kPdfRepaired), message + "."});
  }
  return result;
}

}  // namespace foicode::extract
