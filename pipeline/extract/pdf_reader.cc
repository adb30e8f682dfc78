#include "extract/pdf_reader.h"

namespace foicode::extract {

ReadResult ReadPdf(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadPdf: this form is not read yet";
  return r;
}

}  // namespace foicode::extract
