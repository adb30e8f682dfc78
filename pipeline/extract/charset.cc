#include "extract/charset.h"

namespace foicode::extract {

DecodedText DecodeToUtf8(std::string_view bytes, std::string_view) {
  return DecodedText{std::string(bytes), {}};
}

}  // namespace foicode::extract
