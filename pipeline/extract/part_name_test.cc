// Tests for PartNameFromSubject.
#include "extract/part_name.h"

#include <gtest/gtest.h>

#include <string>

namespace foicode::extract {
namespace {

TEST(PartNameTest, SubjectBecomesOneSafeLabel) {
  const struct {
    std::string subject, extension, name;
  } kCases[] = {
      {"FOI 1234 reply", ".eml", "FOI 1234 reply.eml"},
      // A slash would read as nesting: "FOI" holding "2024" holding "1234".
      {"FOI/2024/1234 \\ annex", ".msg", "FOI-2024-1234 - annex.msg"},
      {"  Re: two\r\n\tlines  ", ".eml", "Re: two   lines.eml"},
      {"already.msg", ".msg", "already.msg"},
      {"bad \xff byte", ".eml", "bad \xEF\xBF\xBD byte.eml"},
      {std::string(150, 'x'), ".eml", std::string(100, 'x') + ".eml"},
      {std::string(99, 'x') + "  y", ".eml", std::string(99, 'x') + ".eml"},
      {"", ".eml", ""},
      {" \r\n ", ".eml", ""},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(PartNameFromSubject(c.subject, c.extension), c.name) << c.subject;
  }
}

}  // namespace
}  // namespace foicode::extract
