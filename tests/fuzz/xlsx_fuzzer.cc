// Fuzzes the Excel reader: ReadXlsx on arbitrary bytes (a ZIP of XML), with the default limits.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const foicode::extract::Limits limits;
  foicode::extract::ReadContext context(limits);
  foicode::extract::ReadXlsx(std::string_view(reinterpret_cast<const char*>(data), size), context);
  return 0;
}
