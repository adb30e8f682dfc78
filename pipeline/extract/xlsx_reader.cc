// Reads an Excel workbook (XLSX): each sheet in workbook order as one page, one line per row,
// with shared strings, cached formula values and dates resolved.
#include "extract/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/utf8.h"
#include "extract/ooxml_package.h"
#include "extract/page_text.h"
#include "extract/xlsx_dates.h"
#include "extract/zip_archive.h"

namespace foicode::extract {
namespace {

constexpr int kMaxColumn = 16384;       // XFD, Excel's last column
constexpr long long kMaxRow = 1048576;  // Excel's last row
// Empty columns written for a gap between filled cells of a row (or before the first): a
// table's empty cells keep its columns in line, while one cell at column XFD costs three
// separators, not 16,383.
constexpr int kMaxEmptyColumns = 3;

// Cell text stays on its row's line.
std::string OneLine(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

// The text of a shared or inline string: plain <t>, or rich-text runs <r><t> joined as written.
// Phonetic guides (rPh) repeat the text in kana and are left out.
std::string RichText(const pugi::xml_node& node) {
  std::string text;
  for (const pugi::xml_node& child : node.children()) {
    const std::string_view name = LocalName(child);
    if (name == "t") {
      text += child.text().get();
    } else if (name == "r") {
      text += ChildNamed(child, "t").text().get();
    }
  }
  return OneLine(std::move(text));
}

// "C7" -> 3; 0 when the reference has no column letters.
int ColumnOf(std::string_view reference) {
  int column = 0;
  for (char c : reference) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    if (column > kMaxColumn) return 0;
  }
  return column;
}

bool ParseInt(std::string_view text, long long* value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return ec == std::errc() && end == text.data() + text.size();
}

class XlsxReader {
 public:
  XlsxReader(ZipArchive& archive, ReadContext& context, ReadResult* result)
      : archive_(archive), context_(context), limits_(context.limits), result_(result) {}

  void Read() {
    const std::string main = MainPartPath(archive_, context_, "xl/workbook.xml");
    pugi::xml_document workbook;
    std::string error;
    if (!LoadPart(archive_, main, context_, &workbook, &error)) {
      result_->error = error.empty() ? "not an Excel workbook: xl/workbook.xml is missing"
                                     : "cannot read the Excel workbook: " + error;
      return;
    }
    const pugi::xml_node root = workbook.document_element();
    const std::string_view date1904 =
        AttributeNamed(ChildNamed(root, "workbookPr"), "date1904").value();
    date1904_ = date1904 == "1" || date1904 == "true";
    const std::vector<Relationship> relationships = LoadRelationships(archive_, main, context_);
    auto target_of_type = [&](std::string_view suffix, std::string fallback) {
      for (const Relationship& relationship : relationships) {
        if (!relationship.external && relationship.type.ends_with(suffix)) return relationship.target;
      }
      return fallback;
    };
    LoadSharedStrings(target_of_type("/sharedStrings", "xl/sharedStrings.xml"));
    LoadStyles(target_of_type("/styles", "xl/styles.xml"));

    // A hostile .rels can list millions of relationships: look sheets up by id, not by scan.
    std::unordered_map<std::string, std::string> targets;
    for (const Relationship& relationship : relationships) {
      if (!relationship.external) targets.emplace(relationship.id, relationship.target);
    }
    int number = 0;
    bool read_any = false;
    for (const pugi::xml_node& sheet : ChildNamed(root, "sheets").children()) {
      if (LocalName(sheet) != "sheet") continue;
      if (number >= limits_.max_pages) {
        result_->flags.push_back(
            Flag{std::string(flag_codes::kLimitReached), "Sheets after the first " +
                                                             std::to_string(limits_.max_pages) +
                                                             " were not read (" +
                                                             LimitNote("max_pages") + ")."});
        break;
      }
      Page page;
      page.number = ++number;
      page.label = ToValidUtf8(OneLine(sheet.attribute("name").value()));
      const auto target = targets.find(AttributeNamed(sheet, "id").value());
      const std::string path = target == targets.end() ? "" : target->second;
      if (!stopped_) page.text = SheetText(path, page.label);
      if (!page.text.empty()) read_any = true;
      result_->pages.push_back(std::move(page));
    }
    // The contract's error: a sheet, or the strings its cells point at, that could not be read.
    if (!lost_.empty()) {
      std::string error = read_any ? "part of the Excel workbook could not be read: "
                                   : "nothing could be read from the Excel workbook: ";
      for (std::size_t i = 0; i < lost_.size(); ++i) error += (i > 0 ? "; " : "") + lost_[i];
      result_->error = std::move(error);
    }
  }

 private:
  void LoadSharedStrings(const std::string& path) {
    pugi::xml_document doc;
    std::string error;
    if (!LoadPart(archive_, path, context_, &doc, &error)) {
      if (!error.empty()) {
        Unreadable("the shared strings", error);
        lost_.push_back("the shared strings: " + error);
      }
      return;
    }
    // One string can be referenced by every cell of a sheet: cutting it once here bounds what
    // each reference costs.
    std::vector<Flag> cuts;
    for (const pugi::xml_node& item : doc.document_element().children()) {
      if (LocalName(item) != "si") continue;
      std::string text = RichText(item);
      CapText(text, limits_.max_text_chars, "", cuts);
      shared_.push_back(std::move(text));
    }
    if (!cuts.empty()) {
      result_->flags.push_back(
          Flag{std::string(flag_codes::kLimitReached),
               std::to_string(cuts.size()) + " shared strings were cut to their first " +
                   std::to_string(limits_.max_text_chars) + " characters (" +
                   LimitNote("max_text_chars") + ")."});
    }
  }

  void LoadStyles(const std::string& path) {
    pugi::xml_document doc;
    std::string error;
    if (!LoadPart(archive_, path, context_, &doc, &error)) {
      if (!error.empty()) Unreadable("the styles (dates may show as numbers)", error);
      return;
    }
    const pugi::xml_node root = doc.document_element();
    std::map<long long, std::string> codes;
    for (const pugi::xml_node& format : ChildNamed(root, "numFmts").children()) {
      long long id;
      if (LocalName(format) == "numFmt" && ParseInt(format.attribute("numFmtId").value(), &id)) {
        codes[id] = format.attribute("formatCode").value();
      }
    }
    for (const pugi::xml_node& xf : ChildNamed(root, "cellXfs").children()) {
      if (LocalName(xf) != "xf") continue;
      long long id = 0;
      ParseInt(xf.attribute("numFmtId").value(), &id);
      const auto code = codes.find(id);
      styles_.push_back(ClassifyNumberFormat(static_cast<int>(id),
                                             code == codes.end() ? "" : code->second));
    }
  }

  void Unreadable(const std::string& what, const std::string& error) {
    result_->flags.push_back(Flag{std::string(flag_codes::kPartUnreadable),
                                  "Could not read " + what + " of the workbook: " + error + "."});
  }

  void Stop(const std::string& message) {
    stopped_ = true;
    result_->flags.push_back(Flag{std::string(flag_codes::kLimitReached), message});
  }

  std::string CellValue(const pugi::xml_node& cell) const {
    const std::string_view type = cell.attribute("t").value();
    const std::string_view value = ChildNamed(cell, "v").text().get();
    if (type == "s") {
      long long index;
      if (ParseInt(value, &index) && index >= 0 && index < static_cast<long long>(shared_.size())) {
        return shared_[static_cast<std::size_t>(index)];
      }
      return "";
    }
    if (type == "inlineStr") return RichText(ChildNamed(cell, "is"));
    if (type == "b") return value == "1" ? "TRUE" : value == "0" ? "FALSE" : std::string(value);
    if (type == "str" || type == "e" || type == "d") return OneLine(std::string(value));
    if (value.empty()) return "";
    double number;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (ec != std::errc() || end != value.data() + value.size()) return OneLine(std::string(value));
    long long style;
    if (ParseInt(cell.attribute("s").value(), &style) && style >= 0 &&
        style < static_cast<long long>(styles_.size())) {
      const std::string date =
          FormatSerialDate(number, styles_[static_cast<std::size_t>(style)], date1904_);
      if (!date.empty()) return date;
    }
    return FormatNumber(number);
  }

  std::string SheetText(const std::string& path, const std::string& name) {
    pugi::xml_document doc;
    std::string error;
    if (path.empty() || !LoadPart(archive_, path, context_, &doc, &error)) {
      if (error.empty()) error = "its part is missing";
      Unreadable("sheet \"" + name + "\"", error);
      lost_.push_back("sheet \"" + name + "\": " + error);
      return "";
    }
    std::string text;
    std::uint64_t chars = 0;  // code points in `text`, held to max_text_chars as it grows
    long long previous_row = 0;
    for (const pugi::xml_node& row : ChildNamed(doc.document_element(), "sheetData").children()) {
      if (LocalName(row) != "row") continue;
      long long row_number;
      if (!ParseInt(row.attribute("r").value(), &row_number)) row_number = previous_row + 1;
      // Clamped so a hostile r="9223372036854775807" cannot overflow previous_row + 1.
      row_number = std::clamp(row_number, 1LL, kMaxRow);
      // A run of empty rows usually separates two tables on one sheet: keep one blank line.
      if (row_number > previous_row + 1 && !text.empty()) {
        text += '\n';
        ++chars;
      }
      previous_row = row_number;

      // Cells are collected only while the text has room: a row of 16,384 references to one
      // long shared string must not be copied 16,384 times first.
      std::map<int, std::string> cells;
      std::uint64_t row_chars = 0;
      bool row_cut = false;
      int column = 0;
      for (const pugi::xml_node& cell : row.children()) {
        if (LocalName(cell) != "c") continue;
        const int named = ColumnOf(cell.attribute("r").value());
        column = named > 0 ? named : column + 1;
        if (column > kMaxColumn) break;
        std::string value = CellValue(cell);
        if (value.empty()) continue;
        row_chars += static_cast<std::uint64_t>(CountCodePoints(value));
        cells[column] = std::move(value);
        if (chars + row_chars > limits_.max_text_chars) {
          row_cut = true;
          break;
        }
      }
      if (cells.empty()) continue;
      // Empty cells between filled ones count, though at most kMaxEmptyColumns of a gap are
      // written out.
      const int width = cells.rbegin()->first;
      if (cells_ + static_cast<std::uint64_t>(width) > limits_.max_cells) {
        Stop("Reading stopped in sheet \"" + name + "\" at row " + std::to_string(row_number) +
             ": the workbook has more than " + std::to_string(limits_.max_cells) +
             " cells (" + LimitNote("max_cells") + "); later rows and sheets were not read.");
        break;
      }
      cells_ += static_cast<std::uint64_t>(width);
      std::string line;
      bool first = true;
      auto add = [&](const std::string& cell) {
        if (!first) line += " | ";
        line += cell;
        first = false;
      };
      int written = 0;  // the column `line` ends at
      for (const auto& [index, value] : cells) {
        const int empty = std::min(index - written - 1, kMaxEmptyColumns);
        for (int i = 0; i < empty; ++i) add("");
        add(value);
        written = index;
      }
      chars += static_cast<std::uint64_t>(CountCodePoints(line)) + 1;
      text += line;
      text += '\n';
      if (row_cut || chars > limits_.max_text_chars) {
        Stop("Sheet \"" + name + "\" was cut after " + std::to_string(limits_.max_text_chars) +
             " characters (" + LimitNote("max_text_chars") +
             "); later rows and sheets were not read.");
        break;
      }
    }
    text = NormalizeLines(ToValidUtf8(text));
    // When reading stopped on this limit it is already flagged.
    std::vector<Flag> unused;
    CapText(text, limits_.max_text_chars, "sheet \"" + name + "\"", stopped_ ? unused : result_->flags);
    return text;
  }

  ZipArchive& archive_;
  ReadContext& context_;
  const Limits& limits_;
  ReadResult* result_;
  bool date1904_ = false;
  std::vector<std::string> shared_;
  std::vector<NumberFormatKind> styles_;
  std::vector<std::string> lost_;  // parts whose text could not be read, each with its reason
  std::uint64_t cells_ = 0;
  bool stopped_ = false;
};

}  // namespace

ReadResult ReadXlsx(std::string_view bytes, ReadContext& context) {
  ReadResult result;
  std::string error;
  std::optional<ZipArchive> archive = ZipArchive::Open(bytes, context.limits, &error);
  if (!archive) {
    result.error = "not an Excel workbook: " + error;
    return result;
  }
  if (std::optional<Flag> unlisted = archive->UnlistedFlag()) result.flags.push_back(*unlisted);
  XlsxReader(*archive, context, &result).Read();
  return result;
}

}  // namespace foicode::extract
