// OOXML package access: parts, relationships and XML, all through the bounded zip layer.
#include "extract/ooxml_package.h"

#include <cstddef>

#include "core/utf8.h"

namespace foicode::extract {

bool LoadPart(ZipArchive& archive, std::string_view path, ReadContext& context,
              pugi::xml_document* doc, std::string* error) {
  const ZipEntry* entry = archive.Find(path);
  if (entry == nullptr) return false;
  std::string xml;
  Flag problem;
  if (!archive.Read(*entry, context, &xml, &problem)) {
    *error = problem.message;
    return false;
  }
  // parse_ws_pcdata_single keeps a run that is a lone space (<w:t xml:space="preserve"> </w:t>);
  // pugixml never reads a DTD's entities, so there is no entity expansion to switch off.
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result parsed = doc->load_buffer(xml.data(), xml.size(), options);
  if (!parsed) {
    *error = "\"" + ToValidUtf8(path) + "\" is not well-formed XML (" + parsed.description() +
             " at byte " + std::to_string(parsed.offset) + ")";
    return false;
  }
  return true;
}

std::string ResolveTarget(std::string_view source_part, std::string_view target) {
  std::vector<std::string> segments;
  if (!target.empty() && target.front() == '/') {
    target.remove_prefix(1);
  } else {
    const std::size_t slash = source_part.rfind('/');
    std::string_view dir = slash == std::string_view::npos ? "" : source_part.substr(0, slash);
    while (!dir.empty()) {
      const std::size_t next = dir.find('/');
      segments.emplace_back(dir.substr(0, next));
      if (next == std::string_view::npos) break;
      dir.remove_prefix(next + 1);
    }
  }
  while (!target.empty()) {
    const std::size_t next = target.find('/');
    const std::string_view segment = target.substr(0, next);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.emplace_back(segment);
    }
    if (next == std::string_view::npos) break;
    target.remove_prefix(next + 1);
  }
  std::string path;
  for (const std::string& segment : segments) {
    if (!path.empty()) path += '/';
    path += segment;
  }
  return path;
}

std::vector<Relationship> LoadRelationships(ZipArchive& archive, std::string_view part,
                                            ReadContext& context) {
  const std::size_t slash = part.rfind('/');
  const std::string dir(slash == std::string_view::npos ? "" : part.substr(0, slash + 1));
  const std::string name(slash == std::string_view::npos ? part : part.substr(slash + 1));
  pugi::xml_document doc;
  std::string error;
  std::vector<Relationship> relationships;
  if (!LoadPart(archive, dir + "_rels/" + name + ".rels", context, &doc, &error)) {
    return relationships;
  }
  for (const pugi::xml_node& node : doc.document_element().children()) {
    if (LocalName(node) != "Relationship") continue;
    // pugixml does not check UTF-8, and targets reach flag messages and errors; zip entry
    // names are made valid the same way, so a repaired target still finds its part.
    Relationship relationship;
    relationship.id = ToValidUtf8(node.attribute("Id").value());
    relationship.type = ToValidUtf8(node.attribute("Type").value());
    relationship.external = std::string_view(node.attribute("TargetMode").value()) == "External";
    const std::string target = ToValidUtf8(node.attribute("Target").value());
    relationship.target = relationship.external ? target : ResolveTarget(part, target);
    relationships.push_back(std::move(relationship));
  }
  return relationships;
}

std::string MainPartPath(ZipArchive& archive, ReadContext& context, std::string_view fallback) {
  for (const Relationship& relationship : LoadRelationships(archive, "", context)) {
    if (!relationship.external && relationship.type.ends_with("/officeDocument") &&
        archive.Find(relationship.target) != nullptr) {
      return relationship.target;
    }
  }
  return std::string(fallback);
}

std::string_view LocalName(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node ChildNamed(const pugi::xml_node& node, std::string_view name) {
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() == pugi::node_element && LocalName(child) == name) return child;
  }
  return pugi::xml_node();
}

pugi::xml_attribute AttributeNamed(const pugi::xml_node& node, std::string_view name) {
  for (const pugi::xml_attribute& attribute : node.attributes()) {
    std::string_view full = attribute.name();
    const std::size_t colon = full.find(':');
    if (colon != std::string_view::npos) full.remove_prefix(colon + 1);
    if (full == name) return attribute;
  }
  return pugi::xml_attribute();
}

}  // namespace foicode::extract
