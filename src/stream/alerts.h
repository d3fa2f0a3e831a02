// Alert rules on dyads, evaluated against the corpus store as events are stored (doc/watch.md).
//
// A rules file holds one rule a line: a name, a kind and key=value settings; '#' starts a
// comment. The four kinds:
//
//   NAME mean    dyad=A>B window=7d below=-2   the Goldstein mean of A->B's events over the
//                                              `window` days ending on a day with an event falls
//                                              below (or `above=`) the value
//   NAME first   dyad=A-B type=ASSAULT gap=30d an event of `type` between A and B with none in
//                                              the `gap` days before it
//   NAME silence dyad=A-B type=CONSULT gap=60d `gap` days pass without an event of `type` between
//                                              A and B after one (the store's latest event date is
//                                              "now")
//   NAME count   type=PROTEST window=1d above=5  more than `above` events of `type` within
//                                              `window` days (optionally of one dyad=)
//
// `dyad=A>B` is directed (A the source, B the target); `dyad=A-B` either way. A and B are actor
// selectors as in `dragoman events`: a country ("AZE"), a code ("AZEGOV") or a code prefix.
// `type` is a PLOVER type ("CONSULT"), a CAMEO code prefix ("19") or a quad class
// ("material_conflict"). Only asserted, non-negated, dated real-world events count (a denied or
// planned attack is not an attack), each once however many mentions it has.
//
// Firing once: every firing has a key, the first day of its episode (mean, count: the first day
// of a run of days on which the condition holds; first: the event's day; silence: the day of the
// last event before the gap), and is stored in the alerts table unique by (rule, dyad, key).
// Evaluating again, after a restart or a later batch, never fires it twice; a new episode fires
// anew. Dates are the events' own, so the same corpus fires the same alerts whatever order its
// documents arrived in (late documents that move an episode's first day start a new episode).
//
// Bad input: ParseAlertRules returns BadData "FILE:LINE: reason" for the first malformed line.
// Thread-safety: rules are immutable values; EvaluateAlerts uses `store` on the calling thread.
#ifndef DRAGOMAN_STREAM_ALERTS_H_
#define DRAGOMAN_STREAM_ALERTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/corpus_store.h"
#include "store/store.h"

namespace dragoman {

struct AlertRule {
  enum class Kind { kMean, kFirst, kSilence, kCount };
  std::string name;
  Kind kind = Kind::kMean;
  std::string a, b;       // the dyad's selectors ("" for a count rule without dyad=)
  bool directed = false;  // dyad=A>B
  std::string type;       // "" when not given (mean rules count every type)
  int days = 0;           // window (mean, count) or gap (first, silence), in days
  std::optional<double> below, above;
  std::string where;              // "FILE:LINE", for messages
  std::string DyadLabel() const;  // "AZE>IRN", "ARM-AZE" or "*"
};

std::string_view AlertKindName(AlertRule::Kind k);  // "mean", "first", "silence", "count"

// Parses a rules file's text; `name` is its path, for messages. Rule names must be unique.
Result<std::vector<AlertRule>> ParseAlertRules(std::string_view text, const std::string& name);
// Reads and parses the file at `path` (NotFound / BadData naming it).
Result<std::vector<AlertRule>> LoadAlertRules(const std::string& path);

// Evaluates every rule over the events stored in `store` (SQLite or PostgreSQL) and stores the
// firings not stored before (one transaction, CorpusStore::StoreAlerts). Returns those this call
// stored, oldest episode first per rule: with several evaluators at once (two workers), each
// firing is returned by exactly one. Store error when the store has no alerts table (a
// read-only schema version 2 file).
Result<std::vector<AlertFiring>> EvaluateAlerts(CorpusStore& store,
                                                const std::vector<AlertRule>& rules);
// The same on a SQLite store.
Result<std::vector<AlertFiring>> EvaluateAlerts(Store& store, const std::vector<AlertRule>& rules);

// The stored firings, oldest first, optionally of one rule only.
Result<std::vector<AlertFiring>> ListAlerts(CorpusStore& store, const std::string& rule);
Result<std::vector<AlertFiring>> ListAlerts(Store& store, const std::string& rule);

// POSTs `json` to an http:// webhook URL (Content-Type application/json). Io error naming the
// URL when it cannot be reached or answers other than 2xx; InvalidArgument for another scheme.
Status PostWebhook(const std::string& url, const std::string& json);

}  // namespace dragoman

#endif  // DRAGOMAN_STREAM_ALERTS_H_
