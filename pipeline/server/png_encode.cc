// PNG encoding with libpng, writing to a string instead of a file.
#include "server/png_encode.h"

#include <png.h>

#include <csetjmp>

namespace foicode::server {
namespace {

void AppendToString(png_structp png, png_bytep data, png_size_t length) {
  static_cast<std::string*>(png_get_io_ptr(png))
      ->append(reinterpret_cast<const char*>(data), length);
}

void NoFlush(png_structp /*png*/) {}

}  // namespace

std::optional<std::string> EncodePng(const RgbView& image) {
  if (image.pixels == nullptr || image.width <= 0 || image.height <= 0 ||
      image.stride < image.width * 3) {
    return std::nullopt;
  }
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (png == nullptr) return std::nullopt;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    return std::nullopt;
  }
  std::string out;
  // libpng reports errors by longjmp; nothing with a destructor is created past this point.
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return std::nullopt;
  }
  png_set_write_fn(png, &out, &AppendToString, &NoFlush);
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width),
               static_cast<png_uint_32>(image.height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  // Speed over size: the image travels over loopback, once.
  png_set_compression_level(png, 3);
  png_write_info(png, info);
  for (int y = 0; y < image.height; ++y) {
    // libpng's API takes non-const rows but only reads them when writing.
    png_write_row(
        png, const_cast<png_bytep>(image.pixels + static_cast<std::ptrdiff_t>(y) * image.stride));
  }
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace foicode::server
