// The abbreviation list (data/text/abbreviations.txt) used by the tokenizer and the sentence
// splitter. File format (also in doc/text.md): one entry a line, "ABBREVIATION KIND", '#'
// starts a comment line; ABBREVIATION ends in '.' and contains no spaces; KIND is
//   title   never ends a sentence ("Gen.", "Mr.", "e.g.", "vs.")
//   number  an abbreviation only before a number ("No. 5", "Art. 3"); elsewhere the period is
//           ordinary sentence punctuation ("He said no.")
//   end     may end a sentence ("U.S.", "etc.", "Inc."): the text is split after it when the
//           next word is capitalised.
// Matching is case-sensitive, except that an entry written in lower case also matches with a
// capitalised first letter ("etc." matches "Etc.").
//
// Thread-safety: immutable after Load().
#ifndef DRAGOMAN_TEXT_ABBREVIATIONS_H_
#define DRAGOMAN_TEXT_ABBREVIATIONS_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "base/data_file.h"
#include "base/status.h"

namespace dragoman {

enum class AbbrevKind { kTitle, kNumber, kEnd };

class Abbreviations {
 public:
  Abbreviations() = default;
  // BadData "path:line: why" for a malformed line or a duplicate, and for a missing file.
  // `problems`: as in base/data_file.h (null: stop at the first problem).
  static Result<Abbreviations> Load(const std::string& path, DataProblems* problems = nullptr);
  // Parses the file contents; `name` is used in error messages.
  static Result<Abbreviations> Parse(std::string_view text, const std::string& name,
                                     DataProblems* problems = nullptr);

  // The kind of `word` (which includes its final '.'), or nullptr when it is not listed.
  const AbbrevKind* Find(std::string_view word) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, AbbrevKind, Hash, std::equal_to<>> entries_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_ABBREVIATIONS_H_
