// Tests for HtmlToText: blocks, lists, tables, white space, hostile nesting.
#include "extract/html_text.h"

#include <gtest/gtest.h>

#include <string>

namespace foicode::extract {
namespace {

TEST(HtmlToTextTest, Table) {
  struct Case {
    std::string html;
    std::string expected;
  };
  const Case cases[] = {
      {"<p>One</p><p>Two</p>", "One\n\nTwo"},
      {"a<br>b<br><br>c", "a\nb\n\nc"},
      {"<h1>Title</h1>text", "Title\n\ntext"},
      {"<div>a</div><div>b</div>", "a\nb"},
      {"<ul><li>one</li><li>two</li></ul>", "- one\n- two"},
      {"<ol><li>first</li><li>second</li></ol>", "1. first\n2. second"},
      {"<ul><li>a<ul><li>b</li></ul></li></ul>", "- a\n  - b"},
      {"<table><tr><th>System</th><th>Vendor</th><th>Use</th></tr>"
       "<tr><td>Veye Lung</td><td>Aidence</td><td>pilot</td></tr></table>",
       "System | Vendor | Use\nVeye Lung | Aidence | pilot"},
      {"<table><tr><td>a<br>b</td><td><p>c</p><p>d</p></td></tr></table>", "a; b | c; d"},
      {"<table><tr><td>Q2.</td><td>Annalise: chest X-ray<br>Rapid AI: stroke CT</td></tr></table>",
       "Q2. | Annalise: chest X-ray; Rapid AI: stroke CT"},
      {"<table><tr><td>Done.<br>Next</td><td>x</td></tr></table>", "Done. Next | x"},
      {"<table><tr><td>a</td><td></td><td>c</td><td></td></tr></table>", "a |  | c"},
      {"<table><tr><td><p>Layout para 1</p><p>para 2</p></td></tr></table>",
       "Layout para 1\n\npara 2"},
      {"<table><tr><td><table><tr><td>x</td><td>1</td></tr><tr><td>y</td><td>2</td></tr>"
       "</table></td></tr></table>",
       "x | 1\ny | 2"},
      {"<head><title>T</title><style>p{}</style></head><script>var x;</script><p>shown</p>",
       "shown"},
      {"<p>caf&eacute; &amp; &pound;5&nbsp;&nbsp;x &#8211; y</p>", "caf\u00E9 & \u00A3" "5 x \u2013 y"},
      {"<p>  lots   of\n\n  space  </p>", "lots of space"},
      {"<pre>  keep\n    this</pre>", "  keep\n    this"},
      {"<span style=\"display: none\">preheader</span><p>body</p>", "body"},
      {"<p class=MsoNormal>Line 1</p><p class=MsoNormal>Line 2</p>"
       "<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>Line 3</p>",
       "Line 1\nLine 2\n\nLine 3"},
      {"<b>From:</b> Jane<br><b>Sent:</b> Monday", "From: Jane\nSent: Monday"},
      {"", ""},
      {"<<<>>>&&&", "<<<>>>&&&"},
  };
  for (const Case& c : cases) EXPECT_EQ(HtmlToText(c.html), c.expected) << c.html;
}

TEST(HtmlToTextTest, DeepNestingDoesNotCrash) {
  std::string html;
  for (int i = 0; i < 20000; ++i) html += "<div><table><tr><td>";
  html += "deep";
  const std::string text = HtmlToText(html);
  EXPECT_NE(text.find("deep"), std::string::npos);
}

TEST(HtmlToTextTest, PathologicalNestingIsReadWithoutTheParser) {
  // Gumbo's time grows with depth times tags: 100,000 nested divs took over a minute.
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "<script>x</script>deep &amp; <b>bold</b>";
  EXPECT_EQ(HtmlToText(html), "deep & bold");
}

// Mail whose "</b>" never matched an open element: gumbo ignores such end tags, so
// "<div></b>" repeated 60,000 times nests as deep as plain <div>s (10.5 s in gumbo 0.10.1).
// The parser-free path leaves "&eacute;" as it is, which shows that it was taken.
TEST(HtmlToTextTest, UnmatchedEndTagsDoNotHideNesting) {
  std::string html;
  for (int i = 0; i < 60000; ++i) html += "<div></b>";
  html += "caf&eacute;";
  EXPECT_EQ(HtmlToText(html), "caf&eacute;");
}

// HTML with "<div/>": gumbo ignores the slash on a non-void element and opens a div.
TEST(HtmlToTextTest, SelfClosingDivsCountAsNesting) {
  std::string html;
  for (int i = 0; i < 60000; ++i) html += "<div/>";
  html += "caf&eacute;";
  EXPECT_EQ(HtmlToText(html), "caf&eacute;");
}

// Large but flat HTML (many siblings, cells and paragraphs left open, as mail clients write
// them) still goes through the parser, which decodes every entity.
TEST(HtmlToTextTest, LargeFlatHtmlStillParsed) {
  std::string html = "<table>";
  for (int i = 0; i < 2000; ++i) html += "<tr><td><font>a<td><span>b";
  html += "</table>";
  for (int i = 0; i < 2000; ++i) html += "<div>x</div><p><span>y<ul><li>z<li>w</ul>";
  html += "caf&eacute;";
  const std::string text = HtmlToText(html);
  EXPECT_NE(text.find("a | b"), std::string::npos);
  EXPECT_NE(text.find("caf\u00E9"), std::string::npos);
}

TEST(HtmlToTextTest, InvalidUtf8DoesNotCrash) {
  EXPECT_FALSE(HtmlToText("<p>\xFF\xFE bad \xC3</p>").empty());
}

}  // namespace
}  // namespace foicode::extract
