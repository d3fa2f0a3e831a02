// The event stage: verb patterns -> coded events with source, target, date, place, quantity.
//
// Input is one analysed sentence plus what the earlier stages found in it (actor, date, place and
// quantity mentions). Output is zero or more Events. The approach and its invariants are described
// at the top of extractor.cc and in doc/patterns.md.
//
// Thread-safety: an EventExtractor is immutable after Create() and may be shared by threads.
#ifndef DRAGOMAN_EVENTS_EXTRACTOR_H_
#define DRAGOMAN_EVENTS_EXTRACTOR_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "actors/actor.h"
#include "base/data_file.h"
#include "base/status.h"
#include "events/event.h"
#include "input/document.h"
#include "lexicon/lexicon.h"
#include "place/gazetteer.h"
#include "quantity/quantity.h"
#include "text/analysis.h"
#include "time/dates.h"

namespace dragoman {

// Everything known about one sentence when events are extracted from it.
class CodeTable;

struct SentenceFacts {
  const Document* doc = nullptr;
  const Sentence* sentence = nullptr;
  std::vector<ActorMention> actors;
  std::vector<DateMention> dates;
  std::vector<PlaceMention> places;
  std::vector<QuantityMention> quantities;
};

struct EventConfig {
  // Holds events/verbs.txt, events/lexicon.txt, events/cameo.tsv, events/cameo_plover.tsv.
  std::string data_dir;
  // Where problems in those files go (base/data_file.h); null: the first one fails Create().
  DataProblems* problems = nullptr;
};

// Per-document memory of the event stage: the actors of earlier sentences (most recent last), the
// last event coded and the last speaker named. Reactive verbs without a target ("Baku rejected
// the claims") and the "during a meeting" rule take their counterpart from it, quoted passages
// that name no speaker their speaker (doc/patterns.md, "Context").
// Create one per document and pass it to every Extract() call in document order.
// Not thread-safe; cheap to create.
class EventContext {
 public:
  EventContext() = default;

 private:
  friend class EventExtractor;
  std::vector<ActorRef> recent_;  // at most kMaxRecent, most recent last
  std::optional<Event> last_event_;
  // Country pairs ("AZE|IRN", sorted) of the consultations (CAMEO 04) coded so far: a later
  // "during the meeting with Y" that only dates what X said restates one of them.
  std::set<std::string> consulted_;
  // The last speaker a sentence named: who says a later quoted passage that names none
  // (reported_speech.cc).
  std::optional<ActorRef> speaker_;
  static constexpr size_t kMaxRecent = 24;
};

class EventExtractor {
 public:
  // Loads and compiles the verb patterns and code tables. BadData names the file and line.
  static Result<std::unique_ptr<EventExtractor>> Create(const EventConfig& config,
                                                        const TextAnalyzer& text);
  // The same: patterns are written in matching-key form (lower case, as Token::norm/lemma), so
  // the extractor needs nothing from the analyzer. For tests and tools without one.
  static Result<std::unique_ptr<EventExtractor>> Create(const EventConfig& config);
  // The same with the lexicon already loaded (the coder loads it once for every stage); the
  // extractor shares it. REQUIRES: `lexicon` is not null.
  static Result<std::unique_ptr<EventExtractor>> Create(const EventConfig& config,
                                                        std::shared_ptr<const Lexicon> lexicon);
  ~EventExtractor();

  // Events stated in one sentence. Fills every Event field except `doc`, `doc_date` and
  // `doc_date_source`, which the coder sets.
  std::vector<Event> Extract(const SentenceFacts& facts) const;
  // The same, using and updating the per-document `context` (may be null: no context).
  // Call once per sentence in document order, furniture and headings included (they are
  // skipped but still advance the context).
  std::vector<Event> Extract(const SentenceFacts& facts, EventContext* context) const;

  // Number of verb patterns loaded (for diagnostics and tests).
  size_t pattern_count() const;
  // The CAMEO/PLOVER code table it read (events/cameo*.tsv), for the stages that need the same
  // table (the type classifier), so that it is read once. Lives as long as the extractor.
  const CodeTable& codes() const;

 private:
  EventExtractor();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_EVENTS_EXTRACTOR_H_
