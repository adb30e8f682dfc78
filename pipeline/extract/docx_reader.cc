#include "extract/docx_reader.h"

namespace foicode::extract {

ReadResult ReadDocx(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadDocx: this form is not read yet";
  return r;
}

}  // namespace foicode::extract
