// Finding a document's date in its header.
//
// The approach: cut the header (first non-empty lines) into lines; in each line find every date
// expression (a small hand-written grammar over words and digits, below); then decide for each
// date whether the line's shape makes it a header date (a label before it, a byline, the date
// opening the line, an agency dateline) and which kind. The most trusted kind wins; ties go to
// the earlier line. Prose dates are excluded by shape, not by position alone: a body paragraph
// may start within the header window, but its dates are neither labelled nor at its start.
#include "input/docdate.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

namespace dragoman {
namespace {

constexpr size_t kHeaderBytes = 2048;  // lines must start within this many bytes
constexpr int kHeaderLines = 10;       // non-empty lines examined
constexpr size_t kLineBytes = 400;     // bytes of one line examined
constexpr size_t kShortLine = 120;     // a line this short may carry a label anywhere
constexpr size_t kBylineBytes = 200;   // a byline is short
constexpr size_t kLabelGap = 40;       // bytes allowed between a label and its date

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Length of the blank at s[i]: space, tab, NO-BREAK SPACE, THIN SPACE or NARROW NO-BREAK SPACE.
size_t BlankLen(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '\t') return 1;
  std::string_view rest = s.substr(i);
  if (rest.starts_with("\xC2\xA0")) return 2;
  if (rest.starts_with("\xE2\x80\x89") || rest.starts_with("\xE2\x80\xAF")) return 3;
  return 0;
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

// A date expression found in a line. date.year == 0 when the text gives no year.
struct DateMatch {
  size_t begin = 0;
  size_t end = 0;
  PartialDate date;
};

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

// Every non-overlapping date expression in `line`, left to right.
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

enum class LabelKind { kPublished, kUpdated };

struct Label {
  size_t begin;
  size_t end;
  LabelKind kind;
  // A weak label ("date", "update", "issued"...) is also an everyday word; it counts only at the
  // start of the line or a segment, or directly before a colon.
  bool weak;
};

// Labels that announce a date, longest first so "last updated" beats "updated".
std::vector<Label> FindLabels(std::string_view line) {
  struct Known {
    std::string_view text;
    LabelKind kind;
    bool weak;
  };
  static constexpr Known kKnown[] = {
      {"first published", LabelKind::kPublished, false},
      {"publication date", LabelKind::kPublished, false},
      {"last updated", LabelKind::kUpdated, false},
      {"last update", LabelKind::kUpdated, false},
      {"last modified", LabelKind::kUpdated, false},
      {"last edited", LabelKind::kUpdated, false},
      {"press release", LabelKind::kPublished, false},
      {"release date", LabelKind::kPublished, false},
      {"published", LabelKind::kPublished, false},
      {"posted", LabelKind::kPublished, false},
      {"updated", LabelKind::kUpdated, false},
      {"released", LabelKind::kPublished, true},
      {"issued", LabelKind::kPublished, true},
      {"dated", LabelKind::kPublished, true},
      {"date", LabelKind::kPublished, true},
      {"update", LabelKind::kUpdated, true},
      {"modified", LabelKind::kUpdated, true},
      {"edited", LabelKind::kUpdated, true},
      {"revised", LabelKind::kUpdated, true},
  };
  std::vector<Label> out;
  size_t i = 0;
  while (i < line.size()) {
    if (!IsAlpha(line[i]) || (i > 0 && IsAlnum(line[i - 1]))) {
      ++i;
      continue;
    }
    bool found = false;
    for (const Known& k : kKnown) {
      size_t e = i + k.text.size();
      if (e > line.size() || !EqualsIgnoreCase(line.substr(i, k.text.size()), k.text)) continue;
      if (e < line.size() && IsAlnum(line[e])) continue;
      out.push_back({i, e, k.kind, k.weak});
      i = e;
      found = true;
      break;
    }
    if (!found) i = WordEnd(line, i) > i ? WordEnd(line, i) : i + 1;
  }
  return out;
}

// Byte offsets where a segment of the line starts: 0 and after separators such as " | ".
std::vector<size_t> SegmentStarts(std::string_view line) {
  std::vector<size_t> out = {0};
  static constexpr std::string_view kSeps[] = {"|",
                                               "\xE2\x80\xA2" /* • */,
                                               "\xC2\xB7" /* · */,
                                               "\xE2\x80\x94" /* — */,
                                               "\xE2\x80\x93" /* – */,
                                               " - ",
                                               " / "};
  for (size_t i = 0; i < line.size(); ++i) {
    for (std::string_view sep : kSeps) {
      if (line.substr(i).starts_with(sep)) {
        out.push_back(SkipBlanks(line, i + sep.size()));
        break;
      }
    }
  }
  return out;
}

bool StartsWithDash(std::string_view s, size_t i) {
  std::string_view rest = s.substr(std::min(i, s.size()));
  return rest.starts_with("-") || rest.starts_with("\xE2\x80\x93") ||
         rest.starts_with("\xE2\x80\x94");
}

// A short run of capitalised words with commas ("Washington,", "New Delhi, India,"), not a
// headline ("Iran sets date for talks,").
bool LooksLikePlace(std::string_view prefix) {
  int words = 0;
  size_t i = 0;
  while (i < prefix.size()) {
    while (i < prefix.size() && (prefix[i] == ' ' || prefix[i] == ',')) ++i;
    if (i >= prefix.size()) break;
    unsigned char c = static_cast<unsigned char>(prefix[i]);
    if (!((c >= 'A' && c <= 'Z') || c >= 0x80)) return false;
    ++words;
    while (i < prefix.size() && prefix[i] != ' ' && prefix[i] != ',') ++i;
  }
  return words >= 1 && words <= 4;
}

// Agency datelines: a place (or nothing), a comma, the date, then an agency and/or a dash:
// "BAKU, March 8 (Reuters) -", "LONDON, 8 March 2024 -", "MOSCOW, March 8. /TASS/.",
// "Baku, March 8, AZERTAC", "March 8 (AP) -", a line of its own "Washington, August 9, 2025";
// with the place in capitals also
// "BAKU, Azerbaijan, March 8." and "MOSCOW. March 8 (Interfax) -".
bool IsAgencyDateline(std::string_view line, const DateMatch& m) {
  if (m.begin > 60) return false;
  std::string_view prefix = line.substr(0, m.begin);
  bool caps_place = false;
  if (!prefix.empty()) {
    unsigned char first = static_cast<unsigned char>(prefix[0]);
    if (!((first >= 'A' && first <= 'Z') || first >= 0x80)) return false;
    for (char c : prefix) {
      if (IsDigit(c) || c == '(' || c == ')' || c == ':' || c == ';') return false;
    }
    // The first word in capitals ("BAKU", "NEW DELHI", not "Baku" or "A").
    size_t w = 0;
    while (w < prefix.size() && prefix[w] >= 'A' && prefix[w] <= 'Z') ++w;
    caps_place = w >= 2 && (w == prefix.size() || !IsAlpha(prefix[w]));
    size_t k = prefix.find_last_not_of(" \t");
    if (k == std::string_view::npos || !(prefix[k] == ',' || (prefix[k] == '.' && caps_place))) {
      return false;
    }
  }
  size_t q = m.end;
  bool period = q < line.size() && line[q] == '.';
  if (period) ++q;
  q = SkipBlanks(line, q);
  // A line that is only "Place, date" ("Washington, August 9, 2025") when the date is complete.
  if (!prefix.empty() && q >= line.size() && m.date.year != 0 && LooksLikePlace(prefix)) {
    return true;
  }
  bool agency = false;
  if (q < line.size() && (line[q] == '(' || line[q] == '/')) {
    size_t close = line.find(line[q] == '(' ? ')' : '/', q + 1);
    if (close == std::string_view::npos || close - q > 40) return false;
    agency = true;
    q = SkipBlanks(line, close + 1);
  } else if (!period && q < line.size() && line[q] == ',') {
    // ", AZERTAC" / ", ARMENPRESS": an agency name in capitals after a comma.
    size_t a = SkipBlanks(line, q + 1);
    size_t e = a;
    while (e < line.size() && line[e] >= 'A' && line[e] <= 'Z') ++e;
    if (e - a >= 3 && (e == line.size() || !IsAlpha(line[e]))) return true;
  }
  if (StartsWithDash(line, q)) return true;
  return agency || (period && caps_place);
}

// After a leading clock time ("16:45, ", "9:05 AM | "), the offset where the rest starts;
// `pos` itself when there is none.
size_t SkipLeadingTime(std::string_view line, size_t pos) {
  size_t h = DigitsEnd(line, pos);
  if (h == pos || h - pos > 2 || h >= line.size() || line[h] != ':') return pos;
  size_t mm = DigitsEnd(line, h + 1);
  if (mm - (h + 1) != 2) return pos;
  size_t q = mm;
  if (q < line.size() && line[q] == ':' && DigitsEnd(line, q + 1) == q + 3) q += 3;
  size_t r = SkipBlanks(line, q);
  if (size_t we = WordEnd(line, r); we - r == 2 && (EqualsIgnoreCase(line.substr(r, 2), "am") ||
                                                    EqualsIgnoreCase(line.substr(r, 2), "pm"))) {
    q = we;
  }
  if (q < line.size() && (line[q] == ',' || line[q] == '|')) ++q;
  size_t after = SkipBlanks(line, q);
  return after > mm ? after : pos;
}

// A byline: "By Jane Roe ...", "Written by ...", "Reported by ...", "Author: ...".
bool IsByline(std::string_view line) {
  if (line.size() > kBylineBytes) return false;
  for (std::string_view lead : {"by ", "written by ", "reported by ", "story by ", "words by ",
                                "author: ", "authors: ", "author "}) {
    if (line.size() > lead.size() && EqualsIgnoreCase(line.substr(0, lead.size()), lead) &&
        (IsAlpha(line[lead.size()]) || static_cast<unsigned char>(line[lead.size()]) >= 0x80)) {
      return true;
    }
  }
  return false;
}

struct Candidate {
  PartialDate date;  // year 0 until inferred
  DateSource source;
  int order;  // position among candidates, for ties
};

int Rank(DateSource s) {
  switch (s) {
    case DateSource::kDateline:
      return 0;
    case DateSource::kByline:
      return 1;
    case DateSource::kUpdated:
      return 2;
    default:
      return 3;
  }
}

// Classifies the dates of one header line and appends the header dates to `out`.
void ScanLine(std::string_view line, std::vector<Candidate>* out) {
  std::vector<DateMatch> dates = FindDates(line);
  if (dates.empty()) return;
  std::vector<Label> labels = FindLabels(line);
  std::vector<size_t> segments = SegmentStarts(line);
  const bool byline = IsByline(line);
  size_t prev_end = 0;
  for (const DateMatch& m : dates) {
    std::optional<DateSource> source;
    // The nearest label between the previous date and this one.
    for (auto it = labels.rbegin(); it != labels.rend(); ++it) {
      if (it->end > m.begin || it->begin < prev_end) continue;
      if (m.begin - it->end > kLabelGap) break;
      bool at_segment = false;
      for (size_t seg : segments) at_segment = at_segment || seg == it->begin;
      const bool colon = it->end < line.size() && line[it->end] == ':';
      const bool label_placed =
          at_segment || colon ||
          (!it->weak && (line.size() <= kShortLine || it->begin <= kLabelGap));
      if (label_placed) {
        source = it->kind == LabelKind::kUpdated ? DateSource::kUpdated : DateSource::kDateline;
      }
      break;
    }
    if (!source && byline) source = DateSource::kByline;
    if (!source) {
      bool at_start = false;
      for (size_t seg : segments) {
        if ((seg == m.begin || SkipLeadingTime(line, seg) == m.begin) &&
            (seg == 0 || line.size() <= kBylineBytes)) {
          at_start = true;
        }
      }
      if (at_start && m.date.year != 0) source = DateSource::kDateline;
    }
    if (!source && IsAgencyDateline(line, m)) source = DateSource::kDateline;
    if (source) out->push_back({m.date, *source, static_cast<int>(out->size())});
    prev_end = m.end;
  }
}

const Candidate* Best(const std::vector<Candidate>& cands) {
  const Candidate* best = nullptr;
  for (const Candidate& c : cands) {
    if (c.date.year == 0) continue;
    if (!best || Rank(c.source) < Rank(best->source)) best = &c;
  }
  return best;
}

// Gives a year-less date the year (ref's, or one either side) that puts it nearest to ref.
std::optional<PartialDate> InferYear(PartialDate d, const PartialDate& ref) {
  std::optional<PartialDate> best;
  long best_dist = 0;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    PartialDate c{y, d.month, d.day};
    if (!c.valid()) continue;
    long dist = std::labs(c.DaysFromEpoch() - ref.DaysFromEpoch());
    if (!best || dist < best_dist) {
      best = c;
      best_dist = dist;
    }
  }
  return best;
}

}  // namespace

std::optional<DocDate> FindDocumentDate(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<Candidate> cands;
  int lines = 0;
  size_t pos = 0;
  while (pos < text.size() && pos <= kHeaderBytes && lines < kHeaderLines) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.size() > kLineBytes) line = line.substr(0, kLineBytes);
    size_t b = SkipBlanks(line, 0);
    line.remove_prefix(b);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    if (line.empty()) continue;
    ++lines;
    ScanLine(line, &cands);
  }
  const Candidate* ref = Best(cands);
  if (ref) {
    const PartialDate ref_date = ref->date;
    for (Candidate& c : cands) {
      if (c.date.year == 0) {
        if (auto d = InferYear(c.date, ref_date)) c.date = *d;
      }
    }
  }
  const Candidate* best = Best(cands);
  if (!best) return std::nullopt;
  return DocDate{best->date, best->source};
}

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
