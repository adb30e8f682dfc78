#include "extract/limit_options.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <variant>

namespace foicode::extract {
namespace {

using Member = std::variant<std::uint64_t Limits::*, int Limits::*, double Limits::*, bool Limits::*>;

struct Entry {
  LimitInfo info;
  Member member;
};

const std::vector<Entry>& Entries() {
  static const std::vector<Entry> entries = {
      {{"max_file_bytes", "bytes", "largest input file read at all"}, &Limits::max_file_bytes},
      {{"max_pages", "count", "pages read from one PDF or TIFF"}, &Limits::max_pages},
      {{"max_parts", "count", "attachments and entries read from one input, all depths"}, &Limits::max_parts},
      {{"max_depth", "count", "containers inside containers"}, &Limits::max_depth},
      {{"max_unpacked_bytes", "bytes", "bytes unpacked from zips, OOXML and TNEF for one input"},
       &Limits::max_unpacked_bytes},
      {{"max_unpack_ratio", "ratio", "unpacked/packed size of one zip entry (bomb guard)"},
       &Limits::max_unpack_ratio},
      {{"min_bytes_for_ratio_check", "bytes", "entries smaller than this skip the ratio check"},
       &Limits::min_bytes_for_ratio_check},
      {{"max_entries", "count", "entries listed in one zip, OOXML or .msg file"}, &Limits::max_entries},
      {{"max_xml_depth", "count", "XML element depth followed in DOCX/XLSX"}, &Limits::max_xml_depth},
      {{"max_cells", "count", "cells read from one spreadsheet or CSV"}, &Limits::max_cells},
      {{"max_text_chars", "count", "characters kept per page or body"}, &Limits::max_text_chars},
      {{"ocr_dpi", "dpi", "resolution pages are rendered at for OCR"}, &Limits::ocr_dpi},
      {{"ocr_seconds_per_page", "seconds", "OCR time for one page"}, &Limits::ocr_seconds_per_page},
      {{"ocr_seconds_per_input", "seconds", "OCR time for one input"}, &Limits::ocr_seconds_per_input},
      {{"max_image_pixels", "pixels", "pixels in one decoded image or rendered page"}, &Limits::max_image_pixels},
      {{"ocr_enabled", "on/off", "read pages with no text layer by OCR"}, &Limits::ocr_enabled},
      {{"child_seconds", "seconds", "time for the winmail.dat reader"}, &Limits::child_seconds},
      {{"child_memory_bytes", "bytes", "memory for the winmail.dat reader"}, &Limits::child_memory_bytes},
      {{"input_seconds", "seconds", "time for reading one input, in all"}, &Limits::input_seconds},
      {{"stall_seconds", "seconds", "time a reader may spend on one page or part"}, &Limits::stall_seconds},
      {{"worker_memory_bytes", "bytes", "memory of the process reading one input"},
       &Limits::worker_memory_bytes},
  };
  return entries;
}

const Entry* Find(std::string_view name) {
  for (const Entry& e : Entries()) {
    if (e.info.name == name) return &e;
  }
  return nullptr;
}

// "512M" -> 536870912; false when not a whole number with an optional K/M/G.
bool ParseBytes(std::string_view text, std::uint64_t* out) {
  std::uint64_t scale = 1;
  if (!text.empty()) {
    switch (text.back()) {
      case 'K': case 'k': scale = 1ull << 10; break;
      case 'M': case 'm': scale = 1ull << 20; break;
      case 'G': case 'g': scale = 1ull << 30; break;
      default: break;
    }
    if (scale != 1) text.remove_suffix(1);
  }
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return false;
  if (value > std::numeric_limits<std::uint64_t>::max() / scale) return false;
  *out = value * scale;
  return true;
}

}  // namespace

std::string LimitNote(std::string_view name) {
  return "limit " + std::string(name) + "; raise it with --limit " + std::string(name) + "=VALUE";
}

const std::vector<LimitInfo>& LimitTable() {
  static const std::vector<LimitInfo> table = [] {
    std::vector<LimitInfo> t;
    for (const Entry& e : Entries()) t.push_back(e.info);
    return t;
  }();
  return table;
}

Status SetLimit(std::string_view name, std::string_view value, Limits* limits) {
  const Entry* entry = Find(name);
  if (entry == nullptr) {
    return Status::Error("unknown limit '" + std::string(name) + "' (foicode run --help lists them)");
  }
  const std::string bad = "limit " + std::string(name) + " needs ";
  if (auto* m = std::get_if<bool Limits::*>(&entry->member)) {
    if (value == "on" || value == "true" || value == "1") {
      limits->**m = true;
    } else if (value == "off" || value == "false" || value == "0") {
      limits->**m = false;
    } else {
      return Status::Error(bad + "on or off, not '" + std::string(value) + "'");
    }
    return Status::Ok();
  }
  if (auto* m = std::get_if<double Limits::*>(&entry->member)) {
    double v = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(v) || v <= 0)
      return Status::Error(bad + "a positive number, not '" + std::string(value) + "'");
    limits->**m = v;
    return Status::Ok();
  }
  std::uint64_t v = 0;
  const bool bytes = entry->info.unit == "bytes";
  bool parsed = false;
  if (bytes) {
    parsed = ParseBytes(value, &v);
  } else {
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    parsed = ec == std::errc() && end == value.data() + value.size() && !value.empty();
  }
  if (!parsed || v == 0) {
    return Status::Error(bad + (bytes ? "a positive whole number of bytes (K, M or G allowed)"
                                      : "a positive whole number") +
                         ", not '" + std::string(value) + "'");
  }
  // Seconds become milliseconds in places; a million seconds (11 days) is past any honest need.
  if (entry->info.unit == "seconds" && v > 1'000'000) {
    return Status::Error(bad + "at most 1000000 seconds, not '" + std::string(value) + "'");
  }
  if (auto* m = std::get_if<int Limits::*>(&entry->member)) {
    if (v > static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
      return Status::Error(bad + "a value below 2147483648, not '" + std::string(value) + "'");
    limits->**m = static_cast<int>(v);
  } else {
    limits->*std::get<std::uint64_t Limits::*>(entry->member) = v;
  }
  return Status::Ok();
}

Status SetLimits(std::string_view assignments, Limits* limits) {
  while (!assignments.empty()) {
    const std::size_t comma = assignments.find(',');
    const std::string_view pair = assignments.substr(0, comma);
    assignments = comma == std::string_view::npos ? std::string_view() : assignments.substr(comma + 1);
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      return Status::Error("--limit needs NAME=VALUE, not '" + std::string(pair) + "'");
    }
    if (Status s = SetLimit(pair.substr(0, eq), pair.substr(eq + 1), limits); !s.ok()) return s;
  }
  return Status::Ok();
}

std::string LimitValue(const Limits& limits, std::string_view name) {
  const Entry* entry = Find(name);
  if (entry == nullptr) return "";
  return std::visit(
      [&](auto member) -> std::string {
        const auto& v = limits.*member;
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, bool>) {
          return v ? "on" : "off";
        } else if constexpr (std::is_same_v<T, double>) {
          char buffer[64];
          const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
          return std::string(buffer, ec == std::errc() ? end : buffer);
        } else {
          if (entry->info.unit == "bytes" && v > 0) {
            for (const auto& [scale, suffix] : {std::pair{1ull << 30, "G"}, {1ull << 20, "M"}, {1ull << 10, "K"}}) {
              if (static_cast<std::uint64_t>(v) % scale == 0) return std::to_string(v / scale) + suffix;
            }
          }
          return std::to_string(v);
        }
      },
      entry->member);
}

nlohmann::json LimitsToJson(const Limits& limits) {
  nlohmann::json json = nlohmann::json::object();
  for (const Entry& e : Entries()) json[std::string(e.info.name)] = LimitValue(limits, e.info.name);
  return json;
}

Status LimitsFromJson(const nlohmann::json& json, Limits* limits) {
  if (!json.is_object()) return Status::Error("limits are not an object");
  for (const auto& [name, value] : json.items()) {
    if (!value.is_string()) return Status::Error("limit " + name + " is not text");
    if (Status s = SetLimit(name, value.get<std::string>(), limits); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace foicode::extract
