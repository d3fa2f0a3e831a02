// Counted quantities: "37 consular meetings", "five Iranian nationals", "at least 41 soldiers",
// "over 100 detainees", "Sixty-two Armenian soldiers". Rules: doc/dates-places-quantities.md.
//
// Bad input: never fails; any token sequence gives zero or more mentions. `doc_text` is not
// read (kept for symmetry with other stages).
//
// Words. Number words, scale words, "dozen", the indefinite article, the month names, time
// units, qualifiers ("at least") and the other words around a number come from the lexicon
// stage (data/lexicon/numbers.txt, months.txt, quantities.txt; doc/lexicon.md).
//
// Thread-safety: a QuantityFinder is immutable and may be shared by threads.
#ifndef DRAGOMAN_QUANTITY_QUANTITY_H_
#define DRAGOMAN_QUANTITY_QUANTITY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "lexicon/lexicon.h"
#include "text/analysis.h"

namespace dragoman {

struct QuantityMention {
  int token_begin = 0;  // [token_begin, token_end) covers the number and the counted noun
  int token_end = 0;
  int noun = -1;  // token index of the counted noun
  double value = 0;
  // Lemma of the counted noun ("national", "soldier", "meeting"); "percent" for percentages;
  // "dollar", "euro", ... for a glued currency sign ("$5 million"; then `noun` is the sign).
  std::string unit;
  std::string qualifier;  // "", "at least", "over", "about", "up to", ...
};

class QuantityFinder {
 public:
  // Resolves the word classes it reads (number_word, number_scale, collective_number,
  // indefinite_article, month, month_abbreviation and those of quantities.txt; every class
  // qualifier_X is a qualifier reported as "X"): BadData when the lexicon lacks one.
  // `lexicon` must outlive the finder.
  static Result<QuantityFinder> Create(const Lexicon& lexicon);

  // Cardinal number words and digits: "five" -> 5, "sixty-two" -> 62, "1,200" -> 1200,
  // "2.5 million" -> 2500000. nullopt when `tokens[i..]` does not start a number; on success
  // `*end` is one past the last token used.
  std::optional<double> ParseNumber(const std::vector<Token>& tokens, int i, int* end) const;

  // Quantities counting a noun in `sentence`, in token order, non-overlapping. Years ("in
  // 2021"), dates, ordinals ("29th session"), codes ("No:367/21", "COP-29") and durations
  // ("44-day war", "30 years") are not quantities.
  std::vector<QuantityMention> Find(const Sentence& sentence, std::string_view doc_text) const;

 private:
  QuantityFinder() = default;
  int SmallValue(std::string_view w) const;     // a number word's value, or -1
  double ScaleValue(std::string_view w) const;  // a scale word's multiplier, or 0
  bool IsMonthName(std::string_view w) const;
  // A word (not punctuation, not a number, not the possessive "'s").
  bool IsWordToken(const Token& t) const;
  // The qualifier ("at least", "about") ending right before token `i`, or "".
  std::string QualifierBefore(const std::vector<Token>& t, int i) const;

  struct Qualifier {
    std::vector<std::string> words;  // "no" "fewer" "than"
    std::string text;                // "at least"
  };
  const Lexicon* lexicon_ = nullptr;
  ClassId number_word_, number_scale_, collective_number_, indefinite_article_, month_,
      month_abbreviation_, time_unit_, quantity_stop_, identifier_noun_, fraction_, percent_, per_,
      cent_, conjunction_and_, possessive_clitic_;
  ClassSet number_start_;  // number_word, indefinite_article, collective_number
  std::vector<Qualifier> qualifiers_;  // longest first
};

}  // namespace dragoman

#endif  // DRAGOMAN_QUANTITY_QUANTITY_H_
