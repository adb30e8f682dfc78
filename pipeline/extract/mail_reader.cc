#include "extract/mail_reader.h"

namespace foicode::extract {

ReadResult ReadMail(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadMail: this form is not read yet";
  return r;
}

}  // namespace foicode::extract
