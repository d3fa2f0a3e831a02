// Date expressions over a sentence's tokens.
//
// Approach. The scanner walks the tokens left to right and, at each position, tries a short list
// of recognisers (ISO forms, month-day-year, day-month-year, month-year, a month or a year in a
// temporal context, weekdays, deictic words such as "yesterday" or "last month"). The first one
// that matches wins, its tokens are consumed and scanning resumes after it, so mentions never
// overlap and come out in token order. A matched core date may then be widened to the left over
// a qualifier ("early", "mid-", "the end of", "earlier") so the reported span covers the whole
// expression; qualifiers never change the resolved date or its precision.
//
// Why so conservative about bare numbers and bare month names: a year is only a date when a
// temporal word introduces it ("in 2021", "since 2019", "the end of 2020"); as a noun modifier
// ("the 1963 Vienna Convention") it is not. A month name alone ("May", "March") is a date only
// after a temporal word, or with a day or year beside it, because both are also common words.
// Durations ("30 years", "44-day war", "half a month") never match: no recogniser accepts a bare
// count followed by a unit unless "ago" follows.
//
// Year inference ("on July 31", "in February"): the year of an earlier date stated with a year in
// the same sentence; otherwise the document's year, or the year before when that would place
// the start of the date more than kFutureSlackDays after the document date (news mostly reports
// the past).
#include "time/dates.h"

#include <charconv>
#include <cstdlib>
#include <string>
#include <utility>

namespace dragoman {

namespace {

constexpr long kFutureSlackDays = 31;

// The units of the calendar_unit class: its values (data/lexicon/time.txt).
enum Unit { kNoUnit = 0, kDay = 1, kWeek = 2, kMonth = 3, kYear = 4 };

struct Span {
  int end = 0;  // one past the last token used
  PartialDate date;
  bool relative = false;
};

// Lower-case norm without a trailing period ("sept." -> "sept").
std::string_view Bare(std::string_view w) {
  if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
  return w;
}

bool ParseDigits(std::string_view s, int* out) {
  if (s.empty() || s.size() > 9) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  std::from_chars(s.data(), s.data() + s.size(), *out);
  return true;
}

bool IsCapitalized(const Token& t) { return t.has(Token::kCapitalized) || t.has(Token::kAllCaps); }

class Scanner {
 public:
  Scanner(const DateFinder& words, const Sentence& s, std::optional<PartialDate> doc)
      : words_(words), lex_(words.lexicon()), w_(words.time_classes()), toks_(s.tokens), doc_(doc) {
    // Each token's classes are looked up once: the matchers below ask several per token.
    forms_.reserve(toks_.size());
    for (const Token& t : toks_) forms_.push_back(&lex_.Classes(t.norm));
    if (doc_ && doc_->precision() != DatePrecision::kDay) {
      // Relative arithmetic needs a day; a month- or year-precise document date still anchors
      // "this year" / "last year" (see YearOnlyDoc()).
      partial_doc_ = true;
    }
  }

  std::vector<DateMention> Run() {
    std::vector<DateMention> out;
    const int n = static_cast<int>(toks_.size());
    int i = 0;
    while (i < n) {
      std::optional<Span> m = MatchAt(i);
      if (!m) {
        ++i;
        continue;
      }
      DateMention dm;
      dm.token_begin = ExtendLeft(i, out.empty() ? 0 : out.back().token_end);
      dm.token_end = m->end;
      dm.date = m->date;
      dm.relative = m->relative;
      out.push_back(dm);
      i = m->end;
      last_end_ = m->end;
      if (!m->relative) context_year_ = m->date.year;
      last_date_ = *m;
    }
    return out;
  }

 private:
  const DateFinder& words_;
  const Lexicon& lex_;
  const DateFinder::TimeClasses& w_;
  // Whether token i (by its norm) is in class c; false outside the sentence.
  bool Is(int i, ClassId c) const {
    return i >= 0 && i < static_cast<int>(forms_.size()) && forms_[i]->test(c.index);
  }
  // Token i's value in class c (time.txt), or nullopt.
  std::optional<int64_t> Val(int i, ClassId c) const {
    return Is(i, c) ? lex_.Value(c, Norm(i)) : std::nullopt;
  }
  // The calendar unit at token i; with `plural`, a final "s" is dropped first ("days").
  Unit UnitAt(int i, bool plural) const {
    std::string_view unit = Norm(i);
    if (plural && unit.size() > 1 && unit.back() == 's') unit.remove_suffix(1);
    std::optional<int64_t> v = lex_.Value(w_.calendar_unit, unit);
    return v ? static_cast<Unit>(*v) : kNoUnit;
  }
  std::string_view Norm(int i) const {
    return i >= 0 && i < static_cast<int>(toks_.size()) ? std::string_view(toks_[i].norm)
                                                        : std::string_view();
  }
  bool Cap(int i) const {
    return i >= 0 && i < static_cast<int>(toks_.size()) && IsCapitalized(toks_[i]);
  }
  // True when tokens i and i+1 touch (no space between them).
  bool Touch(int i) const {
    return i >= 0 && i + 1 < static_cast<int>(toks_.size()) && toks_[i].end == toks_[i + 1].begin;
  }

  // Day of month at token i ("31", "31st", "3rd", or "31" "st"); sets *end past it.
  int DayAt(int i, int* end) const {
    std::string_view w = Norm(i);
    int d = 0;
    if (ParseDigits(w, &d)) {
      if (w.size() > 2) return 0;
      *end = i + 1;
      if (words_.IsOrdinalSuffix(Norm(i + 1)) && Touch(i)) *end = i + 2;
    } else if (w.size() >= 3 && w.size() <= 4 && words_.IsOrdinalSuffix(w.substr(w.size() - 2)) &&
               ParseDigits(w.substr(0, w.size() - 2), &d)) {
      *end = i + 1;
    } else {
      return 0;
    }
    return d >= 1 && d <= 31 ? d : 0;
  }

  // After a day at `k - 1`: past "-<day>" of a day range ("3-5"), else `k`.
  int SkipDayRange(int k) const {
    int end = 0;
    if (Norm(k) == "-" && DayAt(k + 1, &end)) return end;
    return k;
  }

  // A four-digit year 1800..2199 at token i.
  int YearAt(int i) const {
    std::string_view w = Norm(i);
    int y = 0;
    if (w.size() != 4 || !ParseDigits(w, &y)) return 0;
    return y >= 1800 && y <= 2199 ? y : 0;
  }

  // A capitalised month name at token i.
  int MonthAt(int i, bool allow_abbrev) const {
    if (!Cap(i)) return 0;
    return words_.MonthNumber(Norm(i), allow_abbrev);
  }

  bool HaveDayDoc() const { return doc_ && !partial_doc_; }

  // Resolves a day and month without a year against the document date.
  std::optional<Span> InferDay(int month, int day, int end) const {
    if (context_year_) {  // "on 12 July 2020 ... and on 15 July": the sentence's year
      PartialDate d{context_year_, month, day};
      if (!d.valid()) return std::nullopt;
      return Span{end, d, false};
    }
    if (!HaveDayDoc()) return std::nullopt;
    PartialDate d{doc_->year, month, day};
    if (!d.valid() || d.DaysFromEpoch() > doc_->DaysFromEpoch() + kFutureSlackDays) {
      d.year -= 1;
    }
    if (!d.valid()) return std::nullopt;  // e.g. February 30
    return Span{end, d, true};
  }

  std::optional<Span> InferMonth(int month, int end) const {
    if (context_year_) return Span{end, PartialDate{context_year_, month, 0}, false};
    if (!HaveDayDoc()) return std::nullopt;
    PartialDate d{doc_->year, month, 0};
    if (d.DaysFromEpoch() > doc_->DaysFromEpoch() + kFutureSlackDays) d.year -= 1;
    return Span{end, d, true};
  }

  std::optional<Span> Absolute(PartialDate d, int end) const {
    if (!d.valid()) return std::nullopt;
    return Span{end, d, false};
  }

  // "of this year", "of last year", "of next year" after a month: the year offset, consuming
  // tokens up to *end. nullopt when not present.
  std::optional<int> OfRelativeYear(int i, int* end) const {
    if (!Is(i, w_.preposition_of)) return std::nullopt;
    if (UnitAt(i + 2, /*plural=*/false) != kYear) return std::nullopt;
    std::optional<int64_t> off = Val(i + 1, w_.relative_year);
    if (!off) return std::nullopt;
    *end = i + 3;
    return static_cast<int>(*off);
  }

  // "end of", "beginning of", "course of", ...: "of" introduces a date only after these.
  bool IsPeriodPartNoun(int i) const { return Is(i, w_.period_part) || Is(i, w_.period_of); }
  // True when the token before i makes a bare month / year at i a date (date_context). The
  // range connectors ("to", "and") count only right after a date ("from 2019 to 2021", "between
  // May and July").
  bool ContextBefore(int i) const {
    int p = i - 1;
    if (Norm(p) == "-" && Is(p - 1, w_.mid_prefix)) return true;  // "mid-March"
    if (Is(p, w_.date_context)) return true;
    if (Is(p, w_.preposition_of) && IsPeriodPartNoun(p - 1)) return true;
    // The second half of a range or list: "from 2019 to 2021", "between May and July".
    if (p == last_end_ && Is(p, w_.range_connector)) return true;
    return false;
  }

  std::optional<Span> MatchAt(int i) const {
    if (auto m = MatchIso(i)) return m;
    if (auto m = MatchMonthFirst(i)) return m;
    if (auto m = MatchDayFirst(i)) return m;
    if (auto m = MatchYear(i)) return m;
    if (auto m = MatchWeekday(i)) return m;
    if (auto m = MatchDeictic(i)) return m;
    if (auto m = MatchAgo(i)) return m;
    if (auto m = MatchLater(i)) return m;
    return std::nullopt;
  }

  // "2025-02-03" as one token or as 2025 - 02 - 03 with no spaces; "04.10.2021" (day first, the
  // usual order in the region's press releases) as one token.
  std::optional<Span> MatchIso(int i) const {
    std::string_view w = Norm(i);
    if (w.size() == 10 && w[4] == '-' && w[7] == '-') {
      if (auto d = PartialDate::Parse(w)) return Absolute(*d, i + 1);
      return std::nullopt;
    }
    if (w.size() == 10 && w[2] == '.' && w[5] == '.') {
      int d = 0, m = 0, y = 0;
      if (ParseDigits(w.substr(0, 2), &d) && ParseDigits(w.substr(3, 2), &m) &&
          ParseDigits(w.substr(6, 4), &y) && y >= 1800 && y <= 2199) {
        return Absolute(PartialDate{y, m, d}, i + 1);
      }
      return std::nullopt;
    }
    int y = YearAt(i);
    if (!y) return std::nullopt;
    if (Norm(i + 1) == "-" && Norm(i + 3) == "-" && Touch(i) && Touch(i + 1) && Touch(i + 2) &&
        Touch(i + 3) && Norm(i + 2).size() == 2 && Norm(i + 4).size() == 2) {
      int m = 0, d = 0;
      if (ParseDigits(Norm(i + 2), &m) && ParseDigits(Norm(i + 4), &d)) {
        return Absolute(PartialDate{y, m, d}, i + 5);
      }
    }
    return std::nullopt;
  }

  // "February 3, 2025", "February 3", "January 2023", "February of this year", "in February".
  std::optional<Span> MatchMonthFirst(int i) const {
    int month = MonthAt(i, /*allow_abbrev=*/true);
    if (!month) return std::nullopt;
    const bool full_name = words_.MonthNumber(Norm(i), false) != 0;
    int day_end = 0;
    if (int day = DayAt(i + 1, &day_end)) {
      day_end = SkipDayRange(day_end);  // "March 3-5": the first day
      // A day must not be the start of a bigger number or a clock time ("March 5:30").
      if (Norm(day_end) != ":") {
        int k = day_end;
        if (Norm(k) == ",") ++k;
        if (int y = YearAt(k)) return Absolute(PartialDate{y, month, day}, k + 1);
        if (PartialDate{2000, month, day}.valid()) return InferDay(month, day, day_end);
      }
    }
    // "31 April 2024" was rejected by the day-first rule; do not salvage "April 2024" from it.
    int unused_end = 0;
    if (DayAt(i - 1, &unused_end) && unused_end == i) return std::nullopt;
    int k = i + 1;
    if (Is(k, w_.preposition_of) && YearAt(k + 1)) ++k;
    if (int y = YearAt(k)) {
      if (Norm(k + 1) == "-" && Touch(k)) return std::nullopt;  // "May 2020-2021": a range
      return Absolute(PartialDate{y, month, 0}, k + 1);
    }
    if (!full_name) return std::nullopt;
    int end = 0;
    if (std::optional<int> off = OfRelativeYear(i + 1, &end)) {
      if (!doc_) return std::nullopt;
      return Span{end, PartialDate{doc_->year + *off, month, 0}, true};
    }
    if (!ContextBefore(i)) return std::nullopt;
    // "last October": the latest October before the document's month; "next October": the
    // first one after it; "this October": the document's year.
    if (std::optional<int64_t> rel = Val(i - 1, w_.calendar_relative)) {
      if (!doc_ || doc_->month == 0) return std::nullopt;
      PartialDate d{doc_->year, month, 0};
      if (*rel < 0 && month >= doc_->month) d.year -= 1;
      if (*rel > 0 && month <= doc_->month) d.year += 1;
      return Span{i + 1, d, true};
    }
    return InferMonth(month, i + 1);
  }

  // "3 February 2025", "3 February", "the 5th of March 2024".
  std::optional<Span> MatchDayFirst(int i) const {
    int day_end = 0;
    int day = DayAt(i, &day_end);
    if (!day) return std::nullopt;
    int k = SkipDayRange(day_end);  // "3-5 March": the first day
    if (Is(k, w_.preposition_of)) {
      // "the 5th of March": only after an ordinal ("5 of March" is a count, not a date).
      int unused = 0;
      const bool ordinal = day_end == i + 2 || !ParseDigits(Norm(i), &unused);
      if (!ordinal) return std::nullopt;
      ++k;
    }
    int month = MonthAt(k, /*allow_abbrev=*/true);
    if (!month) return std::nullopt;
    if (int y = YearAt(k + 1)) return Absolute(PartialDate{y, month, day}, k + 2);
    if (int y = (Norm(k + 1) == "," ? YearAt(k + 2) : 0)) {
      return Absolute(PartialDate{y, month, day}, k + 3);
    }
    if (!PartialDate{2000, month, day}.valid()) return std::nullopt;
    return InferDay(month, day, k + 1);
  }

  // A bare year after a temporal word: "in 2021", "since 2019", "the end of 2020".
  std::optional<Span> MatchYear(int i) const {
    int y = YearAt(i);
    if (!y || !ContextBefore(i)) return std::nullopt;
    // "in 2020-2021", "in 2021-22": a range or a compound modifier; skip rather than guess.
    if (Norm(i + 1) == "-" && Touch(i)) return std::nullopt;
    // "this/last/next" are month/weekday words; before a year they make no sense.
    if (Is(i - 1, w_.calendar_relative)) return std::nullopt;
    return Absolute(PartialDate{y, 0, 0}, i + 1);
  }

  // "on Monday", "last Friday", "Monday, February 3, 2025".
  std::optional<Span> MatchWeekday(int i) const {
    if (!Cap(i)) return std::nullopt;
    int wd = words_.WeekdayNumber(Norm(i));
    if (wd < 0) return std::nullopt;
    int k = i + 1;
    if (Norm(k) == ",") ++k;
    if (auto m = MatchMonthFirst(k)) return m;  // weekday is redundant with the full date
    if (auto m = MatchDayFirst(k)) return m;
    if (!HaveDayDoc()) return std::nullopt;
    const std::optional<int64_t> rel = Val(i - 1, w_.weekday_relative);
    const long doc_days = doc_->DaysFromEpoch();
    const int doc_wd = doc_->Weekday();
    long back = (doc_wd - wd + 7) % 7;  // 0 when the document is dated that weekday
    long target;
    if (rel && *rel > 0) {
      target = doc_days + (back == 0 ? 7 : 7 - back);
    } else if (rel && *rel < 0) {
      target = doc_days - (back == 0 ? 7 : back);
    } else {
      target = doc_days - back;
    }
    return Span{i + 1, PartialDate::FromDays(target), true};
  }

  // "yesterday", "today", "this week", "last month", "next year", "last night".
  std::optional<Span> MatchDeictic(int i) const {
    if (!doc_) return std::nullopt;
    const bool day_doc = HaveDayDoc();
    if (std::optional<int64_t> day = Val(i, w_.deictic_day)) {
      if (!day_doc) return std::nullopt;
      return Span{i + 1, doc_->AddDays(static_cast<long>(*day)), true};
    }
    // Only calendar_relative words ("last/this/next") name a calendar period; "the past year" /
    // "the previous month" usually mean a duration.
    std::optional<int64_t> rel = Val(i, w_.calendar_relative);
    if (!rel) return std::nullopt;
    if (Is(i - 1, w_.date_article)) return std::nullopt;  // "over the last year": a duration
    const Unit unit = UnitAt(i + 1, /*plural=*/false);
    const int off = static_cast<int>(*rel);
    if (unit == kYear) return Span{i + 2, PartialDate{doc_->year + off, 0, 0}, true};
    if (unit == kMonth) {
      if (doc_->month == 0) return std::nullopt;
      int y = doc_->year, m = doc_->month + off;
      if (m == 0) m = 12, --y;
      if (m == 13) m = 1, ++y;
      return Span{i + 2, PartialDate{y, m, 0}, true};
    }
    if (unit == kWeek) {
      // PartialDate has no week precision: report the month holding that week's Thursday-ish
      // point (the document date shifted by a week), month precision.
      if (!day_doc) return std::nullopt;
      PartialDate d = doc_->AddDays(7L * off);
      return Span{i + 2, PartialDate{d.year, d.month, 0}, true};
    }
    if (Is(i + 1, w_.past_day_part) && off == -1 && day_doc) {
      return Span{i + 2, doc_->AddDays(-1), true};
    }
    if (Is(i + 1, w_.present_day_part) && off == 0 && day_doc) {
      return Span{i + 2, *doc_, true};
    }
    return std::nullopt;
  }

  // "two weeks later", "three days later", "a day later", "the next day", "the following day":
  // counted from the latest day-precise date earlier in the same sentence; skipped without one.
  std::optional<Span> MatchLater(int i) const {
    if (!last_date_ || last_date_->date.precision() != DatePrecision::kDay) return std::nullopt;
    long days = 0;
    int end = 0;
    if (Is(i, w_.date_article) && Is(i + 1, w_.following) &&
        UnitAt(i + 2, /*plural=*/false) == kDay) {
      days = 1;
      end = i + 3;
    } else {
      if (!Is(i + 2, w_.later)) return std::nullopt;  // a bit test before the count's lookups
      const int n = words_.SmallCount(Norm(i));
      if (n < 0) return std::nullopt;
      const Unit unit = UnitAt(i + 1, /*plural=*/true);
      if (unit == kDay) {
        days = n;
      } else if (unit == kWeek) {
        days = 7L * n;
      } else {
        return std::nullopt;
      }
      end = i + 3;
    }
    return Span{end, last_date_->date.AddDays(days), last_date_->relative};
  }

  // "three days ago", "two weeks ago", "a year ago".
  std::optional<Span> MatchAgo(int i) const {
    if (!Is(i + 2, w_.ago) || !HaveDayDoc()) return std::nullopt;
    const int n = words_.SmallCount(Norm(i));
    if (n < 0) return std::nullopt;
    const Unit unit = UnitAt(i + 1, /*plural=*/true);
    PartialDate d;
    if (unit == kDay) {
      d = doc_->AddDays(-n);
    } else if (unit == kWeek) {
      PartialDate x = doc_->AddDays(-7L * n);
      d = PartialDate{x.year, x.month, 0};
    } else if (unit == kMonth) {
      int total = doc_->year * 12 + (doc_->month - 1) - n;
      d = PartialDate{total / 12, total % 12 + 1, 0};
    } else if (unit == kYear) {
      d = PartialDate{doc_->year - n, 0, 0};
    } else {
      return std::nullopt;
    }
    return Span{i + 3, d, true};
  }

  // Widens a match starting at `i` over a qualifier to its left: "early", "mid-", "late",
  // "the end of", "the beginning of", "earlier"/"later" (before "this"), "on".
  // Never goes below `floor` (the end of the previous mention).
  int ExtendLeft(int i, int floor) const {
    int b = i;
    auto at = [&](int k, ClassId c) { return k >= floor && Is(k, c); };
    if (b - 1 >= floor && Norm(b - 1) == "-" && at(b - 2, w_.mid_prefix)) {
      b -= 2;
    } else if (at(b - 1, w_.calendar_relative) &&
               (words_.MonthNumber(Norm(b), false) || words_.WeekdayNumber(Norm(b)) >= 0)) {
      b -= 1;  // "last October", "next Friday"
    } else if (at(b - 1, w_.date_qualifier)) {
      b -= 1;  // "early March", "earlier today"
    } else if (at(b - 1, w_.preposition_of) && at(b - 2, w_.period_part)) {
      b -= 2;
      // "the first half of 2024", "the second half of March"
      if (at(b - 1, w_.half_qualifier)) b -= 1;
      if (at(b - 1, w_.date_article)) b -= 1;
    }
    return b;
  }

  const std::vector<Token>& toks_;
  std::vector<const ClassSet*> forms_;  // the classes of each token's norm
  std::optional<PartialDate> doc_;
  bool partial_doc_ = false;
  int last_end_ = -2;  // token_end of the latest mention (for ranges)
  // Year of the latest mention stated with a year in this sentence; a later day or month
  // without a year takes it ("In late 2023 ... by December" is 2023-12).
  int context_year_ = 0;
  // The latest mention in this sentence, the anchor of "two weeks later", "the next day".
  std::optional<Span> last_date_;
};

}  // namespace

Result<DateFinder> DateFinder::Create(const Lexicon& lexicon) {
  DateFinder f;
  f.lexicon_ = &lexicon;
  TimeClasses& t = f.time_;
  ClassId &month = f.month_, &month_abbreviation = f.month_abbreviation_, &weekday = f.weekday_,
          &number_word = f.number_word_, &indefinite_article = f.indefinite_article_,
          &ordinal_suffix = f.ordinal_suffix_;
  ClassId &deictic_day = t.deictic_day, &calendar_relative = t.calendar_relative,
          &weekday_relative = t.weekday_relative, &relative_year = t.relative_year,
          &calendar_unit = t.calendar_unit, &past_day_part = t.past_day_part,
          &present_day_part = t.present_day_part, &ago = t.ago, &later = t.later,
          &following = t.following, &date_article = t.date_article,
          &date_context = t.date_context, &range_connector = t.range_connector,
          &period_part = t.period_part, &period_of = t.period_of, &mid_prefix = t.mid_prefix,
          &date_qualifier = t.date_qualifier, &half_qualifier = t.half_qualifier,
          &preposition_of = t.preposition_of;
  // clang-format off
  const std::pair<ClassId*, const char*> wanted[] = {
      DRAGOMAN_WORD_CLASS(month),            DRAGOMAN_WORD_CLASS(month_abbreviation),
      DRAGOMAN_WORD_CLASS(weekday),          DRAGOMAN_WORD_CLASS(number_word),
      DRAGOMAN_WORD_CLASS(indefinite_article), DRAGOMAN_WORD_CLASS(ordinal_suffix),
      DRAGOMAN_WORD_CLASS(deictic_day),      DRAGOMAN_WORD_CLASS(calendar_relative),
      DRAGOMAN_WORD_CLASS(weekday_relative), DRAGOMAN_WORD_CLASS(relative_year),
      DRAGOMAN_WORD_CLASS(calendar_unit),    DRAGOMAN_WORD_CLASS(past_day_part),
      DRAGOMAN_WORD_CLASS(present_day_part), DRAGOMAN_WORD_CLASS(ago),
      DRAGOMAN_WORD_CLASS(later),            DRAGOMAN_WORD_CLASS(following),
      DRAGOMAN_WORD_CLASS(date_article),     DRAGOMAN_WORD_CLASS(date_context),
      DRAGOMAN_WORD_CLASS(range_connector),  DRAGOMAN_WORD_CLASS(period_part),
      DRAGOMAN_WORD_CLASS(period_of),        DRAGOMAN_WORD_CLASS(mid_prefix),
      DRAGOMAN_WORD_CLASS(date_qualifier),   DRAGOMAN_WORD_CLASS(half_qualifier),
      DRAGOMAN_WORD_CLASS(preposition_of)};
  // clang-format on
  DRAGOMAN_RETURN_IF_ERROR(lexicon.Resolve(wanted));
  // A unit value outside the Unit enum would be read as "no unit"; say so at load time.
  for (const std::string& word : lexicon.Words(calendar_unit)) {
    std::optional<int64_t> v = lexicon.Value(calendar_unit, word);
    if (!v || *v < kDay || *v > kYear) {
      return Status::BadData("lexicon: calendar_unit '" + word +
                             "' needs a value 1 (day), 2 (week), 3 (month) or 4 (year)");
    }
  }
  return f;
}

int DateFinder::MonthNumber(std::string_view w, bool allow_abbrev) const {
  w = Bare(w);
  if (auto m = lexicon_->Value(month_, w)) return static_cast<int>(*m);
  if (!allow_abbrev) return 0;
  if (auto m = lexicon_->Value(month_abbreviation_, w)) return static_cast<int>(*m);
  return 0;
}

int DateFinder::WeekdayNumber(std::string_view w) const {
  auto d = lexicon_->Value(weekday_, w);
  return d ? static_cast<int>(*d) - 1 : -1;
}

int DateFinder::SmallCount(std::string_view w) const {
  if (auto one = lexicon_->Value(indefinite_article_, w)) return static_cast<int>(*one);
  if (auto n = lexicon_->Value(number_word_, w); n && *n <= 12) return static_cast<int>(*n);
  int n = 0;
  if (ParseDigits(w, &n) && n < 1000) return n;
  return -1;
}

bool DateFinder::IsOrdinalSuffix(std::string_view w) const {
  return lexicon_->Has(ordinal_suffix_, w);
}

std::vector<DateMention> DateFinder::Find(const Sentence& sentence, std::string_view /*doc_text*/,
                                          std::optional<PartialDate> doc_date) const {
  if (doc_date && !doc_date->valid()) doc_date.reset();
  return Scanner(*this, sentence, doc_date).Run();
}

}  // namespace dragoman
