// Tests for ReadDocx: runs, tables, headers and footers, tracked changes, text boxes, fields.
#include "extract/docx_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/office_test_support.h"

namespace foicode::extract {
namespace {

using testing::MakeDocx;
using testing::MakeZip;

std::string P(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }
std::string R(const std::string& text) {
  return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
}

ReadResult Read(const std::string& bytes) {
  static const Limits limits;
  ReadContext context(limits);
  return ReadDocx(bytes, context);
}

TEST(DocxReaderTest, RunsJoinWithoutInsertedSpaces) {
  const ReadResult result = Read(MakeDocx(
      P(R("We use Brain") + "<w:r><w:rPr><w:b/></w:rPr><w:t>omix</w:t></w:r>" + R(" ") +
        R("for stroke.")) +
      P(R("Line one") + "<w:r><w:br/><w:t>line two</w:t><w:tab/><w:t>tabbed</w:t></w:r>") +
      P("<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:t>ticked</w:t></w:r>")));
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].number, std::nullopt);
  EXPECT_EQ(result.pages[0].text,
            "We use Brainomix for stroke.\nLine one\nline two\ttabbed\nticked");
}

TEST(DocxReaderTest, TableRowsAreOneLineWithCellsSeparated) {
  const std::string table =
      "<w:tbl><w:tblPr/>"
      "<w:tr><w:tc>" + P(R("System")) + "</w:tc><w:tc>" + P(R("Status")) + "</w:tc></w:tr>"
      "<w:tr><w:tc>" + P(R("Veye Lung")) + "</w:tc><w:tc>" + P(R("Live")) + P(R("since 2022")) +
      "</w:tc><w:tc>" + P("") + "</w:tc></w:tr>"
      "<w:tr><w:tc>" + P(R("Nested")) +
      "<w:tbl><w:tr><w:tc>" + P(R("inner a")) + "</w:tc><w:tc>" + P(R("inner b")) +
      "</w:tc></w:tr></w:tbl></w:tc><w:tc>" + P(R("after")) + "</w:tc></w:tr>"
      "</w:tbl>";
  const ReadResult result = Read(MakeDocx(P(R("Before")) + table + P(R("After"))));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text,
            "Before\nSystem | Status\nVeye Lung | Live since 2022\nNested | after\n"
            "inner a | inner b\nAfter");
}

TEST(DocxReaderTest, TrackedChangesKeepInsertionsAndDropDeletions) {
  const ReadResult result = Read(MakeDocx(P(
      R("We ") + "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>do not </w:delText></w:r></w:del>" +
      "<w:ins w:id=\"2\" w:author=\"x\">" + R("now ") + "</w:ins>" + R("use AI."))));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "We now use AI.");
}

TEST(DocxReaderTest, AlternateContentTextBoxIsReadOnce) {
  const std::string box = "<w:txbxContent>" + P(R("Box text")) + "</w:txbxContent>";
  const ReadResult result = Read(MakeDocx(P(
      R("Anchor") + "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>" +
      box + "</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>" +
      box + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Anchor\nBox text");
}

TEST(DocxReaderTest, FieldsKeepTheirResultNotTheirCode) {
  const ReadResult result = Read(MakeDocx(P(
      R("Page ") + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>" +
      "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>" +
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + R("3") +
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + R(" of ") +
      "<w:fldSimple w:instr=\" NUMPAGES \">" + R("5") + "</w:fldSimple>" +
      "<w:hyperlink r:id=\"rId9\">" + R("our website") + "</w:hyperlink>")));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Page 3 of 5our website");
}

TEST(DocxReaderTest, HeadersBeforeBodyFootersAndFootnotesAfter) {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  const std::string rels =
      "<Relationship Id=\"rId3\" Type=\"" + type + "footer\" Target=\"footer1.xml\"/>"
      "<Relationship Id=\"rId4\" Type=\"" + type + "header\" Target=\"header1.xml\"/>"
      "<Relationship Id=\"rId5\" Type=\"" + type + "header\" Target=\"header2.xml\"/>"
      "<Relationship Id=\"rId6\" Type=\"" + type + "footnotes\" Target=\"footnotes.xml\"/>";
  const std::vector<testing::ZipItem> parts = {
      {"word/header1.xml", "<w:hdr " + w + ">" + P(R("Example NHS Trust")) + "</w:hdr>"},
      {"word/header2.xml", "<w:hdr " + w + ">" + P(R("Example NHS Trust")) + "</w:hdr>"},
      {"word/footer1.xml", "<w:ftr " + w + ">" + P(R("FOI ref 1234")) + "</w:ftr>"},
      {"word/footnotes.xml",
       "<w:footnotes " + w + "><w:footnote w:type=\"separator\" w:id=\"-1\">" +
           P("<w:r><w:separator/></w:r>") + "</w:footnote><w:footnote w:id=\"1\">" +
           P(R("Figures are for 2023/24.")) + "</w:footnote></w:footnotes>"}};
  const std::string body =
      P(R("Dear requester")) +
      "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
      "<w:headerReference w:type=\"first\" r:id=\"rId5\"/>"
      "<w:footerReference w:type=\"default\" r:id=\"rId3\"/></w:sectPr>";
  const ReadResult result = Read(MakeDocx(body, parts, rels));
  ASSERT_FALSE(result.error);
  EXPECT_TRUE(result.flags.empty());
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text,
            "Example NHS Trust\n\nDear requester\n\nFOI ref 1234\n\nFigures are for 2023/24.");
}

// A document whose footnotes part was named by two relationships exposed this: its notes
// were read twice.
TEST(DocxReaderTest, NotesPartNamedTwiceIsReadOnce) {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  const std::string rels =
      "<Relationship Id=\"rId6\" Type=\"" + type + "footnotes\" Target=\"footnotes.xml\"/>"
      "<Relationship Id=\"rId7\" Type=\"" + type + "footnotes\" Target=\"./footnotes.xml\"/>";
  const std::vector<testing::ZipItem> parts = {
      {"word/footnotes.xml", "<w:footnotes " + w + "><w:footnote w:id=\"1\">" +
                                 P(R("Figures are for 2023/24.")) + "</w:footnote></w:footnotes>"}};
  const ReadResult result = Read(MakeDocx(P(R("Body")), parts, rels));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Body\n\nFigures are for 2023/24.");
}

// A document whose relationships list ran to many thousands of entries exposed this: every
// header reference scanned the whole list.
TEST(DocxReaderTest, ManyRelationshipsAreLookedUpById) {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  constexpr int kCount = 5'000;
  std::string rels, references;
  for (int i = 0; i < kCount; ++i) {
    const std::string id = "rId" + std::to_string(i);
    rels += "<Relationship Id=\"" + id + "\" Type=\"" + type +
            (i == kCount - 1 ? "header\" Target=\"header1.xml\"/>" : "image\" Target=\"a.png\"/>");
    references += "<w:headerReference w:type=\"default\" r:id=\"" + id + "\"/>";
  }
  const std::vector<testing::ZipItem> parts = {
      {"word/header1.xml", "<w:hdr " + w + ">" + P(R("Example NHS Trust")) + "</w:hdr>"}};
  const ReadResult result =
      Read(MakeDocx(P(R("Body")) + "<w:sectPr>" + references + "</w:sectPr>", parts, rels));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Example NHS Trust\n\nBody");
  EXPECT_TRUE(result.flags.empty());
}

// A document whose header target held a stray 0xFF byte exposed this: pugixml passed the
// byte on to the flag naming the missing part.
TEST(DocxReaderTest, InvalidUtf8InPartTargetIsRepairedInTheFlag) {
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  const std::string rels =
      "<Relationship Id=\"rId4\" Type=\"" + type + "header\" Target=\"head\xff.xml\"/>";
  const ReadResult result = Read(MakeDocx(
      P(R("Body")) + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/></w:sectPr>",
      {}, rels));
  ASSERT_EQ(result.pages.size(), 1u);
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0].message,
            "\"word/head\xEF\xBF\xBD.xml\" of the Word document could not be read: it is missing.");
}

// bombs/docx-bomb.docx of the hostile corpus exposed this: a document.xml that unpacks 1000
// times its size was refused for max_file_bytes, not the unpacking limit it is a bomb for.
TEST(DocxReaderTest, BombNamesTheUnpackingLimit) {
  const std::string body = "<w:p><w:r><w:t>" + std::string(4 << 20, ' ') + "</w:t></w:r></w:p>";
  Limits limits;
  limits.max_file_bytes = 1 << 20;
  ReadContext context(limits);
  const ReadResult result = ReadDocx(MakeDocx(body), context);
  ASSERT_TRUE(result.error);
  EXPECT_TRUE(result.error->starts_with("cannot read the Word document: \"word/document.xml\" "
                                        "unpacks "))
      << *result.error;
  EXPECT_NE(result.error->find("(limit max_unpack_ratio; raise it with --limit "
                               "max_unpack_ratio=VALUE): a suspected zip bomb"),
            std::string::npos)
      << *result.error;
}

// A header part that is not well-formed XML (bad-bytes in a reply's letterhead) was flagged
// only; the contract wants an error when a part of the input could not be read.
TEST(DocxReaderTest, UnreadableHeaderIsAnErrorAndTheBodyIsRead) {
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  const std::string rels =
      "<Relationship Id=\"rId4\" Type=\"" + type + "header\" Target=\"header1.xml\"/>";
  const ReadResult result = Read(MakeDocx(
      P(R("Body")) + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/></w:sectPr>",
      {{"word/header1.xml", "<w:hdr><w:p>"}}, rels));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Body");
  ASSERT_TRUE(result.error);
  EXPECT_TRUE(result.error->starts_with("part of the Word document could not be read: "
                                        "\"word/header1.xml\": \"word/header1.xml\" is not "
                                        "well-formed XML"))
      << *result.error;
}

TEST(DocxReaderTest, ZipWithoutDocumentIsNotAWordDocument) {
  const ReadResult result = Read(MakeZip({{"other.xml", "<a/>"}}));
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error, "not a Word document: word/document.xml is missing");
}

TEST(DocxReaderTest, HostileInputsComeBackWithAnError) {
  const std::string good = MakeDocx(P(R("hello")));
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"zero bytes", ""},
      {"garbage", std::string(1000, '\x01')},
      {"truncated", good.substr(0, good.size() / 2)},
      {"broken XML", MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"}})}};
  for (const auto& [what, bytes] : inputs) {
    const ReadResult result = Read(bytes);
    ASSERT_TRUE(result.error) << what;
    EXPECT_TRUE(result.pages.empty()) << what;
  }
}

TEST(DocxReaderTest, DeepNestingIsCutWithAFlagNotACrash) {
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "<w:sdt><w:sdtContent>";
  body += P(R("deep"));
  for (int i = 0; i < 20000; ++i) body += "</w:sdtContent></w:sdt>";
  const ReadResult result = Read(MakeDocx(P(R("shallow")) + body));
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "shallow");
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0].code, flag_codes::kLimitReached);
  EXPECT_NE(result.flags[0].message.find(
                "(limit max_xml_depth; raise it with --limit max_xml_depth=VALUE)"),
            std::string::npos);
}

}  // namespace
}  // namespace foicode::extract
