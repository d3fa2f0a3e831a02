// The argument rules over actors: the second half of the table of argument rules (ActorRules(),
// argument_rules.cc, which describes the whole table), run after an event's mentions have become
// actors. A plural target naming the sources themselves, sources inferred from the event's place
// or from the reporting party, and the targets found when the pattern gave none.
#include <algorithm>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

// --- Targets, over actors: a plural target naming the source's own party.

// "A and B urged both parties to resume talks", "A called on the two sides to show restraint": a
// plural reference ("both parties", "the two sides") that the resolver read as the sources
// themselves is a third party's appeal to the sides of the conflict, not the sources appealing
// to each other. Such a target keeps its members of other parties than the sources; when it
// has none (the reference named only the sources), the sides are the parties of the last event
// of the document that are not the sources' ("talks between B and C began. A urged both sides
// to ..." -> A -> B, A -> C); with no such event there is no target.
bool SentenceAnalysis::SidesAddressedApplies(const Arguments& a) const {
  if (a.sources.empty()) return false;
  for (int t : a.tgt_mentions) {
    if (facts_.actors[t].members.size() < 2) continue;
    for (const ActorRef& r : facts_.actors[t].members) {
      for (const ActorRef& s : a.sources) {
        if (!r.country.empty() && r.country == s.country) return true;
      }
    }
  }
  return false;
}
void SentenceAnalysis::SidesAddressedAssign(Arguments* a) const {
  auto own = [&](const ActorRef& r) {
    if (r.country.empty()) return false;
    for (const ActorRef& s : a->sources) {
      if (r.country == s.country) return true;
    }
    return false;
  };
  std::vector<ActorRef> targets;
  auto add = [&](const ActorRef& r) {
    if (own(r)) return;
    for (const ActorRef& have : targets) {
      if (have.code == r.code && have.country == r.country) return;
    }
    targets.push_back(r);
  };
  for (int t : a->tgt_mentions) {
    const ActorMention& am = facts_.actors[t];
    if (am.members.size() < 2) {
      add(am.actor);
      continue;
    }
    size_t before = targets.size();
    for (const ActorRef& r : am.members) add(r);
    if (targets.size() > before || !ctx_.last_event || !*ctx_.last_event) continue;
    const Event& le = **ctx_.last_event;
    if (le.source) add(*le.source);
    if (le.target) add(*le.target);
  }
  a->targets = targets;
  a->target_rule = targets.empty() ? nullptr : "the sides addressed";
}

// --- Sources, over actors.

// Inferred source: agentless arrests etc. -> the government (or the country) of the place's
// country. A question asserts nothing, so nobody is inferred to have done it ("How many were
// arrested in X?"); nor does a passive that describes people ("nationals imprisoned in X",
// "citizens who were arrested in X": a reduced or full relative clause), as opposed to one that
// reports the act ("62 soldiers were arrested in X").
bool SentenceAnalysis::CanInfer(const Arguments& a) const {
  return a.sources.empty() && a.place && !a.place->place.country.empty() &&
         a.mood != Mood::kQuestion && !a.describes;
}

bool SentenceAnalysis::InferredGovernmentApplies(const Arguments& a) const {
  return a.p->infer == "gov" && CanInfer(a);
}
void SentenceAnalysis::InferredGovernmentAssign(Arguments* a) const {
  ActorRef r;
  r.country = a->place->place.country;
  r.sector = "GOV";
  r.code = r.country + "GOV";
  r.text = "(government of " + a->place->place.name + ")";
  a->sources.push_back(r);
  a->inferred = true;
}

bool SentenceAnalysis::InferredCountryApplies(const Arguments& a) const {
  // Not when the target is of that country: the country does not act on itself.
  return a.p->infer == "country" && CanInfer(a) &&
         !(!a.targets.empty() && a.targets.front().country == a.place->place.country);
}
void SentenceAnalysis::InferredCountryAssign(Arguments* a) const {
  ActorRef r;
  r.country = a->place->place.country;
  r.code = r.country;
  r.text = "(unidentified, in " + a->place->place.name + ")";
  a->sources.push_back(r);
  a->inferred = true;
}

// "Two agreements were signed during X's visit to Y", "the deal was agreed at talks between A
// and B": an agentless passive of a mutual act (`sym`) followed closely by an occasion word
// (`occasion`: during, at) and an event noun stated with a doer of its own (its `$` slot or a
// possessor) happened between the occasion's parties: the doer is the source, the noun's other
// party (its `+` slot) the target. Tried before the reporting party: the sentence names them.
// At most kOccasionReach words between the passive's words and the occasion word, and between
// the occasion word and the noun's first word, with no punctuation.
constexpr int kOccasionReach = 4;

int SentenceAnalysis::Occasion(const Arguments& a) const {
  if (!a.m->passive || !a.p->symmetric || a.mood == Mood::kQuestion || a.describes) return -1;
  const int seg = Seg(a.m->trigger);
  int at = -1;  // the occasion word
  for (int k = a.m->end; k < static_cast<int>(toks_.size()) && k <= a.m->end + kOccasionReach;
       ++k) {
    if (Punct(k) || Seg(k) != seg) break;
    if (IsNorm(w_.occasion, k)) {
      at = k;
      break;
    }
  }
  if (at < 0) return -1;
  for (size_t o = 0; o < a.matches->size(); ++o) {
    const Match& om = (*a.matches)[o];
    const Pattern& op = impl_.patterns[om.pattern];
    if (o == a.index || !(op.noun || op.during) || op.code.empty()) continue;
    const int first = om.words.empty() ? om.trigger : om.words.front();
    const int poss = PossessorBefore(first);
    const int start = poss >= 0 ? facts_.actors[poss].token_begin : first;
    if (start < at || start - at > kOccasionReach) continue;
    bool plain = true;
    for (int k = at + 1; k < start && plain; ++k) plain = !Punct(k);
    if (!plain || (om.source < 0 && poss < 0)) continue;
    return static_cast<int>(o);
  }
  return -1;
}

bool SentenceAnalysis::OccasionPartiesApplies(const Arguments& a) const {
  return a.sources.empty() && Occasion(a) >= 0;
}
void SentenceAnalysis::OccasionPartiesAssign(Arguments* a) const {
  const Match& om = (*a->matches)[Occasion(*a)];
  const int first = om.words.empty() ? om.trigger : om.words.front();
  const int doer = om.source >= 0 ? om.source : PossessorBefore(first);
  a->src_mentions = {doer};
  for (const ActorRef& r : Refs(facts_.actors[doer])) a->sources.push_back(r);
  if (!a->targets.empty() || om.targets.empty()) return;
  const int other = om.targets.front();
  for (const ActorRef& r : Refs(facts_.actors[other])) {
    bool own = false;
    for (const ActorRef& s : a->sources) own = own || OneParty(s, r);
    if (own) continue;
    a->targets.push_back(r);
    a->tgt_mentions.push_back(other);
    a->target_rule = "the occasion's parties";
  }
}

bool SentenceAnalysis::ReportingPartyApplies(const Arguments& a) const {
  // "X said that an agreement was reached": an agentless passive of a mutual act (`sym`
  // `react`) reported by one party has that party as its source; `react` then gives the
  // counterpart as the other party. It is the weaker reading: another match of the same CAMEO
  // root in the sentence ("were discussed during consultations between A and B") states the act
  // with its own parties.
  if (!a.sources.empty() || !a.m->passive || !a.p->symmetric || !a.p->reactive ||
      a.mood == Mood::kQuestion || a.describes) {
    return false;
  }
  for (size_t o = 0; o < a.matches->size(); ++o) {
    const Pattern& op = impl_.patterns[(*a.matches)[o].pattern];
    const std::string& oc = op.code.empty() ? op.neg_code : op.code;
    if (o != a.index && !(*a.dropped)[o] && oc.size() >= 2 &&
        oc.compare(0, 2, a.code, 0, 2) == 0) {
      return false;
    }
  }
  return true;
}
void SentenceAnalysis::ReportingPartyAssign(Arguments* a) const {
  int sp = SpeakerOfSegment(a->seg, 0);
  if (sp < 0) return;
  a->src_mentions = {sp};
  for (auto& r : Refs(facts_.actors[sp])) a->sources.push_back(r);
}

// --- Targets, over actors (only for an event that has a source).

// "A and B welcomed the start of talks between C and D", "A praised C's visit to D", "A urged
// talks between C and D": an event with no target whose words are followed closely (or end with)
// an event noun stated with its own parties (its `$` or `+` slot, or a possessor) is directed at
// the doer of that act, and for a mutual act (a `sym` pattern: talks, agreements, joint drills)
// at its other party too, one event each (doc/annotation.md 4.2); an act with no doer stated is
// directed at its target.
// At most kConcernedActReach words may come between, with no punctuation (a hyphen in a
// compound modifier aside) and no actor; the source's own party is passed over (OneParty).
// The sentence's evidence, tried before the context's counterpart.
constexpr int kConcernedActReach = 6;

int SentenceAnalysis::ConcernedAct(const Arguments& a) const {
  const int seg = Seg(a.m->trigger);
  for (size_t o = 0; o < a.matches->size(); ++o) {
    const Match& om = (*a.matches)[o];
    const Pattern& op = impl_.patterns[om.pattern];
    if (o == a.index || !op.noun || op.code.empty() || Seg(om.trigger) != seg) continue;
    const int first = om.words.empty() ? om.trigger : om.words.front();
    if (first <= a.m->trigger) continue;
    const int poss = PossessorBefore(first);
    if (om.source < 0 && om.targets.empty() && poss < 0) continue;
    if (first >= a.m->end) {  // after the event's words: a short plain stretch between
      const int start = poss >= 0 ? facts_.actors[poss].token_begin : first;
      if (start < a.m->end || start - a.m->end > kConcernedActReach) continue;
      bool plain = true;
      for (int k = a.m->end; k < start && plain; ++k) {
        plain = (!Punct(k) || Norm(k) == "-") && in_mention_[k] < 0;
      }
      if (!plain) continue;
    }
    return static_cast<int>(o);
  }
  return -1;
}

bool SentenceAnalysis::ConcernedActApplies(const Arguments& a) const {
  return !a.sources.empty() && a.targets.empty() && !a.p->noun && ConcernedAct(a) >= 0;
}
void SentenceAnalysis::ConcernedActAssign(Arguments* a) const {
  const Match& om = (*a->matches)[ConcernedAct(*a)];
  const Pattern& op = impl_.patterns[om.pattern];
  const int first = om.words.empty() ? om.trigger : om.words.front();
  std::vector<int> parties;
  if (om.source >= 0) {
    parties.push_back(om.source);
  } else if (PossessorBefore(first) >= 0) {
    parties.push_back(PossessorBefore(first));
  }
  if ((parties.empty() || op.symmetric) && !om.targets.empty()) {
    parties.push_back(om.targets.front());
  }
  for (int mm : parties) {
    for (const ActorRef& r : Refs(facts_.actors[mm])) {
      bool skip = false;
      for (const ActorRef& s : a->sources) skip = skip || OneParty(s, r);
      for (const ActorRef& t : a->targets) skip = skip || OneParty(t, r);
      if (skip) continue;
      a->targets.push_back(r);
      a->tgt_mentions.push_back(mm);
    }
  }
}

// "Both A and B welcomed the C visit", "A rejected a C proposal", "A praised C's decision", "A
// welcomed the decision by C": a pattern whose words end with the noun of the act acted upon,
// with an actor right before that noun inside the matched words (a genitive or a demonym: whose
// visit, whose proposal) or in an of/by phrase right after it, is directed at that actor.
int SentenceAnalysis::ObjectPossessor(const Arguments& a) const {
  if (a.p->noun || a.m->words.size() < 2) return -1;
  const int last = a.m->words.back();
  int poss = PossessorBefore(last);
  // The noun is itself part of an actor phrase ("banned all Pakistani newspapers"): that actor.
  if (poss < 0 && in_mention_[last] >= 0) poss = in_mention_[last];
  if (poss >= 0 && facts_.actors[poss].token_begin <= a.m->trigger) poss = -1;
  // A capital before the noun without "'s" says where, not whose: "raided the Baku office of X".
  if (poss >= 0 && facts_.actors[poss].kind == ActorMention::Kind::kCapital &&
      !IsNorm(w_.possessive_marker, facts_.actors[poss].token_end)) {
    poss = -1;
  }
  // Or the noun's of/by phrase right after it: "welcomed the decision by X", "the visit of X".
  const int n = static_cast<int>(toks_.size());
  if (poss < 0 && last + 1 < n && a.m->end == last + 1 &&
      (IsNorm(w_.preposition_of, last + 1) || IsNorm(w_.agent_preposition, last + 1))) {
    int j = last + 2;
    while (j < n && IsNorm(w_.determiner, j)) ++j;
    if (j < n && Seg(j) == Seg(last)) poss = mention_at_[j];
  }
  if (poss < 0 || excluded_[poss] || facts_.actors[poss].place) return -1;
  for (const ActorRef& r : Refs(facts_.actors[poss])) {
    for (const ActorRef& s : a.sources) {
      if (OneParty(r, s)) return -1;
    }
  }
  return poss;
}

bool SentenceAnalysis::ObjectPossessorApplies(const Arguments& a) const {
  return !a.sources.empty() && a.targets.empty() && ObjectPossessor(a) >= 0;
}
void SentenceAnalysis::ObjectPossessorAssign(Arguments* a) const {
  const int poss = ObjectPossessor(*a);
  for (const ActorRef& r : Refs(facts_.actors[poss])) a->targets.push_back(r);
  a->tgt_mentions.push_back(poss);
}

bool SentenceAnalysis::AboutApplies(const Arguments& a) const {
  // The sentence's own evidence (`about`) before the context's counterpart (`react`).
  return !a.sources.empty() && a.p->about && a.targets.empty();
}
void SentenceAnalysis::AboutAssign(Arguments* a) const {
  const int n = static_cast<int>(toks_.size());
  for (int k = a->m->end; k < n; ++k) {
    int mm = mention_at_[k];
    if (mm < 0) continue;
    const ActorRef& actor = facts_.actors[mm].actor;
    if (!actor.country.empty() && actor.country != a->sources.front().country) {
      // With its coordinated actors: "warned about its adversaries, Israel and the United
      // States" concerns each of them (one event per country pair).
      for (int c : Coordinated(mm)) {
        const ActorRef& ca = facts_.actors[c].actor;
        if (ca.country.empty() || ca.country == a->sources.front().country) continue;
        a->targets.push_back(ca);
        a->tgt_mentions.push_back(c);
      }
      return;
    }
  }
}

// A relation between two parties (`dyad`: ties, relations) has two sides: two coordinated
// subjects are those sides (`sym`), while a lone subject, or three or more ("A, B and C resumed
// relations"), each took it up with another party, the counterpart from context, one that is
// none of the subjects.
bool SentenceAnalysis::ContextCounterpartApplies(const Arguments& a) const {
  const bool own_pairs =
      a.p->symmetric && a.sources.size() >= 2 && !(a.p->dyad && a.sources.size() >= 3);
  return !a.sources.empty() && a.targets.empty() && !own_pairs &&
         (a.p->reactive || a.p->during || a.p->dyad);
}
void SentenceAnalysis::ContextCounterpartAssign(Arguments* a) const {
  if (a->p->dyad && a->sources.size() >= 3) {
    auto outside = [&](const ActorRef& r) {
      if (r.country.empty()) return false;
      for (const ActorRef& s : a->sources) {
        if (s.country == r.country) return false;
      }
      return true;
    };
    // The party last named before the sentence, else the last event's.
    std::optional<ActorRef> found;
    if (ctx_.recent) {
      for (auto it = ctx_.recent->rbegin(); it != ctx_.recent->rend() && !found; ++it) {
        if (outside(*it)) found = *it;
      }
    }
    if (!found && ctx_.last_event && *ctx_.last_event) {
      const Event& le = **ctx_.last_event;
      if (le.source && outside(*le.source)) found = le.source;
      if (!found && le.target && outside(*le.target)) found = le.target;
    }
    if (found) {
      a->targets.push_back(*found);
      a->from_context = true;
    }
    return;
  }
  int exclude = a->src_mentions.empty() ? -1 : a->src_mentions.front();
  if (auto cp = Counterpart(a->sources.front().country, exclude)) {
    a->targets.push_back(*cp);
    a->from_context = true;
  }
}

bool SentenceAnalysis::LateObjectApplies(const Arguments& a) const {
  const Pattern& p = *a.p;
  if (a.sources.empty() || p.need_target || !a.targets.empty() || p.from_speaker || p.patient ||
      a.m->passive || p.during) {
    return false;
  }
  // Coordinated parties of a cooperative act ("A and B signed a declaration in the presence of
  // C") are each other's counterparts: a later actor is a witness or a topic, not the target.
  if (a.sources.size() >= 2 && impl_.codes.InFamily(a.code, impl_.cooperative)) {
    for (const auto& s : a.sources) {
      if (s.country != a.sources[0].country) return false;
    }
  }
  return true;
}
void SentenceAnalysis::LateObjectAssign(Arguments* a) const {
  int obj = ObjectAfter(*a->m, a->seg, a->sources);
  if (obj < 0) return;
  obj = ObjectHead(obj);
  // An actor a later phrase marks as its doer is not this one's object: "X's seizure of the
  // tanker drew criticism from Y" (Y criticizes; the seizure was not done to Y). A later
  // phrase's target may be this one's too ("a bombing killed two soldiers").
  for (size_t i = 0; i < a->matches->size(); ++i) {
    const Match& o = (*a->matches)[i];
    if (i == a->index || (*a->dropped)[i] || o.source < 0 || o.words.empty() ||
        o.words.front() < a->m->end) {
      continue;
    }
    for (int c : Coordinated(o.source)) {
      if (c == obj) return;
    }
  }
  for (int t : Coordinated(obj)) {
    if (facts_.actors[t].place) continue;
    a->tgt_mentions.push_back(t);
    for (auto& r : Refs(facts_.actors[t])) a->targets.push_back(r);
  }
}

// "arrested a Chinese actor on suspicion of ...", "convicted the Iranian of fraud": a pattern
// whose words go on after a gap ("arrest ..3 on ..3 suspicion") holds the verb's direct object in
// that gap; the actor right after the trigger (determiners aside) is the target, unless it is of
// the source's own party. Same conditions as the late object, and tried before it.
void SentenceAnalysis::GapObjectAssign(Arguments* a) const {
  const Match& m = *a->m;
  if (m.words.size() < 2) return;
  int k = m.trigger + 1;
  while (k < m.end && IsNorm(w_.determiner, k)) ++k;
  if (k >= m.end || std::find(m.words.begin(), m.words.end(), k) != m.words.end()) return;
  const int mm = mention_at_[k];
  if (mm < 0 || excluded_[mm] || facts_.actors[mm].place) return;
  for (const ActorRef& r : Refs(facts_.actors[mm])) {
    for (const ActorRef& s : a->sources) {
      if (OneParty(r, s)) return;
    }
  }
  a->tgt_mentions.push_back(mm);
  for (auto& r : Refs(facts_.actors[mm])) a->targets.push_back(r);
}

// "A launched air strikes in Yemen", "A has troops deployed in Syria", "A delivered food aid in
// Sudan": an act done on a territory (the `territorial` family: material aid, force posture,
// assault, fight, mass violence) with no target found by the rules above is done to (or for) the
// foreign country named as its place (CountryPlaceAfter, roles.cc). A
// statement or a meeting held in a country is not about it ("spoke in France", "talks in
// Switzerland"), nor is an act of force in the source's own country (a domestic operation).
bool SentenceAnalysis::CountryAttackedApplies(const Arguments& a) const {
  return !a.sources.empty() && a.targets.empty() && !a.p->from_speaker &&
         impl_.codes.InFamily(a.code, impl_.territorial);
}
void SentenceAnalysis::CountryAttackedAssign(Arguments* a) const {
  const int mm = CountryPlaceAfter(*a->m, *a->p, a->seg, a->sources);
  if (mm < 0) return;
  a->tgt_mentions.push_back(mm);
  a->targets.push_back(facts_.actors[mm].actor);
}

}  // namespace dragoman::events_internal
