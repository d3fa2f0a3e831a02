// PETRARCH-1 dictionaries and the PETRARCH unit suite, read into the TABARI structures.
//
// PETRARCH-1 (Open Event Data Alliance) descends from TABARI: its dictionaries keep TABARI's
// phrases, codes and patterns but change the file layout and the matching rules. These loaders
// read that layout into a tabari::Dictionaries, so that TabariCoder codes with it (doc/tabari.md,
// section "PETRARCH-1"):
//   all files  '#' and ';' start a comment (outside '[...]'); "<!-- ... -->" comments may span
//              lines; blank lines are ignored.
//   actors     PHRASE [CODE] | PHRASE then "+SYNONYM" lines then "[CODE ...]" lines; date
//              restrictions as in TABARI ([AZEGOV 030804-031104], [X <YYMMDD], [X >YYMMDD],
//              YYYYMMDD allowed); within an entry the date-restricted codes are tried first (in
//              file order) and an unrestricted code is the default.
//   agents     "!NAME! = A, B, C" substitution sets used inside phrases ("HARBOUR!CREW!");
//              PHRASE [~CODE] | [CODE~]; "{PLURAL ...}" lists the plurals, "{}" says there is
//              none, and without braces the regular plural of the last word is made (Y -> IES;
//              S, X, Z, CH, SH -> ES; else S).
//   discards   PHRASE (the sentence is discarded) or +PHRASE (the story is); both become
//              actors coded "###", which discards the record.
//   verbs      "&NAME" + "+MEMBER" synonym sets anywhere in the file (a set may be used
//              before it is defined); "--- NAME [CODE] ---" opens a verb block; verb lines
//              "VERB {FORMS} [CODE]" ('+' marks the verb word of a multi-word verb:
//              "+CHEER_ON", "RE_+OPEN"); "- PATTERN [CODE]" patterns in TABARI syntax
//              apply to every verb of the block. A verb line with its own [CODE] keeps the
//              block's patterns but its own default code; a block header without a code
//              gives the null code "---".
// Words are matched whole, as PETRARCH matches parsed words (TABARI's stems do not apply): a
// trailing '_' is only a marker; a verb without "{FORMS}" gets its regular forms (S/ES/IES,
// ED/D/IED, ING). In actor phrases '_' joins adjacent words and a blank lets words intervene
// (as in TABARI); in agent and discard phrases both mean "next word".
//
// Errors: policy kFail returns BadData "file:line: reason" on the first malformed entry;
// kSkip drops the entry, appends the same message to `warnings` and goes on (the Phoenix files
// hold a few malformed dates such as seven-digit dates). No fixed limits on lines, entries or
// phrases. Thread-safety: loading mutates the Dictionaries; once Finish()ed it is immutable and
// shared.
#ifndef DRAGOMAN_TABARI_PETRARCH_H_
#define DRAGOMAN_TABARI_PETRARCH_H_

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "tabari/coder.h"
#include "tabari/dictionary.h"
#include "tabari/suite.h"

namespace dragoman::tabari {

// What a malformed dictionary entry does.
enum class BadEntryPolicy {
  kFail,  // the loader returns BadData "file:line: reason"
  kSkip,  // the entry is dropped and the message appended to the warnings
};

struct PetrarchLoadOptions {
  BadEntryPolicy on_bad_entry = BadEntryPolicy::kFail;
  // PETRARCH knows adjectives from its parse; TABARI dictionaries list them (<ADJECTIVE>) and
  // PETRARCH's do not. When set, the one-word lemmas of this file (WordNet's index.adj layout:
  // the lemma is a line's first field, lines starting with a blank are skipped) become the
  // adjective list, so that "A and the evil awful B" is one compound. Empty: no list.
  std::string adjectives_file;
};

// Reads the one-word adjectives of a WordNet index.adj file into `dict->adjectives` (exact words).
// NotFound/Io when the file cannot be read.
Status LoadAdjectiveList(const std::string& path, Dictionaries* dict);

// Each loader appends to `*dict` (call dict->Finish() after the last one). `name` is used in
// messages; `warnings` (may be null) receives the entries skipped under kSkip.
Status LoadPetrarchActors(std::string_view text, std::string_view name,
                          const PetrarchLoadOptions& opt, Dictionaries* dict,
                          std::vector<std::string>* warnings);
Status LoadPetrarchAgents(std::string_view text, std::string_view name,
                          const PetrarchLoadOptions& opt, Dictionaries* dict,
                          std::vector<std::string>* warnings);
Status LoadPetrarchDiscards(std::string_view text, std::string_view name,
                            const PetrarchLoadOptions& opt, Dictionaries* dict,
                            std::vector<std::string>* warnings);
Status LoadPetrarchVerbs(std::string_view text, std::string_view name,
                         const PetrarchLoadOptions& opt, Dictionaries* dict,
                         std::vector<std::string>* warnings);

// The files of one PETRARCH-1 dictionary set.
struct PetrarchFiles {
  std::vector<std::string> actors, agents, discards, verbs;
};

// Resolves the part after "petrarch:" of a --dictionaries spec:
//   DIR          the unit-test set DIR/PETR.Validate.{actors,agents,discards,verbs}.txt when
//                DIR holds PETR.Validate.verbs.txt; otherwise the operational set: every
//                DIR/Phoenix.*.actors.txt, DIR/Phoenix.agents.txt, DIR/Phoenix.discards.txt and
//                the last (by name) DIR/CAMEO.verbpatterns.*.txt.
//   F1,F2,...    those files, each sorted by its name: "actors", "agents", "discards", and
//                "verb" (verbs, verbpatterns) must appear in it.
// NotFound when a named file or the directory is missing; InvalidArgument when a listed file
// has none of the four kinds in its name or the set has no actors or no verbs file.
Result<PetrarchFiles> ResolvePetrarchSpec(std::string_view spec);

// Reads and loads every file of the set (actors, agents, discards, verbs in that order), the
// adjective list when `opt.adjectives_file` is set, and calls Finish(). Options are
// PetrarchOptions().
Result<Dictionaries> LoadPetrarchDictionaries(const PetrarchFiles& files,
                                              const PetrarchLoadOptions& opt,
                                              std::vector<std::string>* warnings);

// The coder options PETRARCH-1's defaults map onto: COMMA: lengths 2/8 (middle), 0/0 (opening),
// 2/8 (closing); no minimum sentence length; a lone agent coded with the null actor ("---EDU");
// Options::petrarch_rules on (the noun-phrase, compound and verb rules a parse gives PETRARCH).
Options PetrarchOptions();

// One record of the PETRARCH unit suite (petr1_unittest_records.jsonl).
struct PetrarchRecord {
  SuiteRecord record;   // expected events; special "---" (noevents, or an input error the
                        // coder cannot see) or "###" (story or sentence discard)
  Options options;      // PetrarchOptions() with the record's "config" applied
  bool counted = true;  // false: "skip" or "text_matches_parse": false
  std::string skip_reason;
  std::string error;  // the record's "error" field, "" when none
};

// Parses the JSON Lines form of the PETRARCH unit suite: fields id, date, text, expected
// [{source,target,code}], noevents, error, config {comma_*, require_dyad, new_actor_length,
// ...}, skip, skip_reason, text_matches_parse. BadInput "name:line: reason" on a malformed
// record or config value.
Result<std::vector<PetrarchRecord>> ParsePetrarchSuiteJsonl(std::string_view text,
                                                            std::string_view name);

// PETRARCH reads Penn Treebank tokens, where a negative contraction is two words: "didn't"
// -> "did n't", "won't" -> "wo n't", "can't" -> "ca n't", "cannot" -> "can not". Dictionaries
// are written for those tokens (a member "DID N'T"), so text is split the same way before
// coding. Other text is returned unchanged.
std::string SplitContractions(std::string_view text);

// Codes one text as the unit suite does: SplitContractions(), then TabariCoder::Code(). With
// `require_dyad` off, a closing comma segment that the COMMA: rule keeps (not EMIN..EMAX words:
// "..., a ministry spokesman said on Monday.") is a clause of its own, as in PETRARCH's parse:
// the text before it and the segment are coded apart and the segment's events appended.
void CodePetrarchText(TabariCoder& coder, std::string_view text, int32_t date,
                      const Options& options, CodeResult* out);

struct PetrarchReport {
  int passed = 0, failed = 0, skipped = 0;
};

// Codes every counted record with CodePetrarchText() and its own options; prints each failing
// counted record (text, expected, coded), then "N skipped (skip or text_matches_parse false)" and
// the closing line "N passed, N failed". Pass rule: TABARI's (Passes() in suite.h).
PetrarchReport RunPetrarchSuite(const Dictionaries& dict,
                                const std::vector<PetrarchRecord>& records, std::ostream& out,
                                bool verbose);

}  // namespace dragoman::tabari

#endif  // DRAGOMAN_TABARI_PETRARCH_H_
