// The argument rules as a table: each way an event's source or target is found is a named
// entry with a condition and an action, tried in table order.
//
// Sources, over mentions (the first of the chain whose condition holds decides the source;
// what it finds may be nothing):
//   speaker            "X said Y must release ...": the demand's source is the speaker
//   marked source      the pattern marks the source (`$`; with its coordinated actors when
//                      the slot ends the pattern: "joint drills by A, B and C")
//   by-agent           a passive's "by X" (with the actors coordinated with it); an agentless
//                      passive in a relative clause describes people and states no event
//   possessor          "Iran's attack", "the Azerbaijani visit": the actor right before a noun
//                      (the clause subject instead when the possessor is of its own party:
//                      "Erdogan reiterated Turkey's support")
//   light-verb subject "X staged demonstrations": the subject of the performing verb
//   causative object   "prompting X to demand": the causative verb's object
//   subject            the clause's subject (with coordination, apposition, relative clauses:
//                      SubjectOf, roles.cc)
//   joined party       "A and B joined X in boycotting Y": X (and its conjuncts) is a source too
//                      (joined_party.cc)
// then, for `during` patterns that still have none: agent before the phrase ("said by X at the
// meeting with Y"), main-clause subject ("During a meeting in Z, X emphasized ...").
// Targets, over mentions: demand subject ("X said Y must release": Y), passive head (the noun a
// reduced passive modifies), passive subject (the subject of a passive or of a `patient`
// pattern, whose source is then left to the rules below), pattern object (the pattern's target
// slot, with the actors coordinated with it).
// Then, over actors: a plural target that names the sources themselves is a third party's
// appeal to the other sides (the sides addressed); a missing source is inferred from the event's
// place (location's government / location's country, the pattern's infer= option), or for a
// mutual act in an agentless passive is the parties of the occasion it happened at ("were signed
// during X's visit to Y": the occasion's parties) or the reporting party; a missing target is
// the doer (and, for a mutual act, the other party) of the event noun the event concerns
// ("welcomed the talks between B and C": the act it concerns), the actor before the noun of its
// object ("rejected an Armenian proposal": the object's possessor), the actor the event is about
// (`about`), the
// counterpart from context (`react`, `during`), the object in the gap (the actor right after the
// trigger inside the matched words: "arrested a Chinese actor on suspicion"), or the late object
// (the first actor after the matched words), and for an act done on a territory (aid or armed force: cameo.tsv's
// `territorial` family) the foreign country named as its place ("air strikes in Yemen"). A
// symmetric act of coordinated sources with no target is one mutual event per pair of them
// (coordinated party, arguments.cc).
// Last, over the sentence's events, the implicit counterparts (CounterpartRules(), applied by
// CompleteTargets in roles.cc): the meeting's other party, the other of the two parties named,
// bilateral: counterpart, the meeting just reported.
//
// Event::rule names the rule that gave the source and the one that gave the target:
// "verbs.txt:12 PATTERN [source: subject] [target: pattern object]".
#include <algorithm>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

const std::vector<SentenceAnalysis::ArgumentRule>& SentenceAnalysis::MentionRules() {
  using S = SentenceAnalysis;
  static const std::vector<ArgumentRule> rules = {
      {"speaker", Role::kSource, &S::SpeakerSourceApplies, &S::SpeakerSourceAssign},
      {"demand subject", Role::kTarget, &S::DemandSubjectApplies, &S::DemandSubjectAssign},
      {"marked source", Role::kSource, &S::MarkedSourceApplies, &S::MarkedSourceAssign},
      {"by-agent", Role::kSource, &S::ByAgentApplies, &S::ByAgentAssign},
      {"possessor", Role::kSource, &S::PossessorApplies, &S::PossessorAssign},
      {"light-verb subject", Role::kSource, &S::LightVerbSubjectApplies,
       &S::LightVerbSubjectAssign},
      {"causative object", Role::kSource, &S::CausativeObjectApplies, &S::CausativeObjectAssign},
      {"subject", Role::kSource, &S::SubjectApplies, &S::SubjectAssign},
      {"joined party", Role::kSource, &S::JoinedPartyApplies, &S::JoinedPartyAssign},
      {"agent before the phrase", Role::kSource, &S::AgentBeforePhraseApplies,
       &S::AgentBeforePhraseAssign},
      {"main-clause subject", Role::kSource, &S::MainClauseSubjectApplies,
       &S::MainClauseSubjectAssign},
      {"passive head", Role::kTarget, &S::PassiveHeadApplies, &S::PassiveHeadAssign},
      {"passive subject", Role::kTarget, &S::PassiveSubjectApplies, &S::PassiveSubjectAssign},
      {"pattern object", Role::kTarget, &S::PatternObjectApplies, &S::PatternObjectAssign},
  };
  return rules;
}

const std::vector<SentenceAnalysis::ArgumentRule>& SentenceAnalysis::ActorRules() {
  using S = SentenceAnalysis;
  static const std::vector<ArgumentRule> rules = {
      {"the sides addressed", Role::kTarget, &S::SidesAddressedApplies, &S::SidesAddressedAssign},
      {"location's government", Role::kSource, &S::InferredGovernmentApplies,
       &S::InferredGovernmentAssign},
      {"location's country", Role::kSource, &S::InferredCountryApplies,
       &S::InferredCountryAssign},
      {"the occasion's parties", Role::kSource, &S::OccasionPartiesApplies,
       &S::OccasionPartiesAssign},
      {"reporting party", Role::kSource, &S::ReportingPartyApplies, &S::ReportingPartyAssign},
      {"the act it concerns", Role::kTarget, &S::ConcernedActApplies, &S::ConcernedActAssign},
      {"the object's possessor", Role::kTarget, &S::ObjectPossessorApplies,
       &S::ObjectPossessorAssign},
      {"about", Role::kTarget, &S::AboutApplies, &S::AboutAssign},
      {"counterpart from context", Role::kTarget, &S::ContextCounterpartApplies,
       &S::ContextCounterpartAssign},
      {"object in the gap", Role::kTarget, &S::LateObjectApplies, &S::GapObjectAssign},
      {"late object", Role::kTarget, &S::LateObjectApplies, &S::LateObjectAssign},
      {"the country it is done in", Role::kTarget, &S::CountryAttackedApplies,
       &S::CountryAttackedAssign},
      {"the document's speaker", Role::kSource, &S::DocumentSpeakerApplies,
       &S::DocumentSpeakerAssign},
  };
  return rules;
}

void SentenceAnalysis::RunRule(const ArgumentRule& r, Arguments* a) const {
  if (!(this->*r.applies)(*a)) return;
  const bool source = r.role == Role::kSource;
  const size_t mentions = source ? a->src_mentions.size() : a->tgt_mentions.size();
  const size_t actors = source ? a->sources.size() : a->targets.size();
  (this->*r.assign)(a);
  (source ? a->source_decided : a->target_decided) = true;
  const size_t mentions_after = source ? a->src_mentions.size() : a->tgt_mentions.size();
  const size_t actors_after = source ? a->sources.size() : a->targets.size();
  if (mentions_after > mentions || actors_after > actors) {
    (source ? a->source_rule : a->target_rule) = r.name;
  }
}

// --- Sources, over mentions.

bool SentenceAnalysis::SpeakerSourceApplies(const Arguments& a) const {
  return a.p->from_speaker;
}
void SentenceAnalysis::SpeakerSourceAssign(Arguments* a) const {
  int sp = SpeakerOfSegment(a->seg, 0);
  if (sp < 0) {
    // A quoted passage without a speaker of its own: the document's speaker (reported_speech.cc).
    bool document = ctx_.speaker && ctx_.speaker->has_value() && QuotedWithoutSpeaker(a->seg);
    if (!document) a->reject = true;
    return;
  }
  a->src_mentions = {sp};
}

bool SentenceAnalysis::DemandSubjectApplies(const Arguments& a) const {
  return a.p->from_speaker;
}
void SentenceAnalysis::DemandSubjectAssign(Arguments* a) const {
  // An event noun names its doer before it: "said that Y's hostile acts ..." -> Y.
  // ... also before a quoted phrase: "citing Y's \"hostile statements\"".
  int possessor = a->p->noun ? PossessorBefore(a->first) : -1;
  if (a->p->noun && possessor < 0 && a->first > 0 && IsQuote(a->first - 1)) {
    possessor = PossessorBefore(a->first - 1);
  }
  a->tgt_mentions = possessor >= 0 ? std::vector<int>{possessor} : SubjectOf(a->seg, a->m->trigger);
  if (a->tgt_mentions.empty()) a->reject = true;
}

bool SentenceAnalysis::MarkedSourceApplies(const Arguments& a) const {
  return !a.source_decided && a.m->source >= 0;
}
void SentenceAnalysis::MarkedSourceAssign(Arguments* a) const {
  // A source slot that ends the pattern takes the actors coordinated with it ("joint drills by
  // A, B and C"); inside the pattern ("talks between $ and +") the rest of the pattern does.
  if (a->p->elements.back().kind == PatternElement::Kind::kSource) {
    a->src_mentions = Coordinated(a->m->source);
  } else {
    a->src_mentions = {a->m->source};
  }
}

bool SentenceAnalysis::ByAgentApplies(const Arguments& a) const {
  return !a.source_decided && a.m->passive;
}
void SentenceAnalysis::ByAgentAssign(Arguments* a) const {
  int agent = ByAgent(a->m->trigger, a->seg);
  if (agent >= 0) a->src_mentions = Coordinated(agent);
  // "citizens who were arrested in ...", "nationals imprisoned in ...": an agentless passive
  // in a relative clause or a reduced relative describes people; it is background.
  if (agent < 0 &&
      (segs_[a->seg].kind == SegKind::kRelative || ReducedPassiveHead(a->m->trigger) >= 0 ||
       ReducedRelativeOnNoun(a->m->trigger))) {
    a->reject = true;
  }
}

int SentenceAnalysis::PossessorBefore(int first) const {
  int j = first - 1;
  while (j >= 0 && (IsNorm(w_.possessive_marker, j) || IsNorm(w_.modifier, j))) --j;
  if (j >= 0 && in_mention_[j] >= 0 && facts_.actors[in_mention_[j]].token_end == j + 1) {
    return in_mention_[j];
  }
  return -1;
}

bool SentenceAnalysis::PossessorApplies(const Arguments& a) const {
  return !a.source_decided && a.p->noun && !a.p->during && PossessorBefore(a.first) >= 0;
}
void SentenceAnalysis::PossessorAssign(Arguments* a) const {
  // "X reiterated Turkey's support for Y": a possessor of the clause subject's own party is the
  // party the subject speaks and acts for; the subject names the one who acted.
  const int poss = PossessorBefore(a->first);
  const std::vector<int> subject = SubjectOf(a->seg, a->first);
  bool own = !subject.empty() && subject.front() != poss;
  for (int s : subject) {
    for (const ActorRef& r : Refs(facts_.actors[poss])) {
      own = own && OneParty(r, facts_.actors[s].actor);
    }
  }
  a->src_mentions = own ? subject : std::vector<int>{poss};
}

bool SentenceAnalysis::LightVerbSubjectApplies(const Arguments& a) const {
  return !a.source_decided && a.p->noun && !a.p->during;
}
void SentenceAnalysis::LightVerbSubjectAssign(Arguments* a) const {
  // "staged demonstrations", "continued their hunger strike": a performing verb before the noun
  // makes its subject the source.
  int k = a->first - 1;
  while (k >= segs_[a->seg].begin && k >= a->first - 5 && !Is(w_.light_verb, k) && !Punct(k) &&
         in_mention_[k] < 0) {
    --k;
  }
  if (k >= segs_[a->seg].begin && Is(w_.light_verb, k)) a->src_mentions = SubjectOf(a->seg, k);
}

int SentenceAnalysis::CausativeObject(int first) const {
  int to = first - 1;
  int obj = to >= 1 && IsNorm(w_.to, to) ? MentionEndingAt(to) : -1;
  if (obj < 0) return -1;
  int k = facts_.actors[obj].token_begin - 1;
  while (k >= 0 && IsNorm(w_.determiner, k)) --k;
  return Is(w_.causative, k) && !excluded_[obj] ? obj : -1;
}

bool SentenceAnalysis::CausativeObjectApplies(const Arguments& a) const {
  return !a.source_decided && CausativeObject(a.first) >= 0;
}
void SentenceAnalysis::CausativeObjectAssign(Arguments* a) const {
  a->src_mentions = Coordinated(CausativeObject(a->first));
}

bool SentenceAnalysis::SubjectApplies(const Arguments& a) const { return !a.source_decided; }
void SentenceAnalysis::SubjectAssign(Arguments* a) const {
  a->src_mentions = SubjectOf(a->seg, a->first);
}

bool SentenceAnalysis::AgentBeforePhraseApplies(const Arguments& a) const {
  return a.p->during && a.src_mentions.empty();
}
void SentenceAnalysis::AgentBeforePhraseAssign(Arguments* a) const {
  // "It was said by X at the meeting with Y": the passive's agent right before the phrase is
  // the one who was at the meeting.
  int agent = MentionEndingAt(a->first);
  if (agent < 0) return;
  int b = facts_.actors[agent].token_begin - 1;
  while (b >= 0 && IsNorm(w_.determiner, b)) --b;
  if (b >= 0 && IsNorm(w_.agent_preposition, b) && !excluded_[agent]) {
    a->src_mentions = Coordinated(agent);
  }
}

bool SentenceAnalysis::MainClauseSubjectApplies(const Arguments& a) const {
  return a.p->during && a.src_mentions.empty();
}
void SentenceAnalysis::MainClauseSubjectAssign(Arguments* a) const {
  // "During a meeting in Tehran, X emphasized ...": the subject of the main clause after it.
  const int n = static_cast<int>(toks_.size());
  for (int k = a->m->end; k < n; ++k) {
    int mm = mention_at_[k];
    if (mm >= 0 && !GovernedByPreposition(mm) && !excluded_[mm]) {
      a->src_mentions = {mm};
      return;
    }
  }
}

// --- Targets, over mentions.

bool SentenceAnalysis::PassiveHeadApplies(const Arguments& a) const {
  return !a.target_decided && a.m->passive && ReducedPassiveHead(a.m->trigger) >= 0;
}
void SentenceAnalysis::PassiveHeadAssign(Arguments* a) const {
  a->tgt_mentions = Coordinated(ReducedPassiveHead(a->m->trigger));
}

bool SentenceAnalysis::PassiveSubjectApplies(const Arguments& a) const {
  return !a.target_decided && (a.m->passive || a.p->patient);
}
void SentenceAnalysis::PassiveSubjectAssign(Arguments* a) const {
  a->tgt_mentions = SubjectOf(a->seg, a->m->trigger);
  // A `patient` pattern's subject undergoes the act: its doer is the pattern's source slot
  // ("Y received aid from $"), else left to the rules below.
  if (a->p->patient && !a->m->passive && a->m->source < 0) {
    a->src_mentions.clear();
    a->source_rule = nullptr;
  }
}

bool SentenceAnalysis::PatternObjectApplies(const Arguments& a) const {
  return !a.target_decided && !a.m->targets.empty();
}
void SentenceAnalysis::PatternObjectAssign(Arguments* a) const {
  a->tgt_mentions = Coordinated(ObjectHead(a->m->targets.front()));
}

void SentenceAnalysis::MentionsToActors(Arguments* a) const {
  // A pronoun is reported as the phrase that names its actor in the sentence (Antecedent).
  for (int& s : a->src_mentions) s = Antecedent(s);
  for (int& t : a->tgt_mentions) t = Antecedent(t);
  for (int s : a->src_mentions) {
    for (auto& r : Refs(facts_.actors[s])) {
      // One source per country: "we" resolved to AZE and AZEGOV is one actor.
      bool dup = false;
      for (auto& have : a->sources) {
        if (!r.country.empty() && have.country == r.country) {
          if (r.code.size() > have.code.size()) have = r;
          dup = true;
        }
      }
      if (!dup) a->sources.push_back(r);
    }
  }
  for (int t : a->tgt_mentions) {
    if (std::find(a->src_mentions.begin(), a->src_mentions.end(), t) != a->src_mentions.end()) {
      continue;
    }
    for (auto& r : Refs(facts_.actors[t])) a->targets.push_back(r);
  }
}

}  // namespace dragoman::events_internal
