#include "extract/part_name.h"

#include <cstdint>
#include <vector>

#include "core/flag.h"
#include "core/utf8.h"
#include "extract/page_text.h"

namespace foicode::extract {

std::string PartNameFromSubject(std::string_view subject, std::string_view extension) {
  // Long enough to tell messages apart, short enough to read in a path.
  constexpr std::uint64_t kMaxChars = 100;
  std::string name = ToValidUtf8(subject);
  for (char& c : name) {
    if (c == '/' || c == '\\') {
      c = '-';
    } else if (c == '\r' || c == '\n' || c == '\t') {
      c = ' ';
    }
  }
  const std::size_t begin = name.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  name.erase(0, begin);
  std::vector<Flag> unused;  // the name is a label: a cut one needs no flag
  CapText(name, kMaxChars, "", unused);
  name.erase(name.find_last_not_of(' ') + 1);
  if (!name.ends_with(extension)) name += extension;
  return name;
}

}  // namespace foicode::extract
