#include "batch/csv_reader.h"

#include <csv.h>

namespace foicode::batch {
namespace {

// What libcsv hands back, row by row.
struct Collector {
  std::vector<CsvRecord>* rows = nullptr;
  std::vector<std::string> current;
  int line = 1;
  int row_start = 1;
};

void OnField(void* data, std::size_t size, void* collector) {
  auto* c = static_cast<Collector*>(collector);
  c->current.emplace_back(static_cast<const char*>(data), size);
}

void OnRow(int, void* collector) {
  auto* c = static_cast<Collector*>(collector);
  c->rows->push_back(CsvRecord{c->row_start, std::move(c->current)});
  c->current.clear();
}

}  // namespace

Status ReadCsv(std::string_view text, std::vector<CsvRecord>* rows) {
  rows->clear();
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return Status::Error("cannot start the CSV reader");
  Collector collector;
  collector.rows = rows;
  // Fed line by line so each row knows the line it starts on.
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    end = end == std::string_view::npos ? text.size() : end + 1;
    // A row begins on this line only if libcsv is not inside one (a quoted first cell may span lines).
    if (collector.current.empty() && parser.pstate == 0) collector.row_start = collector.line;
    if (csv_parse(&parser, text.data() + pos, end - pos, OnField, OnRow, &collector) != end - pos) {
      Status s = Status::Error("line " + std::to_string(collector.line) + ": not valid CSV: " +
                               csv_strerror(csv_error(&parser)));
      csv_free(&parser);
      return s;
    }
    ++collector.line;
    pos = end;
  }
  if (csv_fini(&parser, OnField, OnRow, &collector) != 0) {
    Status s = Status::Error("not valid CSV at the end of the file: " + std::string(csv_strerror(csv_error(&parser))));
    csv_free(&parser);
    return s;
  }
  csv_free(&parser);
  return Status::Ok();
}

}  // namespace foicode::batch
