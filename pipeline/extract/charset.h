// Turns bytes in a declared, mislabelled or unknown charset into UTF-8 (ICU).
#ifndef FOICODE_PIPELINE_EXTRACT_CHARSET_H_
#define FOICODE_PIPELINE_EXTRACT_CHARSET_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/flag.h"

namespace foicode::extract {

struct DecodedText {
  std::string text;          // valid UTF-8
  std::vector<Flag> flags;   // charset_guessed / charset_repaired when it was not a clean decode
};

// Decodes `bytes` labelled `declared` (may be empty). Labels follow the WHATWG encoding
// standard (iso-8859-1 and us-ascii mean windows-1252). Valid UTF-8 without a label is taken as
// UTF-8; otherwise the charset is detected and the guess flagged. Never fails.
DecodedText DecodeToUtf8(std::string_view bytes, std::string_view declared);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_CHARSET_H_
