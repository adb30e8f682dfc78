// Page images and quote boxes with poppler-cpp.
#include "server/page_image.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>

#include "core/folded_text.h"
#include "core/utf8.h"
#include "server/png_encode.h"

namespace foicode::server {
namespace {

// One opened page and the resolution it is shown at.
struct LoadedPage {
  std::unique_ptr<poppler::document> doc;
  std::unique_ptr<poppler::page> page;
  double dpi = 0;
  int width = 0;  // pixels, as the renderer makes them at `dpi`
  int height = 0;
};

// Poppler reads `pdf` in place: it must outlive the returned document.
Status LoadPage(std::string_view pdf, int number, const PageImageLimits& limits, LoadedPage* out) {
  if (pdf.size() > limits.max_pdf_bytes || pdf.size() > static_cast<std::size_t>(INT_MAX)) {
    return Status::Error("the PDF is too large to show");
  }
  if (number < 1 || number > limits.max_pages) {
    return Status::Error("page " + std::to_string(number) + " is out of range");
  }
  out->doc.reset(poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!out->doc) return Status::Error("damaged or not a PDF: Poppler could not open it");
  if (out->doc->is_locked()) return Status::Error("the PDF is encrypted: it needs a password");
  const int pages = out->doc->pages();
  if (number > pages) {
    return Status::Error("page " + std::to_string(number) + " is not in this PDF (it has " +
                         std::to_string(pages) + ")");
  }
  out->page.reset(out->doc->create_page(number - 1));
  if (!out->page) return Status::Error("page " + std::to_string(number) + " cannot be read");
  // The renderer applies the page's /Rotate, so a landscape page is drawn on its side.
  const poppler::rectf box = out->page->page_rect(poppler::crop_box);
  double width_pt = std::abs(box.width());
  double height_pt = std::abs(box.height());
  const poppler::page::orientation_enum o = out->page->orientation();
  if (o == poppler::page::landscape || o == poppler::page::seascape) {
    std::swap(width_pt, height_pt);
  }
  if (!(width_pt > 0) || !(height_pt > 0)) return Status::Error("the page has no size");
  const double longest = std::max(width_pt, height_pt);
  out->dpi = std::min(limits.dpi, limits.max_side_pixels * 72.0 / longest);
  if (out->dpi < limits.min_dpi) return Status::Error("the page is too large to show");
  // Poppler's Splash output rounds the bitmap's size to the nearest pixel.
  out->width = static_cast<int>(std::lround(width_pt * out->dpi / 72.0));
  out->height = static_cast<int>(std::lround(height_pt * out->dpi / 72.0));
  return Status::Ok();
}

// The comparable form of a word: folded (case, ligatures, dashes), then only letters and
// digits kept. Bytes of non-ASCII letters are kept as they are.
std::string MatchKey(std::string_view text) {
  // A quote may come from a request's URL: any bytes at all.
  const FoldedText folded(ToValidUtf8(text));
  std::string key;
  for (const char c : folded.text()) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || u >= 0x80) key += c;
  }
  return key;
}

std::string Utf8(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.data(), bytes.size());
}

}  // namespace

Status RenderPdfPage(std::string_view pdf, int page, PageImage* out,
                     const PageImageLimits& limits) {
  LoadedPage loaded;
  if (Status s = LoadPage(pdf, page, limits, &loaded); !s.ok()) return s;
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_argb32);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image image = renderer.render_page(loaded.page.get(), loaded.dpi, loaded.dpi);
  if (!image.is_valid() || image.format() != poppler::image::format_argb32) {
    return Status::Error("page " + std::to_string(page) + " could not be rendered");
  }
  const int width = image.width();
  const int height = image.height();
  // ARGB32 is one native-endian 32-bit word per pixel; PNG wants R, G, B bytes.
  std::string rgb(static_cast<std::size_t>(width) * height * 3, '\0');
  for (int y = 0; y < height; ++y) {
    const char* row = image.const_data() + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row();
    for (int x = 0; x < width; ++x) {
      std::uint32_t argb = 0;
      std::memcpy(&argb, row + static_cast<std::ptrdiff_t>(x) * 4, 4);
      const std::size_t at = (static_cast<std::size_t>(y) * width + x) * 3;
      rgb[at] = static_cast<char>((argb >> 16) & 0xFF);
      rgb[at + 1] = static_cast<char>((argb >> 8) & 0xFF);
      rgb[at + 2] = static_cast<char>(argb & 0xFF);
    }
  }
  std::optional<std::string> png =
      EncodePng(RgbView{.pixels = reinterpret_cast<const unsigned char*>(rgb.data()),
                        .width = width,
                        .height = height,
                        .stride = width * 3});
  if (!png) return Status::Error("page " + std::to_string(page) + " could not be encoded");
  out->png = std::move(*png);
  out->width = width;
  out->height = height;
  return Status::Ok();
}

Status FindQuoteBoxes(std::string_view pdf, int page, std::string_view quote, QuoteBoxes* out,
                      const PageImageLimits& limits) {
  LoadedPage loaded;
  if (Status s = LoadPage(pdf, page, limits, &loaded); !s.ok()) return s;
  out->width = loaded.width;
  out->height = loaded.height;
  out->boxes.clear();
  const std::vector<poppler::text_box> text = loaded.page->text_list();
  std::vector<std::string> words;
  words.reserve(text.size());
  for (const poppler::text_box& box : text) words.push_back(Utf8(box.text()));
  const double scale = loaded.dpi / 72.0;
  for (const int i : MatchQuoteWords(words, quote)) {
    const poppler::rectf r = text[i].bbox();
    const double x0 = std::min(r.left(), r.right());
    const double y0 = std::min(r.top(), r.bottom());
    out->boxes.push_back(WordBox{.x = x0 * scale,
                                 .y = y0 * scale,
                                 .w = std::abs(r.width()) * scale,
                                 .h = std::abs(r.height()) * scale});
  }
  return Status::Ok();
}

std::vector<int> MatchQuoteWords(const std::vector<std::string>& page_words,
                                 std::string_view quote) {
  const std::string needle = MatchKey(quote);
  if (needle.empty()) return {};
  // The page's words run together, each byte remembering its word.
  std::string hay;
  std::vector<int> owner;
  std::vector<bool> word_start;
  for (std::size_t w = 0; w < page_words.size(); ++w) {
    const std::string key = MatchKey(page_words[w]);
    for (std::size_t i = 0; i < key.size(); ++i) {
      hay += key[i];
      owner.push_back(static_cast<int>(w));
      word_start.push_back(i == 0);
    }
  }
  std::size_t best = std::string::npos;
  int best_score = -1;
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    const std::size_t end = at + needle.size();
    const int score = (word_start[at] ? 1 : 0) + (end == hay.size() || word_start[end] ? 1 : 0);
    if (score > best_score) {
      best = at;
      best_score = score;
      if (score == 2) break;
    }
  }
  if (best == std::string::npos) return {};
  std::vector<int> out;
  for (std::size_t i = best; i < best + needle.size(); ++i) {
    if (out.empty() || out.back() != owner[i]) out.push_back(owner[i]);
  }
  return out;
}

}  // namespace foicode::server
