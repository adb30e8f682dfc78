// Reads a Word document (DOCX): the body in order, headers before it, footers, footnotes and
// endnotes after it, tables one line per row.
#include "extract/docx_reader.h"

#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "core/utf8.h"
#include "extract/ooxml_package.h"
#include "extract/page_text.h"
#include "extract/zip_archive.h"

namespace foicode::extract {
namespace {

using Lines = std::vector<std::string>;

std::string JoinLines(const Lines& lines) {
  std::string text;
  for (const std::string& line : lines) {
    text += line;
    text += '\n';
  }
  return text;
}

// Turns WordprocessingML into lines of text. Every recursion counts depth so hostile nesting
// ends in a flag, not a stack overflow.
class DocxText {
 public:
  explicit DocxText(const Limits& limits) : max_depth_(limits.max_xml_depth) {}

  bool too_deep() const { return too_deep_; }

  // Block-level content of `container` (a body, header, cell, note or text box) as lines.
  // Tables inside a table cell go to `nested_tables` when it is given, so a row stays one line.
  void Blocks(const pugi::xml_node& container, int depth, Lines* lines,
              Lines* nested_tables = nullptr) {
    if (!Enter(depth)) return;
    for (const pugi::xml_node& child : container.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(child);
      if (name == "p") {
        Lines boxes;
        std::string text;
        Inline(child, depth + 1, &text, &boxes);
        lines->push_back(std::move(text));
        lines->insert(lines->end(), boxes.begin(), boxes.end());
      } else if (name == "tbl") {
        Table(child, depth + 1, nested_tables != nullptr ? nested_tables : lines);
      } else if (name == "sdt") {
        Blocks(ChildNamed(child, "sdtContent"), depth + 1, lines, nested_tables);
      } else if (name == "customXml" || name == "ins" || name == "moveTo") {
        Blocks(child, depth + 1, lines, nested_tables);
      } else if (name == "AlternateContent") {
        Blocks(OneAlternative(child), depth + 1, lines, nested_tables);
      }
    }
  }

 private:
  bool Enter(int depth) {
    if (depth <= max_depth_) return true;
    too_deep_ = true;
    return false;
  }

  // Text boxes are written twice, once for new Word (Choice) and once as VML (Fallback).
  static pugi::xml_node OneAlternative(const pugi::xml_node& alternate) {
    const pugi::xml_node choice = ChildNamed(alternate, "Choice");
    return choice ? choice : ChildNamed(alternate, "Fallback");
  }

  // Runs of a paragraph, joined as written: a word split across runs stays one word.
  void Inline(const pugi::xml_node& node, int depth, std::string* text, Lines* boxes) {
    if (!Enter(depth)) return;
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(child);
      if (name == "r") {
        Run(child, depth + 1, text, boxes);
      } else if (name == "hyperlink" || name == "ins" || name == "moveTo" || name == "smartTag" ||
                 name == "customXml" || name == "fldSimple" || name == "bdo" || name == "dir") {
        Inline(child, depth + 1, text, boxes);
      } else if (name == "sdt") {
        Inline(ChildNamed(child, "sdtContent"), depth + 1, text, boxes);
      } else if (name == "AlternateContent") {
        Inline(OneAlternative(child), depth + 1, text, boxes);
      } else if (name == "oMath" || name == "oMathPara") {
        Inline(child, depth + 1, text, boxes);
      }
      // del and moveFrom hold text a tracked change removed; pPr holds no text.
    }
  }

  void Run(const pugi::xml_node& run, int depth, std::string* text, Lines* boxes) {
    if (!Enter(depth)) return;
    for (const pugi::xml_node& child : run.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(child);
      if (name == "t") {
        *text += child.text().get();
      } else if (name == "tab" || name == "ptab") {
        *text += '\t';
      } else if (name == "br" || name == "cr") {
        *text += '\n';
      } else if (name == "noBreakHyphen") {
        *text += '-';
      } else if (name == "drawing" || name == "pict" || name == "object" ||
                 name == "AlternateContent") {
        TextBoxes(child, depth + 1, boxes);
      }
      // instrText is a field's code ("PAGE", "HYPERLINK ..."): its result is in ordinary runs.
      // delText is deleted text; sym is a symbol-font glyph with no reliable Unicode.
    }
  }

  void TextBoxes(const pugi::xml_node& node, int depth, Lines* boxes) {
    if (!Enter(depth)) return;
    const std::string_view name = LocalName(node);
    if (name == "txbxContent") {
      Blocks(node, depth + 1, boxes);
      return;
    }
    if (name == "AlternateContent") {
      TextBoxes(OneAlternative(node), depth + 1, boxes);
      return;
    }
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() == pugi::node_element) TextBoxes(child, depth + 1, boxes);
    }
  }

  void Table(const pugi::xml_node& table, int depth, Lines* lines) {
    if (!Enter(depth)) return;
    for (const pugi::xml_node& child : table.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(child);
      if (name == "tr") {
        Row(child, depth + 1, lines);
      } else if (name == "sdt") {
        Table(ChildNamed(child, "sdtContent"), depth + 1, lines);
      } else if (name == "customXml" || name == "ins") {
        Table(child, depth + 1, lines);
      }
    }
  }

  void Cells(const pugi::xml_node& node, int depth, std::vector<std::string>* cells,
             Lines* nested) {
    if (!Enter(depth)) return;
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(child);
      if (name == "tc") {
        Lines cell_lines;
        Blocks(child, depth + 1, &cell_lines, nested);
        std::string cell;
        for (std::string& line : cell_lines) {
          for (char& c : line) {
            if (c == '\n' || c == '\t') c = ' ';
          }
          const std::size_t end = line.find_last_not_of(' ');
          if (end == std::string::npos) continue;
          line.resize(end + 1);
          if (!cell.empty()) cell += ' ';
          cell += line;
        }
        cells->push_back(std::move(cell));
      } else if (name == "sdt") {
        Cells(ChildNamed(child, "sdtContent"), depth + 1, cells, nested);
      } else if (name == "customXml") {
        Cells(child, depth + 1, cells, nested);
      }
    }
  }

  // A nested table's rows follow the row that holds it, so each of its rows stays one line.
  void Row(const pugi::xml_node& row, int depth, Lines* lines) {
    std::vector<std::string> cells;
    Lines nested;
    Cells(row, depth, &cells, &nested);
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) line += " | ";
      line += cells[i];
    }
    lines->push_back(std::move(line));
    lines->insert(lines->end(), nested.begin(), nested.end());
  }

  int max_depth_;
  bool too_deep_ = false;
};

// headerReference and footerReference elements in document order, found without recursion.
std::vector<std::string> ReferencedIds(const pugi::xml_node& root, std::string_view element) {
  std::vector<std::string> ids;
  std::vector<pugi::xml_node> stack{root};
  while (!stack.empty()) {
    const pugi::xml_node node = stack.back();
    stack.pop_back();
    if (LocalName(node) == element) {
      const std::string id = AttributeNamed(node, "id").value();
      if (!id.empty()) ids.push_back(id);
    }
    for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) {
      if (child.type() == pugi::node_element) stack.push_back(child);
    }
  }
  return ids;
}

class DocxReader {
 public:
  DocxReader(ZipArchive& archive, ReadContext& context, ReadResult* result)
      : archive_(archive), context_(context), result_(result), text_(context.limits) {}

  void Read() {
    const std::string main = MainPartPath(archive_, context_, "word/document.xml");
    pugi::xml_document document;
    std::string error;
    if (!LoadPart(archive_, main, context_, &document, &error)) {
      result_->error = error.empty() ? "not a Word document: word/document.xml is missing"
                                     : "cannot read the Word document: " + error;
      return;
    }
    relationships_ = LoadRelationships(archive_, main, context_);
    // A hostile .rels can list millions of relationships: look references up by id, not by scan.
    for (const Relationship& relationship : relationships_) {
      if (!relationship.external) by_id_.emplace(relationship.id, &relationship);
    }

    Lines body;
    text_.Blocks(ChildNamed(document.document_element(), "body"), 0, &body);
    std::string text;
    text += JoinLines(Margins(document, "headerReference", "/header"));
    text += '\n';
    text += JoinLines(body);
    text += '\n';
    text += JoinLines(Margins(document, "footerReference", "/footer"));
    text += '\n';
    text += JoinLines(Notes("/footnotes", "footnote"));
    text += '\n';
    text += JoinLines(Notes("/endnotes", "endnote"));

    if (text_.too_deep()) {
      result_->flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                                    "Content nested more than " +
                                        std::to_string(context_.limits.max_xml_depth) +
                                        " XML elements deep was skipped (" +
                                        LimitNote("max_xml_depth") + ")."});
    }
    Page page;
    page.text = NormalizeLines(ToValidUtf8(text));
    CapText(page.text, context_.limits.max_text_chars, "the document", result_->flags);
    result_->pages.push_back(std::move(page));
    // The contract's error: a header, footer or notes part that could not be read.
    if (!lost_.empty()) {
      std::string error = "part of the Word document could not be read: ";
      for (std::size_t i = 0; i < lost_.size(); ++i) error += (i > 0 ? "; " : "") + lost_[i];
      result_->error = std::move(error);
    }
  }

 private:
  // Lines of one header, footer or notes part; a part that cannot be read is flagged.
  bool LoadSidePart(const std::string& path, pugi::xml_document* doc) {
    std::string error;
    if (LoadPart(archive_, path, context_, doc, &error)) return true;
    lost_.push_back("\"" + path + "\": " + (error.empty() ? std::string("it is missing") : error));
    result_->flags.push_back(Flag{std::string(flag_codes::kPartUnreadable),
                                  "\"" + path + "\" of the Word document could not be read" +
                                      (error.empty() ? std::string(": it is missing.")
                                                     : ": " + error + ".")});
    return false;
  }

  // Headers or footers in the order the sections name them; the same text once (a first-page
  // header often repeats the default one).
  Lines Margins(const pugi::xml_document& document, std::string_view reference,
                std::string_view type_suffix) {
    std::vector<std::string> paths;
    for (const std::string& id : ReferencedIds(document.document_element(), reference)) {
      const auto found = by_id_.find(id);
      if (found != by_id_.end() && found->second->type.ends_with(type_suffix)) {
        paths.push_back(found->second->target);
      }
    }
    Lines lines;
    std::set<std::string> seen_texts;
    for (const std::string& path : paths) {
      if (!seen_paths_.insert(path).second) continue;
      pugi::xml_document part;
      if (!LoadSidePart(path, &part)) continue;
      Lines part_lines;
      text_.Blocks(part.document_element(), 0, &part_lines);
      if (!seen_texts.insert(NormalizeLines(ToValidUtf8(JoinLines(part_lines)))).second) continue;
      lines.insert(lines.end(), part_lines.begin(), part_lines.end());
    }
    return lines;
  }

  // Each notes part once, however many relationships point at it.
  Lines Notes(std::string_view type_suffix, std::string_view element) {
    Lines lines;
    for (const Relationship& relationship : relationships_) {
      if (relationship.external || !relationship.type.ends_with(type_suffix)) continue;
      if (!seen_paths_.insert(relationship.target).second) continue;
      pugi::xml_document part;
      if (!LoadSidePart(relationship.target, &part)) continue;
      for (const pugi::xml_node& note : part.document_element().children()) {
        if (LocalName(note) != element) continue;
        // Separator "notes" are the rule above the notes, not text.
        const std::string_view type = AttributeNamed(note, "type").value();
        if (!type.empty() && type != "normal") continue;
        text_.Blocks(note, 0, &lines);
      }
    }
    return lines;
  }

  ZipArchive& archive_;
  ReadContext& context_;
  ReadResult* result_;
  DocxText text_;
  std::vector<Relationship> relationships_;
  std::unordered_map<std::string, const Relationship*> by_id_;  // into relationships_
  std::vector<std::string> lost_;  // parts whose text could not be read, each with its reason
  // Parts already read, across headers, footers and notes: no part's text is read twice.
  std::set<std::string> seen_paths_;
};

}  // namespace

ReadResult ReadDocx(std::string_view bytes, ReadContext& context) {
  ReadResult result;
  std::string error;
  std::optional<ZipArchive> archive = ZipArchive::Open(bytes, context.limits, &error);
  if (!archive) {
    result.error = "not a Word document: " + error;
    return result;
  }
  if (std::optional<Flag> unlisted = archive->UnlistedFlag()) result.flags.push_back(*unlisted);
  DocxReader(*archive, context, &result).Read();
  return result;
}

}  // namespace foicode::extract
