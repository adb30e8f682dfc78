// Marks the earlier messages a reply quotes, by the patterns mail clients write.
#include "extract/quoted_text.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

#include "core/ascii.h"

namespace foicode::extract {
namespace {

struct Line {
  std::size_t start = 0;  // byte offset of the first byte
  std::size_t end = 0;    // byte offset of the "\n" or the text end
  std::string_view text;  // left-trimmed
};

// A client's own "On ... wrote:" header wraps onto a second line at most; anything longer
// is prose that happens to start with "On".
constexpr std::size_t kMaxAttributionBytes = 400;

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    lines.push_back(Line{start, end, line});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

bool IsQuoteLine(const Line& line) { return !line.text.empty() && line.text.front() == '>'; }

// "-----Original Message-----", "----- Original Message -----".
bool IsOriginalMessage(const Line& line) {
  return line.text.size() < 80 && StartsWithIgnoreCase(line.text, "--") &&
         ContainsIgnoreCase(line.text, "original message");
}

// Outlook's "________________________________" above the quoted message's header block.
bool IsSeparator(const Line& line) {
  return line.text.size() >= 10 &&
         std::all_of(line.text.begin(), line.text.end(), [](char c) { return c == '_'; });
}

// The next non-blank line after `i` within `window` lines, or lines.size().
std::size_t NextNonBlank(const std::vector<Line>& lines, std::size_t i, std::size_t window) {
  for (std::size_t k = i + 1; k < lines.size() && k <= i + window; ++k) {
    if (!lines[k].text.empty()) return k;
  }
  return lines.size();
}

// Outlook's header block of the message it quotes: "From:", "Sent:", "To:", "Subject:".
bool IsOutlookHeaderBlock(const std::vector<Line>& lines, std::size_t i) {
  if (!StartsWithIgnoreCase(lines[i].text, "from:")) return false;
  bool sent = false;
  for (std::size_t k = i + 1; k < lines.size() && k <= i + 8; ++k) {
    if (StartsWithIgnoreCase(lines[k].text, "sent:")) sent = true;
    if (StartsWithIgnoreCase(lines[k].text, "subject:")) return sent;
  }
  return false;
}

// "On Mon, 7 Oct 2024 at 09:15, Jane Smith <jane@x.org> wrote:", on one line or wrapped onto
// two; returns the index of the line that ends with "wrote:", or lines.size().
std::size_t AttributionEnd(const std::vector<Line>& lines, std::size_t i) {
  if (!StartsWithIgnoreCase(lines[i].text, "on ") || lines[i].text.size() > kMaxAttributionBytes) {
    return lines.size();
  }
  if (EndsWithIgnoreCase(lines[i].text, "wrote:")) return i;
  if (i + 1 < lines.size() && !lines[i + 1].text.empty() &&
      lines[i].text.size() + lines[i + 1].text.size() <= kMaxAttributionBytes &&
      EndsWithIgnoreCase(lines[i + 1].text, "wrote:")) {
    return i + 1;
  }
  return lines.size();
}

// Index of the last line of the run of ">" lines that starts at `i` (blank lines inside the
// run belong to it).
std::size_t QuoteRunEnd(const std::vector<Line>& lines, std::size_t i) {
  std::size_t last = i;
  for (std::size_t k = i + 1; k < lines.size(); ++k) {
    if (IsQuoteLine(lines[k])) {
      last = k;
    } else if (!lines[k].text.empty()) {
      break;
    }
  }
  return last;
}

struct ByteSpan {
  std::size_t start;
  std::size_t end;
};

}  // namespace

std::vector<Span> FindQuotedSpans(std::string_view text) {
  const std::vector<Line> lines = SplitLines(text);
  std::vector<ByteSpan> spans;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.text.empty()) continue;
    bool to_end = IsOriginalMessage(line) || IsOutlookHeaderBlock(lines, i);
    if (IsSeparator(line)) {
      const std::size_t next = NextNonBlank(lines, i, 2);
      to_end = next < lines.size() && StartsWithIgnoreCase(lines[next].text, "from:");
    }
    if (to_end) {
      spans.push_back({line.start, text.size()});
      break;
    }
    const std::size_t wrote = AttributionEnd(lines, i);
    if (wrote < lines.size()) {
      const std::size_t next = NextNonBlank(lines, wrote, lines.size());
      if (next < lines.size() && IsQuoteLine(lines[next])) {
        const std::size_t last = QuoteRunEnd(lines, next);
        spans.push_back({line.start, lines[last].end});
        i = last;
        continue;
      }
      spans.push_back({line.start, text.size()});
      break;
    }
    if (IsQuoteLine(line)) {
      const std::size_t last = QuoteRunEnd(lines, i);
      spans.push_back({line.start, lines[last].end});
      i = last;
    }
  }

  // Spans are found in order and never overlap; code points are counted in one pass.
  std::vector<Span> result;
  result.reserve(spans.size());
  std::size_t byte = 0;
  int code_points = 0;
  auto advance_to = [&](std::size_t target) {
    for (; byte < target && byte < text.size(); ++byte) {
      if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) ++code_points;
    }
    return code_points;
  };
  for (const ByteSpan& span : spans) {
    const int start = advance_to(span.start);
    const int end = advance_to(span.end);
    if (end > start) result.push_back(Span{start, end});
  }
  return result;
}

}  // namespace foicode::extract
