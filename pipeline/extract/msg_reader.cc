#include "extract/msg_reader.h"

namespace foicode::extract {

ReadResult ReadMsg(std::string_view, ReadContext&) {
  ReadResult r;
  r.error = "ReadMsg: this form is not read yet";
  return r;
}

}  // namespace foicode::extract
