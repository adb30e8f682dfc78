// Shared pieces of the OOXML readers (DOCX, XLSX): parts read from the package within the
// limits, relationships and safe XML parsing.
#ifndef FOICODE_PIPELINE_EXTRACT_OOXML_PACKAGE_H_
#define FOICODE_PIPELINE_EXTRACT_OOXML_PACKAGE_H_

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/reader.h"
#include "extract/zip_archive.h"

namespace foicode::extract {

struct Relationship {
  std::string id;      // "rId3"
  std::string type;    // the full type URI
  std::string target;  // the part it points to, resolved to a path in the package ("xl/worksheets/sheet1.xml")
  bool external = false;
};

// The XML of one package part, parsed into `doc`. Returns false when the part is missing;
// when it is present but cannot be unpacked or parsed, also sets `error` to a sentence
// naming the part. Parsing expands no entities beyond XML's five and never fetches anything.
bool LoadPart(ZipArchive& archive, std::string_view path, ReadContext& context,
              pugi::xml_document* doc, std::string* error);

// The relationships of `part` (read from its "_rels/<name>.rels"), in file order. Empty when
// there are none or they cannot be read.
std::vector<Relationship> LoadRelationships(ZipArchive& archive, std::string_view part,
                                            ReadContext& context);

// The package's main part (the officeDocument relationship of "/_rels/.rels"), or `fallback`.
std::string MainPartPath(ZipArchive& archive, ReadContext& context, std::string_view fallback);

// `target` of a relationship of `source_part`, as a package path ("../media/a.png" from
// "word/document.xml" is "media/a.png").
std::string ResolveTarget(std::string_view source_part, std::string_view target);

// The element name without its namespace prefix ("w:p" -> "p").
std::string_view LocalName(const pugi::xml_node& node);

// The first child element with local name `name`, or an empty node.
pugi::xml_node ChildNamed(const pugi::xml_node& node, std::string_view name);

// The attribute with local name `name` ("r:id" matches "id"), or an empty attribute.
pugi::xml_attribute AttributeNamed(const pugi::xml_node& node, std::string_view name);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_OOXML_PACKAGE_H_
