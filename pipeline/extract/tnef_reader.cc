#include "extract/tnef_reader.h"

namespace foicode::extract {

ReadResult ReadTnef(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadTnef: this form is not read yet";
  return r;
}

}  // namespace foicode::extract
