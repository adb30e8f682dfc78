// Number, month and year readers for the facts stage.
#include "facts/numbers.h"

#include <array>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace foicode::facts {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<double> Multiplier(std::string_view suffix) {
  suffix = Trim(suffix);
  if (suffix.empty()) return 1.0;
  if (suffix == "k" || suffix == "thousand" || suffix == "000s") return 1e3;
  if (suffix == "m" || suffix == "million" || suffix == "mn") return 1e6;
  if (suffix == "bn" || suffix == "billion") return 1e9;
  return std::nullopt;
}

std::optional<double> ParseDigits(std::string_view text, std::string_view* rest) {
  std::string digits;
  std::size_t i = 0;
  bool seen_decimal = false;
  while (i < text.size()) {
    const char c = text[i];
    if (IsDigit(c)) {
      digits.push_back(c);
      ++i;
    } else if ((c == ',' || c == ' ') && !seen_decimal && !digits.empty() &&
               i + 3 < text.size() && IsDigit(text[i + 1]) && IsDigit(text[i + 2]) &&
               IsDigit(text[i + 3]) && (i + 4 >= text.size() || !IsDigit(text[i + 4]))) {
      // A thousands separator is followed by exactly three digits.
      ++i;
    } else if (c == '.' && !seen_decimal && i + 1 < text.size() && IsDigit(text[i + 1])) {
      seen_decimal = true;
      digits.push_back('.');
      ++i;
    } else {
      break;
    }
  }
  // Fifteen digits is beyond any count a reply gives, and keeps the value exact in a double;
  // a longer run (hostile, or a reference) is no number.
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  *rest = text.substr(i);
  return std::strtod(digits.c_str(), nullptr);
}

struct Word {
  std::string_view word;
  int value;
};

constexpr std::array<Word, 31> kSmall = {{
    {"zero", 0},      {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},      {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},      {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15},  {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20},   {"thirty", 30},    {"forty", 40},     {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},  {"eighty", 80},    {"ninety", 90},    {"once", 1},      {"twice", 2},
    {"thrice", 3},
}};

std::optional<double> ParseWords(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '-')) ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '-') ++j;
    if (j > i) tokens.push_back(text.substr(i, j - i));
    i = j;
  }
  if (tokens.empty()) return std::nullopt;
  double total = 0;
  double current = 0;
  bool any = false;
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    const std::string_view token = tokens[t];
    if (token == "a" || token == "an") {
      current = current == 0 ? 1 : current;
      continue;
    }
    if (token == "and") continue;
    if (token == "dozen") {
      current = (current == 0 ? 1 : current) * 12;
      any = true;
      continue;
    }
    if (token == "hundred") {
      current = (current == 0 ? 1 : current) * 100;
      any = true;
      continue;
    }
    if (token == "thousand" || token == "million") {
      total += (current == 0 ? 1 : current) * (token == "thousand" ? 1e3 : 1e6);
      current = 0;
      any = true;
      continue;
    }
    bool found = false;
    for (const Word& w : kSmall) {
      if (w.word == token) {
        current += w.value;
        found = any = true;
        break;
      }
    }
    if (!found) return std::nullopt;
  }
  if (!any) return std::nullopt;
  return total + current;
}

// Vague number words: what a reply most likely means by them. The ranges are documented in
// rules/usage.rules, whose rules alone decide where these words may be read as a count.
struct VagueWord {
  std::string_view words;
  double low;
  double high;
};

constexpr std::array<VagueWord, 6> kVague = {{
    {"a couple of", 2, 2},  {"a couple", 2, 2}, {"a few", 2, 5},
    {"a handful of", 3, 5}, {"a handful", 3, 5}, {"several", 3, 7},
}};

// `text` with line breaks as spaces and runs of spaces collapsed ("a\ncouple  of").
std::string OneSpaced(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::optional<double> ParseAmount(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (IsDigit(text.front())) {
    std::string_view rest;
    const std::optional<double> value = ParseDigits(text, &rest);
    if (!value) return std::nullopt;
    const std::optional<double> multiplier = Multiplier(rest);
    if (!multiplier) return std::nullopt;
    return *value * *multiplier;
  }
  return ParseWords(text);
}

std::optional<Quantity> ParseQuantity(std::string_view text) {
  text = Trim(text);
  const std::string words = OneSpaced(text);
  for (const VagueWord& v : kVague) {
    if (words == v.words) return Quantity{v.low, v.high, true};
  }
  if (text.substr(0, 8) == "between ") text = Trim(text.substr(8));
  // Split at the range separator: " to ", " and ", or a dash between two amounts.
  std::size_t split = std::string_view::npos;
  std::size_t split_len = 0;
  for (std::string_view sep : {" to ", " and ", " - ", "- ", " -"}) {
    const std::size_t at = text.find(sep);
    if (at != std::string_view::npos && at > 0) {
      split = at;
      split_len = sep.size();
      break;
    }
  }
  if (split == std::string_view::npos) {
    // "10-15": a dash between digits (but not inside a word number like "twenty-five").
    for (std::size_t i = 1; i + 1 < text.size(); ++i) {
      const char before = text[i - 1];
      if (text[i] == '-' && (IsDigit(before) || before == 'k' || before == 'm') && IsDigit(text[i + 1])) {
        split = i;
        split_len = 1;
        break;
      }
    }
  }
  if (split == std::string_view::npos) {
    const std::optional<double> value = ParseAmount(text);
    if (!value) return std::nullopt;
    return Quantity{*value, *value};
  }
  std::string_view low_text = Trim(text.substr(0, split));
  const std::string_view high_text = Trim(text.substr(split + split_len));
  std::optional<double> high = ParseAmount(high_text);
  std::optional<double> low = ParseAmount(low_text);
  if (!low || !high) return std::nullopt;
  // "25-30k": the multiplier written once on the high bound applies to the low bound too.
  if (!low_text.empty() && IsDigit(low_text.back())) {
    std::string_view rest;
    std::string_view high_digits = high_text;
    if (!high_digits.empty() && IsDigit(high_digits.front())) {
      const std::optional<double> bare = ParseDigits(high_digits, &rest);
      const std::optional<double> multiplier = Multiplier(rest);
      if (bare && multiplier && *multiplier > 1 && *low < *bare) *low *= *multiplier;
    }
  }
  if (*low > *high) return std::nullopt;
  return Quantity{*low, *high};
}

std::optional<int> MonthNumber(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  text = Trim(text);
  if (!text.empty() && text.back() == '.') text.remove_suffix(1);
  if (text.size() < 3) return std::nullopt;
  if (text == "sept") return 9;
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i].substr(0, text.size()) == text) return static_cast<int>(i) + 1;
  }
  return std::nullopt;
}

std::optional<int> ParseYear(std::string_view text) {
  text = Trim(text);
  for (char c : text) {
    if (!IsDigit(c)) return std::nullopt;
  }
  if (text.size() == 4) return std::stoi(std::string(text));
  if (text.size() == 2) return 2000 + std::stoi(std::string(text));
  return std::nullopt;
}

}  // namespace foicode::facts
