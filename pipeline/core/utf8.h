// UTF-8 helpers shared by every stage: offsets in records count code points, text is UTF-8.
#ifndef FOICODE_PIPELINE_CORE_UTF8_H_
#define FOICODE_PIPELINE_CORE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace foicode {

// True when `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// `text` with every ill-formed sequence replaced by U+FFFD; `replaced` (may be null) says how
// many were.
std::string ToValidUtf8(std::string_view text, std::size_t* replaced = nullptr);

// Appends `code_point` to `out` as UTF-8; a surrogate (U+D800-U+DFFF) or a value past
// U+10FFFF, which UTF-8 cannot carry, is appended as U+FFFD.
void AppendUtf8(std::string& out, std::uint32_t code_point);

// Number of code points in valid UTF-8 `text`.
int CountCodePoints(std::string_view text);

// Code point index of byte offset `byte` (which must fall on a code point boundary).
int CodePointOffset(std::string_view text, std::size_t byte);

// The code point that starts at byte `byte` of `text`, or -1 at or past the end (or when the
// bytes there are not UTF-8). Returned as an int32_t to match ICU's UChar32.
std::int32_t CodePointAt(std::string_view text, std::size_t byte);

// The code point that ends just before byte `byte` of `text`, or -1 at the start.
std::int32_t CodePointBefore(std::string_view text, std::size_t byte);

}  // namespace foicode

#endif  // FOICODE_PIPELINE_CORE_UTF8_H_
