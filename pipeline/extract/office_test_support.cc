// Builders for zip, DOCX, XLSX and .msg test inputs.
#include "extract/office_test_support.h"

#include <zip.h>

#include <memory>

#include "testing/test_support.h"

namespace foicode::extract::testing {

std::string MakeZip(const std::vector<ZipItem>& items) {
  foicode::testing::TempDir dir;
  const std::string path = (dir.path() / "made.zip").string();
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) return "";
  for (const ZipItem& item : items) {
    zip_source_t* source = zip_source_buffer(archive, item.data.data(), item.data.size(), 0);
    const zip_int64_t index = zip_file_add(archive, item.name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      zip_discard(archive);
      return "";
    }
    if (item.encrypt && zip_file_set_encryption(archive, static_cast<zip_uint64_t>(index),
                                                ZIP_EM_AES_256, "secret") != 0) {
      zip_discard(archive);
      return "";
    }
  }
  if (zip_close(archive) != 0) {
    zip_discard(archive);
    return "";
  }
  return foicode::testing::ReadFileOrDie(path);
}

std::string MakeDocx(std::string_view body, const std::vector<ZipItem>& parts,
                     std::string_view relationships) {
  const std::string ns =
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
      "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
      "xmlns:v=\"urn:schemas-microsoft-com:vml\"";
  std::vector<ZipItem> items = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
       "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                            "<w:document " + ns + "><w:body>" + std::string(body) +
                                "</w:body></w:document>"},
      {"word/_rels/document.xml.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
           std::string(relationships) + "</Relationships>"}};
  for (const ZipItem& part : parts) {
    items.push_back(part);
  }
  return MakeZip(items);
}

std::string MakeXlsx(const std::vector<std::pair<std::string, std::string>>& sheets,
                     std::string_view shared, std::string_view num_fmts,
                     std::string_view cell_xfs, bool date1904) {
  const std::string main_ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
  const std::string rel_ns =
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
  const std::string rel_type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string workbook = "<?xml version=\"1.0\"?><workbook " + main_ns + " " + rel_ns + ">" +
                         (date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>") + "<sheets>";
  std::string rels = "<?xml version=\"1.0\"?><Relationships "
                     "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  std::vector<ZipItem> items;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    // Ids in reverse so the order must come from workbook.xml, not the relationships.
    const std::string id = "rId" + std::to_string(10 + sheets.size() - i);
    workbook += "<sheet name=\"" + sheets[i].first + "\" sheetId=\"" + n + "\" r:id=\"" + id + "\"/>";
    rels += "<Relationship Id=\"" + id + "\" Type=\"" + rel_type + "worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
    items.push_back({"xl/worksheets/sheet" + n + ".xml",
                     "<?xml version=\"1.0\"?><worksheet " + main_ns + "><sheetData>" +
                         sheets[i].second + "</sheetData></worksheet>"});
  }
  workbook += "</sheets></workbook>";
  rels += "<Relationship Id=\"rId1\" Type=\"" + rel_type + "styles\" Target=\"styles.xml\"/>";
  rels += "<Relationship Id=\"rId2\" Type=\"" + rel_type + "sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>";
  rels += "</Relationships>";
  items.push_back({"xl/workbook.xml", workbook});
  items.push_back({"xl/_rels/workbook.xml.rels", rels});
  items.push_back({"xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + main_ns + "><numFmts>" +
                                        std::string(num_fmts) + "</numFmts><cellXfs>" +
                                        std::string(cell_xfs) + "</cellXfs></styleSheet>"});
  items.push_back({"xl/sharedStrings.xml",
                   "<?xml version=\"1.0\"?><sst " + main_ns + ">" + std::string(shared) + "</sst>"});
  items.push_back({"_rels/.rels",
                   "<?xml version=\"1.0\"?><Relationships "
                   "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                   "<Relationship Id=\"rId1\" Type=\"" + rel_type +
                       "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
  return MakeZip(items);
}

std::string Utf16Le(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra > 0) cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    i += 1 + extra;
    auto unit = [&out](std::uint32_t u) {
      out += static_cast<char>(u & 0xFF);
      out += static_cast<char>(u >> 8);
    };
    if (cp >= 0x10000) {
      cp -= 0x10000;
      unit(0xD800 + (cp >> 10));
      unit(0xDC00 + (cp & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out;
}

std::string PropertiesStream(std::size_t header,
                             const std::vector<std::pair<std::uint32_t, std::uint64_t>>& entries) {
  std::string out(header, '\0');
  auto u32 = [&out](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
  };
  for (const auto& [tag, value] : entries) {
    u32(tag);
    u32(0x6);  // readable | writable
    u32(static_cast<std::uint32_t>(value));
    u32(static_cast<std::uint32_t>(value >> 32));
  }
  return out;
}

}  // namespace foicode::extract::testing
