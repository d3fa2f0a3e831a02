// Acts a sentence names without stating them (doc/annotation.md 4.5, 4.6): what a request asks
// for, what an accusation charges, what a relative clause on a noun tells about that noun, and
// what a modal after an event noun makes a mere possibility.
//
//   - Requested or charged acts: "demanded that the government release the journalists",
//     "demanding X stop jailing activists", "asked X, ..., to start talks", "accusing X of
//     fomenting violence and intimidating civilians". The request or the accusation is the event;
//     the act after it is its content, with no source of its own.
//   - Object relatives: "expelled a diplomat it arrested last year", "the sanctions that Y
//     imposed on Z". A clause whose verb has its subject right before it, follows a noun phrase
//     (through "that"/"which" or nothing) and has no object of its own describes that noun: it is
//     background, whoever its subject is.
//   - "whose" clauses: "X, whose army has been fighting Y, met Z" tells who X is (the event of a
//     relative clause opened by "who" or "which" may be stated: "in which a patrol was attacked by
//     ...").
//   - Abstract objects: "meet this year's goal", "fighting the root causes of migration" act on
//     no party: a one-word verb trigger whose object's head is an `abstract_object` noun.
//   - A modal after an event noun or a gerund subject: "a Turkish attack would undermine ...",
//     "Restoring ties between A and B could benefit ..." state a possibility.
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

namespace {
bool Gerund(const std::string& w) {
  return w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
}
}  // namespace

bool SentenceAnalysis::RequestedAct(const Match& a, const Match& b) const {
  const Pattern& pa = impl_.patterns[a.pattern];
  if (pa.weak || pa.code.empty() || Seg(a.trigger) != Seg(b.trigger)) return false;
  const CodeInfo* info = impl_.codes.Find(pa.code);
  if (info == nullptr) return false;
  const bool request = info->plover == "REQUEST";
  const bool charge = info->plover == "ACCUSE";
  if (!request && !charge) return false;
  const int t = b.trigger;
  if (t < a.end || t - a.end > kMaxContentGap) return false;
  // The words between belong to the content: no clause boundary, and a comma only around an
  // actor (an apposition: "asked Syria's ally, Russian President X, to start talks").
  for (int k = a.end; k < t; ++k) {
    if (!Punct(k)) continue;
    if (Norm(k) != ",") return false;
    bool by_actor = (k > 0 && in_mention_[k - 1] >= 0) ||
                    (k + 1 < static_cast<int>(toks_.size()) && in_mention_[k + 1] >= 0);
    if (!by_actor) return false;
  }
  if (request) return true;
  // An accusation's charge: a gerund after its "of"/"for" ("accused X of attacking ...").
  if (!Gerund(Norm(t))) return false;
  for (int k = a.trigger; k < t; ++k) {
    if (IsNorm(w_.charge_preposition, k)) return true;
  }
  return false;
}

bool SentenceAnalysis::ObjectRelative(const Match& m) const {
  const Pattern& p = impl_.patterns[m.pattern];
  if (p.noun || m.passive) return false;
  const int t = m.trigger;
  const int seg_begin = segs_[Seg(t)].begin;
  int j = t - 1;
  while (j >= seg_begin && (IsNorm(w_.adverb, j) || IsNorm(w_.perfect, j))) --j;
  if (j < seg_begin) return false;
  // The relative clause's own subject: an actor or a personal pronoun.
  int subject_begin = -1;
  if (int mm = in_mention_[j]; mm >= 0 && facts_.actors[mm].token_end == j + 1) {
    subject_begin = facts_.actors[mm].token_begin;
  } else if (IsNorm(w_.personal_pronoun, j)) {
    subject_begin = j;
  } else {
    return false;
  }
  int h = subject_begin - 1;
  if (h >= seg_begin && IsNorm(w_.relative_that, h)) --h;
  if (h < seg_begin) return false;
  int np_begin = -1;
  if (int hm = in_mention_[h]; hm >= 0) {
    // The noun phrase names an actor ("a US diplomat it arrested"): not a speech verb's
    // addressee ("told the envoy it attacked in self-defence" reports).
    np_begin = facts_.actors[hm].token_begin;
    if (!IsNorm(w_.determiner, np_begin) && np_begin - 1 >= seg_begin) --np_begin;
    if (np_begin - 1 >= seg_begin && Is(w_.speech, np_begin - 1)) return false;
  } else {
    // A common noun: a capitalised word next to an actor is part of its name ("The Catalan
    // government agreed today ...").
    if (!PhraseWord(h) || !NounHead(h) || toks_[h].has(Token::kCapitalized) ||
        Is(w_.speech, h)) {
      return false;
    }
    Phrase ph = PhraseEndingAt(h, Seg(h));
    if (ph.begin < 0) return false;
    np_begin = ph.begin;
    if (!IsNorm(w_.determiner, np_begin) && np_begin - 1 >= seg_begin &&
        in_mention_[np_begin - 1] >= 0) {
      // A demonym or a country inside the phrase: "a US diplomat it arrested".
      np_begin = facts_.actors[in_mention_[np_begin - 1]].token_begin;
      if (!IsNorm(w_.determiner, np_begin) && np_begin - 1 >= seg_begin) --np_begin;
    }
  }
  // The noun phrase it describes opens with a determiner ("a diplomat", "the sanctions"; not
  // "Iran claims it attacked ...", where the noun-looking word is a verb) and follows the
  // clause's own verb: it is an object, and the clause after it a second verb's.
  if (!IsNorm(w_.determiner, np_begin)) return false;
  bool verb_before = false;
  for (int i = seg_begin; i < np_begin && !verb_before; ++i) {
    if (Punct(i) || in_mention_[i] >= 0) continue;
    const Token& tok = toks_[i];
    verb_before = IsNorm(w_.be, i) || IsNorm(w_.perfect, i) ||
                  (tok.has(Token::kVerbForm) && !tok.has(Token::kNounForm));
  }
  if (!verb_before) return false;
  // No object after the verb: the noun before it is that object.
  const int n = static_cast<int>(toks_.size());
  const int k = t + 1;
  return k >= n || Punct(k) || IsNorm(w_.preposition, k) || IsNorm(w_.coordinator, k) ||
         IsNorm(w_.place_adverb, k) || IsNorm(w_.subordinator, k) || IsNorm(w_.adverb, k) ||
         IsNorm(w_.adjunct_start, k) || InDate(k);
}

bool SentenceAnalysis::RelativeBackground(const Match& m) const {
  const Segment& sg = segs_[Seg(m.trigger)];
  if (sg.kind != SegKind::kRelative) return false;
  return IsNorm(w_.possessive_relative, sg.begin);
}

bool SentenceAnalysis::AbstractObject(const Match& m) const {
  const Pattern& p = impl_.patterns[m.pattern];
  if (p.noun || m.passive || m.end != m.trigger + 1) return false;
  Phrase ph = PhraseFrom(m.trigger + 1);
  return ph.begin >= 0 && ph.end > ph.begin && Is(w_.abstract_object, ph.end - 1);
}

std::optional<Mood> SentenceAnalysis::ModalAfterSubject(const Match& m) const {
  const Pattern& p = impl_.patterns[m.pattern];
  const int seg = Seg(m.trigger);
  const Segment& sg = segs_[seg];
  // A modal right after the trigger: no verb takes one there, so the trigger is a noun ("a
  // Turkish attack would ..." reads "attack" as a verb after the actor). A modal right after the
  // matched phrase only follows an event noun or a gerund opening the clause ("an attack on X
  // would", "Restoring ties between A and B could").
  int first = sg.begin;
  while (first < m.trigger && (Punct(first) || IsNorm(w_.adverb, first))) ++first;
  const bool phrase_subject = p.noun || (first == m.trigger && Gerund(Norm(m.trigger)));
  for (int k : {m.trigger + 1, phrase_subject ? m.end : -1}) {
    if (k < 0) continue;
    while (k < sg.end && IsNorm(w_.adverb, k)) ++k;
    if (k >= sg.end || !IsNorm(w_.modal_hypothetical, k)) continue;
    // Reported future: "said the talks would be held" states an intention.
    if (IsNorm(w_.reported_future, k)) {
      for (int s = seg, guard = 0; s >= 0 && guard < 4; s = segs_[s].inherit, ++guard) {
        if (segs_[s].kind == SegKind::kReported) return Mood::kIntended;
        if (segs_[s].kind != SegKind::kSub) break;
      }
    }
    return Mood::kHypothetical;
  }
  return std::nullopt;
}

}  // namespace dragoman::events_internal
