// PartialDate: a calendar date known to day, month or year precision.
//
// Every date in dragoman (document dates, event dates, role terms) is a PartialDate. Ordering
// compares the known fields, an unknown month/day sorting before any known one. Formatting is
// "YYYY-MM-DD", "YYYY-MM" or "YYYY" (the output contract's `date` field).
#ifndef DRAGOMAN_BASE_DATE_H_
#define DRAGOMAN_BASE_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace dragoman {

enum class DatePrecision { kYear, kMonth, kDay };

struct PartialDate {
  int year = 0;   // e.g. 2025; 0 means "no date"
  int month = 0;  // 1..12, 0 when unknown
  int day = 0;    // 1..31, 0 when unknown (REQUIRES: month != 0 when day != 0)

  bool valid() const;
  DatePrecision precision() const {
    return day ? DatePrecision::kDay : month ? DatePrecision::kMonth : DatePrecision::kYear;
  }
  std::string ToString() const;  // "2025-08-04", "2025-08", "2025"; "" when !valid()
  // Parses the three forms above (and "YYYYMMDD"); nullopt on anything else or impossible dates.
  static std::optional<PartialDate> Parse(std::string_view s);

  // Days since 1970-01-01 of the first day the date covers (for arithmetic / "within a day").
  long DaysFromEpoch() const;
  static PartialDate FromDays(long days);  // day precision
  PartialDate AddDays(long n) const { return FromDays(DaysFromEpoch() + n); }
  int Weekday() const;  // 0 = Monday .. 6 = Sunday; REQUIRES day precision

  auto operator<=>(const PartialDate&) const = default;
};

int DaysInMonth(int year, int month);

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_DATE_H_
