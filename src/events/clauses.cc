// Clause segmentation and speakers (see the essay at the top of extractor.cc).
#include <algorithm>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

void SentenceAnalysis::NewSegment(int begin, SegKind kind, int inherit) {
  if (!segs_.empty() && segs_.back().begin == begin) {
    segs_.back().kind = kind;
    segs_.back().inherit = inherit;
    return;
  }
  if (!segs_.empty()) segs_.back().end = begin;
  Segment s;
  s.begin = begin;
  s.end = static_cast<int>(toks_.size());
  s.kind = kind;
  s.inherit = inherit;
  segs_.push_back(s);
}

int SentenceAnalysis::MentionEndingAt(int end) const {
  for (size_t m = 0; m < facts_.actors.size(); ++m) {
    if (facts_.actors[m].token_end == end) return static_cast<int>(m);
  }
  return -1;
}

// Cuts the sentence into segments; see the essay at the top of the file.
void SentenceAnalysis::Split() {
  const int n = static_cast<int>(toks_.size());
  segs_.clear();
  NewSegment(0, SegKind::kMain, -1);
  // The segment a relative clause interrupted, to resume after its closing comma.
  int resume = -1;
  bool in_quote = false;
  for (int i = 0; i < n; ++i) {
    if (in_mention_[i] >= 0 && mention_at_[i] != i && in_mention_[i] >= 0 &&
        facts_.actors[in_mention_[i]].token_begin != i) {
      continue;  // never cut inside an actor mention
    }
    const std::string& w = Norm(i);
    int cur = static_cast<int>(segs_.size()) - 1;
    if (IsQuote(i) || w == "\xe2\x80\x9c" || w == "\xe2\x80\x9d") {
      // Opening or closing quotation mark: a quoted passage is its own segment.
      bool opening = !in_quote;
      in_quote = !in_quote;
      // A quotation that takes up the clause right after its subject ("the sides \"discussed
      // trade\""): the quoted verb is the clause's own, no quoted passage of its own.
      // A single mark after an actor is rather a plural possessive ("the leaders' meeting").
      const bool takes_up = opening && w != "'" && i > segs_[cur].begin && i + 1 < n &&
                            MentionEndingAt(i) >= 0 && toks_[i + 1].has(Token::kVerbForm) &&
                            !toks_[i + 1].has(Token::kCapitalized);
      if (takes_up) continue;
      if (opening && i + 1 < n) {
        NewSegment(i + 1, SegKind::kQuote, -1);
      } else if (!opening && i + 1 < n) {
        NewSegment(i + 1, SegKind::kMain, -1);
      }
      continue;
    }
    if (w == ";") {
      if (i + 1 < n) NewSegment(i + 1, SegKind::kMain, -1);
      resume = -1;
      continue;
    }
    if (w == ":") {
      int verb = Is(w_.speech, i - 1) ? i - 1 : (i >= 2 && Is(w_.speech, i - 2)) ? i - 2 : -1;
      if (i + 1 < n) NewSegment(i + 1, verb >= 0 ? SegKind::kReported : SegKind::kMain, -1);
      if (verb >= 0) segs_.back().speaker_verb = verb;
      continue;
    }
    if (w == "," && resume >= 0 && segs_[cur].kind == SegKind::kRelative) {
      // End of ", who ... ," : the interrupted clause resumes.
      if (i + 1 < n) NewSegment(i + 1, SegKind::kMain, resume);
      resume = -1;
      continue;
    }
    if (IsNorm(w_.relative, i) && i > segs_[cur].begin) {
      bool after_comma = Norm(i - 1) == ",";
      int ante = MentionEndingAt(after_comma ? i - 1 : i);
      NewSegment(i, SegKind::kRelative, cur);
      // "whom" relativizes an object: its antecedent is not the clause's subject ("refugees,
      // whom authorities blame for ...").
      segs_.back().antecedent = IsNorm(w_.object_relative, i) ? -1 : ante;
      resume = after_comma ? cur : -1;
      continue;
    }
    if (IsLemma(w_.bare_report, i) && in_mention_[i] < 0 && i > segs_[cur].begin && i + 1 < n &&
        !Punct(i - 1) && !IsQuote(i - 1) && mention_at_[i + 1] >= 0 &&
        facts_.actors[mention_at_[i + 1]].token_end < n &&
        !Punct(facts_.actors[mention_at_[i + 1]].token_end)) {
      // "X said Y must ...": a clause without "that" reports for X (not the inverted
      // attribution "..., said X.", where the mention ends the sentence or the clause).
      NewSegment(i + 1, SegKind::kReported, -1);
      segs_.back().speaker_verb = i;
      continue;
    }
    if (IsNorm(w_.complementizer, i) && i > segs_[cur].begin) {
      // "that" after a reporting verb (optionally with its addressee): "told X that ...", also
      // with a time in between: "said on Friday that", "said here Wednesday that".
      int j = i - 1;
      if (in_mention_[j] >= 0) j = facts_.actors[in_mention_[j]].token_begin - 1;
      while (j > segs_[cur].begin && IsNorm(w_.determiner, j)) --j;  // "told the UN that"
      for (int guard = 0; guard < 6 && j > segs_[cur].begin && !Is(w_.speech, j); ++guard) {
        bool in_date = false;
        for (const auto& dm : facts_.dates) in_date |= j >= dm.token_begin && j < dm.token_end;
        if (!in_date && !IsNorm(w_.report_filler, j)) break;
        --j;
      }
      if (j >= 0 && Norm(j) == ",") --j;
      if (j >= 0 && Is(w_.speech, j) && !IsNorm(w_.determiner, j - 1)) {
        NewSegment(i + 1 < n ? i + 1 : i, SegKind::kReported, -1);
        segs_.back().speaker_verb = j;
        continue;
      }
    }
    if (IsNorm(w_.subordinator, i) && i > 0) {
      bool conditional = IsNorm(w_.conditional, i);
      // After a comma, a non-conditional clause that follows an if-clause belongs to the clause
      // the condition hangs on, not to the condition ("threatened force if X fails to ..., while
      // protesters attacked the embassy": the attack is no part of the condition).
      int parent = cur;
      if (!conditional && Norm(i - 1) == "," && segs_[cur].kind == SegKind::kHypo &&
          segs_[cur].inherit >= 0) {
        parent = segs_[cur].inherit;
      }
      NewSegment(i, conditional ? SegKind::kHypo : SegKind::kSub, parent);
      continue;
    }
  }
  seg_of_.assign(n, 0);
  for (size_t s = 0; s < segs_.size(); ++s) {
    for (int i = segs_[s].begin; i < segs_[s].end && i < n; ++i) seg_of_[i] = static_cast<int>(s);
  }
}

// Finds speakers: "X said that ..." (set by Segment), "..., X said." / "“...,” X stressed",
// "..., said X.", ", he noted," and "according to X".
void SentenceAnalysis::Speakers() {
  const int n = static_cast<int>(toks_.size());
  for (int i = 0; i + 2 < n; ++i) {
    if (IsNorm(w_.attribution, i) && IsNorm(w_.to, i + 1) && mention_at_[i + 2] >= 0) {
      all_speaker_ = mention_at_[i + 2];
      excluded_[all_speaker_] = true;
    }
  }
  for (int v = 1; v < n; ++v) {
    if (!Is(w_.speech, v) || in_mention_[v] >= 0) continue;
    // Speaker before the verb: "..., X said" / "” X stressed" / ", he noted,".
    int j = v - 1;
    while (j >= 0 && IsNorm(w_.adverb, j)) --j;
    int m = j >= 0 ? in_mention_[j] : -1;
    if (m >= 0 && facts_.actors[m].token_end == j + 1) {
      int before = facts_.actors[m].token_begin - 1;
      int after = v + 1;
      bool opens =
          before >= 0 && (Norm(before) == "," || IsQuote(before) || Norm(before) == "\xe2\x80\x9d");
      bool closes = after >= n || Norm(after) == "," || Norm(after) == "." ||
                    (Punct(after) && after + 1 >= n);
      // A date may close the attribution: "..., the ministry said on Monday."
      if (!closes && after < n && IsNorm(w_.date_preposition, after)) {
        int k = after + 1;
        while (k < n && !Punct(k)) ++k;
        closes = k >= n || Norm(k) == ".";
      }
      // So may a bare date or "here": "..., military sources said today.", "..., a rights
      // group said here Wednesday."
      if (!closes && after < n) {
        int k = after;
        while (k < n && (IsNorm(w_.deictic_place, k) || InDate(k))) ++k;
        closes = k > after && k < n && Norm(k) == "." && k + 1 >= n;
      }
      if (opens && closes) {
        all_speaker_ = m;
        excluded_[m] = true;
        continue;
      }
    }
    // Inverted: "“...,” said X." / "..., said X."
    if (v + 1 < n && mention_at_[v + 1] >= 0) {
      int mm = mention_at_[v + 1];
      int after = facts_.actors[mm].token_end;
      bool opens = Norm(v - 1) == "," || IsQuote(v - 1) || Norm(v - 1) == "\xe2\x80\x9d";
      if (opens && (after >= n || Punct(after))) {
        all_speaker_ = mm;
        excluded_[mm] = true;
      }
    }
  }
}

// The speaker of a segment: its own, its reporting verb's subject, or the sentence's.
int SentenceAnalysis::SpeakerOfSegment(int seg, int depth) const {
  for (int s = seg, guard = 0; s >= 0 && guard < 6 && depth < 6; ++guard) {
    if (segs_[s].speaker >= 0) return segs_[s].speaker;
    if (segs_[s].speaker_verb >= 0) return SpeakerOfVerb(segs_[s].speaker_verb, depth + 1);
    if (segs_[s].kind == SegKind::kRelative) break;
    s = segs_[s].inherit;
  }
  return all_speaker_;
}

// ", highlighting that ..." reports for whoever speaks in its clause; "X noted that" for X.
int SentenceAnalysis::SpeakerOfVerb(int verb, int depth) const {
  const std::string& w = Norm(verb);
  bool participle = w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
  if (participle && verb > 0 && Norm(verb - 1) == ",") {
    int sp = SpeakerOfSegment(Seg(verb), depth + 1);
    if (sp >= 0) return sp;
  }
  auto subj = SubjectOf(Seg(verb), verb);
  return subj.empty() ? -1 : subj.front();
}

}  // namespace dragoman::events_internal
