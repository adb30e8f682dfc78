// PNG encoding in memory (libpng), for page images sent straight to the browser.
#ifndef FOICODE_PIPELINE_SERVER_PNG_ENCODE_H_
#define FOICODE_PIPELINE_SERVER_PNG_ENCODE_H_

#include <optional>
#include <string>

namespace foicode::server {

// 8-bit RGB pixels, rows top to bottom, `stride` bytes apart (at least width * 3).
struct RgbView {
  const unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;
};

// The PNG file's bytes; nullopt when libpng fails (it should not for a valid view).
std::optional<std::string> EncodePng(const RgbView& image);

}  // namespace foicode::server

#endif  // FOICODE_PIPELINE_SERVER_PNG_ENCODE_H_
