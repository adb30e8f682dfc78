#include "testing/evidence_check.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "core/utf8.h"

namespace foicode::testing {
namespace {

// Code points [start, end) of `text`, as a Python reader of the JSON would slice it.
std::string CodePointSlice(const std::string& text, int start, int end) {
  std::string out;
  int index = 0;
  for (std::size_t byte = 0; byte < text.size(); ++index) {
    const std::int32_t c = CodePointAt(text, byte);
    if (c < 0) break;
    if (index >= start && index < end) AppendUtf8(out, static_cast<std::uint32_t>(c));
    byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return out;
}

void Check(const Evidence& e, const std::vector<ExtractedSource>& sources) {
  for (const ExtractedSource& source : sources) {
    if (source.path != e.source) continue;
    for (const Part& part : source.parts) {
      if (part.name != e.part) continue;
      for (const Page& page : part.pages) {
        if (page.number != e.page) continue;
        EXPECT_EQ(CodePointSlice(page.text, e.start, e.end), e.quote)
            << e.source << " [" << e.start << ", " << e.end << ")";
        EXPECT_LT(e.start, e.end) << e.source;
        return;
      }
    }
  }
  ADD_FAILURE() << "evidence points at no page: " << e.source;
}

}  // namespace

int ExpectEvidenceQuotesMatch(const std::vector<CodedRecord>& records,
                              const std::vector<ExtractedSource>& sources) {
  int checked = 0;
  auto check = [&](const Evidence& e) {
    ++checked;
    Check(e, sources);
  };
  for (const CodedRecord& r : records) {
    for (const CodedSystem& s : r.systems) {
      for (const Evidence& e : s.evidence) check(e);
      for (const CodedUsage& u : s.usage) check(u.evidence);
    }
    for (const CodedOtherTool& t : r.other_tools) {
      for (const Evidence& e : t.evidence) check(e);
    }
    for (const CodedUsage& u : r.unattributed_usage) check(u.evidence);
  }
  return checked;
}

}  // namespace foicode::testing
