// Reciprocal events: acts two parties do with or toward each other (cameo.tsv's `mutual`
// family: cooperation, talks, yielding, fighting) whose other side the sentence leaves to the
// reader. Run once per sentence after every coder has added its events (the rules' and the type
// classifier's), so that it sees the final type of each. Two rules, in this order:
//
//  1. A plural subject naming both sides. An event whose source is a plural reference the actor
//     stage resolved to two parties of different countries ("the two sides", "both FMs", "the
//     envoys", "their"; ActorMention::members) is one event from the first party (in the order
//     the document introduced them) to the second (doc/annotation.md 4.2: "They exchanged views"
//     is one record A->B). It applies when the event has no target, a target of the source's own
//     country or one of the two parties, or a target the type classifier took only for being
//     the next actor named. The events the rules made for the second party alone from the same
//     words are then the same event, and go.
//  2. The document's other principal party. An event of one of the document's two principal
//     parties (SentenceFacts::parties) with no target, or a target of its own country, takes the
//     other principal party, unless the sentence names a third country (the other side may be
//     that one) or the event is one of several the same words made for coordinated sources of
//     different countries ("A and B agreed ...": the pattern's `sym` option decides those).
//
// Each completion says so in Event::rule. Events that end up with the same parties (either
// way round) and CAMEO root as another event of the sentence are dropped.
#include <algorithm>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"
#include "events/unresolved.h"

namespace dragoman::events_internal {

namespace {

bool SameMention(const ActorRef& a, const ActorRef& b) {
  return a.code == b.code && a.begin == b.begin && a.end == b.end;
}

// The plural reference of the sentence that `e`'s source stands for: a mention with two
// members of different countries whose own words are the source (as the classifier reports
// it), or whose words lie within the event's span and one of whose members is the source (as
// the rules report each member).
const ActorMention* PluralSubject(const SentenceFacts& facts, const Event& e) {
  for (const ActorMention& m : facts.actors) {
    if (m.members.size() != 2 || m.place) continue;
    const std::string& a = m.members[0].country;
    const std::string& b = m.members[1].country;
    if (a.empty() || b.empty() || a == b) continue;
    if (SameMention(m.actor, *e.source)) return &m;
    if (m.actor.begin < e.span_begin || m.actor.end > e.span_end) continue;
    for (const ActorRef& r : m.members) {
      if (SameMention(r, *e.source)) return &m;
    }
  }
  return nullptr;
}

bool Classified(const Event& e) { return e.rule.rfind("classify:", 0) == 0; }

std::string Party(const ActorRef& a) { return a.country.empty() ? a.code : a.country; }

}  // namespace

void CompleteMutual(const ExtractorData& d, const SentenceFacts& facts,
                    std::vector<Event>* events) {
  std::vector<Event>& ev = *events;
  std::vector<bool> drop(ev.size(), false), changed(ev.size(), false);
  for (size_t i = 0; i < ev.size(); ++i) {
    Event& e = ev[i];
    if (drop[i] || !e.source || !d.codes.InFamily(e.cameo, d.mutual)) continue;
    const std::string& c = e.source->country;
    // An unresolved target (a phrase naming no known actor, events/unresolved.h) is no party.
    const bool own = !e.target || Unresolved(e.target) || Party(*e.target) == Party(*e.source);
    if (const ActorMention* m = PluralSubject(facts, e)) {
      const ActorRef& first = m->members[0];
      const ActorRef& second = m->members[1];
      auto member = [&](const ActorRef& r) {
        return r.country == first.country || r.country == second.country;
      };
      if (e.target && member(*e.target) && e.target->country != c) continue;  // already A->B
      if (!own && !Classified(e) && !member(*e.target)) continue;  // a third party acted on
      const std::string rule = e.rule;
      for (size_t j = 0; j < ev.size(); ++j) {
        const Event& o = ev[j];
        if (j == i || o.rule != rule || o.cameo != e.cameo || !o.source || !member(*o.source) ||
            (o.target && !Unresolved(o.target) && Party(*o.target) != Party(*o.source))) {
          continue;
        }
        drop[j] = true;
      }
      ActorRef source = first;  // the words of the plural subject
      source.text = m->actor.text;
      source.begin = m->actor.begin;
      source.end = m->actor.end;
      e.source = source;
      e.target = second;
      e.rule += " [pair: the plural subject's two parties]";
      changed[i] = true;
      continue;
    }
    if (facts.parties.size() != 2 || !own || c.empty()) continue;
    int k = facts.parties[0].country == c ? 0 : facts.parties[1].country == c ? 1 : -1;
    if (k < 0) continue;
    const std::string& other = facts.parties[1 - k].country;
    bool third = false;
    for (const ActorMention& m : facts.actors) {
      for (const ActorRef& r : m.members.empty() ? std::vector<ActorRef>{m.actor} : m.members) {
        third = third || (!m.place && !r.country.empty() && r.country != c && r.country != other);
      }
    }
    // Coordinated sources of different countries ("A and B agreed ..."): whether they act on
    // each other is the pattern's `sym` option to say (doc/actors.md).
    bool coordinated = false;
    for (const Event& o : ev) {
      coordinated = coordinated || (o.rule == e.rule && o.source && o.source->country != c);
    }
    if (third || coordinated) continue;
    e.target = facts.parties[1 - k];
    e.rule += " [target: the document's other principal party]";
    changed[i] = true;
  }
  // A completed event that repeats another of the sentence (the same two parties, either way
  // round, and CAMEO root) goes.
  for (size_t i = 0; i < ev.size(); ++i) {
    if (!changed[i] || drop[i]) continue;
    const Event& e = ev[i];
    for (size_t j = 0; j < ev.size(); ++j) {
      const Event& o = ev[j];
      if (j == i || drop[j] || !o.source || !o.target || o.cameo.substr(0, 2) != e.cameo.substr(0, 2)) {
        continue;
      }
      const std::string a = Party(*e.source), b = Party(*e.target);
      const std::string oa = Party(*o.source), ob = Party(*o.target);
      if ((a == oa && b == ob) || (a == ob && b == oa)) {
        drop[i] = true;
        break;
      }
    }
  }
  size_t w = 0;
  for (size_t i = 0; i < ev.size(); ++i) {
    if (drop[i]) continue;
    if (w != i) ev[w] = std::move(ev[i]);
    ++w;
  }
  ev.resize(w);
}

}  // namespace dragoman::events_internal
