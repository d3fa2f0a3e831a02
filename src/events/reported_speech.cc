// Reported speech across sentences: the document's speaker.
//
// A statement is often quoted over several sentences, and only one of them names who speaks
// ("Algeria's foreign minister said that ...", then "“Morocco has ...”, he concluded."). Each
// sentence that names a speaker records it in the document's context (NamedSpeaker(), kept by
// EventContext); a quoted passage no speaker of its own sentence claims is then said by that
// speaker. A `speaker` pattern (doc/patterns.md: the speaker is the source and the reported
// clause's subject the target: "X said Y was behind the attack", "... Y's hostile acts") stated
// in such a passage takes the document's speaker as its source ("the document's speaker",
// argument_rules.cc), unless the target is of the speaker's own party.
#include <optional>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

std::optional<ActorRef> SentenceAnalysis::NamedSpeaker() const {
  if (all_speaker_ >= 0) return facts_.actors[all_speaker_].actor;
  for (size_t s = 0; s < segs_.size(); ++s) {
    if (segs_[s].kind != SegKind::kReported) continue;
    int sp = SpeakerOfSegment(static_cast<int>(s), 0);
    if (sp >= 0) return facts_.actors[sp].actor;
  }
  return std::nullopt;
}

bool SentenceAnalysis::QuotedWithoutSpeaker(int seg) const {
  return segs_[seg].kind == SegKind::kQuote && SpeakerOfSegment(seg, 0) < 0;
}

bool SentenceAnalysis::DocumentSpeakerApplies(const Arguments& a) const {
  return a.p->from_speaker && a.sources.empty() && ctx_.speaker != nullptr &&
         ctx_.speaker->has_value() && QuotedWithoutSpeaker(a.seg);
}
void SentenceAnalysis::DocumentSpeakerAssign(Arguments* a) const {
  const ActorRef& speaker = **ctx_.speaker;
  std::vector<ActorRef> others;
  for (const ActorRef& t : a->targets) {
    if (!OneParty(t, speaker)) others.push_back(t);
  }
  a->targets = std::move(others);
  // The speaker's own party as the reported subject ("“We have ...”") states no accusation.
  if (a->targets.empty()) return;
  a->sources = {speaker};
}

}  // namespace dragoman::events_internal
