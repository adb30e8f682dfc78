// A small RTF tokenizer that keeps the text and drops everything else.
#include "extract/rtf_text.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/charset.h"
#include "extract/page_text.h"

namespace foicode::extract {
namespace {

struct GroupState {
  bool skip = false;   // inside a destination that is not text
  int unicode_skip = 1;  // \ucN: fallback bytes after each \uN
};

void AppendCodePoint(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsSkippedDestination(const std::string& word) {
  return word == "fonttbl" || word == "colortbl" || word == "stylesheet" || word == "info" ||
         word == "pict" || word == "object" || word == "themedata" || word == "datastore" ||
         word == "latentstyles" || word == "listtable" || word == "listoverridetable" ||
         word == "rsidtbl" || word == "generator" || word == "xmlnstbl" || word == "mmathPr";
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string RtfToText(std::string_view rtf) {
  constexpr std::size_t kMaxGroups = 1000;
  std::string out;
  std::string bytes;  // \'hh bytes waiting to be decoded as windows-1252
  auto flush_bytes = [&]() {
    if (bytes.empty()) return;
    out += DecodeToUtf8(bytes, "windows-1252").text;
    bytes.clear();
  };
  std::vector<GroupState> stack(1);
  bool html_rtf = false;  // inside \htmlrtf ... \htmlrtf0: RTF-only rendering of HTML
  int pending_skip = 0;   // fallback characters still to drop after \uN
  bool group_start = false;
  std::size_t i = 0;
  while (i < rtf.size()) {
    const char c = rtf[i];
    if (c == '{') {
      flush_bytes();
      if (stack.size() < kMaxGroups) stack.push_back(stack.back());
      group_start = true;
      ++i;
      continue;
    }
    if (c == '}') {
      flush_bytes();
      if (stack.size() > 1) stack.pop_back();
      group_start = false;
      ++i;
      continue;
    }
    const bool skipping = stack.back().skip || html_rtf;
    if (c == '\\' && i + 1 < rtf.size()) {
      const char next = rtf[i + 1];
      if (next == '*') {
        stack.back().skip = true;
        i += 2;
        continue;
      }
      if (next == '\'' && i + 3 < rtf.size()) {
        const int hi = HexValue(rtf[i + 2]);
        const int lo = HexValue(rtf[i + 3]);
        i += 4;
        if (pending_skip > 0) {
          --pending_skip;
          continue;
        }
        if (!skipping && hi >= 0 && lo >= 0) bytes.push_back(static_cast<char>(hi * 16 + lo));
        continue;
      }
      if (!((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) {
        // Control symbols: \\ \{ \} are text; \~ is a non-breaking space; others are ignored.
        i += 2;
        if (skipping) continue;
        flush_bytes();
        if (next == '\\' || next == '{' || next == '}') out.push_back(next);
        if (next == '~') out.push_back(' ');
        if (next == '\n' || next == '\r') out.push_back('\n');
        continue;
      }
      std::size_t j = i + 1;
      std::string word;
      while (j < rtf.size() && word.size() < 32 &&
             ((rtf[j] >= 'a' && rtf[j] <= 'z') || (rtf[j] >= 'A' && rtf[j] <= 'Z'))) {
        word.push_back(rtf[j++]);
      }
      bool has_param = false;
      bool negative = false;
      long long param = 0;
      if (j < rtf.size() && rtf[j] == '-') {
        negative = true;
        ++j;
      }
      while (j < rtf.size() && rtf[j] >= '0' && rtf[j] <= '9') {
        if (param < 100'000'000) param = param * 10 + (rtf[j] - '0');
        has_param = true;
        ++j;
      }
      if (negative) param = -param;
      if (j < rtf.size() && rtf[j] == ' ') ++j;
      i = j;
      if (group_start && IsSkippedDestination(word)) stack.back().skip = true;
      group_start = false;
      if (word == "htmlrtf") {
        html_rtf = !(has_param && param == 0);
        continue;
      }
      if (word == "uc" && has_param) {
        stack.back().unicode_skip = static_cast<int>(param < 0 ? 0 : param > 8 ? 8 : param);
        continue;
      }
      if (stack.back().skip || html_rtf) continue;
      if (word == "par" || word == "line" || word == "row" || word == "sect" || word == "page") {
        flush_bytes();
        out.push_back('\n');
      } else if (word == "tab" || word == "cell") {
        flush_bytes();
        out += word == "cell" ? " | " : "\t";
      } else if (word == "u" && has_param) {
        flush_bytes();
        AppendCodePoint(out, static_cast<std::uint32_t>(param < 0 ? param + 65536 : param) & 0xFFFF);
        pending_skip = stack.back().unicode_skip;
      } else if (word == "emdash" || word == "endash") {
        flush_bytes();
        out += word == "emdash" ? "\u2014" : "\u2013";
      } else if (word == "lquote" || word == "rquote") {
        flush_bytes();
        out += word == "lquote" ? "\u2018" : "\u2019";
      } else if (word == "ldblquote" || word == "rdblquote") {
        flush_bytes();
        out += word == "ldblquote" ? "\u201C" : "\u201D";
      } else if (word == "bullet") {
        flush_bytes();
        out += "\u2022";
      }
      continue;
    }
    group_start = false;
    ++i;
    if (c == '\r' || c == '\n') continue;
    if (pending_skip > 0) {
      --pending_skip;
      continue;
    }
    if (skipping) continue;
    if (static_cast<unsigned char>(c) >= 0x80) {
      bytes.push_back(c);
    } else {
      flush_bytes();
      out.push_back(c);
    }
  }
  flush_bytes();
  return NormalizeLines(out);
}

}  // namespace foicode::extract
