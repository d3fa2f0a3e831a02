// TABARI dictionaries: .actors, .agents, .verbs and .options files, loaded into flat tables.
//
// This is the community's dictionary format (TABARI 0.8, Penn State), read as data. Formats, in
// short (doc/tabari.md has the full description):
//   actors   PHRASE [CODE] ; comment          one actor, one code
//            PHRASE [CODE <YYMMDD] [CODE2]    date-bounded roles (<, >, YYMMDD-YYMMDD)
//            PHRASE \n +SYNONYM \n [CODE] ... a block: synonyms on "+" lines, codes on
//                                             following lines starting with '['
//            <NOUN> ... </NOUN>, <ADJECTIVE> ... </ADJECTIVE>: part-of-speech word lists
//   agents   PHRASE [~GOV] (suffix) or [NGO~] (prefix) : combined with a nearby actor's code
//   verbs    ROOT [CODE] then "{ FORM FORM }" irregular forms and "- PATTERN [CODE]" patterns;
//            <SYNSETS> &NAME +member ...; <TIME> PHRASE [+N|-N|###|+++]
//   options  COMPLEX:, SET:, DEFAULT:, COMMA:, OUTPUT:, LABEL:, FORWARD: ... one per line.
// Words: upper case; a trailing '_' means the word must be complete (else it is a stem that
// matches any word it begins); '_' between words means "next word, adjacent"; a blank between
// pattern words lets other words intervene.
//
// Errors: every loader returns BadData "file:line: reason" on a malformed line; nothing is
// silently skipped except comments (';' to end of line, '#' lines, "//" lines in options).
// Thread-safety: a loaded Dictionaries is immutable and safe to share between threads.
#ifndef DRAGOMAN_TABARI_DICTIONARY_H_
#define DRAGOMAN_TABARI_DICTIONARY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace dragoman::tabari {

// One dictionary word.
struct Word {
  std::string text;    // upper case, without the trailing '_' or '='
  bool exact = false;  // written with a trailing '_' or '=' (no stem matching)
  // Endings an exact word still takes: actors and agents take plural S/ES, verbs S, ES, ED,
  // D, EN, N, ING; pattern words and '='-words none.
  enum class Endings : uint8_t { kNone, kNoun, kVerb } endings = Endings::kNone;
};

// True when token `tok` matches dictionary word `w`: `w` is a prefix of `tok` (a stem), or for
// an exact word `tok` is the word itself or the word plus a regular ending.
bool WordMatches(const Word& w, std::string_view tok);

// A phrase of one or more words; adjacent[i] says word i must directly follow word i-1.
struct Phrase {
  std::vector<Word> words;
  std::vector<bool> adjacent;  // same size as words; adjacent[0] unused
};

// A code with an optional date restriction (dates as YYYYMMDD integers, 0 = unbounded).
struct DatedCode {
  std::string code;
  int32_t from = 0;         // valid on and after
  int32_t to = 0;           // valid on and before
  bool same_block = false;  // another member of the previous code's block ("ELR/GAL")
};

struct ActorEntry {
  Phrase phrase;
  int32_t codes_begin = 0;  // index range into Dictionaries::actor_codes shared by synonyms
  int32_t codes_end = 0;
  int line = 0;
};

struct AgentEntry {
  Phrase phrase;
  std::string code;     // without '~'
  bool prefix = false;  // "NGO~": the agent code goes before the actor code
  int line = 0;
};

// A verb or pattern code: "064", paired "032:033", "---" (null), "###" (discard), "+++"
// (complex); a trailing '?' marks a weak (attribution) verb, a trailing '!' a dominant one
// (when it is coded, the sentence reports only its events).
struct VerbCode {
  std::string code;
  std::string paired;  // second code of a paired event, "" when none
  bool weak = false;
  bool dominant = false;
  bool null() const { return code == "---"; }
  bool discard() const { return code == "###"; }
  bool complex() const { return code == "+++"; }
};

// One element of a verb pattern.
struct PatternElem {
  enum class Kind { kWord, kSynset, kAlternatives, kSource, kTarget, kCompound, kSkip };
  Kind kind = Kind::kWord;
  Word word;                                   // kWord
  int32_t index = -1;                          // kSynset: index into Dictionaries::synsets
  std::vector<std::vector<PatternElem>> alts;  // kAlternatives
  bool adjacent = false;  // must directly follow the previous element (or the verb)
};

struct Pattern {
  std::vector<PatternElem> lower;  // before '*', left to right
  std::vector<PatternElem> upper;  // after '*', left to right
  bool lower_adjacent = false;     // last lower element directly precedes the verb
  VerbCode code;
  int literal_words = 0;  // used to try the most specific pattern first
  int literal_chars = 0;  // characters of the literal words: breaks ties in that order

  int line = 0;
};

// A verb group: one root line plus its irregular forms, sharing patterns and default code.
struct VerbGroup {
  VerbCode code;
  std::vector<Pattern> patterns;  // sorted, most specific first
  int line = 0;
  int file = 0;  // index into Dictionaries::verbs_files (where `line` and the patterns' are)
};

struct VerbEntry {
  Phrase phrase;
  int32_t group = 0;
  int line = 0;
};

// A synonym set: any of its phrases (a phrase may itself contain a synset element).
struct Synset {
  std::string name;  // with '&'
  std::vector<std::vector<PatternElem>> members;
};

// <TIME> entries: shift the event date by `days`, or discard/complex the record.
struct TimeEntry {
  std::vector<PatternElem> lower, upper;  // phrase around '*' when written "- * AND ..."
  Phrase phrase;                          // the plain phrase otherwise
  bool has_pattern = false;
  int days = 0;
  std::string special;  // "###", "+++", or "" ; "- - -" is stored as special "---"
};

// Options in force; OPTION: records in a suite change them between records.
struct Options {
  int complex_verbs = 0;  // COMPLEX: VERBS[n]; 0 = no limit
  int complex_conj = 0;   // COMPLEX: CONJ[n]
  bool noactprior = false;
  bool time_shift = true;
  bool convert_agent = false;
  std::string agent_filler = "~";  // CONVERT AGENT: a lone agent is FILLER+code (PETRARCH: "---")
  bool require_dyad = true;        // false (PETRARCH option): a source without target is coded
                                   // against "---"
  bool petrarch_rules = false;  // PETRARCH-1 rules a parse gives it (coder_*.cc; doc/tabari.md)
  bool yyyy = false;
  std::string default_source, default_target;  // DEFAULT: SOURCE [X] TARGET [Y]
  bool default_source_prior = false, default_target_after = false;
  int minimum_words = 5;  // SET: MINIMUM WORDS; shorter records are not coded
  enum class CodeBy { kClause, kSentence, kAll } code_by = CodeBy::kClause;
  bool comma_on = true;
  int comma_min = 2, comma_max = 10, comma_emin = 2, comma_emax = 10, comma_bmin = 255,
      comma_bmax = 0;
  bool forward = false;
  std::vector<std::string> raw;  // every command applied, in order

  // Applies one command line ("SET: TIME SHIFT = FALSE"). Unknown commands are kept in `raw`
  // and otherwise ignored (TABARI has display-only commands); malformed known ones are errors.
  Status Apply(std::string_view command);
};

// Everything loaded from a project: immutable after loading.
class Dictionaries {
 public:
  std::vector<ActorEntry> actors;
  std::vector<DatedCode> actor_codes;
  std::vector<AgentEntry> agents;
  std::vector<VerbGroup> verb_groups;
  std::vector<VerbEntry> verbs;
  std::vector<Synset> synsets;
  std::vector<TimeEntry> times;
  std::vector<std::string> nouns, adjectives;  // <NOUN>, <ADJECTIVE> lists (stems)
  std::vector<std::string> verbs_files;        // the names LoadVerbs was given, in order
  Options options;

  // Loaders: each appends to this object. `name` is used in error messages.
  Status LoadActors(std::string_view text, std::string_view name);
  Status LoadAgents(std::string_view text, std::string_view name);
  Status LoadVerbs(std::string_view text, std::string_view name);
  Status LoadOptions(std::string_view text, std::string_view name);

  // Builds the lookup indexes; call once after loading. REQUIRES: called before Lookup*.
  void Finish();

  // Candidates whose first word could match token `tok` (exact first word, or a stem that is a
  // prefix of `tok`); appends entry indexes to `out`.
  void ActorCandidates(std::string_view tok, std::vector<int32_t>* out) const;
  void AgentCandidates(std::string_view tok, std::vector<int32_t>* out) const;
  void VerbCandidates(std::string_view tok, std::vector<int32_t>* out) const;
  bool IsNoun(std::string_view tok) const;
  bool IsAdjective(std::string_view tok) const;

  // The code of actor `a` on date `yyyymmdd` (the first code whose restriction holds).
  const DatedCode* ActorCode(const ActorEntry& a, int32_t yyyymmdd) const;

 private:
  struct Index {
    struct Hash {
      using is_transparent = void;
      size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    std::unordered_map<std::string, std::vector<int32_t>, Hash, std::equal_to<>> stems;
    size_t min_stem = 1000, max_stem = 0;
    void Add(const Word& first, int32_t i);
    void Find(std::string_view tok, std::vector<int32_t>* out) const;
  };
  Index actor_index_, agent_index_, verb_index_;
};

// A TABARI .project file: names the dictionary, options and text files (paths resolved
// relative to the project file's folder).
struct Project {
  std::vector<std::string> actors_files, verbs_files, agents_files, options_files;
  std::string text_file;
};
Result<Project> ParseProject(std::string_view text, const std::string& path);

// Loads the project's dictionaries and options (not its text).
Result<Dictionaries> LoadProjectDictionaries(const Project& project);

// Parses a phrase written in dictionary notation ("UNITED_ARAB_EMIRATES", "AL GORE").
// Empty phrase on empty input.
Phrase ParsePhrase(std::string_view s, Word::Endings endings = Word::Endings::kNone);

// Building blocks for loaders of related formats (PETRARCH-1, src/tabari/petrarch.h), so that
// they read codes and patterns exactly as the TABARI loaders do. Errors: BadData
// "name:line: reason".
//
// One "[CODE ...]" body (without brackets), with its date restriction, appended to `out`.
Status ParseActorCodeBlock(std::string_view body, std::vector<DatedCode>* out,
                           std::string_view name, int line);
// One verb or pattern code body ("064", "032:033", "023?", "---").
Status ParseVerbCodeBlock(std::string_view body, VerbCode* out, std::string_view name, int line);
// Pattern text (without the leading '-' and the code) into elements around '*'; `upper` and
// `lower_adjacent` may be null for a sequence without '*' (a synonym-set member). Synonym sets
// named in the text must already be in `dict.synsets`.
Status ParsePatternText(const Dictionaries& dict, std::string_view text, std::string_view name,
                        int line, std::vector<PatternElem>* lower, std::vector<PatternElem>* upper,
                        bool* lower_adjacent, bool* saw_star);
// BadData "name:line: ..." when `member`, about to join synonym set `set`, names a set that
// leads back to `set` (itself, or through other sets' members): matching such a set would
// recurse without end.
Status CheckSynsetMember(const Dictionaries& dict, int32_t set, const std::vector<PatternElem>& member,
                         std::string_view name, int line);
// Adds `p` to `group` as LoadVerbs does: '{ | }' alternatives spread into one pattern each,
// each ranked by its literal words and characters.
void AddPatternToGroup(const Pattern& p, VerbGroup* group);

}  // namespace dragoman::tabari

#endif  // DRAGOMAN_TABARI_DICTIONARY_H_
