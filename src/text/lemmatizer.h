// WordNet 3.0 lemmatizer ("morphy") held entirely in memory.
//
// Approach: the lemma sets of index.noun / index.verb / index.adj and the exception lists
// (noun.exc, verb.exc, adj.exc) from Debian's wordnet-base are looked up in a LemmaTable
// (text/lemma_table.h: compiled at build time and mapped, or compiled in memory when the build's
// table does not match the installed WordNet). A word form is reduced the way WordNet's morphy
// does it:
//   1. an exception list entry wins ("met" -> "meet", "was" -> "be", "mice" -> "mouse");
//   2. a form that is itself a lemma stays as it is ("talk"), except that a noun plural in -s
//      whose singular is also a noun lemma takes the singular ("relations" -> "relation");
//   3. otherwise the detachment rules for the part of speech are tried in order and the first
//      candidate that is a lemma is returned (verbs: -s, -ies>y, -es>e, -es, -ed>e, -ed, -ing>e,
//      -ing; nouns: -s, -ses>s, -xes>x, -zes>z, -ches>ch, -shes>sh, -men>man, -ies>y;
//      adjectives: -er, -est, -er>e, -est>e).
// An optional override file (data/text/lemmas.txt, format in doc/text.md) is consulted before
// WordNet; it pins closed-class words ("as" is not the plural of the noun "a") and marks past
// forms WordNet's lists cannot tell apart ("was", "put").
//
// Input words are expected in Token::norm form (lower case, folded); other input simply finds
// nothing. Lookups allocate at most a few short strings; loading maps a file (well under a
// millisecond) or, without a current compiled table, parses WordNet (tens of milliseconds).
//
// Thread-safety: immutable after Load(); all const methods may be called from any thread.
#ifndef DRAGOMAN_TEXT_LEMMATIZER_H_
#define DRAGOMAN_TEXT_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/data_file.h"
#include "base/status.h"
#include "text/lemma_table.h"

namespace dragoman {

class Lemmatizer {
 public:
  // Loads WordNet from `wordnet_dir` (index.noun, index.verb, index.adj, noun.exc, verb.exc,
  // adj.exc; through the compiled table `lemma_table`, "" for the default locations, see
  // LemmaTable::Open) and, when `overrides_path` is non-empty, the override file. NotFound / Io
  // when a WordNet file cannot be read; BadData "path:line: why" for a malformed override line,
  // and for a missing override file. `problems`: as in base/data_file.h (null: stop at the
  // first problem).
  static Result<std::unique_ptr<Lemmatizer>> Load(const std::string& wordnet_dir,
                                                  const std::string& overrides_path,
                                                  const std::string& lemma_table = "",
                                                  DataProblems* problems = nullptr);

  // The verb lemma of `word` ("pardoned" -> "pardon", "met" -> "meet", "was" -> "be"), or ""
  // when WordNet does not know `word` as a verb form.
  std::string Verb(std::string_view word) const;
  // The noun lemma ("ministries" -> "ministry", "talks" -> "talk"), or "" when unknown.
  std::string Noun(std::string_view word) const;
  // The adjective lemma ("bigger" -> "big"), or "" when unknown.
  std::string Adjective(std::string_view word) const;

  // Whether `lemma` is itself a lemma in index.verb / index.noun / index.adj. Multi-word lemmas
  // use '_' between words, as in WordNet ("take_part").
  bool IsVerbLemma(std::string_view lemma) const;
  bool IsNounLemma(std::string_view lemma) const;
  // True when `word` is an adjective lemma or an inflected adjective form.
  bool IsAdjective(std::string_view word) const;

  // True for past tense / past participle verb forms: regular "-ed" forms of a WordNet verb
  // ("pardoned", "arrested", "sentenced") and irregular ones from verb.exc ("held", "met",
  // "beaten"), plus forms the override file marks "past" ("was", "put"). False for "-ing" and
  // present forms ("holds", "is").
  bool IsVerbPastForm(std::string_view word) const;

  // Token::lemma for a word: the verb lemma when `word` is a verb form, else the noun lemma,
  // else the adjective lemma, else `word` itself.
  std::string Lemma(std::string_view word) const;

  // Everything the analyzer needs for one token, in one pass: Lemma(word), whether `word` is a
  // verb form, whether it is a noun form, and whether it is an adjective form only (neither).
  struct WordInfo {
    std::string lemma;
    bool verb = false;
    bool noun = false;
    bool adjective_only = false;
  };
  WordInfo Analyze(std::string_view word) const;

  size_t verb_lemma_count() const { return table_->size(LemmaTable::kVerbs); }
  size_t noun_lemma_count() const { return table_->size(LemmaTable::kNouns); }
  // Whether WordNet was mapped from a compiled table (false: parsed at Load()).
  bool mapped() const { return table_->mapped(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  enum class Pos { kNone, kVerb, kNoun, kAdj };
  struct Override {
    std::string lemma;
    Pos pos = Pos::kNone;
    bool past = false;
  };
  struct Rule {
    std::string_view suffix;
    std::string_view ending;
  };

  Lemmatizer() = default;
  std::string Morphy(std::string_view word, LemmaTable::List lemmas, LemmaTable::List exceptions,
                     const Rule* rules, size_t rule_count) const;
  bool Has(LemmaTable::List list, std::string_view key) const {
    return table_->Contains(list, key);
  }
  const Override* FindOverride(std::string_view word) const;

  std::unique_ptr<LemmaTable> table_;
  std::unordered_map<std::string, Override, Hash, std::equal_to<>> overrides_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_LEMMATIZER_H_
