// Charset decoding for every text-bearing reader: WHATWG labels, strict UTF-8, ICU detection.
#include "extract/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/ascii.h"
#include "core/utf8.h"

namespace foicode::extract {
namespace {

using ConverterPtr = std::unique_ptr<UConverter, decltype(&ucnv_close)>;
using DetectorPtr = std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)>;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"' ||
                        s.front() == '\'' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '"' ||
                        s.back() == '\'' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// The WHATWG encoding standard maps these labels to a different encoding than their names
// say: mail and web pages labelled iso-8859-1 or us-ascii are in practice windows-1252, and
// reading them as true Latin-1 turns the curly quotes and dashes (0x91-0x97) into C1 controls.
std::string CanonicalLabel(std::string_view declared) {
  const std::string label = AsciiLower(Trim(declared));
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kAliases = {{
      {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"},
      {"iso_8859-1", "windows-1252"}, {"iso88591", "windows-1252"},
      {"iso_8859-1:1987", "windows-1252"}, {"latin1", "windows-1252"},
      {"l1", "windows-1252"}, {"cp819", "windows-1252"}, {"ibm819", "windows-1252"},
      {"iso-ir-100", "windows-1252"}, {"csisolatin1", "windows-1252"},
      {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},
      {"ansi_x3.4-1968", "windows-1252"}, {"cp1252", "windows-1252"},
      {"x-cp1252", "windows-1252"}, {"windows-1252", "windows-1252"},
      {"iso-8859-9", "windows-1254"}, {"iso8859-9", "windows-1254"},
      {"latin5", "windows-1254"}, {"iso-8859-11", "windows-874"},
      {"tis-620", "windows-874"}, {"gb2312", "gbk"}, {"x-gbk", "gbk"},
      {"ks_c_5601-1987", "euc-kr"}, {"utf8", "utf-8"}, {"utf-8", "utf-8"},
      {"unicode-1-1-utf-8", "utf-8"}, {"x-unicode20utf8", "utf-8"},
      {"utf-16", "utf-16le"}, {"ucs-2", "utf-16le"}, {"unicode", "utf-16le"},
      {"iso-10646-ucs-2", "utf-16le"}, {"unicodefeff", "utf-16le"},
  }};
  for (const auto& [from, to] : kAliases) {
    if (label == from) return std::string(to);
  }
  return label;
}

bool HasNonAscii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// True when `bytes` holds at least one well-formed multi-byte UTF-8 sequence: text in a
// single-byte charset almost never does by accident.
bool HasUtf8MultiByte(std::string_view bytes) {
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    const auto next = static_cast<unsigned char>(bytes[i + 1]);
    if (lead >= 0xC2 && lead <= 0xF4 && (next & 0xC0) == 0x80) {
      const std::size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (i + len <= bytes.size() && IsValidUtf8(bytes.substr(i, len))) return true;
    }
  }
  return false;
}

struct SubstitutionCount {
  std::uint64_t count = 0;
};

// Counts what ICU could not decode and writes U+FFFD for it; ICU's own substitution writes
// U+001A for single-byte charsets, which would pass unnoticed as a control character.
void CountingSubstitute(const void* context, UConverterToUnicodeArgs* args, const char*,
                        int32_t, UConverterCallbackReason reason, UErrorCode* error) {
  if (reason > UCNV_IRREGULAR) return;
  auto* counter = static_cast<SubstitutionCount*>(const_cast<void*>(context));
  ++counter->count;
  *error = U_ZERO_ERROR;
  static const UChar kReplacement = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, error);
}

// Converts with ICU; false when ICU does not know `charset`.
bool Convert(std::string_view bytes, const std::string& charset, std::string* out,
             std::uint64_t* substitutions) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr source(ucnv_open(charset.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status) || source == nullptr) return false;
  status = U_ZERO_ERROR;
  ConverterPtr target(ucnv_open("UTF-8", &status), &ucnv_close);
  if (U_FAILURE(status) || target == nullptr) return false;
  SubstitutionCount counter;
  status = U_ZERO_ERROR;
  ucnv_setToUCallBack(source.get(), CountingSubstitute, &counter, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;

  out->clear();
  out->reserve(bytes.size() + bytes.size() / 4);
  std::array<char, 1 << 16> chunk;
  std::array<UChar, 1 << 12> pivot;
  UChar* pivot_source = pivot.data();
  UChar* pivot_target = pivot.data();
  const char* in = bytes.data();
  const char* in_end = bytes.data() + bytes.size();
  bool reset = true;
  for (;;) {
    char* target_ptr = chunk.data();
    status = U_ZERO_ERROR;
    ucnv_convertEx(target.get(), source.get(), &target_ptr, chunk.data() + chunk.size(), &in,
                   in_end, pivot.data(), &pivot_source, &pivot_target,
                   pivot.data() + pivot.size(), reset, /*flush=*/true, &status);
    reset = false;
    out->append(chunk.data(), static_cast<std::size_t>(target_ptr - chunk.data()));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    break;
  }
  if (U_FAILURE(status)) {
    // ICU gave up part way (should not happen with a substituting callback): keep what was
    // converted and count the rest as lost.
    ++counter.count;
  }
  *substitutions = counter.count;
  return true;
}

bool IsSingleByte(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr converter(ucnv_open(charset.c_str(), &status), &ucnv_close);
  if (U_FAILURE(status) || converter == nullptr) return false;
  return ucnv_getMaxCharSize(converter.get()) == 1;
}

// ICU's detector needs a few hundred bytes and confuses the Latin single-byte charsets with
// one another (26 bytes of Latin-1 came back as Turkish): for UK replies windows-1252 is the
// overwhelming prior, so the detector is believed only when it is confident, or when it
// names a charset of another family (CJK, Cyrillic, UTF-16).
std::string DetectCharset(std::string_view bytes) {
  constexpr std::size_t kSampleBytes = 1 << 20;
  constexpr int32_t kConfidenceFloor = 30;
  constexpr int32_t kOtherLatinFloor = 60;
  std::string best = "windows-1252";
  UErrorCode status = U_ZERO_ERROR;
  DetectorPtr detector(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status) || detector == nullptr) return best;
  const std::string_view sample = bytes.substr(0, kSampleBytes);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return best;
  const char* name = ucsdet_getName(match, &status);
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr) return best;
  const std::string detected = CanonicalLabel(name);
  if (detected == "utf-8" || detected == "windows-1252") return best;
  const bool latin = detected.rfind("iso-8859-", 0) == 0 || detected.rfind("windows-125", 0) == 0;
  if (confidence >= (latin ? kOtherLatinFloor : kConfidenceFloor)) return detected;
  return best;
}

Flag GuessedFlag(std::string message) {
  return Flag{std::string(flag_codes::kCharsetGuessed), std::move(message)};
}

DecodedText DecodeDetected(std::string_view bytes, const std::string& why) {
  DecodedText result;
  const std::string charset = DetectCharset(bytes);
  std::uint64_t substitutions = 0;
  if (!Convert(bytes, charset, &result.text, &substitutions)) {
    std::size_t replaced = 0;
    result.text = ToValidUtf8(bytes, &replaced);
    substitutions = replaced;
  }
  result.flags.push_back(GuessedFlag(why + "; the text was read as " + charset + " (detected)."));
  if (substitutions > 0) {
    result.flags.push_back(Flag{std::string(flag_codes::kCharsetRepaired),
                                std::to_string(substitutions) +
                                    " byte sequences could not be decoded and were replaced "
                                    "with U+FFFD."});
  }
  return result;
}

}  // namespace

DecodedText DecodeToUtf8(std::string_view bytes, std::string_view declared) {
  std::string charset = CanonicalLabel(declared);
  // A byte order mark outranks any label, as in the WHATWG decode algorithm.
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    charset = "utf-8";
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    bytes.remove_prefix(2);
    charset = "utf-16le";
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    bytes.remove_prefix(2);
    charset = "utf-16be";
  }

  if (charset.empty() || charset == "utf-8") {
    if (IsValidUtf8(bytes)) return DecodedText{std::string(bytes), {}};
    if (charset.empty()) return DecodeDetected(bytes, "No charset was declared and the bytes are not UTF-8");
    if (!HasUtf8MultiByte(bytes)) {
      return DecodeDetected(bytes, "The text is labelled UTF-8 but holds no UTF-8 sequences");
    }
    DecodedText result;
    std::size_t replaced = 0;
    result.text = ToValidUtf8(bytes, &replaced);
    result.flags.push_back(Flag{std::string(flag_codes::kCharsetRepaired),
                                std::to_string(replaced) +
                                    " invalid UTF-8 sequences were replaced with U+FFFD."});
    return result;
  }

  // A single-byte label on bytes that are valid UTF-8 with multi-byte sequences is a
  // mislabel (the sender's client wrote UTF-8): reading it as labelled would give mojibake.
  if (IsValidUtf8(bytes) && HasUtf8MultiByte(bytes) && IsSingleByte(charset)) {
    return DecodedText{std::string(bytes),
                       {GuessedFlag("The text is labelled " + charset +
                                    " but its bytes are UTF-8; it was read as UTF-8.")}};
  }

  DecodedText result;
  std::uint64_t substitutions = 0;
  if (!Convert(bytes, charset, &result.text, &substitutions)) {
    const std::string label(Trim(declared).substr(0, 40));
    if (!HasNonAscii(bytes)) return DecodedText{std::string(bytes), {}};
    if (IsValidUtf8(bytes)) {
      return DecodedText{std::string(bytes),
                         {GuessedFlag("The charset label \"" + ToValidUtf8(label) +
                                      "\" is not known; the text was read as UTF-8 "
                                      "(detected).")}};
    }
    return DecodeDetected(bytes, "The charset label \"" + ToValidUtf8(label) + "\" is not known");
  }
  if (substitutions > 0) {
    result.flags.push_back(Flag{std::string(flag_codes::kCharsetRepaired),
                                std::to_string(substitutions) + " byte sequences are not valid " +
                                    charset + " and were replaced with U+FFFD."});
  }
  return result;
}

}  // namespace foicode::extract
