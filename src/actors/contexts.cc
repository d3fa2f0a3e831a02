// Contexts: what a sentence's mentions take from around them once the phrases are parsed:
// generic actors ("the police") and the document's country for organs of a state, a country
// joined to its own organisation, institutions remembered for later sentences, and the country
// an ethnic group lives in; honorifics joined to the person after them.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "actors/resolver_impl.h"

namespace dragoman {

// The helpers are this stage's own (resolver_impl.h).
using namespace resolver_internal;  // NOLINT(build/namespaces)

// A role or institution that names no country and no known person ("the police", "a court",
// "prosecutors", "rebels", "the company"): a generic actor of the role's sector, when
// generic.txt lists the sector. It is coded by its sector alone here ("COP", "REB"), which
// says who acted without inventing a country; GenericCountries() later gives the organs of a
// state a country.
void ActorResolver::Impl::GenericActor(ActorMention* m, std::vector<ActorMention>* out) {
  if (!GenericRole(m->head, m->actor.sector)) return;
  // A singular person role ("a spokesman", "the judge") is one unnamed person, and unnamed
  // officials of a government ("the two foreign ministers", "the envoys", "diplomats") are
  // people the text names nearby: neither stands for an institution.
  const Token& h = toks[m->head];
  const EntryKind head_kind = items[ItemContaining(m->head)].kind;
  if (head_kind == EntryKind::kPersonRole && h.norm == h.lemma) return;
  if (head_kind != EntryKind::kInstitution && m->actor.sector == "GOV") return;
  m->kind = Kind::kGeneric;
  FillRef(m, "", m->actor.sector);
  m->rule = "role:" + dict->entry(items[ItemContaining(m->head)].entry).source + "+generic";
  out->push_back(std::move(*m));
}

bool ActorResolver::Impl::GenericRole(int head, const std::string& sector) const {
  const Item& it = items[ItemContaining(head)];
  const int entry = IsRole(it.kind) ? it.entry : it.role_entry;
  return entry >= 0 && dict->IsGenericActorRole(sector, dict->entry(entry).phrase);
}

// Whether the token is written in capitals and spells the initials of the words of an
// institution's name, function words skipped ("MFA" for "ministry of foreign affairs of
// georgia": m, f, a are its first initials).
bool ActorResolver::Impl::IsInitialism(const Token& t, const std::string& words) const {
  if (t.end > doc.size() || t.end - t.begin < 2 || t.end - t.begin > 6) return false;
  const std::string_view raw = doc.substr(t.begin, t.end - t.begin);
  for (char c : raw) {
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  }
  std::string initials;
  size_t p = 0;
  while (p < words.size()) {
    size_t e = p;
    while (e < words.size() && std::isalpha(static_cast<unsigned char>(words[e]))) ++e;
    if (e > p) {
      std::string_view word(words.data() + p, e - p);
      if (!dict->lexicon().Has(w->definite_article, word) &&
          !dict->lexicon().Has(w->complement_preposition, word) &&
          !dict->lexicon().Has(w->coordinator, word)) {
        initials += word[0];
      }
    }
    p = e + 1;
  }
  return initials.size() >= raw.size() && initials.compare(0, raw.size(), Lower(raw)) == 0;
}

// The organs of a state (generic.txt "document") named without a country take the
// document's main country: the one its actors named most in earlier sentences; in a
// document's first sentence with a country (or a one-sentence document), the first country,
// capital or place the sentence names. "Police detained two men in Tehran" -> IRNCOP.
void ActorResolver::Impl::GenericCountries(std::vector<ActorMention>* out,
                                           size_t countried_before) const {
  // A generic actor, or a person named with a role but no country: coded by its sector alone.
  auto sector_only = [](const ActorMention& m) {
    return (m.kind == Kind::kGeneric || m.kind == Kind::kPerson) && m.actor.country.empty() &&
           m.members.empty() && !m.actor.sector.empty() && m.actor.code == m.actor.sector;
  };
  const bool wanted = std::any_of(out->begin(), out->end(), sector_only);
  if (!wanted) return;
  // An institution named before with its country: "the Ministry of Foreign Affairs of
  // Georgia ... The Ministry condemns ..." -> GEO, however often other countries are named.
  for (ActorMention& m : *out) {
    if (!sector_only(m) || m.kind != Kind::kGeneric) continue;
    const std::string entry = RoleEntry(m.rule);
    const std::string head = toks[m.head].lemma;
    for (auto it = institutions.rbegin(); it != institutions.rend(); ++it) {
      if (it->ref.sector != m.actor.sector) continue;
      if ((!entry.empty() && it->entry == entry) || HasWord(it->words, head) ||
          IsInitialism(toks[m.head], it->words)) {
        m.actor.country = it->ref.country;
        m.actor.code = it->ref.country + m.actor.sector;
        m.rule += ":seen:" + it->ref.country;
        break;
      }
    }
  }
  if (!std::any_of(out->begin(), out->end(), sector_only)) return;
  std::string country = DocumentCountry(countried_before);
  if (country.empty()) {
    for (const ActorMention& o : *out) {
      if (o.kind == Kind::kGeneric || o.actor.country.empty() || !o.members.empty()) continue;
      country = o.actor.country;
      break;
    }
  }
  if (country.empty()) return;
  for (ActorMention& m : *out) {
    if (!sector_only(m)) continue;
    if (dict->GenericPolicy(m.actor.sector) != ActorDictionary::GenericCountry::kDocument) {
      continue;
    }
    m.actor.country = country;
    m.actor.code = country + m.actor.sector;
    m.rule += ":" + country;
  }
}

void ActorResolver::Impl::JoinNationalOrganisations(std::vector<ActorMention>* out) const {
  for (size_t k = 0; k + 1 < out->size(); ++k) {
    ActorMention& a = (*out)[k];
    ActorMention& b = (*out)[k + 1];
    if (a.kind != Kind::kCountry || a.place || !a.members.empty() || a.actor.code.size() != 3) {
      continue;
    }
    if (b.kind != Kind::kIgo || b.actor.country != a.actor.country) continue;
    int gap = b.token_begin - a.token_end;
    if (gap != 0 && !(gap == 1 && W(a.token_end, w->possessive_clitic))) continue;
    b.token_begin = a.token_begin;
    b.actor.text = Text(b.token_begin, b.token_end);
    b.actor.begin = toks[b.token_begin].begin;
    b.rule += "+country";
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(k));
  }
}

void ActorResolver::Impl::Honorifics(std::vector<ActorMention>* out) const {
  int prev_end = 0;
  for (ActorMention& m : *out) {
    const int begin = m.token_begin;
    const bool person = m.kind == Kind::kPerson || m.kind == Kind::kRole ||
                        (m.kind == Kind::kGeneric && m.members.empty());
    if (person && begin > prev_end) {
      int j = begin;
      // "His Highness the Emir": the article between the honorific and the title.
      if (j - 1 > prev_end && W(j - 1, w->definite_article) && W(j - 2, w->honorific)) --j;
      int honorifics = 0;
      while (j > prev_end && W(j - 1, w->honorific)) {
        --j;
        ++honorifics;
      }
      if (honorifics > 0 && j > prev_end && W(j - 1, w->person_possessive)) --j;
      if (honorifics > 0) {
        m.token_begin = j;
        m.actor.text = Text(j, m.token_end);
        m.actor.begin = toks[j].begin;
        m.rule += "+honorific";
      }
    }
    prev_end = std::max(prev_end, m.token_end);
  }
}

void ActorResolver::Impl::NoteInstitutions(const std::vector<ActorMention>& out) {
  for (const ActorMention& m : out) {
    if (m.kind != Kind::kInstitution || m.actor.country.empty() || !m.members.empty()) continue;
    if (quoted[m.token_begin]) continue;
    institutions.push_back(SeenInstitution{RoleEntry(m.rule), Lower(m.actor.text), m.actor});
  }
}

std::string ActorResolver::Impl::DocumentCountry(size_t limit) const {
  limit = std::min(limit, countried.size());
  if (limit < counted) {  // never happens in order; recount rather than answer wrongly
    counted = 0;
    country_counts.clear();
  }
  for (; counted < limit; ++counted) {
    const std::string& c = countried[counted].country;
    if (c.empty()) continue;
    auto it = std::find_if(country_counts.begin(), country_counts.end(),
                           [&](const auto& e) { return e.first == c; });
    if (it == country_counts.end()) {
      country_counts.emplace_back(c, 1);
    } else {
      ++it->second;
    }
  }
  // The most named; on a tie, the one named first.
  std::string best;
  int best_count = 0;
  for (const auto& [c, n] : country_counts) {
    if (n > best_count) {
      best = c;
      best_count = n;
    }
  }
  return best;
}

// "ethnic Albanians in Serbia", "ethnic Turks ... Sweden's decision": CAMEO codes an ethnic
// group by the country it lives in, not by the country its name comes from. A mention right
// after the word "ethnic" takes the country of the sentence's first place mention of another
// country ("in Serbia"), else of its first other country or capital mention; with neither it
// keeps its own. The sector is kept ("ethnic Albanian guerrillas in Macedonia" -> MKDREB).
void ActorResolver::Impl::EthnicGroups(std::vector<ActorMention>* out) const {
  for (ActorMention& m : *out) {
    if (m.token_begin == 0 || !W(m.token_begin - 1, w->ethnic_marker)) continue;
    if (m.actor.country.empty() || !m.members.empty()) continue;
    const ActorRef* host = nullptr;
    for (int pass = 0; pass < 2 && !host; ++pass) {
      for (const ActorMention& o : *out) {
        if (&o == &m || o.actor.country.empty() || o.actor.country == m.actor.country) continue;
        bool fits = pass == 0 ? o.place : o.kind == Kind::kCountry || o.kind == Kind::kCapital;
        if (fits) {
          host = &o.actor;
          break;
        }
      }
    }
    if (!host) continue;
    m.actor.country = host->country;
    m.actor.code = host->country + m.actor.sector;
    m.rule += "+ethnic:" + host->country;
  }
}

}  // namespace dragoman
