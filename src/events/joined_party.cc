// "A and B joined X in boycotting Y": the party joined is a doer of the act as well; and the
// act's form between states (a state's boycott is an embargo).
//
// A verb of joining (clause.txt `joining`: join, follow) with an object and "in" (`joined_act`)
// + a gerund says that its subject and its object both do the gerund's act: "The Emirates and
// Bahrain joined Saudi Arabia in boycotting Qatar" is a boycott of Qatar by each of the three.
// The clause subject is found as for any verb (the subject rule); this rule adds the verb of
// joining's subject and the parties joined, with the actors coordinated with them ("followed
// Egypt and Jordan in recognising ..."), so that each conjunct is a source of its own event.
#include <algorithm>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

std::vector<int> SentenceAnalysis::JoinedParties(int first, int* verb) const {
  const int n = static_cast<int>(toks_.size());
  // The gerund after "in" (clause.txt `joined_act`).
  if (first < 2 || first >= n || !IsNorm(w_.joined_act, first - 1)) return {};
  const std::string& g = Norm(first);
  if (g.size() < 5 || g.compare(g.size() - 3, 3, "ing") != 0) return {};
  // The parties joined end right before "in" and start right after the verb of joining.
  int last = MentionEndingAt(first - 1);
  if (last < 0) return {};
  for (int v = facts_.actors[last].token_begin - 1; v >= 0 && first - v <= 16; --v) {
    if (in_mention_[v] >= 0 || IsNorm(w_.determiner, v) || Norm(v) == "," ||
        IsNorm(w_.conjunction_and, v)) {
      continue;
    }
    if (!IsLemma(w_.joining, v) || Seg(v) != Seg(first)) return {};
    int j = v + 1;
    while (j < first && IsNorm(w_.determiner, j)) ++j;
    if (j >= first || mention_at_[j] < 0) return {};
    std::vector<int> joined = Coordinated(mention_at_[j]);
    if (std::find(joined.begin(), joined.end(), last) == joined.end()) return {};
    if (verb) *verb = v;
    return joined;
  }
  return {};
}

bool SentenceAnalysis::JoinedPartyApplies(const Arguments& a) const {
  return !a.src_mentions.empty() && !JoinedParties(a.first).empty();
}
void SentenceAnalysis::JoinedPartyAssign(Arguments* a) const {
  int verb = -1;
  std::vector<int> parties = JoinedParties(a->first, &verb);
  // The joining verb's own subject, in case the subject rule stopped at the party joined.
  for (int m : SubjectOf(Seg(verb), verb)) parties.insert(parties.begin(), m);
  for (int m : parties) {
    if (std::find(a->src_mentions.begin(), a->src_mentions.end(), m) == a->src_mentions.end()) {
      a->src_mentions.push_back(m);
    }
  }
}

std::string SentenceAnalysis::StateForm(const std::string& code,
                                        const std::vector<ActorRef>& sources,
                                        const std::vector<ActorRef>& targets,
                                        std::string* rule) const {
  auto it = impl_.lex.state.find(code);
  if (it == impl_.lex.state.end() || sources.empty() || targets.empty()) return code;
  auto state = [](const ActorRef& r) {
    return !r.country.empty() && (r.sector.empty() || r.sector == "GOV");
  };
  if (!std::all_of(sources.begin(), sources.end(), state) ||
      !std::all_of(targets.begin(), targets.end(), state)) {
    return code;
  }
  *rule += " [between states " + code + "->" + it->second + "]";
  return it->second;
}

}  // namespace dragoman::events_internal
