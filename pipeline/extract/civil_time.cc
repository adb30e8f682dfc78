// Howard Hinnant's civil_from_days, and ISO 8601 formatting of UTC times.
#include "extract/civil_time.h"

#include <cstdio>

namespace foicode::extract {

CivilDate CivilFromDays(long long days) {
  days += 719468;
  const long long era = (days >= 0 ? days : days - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(days - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  CivilDate date;
  date.day = doy - (153 * mp + 2) / 5 + 1;
  date.month = mp < 10 ? mp + 3 : mp - 9;
  date.year = static_cast<long long>(yoe) + era * 400 + (date.month <= 2 ? 1 : 0);
  return date;
}

std::string IsoUtcFromUnixSeconds(long long seconds) {
  long long days = seconds / 86400;
  long long rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  const CivilDate date = CivilFromDays(days);
  char text[64];
  std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02lld:%02lld:%02lld+00:00", date.year,
                date.month, date.day, rest / 3600, (rest / 60) % 60, rest % 60);
  return text;
}

}  // namespace foicode::extract
