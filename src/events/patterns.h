// Verb and event-noun patterns (data/events/verbs.txt) and the intent map
// (data/events/lexicon.txt). Both formats are documented, with examples, in doc/patterns.md.
//
// A pattern line is `CODE<TAB>PATTERN[<TAB>OPTIONS]`:
//   040    meet with +                 sym
//   -      accept .. allegation|claim  neg=120
//   173    arrest|detain +             infer=gov
// PATTERN elements (space separated):
//   word      a lemma or a form: matches a token whose lemma or norm equals it
//   =word     a form only: matches a token whose norm equals it
//   a|b|=c    alternatives; a trailing `?` makes any word element optional
//   ..  ..N   a gap of 0..4 (0..N, N <= 12) tokens inside the clause
//   +         target slot: an actor mention starting within the next 3 tokens
//   $         source slot (event nouns: "talks between $ and +")
//   ^word     marks the trigger when it is not the first word element
// OPTIONS are listed in doc/patterns.md (sym noun during about react tgt pair weak speaker
// patient neg= infer= voice= mood=).
// Loader errors are BadData "path:line: reason".
//
// Thread-safety: immutable after parsing.
#ifndef DRAGOMAN_EVENTS_PATTERNS_H_
#define DRAGOMAN_EVENTS_PATTERNS_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "events/codes.h"
#include "events/event.h"

namespace dragoman {

struct PatternElement {
  enum class Kind { kWord, kGap, kTarget, kSource };
  Kind kind = Kind::kWord;
  struct Alt {
    std::string word;
    bool form_only = false;
  };
  std::vector<Alt> alts;  // kWord
  bool optional = false;  // kWord
  int max_gap = 0;        // kGap
};

struct Pattern {
  std::string code;  // CAMEO code, or "" for "-" (no event unless negated)
  std::vector<PatternElement> elements;
  int trigger = 0;  // index into elements of the trigger word
  // Options.
  std::string neg_code;       // neg=CODE: the code when the trigger is negated ("" = no override)
  bool neg_none = false;      // neg=-: a negated match states no event
  bool symmetric = false;     // sym: coordinated subjects give one mutual event
  bool dyad = false;          // dyad: sym for two subjects; one or 3+ take the context's party
  bool noun = false;          // noun: an event noun (source from $, a possessive, or the clause)
  bool during = false;        // during: "during a meeting (with +)": counterpart rule
  bool about = false;         // about: target = first later actor of another country
  bool reactive = false;      // react: without a target, take the counterpart from context
  bool from_speaker = false;  // speaker: source = the clause's speaker, target = its subject
  bool need_target = false;   // tgt: no event without a target actor
  bool need_pair = false;     // pair: no event unless the sources are two parties acting together
  bool patient = false;       // patient: the clause subject undergoes it ("remain under arrest")
  bool weak = false;          // weak: yields to an event in its own to-infinitive ("promised to X")
  std::string infer;          // infer=gov|country: agentless source from the location's country
  bool active_only = false;   // voice=active
  bool passive_only = false;  // voice=passive
  Mood mood = Mood::kAsserted;  // mood=intended|hypothetical: the pattern itself states a mood
  int words = 0;                // number of word elements (specificity)
  // Where it came from: "verbs.txt:120 meet with +".
  std::string rule;
  int line = 0;
};

// The code maps of data/events/lexicon.txt: `intent`, a CAMEO code prefix -> the code of the
// stated intention ("04" -> "036"); `refusal`, an intent code prefix -> the refusal a negated
// intention states ("will not release" 0353 -> 1243). The stage's word classes are in the
// lexicon stage (doc/lexicon.md).
struct EventLexicon {
  std::map<std::string, std::string, std::less<>> intent;   // code prefix -> intent code
  std::map<std::string, std::string, std::less<>> refusal;  // intent code prefix -> refusal code
  // `state`: a code -> its form between states, when every source and target is a country or
  // its government ("A boycotted B": a civil boycott 143 -> an embargo 163).
  std::map<std::string, std::string, std::less<>> state;
};

// Parses verbs.txt. `codes` validates every code; `name` is used in error messages and rules.
// A file without any pattern is BadData ("NAME: no patterns"): it would code nothing.
// `problems`: as in base/data_file.h (null: stop at the first problem).
Result<std::vector<Pattern>> ParsePatterns(std::string_view name, std::string_view text,
                                           const CodeTable& codes,
                                           DataProblems* problems = nullptr);
// Parses lexicon.txt (`intent`, `refusal` and `state` lines of CODE=CODE entries); `codes`
// validates the codes.
Result<EventLexicon> ParseLexicon(std::string_view name, std::string_view text,
                                  const CodeTable& codes, DataProblems* problems = nullptr);

}  // namespace dragoman

#endif  // DRAGOMAN_EVENTS_PATTERNS_H_
