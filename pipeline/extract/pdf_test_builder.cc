// Test-only PDF writer, page renderer and image encoder.
#include "extract/pdf_test_builder.h"

#include <glib.h>
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

namespace foicode::extract::testpdf {
namespace {

constexpr std::array<std::uint8_t, 32> kPasswordPad = {
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A};
constexpr char kFileId[] = "foicode-test-id!";  // 16 bytes
constexpr std::int32_t kPermissions = -4;       // everything allowed

std::string Md5(const std::string& data) {
  const std::unique_ptr<GChecksum, decltype(&g_checksum_free)> sum(g_checksum_new(G_CHECKSUM_MD5),
                                                                   &g_checksum_free);
  g_checksum_update(sum.get(), reinterpret_cast<const guchar*>(data.data()),
                    static_cast<gssize>(data.size()));
  std::array<guint8, 16> digest{};
  gsize length = digest.size();
  g_checksum_get_digest(sum.get(), digest.data(), &length);
  return std::string(reinterpret_cast<const char*>(digest.data()), length);
}

std::string Rc4(const std::string& key, const std::string& data) {
  std::array<std::uint8_t, 256> s{};
  for (int i = 0; i < 256; ++i) s[i] = static_cast<std::uint8_t>(i);
  for (int i = 0, j = 0; i < 256; ++i) {
    j = (j + s[i] + static_cast<std::uint8_t>(key[i % key.size()])) & 0xFF;
    std::swap(s[i], s[j]);
  }
  std::string out = data;
  int i = 0, j = 0;
  for (char& c : out) {
    i = (i + 1) & 0xFF;
    j = (j + s[i]) & 0xFF;
    std::swap(s[i], s[j]);
    c = static_cast<char>(static_cast<std::uint8_t>(c) ^ s[(s[i] + s[j]) & 0xFF]);
  }
  return out;
}

std::string Padded(const std::string& password) {
  std::string out = password.substr(0, 32);
  out.append(reinterpret_cast<const char*>(kPasswordPad.data()), 32 - out.size());
  return out;
}

std::string Hex(const std::string& bytes) {
  std::string out;
  char buf[3];
  for (unsigned char c : bytes) {
    std::snprintf(buf, sizeof buf, "%02X", c);
    out += buf;
  }
  return out;
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

class Writer {
 public:
  explicit Writer(const std::optional<Encryption>& encryption) {
    if (!encryption) return;
    const std::string owner_key = Md5(Padded(encryption->owner_password)).substr(0, 5);
    owner_entry_ = Rc4(owner_key, Padded(encryption->user_password));
    std::string seed = Padded(encryption->user_password) + owner_entry_;
    for (int b = 0; b < 4; ++b) {
      seed += static_cast<char>((static_cast<std::uint32_t>(kPermissions) >> (8 * b)) & 0xFF);
    }
    seed += std::string(kFileId, 16);
    key_ = Md5(seed).substr(0, 5);
    user_entry_ = Rc4(key_, Padded(""));
  }

  // Reserves an object number.
  int Reserve() { return ++reserved_; }

  void Object(int number, const std::string& body) { Put(number, body + "\n"); }

  void Stream(int number, const std::string& dict_entries, const std::string& data) {
    std::string bytes = data;
    if (!key_.empty()) {
      std::string seed = key_;
      seed += static_cast<char>(number & 0xFF);
      seed += static_cast<char>((number >> 8) & 0xFF);
      seed += static_cast<char>((number >> 16) & 0xFF);
      seed += std::string(2, '\0');
      bytes = Rc4(Md5(seed).substr(0, 10), data);
    }
    Put(number, "<< " + dict_entries + " /Length " + std::to_string(bytes.size()) +
                    " >>\nstream\n" + bytes + "\nendstream\n");
  }

  std::string Finish(int root) {
    std::string trailer_extra;
    if (!key_.empty()) {
      const int encrypt = Reserve();
      Object(encrypt, "<< /Filter /Standard /V 1 /R 2 /O <" + Hex(owner_entry_) + "> /U <" +
                          Hex(user_entry_) + "> /P " + std::to_string(kPermissions) + " >>");
      trailer_extra = " /Encrypt " + std::to_string(encrypt) + " 0 R /ID [<" +
                      Hex(std::string(kFileId, 16)) + "> <" + Hex(std::string(kFileId, 16)) + ">]";
    }
    const std::size_t count = bodies_.size();
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets(count + 1, 0);
    for (std::size_t n = 1; n <= count; ++n) {
      offsets[n] = out.size();
      out += std::to_string(n) + " 0 obj\n" + bodies_[n - 1] + "endobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(count + 1) + "\n0000000000 65535 f \n";
    char line[32];
    for (std::size_t n = 1; n <= count; ++n) {
      std::snprintf(line, sizeof line, "%010zu 00000 n \n", offsets[n]);
      out += line;
    }
    out += "trailer\n<< /Size " + std::to_string(count + 1) + " /Root " + std::to_string(root) +
           " 0 R" + trailer_extra + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
  }

 private:
  void Put(int number, std::string body) {
    if (bodies_.size() < static_cast<std::size_t>(number))
      bodies_.resize(static_cast<std::size_t>(number));
    bodies_[static_cast<std::size_t>(number) - 1] = std::move(body);
  }

  int reserved_ = 0;
  std::vector<std::string> bodies_;
  std::string key_;
  std::string owner_entry_;
  std::string user_entry_;
};

}  // namespace

std::string BuildPdf(const std::vector<PageSpec>& pages,
                     const std::optional<Encryption>& encryption) {
  Writer w(encryption);
  const int catalog = w.Reserve();
  const int tree = w.Reserve();
  const int font = w.Reserve();
  std::string kids;
  for (const PageSpec& spec : pages) {
    const int page = w.Reserve();
    const int content = w.Reserve();
    const int image = spec.image ? w.Reserve() : 0;
    kids += std::to_string(page) + " 0 R ";
    std::string ops;
    std::string resources = "/Font << /F1 " + std::to_string(font) + " 0 R >>";
    if (spec.image) {
      ops += "q " + Number(spec.width) + " 0 0 " + Number(spec.height) + " 0 0 cm /Im0 Do Q\n";
      resources += " /XObject << /Im0 " + std::to_string(image) + " 0 R >>";
      w.Stream(image,
               "/Type /XObject /Subtype /Image /Width " + std::to_string(spec.image->width) +
                   " /Height " + std::to_string(spec.image->height) +
                   " /ColorSpace /DeviceGray /BitsPerComponent 8",
               spec.image->pixels);
    }
    for (const TextRun& run : spec.text) {
      ops += "BT /F1 " + Number(run.size) + " Tf 1 0 0 1 " + Number(run.x) + " " +
             Number(spec.height - run.y) + " Tm (" + Escape(run.text) + ") Tj ET\n";
    }
    ops += spec.extra_operators;
    w.Stream(content, "", ops);
    w.Object(page, "<< /Type /Page /Parent " + std::to_string(tree) + " 0 R /MediaBox [0 0 " +
                       Number(spec.width) + " " + Number(spec.height) + "] /Resources << " +
                       resources + " >> /Contents " + std::to_string(content) + " 0 R >>");
  }
  w.Object(catalog, "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>");
  w.Object(tree,
           "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>");
  w.Object(font,
           "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
           "/BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl /ffi] >> >>");
  return w.Finish(catalog);
}

GrayPixels RenderPage(const std::string& pdf, double dpi) {
  GrayPixels out;
  const std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc || doc->pages() < 1) return out;
  const std::unique_ptr<poppler::page> page(doc->create_page(0));
  if (!page) return out;
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid()) return out;
  out.width = image.width();
  out.height = image.height();
  for (int y = 0; y < out.height; ++y) {
    out.pixels.append(image.const_data() + static_cast<std::ptrdiff_t>(y) * image.bytes_per_row(),
                      static_cast<std::size_t>(out.width));
  }
  return out;
}

std::string EncodeImage(const GrayPixels& image, int iff) {
  struct PixDeleter {
    void operator()(PIX* p) const { pixDestroy(&p); }
  };
  const std::unique_ptr<PIX, PixDeleter> pix(pixCreate(image.width, image.height, 8));
  if (!pix) return "";
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      pixSetPixel(
          pix.get(), x, y,
          static_cast<std::uint8_t>(image.pixels[static_cast<std::size_t>(y) * image.width + x]));
    }
  }
  std::unique_ptr<PIX, PixDeleter> to_write;
  if (iff == IFF_TIFF_G4 || iff == IFF_TIFF_G3) {
    to_write.reset(pixThresholdToBinary(pix.get(), 128));
  } else {
    to_write.reset(pixClone(pix.get()));
  }
  l_uint8* data = nullptr;
  size_t size = 0;
  if (!to_write || pixWriteMem(&data, &size, to_write.get(), iff) != 0) return "";
  const std::unique_ptr<l_uint8, decltype(&lept_free)> owned(data, &lept_free);
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace foicode::extract::testpdf
