// TabariCoder, step 4 (coder.h): matching a verb's patterns. MatchSeq walks a pattern's
// elements with backtracking; MatchElem matches one element (a word, a '^' skip, the $ + %
// actor slots that capture noun phrases, a synonym set, '{a|b}' alternatives).
#include <algorithm>
#include <vector>

#include "tabari/coder.h"
#include "tabari/coder_internal.h"

namespace dragoman::tabari {
using coder_internal::IsDeterminer;

bool TabariCoder::MatchElem(const PatternElem& e, int pos, int limit, int* end_out) {
  if (pos >= limit) return false;
  switch (e.kind) {
    case PatternElem::Kind::kWord:
      if (toks_[pos].comma || toks_[pos].possessive || !WordMatches(e.word, toks_[pos].text))
        return false;
      *end_out = pos + 1;
      return true;
    case PatternElem::Kind::kSkip: {
      if (toks_[pos].comma) return false;
      // One word, or one whole actor with its articles ("the Gondor").
      int p = pos;
      while (p + 1 < limit && IsDeterminer(toks_[p].text) && np_start_[p + 1] >= 0) ++p;
      int np = np_start_[p];
      *end_out = np >= 0 ? std::min(limit, nps_[np].end) : pos + 1;
      return true;
    }
    case PatternElem::Kind::kSource:
    case PatternElem::Kind::kTarget:
    case PatternElem::Kind::kCompound: {
      int np = NpAt(pos);
      if (np < 0 || nps_[np].end > limit) return false;
      if (e.kind == PatternElem::Kind::kSource)
        cap_source_ = np;
      else if (e.kind == PatternElem::Kind::kTarget)
        cap_target_ = np;
      else
        cap_compound_ = np;
      *end_out = nps_[np].end;
      return true;
    }
    case PatternElem::Kind::kSynset:
      for (const auto& m : dict_.synsets[e.index].members)
        if (MatchSeq(m, 0, pos, limit, true, -1, end_out)) return true;
      return false;
    case PatternElem::Kind::kAlternatives:
      for (const auto& a : e.alts)
        if (MatchSeq(a, 0, pos, limit, true, -1, end_out)) return true;
      return false;
  }
  return false;
}

bool TabariCoder::MatchSeq(const std::vector<PatternElem>& seq, size_t k, int pos, int limit,
                           bool anchored, int must_end, int* end_out, bool loose) {
  if (k == seq.size()) {
    if (must_end >= 0 && pos != must_end) return false;
    *end_out = pos;
    return true;
  }
  bool adj = k == 0 ? anchored : seq[k].adjacent;
  // TABARI does not hold the word after a multi-word synonym-set member to its '_'
  // ("&NEG_EVER" with the member REALLY_DID_NOT also matches "really did not even ever").
  // PETRARCH holds it (its sets match parsed words, one member a phrase).
  if (loose && !opt_->petrarch_rules) adj = false;
  int last = adj ? pos : limit - 1;
  // A '^' that may float ("AT ^ ^ +") skips actors first: it stands for an actor the pattern
  // passes over, and only where no actor fits does it skip a plain word.
  bool skip = seq[k].kind == PatternElem::Kind::kSkip && !adj;
  for (int pass = skip ? 0 : 1; pass < 2; ++pass) {
    for (int p = pos; p <= last && p < limit; ++p) {
      if (pass == 0) {
        int a = p;
        while (a + 1 < limit && IsDeterminer(toks_[a].text) && np_start_[a + 1] >= 0) ++a;
        if (np_start_[a] < 0) continue;
      }
      int s = cap_source_, t = cap_target_, c = cap_compound_;
      int e = 0;
      if (MatchElem(seq[k], p, limit, &e) &&
          MatchSeq(seq, k + 1, e, limit, anchored, must_end, end_out,
                   seq[k].kind == PatternElem::Kind::kSynset && e - p > 1))
        return true;
      cap_source_ = s;
      cap_target_ = t;
      cap_compound_ = c;
    }
  }
  return false;
}

}  // namespace dragoman::tabari
