// The document's principal parties: the pair of countries an article is about, from the actors
// resolved so far, its headline and lead weighted (doc/actors.md, "Principal parties").
//
// Rule. Every actor mention with a country (a country, capital, demonym, person or institution
// of that country; not a place, not a pronoun) counts for that country. A mention in the
// headline (heading sentences before the first body sentence) or in the lead (the first body
// sentence) counts kLeadWeight times: news put the parties of the story there. The principal
// pair is the two countries with the highest counts when the third is counted less than the
// second (so a mediator or a third party named as often as one side leaves no clear pair);
// a tie between the first and second is broken by the order of first mention. A document that
// has named only one country, or no clear pair, has none.
//
// The officials of the pair (PairOfficials, below) are what a plural person role stands for.
#include <algorithm>
#include <string>
#include <vector>

#include "actors/resolver_impl.h"

namespace dragoman {

namespace {
constexpr int kLeadWeight = 2;
}  // namespace

void ActorResolver::Impl::NoteParties(size_t countried_before, bool heading) {
  // The headline: heading sentences before the first body sentence; the lead: the first body
  // sentence.
  const bool lead = body_sentences == 0;
  if (!heading) ++body_sentences;
  const int weight = lead ? kLeadWeight : 1;
  for (size_t k = countried_before; k < countried.size(); ++k) {
    const ActorRef& r = countried[k];
    if (r.country.empty()) continue;
    auto it = std::find_if(parties.begin(), parties.end(),
                           [&](const Party& p) { return p.country == r.country; });
    if (it == parties.end()) {
      parties.push_back(Party{r.country, weight, r});
    } else {
      it->weight += weight;
      it->latest = r;
    }
  }
}

std::vector<ActorRef> ActorResolver::Impl::PrincipalPair() const {
  std::vector<const Party*> ranked;
  for (const Party& p : parties) ranked.push_back(&p);
  // Stable: equal weights keep the order of first mention.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Party* a, const Party* b) { return a->weight > b->weight; });
  if (ranked.size() < 2 || (ranked.size() > 2 && ranked[2]->weight >= ranked[1]->weight)) {
    return {};
  }
  std::vector<ActorRef> pair = {ranked[0]->latest, ranked[1]->latest};
  // In the order the document introduced them.
  auto first = [&](const ActorRef& r) {
    for (size_t k = 0; k < parties.size(); ++k) {
      if (parties[k].country == r.country) return k;
    }
    return parties.size();
  };
  if (first(pair[1]) < first(pair[0])) std::swap(pair[0], pair[1]);
  return pair;
}

// "The envoys", "both foreign ministers": the latest person named of each party. A party whose
// official the document has not named ("his Turkish counterpart", "the Turkish side", or only
// the country) still has one in the plural: the party as last named, as an official of the
// role's sector. Without this, the latest two people of different countries were taken, and a
// third party's envoy named by name (the host of a preparatory meeting) became one of the pair.
std::vector<ActorRef> ActorResolver::Impl::PairOfficials(const std::string& sector) const {
  std::vector<ActorRef> members;
  for (const ActorRef& party : PluralPair()) {
    if (party.country.empty()) return {};
    const Seen* person = nullptr;
    for (auto it = persons.rbegin(); it != persons.rend() && !person; ++it) {
      if (it->ref.country == party.country && !it->ref.name.empty()) person = &*it;
    }
    if (person) {
      members.push_back(person->ref);
      continue;
    }
    ActorRef official = party;
    official.sector = sector;
    official.code = party.country + sector;
    official.name.clear();
    members.push_back(official);
  }
  if (members.size() != 2) members.clear();
  return members;
}

// Each party as the document last named it (its code, words and place in the text).
std::vector<ActorRef> ActorResolver::PrincipalParties() const { return impl_->PrincipalPair(); }

}  // namespace dragoman
