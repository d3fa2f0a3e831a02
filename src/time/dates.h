// Date expressions in sentences, resolved against the document date.
//
// Recognises absolute dates ("4 August 2025", "February 3, 2025", "2025-08-04", "on July 31",
// "in 2021", "the end of November 2020", "January 2023") and relative ones ("last October",
// "In February of this year", "this week", "yesterday", "on Monday"; "two weeks later" and "the
// next day" count from an earlier day-precise date in the same sentence).
// A day-and-month without a year takes the year of an earlier dated mention in the sentence,
// else the document's year, or the previous year when that would put it more than a month after
// the document date. The full rules are in doc/dates-places-quantities.md.
//
// Bad input: never fails; any token sequence gives zero or more mentions, each with a valid
// date. An invalid `doc_date` is treated as unknown; a month- or year-precise one resolves only
// expressions that need no day. `doc_text` is not read (kept for symmetry with other stages).
//
// Words. Month names, weekdays, number words, ordinal suffixes and the indefinite article come
// from the lexicon stage (data/lexicon/months.txt, numbers.txt), and every other word the reader
// looks for ("yesterday", "last", "ago", "the end of", units) from data/lexicon/time.txt
// (doc/lexicon.md); no English word is written in this stage's code.
//
// Thread-safety: a DateFinder is immutable and may be shared by threads.
#ifndef DRAGOMAN_TIME_DATES_H_
#define DRAGOMAN_TIME_DATES_H_

#include <optional>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "lexicon/lexicon.h"
#include "text/analysis.h"

namespace dragoman {

struct DateMention {
  int token_begin = 0;  // [token_begin, token_end) in Sentence::tokens
  int token_end = 0;
  PartialDate date;       // resolved; precision tells day / month / year
  bool relative = false;  // needed the document date to resolve
};

class DateFinder {
 public:
  // Resolves the word classes the reader uses (month, month_abbreviation, weekday, number_word,
  // indefinite_article, ordinal_suffix, preposition_of and the classes of time.txt): BadData
  // when the lexicon lacks one.
  // `lexicon` must outlive the finder.
  static Result<DateFinder> Create(const Lexicon& lexicon);

  // All date expressions in `sentence`, in token order, non-overlapping. Relative expressions
  // are skipped when `doc_date` is unknown.
  std::vector<DateMention> Find(const Sentence& sentence, std::string_view doc_text,
                                std::optional<PartialDate> doc_date) const;

  // The calendar words, by matching key (a trailing period is ignored: "Sept."):
  // 1..12 for a month name (or, with `allow_abbrev`, an abbreviation), else 0.
  int MonthNumber(std::string_view w, bool allow_abbrev) const;
  // 0 = Monday .. 6 = Sunday, -1 when not a weekday name.
  int WeekdayNumber(std::string_view w) const;
  // Small counts used by "N days ago": digits below 1000, a number word up to twelve, or the
  // indefinite article (1); -1 otherwise.
  int SmallCount(std::string_view w) const;
  // "st", "nd", "rd", "th".
  bool IsOrdinalSuffix(std::string_view w) const;

  // The classes of data/lexicon/time.txt (and preposition_of), resolved by Create(); what each
  // holds is said in that file.
  struct TimeClasses {
    ClassId deictic_day, calendar_relative, weekday_relative, relative_year, calendar_unit,
        past_day_part, present_day_part, ago, later, following, date_article, date_context,
        range_connector, period_part, period_of, mid_prefix, date_qualifier, half_qualifier,
        preposition_of;
  };
  const TimeClasses& time_classes() const { return time_; }
  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  DateFinder() = default;
  const Lexicon* lexicon_ = nullptr;
  ClassId month_, month_abbreviation_, weekday_, number_word_, indefinite_article_, ordinal_suffix_;
  TimeClasses time_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_TIME_DATES_H_
