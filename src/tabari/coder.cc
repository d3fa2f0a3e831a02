#include "tabari/coder.h"

#include <algorithm>
#include <cctype>

namespace dragoman::tabari {
namespace {

// '_' in text separates words too (it is the dictionaries' connector: "Dol_Amroth").
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '_';
}

bool IsConjunction(std::string_view t) { return t == "AND" || t == "BUT" || t == "OR"; }
bool IsDeterminer(std::string_view t) { return t == "THE" || t == "A" || t == "AN"; }
bool IsModal(std::string_view t) {
  return t == "SHOULD" || t == "WOULD" || t == "COULD" || t == "MIGHT" || t == "MUST" ||
         t == "SHALL" || t == "WILL" || t == "CAN" || t == "MAY" || t == "CA" || t == "WO";
}
bool IsPronoun(std::string_view t) {
  return t == "HE" || t == "SHE" || t == "IT" || t == "THEY" || t == "HIM" || t == "HER" ||
         t == "THEM" || t == "THEIR" || t == "ITS" || t == "HIS";
}

}  // namespace

int TabariCoder::MatchPhrase(const Phrase& p, int at, int end) const {
  int pos = at;
  size_t sub = 0;  // where the unmatched rest of a hyphenated toks_[pos] starts
  for (size_t k = 0; k < p.words.size(); ++k) {
    if (k > 0 && !p.adjacent[k] && sub == 0) {
      // A blank in an actor phrase lets other words intervene (not across a comma).
      while (pos < end && !toks_[pos].comma && !WordMatches(p.words[k], toks_[pos].text)) ++pos;
    }
    if (pos >= end || toks_[pos].comma) return 0;
    std::string_view tok = toks_[pos].text.substr(sub);
    // A hyphenated word also matches word by word a phrase joined by '_' ("Fen-Hollow" is
    // FEN_HOLLOW), while a dictionary word holding the hyphen ("IRON-GATE") matches it whole.
    size_t hyphen = toks_[pos].hyphen && k + 1 < p.words.size() && p.adjacent[k + 1]
                        ? tok.find('-')
                        : std::string_view::npos;
    if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < tok.size() &&
        WordMatches(p.words[k], tok.substr(0, hyphen))) {
      sub += hyphen + 1;
      continue;
    }
    if (!WordMatches(p.words[k], tok)) return 0;
    if (toks_[pos].possessive && k + 1 < p.words.size()) return 0;
    ++pos;
    sub = 0;
  }
  return sub == 0 ? pos - at : 0;
}

int TabariCoder::NpAt(int token) const {
  int i = np_start_[token];
  if (i < 0 || nps_[i].null) return -1;
  return i;
}

void TabariCoder::MarkNounPhrases(int begin, int end) {
  // Raw items before merging.
  struct Item {
    int begin, end;
    enum { kActor, kAgent, kPronoun, kNull } kind;
    std::vector<std::string> codes;
    bool prefix = false;
    bool gapped = false;  // words of the phrase were apart: the words between stay free
  };
  std::vector<Item> items;
  for (int i = begin; i < end;) {
    if (toks_[i].comma) {
      ++i;
      continue;
    }
    int best_actor = 0, best_agent = 0;
    const ActorEntry* actor = nullptr;
    const AgentEntry* agent = nullptr;
    cand_.clear();
    dict_.ActorCandidates(toks_[i].text, &cand_);
    size_t best_words = 0;
    for (int32_t c : cand_) {
      const ActorEntry& a = dict_.actors[c];
      int n = MatchPhrase(a.phrase, i, end);
      if (n == 0) continue;
      // Most words first, then the tightest span, then the earlier entry.
      size_t w = a.phrase.words.size();
      if (w > best_words || (w == best_words && n < best_actor) ||
          (w == best_words && n == best_actor && a.line < actor->line)) {
        best_words = w;
        best_actor = n;
        actor = &a;
      }
    }
    cand_.clear();
    dict_.AgentCandidates(toks_[i].text, &cand_);
    for (int32_t c : cand_) {
      int n = MatchPhrase(dict_.agents[c].phrase, i, end);
      if (n > best_agent) {
        best_agent = n;
        agent = &dict_.agents[c];
      }
    }
    bool gapped = actor && best_words < static_cast<size_t>(best_actor);
    if (actor && (best_actor >= best_agent || gapped)) {
      Item it{i, i + best_actor, Item::kActor, {}};
      it.gapped = gapped;
      const DatedCode* dc = dict_.ActorCode(*actor, date_);
      if (!dc) {
        it.kind = Item::kNull;
      } else {
        const DatedCode* last = dict_.actor_codes.data() + actor->codes_end;
        for (const DatedCode* p = dc; p < last && (p == dc || p->same_block); ++p)
          it.codes.push_back(p->code);
        if (it.codes[0] == "---") it.kind = Item::kNull;
        if (it.codes[0] == "###") discard_ = true;
        if (it.codes[0] == "+++") complex_ = true;
      }
      items.push_back(std::move(it));
      i += best_actor;
    } else if (agent) {
      Item it{i, i + best_agent, Item::kAgent, {agent->code}};
      it.prefix = agent->prefix;
      items.push_back(std::move(it));
      i += best_agent;
    } else if (IsPronoun(toks_[i].text)) {
      items.push_back(Item{i, i + 1, Item::kPronoun, {}});
      ++i;
    } else {
      ++i;
    }
  }

  // What a pronoun opening the next sentence stands for: this sentence's first actor, as
  // written (without agent or compound partners).
  NounPhrase next_ref;
  for (const Item& it : items)
    if (it.kind == Item::kActor && !it.codes.empty()) {
      next_ref.codes = {it.codes[0]};
      next_ref.member = {0};
      break;
    }

  // "Former" makes an agent an elite (TABARI's ~ELI): the agent right after it ("former
  // security officials", "Quarnia former generals") or the agent of the actor right after it
  // ("former Quarnia envoys") is coded ELI instead of its own code.
  auto former = [&](int t) { return t > begin && toks_[t - 1].text == "FORMER"; };
  for (size_t k = 0; k < items.size(); ++k) {
    Item& ag = items[k];
    if (ag.kind != Item::kAgent) continue;
    bool elite = false;
    if (former(ag.begin)) {
      elite = true;
      --ag.begin;
    } else if (k > 0 && items[k - 1].kind == Item::kActor && items[k - 1].end == ag.begin &&
               former(items[k - 1].begin)) {
      elite = true;
      --items[k - 1].begin;
    }
    if (elite) {
      ag.codes.assign(1, "ELI");
      ag.prefix = false;
    }
  }

  // Merge agents with actors: ACTOR AGENT, AGENT OF/IN ACTOR, AGENT ACTOR (and, with
  // Options::petrarch_rules, AGENT FROM ACTOR, AGENT ACTOR AGENT, X's ... AGENT).
  std::vector<Item> merged;
  const Item* spread = nullptr;  // PETRARCH: the agent of "AGENT OF A, B and C" goes to B, C
  for (size_t k = 0; k < items.size(); ++k) {
    Item it = items[k];
    auto combine = [](const std::string& actor, const Item& ag) {
      // An actor code that already carries the agent ("USAGOV" + GOV) keeps its code.
      if (actor.size() > 3 && actor.find(ag.codes[0], 3) != std::string::npos) return actor;
      if (actor == ag.codes[0]) return actor;
      return ag.prefix ? ag.codes[0] + actor : actor + ag.codes[0];
    };
    const bool petrarch = opt_->petrarch_rules;
    // PETRARCH: "Zembla's new Deputy Chancellor Marta", "Zembla's brave and able minister
    // Marta": a possessive actor, then only modifiers (determiners, adjectives,
    // capitalised words, "and"), then an agent make the possessor's agent; an actor right after
    // the agent is absorbed (the person named).
    size_t pos_agent = 0;
    if (petrarch && it.kind == Item::kActor && toks_[it.end - 1].possessive &&
        k + 1 < items.size() && items[k + 1].kind == Item::kAgent) {
      bool modifiers = true;
      for (int t = it.end; t < items[k + 1].begin && modifiers; ++t) {
        std::string_view w = toks_[t].text;
        modifiers = !toks_[t].comma &&
                    (IsDeterminer(w) || dict_.IsAdjective(w) || toks_[t].capitalized || w == "AND");
      }
      if (modifiers) pos_agent = k + 1;
    }
    if (pos_agent) {
      for (auto& c : it.codes) c = combine(c, items[pos_agent]);
      it.end = items[pos_agent].end;
      k = pos_agent;
      if (k + 1 < items.size() && items[k + 1].kind == Item::kActor &&
          items[k + 1].begin == it.end) {
        it.end = items[k + 1].end;
        ++k;
      }
    } else if (it.kind == Item::kActor && k + 1 < items.size() &&
               items[k + 1].kind == Item::kAgent && items[k + 1].begin == it.end) {
      for (auto& c : it.codes) c = combine(c, items[k + 1]);
      it.end = items[k + 1].end;
      ++k;
    } else if (it.kind == Item::kAgent && k + 1 < items.size() &&
               items[k + 1].kind == Item::kActor &&
               (items[k + 1].begin == it.end ||
                (items[k + 1].begin == it.end + 1 &&
                 (toks_[it.end].text == "OF" || toks_[it.end].text == "IN" ||
                  (petrarch && toks_[it.end].text == "FROM"))))) {
      Item ac = items[k + 1];
      for (auto& c : ac.codes) c = combine(c, it);
      ac.begin = it.begin;
      bool via_preposition = items[k + 1].begin == it.end + 1;
      const Item* agent_item = &items[k];
      it = std::move(ac);
      ++k;
      if (petrarch && via_preposition) {
        merged.push_back(std::move(it));
        spread = agent_item;
        continue;
      }
      // PETRARCH: "a relief agency Zembla diplomat": an agent on each side of the actor.
      if (petrarch && k + 1 < items.size() && items[k + 1].kind == Item::kAgent &&
          items[k + 1].begin == it.end) {
        for (auto& c : it.codes) c = combine(c, items[k + 1]);
        it.end = items[k + 1].end;
        ++k;
      }
    } else if (it.kind == Item::kAgent) {
      if (!opt_->convert_agent) continue;
      // SET: CONVERT AGENT: a lone agent is an actor of its own ("~MIL").
      it.kind = Item::kActor;
      const std::string& f = opt_->agent_filler;
      it.codes[0] = it.prefix ? it.codes[0] + f : f + it.codes[0];
    }
    if (spread && !merged.empty() && it.kind == Item::kActor && it.begin > merged.back().end) {
      // Only commas, "and" and determiners between the previous member and this one.
      bool list = true;
      for (int t = merged.back().end; t < it.begin && list; ++t)
        list = toks_[t].comma || toks_[t].text == "AND" || IsDeterminer(toks_[t].text);
      if (list) {
        for (auto& c2 : it.codes) c2 = combine(c2, *spread);
      } else {
        spread = nullptr;
      }
    } else if (spread && it.kind != Item::kActor) {
      spread = nullptr;
    }
    merged.push_back(std::move(it));
  }

  // Compounds: noun phrases separated only by "and", commas, determiners and adjectives.
  // "and" between two listed adjectives joins the adjectives, not actors ("Quarnia's grim and
  // bold envoy"); a possessive actor joins the actor right after it ("A and B's C").
  auto separator_gap = [&](int gb, int ge, bool* has_and) {
    for (int t = gb; t < ge; ++t) {
      std::string_view w = toks_[t].text;
      if (w == "AND" || w == "NOR") {
        if (t > gb && t + 1 < ge && dict_.IsAdjective(toks_[t - 1].text) &&
            dict_.IsAdjective(toks_[t + 1].text))
          return false;
        *has_and = true;
      } else if (!toks_[t].comma && !IsDeterminer(w) && !dict_.IsAdjective(w)) {
        return false;
      }
    }
    return ge > gb || (gb > 0 && toks_[gb - 1].possessive);
  };
  for (size_t k = 0; k < merged.size(); ++k) {
    const Item& it = merged[k];
    NounPhrase np;
    np.begin = it.begin;
    np.end = it.end;
    np.codes = it.codes;
    np.member.assign(it.codes.size(), 0);
    np.pronoun = it.kind == Item::kPronoun;
    np.null = it.kind == Item::kNull;
    if (np.pronoun) {
      // A pronoun stands for the sentence's first actor, its subject (the story's last actor
      // before any); `alt` keeps the most recent actor for when the subject is the very
      // source being coded ("Calenardhon urged Bree to assist it").
      const NounPhrase* first = nullptr;
      const NounPhrase* recent = nullptr;
      for (const auto& prev : nps_) {
        if (prev.null || prev.pronoun || prev.begin < sentence_begin_) continue;
        if (!first) first = &prev;
        recent = &prev;
      }
      const NounPhrase* ref = first ? first : &last_actor_;
      np.codes = ref->codes;
      np.member = ref->member;
      if (recent) {
        np.alt_codes = recent->codes;
        np.alt_member = recent->member;
      }
      std::string_view w = toks_[it.begin].text;
      np.possessive_pronoun = w == "ITS" || w == "THEIR" || w == "HIS";
      np.plural_possessive = w == "THEIR";
      if (np.codes.empty()) continue;
    }
    int idx = static_cast<int>(nps_.size());
    // The tokens the noun phrase covers; a member whose words were apart ("Durthang ... Orc")
    // covers only its ends, so verbs between still count.
    auto cover = [&](int b, int e, bool gapped) {
      if (gapped) {
        np_cover_[b] = np_cover_[e - 1] = idx;
      } else {
        for (int t = b; t < e; ++t) np_cover_[t] = idx;
      }
    };
    cover(it.begin, it.end, it.gapped);
    int members = 1;
    bool chain_and = false;
    while (!np.null && !np.pronoun && k + 1 < merged.size() && merged[k + 1].kind == Item::kActor) {
      bool has_and = false;
      if (!separator_gap(np.end, merged[k + 1].begin, &has_and)) break;
      // PETRARCH: members are joined by "and" or a comma ("the brave Zembla old Florin" is two).
      if (opt_->petrarch_rules) {
        bool joined = false;
        for (int t = np.end; t < merged[k + 1].begin && !joined; ++t)
          joined = toks_[t].comma || toks_[t].text == "AND" || toks_[t].text == "NOR";
        if (!joined) break;
      }
      chain_and = chain_and || has_and;
      // "A, B" only joins when an "and" is part of the list.
      if (!chain_and) {
        bool later_and = false;
        for (size_t m = k + 2; m < merged.size() && merged[m].kind == Item::kActor; ++m) {
          bool a = false;
          if (!separator_gap(merged[m - 1].end, merged[m].begin, &a)) break;
          if (a) {
            later_and = true;
            break;
          }
        }
        if (!later_and) break;
      }
      cover(np.end, merged[k + 1].begin, false);
      ++k;
      cover(merged[k].begin, merged[k].end, merged[k].gapped);
      for (const auto& c : merged[k].codes) {
        np.codes.push_back(c);
        np.member.push_back(members);
      }
      ++members;
      np.end = merged[k].end;
    }
    nps_.push_back(std::move(np));
    np_start_[nps_[idx].begin] = idx;
  }
  if (!next_ref.codes.empty()) last_actor_ = std::move(next_ref);
}

void TabariCoder::Emit(const NounPhrase& src, const NounPhrase& tgt, const VerbCode& code,
                       CodeResult* out) {
  int sm = src.member.empty() ? 0 : src.member.back() + 1;
  int tm = tgt.member.empty() ? 0 : tgt.member.back() + 1;
  for (int a = 0; a < sm; ++a)
    for (int b = 0; b < tm; ++b)
      for (size_t i = 0; i < src.codes.size(); ++i) {
        if (src.member[i] != a) continue;
        for (size_t j = 0; j < tgt.codes.size(); ++j) {
          if (tgt.member[j] != b || src.codes[i] == tgt.codes[j]) continue;
          out->events.push_back({src.codes[i], tgt.codes[j], code.code, date_, &code});
          if (!code.paired.empty())
            out->events.push_back({tgt.codes[j], src.codes[i], code.paired, date_, &code});
        }
      }
}

void TabariCoder::EmitCompound(const NounPhrase& np, const VerbCode& code, CodeResult* out) {
  const auto& c = np.codes;
  for (size_t a = 0; a < c.size(); ++a)
    for (size_t b = 0; b < c.size(); ++b) {
      if (c[a] == c[b]) continue;
      out->events.push_back({c[a], c[b], code.code, date_, &code});
      if (!code.paired.empty()) out->events.push_back({c[b], c[a], code.paired, date_, &code});
    }
}

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

void TabariCoder::CodeSentence(int begin, int end, CodeResult* out) {
  size_t first_event = out->events.size();
  dominant_begin_ = dominant_end_ = 0;
  CodeClauses(begin, end, out);
  auto& ev = out->events;
  // A dominant verb ("[031!]") that was coded is the sentence's only event.
  if (dominant_end_ > dominant_begin_) {
    ev.erase(ev.begin() + static_cast<std::ptrdiff_t>(dominant_end_), ev.end());
    ev.erase(ev.begin() + static_cast<std::ptrdiff_t>(first_event),
             ev.begin() + static_cast<std::ptrdiff_t>(dominant_begin_));
  }
  // The same event twice in one sentence is reported once.
  size_t w = first_event;
  for (size_t r = first_event; r < ev.size(); ++r) {
    bool dup = false;
    for (size_t k = first_event; k < w && !dup; ++k) dup = ev[k] == ev[r];
    if (!dup) {
      if (w != r) ev[w] = std::move(ev[r]);
      ++w;
    }
  }
  ev.resize(w);
}

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

void TabariCoder::Code(std::string_view text, int32_t date, const Options& options, CodeResult* out,
                       bool continue_story) {
  out->Clear();
  opt_ = &options;
  date_ = date;
  complex_ = discard_ = false;
  if (!continue_story) last_actor_ = NounPhrase();
  bool has_lower = false;
  for (char c : text)
    if (c >= 'a' && c <= 'z') {
      has_lower = true;
      break;
    }

  // Tokenize the whole story; upper_ holds the upper-cased words so that views stay valid.
  upper_.clear();
  upper_.reserve(text.size() + 16);
  toks_.clear();
  std::vector<std::pair<size_t, size_t>>& spans = spans_;
  spans.clear();
  terminated_ = false;  // the record ends with . ! or ?
  size_t i = 0;
  auto push = [&](std::string_view w, bool cap, bool comma, bool possessive) {
    size_t off = upper_.size();
    for (char c : w)
      upper_.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    spans.emplace_back(off, w.size());
    toks_.push_back(Token{{}, cap, comma, possessive, w.find('-') != std::string_view::npos});
  };
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    size_t st = i;
    // A comma directly followed by a letter ("Brown,arrived") also ends the word.
    while (i < text.size() && !IsSpace(text[i])) {
      ++i;
      if (text[i - 1] == ',' && i < text.size() &&
          std::isalpha(static_cast<unsigned char>(text[i])))
        break;
    }
    std::string_view w = text.substr(st, i - st);
    while (!w.empty() && std::string_view("\"'([`").find(w.front()) != std::string_view::npos)
      w.remove_prefix(1);
    bool comma = false, stop = false;
    while (!w.empty()) {
      char c = w.back();
      if (c == ',' || c == ';' || c == ':') {
        comma = true;
      } else if (c == '.' || c == '!' || c == '?') {
        // "U.S." keeps its final period and does not end the sentence.
        if (c == '.' && w.substr(0, w.size() - 1).find('.') != std::string_view::npos) break;
        stop = true;
      } else if (c != '"' && c != ')' && c != ']') {
        break;
      }
      w.remove_suffix(1);
    }
    bool possessive = false;
    if (w.size() >= 2 && (w.substr(w.size() - 2) == "'s" || w.substr(w.size() - 2) == "'S")) {
      w.remove_suffix(2);
      possessive = true;
    }
    if (!w.empty()) {
      bool cap = has_lower && std::isupper(static_cast<unsigned char>(w.front()));
      push(w, cap, false, possessive);
    }
    if (comma) push(",", false, true, false);
    if (!w.empty() || comma || stop) terminated_ = stop;
  }
  for (size_t k = 0; k < toks_.size(); ++k)
    toks_[k].text = std::string_view(upper_).substr(spans[k].first, spans[k].second);
  np_start_.assign(toks_.size(), -1);
  np_cover_.assign(toks_.size(), -1);

  // SET: MINIMUM WORDS: shorter records are not coded.
  if (options.minimum_words > 0) {
    int words = 0;
    for (const Token& t : toks_) words += !t.comma;
    if (words < options.minimum_words) {
      out->outcome = CodeResult::Outcome::kNoEvents;
      return;
    }
  }
  // Control characters (other than tab, line and page breaks) mark garbled text, such as a
  // table pasted from a wire feed: TABARI reports such a record as complex.
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || u == 0x7f) {
      complex_ = true;
      break;
    }
  }
  // <TIME> phrases coded ### or +++ discard or complex the record while time shifts are on.
  if (options.time_shift) {
    for (const TimeEntry& te : dict_.times) {
      if (te.special != "###" && te.special != "+++") continue;
      for (int k = 0; k < static_cast<int>(toks_.size()); ++k)
        if (MatchPhrase(te.phrase, k, static_cast<int>(toks_.size())) > 0) {
          (te.special == "###" ? discard_ : complex_) = true;
          break;
        }
    }
  }

  // TABARI codes a record as one sentence: a full stop inside it ends no sentence, and the
  // complexity limits count over the whole record.
  if (!discard_ && !complex_ && !toks_.empty())
    CodeSentence(0, static_cast<int>(toks_.size()), out);
  if (discard_) {
    out->events.clear();
    out->outcome = CodeResult::Outcome::kDiscard;
  } else if (complex_) {
    out->events.clear();
    out->outcome = CodeResult::Outcome::kComplex;
  } else {
    out->outcome =
        out->events.empty() ? CodeResult::Outcome::kNoEvents : CodeResult::Outcome::kEvents;
  }
}

}  // namespace dragoman::tabari
