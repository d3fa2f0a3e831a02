// The literal "line" and "start" phrases of data/text/furniture.txt matched in code
// (text/furniture.h), without ICU. A phrase P stands for the ICU regex the loader would make of
// it (case-insensitive, DOTALL, white space runs as \s+, everything else quoted):
//   line P     P[\s\p{P}]*        the whole sentence
//   start P    P(?:\b.*)?         when P ends in a letter or digit, else P.*
// and a phrase is tried only on sentences of its bucket (its first ASCII byte, lower-cased, or
// any sentence for a phrase starting with a non-ASCII character), as the regex buckets are.
//
// Matching folds the sentence from its start -- ASCII letters to lower case, each run of
// \t \n \f \r and space to one space -- and walks a sorted table of the phrases folded the same
// way, narrowing the range of phrases that the folded text so far begins. Where ICU's answer
// would depend on something this does not model exactly -- a character other than ASCII and
// caseless symbols or punctuation while phrases are still possible (case folding such as
// U+212A KELVIN SIGN to "k", or non-ASCII white space), a vertical tab or U+001C..U+001F (which
// ICU's \s may or may not hold), the word boundary before a non-ASCII character -- the answer is
// kUnsure and the caller asks ICU (the same regexes as before). Only phrases that Accepts() are
// handled here; the loader keeps the others in its regex buckets.
//
// Thread-safety: immutable after Finish(); Match() may be called from any thread.
#ifndef DRAGOMAN_TEXT_FURNITURE_PHRASES_H_
#define DRAGOMAN_TEXT_FURNITURE_PHRASES_H_

#include <string>
#include <string_view>
#include <vector>

namespace dragoman {

class FurniturePhrases {
 public:
  enum class Answer { kNo, kYes, kUnsure };

  // Whether `phrase` (trimmed) can be matched here: printable ASCII, spaces and tabs between
  // words, and non-ASCII characters only when they are caseless symbols or punctuation (©).
  static bool Accepts(std::string_view phrase);
  // Adds an accepted phrase. `whole_line`: a "line" phrase (else "start"); `word_end`: the
  // regex checks a word boundary after it (the loader's choice, passed as it made it).
  void Add(std::string_view phrase, bool whole_line, bool word_end);
  // Sorts the table; call once after the last Add().
  void Finish();

  bool empty() const { return phrases_.empty(); }
  // Whether `sentence` matches one of the phrases (see above).
  Answer Match(std::string_view sentence) const;

 private:
  struct Phrase {
    std::string folded;  // ASCII lower case, single spaces
    bool whole_line;
    bool word_end;
  };
  std::vector<Phrase> phrases_;  // sorted by `folded`
};

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_FURNITURE_PHRASES_H_
