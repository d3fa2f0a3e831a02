#include "base/date.h"

#include <charconv>
#include <cstdio>

namespace dragoman {

namespace {
bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}
}  // namespace

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

bool PartialDate::valid() const {
  if (year < 1 || year > 9999) return false;
  if (month == 0) return day == 0;
  if (month < 0 || month > 12) return false;
  return day >= 0 && day <= DaysInMonth(year, month);
}

std::string PartialDate::ToString() const {
  if (!valid()) return "";
  char buf[40];  // large enough for any int fields, so -Wformat-truncation stays quiet
  if (day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

std::optional<PartialDate> PartialDate::Parse(std::string_view s) {
  PartialDate d;
  if (s.size() == 8 && s.find('-') == std::string_view::npos) {
    if (!ParseInt(s.substr(0, 4), &d.year) || !ParseInt(s.substr(4, 2), &d.month) ||
        !ParseInt(s.substr(6, 2), &d.day))
      return std::nullopt;
  } else {
    if (s.size() < 4 || !ParseInt(s.substr(0, 4), &d.year)) return std::nullopt;
    if (s.size() > 4) {
      if (s.size() < 7 || s[4] != '-' || !ParseInt(s.substr(5, 2), &d.month)) return std::nullopt;
      if (s.size() > 7) {
        if (s.size() != 10 || s[7] != '-' || !ParseInt(s.substr(8, 2), &d.day)) return std::nullopt;
      }
    }
  }
  if (!d.valid()) return std::nullopt;
  return d;
}

long PartialDate::DaysFromEpoch() const {
  return DaysFromCivil(year, month ? month : 1, day ? day : 1);
}

PartialDate PartialDate::FromDays(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return PartialDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int PartialDate::Weekday() const {
  long z = DaysFromEpoch();  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

}  // namespace dragoman
