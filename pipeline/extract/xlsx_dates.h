// Excel number formats and serial dates: which formats show a date or time, and the ISO text
// for a serial number in the 1900 or 1904 date system.
#ifndef FOICODE_PIPELINE_EXTRACT_XLSX_DATES_H_
#define FOICODE_PIPELINE_EXTRACT_XLSX_DATES_H_

#include <string>
#include <string_view>

namespace foicode::extract {

enum class NumberFormatKind {
  kNumber,    // anything that is not a date or time
  kDate,      // "2024-10-07"
  kDateTime,  // "2024-10-07T09:15:00"
  kTime,      // time of day: "09:15:00"
  kElapsed,   // a duration in [h]:mm:ss: "36:00:00"
};

// What number format `id` with format code `code` shows. `code` is the workbook's own format
// (styles.xml numFmt) when it defines one, else empty and `id` is a built-in: 14-17 and the
// East Asian 27-36, 50-58 are dates, 18-21 and 45 times, 22 a date and time, 46 elapsed time.
// A custom code is a date when its first section uses d, y or m (without h or s) outside
// quotes, brackets and escapes, a time when it uses h or s or AM/PM.
NumberFormatKind ClassifyNumberFormat(int id, std::string_view code);

// The ISO text of Excel serial `serial` shown as `kind`, in the 1904 date system when
// `date1904`. The 1900 system keeps Excel's fictional 1900-02-29 (serial 60). Empty when the
// serial is out of Excel's date range (negative or after 9999-12-31) or `kind` is kNumber.
std::string FormatSerialDate(double serial, NumberFormatKind kind, bool date1904);

// `value` as Excel's General format shows it: up to 15 significant digits, no trailing zeros
// ("14974", "0.3", "1.5E+20" style exponents as "1.5e+20").
std::string FormatNumber(double value);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_XLSX_DATES_H_
