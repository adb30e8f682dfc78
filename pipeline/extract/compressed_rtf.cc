// LZFu decompression per [MS-OXRTFCP] 2.2: a 4096-byte ring dictionary preloaded with common
// RTF, control bytes whose bits choose a literal byte or a 12-bit offset / 4-bit length reference.
#include "extract/compressed_rtf.h"

#include <algorithm>
#include <array>

#include "extract/byte_order.h"

namespace foicode::extract {
namespace {

constexpr std::string_view kPreload =
    "{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern "
    "\\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0"
    "\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";
constexpr std::uint32_t kCompressed = 0x75465A4C;    // "LZFu"
constexpr std::uint32_t kUncompressed = 0x414C454D;  // "MELA"

}  // namespace

std::optional<std::string> DecompressRtf(std::string_view bytes, std::uint64_t max_bytes) {
  if (bytes.size() < 16) return std::nullopt;
  const std::uint64_t raw_size = std::min<std::uint64_t>(LoadLe32(bytes, 4), max_bytes);
  const std::uint32_t type = LoadLe32(bytes, 8);
  const std::string_view data = bytes.substr(16);
  if (type == kUncompressed) return std::string(data.substr(0, raw_size));
  if (type != kCompressed) return std::nullopt;

  std::array<char, 4096> dictionary{};
  std::copy(kPreload.begin(), kPreload.end(), dictionary.begin());
  std::size_t write = kPreload.size();
  std::string out;
  std::size_t at = 0;
  while (at < data.size() && out.size() < raw_size) {
    const unsigned control = static_cast<unsigned char>(data[at++]);
    for (int bit = 0; bit < 8 && out.size() < raw_size; ++bit) {
      if ((control & (1u << bit)) == 0) {
        if (at >= data.size()) return out;
        const char c = data[at++];
        out.push_back(c);
        dictionary[write] = c;
        write = (write + 1) % dictionary.size();
        continue;
      }
      if (at + 2 > data.size()) return out;
      const unsigned word = static_cast<unsigned>(static_cast<unsigned char>(data[at])) << 8 |
                            static_cast<unsigned char>(data[at + 1]);
      at += 2;
      std::size_t offset = word >> 4;
      const unsigned length = (word & 0xF) + 2;
      if (offset == write) return out;  // the end marker
      for (unsigned i = 0; i < length && out.size() < raw_size; ++i) {
        const char c = dictionary[offset];
        offset = (offset + 1) % dictionary.size();
        out.push_back(c);
        dictionary[write] = c;
        write = (write + 1) % dictionary.size();
      }
    }
  }
  return out;
}

}  // namespace foicode::extract
