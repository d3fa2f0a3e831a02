// TabariCoder, steps 3 and 4 (coder.h): coding one sentence's clauses. Comma-delimited asides
// are dropped, verbs found (discard, complex and COMPLEX: limits applied), the sentence split
// into clauses at conjunctions, and in each clause the first verb that yields a code is coded:
// its patterns tried, its source and target found (inherited source, defaults, pronouns,
// passive voice, compound splits), weak attribution verbs coded last.
#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "tabari/coder.h"
#include "tabari/coder_internal.h"

namespace dragoman::tabari {
using coder_internal::IsDeterminer;

namespace {

bool IsConjunction(std::string_view t) { return t == "AND" || t == "BUT" || t == "OR"; }
bool IsModal(std::string_view t) {
  return t == "SHOULD" || t == "WOULD" || t == "COULD" || t == "MIGHT" || t == "MUST" ||
         t == "SHALL" || t == "WILL" || t == "CAN" || t == "MAY" || t == "CA" || t == "WO";
}

}  // namespace

void TabariCoder::CodeClauses(int begin, int end, CodeResult* out) {
  sentence_begin_ = begin;
  sentence_end_ = end;
  nps_.clear();
  for (int t = begin; t < end; ++t) np_start_[t] = np_cover_[t] = -1;
  if (opt_->comma_on) {
    // Comma-delimited asides are dropped before coding (TABARI's COMMA: rule): a middle
    // segment of MIN..MAX words, a final one of EMIN..EMAX, an opening one of BMIN..BMAX.
    // A segment that is only an item of an actor list ("A, the grim B, and C") is no aside,
    // and the commas of such a list delimit no segment.
    NounPhrase saved = last_actor_;
    MarkNounPhrases(begin, end);
    last_actor_ = saved;
    // Only actors (with articles, listed adjectives, "and"): an item of an actor list.
    auto list_only = [&](int b, int e) {
      bool actor = false;
      for (int t = b; t < e; ++t) {
        std::string_view w = toks_[t].text;
        if (np_cover_[t] >= 0)
          actor = true;
        else if (!IsDeterminer(w) && !dict_.IsAdjective(w) && w != "AND" && w != "OR" && w != "NOR")
          return false;
      }
      return actor;
    };
    // A comma inside a compound actor list, after an item that does not close the list with
    // "and" ("A, the grim B, and C"), delimits no segment.
    std::vector<int>& commas = comma_pos_;
    commas.clear();
    for (int t = begin, seg = begin; t < end; ++t) {
      if (!toks_[t].comma) continue;
      // PETRARCH's parse keeps every comma of an actor list inside its noun phrase.
      bool list_comma = np_cover_[t] >= 0 && (opt_->petrarch_rules || list_only(seg, t));
      for (int k = seg; list_comma && k < t; ++k) list_comma = !IsConjunction(toks_[k].text);
      if (!list_comma) commas.push_back(t);
      seg = t + 1;
    }
    if (!commas.empty()) {
      std::vector<char>& drop = drop_;
      drop.assign(end - begin, 0);
      auto mark = [&](int b, int e) {  // drops [b, e) and the comma at e (or b-1)
        for (int t = b; t < e; ++t) drop[t - begin] = 1;
      };
      auto words = [&](int b, int e) {
        int n = 0;
        for (int t = b; t < e; ++t) n += !toks_[t].comma;
        return n;
      };
      // An aside: lo..hi words, not an item of an actor list.
      auto aside = [&](int b, int e, int lo, int hi) {
        int n = words(b, e);
        return n >= lo && n <= hi && !list_only(b, e);
      };
      if (aside(begin, commas.front(), opt_->comma_bmin, opt_->comma_bmax))
        mark(begin, commas.front() + 1);
      bool last_comma_used = false;  // it closed a dropped middle aside
      for (size_t c = 0; c + 1 < commas.size(); ++c) {
        if (aside(commas[c] + 1, commas[c + 1], opt_->comma_min, opt_->comma_max)) {
          mark(commas[c], commas[c + 1]);
          last_comma_used = c + 2 == commas.size();
        }
      }
      // The final segment only counts as one in a sentence closed by its full stop, and not
      // after a middle aside ("X, in remarks on Monday, urged Y to respond." keeps its verb).
      if (terminated_ && !last_comma_used &&
          aside(commas.back() + 1, end, opt_->comma_emin, opt_->comma_emax))
        mark(commas.back(), end);
      int w = begin;
      for (int t = begin; t < end; ++t) {
        if (drop[t - begin]) continue;
        if (w != t) {
          toks_[w] = toks_[t];
        }
        ++w;
      }
      end = w;
      sentence_end_ = end;
    }
    nps_.clear();
    for (int t = begin; t < end; ++t) np_start_[t] = np_cover_[t] = -1;
  }
  MarkNounPhrases(begin, end);

  // Verbs.
  verbs_.clear();
  for (int i = begin; i < end; ++i) {
    if (toks_[i].comma || toks_[i].possessive || np_cover_[i] >= 0) continue;
    // PETRARCH takes verbs from the parse, where a modal ("should have acted") is not one.
    if (opt_->petrarch_rules && IsModal(toks_[i].text)) continue;
    cand_.clear();
    dict_.VerbCandidates(toks_[i].text, &cand_);
    int best = 0;
    int32_t group = -1;
    for (int32_t c : cand_) {
      int n = MatchPhrase(dict_.verbs[c].phrase, i, end);
      if (n > best) {
        best = n;
        group = dict_.verbs[c].group;
      }
    }
    if (group < 0) continue;
    const VerbCode& vc = dict_.verb_groups[group].code;
    if (vc.discard()) {
      discard_ = true;
      return;
    }
    bool noun =
        (i > begin && IsDeterminer(toks_[i - 1].text)) || (i > begin && toks_[i].capitalized);
    if (noun) continue;
    if (vc.complex() && dict_.verb_groups[group].patterns.empty()) {
      complex_ = true;
      return;
    }
    verbs_.push_back(VerbHit{i, i + best, group});
    i += best - 1;
  }
  if (discard_ || complex_) return;
  // "New looting and burning raids": a verb right before "and"/"or" whose next word is
  // neither a verb, an actor, an article nor a listed adjective is a noun coordinated with
  // that word, and the conjunction ends no clause.
  size_t kept = 0;
  for (size_t q = 0; q < verbs_.size(); ++q) {
    const VerbHit h = verbs_[q];
    int c = h.end, k = h.end + 1;
    bool noun = k < end && np_cover_[c] < 0 && (toks_[c].text == "AND" || toks_[c].text == "OR") &&
                !(q + 1 < verbs_.size() && verbs_[q + 1].begin == k) && np_cover_[k] < 0 &&
                !toks_[k].comma && !IsDeterminer(toks_[k].text) &&
                !dict_.IsAdjective(toks_[k].text);
    if (noun)
      toks_[c].noun_conj = true;
    else
      verbs_[kept++] = h;
  }
  verbs_.resize(kept);
  if (opt_->complex_verbs > 0 && static_cast<int>(verbs_.size()) >= opt_->complex_verbs) {
    complex_ = true;
    return;
  }
  int conj = 0;
  for (int i = begin; i < end; ++i)
    if (np_cover_[i] < 0 && IsConjunction(toks_[i].text)) ++conj;
  if (opt_->complex_conj > 0 && conj >= opt_->complex_conj) {
    complex_ = true;
    return;
  }

  // Clauses: split at conjunctions outside noun phrases.
  int clause_begin = begin;
  NounPhrase inherited;       // the source of the previous clause's event
  int inherited_end = begin;  // the token after it, where it was in the sentence
  bool sentence_done = false;
  size_t v = 0;
  while (clause_begin < end && !sentence_done) {
    // A conjunction inside a verb phrase ("SHOT_AND_WOUND"), between two adjectives of the
    // <ADJECTIVE> list ("grim and bold"), or inside a noun phrase of the <NOUN>/<ADJECTIVE>
    // lists ("pebbles and grim bold boulders") does not end the clause.
    auto in_verb = [&](int t) {
      if (toks_[t].noun_conj) return true;
      for (const VerbHit& h : verbs_)
        if (h.begin < t && t < h.end) return true;
      if (t > begin && t + 1 < end && !toks_[t - 1].comma && !toks_[t + 1].comma) {
        std::string_view a = toks_[t - 1].text;
        bool a_noun = dict_.IsNoun(a), a_adj = dict_.IsAdjective(a);
        if (a_adj && dict_.IsAdjective(toks_[t + 1].text)) return true;
        // A noun phrase of the lists continues across the conjunction: "pebbles and grim bold
        // boulders" (a <NOUN> or <ADJECTIVE> word, then <ADJECTIVE> words up to a <NOUN>).
        if (a_noun || a_adj) {
          int k = t + 1;
          while (k < end && !toks_[k].comma && dict_.IsAdjective(toks_[k].text)) ++k;
          if (k < end && !toks_[k].comma && dict_.IsNoun(toks_[k].text)) return true;
        }
      }
      return false;
    };
    int clause_end = clause_begin;
    while (clause_end < end &&
           !(np_cover_[clause_end] < 0 && IsConjunction(toks_[clause_end].text) &&
             clause_end > clause_begin && !in_verb(clause_end)))
      ++clause_end;
    if (clause_end < end) ++clause_end;  // the conjunction closes the clause

    const VerbHit* weak = nullptr;
    bool coded = false;
    for (; v < verbs_.size() && verbs_[v].begin < clause_end; ++v) {
      const VerbHit& hit = verbs_[v];
      const VerbGroup& g = dict_.verb_groups[hit.group];
      const VerbCode* code = &g.code;
      int after = hit.end;  // where the target search starts: after the matched pattern
      cap_source_ = cap_target_ = cap_compound_ = -1;
      for (const Pattern& p : g.patterns) {
        int e = 0;
        bool lower_ok = p.lower.empty();
        // The lower part ends at (or, with gaps allowed, before) the verb; try the start
        // nearest the verb first.
        for (int st = hit.begin - 1; !lower_ok && st >= begin; --st) {
          cap_source_ = cap_target_ = cap_compound_ = -1;
          lower_ok =
              MatchSeq(p.lower, 0, st, hit.begin, true, p.lower_adjacent ? hit.begin : -1, &e);
        }
        if (p.lower.empty()) cap_source_ = cap_target_ = cap_compound_ = -1;
        if (!lower_ok) continue;
        if (p.upper.empty() ||
            MatchSeq(p.upper, 0, hit.end, end, p.upper.front().adjacent, -1, &e)) {
          code = &p.code;
          if (!p.upper.empty()) after = e;
          break;
        }
      }
      if (code == &g.code) cap_source_ = cap_target_ = cap_compound_ = -1;
      if (code->discard()) {
        discard_ = true;
        return;
      }
      if (code->complex()) {
        complex_ = true;
        return;
      }
      if (code->null()) continue;
      if (code->weak && !weak) {
        weak = &hit;
        continue;
      }
      if (opt_->noactprior && opt_->default_source.empty()) {
        bool prior = false;
        for (int i = begin; i < hit.begin && !prior; ++i) prior = NpAt(i) >= 0;
        if (!prior) {
          complex_ = true;
          return;
        }
      }
      size_t before = out->events.size();
      if (cap_compound_ >= 0) {
        EmitCompound(nps_[cap_compound_], *code, out);
        coded = true;
      } else {
        // Source: the pattern's $, else the first actor before the verb in the clause, else
        // the source of the previous clause's event, else the DEFAULT: source, else the first
        // actor after the verb. An actor of an earlier clause that coded nothing is not
        // carried over: in "A wept and scolded B over C" B scolds C.
        int s = cap_source_, t = cap_target_;
        const NounPhrase* src = nullptr;
        for (int i = clause_begin; s < 0 && i < hit.begin; ++i)
          if (NpAt(i) >= 0 && NpAt(i) != t) s = NpAt(i);
        if (s < 0 && !inherited.codes.empty()) src = &inherited;
        // PETRARCH's parse keeps the sentence's subject: under its rules the first actor
        // before the verb anywhere in the sentence is the source ("A's losses and toll rose").
        for (int i = begin; opt_->petrarch_rules && s < 0 && !src && i < hit.begin; ++i)
          if (NpAt(i) >= 0 && NpAt(i) != t) s = NpAt(i);
        NounPhrase def_src, def_tgt, split_src, split_tgt;
        if (s < 0 && !src && !opt_->default_source.empty() && opt_->default_source_prior) {
          def_src.codes = {opt_->default_source};
          def_src.member = {0};
          src = &def_src;
        }
        bool source_after = false;
        for (int i = hit.end; s < 0 && !src && i < end; ++i)
          if (NpAt(i) >= 0 && NpAt(i) != t) {
            s = NpAt(i);
            source_after = t < 0;
          }
        if (s >= 0) src = &nps_[s];
        // Target: the first actor after the pattern that is not the source itself; a pronoun
        // standing for the source means the most recent other actor instead (a possessive
        // one, "its embassy", is skipped).
        NounPhrase pron_tgt;
        auto usable = [&](int np) {
          if (np < 0 || np == s) return false;
          const NounPhrase& c = nps_[np];
          if (!src || c.codes != src->codes) return true;
          // "Their" standing for a compound source makes the compound its own target (each
          // member acts on the others); "its", "his" standing for the source are passed over.
          // PETRARCH's parse never makes a possessive pronoun the target.
          if (c.pronoun && c.plural_possessive && !opt_->petrarch_rules && src->member.size() > 1 &&
              src->member.back() > 0)
            return true;
          if (!c.pronoun || c.possessive_pronoun || c.alt_codes.empty() ||
              c.alt_codes == src->codes)
            return false;
          pron_tgt.codes = c.alt_codes;
          pron_tgt.member = c.alt_member;
          return true;
        };
        // Search the clause after the verb (to the end of the matched pattern if that is
        // longer), then between the source and the verb ("Red Cross accepts that the Secretary
        // General might affirm").
        int tend = std::max(clause_end, after);
        for (int i = hit.end; t < 0 && i < tend; ++i)
          if (usable(NpAt(i))) t = NpAt(i);
        if (t < 0 && s >= 0 && !source_after)
          for (int i = hit.begin - 1; t < 0 && i >= nps_[s].end; --i)
            if (usable(NpAt(i))) t = NpAt(i);
        const NounPhrase* tgt = t >= 0 ? (pron_tgt.codes.empty() ? &nps_[t] : &pron_tgt) : nullptr;
        // Passive voice: "X was opposed by Y" codes Y acting on X.
        if (src && tgt && cap_source_ < 0 && cap_target_ < 0 && s >= 0 &&
            nps_[s].end <= hit.begin && t >= 0 && nps_[t].begin >= hit.end) {
          bool be = false, by = false;
          for (int i = std::max(begin, hit.begin - 3); i < hit.begin; ++i) {
            std::string_view w = toks_[i].text;
            be = be || w == "WAS" || w == "WERE" || w == "BEEN" || w == "IS" || w == "ARE" ||
                 w == "BE";
          }
          for (int i = hit.end; i < nps_[t].begin && i < hit.end + 3; ++i)
            by = by || toks_[i].text == "BY";
          if (be && by && nps_[t].begin - hit.end <= 3) std::swap(src, tgt);
        }
        if (!src) continue;
        // No target: a compound source splits into its first member acting on the others
        // (always when the source came from after the verb), else the default target.
        bool can_split = src->member.size() > 1 && src->member.back() > 0;
        if ((!tgt || source_after) && can_split &&
            (source_after || !opt_->default_target_after || opt_->default_target.empty())) {
          for (size_t i = 0; i < src->codes.size(); ++i) {
            NounPhrase& part = src->member[i] == 0 ? split_src : split_tgt;
            part.codes.push_back(src->codes[i]);
            part.member.push_back(src->member[i] == 0 ? 0 : src->member[i] - 1);
          }
          src = &split_src;
          tgt = &split_tgt;
        }
        if (!tgt && !opt_->default_target.empty()) {
          def_tgt.codes = {opt_->default_target};
          def_tgt.member = {0};
          tgt = &def_tgt;
        }
        if (src && !tgt && !opt_->require_dyad) {
          def_tgt.codes = {"---"};  // PETRARCH's require_dyad = false: no target, still coded
          def_tgt.member = {0};
          tgt = &def_tgt;
        }
        if (!src || !tgt) continue;
        if (src != &inherited) {
          inherited = *src;
          inherited_end = s >= 0 ? nps_[s].end : begin;
        }
        Emit(*src, *tgt, *code, out);
        coded = true;
      }
      if (code->dominant && dominant_end_ == dominant_begin_ && out->events.size() > before) {
        dominant_begin_ = before;
        dominant_end_ = out->events.size();
      }
      if (opt_->code_by == Options::CodeBy::kAll) continue;
      ++v;
      break;
    }
    if (!coded && weak) {
      // An attribution verb with nothing stronger in its clause is coded itself.
      const VerbHit& hit = *weak;
      const VerbCode& code = dict_.verb_groups[hit.group].code;
      int s = -1, t = -1;
      for (int i = clause_begin; i < hit.begin && s < 0; ++i)
        if (NpAt(i) >= 0) s = NpAt(i);
      const NounPhrase* src = s >= 0 ? &nps_[s] : (inherited.codes.empty() ? nullptr : &inherited);
      int src_end = s >= 0 ? nps_[s].end : inherited_end;
      // The target: the first other actor after the verb (a pronoun standing for the source
      // is passed over), else the nearest one between the source and the verb.
      auto other = [&](int np) { return np >= 0 && np != s && nps_[np].codes != src->codes; };
      for (int i = hit.end; src && i < end && t < 0; ++i)
        if (other(NpAt(i))) t = NpAt(i);
      for (int i = hit.begin - 1; src && t < 0 && i >= src_end; --i)
        if (other(NpAt(i))) t = NpAt(i);
      NounPhrase none;
      none.codes = {"---"};
      none.member = {0};
      if (src && (t >= 0 || !opt_->require_dyad)) {
        Emit(*src, t >= 0 ? nps_[t] : none, code, out);
        coded = true;
        if (src != &inherited) {
          inherited = *src;
          inherited_end = src_end;
        }
      }
    }
    if (coded && opt_->code_by == Options::CodeBy::kSentence) sentence_done = true;
    // Verbs left in this clause are not coded.
    while (v < verbs_.size() && verbs_[v].begin < clause_end) ++v;
    clause_begin = clause_end;
  }
}

}  // namespace dragoman::tabari
