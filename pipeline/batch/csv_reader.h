// Reads CSV that people saved from a spreadsheet (review verdicts, a cohort list): strict
// RFC 4180 through libcsv, each row with the line it starts on, for error messages.
#ifndef FOICODE_PIPELINE_BATCH_CSV_READER_H_
#define FOICODE_PIPELINE_BATCH_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace foicode::batch {

struct CsvRecord {
  int line = 0;  // 1-based line the row starts on (a quoted cell may span lines)
  std::vector<std::string> fields;
};

// All rows of `text`. Invalid CSV (an unterminated quote, a quote inside an unquoted cell) is
// an error naming the line.
Status ReadCsv(std::string_view text, std::vector<CsvRecord>* rows);

}  // namespace foicode::batch

#endif  // FOICODE_PIPELINE_BATCH_CSV_READER_H_
