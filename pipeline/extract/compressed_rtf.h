// Outlook's compressed RTF ([MS-OXRTFCP] LZFu): the form a .msg body takes when it was written
// as rich text, sometimes the only body the message has.
#ifndef FOICODE_PIPELINE_EXTRACT_COMPRESSED_RTF_H_
#define FOICODE_PIPELINE_EXTRACT_COMPRESSED_RTF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace foicode::extract {

// The RTF in `bytes` (a PR_RTF_COMPRESSED value: "LZFu" compressed or "MELA" stored), at most
// `max_bytes` of it. nullopt when the header is not one of the two or the data is damaged.
// The CRC is not checked: damage shows as bad text, and the size bound holds regardless.
std::optional<std::string> DecompressRtf(std::string_view bytes, std::uint64_t max_bytes);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_COMPRESSED_RTF_H_
