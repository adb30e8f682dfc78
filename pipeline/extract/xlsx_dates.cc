// Excel number-format classification and serial-date conversion.
#include "extract/xlsx_dates.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/ascii.h"
#include "extract/civil_time.h"

namespace foicode::extract {
NumberFormatKind ClassifyNumberFormat(int id, std::string_view code) {
  if (code.empty()) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)) {
      return NumberFormatKind::kDate;
    }
    if ((id >= 18 && id <= 21) || id == 45 || id == 47) return NumberFormatKind::kTime;
    if (id == 22) return NumberFormatKind::kDateTime;
    if (id == 46) return NumberFormatKind::kElapsed;
    return NumberFormatKind::kNumber;
  }
  bool date = false, time = false, month = false, elapsed = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = AsciiLower(code[i]);
    if (c == ';') break;  // later sections are for negatives, zero and text
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      // [h], [mm], [ss] are elapsed time; [Red], [$-809], [>100] are not about dates.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) {
        elapsed = true;
        time = true;
      }
      i = close;
    } else if (c == 'a' && (code.substr(i, 5) == "AM/PM" || code.substr(i, 5) == "am/pm")) {
      time = true;
      i += 4;
    } else if (c == 'a' && (code.substr(i, 3) == "A/P" || code.substr(i, 3) == "a/p")) {
      time = true;
      i += 2;
    } else if (c == 'd' || c == 'y') {
      date = true;
    } else if (c == 'h' || c == 's') {
      time = true;
    } else if (c == 'm') {
      month = true;
    }
  }
  // "m" is minutes next to hours or seconds, months otherwise.
  if (month && !time) date = true;
  if (elapsed && !date) return NumberFormatKind::kElapsed;
  if (date && time) return NumberFormatKind::kDateTime;
  if (date) return NumberFormatKind::kDate;
  if (time) return NumberFormatKind::kTime;
  return NumberFormatKind::kNumber;
}

std::string FormatSerialDate(double serial, NumberFormatKind kind, bool date1904) {
  if (kind == NumberFormatKind::kNumber || !std::isfinite(serial) || serial < 0 ||
      serial >= 2958466.0) {
    return "";
  }
  const long long total_seconds = std::llround(serial * 86400.0);
  const long long whole_days = total_seconds / 86400;
  const long long seconds = total_seconds % 86400;
  char clock[32];
  if (kind == NumberFormatKind::kElapsed) {
    std::snprintf(clock, sizeof clock, "%lld:%02lld:%02lld", total_seconds / 3600,
                  (total_seconds / 60) % 60, total_seconds % 60);
    return clock;
  }
  std::snprintf(clock, sizeof clock, "%02lld:%02lld:%02lld", seconds / 3600, (seconds / 60) % 60,
                seconds % 60);
  if (kind == NumberFormatKind::kTime) return clock;

  char date[32];
  if (!date1904 && whole_days == 60) {
    // Lotus 1-2-3 treated 1900 as a leap year and Excel kept the bug for compatibility.
    std::snprintf(date, sizeof date, "1900-02-29");
  } else {
    long long days_since_1970;
    if (date1904) {
      days_since_1970 = whole_days - 24107;
    } else {
      // Serials before the fictional 29 February count from 1899-12-31, later ones one day earlier.
      days_since_1970 = whole_days < 60 ? whole_days - 25568 : whole_days - 25569;
    }
    const CivilDate civil = CivilFromDays(days_since_1970);
    std::snprintf(date, sizeof date, "%04lld-%02u-%02u", civil.year, civil.month, civil.day);
  }
  if (kind == NumberFormatKind::kDate) return date;
  return std::string(date) + "T" + clock;
}

std::string FormatNumber(double value) {
  if (value == 0) return "0";  // also -0
  char buffer[64];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
  if (ec != std::errc()) return "";
  return std::string(buffer, end);
}

}  // namespace foicode::extract
