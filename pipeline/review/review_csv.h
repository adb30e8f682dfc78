// The review queue as a spreadsheet, for people who review there: export one row per item
// with a blank verdict column, import the filled-in rows as decision requests.
#ifndef FOICODE_PIPELINE_REVIEW_REVIEW_CSV_H_
#define FOICODE_PIPELINE_REVIEW_REVIEW_CSV_H_

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace foicode::review {

// One row per queue item (orphaned decisions included, to be seen; they cannot be decided).
// The columns a person fills in: verdict (accept, correct, reject, or blank to skip; or
// "add" on a new row naming the respondent's record, to add a system the machine missed),
// new_vendor, new_product, new_subspecialty, new_deployment, new_status, new_respondent,
// new_low, new_high, new_per, new_unit, usage_index, reason.
std::string ExportReviewCsv(const nlohmann::json& queue);

struct ImportRow {
  int line = 0;           // 1-based line of the CSV where the row starts
  nlohmann::json request;  // for ReviewService::Decide; null when `error` is set
  std::string error;       // what is wrong with the row, for a person
};

// Reads the rows with a verdict. A file that is not CSV, or lacks the id and verdict columns,
// is an error; a bad row is an ImportRow with its error, so every bad row can be reported.
Status ParseReviewCsv(const std::string& text, std::vector<ImportRow>* rows);

}  // namespace foicode::review

#endif  // FOICODE_PIPELINE_REVIEW_REVIEW_CSV_H_
