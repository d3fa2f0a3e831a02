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
  return ReducedRelativeOnNoun(t);
}

// A reduced relative on a phrase that names no actor, or set off by a comma: "freed a blogger,
// arrested last week during a raid", "an employee accused of involvement in the plot", "the
// family of a civilian killed when the plane crashed". After the clause's own verb, the
// participle of a verb that needs an object, following a noun (or a comma after a noun phrase)
// and followed by no object, describes that noun: it is passive, and without a by-agent it is
// background (doc/annotation.md 4.6). Without a verb before the noun phrase the participle is
// the clause's own verb ("Two soldiers killed in an ambush", a headline) and is left alone.
bool SentenceAnalysis::ReducedRelativeOnNoun(int t) const {
  if (!Is(w_.transitive, t) || Is(w_.adjectival, t) || !ParticipleLike(t)) return false;
  const int seg = Seg(t);
  const int seg_begin = segs_[seg].begin;
  int h = t - 1;
  const bool comma = h > seg_begin && Norm(h) == ",";
  if (comma) --h;
  if (h < seg_begin) return false;
  int np_begin = -1;
  if (int m = in_mention_[h]; m >= 0) {
    if (!comma) return false;  // an actor right before it: ReducedPassiveHead's case
    np_begin = facts_.actors[m].token_begin;
  } else {
    if (!PhraseWord(h) || !NounHead(h)) return false;
    np_begin = PhraseEndingAt(h, seg).begin;
  }
  if (np_begin < 0) return false;
  const int n = static_cast<int>(toks_.size());
  const int k = t + 1;
  if (k < n && !Punct(k) && !IsNorm(w_.preposition, k) &&
      !IsNorm(w_.coordinator, k) && !IsNorm(w_.place_adverb, k) &&
      !IsNorm(w_.subordinator, k) && !IsNorm(w_.adverb, k) && !IsNorm(w_.adjunct_start, k) &&
      !InDate(k)) {
    return false;  // an object follows: an active verb
  }
  for (int j = seg_begin; j < np_begin; ++j) {
    if (Punct(j) || in_mention_[j] >= 0) continue;
    if (IsNorm(w_.be, j) || IsNorm(w_.perfect, j)) return true;
    const Token& tok = toks_[j];
    if (tok.has(Token::kVerbForm) && !tok.has(Token::kNounForm)) return true;
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
