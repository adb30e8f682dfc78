// Bounds on what one input may cost to read. Every reply is hostile until parsed:
// each limit turns an oversized or malicious input into a recorded error, never a hang.
#ifndef FOICODE_PIPELINE_EXTRACT_LIMITS_H_
#define FOICODE_PIPELINE_EXTRACT_LIMITS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace foicode::extract {

struct Limits {
  // Largest input file read at all. Real replies are letters and policy packs of a few MB;
  // 256 MiB leaves room for a scanned policy document.
  std::uint64_t max_file_bytes = 256ull << 20;
  // Pages read from one PDF; later pages are dropped with a flag.
  int max_pages = 2000;
  // Parts (attachments, zip entries, nested messages) in one input, at every depth together.
  int max_parts = 500;
  // Containers inside containers (a zip in a forwarded e-mail in an e-mail is depth 3).
  int max_depth = 8;
  // Bytes unpacked from zips, OOXML and TNEF for one input, all entries together.
  std::uint64_t max_unpacked_bytes = 512ull << 20;
  // Largest unpacked/packed ratio for one zip entry; beyond it the entry is a suspected bomb.
  // Real XML compresses about 10-30x; 200x is well past any honest document.
  double max_unpack_ratio = 200.0;
  // Entries smaller than this (unpacked) are not held to max_unpack_ratio: a small file of
  // repeated bytes honestly compresses past 200x and costs little (Apache POI allows 100 KiB).
  std::uint64_t min_bytes_for_ratio_check = 1ull << 20;
  // Entries listed in one zip, OOXML package or Outlook .msg (OLE2) file; beyond it the file
  // is refused. Real packages have tens to hundreds.
  int max_entries = 10'000;
  // Depth of XML elements followed when reading DOCX/XLSX text; deeper content is skipped with
  // a flag. Word nests tables in tables a few levels; thousands is an attack on the stack.
  int max_xml_depth = 256;
  // Cells read from one spreadsheet (XLSX) or rows x columns of one CSV.
  std::uint64_t max_cells = 2'000'000;
  // Characters of text kept per page or body; the rest is cut with a flag.
  std::uint64_t max_text_chars = 4'000'000;
  // OCR: resolution of the rendered page, and time allowed per page and per input.
  int ocr_dpi = 300;
  int ocr_seconds_per_page = 60;
  int ocr_seconds_per_input = 600;
  // Pixels in one decoded image or one page rendered for OCR (an A4 page at 300 dpi is 8.7
  // million). Bigger images are refused before decoding; bigger pages are rendered at a
  // lower resolution. Guards against decompression bombs.
  std::uint64_t max_image_pixels = 50'000'000;
  // Turn OCR off entirely (pages with no text layer then come back empty, flagged).
  bool ocr_enabled = true;
  // Risky parsers (winmail.dat) run in a child process: wall-clock seconds before it is
  // killed, and the address space it may add to what it inherits. A real winmail.dat
  // unpacks in well under a second and a few times its size in memory.
  int child_seconds = 30;
  std::uint64_t child_memory_bytes = 2ull << 30;
  // Each input is read in a worker process (foicode extract-worker), so a crash, hang or
  // runaway allocation in a parsing library costs that input only. Wall-clock seconds one
  // input may take in all: above the OCR budget, since a long scanned pack is honest work.
  int input_seconds = 900;
  // Seconds a worker may go without finishing a page or part; a hang is caught in this time,
  // not input_seconds. Above ocr_seconds_per_page, the slowest honest step.
  int stall_seconds = 120;
  // Address space of one worker (RLIMIT_AS). Holds a max_file_bytes input, what it unpacks,
  // and a page rendered for OCR, with room to spare.
  std::uint64_t worker_memory_bytes = 4ull << 30;
};

// "limit NAME; raise it with --limit NAME=VALUE": every message about a limit ends with this
// (in brackets), so a person knows which limit was reached and how to lift it.
std::string LimitNote(std::string_view name);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_LIMITS_H_
