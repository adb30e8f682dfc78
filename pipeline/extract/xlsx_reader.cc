#include "extract/xlsx_reader.h"

namespace foicode::extract {

ReadResult ReadXlsx(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadXlsx: this form is not read yet";
  return r;
}

}  // namespace foicode::extract
