// Scores a page's text layer: too little text, broken glyph mappings, no words.
#include "extract/pdf_quality.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace foicode::extract {
namespace {

// Fewer visible characters than a short sentence: a scan with a stamped page number, or
// nothing at all. Tika's AUTO strategy uses 10; a page number plus a date is already ~15.
constexpr int kMinVisible = 20;
// Fonts without a usable ToUnicode map come out as U+FFFD, private-use or control codes.
constexpr double kMaxJunkShare = 0.3;
// Real text, even a table of figures with its headings, is mostly words; a font whose
// glyph codes map to arbitrary ASCII ("#$%&'") is not.
constexpr double kMinWordShare = 0.2;

bool IsJunk(UChar32 c) {
  if (c < 0 || c == 0xFFFD) return true;
  if (c == '\n' || c == '\t') return false;
  const int8_t type = u_charType(c);
  return type == U_CONTROL_CHAR || type == U_PRIVATE_USE_CHAR || type == U_UNASSIGNED ||
         type == U_SURROGATE;
}

bool IsAsciiVowel(UChar32 c) {
  switch (c | 0x20) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
    case 'y':
      return true;
    default:
      return false;
  }
}

}  // namespace

TextQuality MeasureText(std::string_view text) {
  TextQuality q;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int run = 0;
  bool run_ascii = true;
  bool run_vowel = false;
  auto end_run = [&] {
    if (run >= 2 && (!run_ascii || run_vowel)) q.word_letters += run;
    run = 0;
    run_ascii = true;
    run_vowel = false;
  };
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const bool space = c >= 0 && u_isUWhiteSpace(c);
    if (!space) ++q.visible;
    if (IsJunk(c)) ++q.junk;
    if (c >= 0 && u_isalpha(c) && !IsJunk(c)) {
      ++run;
      if (c >= 0x80) run_ascii = false;
      if (IsAsciiVowel(c)) run_vowel = true;
    } else {
      end_run();
    }
  }
  end_run();
  return q;
}

std::string WhyTextUnusable(std::string_view text) {
  const TextQuality q = MeasureText(text);
  if (q.visible == 0) return "no text layer";
  if (q.visible < kMinVisible) {
    return "only " + std::to_string(q.visible) + " characters of text";
  }
  if (q.junk > kMaxJunkShare * q.visible) return std::string(kJunkText);
  if (q.word_letters < kMinWordShare * q.visible) return std::string(kNoWords);
  return "";
}

}  // namespace foicode::extract
