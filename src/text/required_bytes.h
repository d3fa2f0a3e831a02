// A cheap prefilter for ICU regular expressions: the ASCII punctuation bytes every match must
// contain. The furniture patterns (text/furniture.h) run on every sentence, and ICU's matcher
// costs thousands of instructions even when it fails on the first character; most sentences
// lack the ':' or '/' that a caption credit needs, so a memchr decides them.
//
// The analysis is conservative: it reads only the top-level concatenation of the pattern
// (groups, classes and escapes other than escaped punctuation count as "no requirement"), gives
// up (returns "") on a top-level '|' or an inline (?x) flag, and keeps only characters without
// case variants -- ASCII punctuation and caseless non-ASCII characters such as '©', whose UTF-8
// bytes are then required -- so the answer holds under UREGEX_CASE_INSENSITIVE too. A byte it
// reports is in every text the whole pattern matches; "" means no prefilter.
//
// Thread-safety: pure functions; a RegexPrefilter is immutable after construction.
#ifndef DRAGOMAN_TEXT_REQUIRED_BYTES_H_
#define DRAGOMAN_TEXT_REQUIRED_BYTES_H_

#include <string>
#include <string_view>
#include <vector>

namespace dragoman {

// The bytes (each once, in order of appearance) that every string matched whole by ICU regex
// `re` contains; "" when none is known.
std::string RequiredBytes(std::string_view re);

// The ASCII letters and digits, lower-cased, that every string matched whole by ICU regex `re`
// begins with, when its characters there are ASCII: the run of them opening `re`, less a last one
// that a quantifier may repeat or drop. "" when none, or when `re` has a top-level '|'.
std::string RequiredPrefix(std::string_view re);

// One past the ']' closing the ICU character class that opens at re[i] == '[' (nested classes
// and escapes skipped), or npos when it is not closed.
size_t RegexClassEnd(std::string_view re, size_t i);

// For an alternation of patterns: whether a text may match one of them. Add() each pattern's
// RequiredBytes() and RequiredPrefix(); a pattern with neither makes every text possible.
class RegexPrefilter {
 public:
  void Add(std::string needs, std::string prefix = "");
  // False only when, for every pattern, one of its required bytes is missing from `text` or
  // `text` starts with ASCII that is not its prefix (compared ignoring ASCII case; a non-ASCII
  // byte where the prefix is, which case folding may match, passes). `use_prefix` false
  // ignores the prefixes (for tests).
  bool MayMatch(std::string_view text, bool use_prefix = true) const;

 private:
  struct Needs {
    std::string bytes, prefix;
  };
  bool always_ = false;
  std::vector<Needs> needs_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_REQUIRED_BYTES_H_
