// The lexicon stage: the English word lists every later stage uses, loaded from data files into
// word classes.
//
// Data. A lexicon directory (data/lexicon/, format in doc/lexicon.md) holds text files `*.txt`.
// Each content line is `CLASS<TAB>entry entry ...`; an entry is a word in matching-key form
// (Token::norm: lower case, folded), optionally with an integer value: `january=1`,
// `hundred=100`; '_' joins the words of a phrase (`no_fewer_than`, stored as "no fewer than":
// Words() lists it, no single token matches it). A class may span several lines of one file;
// defining the same class in two files, or the same word twice with different values in one class,
// is an error, so a fact (the months, the number words) is written once.
//
// Use. A stage asks for the classes it needs once, when it is built: Class("month") returns a
// ClassId, and a class the data does not define is a BadData error at that moment, never a
// silent "no" later. Per token, Classify() computes the set of classes of its norm and of its
// lemma once per sentence; Has() then costs a bit test.
//
// Thread-safety: a Lexicon is immutable after Load()/Parse() and may be shared by threads.
// TokenClasses is a per-sentence value.
#ifndef DRAGOMAN_LEXICON_LEXICON_H_
#define DRAGOMAN_LEXICON_LEXICON_H_

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/data_file.h"
#include "base/status.h"
#include "text/analysis.h"

namespace dragoman {

// At most this many classes over all files (a load error beyond it).
inline constexpr size_t kMaxWordClasses = 128;

// A class handle; only a Lexicon makes valid ones.
struct ClassId {
  uint16_t index = 0;
};

using ClassSet = std::bitset<kMaxWordClasses>;

// The classes of each token of one sentence, by norm and by norm-or-lemma.
class TokenClasses {
 public:
  TokenClasses() = default;
  // True when token i's norm is in the class. False for i outside the sentence.
  bool Form(int i, ClassId c) const {
    return i >= 0 && i < static_cast<int>(form_.size()) && form_[i].test(c.index);
  }
  // True when token i's norm or its lemma is in the class. False for i outside the sentence.
  bool Any(int i, ClassId c) const {
    return i >= 0 && i < static_cast<int>(any_.size()) && any_[i].test(c.index);
  }
  size_t size() const { return form_.size(); }

 private:
  friend class Lexicon;
  std::vector<ClassSet> form_;
  std::vector<ClassSet> any_;
};

// An entry of a Resolve() table: the ClassId variable `member` and the class of the same name,
// so that a class name is written once and never as a string in the code.
#define DRAGOMAN_WORD_CLASS(member) std::pair<ClassId*, const char*>(&(member), #member)

class Lexicon {
 public:
  // Loads every `*.txt` file of `dir` (in name order). BadData "path:line: reason" for a
  // malformed line, and when the directory is missing or holds no `.txt` file (exit 4).
  // `problems`: as in base/data_file.h (null: stop at the first problem).
  static Result<Lexicon> Load(const std::string& dir, DataProblems* problems = nullptr);
  // The same from (file name, text) pairs already in memory; names are used in messages.
  static Result<Lexicon> Parse(std::span<const std::pair<std::string, std::string>> files,
                               DataProblems* problems = nullptr);

  // The class called `name`. BadData "lexicon: no word class 'name' (data/lexicon/*.txt)"
  // when the data does not define it: callers ask at their own load time.
  Result<ClassId> Class(std::string_view name) const;

  // Whether `word` (matching-key form) is in class c.
  bool Has(ClassId c, std::string_view word) const { return Classes(word).test(c.index); }
  // The classes of `word` (empty when it is in none).
  const ClassSet& Classes(std::string_view word) const;
  // The value of `word` in class c (`january=1`), or nullopt when the word is not in the
  // class or carries no value.
  std::optional<int64_t> Value(ClassId c, std::string_view word) const;
  // The words of class c in file order (for loaders that compile them further).
  const std::vector<std::string>& Words(ClassId c) const { return classes_[c.index].words; }
  // The class's name, as written in the data.
  const std::string& Name(ClassId c) const { return classes_[c.index].name; }
  size_t class_count() const { return classes_.size(); }

  // Classes of every token of a sentence (norm, and norm or lemma).
  TokenClasses Classify(std::span<const Token> tokens) const;

  // Resolves a table of (where to store the id, class name), as written with
  // DRAGOMAN_WORD_CLASS(member): BadData for the first class the data lacks.
  Status Resolve(std::span<const std::pair<ClassId*, const char*>> wanted) const;

 private:
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct ClassData {
    std::string name;
    std::string file;  // where it is defined
    std::vector<std::string> words;
    std::unordered_map<std::string, int64_t, WordHash, std::equal_to<>> values;
  };
  std::vector<ClassData> classes_;
  std::unordered_map<std::string, ClassSet, WordHash, std::equal_to<>> words_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_LEXICON_LEXICON_H_
