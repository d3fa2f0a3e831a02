// Voice: passive forms ("was arrested", "soldiers arrested in ...") and participles.
#include <algorithm>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

bool SentenceAnalysis::ParticipleLike(int t) const {
  const Token& tok = toks_[t];
  if (Is(w_.participle, t)) return true;
  if (tok.norm == tok.lemma) return false;
  const std::string& w = tok.norm;
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
  };
  return ends("ed") || ends("en") || ends("wn");
}

bool SentenceAnalysis::IsPassiveAtDepth(int t) const {
  // The earlier conjunct: a form of "be" before it (no further recursion).
  int j = t - 1;
  int seg_begin = segs_[Seg(t)].begin;
  while (j >= seg_begin && (IsNorm(w_.adverb, j) || IsNorm(w_.negation, j))) --j;
  return j >= seg_begin && IsNorm(w_.be, j);
}

bool SentenceAnalysis::IsPassiveAt(int t) const {
  if (!ParticipleLike(t)) return false;
  // "is committed to", "is opposed to": a participle used as an adjective after "be".
  if (Is(w_.adjectival, t)) return false;
  int j = t - 1;
  int seg_begin = segs_[Seg(t)].begin;
  while (j >= seg_begin && (IsNorm(w_.adverb, j) || IsNorm(w_.negation, j))) --j;
  if (j >= seg_begin && IsNorm(w_.be, j)) return true;
  // Coordinated with an earlier passive: "were arrested in Karabakh and sentenced ...".
  if (j >= seg_begin && IsNorm(w_.coordinator, j)) {
    for (int k = j - 1; k >= seg_begin && k >= j - 10; --k) {
      if (Punct(k) && Norm(k) != ",") break;
      if (k < t - 1 && ParticipleLike(k) && k != t && IsPassiveAtDepth(k)) return true;
    }
  }
  // Reduced relative: "soldiers arrested in Karabakh", "nationals pardoned by ...". People are
  // described this way; a country or a government before the verb is its doer ("Azerbaijan
  // extradited over 100 detainees").
  if (int head = ReducedPassiveHead(t); head >= 0 && !facts_.actors[head].actor.sector.empty() &&
                                        facts_.actors[head].actor.sector != "GOV") {
    int k = t + 1;
    if (k >= static_cast<int>(toks_.size()) || Punct(k) || IsNorm(w_.preposition, k) ||
        IsNorm(w_.coordinator, k) || IsNorm(w_.place_adverb, k)) {
      // Not when the actor is itself the subject of an active past verb with a prepositional
      // object ("Iran responded to ..."): only verbs that need an object are read as passive.
      return Is(w_.transitive, t);
    }
  }
  return false;
}

// "nationals detained or imprisoned in ...": the actor a reduced passive participle follows.
int SentenceAnalysis::ReducedPassiveHead(int t, int depth) const {
  if (t <= 0 || depth > 3) return -1;
  int m = in_mention_[t - 1];
  if (m >= 0 && facts_.actors[m].token_end == t) return m;
  if (t >= 2 && IsNorm(w_.coordinator, t - 1) && ParticipleLike(t - 2)) {
    return ReducedPassiveHead(t - 2, depth + 1);
  }
  return -1;
}

}  // namespace dragoman::events_internal
