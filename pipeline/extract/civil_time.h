// Calendar arithmetic shared by the readers that turn serial times into ISO 8601 text.
#ifndef FOICODE_PIPELINE_EXTRACT_CIVIL_TIME_H_
#define FOICODE_PIPELINE_EXTRACT_CIVIL_TIME_H_

#include <string>

namespace foicode::extract {

struct CivilDate {
  long long year = 1970;
  unsigned month = 1;  // 1-12
  unsigned day = 1;    // 1-31
};

// The proleptic Gregorian date `days` after 1970-01-01 (negative before it).
CivilDate CivilFromDays(long long days);

// "2024-10-07T08:15:00+00:00" for `seconds` since 1970-01-01T00:00:00 UTC.
std::string IsoUtcFromUnixSeconds(long long seconds);

}  // namespace foicode::extract

#endif  // FOICODE_PIPELINE_EXTRACT_CIVIL_TIME_H_
