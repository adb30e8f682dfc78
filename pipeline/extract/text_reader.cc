#include "extract/text_reader.h"

namespace foicode::extract {

ReadResult ReadPlainText(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadPlainText: this form is not read yet";
  return r;
}

ReadResult ReadCsv(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadCsv: this form is not read yet";
  return r;
}

ReadResult ReadHtml(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadHtml: this form is not read yet";
  return r;
}

}  // namespace foicode::extract
