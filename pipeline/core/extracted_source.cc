#include "core/extracted_source.h"

#include <array>
#include <utility>

namespace foicode {
namespace {

constexpr std::array<std::pair<Kind, std::string_view>, 12> kKindNames = {{
    {Kind::kUnknown, "unknown"},
    {Kind::kPdf, "pdf"},
    {Kind::kEml, "eml"},
    {Kind::kMsg, "msg"},
    {Kind::kTnef, "tnef"},
    {Kind::kZip, "zip"},
    {Kind::kDocx, "docx"},
    {Kind::kXlsx, "xlsx"},
    {Kind::kCsv, "csv"},
    {Kind::kTxt, "txt"},
    {Kind::kHtml, "html"},
    {Kind::kImage, "image"},
}};

}  // namespace

std::string_view KindName(Kind kind) {
  for (const auto& [k, name] : kKindNames) {
    if (k == kind) return name;
  }
  return "unknown";
}

Kind KindFromName(std::string_view name) {
  for (const auto& [k, n] : kKindNames) {
    if (n == name) return k;
  }
  return Kind::kUnknown;
}

}  // namespace foicode
