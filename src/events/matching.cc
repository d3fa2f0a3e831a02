// Pattern matching: the best pattern at each trigger of a sentence (doc/patterns.md).
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

bool SentenceAnalysis::WordMatches(const MatchCall& c, size_t ei, int i) const {
  const int32_t norm = (*c.norm_ids)[static_cast<size_t>(i)];
  const int32_t lemma = (*c.lemma_ids)[static_cast<size_t>(i)];
  if (norm < 0 && lemma < 0) return false;
  for (PatternIndex::Alt a : impl_.pattern_index.Alts(c.pi, ei)) {
    const int32_t w = PatternIndex::AltWord(a);
    if (norm == w) return true;
    if (!PatternIndex::AltFormOnly(a) && lemma == w) return true;
  }
  return false;
}

bool SentenceAnalysis::MatchFrom(const MatchCall& c, size_t ei, int ti, Match* m) const {
  const Pattern& p = *c.p;
  const int seg = c.seg;
  const bool passive = c.passive;
  const int n = static_cast<int>(toks_.size());
  if (ei == p.elements.size()) {
    m->end = ti;
    return true;
  }
  const PatternElement& e = p.elements[ei];
  bool last = ei + 1 == p.elements.size();
  auto in_seg = [&](int i) { return i < n && Seg(i) == seg; };
  switch (e.kind) {
    case PatternElement::Kind::kWord:
      if (in_seg(ti) && WordMatches(c, ei, ti)) {
        m->words.push_back(ti);
        if (static_cast<int>(ei) == p.trigger) m->trigger = ti;
        if (MatchFrom(c, ei + 1, ti + 1, m)) return true;
        m->words.pop_back();
      }
      return e.optional && MatchFrom(c, ei + 1, ti, m);
    case PatternElement::Kind::kGap: {
      // The gap counts words: a hyphenated compound ("three-month-old", split by the tokenizer
      // into three-month-old's five tokens) is one word, so a hyphen and the token after it
      // cost nothing.
      int words = 0;
      for (int k = ti;; ++k) {
        if (MatchFrom(c, ei + 1, k, m)) return true;
        if (!in_seg(k)) break;
        const std::string& w = Norm(k);
        if (w == "." || w == ";" || w == ":" || w == "(" || w == ")") break;
        bool joined = k > ti && (w == "-" || Norm(k - 1) == "-");
        if (!joined && ++words > e.max_gap) break;
      }
      return false;
    }
    case PatternElement::Kind::kTarget:
    case PatternElement::Kind::kSource: {
      bool target = e.kind == PatternElement::Kind::kTarget;
      if (target && passive) return MatchFrom(c, ei + 1, ti, m);
      for (int skip = 0; skip <= 3; ++skip) {
        int k = ti + skip;
        if (!in_seg(k)) break;
        int mm = mention_at_[k];
        if (mm >= 0) {
          if (target) {
            m->targets.push_back(mm);
          } else {
            m->source = mm;
          }
          if (MatchFrom(c, ei + 1, facts_.actors[mm].token_end, m)) return true;
          if (target) {
            m->targets.pop_back();
          } else {
            m->source = -1;
          }
          break;
        }
        // Only determiners, possessives and modifiers may precede the actor.
        if (Punct(k) || IsNorm(w_.preposition, k) || IsNorm(w_.be, k)) break;
      }
      return last && MatchFrom(c, ei + 1, ti, m);
    }
  }
  return false;
}

std::vector<SentenceAnalysis::Match> SentenceAnalysis::FindMatches() const {
  const int n = static_cast<int>(toks_.size());
  // 1. Matches: the best pattern at each trigger; matched tokens are consumed.
  std::vector<Match> matches;
  // consumed[i]: the CAMEO root of the pattern that used token i ("" = free). An event noun may
  // reuse a token another root consumed: "dismissed (12) the claims (11) by X that ...".
  std::vector<std::string> consumed(n);
  // Each token's words are looked up in the pattern index once; the words of the whole sentence
  // tell which patterns can match at all (pattern_index.h).
  const PatternIndex& index = impl_.pattern_index;
  std::vector<int32_t> norm_ids(static_cast<size_t>(n)), lemma_ids(static_cast<size_t>(n));
  thread_local PatternIndex::SentenceWords words;
  words.Reset(index);
  for (int i = 0; i < n; ++i) {
    norm_ids[i] = index.WordId(toks_[i].norm);
    lemma_ids[i] = toks_[i].lemma == toks_[i].norm ? norm_ids[i] : index.WordId(toks_[i].lemma);
    words.AddToken(norm_ids[i], lemma_ids[i]);
  }
  std::vector<int> cands;
  for (int i = 0; i < n; ++i) {
    cands.clear();
    for (int32_t key : {lemma_ids[i], norm_ids[i]}) {
      const std::vector<int>& ps = index.ByFirst(key);
      cands.insert(cands.end(), ps.begin(), ps.end());
    }
    if (cands.empty()) continue;
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    std::optional<Match> best;
    for (int pi : cands) {
      const Pattern& p = impl_.patterns[pi];
      if (best && impl_.patterns[best->pattern].words >= p.words) continue;
      if (!consumed[i].empty()) {
        // A blocker's words start no pattern at all, event nouns included: the crime a
        // suspicion or charge names ("suspected of planning attacks") is no attack.
        const std::string& c = p.code.empty() ? p.neg_code : p.code;
        if (!p.noun || consumed[i] == "-" || c.compare(0, 2, consumed[i]) == 0) continue;
      }
      // A word element the pattern cannot do without names no word of the sentence.
      if (!index.Feasible(pi, words)) continue;
      MatchCall call{&p, pi, &norm_ids, &lemma_ids, Seg(i), false};
      Match m;
      m.pattern = pi;
      if (!MatchFrom(call, 0, i, &m)) {
        // The passive reading differs only in skipping target slots.
        if (!index.HasTarget(pi)) continue;
        m = Match();
        m.pattern = pi;
        call.passive = true;
        if (!MatchFrom(call, 0, i, &m)) continue;
        m.passive = true;
      }
      int t = m.trigger;
      if (t < 0 || in_mention_[t] >= 0) continue;
      // A capitalised trigger inside a sentence is a name ("Strike Force"), not a verb.
      if (t > 0 && toks_[t].has(Token::kCapitalized) && !IsQuote(t - 1) &&
          Norm(t - 1) != "\xe2\x80\x9c") {
        continue;
      }
      // A word joined by a hyphen is part of a compound modifier ("free-trade pact",
      // "long-threatened invasion"), not a verb or an event noun of its own. A hyphenated word
      // the pattern names itself ("cease-fire", patterns.cc ExpandHyphens) is one word: only
      // a hyphen beyond it makes it part of a longer compound ("cease-fire-related"). A dash
      // with spaces around it sets off a parenthesis ("the minister - quoted by state media -
      // criticized X"): the word after it is a verb like any other.
      {
        auto own = [&](int k) {
          return std::find(m.words.begin(), m.words.end(), k) != m.words.end();
        };
        int first = t, last = t;
        while (first >= 2 && Norm(first - 1) == "-" && own(first - 1) && own(first - 2)) first -= 2;
        while (last + 2 < n && Norm(last + 1) == "-" && own(last + 1) && own(last + 2)) last += 2;
        if ((last + 1 < n && Norm(last + 1) == "-" && toks_[last + 1].begin == toks_[last].end) ||
            (first > 0 && Norm(first - 1) == "-" && toks_[first - 1].end == toks_[first].begin)) {
          continue;
        }
      }
      if (!p.noun && !p.during && t > 0) {
        // A determiner or possessive before the trigger makes it a noun ("their sentence"),
        // and a gerund after a preposition has no subject of its own ("of signing"), unless
        // it is the act of a joining verb's parties ("joined X in boycotting", joined_party.cc).
        if (IsNorm(w_.noun_marker, t - 1)) continue;
        // So do adjectives after such a word, or after a preposition before a gerund: "a deadly
        // blast", "its brutal fight against", "because of fratricidal fighting". Only words
        // WordNet knows as adjectives alone count ("the government attacked" is a verb), and
        // only before a pattern's first word: a noun a verb pattern marks as its trigger keeps
        // its adjectives ("is the largest ^donor of aid to").
        int head = t - 1;
        const bool opens = !m.words.empty() && m.words.front() == t;
        while (opens && head >= 0 && t - head <= 3 && toks_[head].has(Token::kAdjectiveOnly) &&
               in_mention_[head] < 0) {
          --head;
        }
        if (head < 0 || head == t - 1) head = t - 1;
        if (head < t - 1 && IsNorm(w_.noun_marker, head)) continue;
        const std::string& w = Norm(t);
        if (IsNorm(w_.preposition, head) && w.size() > 4 &&
            w.compare(w.size() - 3, 3, "ing") == 0 && JoinedParties(t).empty()) {
          continue;
        }
        // Nor is a participle after a preposition other than "to" a verb: it qualifies a noun
        // ("the transfer of sentenced persons"); an -s form there is a plural noun ("after 12
        // days of battles").
        if (IsNorm(w_.preposition, t - 1) && !IsNorm(w_.to, t - 1) &&
            (ParticipleLike(t) ||
             (w.size() > 3 && w.back() == 's' && w != toks_[t].lemma && !Is(w_.be, t)))) {
          continue;
        }
        // An -s form right after another verb is its object, a plural noun: "to halt attacks",
        // "condemned attacks".
        const Token& prev = toks_[t - 1];
        if (w.size() > 3 && w.back() == 's' && w != toks_[t].lemma && prev.has(Token::kVerbForm) &&
            in_mention_[t - 1] < 0 && !IsNorm(w_.adverb, t - 1) &&
            ((t >= 2 && IsNorm(w_.to, t - 2)) ||
             (prev.norm != prev.lemma && prev.norm.size() > 3 &&
              prev.norm.compare(prev.norm.size() - 2, 2, "ed") == 0))) {
          continue;
        }
      }
      // "have (long) refused talks", "had held talks": a pattern triggered by the perfect's
      // auxiliary before a participle is not the light verb of "have talks".
      if (!m.words.empty() && m.trigger == m.words.front() && IsNorm(w_.perfect, m.trigger)) {
        bool auxiliary = false;
        for (int j = m.words.front() + 1; j < n && j <= m.words.front() + 2 && !auxiliary; ++j) {
          if (Punct(j) || in_mention_[j] >= 0 || IsNorm(w_.determiner, j) ||
              IsNorm(w_.noun_marker, j)) {
            break;
          }
          auxiliary = ParticipleLike(j) && !(j + 1 < n && Norm(j + 1) == "-");
        }
        if (auxiliary) continue;
      }
      bool passive = !p.noun && IsPassiveAt(t);
      if (passive != m.passive) {
        if (!passive) continue;  // slots were skipped but the verb is active
        Match again;
        again.pattern = pi;
        MatchCall passive_call{&p, pi, &norm_ids, &lemma_ids, Seg(i), true};
        if (!MatchFrom(passive_call, 0, i, &again) || again.trigger != t) continue;
        again.passive = true;
        m = again;
      }
      if ((p.active_only && m.passive) || (p.passive_only && !m.passive)) continue;
      // A pattern that needs a target must not shadow a less specific one that fits.
      if (p.need_target && !m.passive && m.targets.empty()) continue;
      best = m;
    }
    if (!best) continue;
    {
      const Pattern& bp = impl_.patterns[best->pattern];
      std::string root = (bp.code.empty() ? bp.neg_code : bp.code).substr(0, 2);
      // A blocker consumes its words too. (assign(): GCC 12 reports a false -Wrestrict for
      // operator= with a literal here.)
      if (root.empty()) root.assign(1, '-');
      int from = best->words.empty() ? best->trigger : best->words.front();
      for (int k = from; k < best->end && k < n; ++k) {
        if (consumed[k].empty()) consumed[k] = root;
      }
      for (int w : best->words) consumed[w] = root;
    }
    matches.push_back(*best);
  }
  return matches;
}

}  // namespace dragoman::events_internal
