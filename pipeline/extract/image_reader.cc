#include "extract/image_reader.h"

namespace foicode::extract {

ReadResult ReadImage(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadImage: this form is not read yet";
  return r;
}

}  // namespace foicode::extract
