// The tokenizer shared by TextAnalyzer::Analyze() and TextAnalyzer::TokenizePhrase().
//
// Rules (doc/text.md has the full list with examples):
//  - a word is a run of letters, digits and combining marks; it continues over
//      '.' between digits ("2.5"), ',' before a group of exactly three digits ("1,000"),
//      ':' or '/' before a digit ("No:367/21", "21:57", "04/10/2021"),
//      an apostrophe between letters ("O'Neill") unless it starts a final "'s";
//  - initialisms keep their dots, including the last ("U.S.", "e.g."); a listed abbreviation
//    keeps its period ("Gen.", "etc."; "No." only before a number); a single capital letter
//    followed by '.' is an initial ("F.") and keeps it;
//  - a possessive "'s" / "’s" after a word is its own token;
//  - every hyphen or dash is its own token ("Amir-Abdollahian" -> "Amir" "-" "Abdollahian");
//  - any other punctuation or symbol code point is its own token, except that a run of '.' is
//    one token ("...");
//  - white space, control characters and stray format characters separate tokens.
// Offsets are byte offsets into the text given to Tokenize() plus `base`.
//
// Thread-safety: immutable; Tokenize() is const and reentrant.
#ifndef DRAGOMAN_TEXT_TOKENIZER_H_
#define DRAGOMAN_TEXT_TOKENIZER_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/abbreviations.h"

namespace dragoman {

struct RawToken {
  enum class Kind : uint8_t { kWord, kNumber, kPunct, kPossessive };
  uint32_t begin = 0;
  uint32_t end = 0;
  Kind kind = Kind::kWord;
  // For a word ending in a period that is part of it: how the period may affect sentence
  // splitting. kNone for every other token.
  enum class Period : uint8_t { kNone, kNeverEnds, kMayEnd } period = Period::kNone;
  bool capitalized = false;  // first letter upper (or title) case
  bool all_caps = false;     // two or more letters, none lower case
};

class Tokenizer {
 public:
  // `abbrevs` must outlive the tokenizer.
  explicit Tokenizer(const Abbreviations* abbrevs) : abbrevs_(abbrevs) {}

  // Appends the tokens of `text` to *out. `text` should be valid UTF-8; an ill-formed byte is
  // a one-byte punctuation token. Linear in text.size().
  void Tokenize(std::string_view text, uint32_t base, std::vector<RawToken>* out) const;

 private:
  const Abbreviations* abbrevs_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_TOKENIZER_H_
