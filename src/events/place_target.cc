// The place an act is done in as its target, the last resort after every other target rule.
//
// "Police imposed a curfew in Kashmir", "the rebels declared a ceasefire in Somalia", "the
// government agreed to build a hospital in Mumbai": an act that names no party acted upon is done
// to (or for) the territory it happens in, the way CAMEO coders and the PLV annotators code it.
// An unresolved object located in the place ("imposed a curfew in X", "sought refuge in X",
// "stormed a camp in X": the place follows it across a preposition) gives way to the place; any
// other unresolved object stays. The rule runs after the counterpart rules (CompleteTargets), so a party the document
// supplies still wins; it takes the event's own place (EventPlace: a locative place of its clause, not
// the speaker's) and codes it by the place's country. A place in the source's own country is
// taken too (a domestic curfew, a ceasefire declared at home). Rule note `[target: the place it
// is done in]`.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

// "a curfew in Kashmir", "refuge in the northern X": an unresolved object followed by the place
// across a preposition, determiners and at most three words that are no nouns ("convicted two
// men of plotting attacks in X" keeps the men).
bool SentenceAnalysis::ObjectInPlace(const ActorRef& target, const PlaceMention& pm) const {
  if (!target.code.empty()) return false;
  int end = -1;
  for (size_t i = 0; i < toks_.size(); ++i) {
    if (toks_[i].end == target.end) end = static_cast<int>(i) + 1;
  }
  if (end < 0 || pm.token_begin <= end || !IsNorm(w_.preposition, end)) return false;
  if (pm.token_begin - end > 4) return false;
  for (int k = end + 1; k < pm.token_begin; ++k) {
    if (!IsNorm(w_.determiner, k) && (toks_[k].has(Token::kNounForm) || Punct(k))) return false;
  }
  return true;
}

void SentenceAnalysis::PlaceTargets(std::vector<Event>* events) const {
  bool added = false;
  for (Event& e : *events) {
    if ((e.target && !e.target->code.empty()) || !e.source || !e.location ||
        e.location->country.empty()) {
      continue;
    }
    // The place mention the location came from: the first locative mention of that place.
    const PlaceMention* pm = nullptr;
    for (const auto& cand : facts_.places) {
      if (cand.locative && cand.place.name == e.location->name &&
          cand.place.country == e.location->country && !InAttribution(cand)) {
        pm = &cand;
        break;
      }
    }
    if (pm == nullptr || (e.target && !ObjectInPlace(*e.target, *pm))) continue;
    ActorRef t;
    t.begin = toks_[pm->token_begin].begin;
    t.end = toks_[pm->token_end - 1].end;
    if (facts_.doc && t.end <= facts_.doc->text.size()) {
      t.text = facts_.doc->text.substr(t.begin, t.end - t.begin);
    } else {
      t.text = pm->place.name;
    }
    t.code = pm->place.country;
    t.country = pm->place.country;
    e.target = t;
    e.rule += " [target: the place it is done in]";
    added = true;
  }
  if (!added) return;
  // Two events of the sentence with the same parties and root are one.
  std::set<std::string> seen;
  auto who = [](const std::optional<ActorRef>& a) {
    return !a ? std::string() : a->country.empty() ? a->code : a->country;
  };
  events->erase(std::remove_if(events->begin(), events->end(),
                               [&](const Event& e) {
                                 return !seen
                                             .insert(who(e.source) + "|" + who(e.target) + "|" +
                                                     e.cameo.substr(0, 2))
                                             .second;
                               }),
                events->end());
}

}  // namespace dragoman::events_internal
