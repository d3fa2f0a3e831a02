// Gold sets: the hand-coded events `dragoman eval` scores the coder against.
//
// One loader reads five JSON Lines formats (doc/eval.md describes each field):
//   - dragoman's own gold format (data/gold/*.jsonl): "document" records naming the texts, and
//     "event" records that point into them by BYTE SPAN (begin/end offsets into the document
//     file plus an FNV-1a hash of the quoted bytes, so that a changed document is detected
//     instead of silently scored against the wrong words). The gold file never holds the
//     document text itself: the text is read at load time from the file the document record
//     names (relative to the gold file) or from --docs DIR.
//   - PLOVER gold-standard records (../shared/peers/plover/plover_gsr_cameo.jsonl): one sentence
//     per record, `expected` = [{source, target, code = PLOVER type}].
//   - the PETRARCH unit-test suite (petr1_unittest_records.jsonl): `expected` codes are CAMEO.
//   - the TABARI validation suite (tabari_validate.jsonl): `expected` codes are TABARI's demo
//     codes (not CAMEO); records marked skip / ### / +++ are not scored.
//   - PLV sentences (../shared/peers/plv/plv_train.jsonl): one sentence per record, `expected` =
//     [{plover = a PLOVER root, source_text, target_text}]: actors are words, not codes, and are
//     compared by shared words (score.h).
// The format is detected from the first record.
//
// Actors are compared by a "party key": the ISO 3166-1 alpha-3 country of the actor, or a group
// code ("IGO", "NGO", "IMG") for actors without one; "" for no actor. Gold sets written in
// CAMEO's own country codes ("JAP" for Japan) are mapped to ISO by a CountryAliases table
// (data/gold/country_aliases.txt).
//
// Bad input (malformed JSON, unknown fields' types, a span outside its document, a hash that does
// not match the quoted bytes) is a BadData error naming "file:line"; nothing is skipped silently
// (skipped peer records are counted in GoldSet::skipped with the reason).
//
// Thread-safety: plain value types; the loader functions are reentrant.
#ifndef DRAGOMAN_EVAL_GOLD_H_
#define DRAGOMAN_EVAL_GOLD_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"

namespace dragoman::eval {

// Maps non-ISO country codes found in gold sets (CAMEO's "JAP", "ITL", ...) to ISO alpha-3.
class CountryAliases {
 public:
  // File format: one "ALIAS ISO3" pair per line, '#' starts a comment, blank lines ignored.
  // BadData naming file:line on a malformed line or a duplicate alias.
  static Result<CountryAliases> Load(const std::string& path);
  static Result<CountryAliases> Parse(std::string_view text, std::string_view name);

  // The ISO code for `code`, or `code` itself when it has no alias.
  std::string Map(std::string_view code) const;
  size_t size() const { return map_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> map_;
};

// Renames coded PLOVER types into an older gold set's vocabulary (PLOVER 2021 "REQUEST" reads
// as PLOVER 0.5 "DEMAND"; "ACCUSE" with a CAMEO 09 code as "INVESTIGATE").
class TypeVocabulary {
 public:
  // File format (data/gold/plover_types.txt): "GOLD_TYPE CODED_TYPE PREFIXES" per line, PREFIXES
  // a comma-separated list of CAMEO code prefixes or "*"; '#' comments. BadData naming file:line.
  static Result<TypeVocabulary> Load(const std::string& path);
  static Result<TypeVocabulary> Parse(std::string_view text, std::string_view name);

  // The gold-vocabulary name of a coded event's type: the first rule whose coded type equals
  // `plover` and one of whose prefixes starts `cameo`; `plover` itself when none fits.
  std::string Rename(std::string_view plover, std::string_view cameo) const;
  size_t size() const { return rules_.size(); }

 private:
  struct Rule {
    std::string gold, coded;
    std::vector<std::string> prefixes;  // empty = any code
  };
  std::vector<Rule> rules_;
};

// The party key of a gold actor code such as "USAGOV", "IGOMIL", "ISR***", "---": its first three
// letters mapped through `aliases`; "" for "---", "" or anything shorter than three letters.
std::string GoldPartyKey(std::string_view code, const CountryAliases& aliases);

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct GoldActor {
  std::string code;          // as written in the gold: "AZEGOV", "IGO", "---"
  std::string key;           // party key (see above)
  std::string sector;        // "GOV", ... or ""
  std::optional<Span> span;  // mention in the document text (own format only)
};

struct GoldEvent {
  int line = 0;               // line of the gold file holding it (for messages)
  std::string id;             // record id ("PLOVER-GSR01-AGREE-0001") or "" (own format)
  std::optional<Span> quote;  // the words that state the event; nullopt = anywhere in the doc
  std::optional<GoldActor> source, target;
  // PLV gold names its actors by their words only ("Iranian Foreign Minister ..."); when either
  // is non-empty, actors are compared by words (score.h), not by party key.
  std::string source_text, target_text;
  std::string plover;  // PLOVER type, "" when the gold gives only a CAMEO code
  std::string cameo;   // CAMEO code, "" when the gold gives only a PLOVER type
  std::string date;    // "YYYY-MM-DD" / "YYYY-MM" / "YYYY", "" = unknown
  bool negated = false;
  std::string mood;  // "asserted", "intended", ... ("" = asserted)
  std::string note;  // the annotator's remark (own format)
};

struct GoldDocument {
  std::string id;      // matched against Event::doc
  std::string origin;  // "gold.jsonl:12" or the document's path
  std::string text;    // the full text the coder is run on
  std::optional<PartialDate>
      date;  // metadata date (peer records); nullopt = let the reader date it
  std::vector<GoldEvent> events;
  // The document belongs to its set's MEASURE-ONLY part (eval/split.h): its figures may be
  // looked at, its sentences may not, so reports never list them.
  bool measure_only = false;
};

enum class GoldFormat { kOwn, kPlover, kPetrarch, kTabari, kPlv };
// "dragoman", "plover", "petrarch", "tabari", "plv"
std::string_view GoldFormatName(GoldFormat f);

struct GoldSet {
  GoldFormat format = GoldFormat::kOwn;
  std::vector<GoldDocument> docs;
  int events = 0;                      // gold events over all documents
  std::map<std::string, int> skipped;  // reason -> records not scored
  // The tune/measure split applied (eval/split.h), as "every 5 from 5 (splits.txt:14)"; "" when
  // the set has none.
  std::string split;
};

struct GoldOptions {
  // Where own-format documents are looked up: DIR/<document id>. Empty = use each document
  // record's "path" (relative to the gold file).
  std::string docs_dir;
  const CountryAliases* aliases = nullptr;  // REQUIRES: non-null; must outlive the call
};

// Reads a gold file of any of the five formats. Peer records are documents in file order; a
// record id met again gets "~2", "~3"... appended so that document ids stay unique.
Result<GoldSet> LoadGold(const std::string& path, const GoldOptions& options);
// Same, from text already in memory (`name` for messages; relative document paths are resolved
// against `base_dir`).
Result<GoldSet> ParseGold(std::string_view text, std::string_view name, std::string_view base_dir,
                          const GoldOptions& options);

// FNV-1a 32-bit hash of `bytes` as 8 lowercase hex digits: the drift check of own-format spans.
std::string QuoteHash(std::string_view bytes);

}  // namespace dragoman::eval

#endif  // DRAGOMAN_EVAL_GOLD_H_
