// Fuzzes the e-mail (MIME) reader: ReadMail on arbitrary bytes, with the default limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/mail_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const foicode::extract::Limits limits;
  foicode::extract::ReadContext context(limits);
  foicode::extract::ReadMail(std::string_view(reinterpret_cast<const char*>(data), size), context);
  return 0;
}
