// TabariCoder, step 2 (coder.h): marking the noun phrases of a sentence. Actor and agent
// phrases are matched at each token (longest first), agents merged with their actors, "former"
// agents made elites, pronouns dereferenced, and actors joined by "and" and commas made
// compounds.
#include <string>
#include <utility>
#include <vector>

#include "tabari/coder.h"
#include "tabari/coder_internal.h"

namespace dragoman::tabari {
using coder_internal::IsDeterminer;

namespace {

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

}  // namespace dragoman::tabari
