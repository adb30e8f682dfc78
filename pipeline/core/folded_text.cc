#include "core/folded_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace foicode {
namespace {

enum class Fold { kKeep, kDrop, kSpace, kLineBreak, kDash, kSingleQuote, kDoubleQuote, kSlash };

Fold Classify(UChar32 c) {
  switch (c) {
    case 0x00AD:  // soft hyphen
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:  // zero-width
      return Fold::kDrop;
    case '\n': case '\r': case 0x2028: case 0x2029: case 0x0B: case 0x0C:
      return Fold::kLineBreak;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return Fold::kDash;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x00B4: case 0x0060:
      return Fold::kSingleQuote;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return Fold::kDoubleQuote;
    case 0x2044: case 0x2215:  // fraction slash, division slash
      return Fold::kSlash;
    default:
      break;
  }
  if (c == '\t' || u_charType(c) == U_SPACE_SEPARATOR) return Fold::kSpace;
  return Fold::kKeep;
}

}  // namespace

FoldedText::FoldedText(std::string_view original, FoldOptions options) {
  UErrorCode status = U_ZERO_ERROR;
  // NFKC case folding is a shared, immutable singleton: safe on every thread.
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  text_.reserve(original.size());
  origin_.reserve(original.size() + 1);
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(original.data());
  const auto length = static_cast<int32_t>(original.size());
  int index = 0;  // code point index in the original
  auto append = [&](std::string_view piece) {
    for (char b : piece) {
      text_.push_back(b);
      origin_.push_back(index);
    }
  };
  auto append_space = [&] {
    if (!text_.empty() && text_.back() != ' ' && text_.back() != '\n') append(" ");
  };
  for (int32_t i = 0; i < length; ++index) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c == '\r' && i < length && bytes[i] == '\n') continue;  // CRLF is one line break
    switch (Classify(c)) {
      case Fold::kDrop: continue;
      case Fold::kSpace: append_space(); continue;
      case Fold::kLineBreak:
        if (options.fold_line_breaks) {
          append_space();
        } else {
          while (!text_.empty() && text_.back() == ' ') {
            text_.pop_back();
            origin_.pop_back();
          }
          append("\n");
        }
        continue;
      case Fold::kDash: append("-"); continue;
      case Fold::kSingleQuote: append("'"); continue;
      case Fold::kDoubleQuote: append("\""); continue;
      case Fold::kSlash: append("/"); continue;
      case Fold::kKeep: break;
    }
    if (c < 0x80) {
      // ASCII fast path: NFKC case folding of ASCII is lower-casing.
      const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
      if (lower == ' ') {
        append_space();
      } else {
        append(std::string_view(&lower, 1));
      }
      continue;
    }
    // Folded one code point at a time, so every output byte has one origin. Replies hardly
    // ever hold combining sequences that NFKC would compose across code points.
    icu::UnicodeString folded;
    UErrorCode fold_status = U_ZERO_ERROR;
    nfkc_cf->normalize(icu::UnicodeString(c), folded, fold_status);
    std::string utf8;
    if (U_FAILURE(status) || U_FAILURE(fold_status)) {
      icu::UnicodeString(c).toUTF8String(utf8);
    } else {
      folded.toUTF8String(utf8);
    }
    append(utf8);
  }
  origin_.push_back(index);
}

int FoldedText::OriginalStart(std::size_t byte) const {
  if (byte >= origin_.size()) return origin_.back();
  return origin_[byte];
}

int FoldedText::OriginalEnd(std::size_t byte_end) const {
  if (byte_end == 0) return origin_.front();
  if (byte_end >= text_.size()) return origin_.back();
  return origin_[byte_end - 1] + 1;
}

}  // namespace foicode
