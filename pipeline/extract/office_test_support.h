// Test-only builders for the office readers' inputs: zips, DOCX and XLSX packages made with
// libzip, and Outlook .msg property streams.
#ifndef FOICODE_PIPELINE_EXTRACT_OFFICE_TEST_SUPPORT_H_
#define FOICODE_PIPELINE_EXTRACT_OFFICE_TEST_SUPPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace foicode::extract::testing {

struct ZipItem {
  std::string name;
  std::string data;
  bool encrypt = false;  // AES-256 with password "secret"
};

// A zip holding `items` (deflated), built with libzip through a temporary file. Empty when
// libzip refused (e.g. encryption not compiled in).
std::string MakeZip(const std::vector<ZipItem>& items);

// A minimal DOCX: `body` is the inner XML of <w:body>; `parts` are added as they are
// (word/header1.xml ...), `relationships` are <Relationship> elements of word/document.xml.
std::string MakeDocx(std::string_view body, const std::vector<ZipItem>& parts = {},
                     std::string_view relationships = "");

// A minimal XLSX: `sheets` are (name, inner XML of <sheetData>); styles.xml gets `cell_xfs`
// (<xf> elements) and `num_fmts` (<numFmt> elements); `shared` are <si> elements.
std::string MakeXlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                     std::string_view shared = "", std::string_view num_fmts = "",
                     std::string_view cell_xfs = "<xf numFmtId=\"0\"/>", bool date1904 = false);

// `text` as UTF-16LE, as a .msg stores a PT_UNICODE property.
std::string Utf16Le(std::string_view ascii_or_utf8);

// A "__properties_version1.0" stream: `header` zero bytes, then one 16-byte entry per
// (tag, value).
std::string PropertiesStream(std::size_t header,
                             const std::vector<std::pair<std::uint32_t, std::uint64_t>>& entries);

}  // namespace foicode::extract::testing

#endif  // FOICODE_PIPELINE_EXTRACT_OFFICE_TEST_SUPPORT_H_
