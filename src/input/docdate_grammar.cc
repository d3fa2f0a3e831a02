// The date expressions of a header line (docdate_internal.h): a small hand-written grammar over
// words and digits (numeric forms, "Day Month Year", "Month Day, Year", with an optional
// weekday, year-less forms where allowed); and ParseMetadataDate (docdate.h), which reads one
// date written on its own with the same grammar.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "input/docdate.h"
#include "input/docdate_internal.h"

namespace dragoman {
namespace docdate_internal {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Length of the blank at s[i]: space, tab, NO-BREAK SPACE, THIN SPACE or NARROW NO-BREAK SPACE.
size_t BlankLen(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '\t') return 1;
  std::string_view rest = s.substr(i);
  if (rest.starts_with("\xC2\xA0")) return 2;
  if (rest.starts_with("\xE2\x80\x89") || rest.starts_with("\xE2\x80\xAF")) return 3;
  return 0;
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

size_t SkipBlanks(std::string_view s, size_t i) {
  while (size_t n = BlankLen(s, i)) i += n;
  return i;
}

size_t WordEnd(std::string_view s, size_t i) {
  while (i < s.size() && IsAlpha(s[i])) ++i;
  return i;
}

size_t DigitsEnd(std::string_view s, size_t i) {
  while (i < s.size() && IsDigit(s[i])) ++i;
  return i;
}

namespace {

// The value of a run of ASCII digits, saturating at 1e9 so that a long run ("99999999999-07-01")
// cannot overflow (issue 12 row 2); every caller then rejects the value as implausible.
int ToInt(std::string_view digits) {
  constexpr int kCap = 1000000000;
  int v = 0;
  for (char c : digits) {
    v = v * 10 + (c - '0');
    if (v >= kCap / 10) return kCap;
  }
  return v;
}

int MonthNumber(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3) return 0;
  for (size_t m = 0; m < kNames.size(); ++m) {
    if (EqualsIgnoreCase(w, kNames[m])) return static_cast<int>(m) + 1;
    if (w.size() == 3 && EqualsIgnoreCase(w, kNames[m].substr(0, 3)))
      return static_cast<int>(m) + 1;
  }
  if (EqualsIgnoreCase(w, "sept")) return 9;
  return 0;
}

bool IsWeekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (std::string_view n : kNames) {
    if (EqualsIgnoreCase(w, n) || (w.size() == 3 && EqualsIgnoreCase(w, n.substr(0, 3)))) {
      return true;
    }
  }
  for (std::string_view n : {"tues", "thur", "thurs", "weds"}) {
    if (EqualsIgnoreCase(w, n)) return true;
  }
  return false;
}

bool PlausibleYear(int y) { return y >= 1800 && y <= 2199; }

// Validates day `d` of month `mo` of year `y` (0: unknown year, checked against a leap year).
bool MakeDate(int y, int mo, int d, PartialDate* out) {
  PartialDate p{y ? y : 2000, mo, d};
  if (d == 0 || !p.valid()) return false;
  p.year = y;
  *out = p;
  return true;
}

// Skips an English ordinal suffix ("st", "nd", "rd", "th") at i, when one is there.
size_t SkipOrdinal(std::string_view s, size_t i) {
  if (i + 2 > s.size()) return i;
  std::string_view suf = s.substr(i, 2);
  if (!(EqualsIgnoreCase(suf, "st") || EqualsIgnoreCase(suf, "nd") || EqualsIgnoreCase(suf, "rd") ||
        EqualsIgnoreCase(suf, "th"))) {
    return i;
  }
  if (i + 2 < s.size() && IsAlpha(s[i + 2])) return i;
  return i + 2;
}

// Reads a four-digit plausible year at i; returns its end or npos.
size_t ReadYear(std::string_view s, size_t i, int* year) {
  size_t e = DigitsEnd(s, i);
  if (e - i != 4) return std::string_view::npos;
  int y = ToInt(s.substr(i, 4));
  if (!PlausibleYear(y)) return std::string_view::npos;
  *year = y;
  return e;
}

// Numeric forms: YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, DD.MM.YYYY, DD-MM-YYYY, DD/MM/YYYY.
std::optional<DateMatch> ParseNumericAt(std::string_view s, size_t p) {
  const size_t n = s.size();
  size_t e1 = DigitsEnd(s, p);
  size_t l1 = e1 - p;
  if (e1 >= n || !(s[e1] == '-' || s[e1] == '/' || s[e1] == '.')) return std::nullopt;
  const char sep = s[e1];
  size_t e2 = DigitsEnd(s, e1 + 1);
  size_t l2 = e2 - (e1 + 1);
  if (l2 < 1 || l2 > 2 || e2 >= n || s[e2] != sep) return std::nullopt;
  size_t e3 = DigitsEnd(s, e2 + 1);
  size_t l3 = e3 - (e2 + 1);
  // Refuse to read part of a longer number group ("1.2.2024.5", "2024-03-08-1").
  if (e3 < n && (s[e3] == sep || s[e3] == '-' || s[e3] == '/') && e3 + 1 < n &&
      IsDigit(s[e3 + 1])) {
    return std::nullopt;
  }
  int a = ToInt(s.substr(p, l1));
  int b = ToInt(s.substr(e1 + 1, l2));
  DateMatch m;
  m.begin = p;
  m.end = e3;
  if (l1 == 4 && l3 >= 1 && l3 <= 2) {
    if (e3 < n && IsAlpha(s[e3]) && s[e3] != 'T') return std::nullopt;  // "2024-03-08T10:00"
    int c = ToInt(s.substr(e2 + 1, l3));
    if (!PlausibleYear(a) || !MakeDate(a, b, c, &m.date)) return std::nullopt;
    return m;
  }
  if (l1 >= 1 && l1 <= 2 && l3 == 4) {
    if (e3 < n && IsAlnum(s[e3])) return std::nullopt;
    int y = ToInt(s.substr(e2 + 1, 4));
    if (!PlausibleYear(y)) return std::nullopt;
    // Day first, as most of the world writes it; a slash date whose first part cannot be a
    // day but whose second can ("03/28/2024") is read the US way.
    int day = a, month = b;
    if (sep == '/' && b > 12 && a <= 12) std::swap(day, month);
    if (!MakeDate(y, month, day, &m.date)) return std::nullopt;
    return m;
  }
  return std::nullopt;
}

// Parses a date expression starting exactly at s[p] (a word start). `allow_no_year` accepts
// "March 8" / "8 March" with date.year == 0.
std::optional<DateMatch> ParseDateAt(std::string_view s, size_t p, bool allow_no_year) {
  const size_t n = s.size();
  if (p >= n || (p > 0 && IsAlnum(s[p - 1]))) return std::nullopt;
  const size_t begin = p;
  // An optional weekday: "Tuesday, ", "Tue. ", "Tue ".
  if (size_t we = WordEnd(s, p); we > p && IsWeekday(s.substr(p, we - p))) {
    size_t q = we;
    if (q < n && s[q] == '.') ++q;
    if (q < n && s[q] == ',') ++q;
    size_t q2 = SkipBlanks(s, q);
    if (q2 == q) return std::nullopt;
    p = q2;
  }
  if (p >= n) return std::nullopt;
  if (IsDigit(s[p])) {
    if (auto m = ParseNumericAt(s, p)) {
      m->begin = begin;
      return m;
    }
    // Day [ordinal] [of] Month[.][,] [Year], blanks or hyphens between ("4 August 2025",
    // "4th of August, 2025", "04-Oct-2021").
    size_t de = DigitsEnd(s, p);
    if (de - p > 2) return std::nullopt;
    int day = ToInt(s.substr(p, de - p));
    size_t q = SkipOrdinal(s, de);
    bool hyphen = q < n && s[q] == '-';
    size_t q2 = hyphen ? q + 1 : SkipBlanks(s, q);
    if (q2 == q) return std::nullopt;
    if (!hyphen) {
      size_t oe = WordEnd(s, q2);
      if (EqualsIgnoreCase(s.substr(q2, oe - q2), "of")) {
        size_t q3 = SkipBlanks(s, oe);
        if (q3 == oe) return std::nullopt;
        q2 = q3;
      }
    }
    size_t me = WordEnd(s, q2);
    int month = MonthNumber(s.substr(q2, me - q2));
    if (month == 0) return std::nullopt;
    q = me;
    if (q < n && s[q] == '.') ++q;
    size_t month_end = q;
    if (!hyphen && q < n && s[q] == ',') ++q;
    size_t y0 = hyphen ? (q < n && s[q] == '-' ? q + 1 : q) : SkipBlanks(s, q);
    int year = 0;
    DateMatch m;
    m.begin = begin;
    if (y0 > q || hyphen) {
      size_t ye = ReadYear(s, y0, &year);
      if (ye != std::string_view::npos && !(ye < n && IsAlnum(s[ye]))) {
        if (!MakeDate(year, month, day, &m.date)) return std::nullopt;
        m.end = ye;
        return m;
      }
    }
    if (!allow_no_year || (month_end < n && IsAlnum(s[month_end]))) return std::nullopt;
    if (!MakeDate(0, month, day, &m.date)) return std::nullopt;
    m.end = month_end;
    return m;
  }
  // Month[.] Day[ordinal][,] [Year] ("February 4, 2025", "Feb. 4th 2025", "March 8").
  size_t me = WordEnd(s, p);
  int month = MonthNumber(s.substr(p, me - p));
  if (month == 0) return std::nullopt;
  size_t q = me;
  if (q < n && s[q] == '.') ++q;
  size_t q2 = SkipBlanks(s, q);
  if (q2 == q) return std::nullopt;
  size_t de = DigitsEnd(s, q2);
  if (de == q2 || de - q2 > 2) return std::nullopt;
  int day = ToInt(s.substr(q2, de - q2));
  q = SkipOrdinal(s, de);
  if (q < n && IsAlpha(s[q])) return std::nullopt;
  size_t day_end = q;
  if (q < n && s[q] == ',') ++q;
  size_t y0 = SkipBlanks(s, q);
  DateMatch m;
  m.begin = begin;
  if (y0 > q || (q > day_end && y0 == q)) {
    int year = 0;
    size_t ye = ReadYear(s, y0, &year);
    if (ye != std::string_view::npos && !(ye < n && IsAlnum(s[ye]))) {
      if (!MakeDate(year, month, day, &m.date)) return std::nullopt;
      m.end = ye;
      return m;
    }
  }
  // "March 8:30" or "March 12-14" are not dates of a day.
  if (!allow_no_year || (day_end < n && (s[day_end] == ':' || s[day_end] == '-'))) {
    return std::nullopt;
  }
  if (!MakeDate(0, month, day, &m.date)) return std::nullopt;
  m.end = day_end;
  return m;
}

}  // namespace

std::vector<DateMatch> FindDates(std::string_view line) {
  std::vector<DateMatch> out;
  size_t i = 0;
  while (i < line.size()) {
    if (!IsAlnum(line[i])) {
      ++i;
      continue;
    }
    if (auto m = ParseDateAt(line, i, /*allow_no_year=*/true)) {
      out.push_back(*m);
      i = m->end;
      continue;
    }
    while (i < line.size() && IsAlnum(line[i])) ++i;
  }
  return out;
}

}  // namespace docdate_internal

using namespace docdate_internal;  // NOLINT(build/namespaces)

std::optional<PartialDate> ParseMetadataDate(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  if (s.empty()) return std::nullopt;
  if (DigitsEnd(s, 0) == s.size()) {
    switch (s.size()) {
      case 4:
        return PartialDate::Parse(s);
      case 8:   // YYYYMMDD
      case 12:  // YYYYMMDDhhmm
      case 14:  // YYYYMMDDhhmmss (GDELT)
        if (PlausibleYear(ToInt(s.substr(0, 4)))) return PartialDate::Parse(s.substr(0, 8));
        return std::nullopt;
      case 10:    // Unix time in seconds
      case 13: {  // ... or milliseconds
        long long v = std::strtoll(std::string(s).c_str(), nullptr, 10);
        if (s.size() == 13) v /= 1000;
        return PartialDate::FromDays(static_cast<long>(v / 86400));
      }
      default:
        return std::nullopt;
    }
  }
  // ISO 8601: "YYYY-MM", "YYYY-MM-DD", optionally followed by a time ('T' or ' ').
  if (s.size() >= 7 && DigitsEnd(s, 0) == 4 && s[4] == '-') {
    if (s.size() == 7) return PartialDate::Parse(s);
    if (s.size() >= 10 && (s.size() == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't')) {
      return PartialDate::Parse(s.substr(0, 10));
    }
    return std::nullopt;
  }
  // Written forms ("March 8, 2024 10:00", "Fri, 08 Mar 2024 10:00:00 +0000"): the date must
  // open the value; a time or zone may follow, but not a sentence.
  if (s.size() > 64) return std::nullopt;
  auto m = ParseDateAt(s, 0, /*allow_no_year=*/false);
  if (!m) return std::nullopt;
  return m->date;
}

}  // namespace dragoman
