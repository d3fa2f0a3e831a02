// What qualifies an event: negation, mood, and places that locate the speaker, not the event.
#include <algorithm>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

bool SentenceAnalysis::Negated(int trigger, int seg) const {
  int begin = std::max(segs_[seg].begin, trigger - 5);
  for (int j = trigger - 1; j >= begin; --j) {
    if (Punct(j)) break;
    if (IsNorm(w_.negation, j)) return true;
    if (j + 1 < trigger && Is(w_.negating, j) && IsNorm(w_.to, j + 1)) return true;  // "failed to"
  }
  return false;
}

Mood SentenceAnalysis::MoodAt(int trigger, int seg) const {
  const int n = static_cast<int>(toks_.size());
  if (n > 0 && Norm(n - 1) == "?") return Mood::kQuestion;
  int begin = std::max(segs_[seg].begin, trigger - 6);
  for (int j = trigger - 1; j >= begin; --j) {
    if (Punct(j)) break;
    if (IsNorm(w_.modal_intent, j)) return Mood::kIntended;
    if (IsNorm(w_.modal_hypothetical, j)) {
      // Reported future: "said they would boycott ..." states an intention.
      if (IsNorm(w_.reported_future, j)) {
        for (int s = seg, guard = 0; s >= 0 && guard < 4; s = segs_[s].inherit, ++guard) {
          if (segs_[s].kind == SegKind::kReported) return Mood::kIntended;
          if (segs_[s].kind != SegKind::kSub) break;
        }
        // "confirmed it would tighten ...": the speech verb right before its subject.
        for (int k = j - 1; k >= segs_[seg].begin && k >= j - 4; --k) {
          if (Punct(k)) break;
          if (in_mention_[k] < 0 && Is(w_.speech, k)) return Mood::kIntended;
        }
      }
      return Mood::kHypothetical;
    }
    if (IsNorm(w_.to, j) && j - 1 >= begin) {
      int k = j - 1;
      while (k >= begin && IsNorm(w_.adverb, k)) --k;
      if (k >= begin && Is(w_.intend, k)) return Mood::kIntended;
    }
  }
  for (int s = seg, guard = 0; s >= 0 && guard < 4; s = segs_[s].inherit, ++guard) {
    if (segs_[s].kind == SegKind::kHypo) return Mood::kHypothetical;
    if (segs_[s].kind != SegKind::kSub) break;
  }
  return Mood::kAsserted;
}

// A place that locates the speakers, not the event: "..., officials in Baku and Yerevan said."
// True when the words after the place (over coordinated names) are a reporting verb.
bool SentenceAnalysis::InAttribution(const PlaceMention& place) const {
  const int n = static_cast<int>(toks_.size());
  int k = place.token_end;
  for (int guard = 0; guard < 4 && k < n; ++guard) {
    bool next_name = k + 1 < n && toks_[k + 1].has(Token::kCapitalized) && in_mention_[k + 1] < 0;
    if ((IsNorm(w_.conjunction_and, k) || Norm(k) == ",") && next_name) {
      ++k;
      continue;
    }
    if (!toks_[k].has(Token::kCapitalized) || in_mention_[k] >= 0) break;
    ++k;  // the next coordinated place name
  }
  return k < n && Is(w_.speech, k);
}

}  // namespace dragoman::events_internal
