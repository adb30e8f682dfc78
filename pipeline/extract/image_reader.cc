// Scanned letters sent as pictures: header checked before decoding, then OCR per image page.
#include "extract/image_reader.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/stage_times.h"
#include "extract/limits.h"
#include "extract/ocr.h"
#include "extract/page_text.h"

namespace foicode::extract {
namespace {

// Smaller than this on either side is a logo, signature or icon: a page of text scanned at
// even 100 dpi is 827 x 1169 pixels, and a photographed letter is bigger still.
constexpr int kMinPageSide = 500;
// With no usable resolution in the file, assume the image is an A4 page's width.
constexpr double kA4WidthInches = 8.27;

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

bool IsTiff(l_int32 format) {
  switch (format) {
    case IFF_TIFF:
    case IFF_TIFF_PACKBITS:
    case IFF_TIFF_RLE:
    case IFF_TIFF_G3:
    case IFF_TIFF_G4:
    case IFF_TIFF_LZW:
    case IFF_TIFF_ZIP:
    case IFF_TIFF_JPEG:
      return true;
    default:
      return false;
  }
}

struct Header {
  l_int32 width = 0;
  l_int32 height = 0;
};

class ImageReader {
 public:
  ImageReader(std::string_view bytes, ReadContext& context)
      : data_(reinterpret_cast<const l_uint8*>(bytes.data())),
        size_(bytes.size()),
        context_(context),
        limits_(context.limits) {}

  ReadResult Read();

 private:
  // Decodes image `index` (the TIFF page, else 0) and reads it; false to stop, on an error.
  bool ReadOne(int index, bool tiff, const Header& header, ReadResult& result);
  // One flag each for the pages skipped as too small and the pages skipped with OCR off.
  void FlagSkippedPages(ReadResult& result) const;

  const l_uint8* data_;
  std::size_t size_;
  ReadContext& context_;
  const Limits& limits_;
  // Skipped pages (1-based) and, for a single image, its "W x H".
  std::vector<int> small_pages_;
  std::vector<int> ocr_off_pages_;
  std::string small_size_;
  std::string ocr_off_size_;
  bool tiff_ = false;
};

void ImageReader::FlagSkippedPages(ReadResult& result) const {
  if (!small_pages_.empty()) {
    std::string message;
    if (!tiff_) {
      message = "An image of " + small_size_ +
                " pixels is too small to be a page of text (a logo or signature?); it was not "
                "read.";
    } else if (small_pages_.size() == 1) {
      message = "Page " + std::to_string(small_pages_[0]) +
                " of this TIFF is too small to be a page of text (a logo or signature?); it was "
                "not read.";
    } else {
      message = "The TIFF's " + PageList(small_pages_) +
                " are too small to be pages of text (logos or signatures?); they were not read.";
    }
    result.flags.push_back(Flag{std::string(flag_codes::kImageNotRead), message});
  }
  if (!ocr_off_pages_.empty()) {
    std::string what;
    if (!tiff_) {
      what = "An image of " + ocr_off_size_ + " pixels was";
    } else if (ocr_off_pages_.size() == 1) {
      what = "Page " + std::to_string(ocr_off_pages_[0]) + " of this TIFF was";
    } else {
      what = "The TIFF's " + PageList(ocr_off_pages_) + " were";
    }
    result.flags.push_back(Flag{std::string(flag_codes::kImageNotRead),
                                what + " not read because OCR is turned off."});
  }
}

ReadResult ImageReader::Read() {
  SilenceLeptonica();
  ReadResult result;
  l_int32 format = 0;
  Header header;
  l_int32 bps = 0, spp = 0, cmap = 0;
  if (size_ < 8 ||
      pixReadHeaderMem(data_, size_, &format, &header.width, &header.height, &bps, &spp, &cmap) !=
          0 ||
      header.width <= 0 || header.height <= 0) {
    result.error = "damaged or unsupported image: its header could not be read";
    return result;
  }
  const bool tiff = IsTiff(format);
  tiff_ = tiff;
  bool stopped = false;  // by an error or the last page, before max_pages
  for (int index = 0; index < limits_.max_pages && !stopped; ++index) {
    if (index > 0) {
      l_int32 res = 0, format_n = 0;
      if (readHeaderMemTiff(data_, size_, index, &header.width, &header.height, &bps, &spp, &res,
                            &cmap, &format_n) != 0) {
        stopped = true;
        break;
      }
    }
    // A TIFF's first page is often a thumbnail or a cover logo: the letter follows, so a
    // skipped page does not stop the reading.
    stopped = !ReadOne(index, tiff, header, result) || !tiff;
  }
  FlagSkippedPages(result);
  l_int32 res = 0, format_n = 0;
  if (!stopped && readHeaderMemTiff(data_, size_, limits_.max_pages, &header.width,
                                    &header.height, &bps, &spp, &res, &cmap, &format_n) == 0) {
    result.flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                                "Only the first " + std::to_string(limits_.max_pages) +
                                    " pages of this TIFF were read (" +
                                    LimitNote("max_pages") + ")."});
  }
  return result;
}

bool ImageReader::ReadOne(int index, bool tiff, const Header& header, ReadResult& result) {
  const std::string size_text =
      std::to_string(header.width) + " x " + std::to_string(header.height);
  const std::uint64_t pixels =
      static_cast<std::uint64_t>(header.width) * static_cast<std::uint64_t>(header.height);
  if (pixels > limits_.max_image_pixels) {
    result.error = "image is " + size_text + " pixels, over the limit of " +
                   std::to_string(limits_.max_image_pixels) + " (" +
                   LimitNote("max_image_pixels") + ")";
    result.flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                                "An image of " + size_text + " pixels was not decoded."});
    return false;
  }
  if (header.width < kMinPageSide || header.height < kMinPageSide) {
    small_pages_.push_back(index + 1);
    small_size_ = size_text;
    return true;
  }
  if (!limits_.ocr_enabled) {
    ocr_off_pages_.push_back(index + 1);
    ocr_off_size_ = size_text;
    return true;
  }
  if (context_.ocr_seconds_used >= limits_.ocr_seconds_per_input) {
    result.error =
        "image not read by OCR: OCR time for this input ran out after " +
        std::to_string(limits_.ocr_seconds_per_input) + " s (" +
        LimitNote("ocr_seconds_per_input") + ")";
    return false;
  }
  const PixPtr pix(tiff ? pixReadMemTiff(data_, size_, index) : pixReadMem(data_, size_));
  if (!pix) {
    result.error = "damaged image: it could not be decoded";
    return false;
  }
  // Leptonica packs 8-bit pixels into native-endian 32-bit words; swapping gives plain byte
  // order, which is what Tesseract's raw-buffer SetImage expects.
  const PixPtr gray(pixConvertTo8(pix.get(), 0));
  if (!gray || pixEndianByteSwap(gray.get()) != 0) {
    result.error = "damaged image: it could not be converted to grayscale";
    return false;
  }
  l_int32 xres = pixGetXRes(pix.get());
  if (xres < 70 || xres > 1200) {
    xres = static_cast<l_int32>(std::lround(pixGetWidth(gray.get()) / kA4WidthInches));
    xres = std::clamp(xres, 70, 600);
  }
  const GrayImage image{.pixels = reinterpret_cast<const unsigned char*>(pixGetData(gray.get())),
                        .width = pixGetWidth(gray.get()),
                        .height = pixGetHeight(gray.get()),
                        .stride = pixGetWpl(gray.get()) * 4,
                        .dpi = xres};
  context_.StartingPage(index + 1, true);
  const auto start = std::chrono::steady_clock::now();
  OcrResult ocr =
      RecognisePage(image, std::min(limits_.ocr_seconds_per_page,
                                    limits_.ocr_seconds_per_input - context_.ocr_seconds_used));
  AddStageTime(Stage::kOcr, std::chrono::steady_clock::now() - start);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  context_.ocr_seconds_used += static_cast<int>(std::ceil(seconds));
  if (ocr.error) {
    result.error = (tiff ? "page " + std::to_string(index + 1) + ": " : std::string()) + *ocr.error;
  }
  Page page;
  page.number = index + 1;
  page.text = std::move(ocr.text);
  page.ocr = true;
  const bool first = result.pages.empty();
  result.pages.push_back(std::move(page));
  if (first) {
    result.flags.push_back(Flag{std::string(flag_codes::kTextFromOcr),
                                "The text of this image was read by OCR; check quotes against "
                                "the image."});
  }
  return !ocr.error;
}

}  // namespace

ReadResult ReadImage(std::string_view bytes, ReadContext& context) {
  try {
    ImageReader reader(bytes, context);
    return reader.Read();
  } catch (const std::exception& e) {
    ReadResult result;
    result.error = std::string("internal error while reading the image: ") + e.what();
    return result;
  }
}

}  // namespace foicode::extract
