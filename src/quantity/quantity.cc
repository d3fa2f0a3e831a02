// Counted quantities over a sentence's tokens.
//
// Approach. At each token the scanner tries to read a cardinal number (ParseNumber). A number
// counts something only when a noun follows it within a short run of modifiers: "37 consular
// meetings", "five Iranian nationals", "Sixty-two Armenian soldiers". The counted noun is the
// head of that run: the first noun-form token that is not followed by another noun-only token
// ("border guards" -> "guards"; "nationals were" -> "nationals"). The unit is the head's lemma.
//
// What is rejected, and why:
//  - years: a four-digit integer 1800..2199 written without a thousands comma, unless a
//    qualifier ("about 2000 troops") shows it is a count;
//  - dates: a number next to a month name ("5 March", "March 5");
//  - ordinals ("29th session"), clock times ("13:26"), codes ("No:367/21", "COP-29"): numbers
//    glued to letters, ':' or '/', or following a hyphen glued to a word;
//  - compound modifiers and durations: "44-day war" (number glued to a hyphen), and counts of
//    time units ("30 years", "two weeks"): those are durations, not counted participants.
// Percentages are kept with unit "percent" ("5%", "5 percent", "5 per cent").
#include "quantity/quantity.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <string>

namespace dragoman {

namespace {

// "37", "1,000", "2.5", "1,250.75". Thousands separators must group by three.
std::optional<double> ParseDigitToken(std::string_view s) {
  if (s.empty() || s[0] < '0' || s[0] > '9') return std::nullopt;
  std::string plain;
  size_t dot = s.find('.');
  std::string_view int_part = s.substr(0, dot);
  size_t comma = int_part.find(',');
  if (comma != std::string_view::npos) {
    if (comma == 0 || comma > 3) return std::nullopt;
    for (size_t p = comma; p < int_part.size(); p += 4) {
      if (int_part[p] != ',' || p + 4 > int_part.size()) return std::nullopt;
    }
  }
  for (char c : s) {
    if (c == ',') continue;
    if ((c < '0' || c > '9') && c != '.') return std::nullopt;
    plain.push_back(c);
  }
  if (dot != std::string_view::npos &&
      (s.find('.', dot + 1) != std::string_view::npos || dot + 1 == s.size())) {
    return std::nullopt;
  }
  double v = 0;
  auto [p, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), v);
  if (ec != std::errc() || p != plain.data() + plain.size()) return std::nullopt;
  return v;
}

bool Touching(const std::vector<Token>& t, int i) {
  return i >= 0 && i + 1 < static_cast<int>(t.size()) && t[i].end == t[i + 1].begin;
}

std::string_view NormAt(const std::vector<Token>& t, int i) {
  return i >= 0 && i < static_cast<int>(t.size()) ? std::string_view(t[i].norm)
                                                  : std::string_view();
}

std::string_view CurrencyUnit(std::string_view sign) {
  if (sign == "$") return "dollar";
  if (sign == "€") return "euro";
  if (sign == "£") return "pound";
  if (sign == "¥") return "yen";
  if (sign == "₽") return "rouble";
  if (sign == "₼") return "manat";
  return "";
}

}  // namespace

Result<QuantityFinder> QuantityFinder::Create(const Lexicon& lexicon) {
  QuantityFinder f;
  f.lexicon_ = &lexicon;
  ClassId number_word, number_scale, collective_number, indefinite_article, month,
      month_abbreviation, time_unit, quantity_stop, identifier_noun, fraction, percent, per, cent,
      conjunction_and, possessive_clitic;
  // clang-format off
  const std::pair<ClassId*, const char*> wanted[] = {
      DRAGOMAN_WORD_CLASS(number_word),       DRAGOMAN_WORD_CLASS(number_scale),
      DRAGOMAN_WORD_CLASS(collective_number), DRAGOMAN_WORD_CLASS(indefinite_article),
      DRAGOMAN_WORD_CLASS(month),             DRAGOMAN_WORD_CLASS(month_abbreviation),
      DRAGOMAN_WORD_CLASS(time_unit),         DRAGOMAN_WORD_CLASS(quantity_stop),
      DRAGOMAN_WORD_CLASS(identifier_noun),   DRAGOMAN_WORD_CLASS(fraction),
      DRAGOMAN_WORD_CLASS(percent),           DRAGOMAN_WORD_CLASS(per),
      DRAGOMAN_WORD_CLASS(cent),              DRAGOMAN_WORD_CLASS(conjunction_and),
      DRAGOMAN_WORD_CLASS(possessive_clitic)};
  // clang-format on
  DRAGOMAN_RETURN_IF_ERROR(lexicon.Resolve(wanted));
  f.number_word_ = number_word;
  f.number_scale_ = number_scale;
  f.collective_number_ = collective_number;
  f.indefinite_article_ = indefinite_article;
  for (ClassId c : {number_word, indefinite_article, collective_number}) {
    f.number_start_.set(c.index);
  }
  f.month_ = month;
  f.month_abbreviation_ = month_abbreviation;
  f.time_unit_ = time_unit;
  f.quantity_stop_ = quantity_stop;
  f.identifier_noun_ = identifier_noun;
  f.fraction_ = fraction;
  f.percent_ = percent;
  f.per_ = per;
  f.cent_ = cent;
  f.conjunction_and_ = conjunction_and;
  f.possessive_clitic_ = possessive_clitic;
  // The qualifiers: every phrase of every class qualifier_X reports "X" ('_' read as a
  // space); longest phrases first, so "more than" wins over a "than"-less reading.
  constexpr std::string_view kPrefix = "qualifier_";
  for (size_t c = 0; c < lexicon.class_count(); ++c) {
    const ClassId id{static_cast<uint16_t>(c)};
    const std::string& name = lexicon.Name(id);
    if (name.compare(0, kPrefix.size(), kPrefix) != 0) continue;
    std::string text = name.substr(kPrefix.size());
    std::replace(text.begin(), text.end(), '_', ' ');
    for (const std::string& phrase : lexicon.Words(id)) {
      Qualifier q;
      q.text = text;
      for (size_t b = 0; b < phrase.size();) {
        size_t e = phrase.find(' ', b);
        if (e == std::string::npos) e = phrase.size();
        q.words.push_back(phrase.substr(b, e - b));
        b = e + 1;
      }
      f.qualifiers_.push_back(std::move(q));
    }
  }
  std::stable_sort(
      f.qualifiers_.begin(), f.qualifiers_.end(),
      [](const Qualifier& a, const Qualifier& b) { return a.words.size() > b.words.size(); });
  return f;
}

std::string QuantityFinder::QualifierBefore(const std::vector<Token>& t, int i) const {
  for (const Qualifier& q : qualifiers_) {
    const int n = static_cast<int>(q.words.size());
    if (i - n < 0) continue;
    bool ok = true;
    for (int k = 0; k < n && ok; ++k) ok = t[i - n + k].norm == q.words[k];
    if (ok) return q.text;
  }
  return "";
}

bool QuantityFinder::IsWordToken(const Token& t) const {
  return !t.norm.empty() && !t.has(Token::kPunct) && !t.has(Token::kNumber) &&
         !lexicon_->Has(possessive_clitic_, t.norm);
}

int QuantityFinder::SmallValue(std::string_view w) const {
  auto v = lexicon_->Value(number_word_, w);
  return v ? static_cast<int>(*v) : -1;
}

double QuantityFinder::ScaleValue(std::string_view w) const {
  auto v = lexicon_->Value(number_scale_, w);
  return v ? static_cast<double>(*v) : 0;
}

bool QuantityFinder::IsMonthName(std::string_view w) const {
  return lexicon_->Has(month_, w) || lexicon_->Has(month_abbreviation_, w);
}

std::optional<double> QuantityFinder::ParseNumber(const std::vector<Token>& tokens, int i,
                                                  int* end) const {
  const int n = static_cast<int>(tokens.size());
  if (i < 0 || i >= n) return std::nullopt;
  std::string_view w = tokens[i].norm;
  // Only digits, a number word, an article ("a hundred") or a collective ("a dozen") start a
  // number: one lookup rules out every other word before the lookups below.
  if ((w.empty() || w[0] < '0' || w[0] > '9') && (lexicon_->Classes(w) & number_start_).none()) {
    return std::nullopt;
  }
  double total = 0;    // completed groups (thousands, millions...)
  double current = 0;  // the group being read (below a thousand, or a digit value)
  int k = i;
  bool any = false;
  if (auto v = ParseDigitToken(w)) {
    current = *v;
    any = true;
    k = i + 1;
  } else if (lexicon_->Has(indefinite_article_, w) && k + 1 < n) {
    // "a dozen", "a hundred", "a million": the article stands for one.
    std::string_view next = tokens[k + 1].norm;
    if (auto dozen = lexicon_->Value(collective_number_, next)) {
      *end = k + 2;
      return static_cast<double>(*dozen);
    }
    if (ScaleValue(next) == 0) return std::nullopt;
    current = 1;
    any = true;
    k = i + 1;
  } else if (lexicon_->Has(collective_number_, w) &&
             (i == 0 || !lexicon_->Has(indefinite_article_, tokens[i - 1].norm))) {
    return std::nullopt;  // bare "dozen(s)" is vague
  }
  const bool started_with_digits = any && ParseDigitToken(w).has_value();
  // Number words: "sixty - two", "two hundred and fifty", "2.5 million", "a thousand".
  while (k < n) {
    std::string_view x = tokens[k].norm;
    int small = started_with_digits ? -1 : SmallValue(x);
    if (small >= 0) {
      // Allowed at the start, after a scale word ("two hundred five", "two thousand five") and as
      // the unit after a tens word ("twenty one"); "five six" is two numbers, not one.
      const long cur = static_cast<long>(current);
      const bool after_tens = cur % 100 >= 20 && cur % 10 == 0 && small > 0 && small < 10;
      if (any && current != 0 && cur % 100 != 0 && !after_tens) break;
      current += small;
      any = true;
      ++k;
      continue;
    }
    if (x == "-" && any && k + 1 < n && Touching(tokens, k - 1) && Touching(tokens, k) &&
        !started_with_digits) {
      int next = SmallValue(tokens[k + 1].norm);
      long cur = static_cast<long>(current);
      if (next > 0 && next < 10 && cur % 100 >= 20 && cur % 10 == 0) {
        current += next;
        k += 2;
        continue;
      }
      break;
    }
    if (lexicon_->Has(conjunction_and_, x) && any && !started_with_digits &&
        static_cast<long>(current) % 100 == 0 && current >= 100 && k + 1 < n &&
        SmallValue(tokens[k + 1].norm) > 0) {
      ++k;  // "two hundred and fifty"
      continue;
    }
    double scale = ScaleValue(x);
    if (scale > 0 && any) {
      if (scale == 100) {
        current = (current == 0 ? 1 : current) * 100;
      } else {
        total += current * scale;
        current = 0;
      }
      ++k;
      if (started_with_digits) break;  // "2.5 million" but not "2.5 million thousand"
      continue;
    }
    break;
  }
  if (!any) return std::nullopt;
  *end = k;
  return total + current;
}

std::vector<QuantityMention> QuantityFinder::Find(const Sentence& sentence,
                                                  std::string_view /*doc_text*/) const {
  const std::vector<Token>& t = sentence.tokens;
  const int n = static_cast<int>(t.size());
  std::vector<QuantityMention> out;
  int i = 0;
  while (i < n) {
    int end = 0;
    std::optional<double> value = ParseNumber(t, i, &end);
    if (!value) {
      ++i;
      continue;
    }
    const int begin = i;
    i = end;  // never re-read the tail of a number ("sixty - two" is one number)
    const Token& first = t[begin];
    const bool digits = ParseDigitToken(first.norm).has_value();
    // "$5 million", "€200", "£3bn"-less forms: a currency sign glued on the left is the unit.
    if (begin > 0 && Touching(t, begin - 1)) {
      std::string_view unit = CurrencyUnit(t[begin - 1].norm);
      if (!unit.empty()) {
        out.push_back(QuantityMention{begin - 1, end, begin - 1, *value, std::string(unit),
                                      QualifierBefore(t, begin - 1)});
        continue;
      }
    }
    // Glued to a code, a time or a hyphenated word on the left: "No:367", "COP-29", "21:57".
    if (begin > 0 && Touching(t, begin - 1)) {
      std::string_view prev = t[begin - 1].norm;
      if (prev == ":" || prev == "/" || prev == "-" || prev == "." || IsWordToken(t[begin - 1])) {
        continue;
      }
    }
    // "Article 5", "Resolution 2231", "Flight 752": a number naming something, not a count.
    if (begin > 0 && lexicon_->Has(identifier_noun_, t[begin - 1].norm)) continue;
    // Glued on the right: "367/21", "13:26", "44-day", "29th" (as "29" "th").
    if (end < n && Touching(t, end - 1)) {
      std::string_view next = t[end].norm;
      if (next == "%") {
        QuantityMention q{begin, end + 1, end, *value, "percent", QualifierBefore(t, begin)};
        out.push_back(q);
        i = end + 1;
        continue;
      }
      if (next == ":" || next == "/" || next == "-" || IsWordToken(t[end])) continue;
    }
    // Next to a month name: a date.
    if (IsMonthName(NormAt(t, begin - 1)) || IsMonthName(NormAt(t, end))) continue;
    std::string qualifier = QualifierBefore(t, begin);
    // A bare four-digit year.
    if (digits && end == begin + 1 && first.norm.size() == 4 && qualifier.empty() &&
        *value >= 1800 && *value <= 2199) {
      continue;
    }
    if (end < n &&
        (lexicon_->Has(percent_, t[end].norm) ||
         (lexicon_->Has(per_, t[end].norm) && lexicon_->Has(cent_, NormAt(t, end + 1))))) {
      int stop = lexicon_->Has(per_, t[end].norm) ? end + 2 : end + 1;
      out.push_back(QuantityMention{begin, stop, end, *value, "percent", qualifier});
      i = stop;
      continue;
    }
    // Find the counted noun: skip up to three modifiers, stop at function words and punctuation.
    int noun = -1;
    bool after_hyphen = false;
    for (int k = end; k < n && k < end + 6; ++k) {
      const Token& tok = t[k];
      if (!IsWordToken(tok) || lexicon_->Has(quantity_stop_, tok.norm)) break;
      // A hyphenated compound ("al-Qaeda fighters", "pro-Kremlin groups") modifies what
      // follows it; its last part may still be the head ("Turkish-made drones").
      if (k + 2 < n && t[k + 1].norm == "-" && Touching(t, k) && Touching(t, k + 1) &&
          IsWordToken(t[k + 2])) {
        ++k;  // the loop's ++k lands on the part after the hyphen
        after_hyphen = true;
        continue;
      }
      const bool compound_tail = after_hyphen;
      after_hyphen = false;
      if (!tok.has(Token::kNounForm)) {
        // An adjective or a participle; a demonym is both, which is fine ("Iranian").
        if (tok.has(Token::kVerbForm) && !tok.has(Token::kCapitalized) && !compound_tail) break;
        continue;
      }
      // The head is the first plural noun ("Iranian nationals", "border guards") or the last
      // noun of the run ("130 km of", "one soldier was"). A singular noun followed by another
      // noun modifies it. A following "-ing"/"-ed" verb form ends the run ("people living").
      const Token* nx = k + 1 < n ? &t[k + 1] : nullptr;
      auto verbal = [](const Token& x) {
        std::string_view w = x.norm;
        return x.has(Token::kVerbForm) && w.size() > 4 &&
               (w.substr(w.size() - 3) == "ing" || w.substr(w.size() - 2) == "ed");
      };
      const bool next_is_noun = nx && IsWordToken(*nx) &&
                                !lexicon_->Has(quantity_stop_, nx->norm) &&
                                nx->has(Token::kNounForm) && !verbal(*nx);
      const bool plural = tok.lemma != tok.norm;
      if (plural || !next_is_noun) {
        noun = k;
        break;
      }
    }
    if (noun < 0) continue;
    // "1 Libya", "0 NATO": a number before a singular proper noun is a score or a table cell,
    // not a count ("five Iranians" is plural and kept).
    if ((t[noun].has(Token::kCapitalized) || t[noun].has(Token::kAllCaps)) &&
        t[noun].lemma == t[noun].norm) {
      continue;
    }
    if (lexicon_->Has(time_unit_, t[noun].lemma)) continue;  // a duration
    // "one third", "two halves": fractions, not counts.
    if (lexicon_->Has(fraction_, t[noun].lemma)) continue;
    QuantityMention q;
    q.token_begin = begin;
    q.token_end = noun + 1;
    q.noun = noun;
    q.value = *value;
    q.unit = t[noun].lemma;
    q.qualifier = std::move(qualifier);
    out.push_back(std::move(q));
    i = noun + 1;
  }
  return out;
}

}  // namespace dragoman
