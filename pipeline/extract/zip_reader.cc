#include "extract/zip_reader.h"

namespace foicode::extract {

ReadResult ReadZip(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadZip: this form is not read yet";
  return r;
}

}  // namespace foicode::extract
