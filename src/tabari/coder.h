// TabariCoder: codes a TABARI record with TABARI's semantics over loaded Dictionaries.
//
// The approach, in the order the coder runs (doc/tabari.md explains each step):
//   1. Upper-case and tokenize the record (commas kept as tokens, possessive 'S dropped, other
//      punctuation stripped). A record is one sentence, as in TABARI: a full stop inside it
//      ends nothing, and the complexity limits count over the whole record. No length limits.
//   2. Mark noun phrases: longest actor match at each token (date-restricted codes resolved on
//      the record's date), agents merged with an adjacent actor ("Ithilen's president" ->
//      ITHGOVPRS, "ambassadors of Arnor" -> ARNGOV), pronouns dereferenced to the last actor.
//      Actors joined by "and" / commas form compound actors.
//   3. Discard (###) and complex (+++) markers, and the COMPLEX: verb / conjunction limits.
//   4. Find verbs (stems from the .verbs file; a capitalised or determiner-preceded word is a
//      noun, not a verb), split the sentence into clauses at conjunctions, and code each clause's
//      first verb that yields a non-null code: its patterns are tried most specific first
//      ($ source, + target, % compound, ^ skip one word, _ adjacency, {a|b} alternatives, &SET
//      synonym sets); without a pattern the verb's own code applies. The source is the pattern's
//      $ or the first actor before the verb (else the clause's inherited source), the target the
//      pattern's + or the first actor after it. Paired codes (032:033) add the reverse event;
//      compound actors multiply events.
//
// Thread-safety: a TabariCoder keeps scratch buffers, so one instance per thread; any number of
// coders may share one Dictionaries. REQUIRES: the Dictionaries outlive the coder.
#ifndef DRAGOMAN_TABARI_CODER_H_
#define DRAGOMAN_TABARI_CODER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tabari/dictionary.h"

namespace dragoman::tabari {

struct CodedEvent {
  std::string source, target, code;
  int32_t date = 0;  // YYYYMMDD, after any time shift
  // The dictionary code that produced it (a Pattern's or a VerbGroup's, inside the coder's
  // Dictionaries): provenance for explanations; not compared.
  const VerbCode* via = nullptr;
  bool operator==(const CodedEvent& o) const {
    return source == o.source && target == o.target && code == o.code;
  }
};

struct CodeResult {
  enum class Outcome { kEvents, kNoEvents, kDiscard, kComplex };
  Outcome outcome = Outcome::kNoEvents;
  std::vector<CodedEvent> events;
  void Clear() {
    outcome = Outcome::kNoEvents;
    events.clear();
  }
};

class TabariCoder {
 public:
  explicit TabariCoder(const Dictionaries& dict) : dict_(dict) {}

  // Codes `text` (one record, coded as one sentence: callers with a longer text split it into
  // sentences first) dated `date` (YYYYMMDD) under `options` into `*out`
  // (cleared first). Never fails: text it cannot code yields no events. With
  // `continue_story`, `text` continues the previous call's story (FORWARD: records that are
  // sentences of one story): a pronoun opening it refers back to the previous text's actors.
  void Code(std::string_view text, int32_t date, const Options& options, CodeResult* out,
            bool continue_story = false);

 private:
  struct Token {
    std::string_view text;  // upper case, in upper_
    bool capitalized = false;
    bool comma = false;
    bool possessive = false;  // written with 's: ends a phrase, never a verb or pattern word
    bool hyphen = false;      // holds a '-' ("Fen-Hollow"): may match a phrase part by part
    bool noun_conj = false;   // "and"/"or" coordinating nouns ("looting and burning raids")
  };
  // A noun phrase: an actor (possibly with agent), a pronoun, or a compound of those.
  struct NounPhrase {
    int begin = 0, end = 0;          // token range
    std::vector<std::string> codes;  // all codes, member by member
    std::vector<int> member;         // per code: which compound member it belongs to
    bool pronoun = false;
    bool possessive_pronoun = false;     // its, their, his
    bool plural_possessive = false;      // their
    std::vector<std::string> alt_codes;  // pronoun: the most recent actor before it
    std::vector<int> alt_member;
    bool null = false;  // "---" actor
  };
  struct VerbHit {
    int begin = 0, end = 0;
    int32_t group = 0;
  };

  void CodeSentence(int begin, int end, CodeResult* out);
  void CodeClauses(int begin, int end, CodeResult* out);
  void MarkNounPhrases(int begin, int end);
  int MatchPhrase(const Phrase& p, int at, int end) const;  // tokens consumed, 0 if none
  // Matches seq[k..] from pos; `loose` lifts seq[k]'s '_' (after a multi-word synset member).
  bool MatchSeq(const std::vector<PatternElem>& seq, size_t k, int pos, int limit, bool anchored,
                int must_end, int* end_out, bool loose = false);
  bool MatchElem(const PatternElem& e, int pos, int limit, int* end_out);
  int NpAt(int token) const;  // index into nps_ starting at token, -1 if none
  // Appends source x target events, member by member (paired codes add the reverse event).
  void Emit(const NounPhrase& src, const NounPhrase& tgt, const VerbCode& code, CodeResult* out);
  // A compound acting on itself ("%"): each unordered pair once each way.
  void EmitCompound(const NounPhrase& np, const VerbCode& code, CodeResult* out);

  const Dictionaries& dict_;
  const Options* opt_ = nullptr;
  int32_t date_ = 0;
  std::string upper_;
  std::vector<Token> toks_;
  std::vector<std::pair<size_t, size_t>> spans_;  // (offset in upper_, length) per token
  bool terminated_ = false;                       // the record is closed by . ! or ?
  std::vector<int> comma_pos_;
  std::vector<char> drop_;
  std::vector<NounPhrase> nps_;
  std::vector<int> np_start_;  // per token: np index starting there, or -1
  std::vector<int> np_cover_;  // per token: np index covering it, or -1
  std::vector<VerbHit> verbs_;
  std::vector<int32_t> cand_;
  NounPhrase last_actor_;  // first actor of the last sentence that had one (for pronouns)
  // Pattern-match captures.
  int cap_source_ = -1, cap_target_ = -1, cap_compound_ = -1;
  int sentence_begin_ = 0, sentence_end_ = 0;
  // Events [dominant_begin_, dominant_end_) of the current sentence came from a dominant verb.
  size_t dominant_begin_ = 0, dominant_end_ = 0;
  bool complex_ = false, discard_ = false;
};

}  // namespace dragoman::tabari

#endif  // DRAGOMAN_TABARI_CODER_H_
