// A small RTF tokenizer that keeps the text and drops everything else.
#include "extract/rtf_text.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "extract/charset.h"
#include "extract/page_text.h"

namespace foicode::extract {
namespace {

struct GroupState {
  bool skip = false;   // inside a destination that is not text
  int unicode_skip = 1;  // \ucN: fallback bytes after each \uN
};

bool IsSkippedDestination(const std::string& word) {
  return word == "fonttbl" || word == "colortbl" || word == "stylesheet" || word == "info" ||
         word == "pict" || word == "object" || word == "themedata" || word == "datastore" ||
         word == "latentstyles" || word == "listtable" || word == "listoverridetable" ||
         word == "rsidtbl" || word == "generator" || word == "xmlnstbl" || word == "mmathPr";
}

// The charset label of Windows codepage `codepage` (\ansicpgN), for DecodeToUtf8.
std::string CodepageLabel(long long codepage) {
  if (codepage == 65001) return "utf-8";
  if (codepage >= 1250 && codepage <= 1258) return "windows-" + std::to_string(codepage);
  switch (codepage) {
    case 874: return "windows-874";
    case 932: return "shift_jis";
    case 936: return "gbk";
    case 949: return "euc-kr";
    case 950: return "big5";
    case 10000: return "macintosh";
    case 20127: case 28591: return "windows-1252";
    default: return codepage > 0 ? "cp" + std::to_string(codepage) : "windows-1252";
  }
}

bool IsHighSurrogate(std::uint32_t cp) { return cp >= 0xD800 && cp <= 0xDBFF; }
bool IsLowSurrogate(std::uint32_t cp) { return cp >= 0xDC00 && cp <= 0xDFFF; }

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
  // \'hh bytes waiting to be decoded together (a double-byte codepage needs both bytes).
  std::string bytes;
  std::string codepage = "windows-1252";  // \ansicpgN; RTF's default is ANSI, windows-1252
  // \uN of a UTF-16 high surrogate, waiting for its low half; 0 when none.
  std::uint32_t high_surrogate = 0;
  auto flush_bytes = [&]() {
    if (bytes.empty()) return;
    out += DecodeToUtf8(bytes, codepage).text;
    bytes.clear();
  };
  auto drop_high_surrogate = [&]() {
    if (high_surrogate == 0) return;
    AppendUtf8(out, 0xFFFD);
    high_surrogate = 0;
  };
  auto flush = [&]() {
    drop_high_surrogate();
    flush_bytes();
  };
  std::vector<GroupState> stack(1);
  bool html_rtf = false;  // inside \htmlrtf ... \htmlrtf0: RTF-only rendering of HTML
  int pending_skip = 0;   // fallback characters still to drop after \uN
  bool group_start = false;
  std::size_t i = 0;
  while (i < rtf.size()) {
    const char c = rtf[i];
    if (c == '{') {
      flush();
      if (stack.size() < kMaxGroups) stack.push_back(stack.back());
      group_start = true;
      ++i;
      continue;
    }
    if (c == '}') {
      flush();
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
        if (!skipping && hi >= 0 && lo >= 0) {
          drop_high_surrogate();
          bytes.push_back(static_cast<char>(hi * 16 + lo));
        }
        continue;
      }
      if (!((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) {
        // Control symbols: \\ \{ \} are text; \~ is a non-breaking space; others are ignored.
        i += 2;
        if (skipping) continue;
        flush();
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
      if (word == "ansicpg" && has_param) {
        flush();
        codepage = CodepageLabel(param);
        continue;
      }
      if (word == "uc" && has_param) {
        stack.back().unicode_skip = static_cast<int>(param < 0 ? 0 : param > 8 ? 8 : param);
        continue;
      }
      if (stack.back().skip || html_rtf) continue;
      if (word == "par" || word == "line" || word == "row" || word == "sect" || word == "page") {
        flush();
        out.push_back('\n');
      } else if (word == "tab" || word == "cell") {
        flush();
        out += word == "cell" ? " | " : "\t";
      } else if (word == "u" && has_param) {
        // Characters outside the BMP come as two \uN, a UTF-16 surrogate pair.
        flush_bytes();
        const auto unit = static_cast<std::uint32_t>(param < 0 ? param + 65536 : param) & 0xFFFF;
        if (IsHighSurrogate(unit)) {
          drop_high_surrogate();
          high_surrogate = unit;
        } else if (IsLowSurrogate(unit) && high_surrogate != 0) {
          AppendUtf8(out, 0x10000 + ((high_surrogate - 0xD800) << 10) + (unit - 0xDC00));
          high_surrogate = 0;
        } else {
          drop_high_surrogate();
          AppendUtf8(out, unit);
        }
        pending_skip = stack.back().unicode_skip;
      } else if (word == "emdash" || word == "endash") {
        flush();
        out += word == "emdash" ? "\u2014" : "\u2013";
      } else if (word == "lquote" || word == "rquote") {
        flush();
        out += word == "lquote" ? "\u2018" : "\u2019";
      } else if (word == "ldblquote" || word == "rdblquote") {
        flush();
        out += word == "ldblquote" ? "\u201C" : "\u201D";
      } else if (word == "bullet") {
        flush();
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
      drop_high_surrogate();
      bytes.push_back(c);
    } else {
      flush();
      out.push_back(c);
    }
  }
  flush();
  return NormalizeLines(out);
}

}  // namespace foicode::extract
