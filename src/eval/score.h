// Scoring coded events against gold events: one-to-one matching at several levels, precision /
// recall / F1 overall and per PLOVER type, a type confusion table and the lists of misses and
// false alarms.
//
// The approach. Gold and coded events are compared document by document. A coded event is a
// candidate for a gold event when it comes from the gold's words (its span overlaps the gold
// quote; peer gold records are one sentence each and need no span) and agrees at the level:
//   dyad         source and target party keys equal (gold/ GoldPartyKey, coded: ActorKey)
//   type         the same PLOVER type (CAMEO code when the gold has no PLOVER type) and the same
//                negation; the actors are ignored
//   typed        dyad and type
//   doc-typed    typed, but anywhere in the same document (the span is ignored): what a reader
//                of the document's event list sees
//   dated        typed, plus the date: the coded date agrees with every field the gold date gives
//                (a gold event with no date is not scored on its date)
//   source       the source party only (the target and the type are ignored)
//   source+type  the source party and the type (the target is ignored): PLOVER's own headline
//                measure, since its gold leaves many targets blank
// CONSULT, AGREE and COOPERATE are symmetric: a coded event matches with source and target
// swapped too. For each level the matching is a maximum bipartite matching (each gold event and
// each coded event used at most once), so the counts do not depend on event order.
//
// Gold that names its actors by words only (PLV: GoldEvent::source_text/target_text) is scored as
// its authors define it (../shared/peers/README.md): an actor agrees when the coded mention (its
// text or its resolved name) shares a word of four or more letters, case-folded, with the gold
// words; no swapping for symmetric types and no negation check. "type" is then PLV's type
// figure and "typed" its "full" figure (type + source + target).
//
// Thread-safety: plain functions over value types.
#ifndef DRAGOMAN_EVAL_SCORE_H_
#define DRAGOMAN_EVAL_SCORE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/gold.h"
#include "events/event.h"

namespace dragoman::eval {

enum class Level { kDyad, kType, kTyped, kDocTyped, kDated, kSource, kSourceTyped };
inline constexpr Level kAllLevels[] = {Level::kDyad,     Level::kType,   Level::kTyped,
                                       Level::kDocTyped, Level::kDated,  Level::kSource,
                                       Level::kSourceTyped};
// "dyad", "type", "typed", "doc-typed", "dated", "source", "source+type"
std::string_view LevelName(Level l);
// All level names, comma-separated, for messages and --help.
std::string_view LevelNames();
// Parses the names above ("source_type" also for source+type).
std::optional<Level> ParseLevel(std::string_view s);

// The party key of a coded actor: its country, else the first three letters of its code when
// the code names a group ("IGOUNO" -> "IGO"), else "".
std::string ActorKey(const ActorRef& a);

// Whether an actor mention shares a word of four or more letters (ASCII case-folded; a letter is
// an ASCII letter or any non-ASCII character) with `gold_words`: PLV's actor test. The mention's
// text and its resolved name are both tried.
bool SharesWord(std::string_view gold_words, const ActorRef& a);

// True for the types whose direction does not matter (CONSULT, AGREE, COOPERATE).
bool IsSymmetricType(std::string_view plover);

// The type the gold and the coded event are compared on at the typed level.
std::string GoldType(const GoldEvent& g);                   // plover, else cameo
std::string CodedType(const GoldEvent& g, const Event& e);  // e.plover or e.cameo, as the gold

// Whether `e` may match `g` at `level` (span included).
bool Compatible(const GoldEvent& g, const Event& e, Level level);

// One-to-one maximum matching: result[i] = index into `coded` matched to gold[i], or -1.
std::vector<int> MatchLevel(const std::vector<GoldEvent>& gold, const std::vector<Event>& coded,
                            Level level);

struct Counts {
  int gold = 0;
  int coded = 0;
  int matched = 0;
  double Precision() const { return coded ? static_cast<double>(matched) / coded : 0.0; }
  double Recall() const { return gold ? static_cast<double>(matched) / gold : 0.0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// A gold event the coder missed or a coded event with no gold partner (at detail_level).
struct Discrepancy {
  std::string doc;
  std::string sentence;  // the gold quote or the coded sentence, as in the document
  std::string expected;  // "AZE -> IRN REJECT 2025-08-04" or "" for a false alarm
  std::string coded;     // what the coder said about these words ("" when nothing)
  std::string where;     // "gold.jsonl:12" / coded rule
};

struct Scores {
  std::map<Level, Counts> levels;
  // The level the per-type figures, the confusion table and the lists are computed at: typed
  // by default; Evaluate() uses source+type for PLOVER gold (its headline measure).
  Level detail_level = Level::kTyped;
  std::map<std::string, Counts> per_type;  // at detail_level, by gold/coded type
  // Type confusion among events that agree on the actors (the dyad; the source alone when
  // detail_level is source+type): (gold type, coded type) -> count.
  // Gold events with no dyad partner count under coded "(missed)"; coded events with no gold
  // partner under gold "(spurious)".
  std::map<std::pair<std::string, std::string>, int> confusion;
  // Misses and false alarms of TUNE documents only (GoldDocument::measure_only = false); those of
  // measure-only documents are counted, never kept, so no report can show their sentences.
  std::vector<Discrepancy> misses;
  std::vector<Discrepancy> false_alarms;
  int measure_misses = 0;
  int measure_false_alarms = 0;
  int documents = 0;
  // True when the gold types are CAMEO codes (PETRARCH/TABARI suites), false for PLOVER types.
  bool cameo_types = false;
  // For a set with a tune/measure split (eval/split.h): the level figures of each part, by part
  // name ("tune", "measure"). Empty otherwise.
  std::map<std::string, std::map<Level, Counts>> parts;
  // Over-generation: coded events per gold event (coded / gold).
  double OverGeneration() const;
};

// Adds one document's gold and coded events to `scores`. `doc` supplies the text for quotes.
// REQUIRES: scores.cameo_types set for the gold set's format before the first call.
void ScoreDocument(const GoldDocument& doc, const std::vector<Event>& coded, Scores& scores);

// "AZE->IRN REJECT 2025-08-04" for messages; gold with actor words shows them
// ("[Iran's envoy]->[the agency] ACCUSE"), and so does a coded event when `words` is set.
std::string DescribeGold(const GoldEvent& g);
std::string DescribeCoded(const Event& e, bool words = false);

}  // namespace dragoman::eval

#endif  // DRAGOMAN_EVAL_SCORE_H_
