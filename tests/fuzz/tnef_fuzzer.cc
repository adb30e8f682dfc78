// Fuzzes the winmail.dat (TNEF) reader. ReadTnef parses in a forked child, which would hide
// both the coverage and the crashes from libFuzzer; ReadTnefInProcess is the same reader with
// libytnef called in this process.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/tnef_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const foicode::extract::Limits limits;
  foicode::extract::ReadContext context(limits);
  foicode::extract::ReadTnefInProcess(std::string_view(reinterpret_cast<const char*>(data), size),
                                      context);
  return 0;
}
