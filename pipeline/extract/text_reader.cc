// Standalone text files: plain text, CSV (RFC 4180 with ; and tab sniffed) and HTML.
#include "extract/text_reader.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "extract/charset.h"
#include "extract/html_charset.h"
#include "extract/html_text.h"
#include "extract/limits.h"
#include "extract/page_text.h"

namespace foicode::extract {
namespace {

ReadResult EmptyFile() {
  ReadResult result;
  result.error = "empty file (0 bytes)";
  return result;
}

ReadResult OnePage(std::string text, std::vector<Flag> flags, std::string_view what,
                   const Limits& limits) {
  ReadResult result;
  result.flags = std::move(flags);
  CapText(text, limits.max_text_chars, what, result.flags);
  Page page;
  page.text = std::move(text);
  result.pages.push_back(std::move(page));
  return result;
}

// Counts `delimiter` outside quotes on each of the first records.
std::vector<int> DelimitersPerRecord(std::string_view text, char delimiter) {
  constexpr std::size_t kSampleRecords = 20;
  constexpr std::size_t kSampleBytes = 1 << 16;
  std::vector<int> counts(1, 0);
  bool in_quotes = false;
  for (std::size_t i = 0; i < text.size() && i < kSampleBytes; ++i) {
    const char c = text[i];
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (!in_quotes && c == delimiter) {
      ++counts.back();
    } else if (!in_quotes && c == '\n') {
      if (counts.size() == kSampleRecords) break;
      counts.push_back(0);
    }
  }
  if (counts.size() > 1 && counts.back() == 0) counts.pop_back();
  return counts;
}

// The delimiter that splits the first records into the same number of fields, most fields
// first; Excel writes ";" where the decimal separator is a comma, and "tab" for .txt exports.
char SniffDelimiter(std::string_view text) {
  char best = ',';
  int best_score = -1;
  for (char candidate : {',', ';', '\t'}) {
    const std::vector<int> counts = DelimitersPerRecord(text, candidate);
    if (counts.empty() || counts.front() == 0) continue;
    int consistent = 0;
    for (int n : counts) consistent += n == counts.front() ? 1 : 0;
    // Consistency across records matters more than the count on one line.
    const int score = consistent * 1000 + counts.front();
    if (score > best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

std::string CleanCell(std::string cell) {
  for (char& c : cell) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::size_t start = 0;
  while (start < cell.size() && cell[start] == ' ') ++start;
  std::size_t end = cell.size();
  while (end > start && cell[end - 1] == ' ') --end;
  return cell.substr(start, end - start);
}

}  // namespace

ReadResult ReadPlainText(std::string_view bytes, ReadContext& context,
                         std::string_view declared_charset) {
  if (bytes.empty()) return EmptyFile();
  DecodedText decoded = DecodeToUtf8(bytes, declared_charset);
  return OnePage(NormalizeLines(decoded.text), std::move(decoded.flags), "the text file",
                 context.limits);
}

ReadResult ReadCsv(std::string_view bytes, ReadContext& context,
                   std::string_view declared_charset) {
  if (bytes.empty()) return EmptyFile();
  DecodedText decoded = DecodeToUtf8(bytes, declared_charset);
  const std::string_view text = decoded.text;
  const char delimiter = SniffDelimiter(text);
  std::vector<Flag> flags = std::move(decoded.flags);

  std::string out;
  std::vector<std::string> row;
  std::string cell;
  bool in_quotes = false;
  bool cell_quoted = false;
  // Whether `cell` holds more than white space; kept as a flag because testing the cell
  // itself at every quote is quadratic in a long cell full of quotes.
  bool cell_has_text = false;
  std::uint64_t cells = 0;
  bool cut = false;
  auto end_cell = [&]() {
    row.push_back(CleanCell(std::move(cell)));
    cell.clear();
    cell_quoted = false;
    cell_has_text = false;
    ++cells;
  };
  auto end_row = [&]() {
    while (!row.empty() && row.back().empty()) row.pop_back();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out += " | ";
      out += row[i];
    }
    out += '\n';
    row.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (cells >= context.limits.max_cells) {
      cut = true;
      break;
    }
    const char c = text[i];
    if (in_quotes) {
      if (c != '"') {
        cell.push_back(c);
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        cell.push_back('"');
        ++i;
      } else {
        in_quotes = false;
      }
    } else if (c == '"' && !cell_quoted && !cell_has_text) {
      // RFC 4180 quotes only a whole field; a quote inside an unquoted field is text.
      cell.clear();
      in_quotes = true;
      cell_quoted = true;
    } else if (c == delimiter) {
      end_cell();
    } else if (c == '\n') {
      end_cell();
      end_row();
    } else if (c != '\r') {
      cell.push_back(c);
      if (c != ' ' && c != '\t') cell_has_text = true;
    }
  }
  if (!cut && (!cell.empty() || !row.empty() || cell_quoted)) {
    end_cell();
    end_row();
  }
  if (cut) {
    flags.push_back(Flag{std::string(flag_codes::kLimitReached),
                         "Only the first " + std::to_string(context.limits.max_cells) +
                             " cells of the CSV file were read (" + LimitNote("max_cells") + ")."});
  }
  if (in_quotes) {
    flags.push_back(Flag{std::string(flag_codes::kPartUnreadable),
                         "A quoted CSV field is never closed: the rest of the file was read as "
                         "one cell."});
  }
  ReadResult result =
      OnePage(NormalizeLines(out), std::move(flags), "the CSV file", context.limits);
  // Its rows after the quote are lost as rows: the file is damaged or cut short.
  if (in_quotes) {
    result.error = "damaged CSV: a quoted field is never closed (cut short?), so the rest of the "
                   "file was read as one cell";
  }
  return result;
}

ReadResult ReadHtml(std::string_view bytes, ReadContext& context,
                    std::string_view declared_charset) {
  if (bytes.empty()) return EmptyFile();
  DecodedText decoded = DecodeToUtf8(bytes, HtmlCharsetLabel(bytes, declared_charset));
  return OnePage(HtmlToText(decoded.text), std::move(decoded.flags), "the HTML file",
                 context.limits);
}

}  // namespace foicode::extract
