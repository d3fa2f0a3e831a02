#include "text/furniture_phrases.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace dragoman {
namespace {

using Answer = FurniturePhrases::Answer;

// The white space folded to one space: in ICU's \s under either of its definitions
// ([\t\n\f\r\p{Z}] or \p{White_Space}).
bool IsFoldSpace(unsigned char b) {
  return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r';
}

// Characters \s may hold under one of those definitions and not the other, or which some
// Unicode version counted as white space: never decided here.
bool MaybeSpace(UChar32 c) {
  return c == 0x0B || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0x180E || c == 0x200B ||
         c == 0xFEFF || u_hasBinaryProperty(c, UCHAR_WHITE_SPACE) ||
         (U_GET_GC_MASK(c) & U_GC_Z_MASK) != 0 || u_isspace(c);
}

// A non-ASCII character that matches exactly itself under ICU's case-insensitive matching and
// is neither white space, a word character nor a combining one: a caseless symbol or
// punctuation mark (©, ’, —).
bool Clean(UChar32 c) {
  if (c < 0x80 || c == 0xFFFD) return false;
  if ((U_GET_GC_MASK(c) & (U_GC_P_MASK | U_GC_S_MASK)) == 0) return false;
  return !u_hasBinaryProperty(c, UCHAR_CASED) &&
         !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEMAPPED) &&
         !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED) &&
         !u_hasBinaryProperty(c, UCHAR_ALPHABETIC) &&
         !u_hasBinaryProperty(c, UCHAR_GRAPHEME_EXTEND) && !MaybeSpace(c);
}

char AsciiLower(unsigned char b) {
  return static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
}

// Whether `rest` (after a "line" phrase) is all [\s\p{P}].
Answer Trailing(std::string_view rest) {
  bool maybe = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(rest.data());
  const int32_t n = static_cast<int32_t>(rest.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) return Answer::kNo;  // ICU reads U+FFFD, a symbol
    if ((c < 0x80 && IsFoldSpace(static_cast<unsigned char>(c))) || u_ispunct(c)) continue;
    if (!MaybeSpace(c)) return Answer::kNo;
    maybe = true;
  }
  return maybe ? Answer::kUnsure : Answer::kYes;
}

// Whether a "start" phrase that ends at byte `e` of `s` matches: P.* or P(?:\b.*)?.
Answer AfterStart(std::string_view s, size_t e, bool word_end) {
  if (!word_end || e == s.size()) return Answer::kYes;
  const auto b = static_cast<unsigned char>(s[e]);
  if (b >= 0x80) return Answer::kUnsure;  // ICU's \b skips marks and format characters
  const bool word =
      (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_';
  return word ? Answer::kNo : Answer::kYes;
}

}  // namespace

bool FurniturePhrases::Accepts(std::string_view phrase) {
  if (phrase.empty()) return false;
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  if (blank(phrase.front()) || blank(phrase.back())) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(phrase.data());
  const int32_t n = static_cast<int32_t>(phrase.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) return false;
    if (c < 0x80) {
      if (!(c >= 0x21 && c <= 0x7E) && c != ' ' && c != '\t') return false;
    } else if (!Clean(c)) {
      return false;
    }
  }
  return true;
}

void FurniturePhrases::Add(std::string_view phrase, bool whole_line, bool word_end) {
  Phrase p{{}, whole_line, word_end};
  for (char ch : phrase) {
    if (ch == ' ' || ch == '\t') {
      if (p.folded.back() != ' ') p.folded += ' ';
    } else {
      p.folded += AsciiLower(static_cast<unsigned char>(ch));
    }
  }
  phrases_.push_back(std::move(p));
}

void FurniturePhrases::Finish() {
  std::stable_sort(phrases_.begin(), phrases_.end(),
                   [](const Phrase& a, const Phrase& b) { return a.folded < b.folded; });
}

FurniturePhrases::Answer FurniturePhrases::Match(std::string_view s) const {
  // [lo, hi): the phrases whose folded text begins with the m bytes folded so far from s[0, i).
  auto lo = phrases_.begin(), hi = phrases_.end();
  size_t m = 0, i = 0;
  bool unsure = false;
  // Keeps the phrases whose byte m is `b`.
  auto narrow = [&](unsigned char b) {
    lo = std::partition_point(
        lo, hi, [&](const Phrase& p) { return static_cast<unsigned char>(p.folded[m]) < b; });
    hi = std::partition_point(
        lo, hi, [&](const Phrase& p) { return static_cast<unsigned char>(p.folded[m]) <= b; });
    ++m;
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (;;) {
    // The phrases folded text s[0, i) equals sort first: each ends here.
    for (; lo != hi && lo->folded.size() == m; ++lo) {
      Answer a = lo->whole_line ? Trailing(s.substr(i)) : AfterStart(s, i, lo->word_end);
      if (a == Answer::kYes) return a;
      if (a == Answer::kUnsure) unsure = true;
    }
    if (lo == hi || i == s.size()) break;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (IsFoldSpace(b)) {
        while (i < s.size() && IsFoldSpace(static_cast<unsigned char>(s[i]))) ++i;
        narrow(' ');
      } else if (MaybeSpace(b)) {
        // No phrase starts with white space: at the start this is a plain "no".
        unsure = unsure || m > 0;
        break;
      } else {
        narrow(static_cast<unsigned char>(AsciiLower(b)));
        ++i;
      }
      continue;
    }
    int32_t next = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(bytes, next, n, c);
    if (c < 0) break;  // ICU reads U+FFFD, which matches only itself and is in no phrase
    if (!Clean(c)) {
      // At the start, only a phrase beginning with this very (clean) character could match.
      unsure = unsure || m > 0;
      break;
    }
    for (; i < static_cast<size_t>(next) && lo != hi; ++i) narrow(static_cast<unsigned char>(s[i]));
    i = static_cast<size_t>(next);
  }
  return unsure ? Answer::kUnsure : Answer::kNo;
}

}  // namespace dragoman
