// Tests for ReadXlsx and the number-format and serial-date helpers.
#include "extract/xlsx_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "core/utf8.h"
#include "extract/office_test_support.h"
#include "extract/xlsx_dates.h"

namespace foicode::extract {
namespace {

using testing::MakeXlsx;
using testing::MakeZip;

ReadResult Read(const std::string& bytes, const Limits& limits = Limits()) {
  ReadContext context(limits);
  return ReadXlsx(bytes, context);
}

const char kShared[] =
    "<si><t>System</t></si><si><t>Status</t></si>"
    "<si><r><t>Veye </t></r><r><rPr><b/></rPr><t>Lung</t></r><rPh><t>x</t></rPh></si>";
// Style 0: General; 1: built-in 14 (a date); 2: custom dd/mm/yyyy hh:mm; 3: 0.00" days" (a
// number: the "d" is quoted, and number formats other than dates are not applied); 4: [h]:mm.
const char kNumFmts[] =
    "<numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\\ hh:mm\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"0.00&quot; days&quot;\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"[h]:mm\"/>";
const char kXfs[] =
    "<xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
    "<xf numFmtId=\"166\"/>";

TEST(XlsxReaderTest, SheetsInWorkbookOrderWithCellTypes) {
  const std::string sheet1 =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"inlineStr\"><is><t>Live</t></is></c>"
      "<c r=\"C2\"><f>1+2</f><v>3</v></c><c r=\"D2\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c>"
      "<c r=\"E2\" t=\"b\"><v>1</v></c><c r=\"F2\" t=\"e\"><v>#DIV/0!</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>14974</v></c><c r=\"B3\"><v>0.30000000000000004</v></c>"
      "<c r=\"C3\"><v>2.5E-3</v></c><c r=\"D3\"><v>-12.50</v></c></row>";
  const std::string sheet2 =
      "<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>gap before</t></is></c>"
      "<c r=\"E2\" t=\"inlineStr\"><is><t>and between</t></is></c><c r=\"F2\"/></row>"
      "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>after empty rows</t></is></c></row>";
  const ReadResult result = Read(MakeXlsx({{"Systems", sheet1}, {"Notes", sheet2}, {"Empty", ""}},
                                          kShared, kNumFmts, kXfs));
  ASSERT_FALSE(result.error) << *result.error;
  EXPECT_TRUE(result.flags.empty());
  ASSERT_EQ(result.pages.size(), 3u);
  EXPECT_EQ(result.pages[0], (Page{.number = 1, .label = "Systems",
                                    .text = "System | Status\n"
                                            "Veye Lung | Live | 3 | ab | TRUE | #DIV/0!\n"
                                            "14974 | 0.3 | 0.0025 | -12.5",
                                    .ocr = false, .quoted = {}}));
  EXPECT_EQ(result.pages[1], (Page{.number = 2, .label = "Notes",
                                    .text = " |  | gap before |  | and between\n\nafter empty rows",
                                    .ocr = false, .quoted = {}}));
  EXPECT_EQ(result.pages[2], (Page{.number = 3, .label = "Empty", .text = "", .ocr = false, .quoted = {}}));
}

TEST(XlsxReaderTest, DatesFromBuiltInAndCustomFormats) {
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45572</v></c><c r=\"B1\" s=\"2\"><v>45572.385416666664</v></c>"
      "<c r=\"C1\" s=\"3\"><v>45572</v></c><c r=\"D1\" s=\"4\"><v>1.5</v></c><c r=\"E1\" s=\"0\"><v>45572</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>60</v></c><c r=\"B2\" s=\"1\"><v>59</v></c><c r=\"C2\" s=\"1\"><v>61</v></c>"
      "<c r=\"D2\" s=\"1\"><v>-1</v></c><c r=\"E2\" s=\"9\"><v>7</v></c></row>";
  const ReadResult result = Read(MakeXlsx({{"Dates", sheet}}, "", kNumFmts, kXfs));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text,
            "2024-10-07 | 2024-10-07T09:15:00 | 45572 | 36:00:00 | 45572\n"
            "1900-02-29 | 1900-02-28 | 1900-03-01 | -1 | 7");
}

TEST(XlsxReaderTest, Date1904Epoch) {
  const std::string sheet = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44110</v></c><c r=\"B1\" s=\"1\"><v>0</v></c></row>";
  const ReadResult result = Read(MakeXlsx({{"S", sheet}}, "", kNumFmts, kXfs, /*date1904=*/true));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "2024-10-07 | 1904-01-01");
}

TEST(XlsxReaderTest, MaxCellsStopsReadingWithAFlag) {
  std::string sheet;
  for (int row = 1; row <= 10; ++row) {
    sheet += "<row r=\"" + std::to_string(row) + "\"><c r=\"A" + std::to_string(row) +
             "\"><v>1</v></c><c r=\"B" + std::to_string(row) + "\"><v>2</v></c></row>";
  }
  Limits limits;
  limits.max_cells = 5;
  const ReadResult result = Read(MakeXlsx({{"S", sheet}, {"T", sheet}}), limits);
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.pages.size(), 2u);
  EXPECT_EQ(result.pages[0].text, "1 | 2\n1 | 2");
  EXPECT_EQ(result.pages[1].text, "");
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0].code, flag_codes::kLimitReached);
  EXPECT_NE(
      result.flags[0].message.find("(limit max_cells; raise it with --limit max_cells=VALUE)"),
      std::string::npos);
}

TEST(XlsxReaderTest, HugeColumnReferenceCountsAgainstMaxCells) {
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"ZZZZ2\"><v>3</v></c></row>";
  Limits limits;
  limits.max_cells = 1000;
  const ReadResult result = Read(MakeXlsx({{"S", sheet}}), limits);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "");
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_NE(
      result.flags[0].message.find("(limit max_cells; raise it with --limit max_cells=VALUE)"),
      std::string::npos);
}

TEST(XlsxReaderTest, ZipWithoutWorkbookIsNotAnExcelWorkbook) {
  const ReadResult result = Read(MakeZip({{"word/document.xml", "<a/>"}}));
  ASSERT_TRUE(result.error);
  EXPECT_EQ(*result.error, "not an Excel workbook: xl/workbook.xml is missing");
}

TEST(XlsxReaderTest, HostileInputsComeBackWithAnError) {
  const std::string good = MakeXlsx({{"S", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"}});
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"zero bytes", ""},
      {"garbage", std::string(3000, '\xff')},
      {"truncated", good.substr(0, good.size() - 30)},
      {"broken workbook XML", MakeZip({{"xl/workbook.xml", "<workbook><sheets"}})}};
  for (const auto& [what, bytes] : inputs) {
    const ReadResult result = Read(bytes);
    ASSERT_TRUE(result.error) << what;
    EXPECT_TRUE(result.pages.empty()) << what;
  }
}

TEST(XlsxReaderTest, MissingSheetPartIsFlaggedAndOthersRead) {
  std::string xlsx = MakeXlsx({{"Gone", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"},
                               {"Here", "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>"}});
  // Rename the first sheet's part in place so its relationship points nowhere.
  const std::size_t at = xlsx.find("xl/worksheets/sheet1.xml");
  ASSERT_NE(at, std::string::npos);
  for (std::size_t pos = at; pos != std::string::npos; pos = xlsx.find("xl/worksheets/sheet1.xml", pos)) {
    xlsx[pos + 19] = '9';
  }
  const ReadResult result = Read(xlsx);
  EXPECT_EQ(result.error,
            "part of the Excel workbook could not be read: sheet \"Gone\": its part is missing");
  ASSERT_EQ(result.pages.size(), 2u);
  EXPECT_EQ(result.pages[0].text, "");
  EXPECT_EQ(result.pages[1].text, "2");
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0].code, flag_codes::kPartUnreadable);
}

// A workbook whose one long shared string fills every cell of a row exposed this: the whole
// row was copied before the length check.
TEST(XlsxReaderTest, LongSharedStringInEveryCellIsCutWhileTheRowIsBuilt) {
  std::string row = "<row r=\"1\">";
  for (int column = 0; column < 16384; ++column) row += "<c t=\"s\"><v>0</v></c>";
  row += "</row><row r=\"2\"><c t=\"inlineStr\"><is><t>later</t></is></c></row>";
  Limits limits;
  limits.max_text_chars = 100'000;
  const std::string shared = "<si><t>" + std::string(1'000'000, 'x') + "</t></si>";
  const ReadResult result = Read(MakeXlsx({{"S", row}, {"T", row}}, shared), limits);
  ASSERT_FALSE(result.error);
  ASSERT_EQ(result.pages.size(), 2u);
  EXPECT_EQ(result.pages[0].text, std::string(100'000, 'x'));
  EXPECT_EQ(result.pages[1].text, "");
  ASSERT_EQ(result.flags.size(), 2u);
  EXPECT_EQ(result.flags[0].message,
            "1 shared strings were cut to their first 100000 characters (limit max_text_chars; "
            "raise it with --limit max_text_chars=VALUE).");
  EXPECT_EQ(result.flags[1].message,
            "Sheet \"S\" was cut after 100000 characters (limit max_text_chars; raise it with "
            "--limit max_text_chars=VALUE); later rows and "
            "sheets were not read.");
}

// A row numbered r="9223372036854775807" followed by one with no r exposed this: the next
// row's number overflowed.
TEST(XlsxReaderTest, HostileRowNumbersAreClampedToExcelsRows) {
  const std::string sheet =
      "<row r=\"9223372036854775807\"><c><v>1</v></c></row><row><c><v>2</v></c></row>"
      "<row r=\"-5\"><c><v>3</v></c></row>";
  Limits limits;
  limits.max_cells = 2;
  const ReadResult result = Read(MakeXlsx({{"S", sheet}}), limits);
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "1\n2");
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0].message.rfind("Reading stopped in sheet \"S\" at row 1: ", 0), 0u)
      << result.flags[0].message;
}

// A workbook listing thousands of <sheet> elements exposed this: each one became a page.
TEST(XlsxReaderTest, SheetsBeyondMaxPagesAreLeftOutWithAFlag) {
  std::vector<std::pair<std::string, std::string>> sheets;
  for (int i = 1; i <= 5; ++i) {
    sheets.push_back({"S" + std::to_string(i), "<row><c><v>" + std::to_string(i) + "</v></c></row>"});
  }
  Limits limits;
  limits.max_pages = 3;
  const ReadResult result = Read(MakeXlsx(sheets), limits);
  ASSERT_EQ(result.pages.size(), 3u);
  EXPECT_EQ(result.pages[2].label, "S3");
  EXPECT_EQ(result.pages[2].text, "3");
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0].code, flag_codes::kLimitReached);
  EXPECT_EQ(result.flags[0].message,
            "Sheets after the first 3 were not read (limit max_pages; raise it with --limit "
            "max_pages=VALUE).");
}

// bad-bytes/sheet.xlsx of the hostile corpus exposed this: a NUL in the sheet and in the
// shared strings left nothing readable, yet the workbook came back with flags and no error.
TEST(XlsxReaderTest, WorkbookWhoseSheetsCannotBeParsedIsAnError) {
  const std::string nul("\0", 1);
  const ReadResult result = Read(MakeXlsx(
      {{"AI tools", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\">"
                    "<is><t>x" + nul + "</t></is></c></row>"}},
      "<si><t>Vendor" + nul + "</t></si>"));
  ASSERT_TRUE(result.error);
  EXPECT_TRUE(result.error->starts_with("nothing could be read from the Excel workbook: the "
                                        "shared strings: \"xl/sharedStrings.xml\" is not "
                                        "well-formed XML"))
      << *result.error;
  EXPECT_NE(result.error->find("; sheet \"AI tools\": \"xl/worksheets/sheet1.xml\" is not "
                               "well-formed XML"),
            std::string::npos)
      << *result.error;
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "");
  ASSERT_EQ(result.flags.size(), 2u);
  EXPECT_EQ(result.flags[0].code, flag_codes::kPartUnreadable);
  EXPECT_EQ(result.flags[1].code, flag_codes::kPartUnreadable);
}

// spreadsheets/dimension-claims-17-billion-cells.xlsx of the hostile corpus exposed this: one
// cell at column XFD was written after 16,383 empty columns, some 49,000 characters of " | ".
TEST(XlsxReaderTest, LongRunsOfEmptyColumnsArePaddedWithAFewCellsOnly) {
  const std::string sheet =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Vendor</t></is></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><t>Product</t></is></c></row>"
      "<row r=\"2\"><c r=\"XFD2\" t=\"inlineStr\"><is><t>Aidence</t></is></c></row>"
      "<row r=\"3\"><c r=\"B3\"><v>1</v></c><c r=\"Z3\"><v>2</v></c></row>";
  const ReadResult result = Read(MakeXlsx({{"S", sheet}}));
  ASSERT_FALSE(result.error) << *result.error;
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].text, "Vendor |  | Product\n |  |  | Aidence\n | 1 |  |  |  | 2");
}

// A workbook whose sheet name held a stray 0xFF byte exposed this: pugixml passed the byte
// on to the page label.
TEST(XlsxReaderTest, InvalidUtf8InSheetNameIsRepaired) {
  const ReadResult result = Read(MakeXlsx({{"Bad\xff" "Name", "<row><c><v>1</v></c></row>"}}));
  ASSERT_EQ(result.pages.size(), 1u);
  EXPECT_EQ(result.pages[0].label, "Bad\xEF\xBF\xBDName");
  EXPECT_EQ(result.pages[0].text, "1");
}

TEST(XlsxDatesTest, ClassifiesFormats) {
  const std::vector<std::tuple<int, std::string, NumberFormatKind>> cases = {
      {0, "", NumberFormatKind::kNumber},
      {14, "", NumberFormatKind::kDate},
      {22, "", NumberFormatKind::kDateTime},
      {20, "", NumberFormatKind::kTime},
      {46, "", NumberFormatKind::kElapsed},
      {164, "dd/mm/yyyy", NumberFormatKind::kDate},
      {164, "mmm-yy", NumberFormatKind::kDate},
      {164, "[$-809]dd mmmm yyyy;@", NumberFormatKind::kDate},
      {164, "h:mm AM/PM", NumberFormatKind::kTime},
      {164, "mm:ss", NumberFormatKind::kTime},
      {164, "yyyy-mm-dd hh:mm:ss", NumberFormatKind::kDateTime},
      {164, "[Red]0.00;[Blue]-0.00", NumberFormatKind::kNumber},
      {164, "#,##0 \"days\"", NumberFormatKind::kNumber},
      {164, "0\\d", NumberFormatKind::kNumber},
      {164, "General", NumberFormatKind::kNumber},
      {164, "0.00E+00", NumberFormatKind::kNumber}};
  for (const auto& [id, code, kind] : cases) {
    EXPECT_EQ(ClassifyNumberFormat(id, code), kind) << id << " " << code;
  }
}

TEST(XlsxDatesTest, FormatsNumbersAsExcelGeneralDoes) {
  EXPECT_EQ(FormatNumber(14974), "14974");
  EXPECT_EQ(FormatNumber(0.1 + 0.2), "0.3");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(123456789012345.0), "123456789012345");
  EXPECT_EQ(FormatNumber(1e20), "1e+20");
}

}  // namespace
}  // namespace foicode::extract
