// Tests for FindQuotedSpans: each client's quoting pattern, in code points.
#include "extract/quoted_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/utf8.h"

namespace foicode::extract {
namespace {

// The quoted text, for readable expectations.
std::vector<std::string> Quotes(const std::string& text) {
  std::vector<std::string> quotes;
  for (const Span& span : FindQuotedSpans(text)) {
    // Test texts are ASCII except where noted, so code points are bytes there.
    quotes.push_back(text.substr(static_cast<std::size_t>(span.start),
                                 static_cast<std::size_t>(span.end - span.start)));
  }
  return quotes;
}

TEST(FindQuotedSpansTest, Patterns) {
  struct Case {
    std::string text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"No quotes here.\nNone at all.", {}},
      {"Answer.\n\n-----Original Message-----\nFrom: me\nQuestion?",
       {"-----Original Message-----\nFrom: me\nQuestion?"}},
      {"Answer.\n----- Original Message -----\nQ", {"----- Original Message -----\nQ"}},
      {"Answer.\nFrom: Jane Smith\nSent: 07 October 2024 09:15\nTo: FOI\nSubject: Request\n\nQ?",
       {"From: Jane Smith\nSent: 07 October 2024 09:15\nTo: FOI\nSubject: Request\n\nQ?"}},
      {"Answer.\n________________________________\nFrom: Jane\nQ?",
       {"________________________________\nFrom: Jane\nQ?"}},
      {"Yes.\n\n> Do you use AI?\n> Which systems?\n\nThanks",
       {"> Do you use AI?\n> Which systems?"}},
      {"> q1\n\n> q1 cont\nanswer 1\n> q2\nanswer 2", {"> q1\n\n> q1 cont", "> q2"}},
      {"Answer.\n\nOn Mon, 7 Oct 2024 at 09:15, Jane Smith <jane@x.org> wrote:\nQ?\nmore",
       {"On Mon, 7 Oct 2024 at 09:15, Jane Smith <jane@x.org> wrote:\nQ?\nmore"}},
      {"Answer.\nOn Mon, 7 Oct 2024 at 09:15, Jane Smith <\njane@x.org> wrote:\nQ?",
       {"On Mon, 7 Oct 2024 at 09:15, Jane Smith <\njane@x.org> wrote:\nQ?"}},
      {"On 7 Oct, Jane wrote:\n> Q1?\nA1.\n> Q2?\nA2.", {"On 7 Oct, Jane wrote:\n> Q1?", "> Q2?"}},
      {"On balance we do not hold it.\nFrom: the Trust", {}},
      {"From: Jane\nTo: FOI\nSubject: no Sent line", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(Quotes(c.text), c.expected) << c.text;
}

TEST(FindQuotedSpansTest, OffsetsCountCodePoints) {
  const std::string text = "R\u00E9ponse \u2013 oui.\n> Question \u00E0 vous?";
  const std::vector<Span> spans = FindQuotedSpans(text);
  ASSERT_EQ(spans.size(), 1u);
  const int start = CodePointOffset(text, text.find('>'));
  EXPECT_EQ(spans[0], (Span{start, CountCodePoints(text)}));
}

TEST(FindQuotedSpansTest, EmptyText) { EXPECT_TRUE(FindQuotedSpans("").empty()); }

}  // namespace
}  // namespace foicode::extract
