// References: pronouns (he, we, they), plural nouns ("the two countries", "both sides") and
// the speaker of a quotation, resolved once the sentence's own mentions are known.
#include "actors/resolver_impl.h"

namespace dragoman {

// The helpers are this stage's own (resolver_impl.h).
using namespace resolver_internal;  // NOLINT(build/namespaces)

namespace {

// The actor `who` as the reference at `at` reports it: its codes and name, the reference's
// words and span.
ActorRef AsReference(ActorRef who, const ActorRef& at) {
  who.text = at.text;
  who.begin = at.begin;
  who.end = at.end;
  return who;
}

}  // namespace

// The pair a plural reference means. Two countries named earlier in the same sentence are
// that pair ("Azerbaijan and Iran said both sides ..."). Otherwise the document's principal
// pair (parties.cc: the two countries named most in earlier sentences, headline and lead
// counted twice, when a third is named less often than the second): a third party that urges
// "both parties" (named once, in that sentence) is not one of them. Otherwise the
// pair a plural reference of the last three sentences meant; failing that, the latest two
// countries named (one, when the document has named only one).
std::vector<ActorRef> ActorResolver::Impl::PluralPair() const {
  auto distinct_latest = [&](size_t from, size_t to) {
    std::vector<ActorRef> out;
    for (size_t k = to; k > from && out.size() < 2; --k) {
      const ActorRef& r = countried[k - 1];
      bool dup = r.country.empty();
      for (const auto& mm : out) dup = dup || mm.country == r.country;
      if (!dup) out.push_back(r);
    }
    return out;
  };
  auto first_seen = [&](const ActorRef& a) {
    for (size_t k = 0; k < countried.size(); ++k) {
      if (countried[k].country == a.country) return k;
    }
    return countried.size();
  };
  auto ordered = [&](std::vector<ActorRef> v) {
    std::sort(v.begin(), v.end(),
              [&](const ActorRef& a, const ActorRef& b) { return first_seen(a) < first_seen(b); });
    return v;
  };
  const size_t start = std::min(countried_sentence_start, countried.size());
  std::vector<ActorRef> here = distinct_latest(start, countried.size());
  if (here.size() == 2) return ordered(here);
  // The document's principal pair (parties.cc), each party as last named, this sentence's
  // mentions included.
  std::vector<ActorRef> pair = PrincipalPair();
  if (pair.size() == 2) {
    for (ActorRef& p : pair) {
      for (size_t k = countried.size(); k > start; --k) {
        if (countried[k - 1].country == p.country) {
          p = countried[k - 1];
          break;
        }
      }
    }
    return pair;
  }
  if (last_plural.size() == 2 && sentence_no - last_plural_sentence <= 3) return last_plural;
  // No clear pair: the latest two countries named.
  return ordered(distinct_latest(0, countried.size()));
}

void ActorResolver::Impl::ResolveReferences(std::vector<ActorMention>* out) {
  // References were recorded as kPronoun placeholders with rule "ref:<class>"; resolve them
  // now that the whole sentence's mentions are known.
  // The quote's speaker: the first person/institution mention outside the quotation.
  std::optional<ActorRef> speaker;
  bool has_quote = false;
  for (size_t k = 0; k < quoted.size(); ++k) has_quote = has_quote || quoted[k];
  if (has_quote) {
    for (const ActorMention& m : *out) {
      if (quoted[m.token_begin] || m.actor.code.empty()) continue;
      if (m.kind == Kind::kPerson || m.kind == Kind::kRole || m.kind == Kind::kInstitution ||
          (m.kind == Kind::kPronoun && m.rule == "ref:person")) {
        speaker = m.actor;
        break;
      }
    }
    if (!speaker && quoted.back()) speaker = quote_speaker;  // quote continues
    // A quotation that opens the sentence and names no speaker outside it belongs to the
    // previous sentence's subject: news quote in a new paragraph the person they just reported
    // ("X spoke to reporters, saying ..." / "“We agreed to ...”").
    if (!speaker && !quoted.empty() && quoted.front()) speaker = prev_subject;
  }
  for (ActorMention& m : *out) {
    if (m.kind != Kind::kPronoun || m.rule != "ref:speaker") continue;
    std::optional<ActorRef> who;
    if (quoted[m.token_begin] && speaker) {
      who = speaker;
      m.rule = "ref:speaker:quote";
    } else if (issuer) {
      who = issuer;
      m.rule = "ref:speaker:issuer";
    }
    if (!who) {
      m.actor.code.clear();
      continue;
    }
    ActorRef r = AsReference(*who, m.actor);
    // "our country" -> the country alone.
    if (m.token_end - m.token_begin > 1 && !r.country.empty()) {
      r.code = r.country;
      r.sector.clear();
      r.name.clear();
      m.rule += ":country";
    }
    m.actor = r;
  }
  if (speaker) quote_speaker = speaker;
  out->erase(std::remove_if(out->begin(), out->end(),
                            [](const ActorMention& m) { return m.actor.code.empty(); }),
             out->end());
}

int ActorResolver::Impl::ParseReference(int i, std::vector<ActorMention>* out_ptr) {
  std::vector<ActorMention>& out = *out_ptr;
  const int n = static_cast<int>(toks.size());
  const Item& it = items[item_at[i]];
  const DictEntry& e = dict->entry(it.entry);
  ActorMention m;
  m.kind = Kind::kPronoun;
  m.token_begin = i;
  m.token_end = it.end;
  m.head = i;
  m.actor.text = Text(i, it.end);
  m.actor.begin = toks[i].begin;
  m.actor.end = toks[it.end - 1].end;
  int next = it.end;
  switch (e.ref) {
    case RefClass::kPerson: {
      // "his Iranian counterpart": a determiner of the following phrase, not a mention.
      // "His Excellency ...": an honorific, part of the mention that follows (Honorifics).
      if (W(i, w->person_possessive) && next < n && W(next, w->honorific)) break;
      bool det = W(i, w->person_possessive) && next < n &&
                 (item_at[next] >= 0 || toks[next].has(Token::kCapitalized));
      if (det && item_at[next] >= 0 &&
          items[item_at[next]].kind != EntryKind::kReference) {
        break;
      }
      auto p = PersonFor(i, out);
      if (p) {
        ActorRef r = AsReference(*p, m.actor);
        m.actor = r;
        m.rule = "ref:person";
        out.push_back(std::move(m));
      }
      break;
    }
    case RefClass::kSpeaker: {
      // "our country", "our state" -> the speaker's country.
      if (W(i, w->speaker_possessive) && next < n &&
          W(next, w->homeland_noun)) {
        m.token_end = next + 1;
        m.actor.text = Text(i, next + 1);
        m.actor.end = toks[next].end;
        m.head = next;
        next = next + 1;
      } else if (W(i, w->speaker_possessive) && next < n && item_at[next] >= 0 &&
                 items[item_at[next]].kind != EntryKind::kReference) {
        break;  // "our border": a determiner
      }
      m.actor.code = "?";  // resolved in ResolveReferences
      m.rule = "ref:speaker";
      out.push_back(std::move(m));
      break;
    }
    case RefClass::kPlural:
    case RefClass::kPluralCountry:
    case RefClass::kPluralSide:
    case RefClass::kPluralPerson: {
      if (e.ref != RefClass::kPlural) {
        bool det = i > 0 && W(i - 1, w->plural_determiner);
        if (!det || (next < n && W(next, w->preposition_of))) break;
        // "the Conference of the Parties": a capitalised plural is part of a name.
        if (toks[i].has(Token::kCapitalized) && !heading) break;
        if (i > 0) {
          m.token_begin =
              W(i - 1, w->pair_word) && i > 1 && W(i - 2, w->definite_article) ? i - 2 : i - 1;
          m.actor.text = Text(m.token_begin, m.token_end);
          m.actor.begin = toks[m.token_begin].begin;
        }
      }
      if (e.ref == RefClass::kPlural) {
        // "Iranian citizens ... have their rights": a plural phrase earlier in the sentence.
        const ActorMention* group = nullptr;
        for (auto r = out.rbegin(); r != out.rend(); ++r) {
          if (r->token_end > i || r->place || r->kind == Kind::kPronoun) continue;
          const Token& h = toks[r->head];
          if (!r->members.empty() || (h.norm != h.lemma && r->kind != Kind::kPerson)) {
            group = &*r;
          }
          break;
        }
        if (group) {
          ActorRef first = AsReference(group->actor, m.actor);
          m.actor = first;
          m.members = group->members;
          m.rule = "ref:plural:same-sentence";
          out.push_back(std::move(m));
          break;
        }
      }
      std::vector<ActorRef> members;
      if (e.ref == RefClass::kPlural && !last_plural.empty() &&
          sentence_no - last_plural_sentence <= 3) {
        members = last_plural;
      } else {
        members = PluralPair();
      }
      if (members.empty()) break;
      for (ActorRef& r : members) {
        if (e.ref == RefClass::kPluralCountry) {
          r.code = r.country;
          r.sector.clear();
          r.name.clear();
        } else if (e.ref == RefClass::kPluralSide) {
          r.sector = "GOV";
          r.code = r.country + "GOV";
          r.name.clear();
        }
      }
      ActorRef first = AsReference(members[0], m.actor);
      m.actor = first;
      if (members.size() > 1) m.members = members;
      m.kind = e.ref == RefClass::kPlural ? Kind::kPronoun : Kind::kGeneric;
      m.rule = e.ref == RefClass::kPlural ? "ref:plural" : "ref:plural-noun";
      if (members.size() > 1) {
        last_plural = members;
        last_plural_sentence = sentence_no;
      }
      // Drop an overlapping previous mention ("the" was not one, so only references).
      out.push_back(std::move(m));
      break;
    }
    case RefClass::kThing: {
      // "The ministry issued a statement. It also accused X of ...": a sentence-opening "it" is
      // the previous sentence's subject when that was a country, a government or an
      // organisation; not when "it" opens an impersonal clause ("It is unclear", "It remains to
      // be seen", "It will be difficult": `impersonal_verb` after `it_skip` words).
      if (i != 0 || !prev_body) break;
      int k = next;
      while (k < n && k - next < 3 && W(k, w->it_skip)) ++k;
      if (k >= n || W(k, w->impersonal_verb) || !toks[k].has(Token::kVerbForm)) break;
      ActorRef r = AsReference(*prev_body, m.actor);
      m.actor = r;
      m.rule = "ref:thing";
      out.push_back(std::move(m));
      break;
    }
  }
  return next;
}

}  // namespace dragoman
