// The event extractor: a shallow clause analysis plus a pattern matcher.
//
// Approach. A sentence is cut into segments (clauses) at clause boundaries: ';', subordinating
// conjunctions ("but", "while", "because", "if"...), relative pronouns ("who", "which"), the
// "that" / ':' complement of a reporting verb, and quotation marks. Each segment remembers how
// it relates to the others: a relative clause knows its antecedent, a continuation after a
// relative clause or a participle inherits the subject of the clause it continues, a reported
// clause knows its speaker. Patterns (data/events/verbs.txt) are then matched at every token;
// the best pattern at a trigger (most word elements, then file order) wins and consumes its
// tokens, so one phrase states at most one event. For each match:
//   - voice: a form of "be"/"get" (adverbs allowed between) before a participle is passive; so is
//     a participle right after an actor and before a preposition ("soldiers arrested in ...").
//   - source: the `$` slot; else, in the passive, the "by" agent; else the subject of the
//     segment: the last actor mention before the trigger that is not governed by a preposition
//     nor the object of a verb, with appositions ("X, the Y of Z,") resolved to X and
//     coordinations ("X and Y") collected; else the "by X" doer of the noun opening the clause
//     ("A car bombing by X killed ...").
//   - target: the `+` slot; in the passive, the subject; for `react`/`during` patterns, the
//     counterpart (an actor of another country) from the sentence or the document context;
//     last, the place the act is done in (place_target.cc).
//   - negation, mood, date, location and quantity from cue words and the other stages' mentions.
// Invariants: no event without a matched trigger token outside actor mentions; no event without
// a source actor (unless a documented infer= rule names one, marked in Event::rule); no two
// events of a sentence share source, target and CAMEO root.
#include "events/extractor.h"

#include <algorithm>
#include <set>

#include "base/file.h"
#include "events/codes.h"
#include "events/patterns.h"
#include "events/sentence_analysis.h"
#include "lexicon/lexicon.h"

namespace dragoman {

namespace events_internal {

// Every class above, or BadData naming the first one the lexicon lacks.
Result<ClauseClasses> ResolveClauseClasses(const Lexicon& lex) {
  ClauseClasses c;
  Status st;
  auto get = [&](const char* name, ClassId* id) {
    if (!st.ok()) return;
    Result<ClassId> r = lex.Class(name);
    if (r.ok()) {
      *id = *r;
    } else {
      st = r.status();
    }
  };
#define DRAGOMAN_RESOLVE_CLASS(name) get(#name, &c.name);
  DRAGOMAN_CLAUSE_CLASSES(DRAGOMAN_RESOLVE_CLASS)
#undef DRAGOMAN_RESOLVE_CLASS
  if (!st.ok()) return st;
  return c;
}

std::vector<Event> SentenceAnalysis::Run() {
  std::vector<Match> matches = FindMatches();
  std::vector<bool> drop = DropComplements(matches);
  std::vector<Event> out = BuildEvents(matches, drop);
  CompleteTargets(&out);
  PlaceTargets(&out);
  NoteUnresolved(&out);
  return out;
}

}  // namespace events_internal

using events_internal::ContextView;
using events_internal::ExtractorData;
using events_internal::PairKey;
using events_internal::Refs;
using events_internal::SentenceAnalysis;

struct EventExtractor::Impl : ExtractorData {};

EventExtractor::EventExtractor() : impl_(std::make_unique<Impl>()) {}
EventExtractor::~EventExtractor() = default;

Result<std::unique_ptr<EventExtractor>> EventExtractor::Create(const EventConfig& config,
                                                               const TextAnalyzer& text) {
  return Create(config);
}

Result<std::unique_ptr<EventExtractor>> EventExtractor::Create(const EventConfig& config) {
  DRAGOMAN_ASSIGN_OR_RETURN(Lexicon words, Lexicon::Load(config.data_dir + "/lexicon"));
  return Create(config, std::make_shared<const Lexicon>(std::move(words)));
}

Result<std::unique_ptr<EventExtractor>> EventExtractor::Create(
    const EventConfig& config, std::shared_ptr<const Lexicon> words) {
  std::string dir = config.data_dir + "/events";
  DRAGOMAN_ASSIGN_OR_RETURN(CodeTable codes, CodeTable::Load(dir, config.problems));
  std::string verbs_path = dir + "/verbs.txt";
  std::string lex_path = dir + "/lexicon.txt";
  DRAGOMAN_ASSIGN_OR_RETURN(std::string verbs, ReadDataFile(verbs_path));
  DRAGOMAN_ASSIGN_OR_RETURN(std::string lex_text, ReadDataFile(lex_path));
  DRAGOMAN_ASSIGN_OR_RETURN(auto patterns,
                            ParsePatterns(verbs_path, verbs, codes, config.problems));
  DRAGOMAN_ASSIGN_OR_RETURN(EventLexicon lex,
                            ParseLexicon(lex_path, lex_text, codes, config.problems));
  DRAGOMAN_ASSIGN_OR_RETURN(events_internal::ClauseClasses classes,
                            events_internal::ResolveClauseClasses(*words));
  DRAGOMAN_ASSIGN_OR_RETURN(events_internal::PhraseClasses phrase,
                            events_internal::ResolvePhraseClasses(*words));
  std::unique_ptr<EventExtractor> ex(new EventExtractor());
  ex->impl_->words = std::move(words);
  ex->impl_->classes = classes;
  ex->impl_->phrase = phrase;
  DRAGOMAN_ASSIGN_OR_RETURN(ex->impl_->violent, codes.Family("violent"));
  DRAGOMAN_ASSIGN_OR_RETURN(ex->impl_->consult, codes.Family("consult"));
  DRAGOMAN_ASSIGN_OR_RETURN(ex->impl_->threat, codes.Family("threat"));
  DRAGOMAN_ASSIGN_OR_RETURN(ex->impl_->cooperative, codes.Family("cooperative"));
  DRAGOMAN_ASSIGN_OR_RETURN(ex->impl_->bilateral, codes.Family("bilateral"));
  DRAGOMAN_ASSIGN_OR_RETURN(ex->impl_->territorial, codes.Family("territorial"));
  DRAGOMAN_ASSIGN_OR_RETURN(ex->impl_->mutual, codes.Family("mutual"));
  ex->impl_->codes = std::move(codes);
  ex->impl_->patterns = std::move(patterns);
  ex->impl_->lex = std::move(lex);
  for (size_t i = 0; i < ex->impl_->patterns.size(); ++i) {
    for (const auto& alt : ex->impl_->patterns[i].elements[0].alts) {
      ex->impl_->index[alt.word].push_back(static_cast<int>(i));
    }
  }
  ex->impl_->pattern_index = events_internal::PatternIndex::Build(ex->impl_->patterns);
  return ex;
}

size_t EventExtractor::pattern_count() const { return impl_->patterns.size(); }

const CodeTable& EventExtractor::codes() const { return impl_->codes; }

void EventExtractor::CompleteMutual(const SentenceFacts& facts, std::vector<Event>* events) const {
  events_internal::CompleteMutual(*impl_, facts, events);
}

std::vector<Event> EventExtractor::Extract(const SentenceFacts& facts) const {
  return Extract(facts, nullptr);
}

std::vector<Event> EventExtractor::Extract(const SentenceFacts& facts,
                                           EventContext* context) const {
  std::vector<Event> events;
  if (facts.sentence == nullptr) return events;
  const Sentence& s = *facts.sentence;
  if (s.furniture) return events;
  if (!s.heading && !s.tokens.empty()) {
    ContextView view;
    if (context) {
      view.recent = &context->recent_;
      view.last_event = &context->last_event_;
      view.consulted = &context->consulted_;
      view.speaker = &context->speaker_;
    }
    SentenceAnalysis analysis(*impl_, facts, view);
    events = analysis.Run();
    if (context) {
      if (auto speaker = analysis.NamedSpeaker()) context->speaker_ = std::move(speaker);
    }
  }
  if (context) {
    for (const auto& m : facts.actors) {
      for (const auto& r : Refs(m)) context->recent_.push_back(r);
    }
    while (context->recent_.size() > EventContext::kMaxRecent) {
      context->recent_.erase(context->recent_.begin());
    }
    // The context holds coded actors only: an unresolved mention (no code) is no actor there.
    if (!events.empty()) {
      context->last_event_ = events.back();
      Event& le = *context->last_event_;
      if (le.source && le.source->code.empty()) le.source.reset();
      if (le.target && le.target->code.empty()) le.target.reset();
    }
    for (const Event& e : events) {
      if (!impl_->codes.InFamily(e.cameo, impl_->consult) || !e.source || !e.target ||
          e.source->code.empty() || e.target->code.empty() || e.negated) {
        continue;
      }
      auto who = [](const ActorRef& a) { return a.country.empty() ? a.code : a.country; };
      context->consulted_.insert(PairKey(who(*e.source), who(*e.target)));
    }
  }
  return events;
}

}  // namespace dragoman
