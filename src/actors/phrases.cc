// Phrases: items combined into actor noun phrases, left to right, never overlapping:
//   [COUNTRY-mod ('s)]* [ROLE]* [(of|to|for) [the] COMPLEMENT]* [NAME] [, [the] ROLE-CHAIN]
// (generic actors, organisations, ethnic groups: contexts.cc).
#include "actors/resolver_impl.h"

namespace dragoman {

// The helpers are this stage's own (resolver_impl.h).
using namespace resolver_internal;  // NOLINT(build/namespaces)

// Parses [COUNTRY-mod]* [ROLE]* [(of|to|for) [the] COMPLEMENT]* from token i. Fills m's
// country/sector/org code; returns the end token (i when nothing was parsed).
int ActorResolver::Impl::ParseChain(int i, ActorMention* m, std::string* role_text, bool* has_role,
                                    EntryKind* head_kind, std::vector<std::string>* coord) {
  const int n = static_cast<int>(toks.size());
  std::string country, sector, org;
  int pos = i;
  int head = -1;
  bool any = false;
  // Modifiers.
  while (pos < n && item_at[pos] >= 0) {
    const Item& it = items[item_at[pos]];
    if (!IsCountryMod(it.kind)) break;
    if (any && it.role_entry >= 0) break;  // "Armenia's Security Council": a role here
    int after = it.end;
    bool poss = after < n && W(after, w->possessive_clitic);
    if (poss) ++after;
    // Coordinated demonyms: "Azerbaijani and Iranian foreign ministries".
    std::vector<std::string> coords;
    int q = after;
    // "Syria and Palestinian leader X" is two phrases: only demonyms coordinate.
    auto demonym_like = [](const Item& x) { return x.adjective; };
    while (!poss && demonym_like(it) && q + 1 < n && (W(q, w->coordinator) || Is(toks[q], ",")) &&
           item_at[q + 1] >= 0 && demonym_like(items[item_at[q + 1]])) {
      coords.push_back(dict->entry(items[item_at[q + 1]].entry).country);
      q = items[item_at[q + 1]].end;
    }
    // Coordination only counts when a role follows ("U.S. and Russian negotiators").
    if (!coords.empty() &&
        !(q < n && item_at[q] >= 0 &&
          (IsRole(items[item_at[q]].kind) || items[item_at[q]].role_entry >= 0))) {
      coords.clear();
    }
    int next = SkipWords(coords.empty() ? after : q);
    // A modifier needs something after it: a role, another modifier, or a name.
    bool followed =
        next < n && ((item_at[next] >= 0 &&
                      (IsRole(items[item_at[next]].kind) ||
                       (it.adjective && items[item_at[next]].kind == EntryKind::kPeople) ||
                       IsCountryMod(items[item_at[next]].kind) ||
                       items[item_at[next]].kind == EntryKind::kPerson)) ||
                     (NameEnd(next) > next && (poss || it.kind == EntryKind::kAdjective)));
    if (!followed) break;
    const DictEntry& e = dict->entry(it.entry);
    if (it.kind == EntryKind::kOrg) {
      if (org.empty() && country.empty()) {
        org = e.code;
        sector = e.sector;
        if (!e.country.empty()) country = e.country;
      }
    } else if (country.empty() && org.empty()) {
      country = e.country;
      if (coord) *coord = coords;
    }
    pos = next;
    any = true;
    head = it.end - 1;
  }
  // Roles.
  bool role = false;
  if (any) pos = SkipWords(pos);
  while (pos < n && item_at[pos] >= 0 &&
         (IsRole(items[item_at[pos]].kind) ||
          (items[item_at[pos]].role_entry >= 0 && (any || role)) ||
          (items[item_at[pos]].kind == EntryKind::kPeople && any && !role))) {
    const Item& it = items[item_at[pos]];
    // "Bosnian Serbs": a people noun after a demonym is that country's civilians.
    const int entry = IsRole(it.kind) || it.kind == EntryKind::kPeople ? it.entry : it.role_entry;
    DictEntry e = dict->entry(entry);
    if (e.kind == EntryKind::kPeople) {
      e.kind = EntryKind::kGroupRole;
      e.sector = "CVL";
    }
    if (!role && !org.empty() && (e.sector == "GOV" || e.sector.empty())) {
      // "UN Secretary-General": keep the organisation's sector.
    } else {
      sector = role ? Combine(sector, e.sector) : Combine(sector.empty() ? "" : sector, e.sector);
      if (!role && country.empty() && org.empty()) sector = e.sector;
    }
    if (!role_text->empty()) *role_text += " ";
    *role_text += Text(it.begin, it.end);
    *head_kind = e.kind;
    head = it.end - 1;
    pos = it.end;
    role = true;
    any = true;
    // "Foreign Ministry's press service": a possessive inside the chain.
    if (pos + 1 < n && W(pos, w->possessive_clitic) && item_at[pos + 1] >= 0 &&
        items[item_at[pos + 1]].kind == EntryKind::kInstitution) {
      ++pos;
    }
  }
  // Complements: "the President of Azerbaijan", "Assistant to the Azerbaijani President",
  // "spokesperson for Azerbaijan's Ministry of Foreign Affairs".
  while (role && pos + 1 < n &&
         (W(pos, w->complement_preposition) ||
          (W(pos, w->area_preposition) &&
           country.empty() && org.empty() && !Owned(i)))) {
    int q = pos + 1;
    if (q < n && W(q, w->definite_article)) ++q;
    if (q >= n || item_at[q] < 0) break;
    const Item& it = items[item_at[q]];
    // "rebels in the Ivory Coast", "police in Baku": only a country or a capital, and only for
    // a role without a country.
    if (!W(pos, w->complement_preposition) && it.kind != EntryKind::kCountry && it.kind != EntryKind::kCapital) {
      break;
    }
    if (!IsRole(it.kind) && !IsCountryMod(it.kind)) break;
    if (W(pos, w->preposition_to) && !IsRole(it.kind) && it.kind != EntryKind::kAdjective) {
      // "sent troops to Armenia": "to COUNTRY" after a role is a destination.
      break;
    }
    ActorMention sub;
    std::string sub_role;
    bool sub_has = false;
    EntryKind sub_kind = EntryKind::kInstitution;
    int end = ParseChain(q, &sub, &sub_role, &sub_has, &sub_kind, nullptr);
    if (end == q) {
      // A lone country or organisation: "the President of Azerbaijan".
      const DictEntry& e = dict->entry(it.entry);
      if (it.kind == EntryKind::kCountry || it.kind == EntryKind::kCapital) {
        sub.actor.country = e.country;
      } else if (it.kind == EntryKind::kOrg) {
        sub.actor.code = e.code;
        sub.actor.country = e.country;
        sub.actor.sector = e.sector;
      } else {
        break;
      }
      end = it.end;
    }
    if (country.empty() && org.empty()) {
      if (!sub.actor.country.empty()) {
        country = sub.actor.country;
      } else if (sub.actor.code.size() >= 3 &&
                 (sub.actor.code.rfind("IGO", 0) == 0 || sub.actor.code.rfind("NGO", 0) == 0)) {
        org = sub.actor.code;
      }
    }
    if (sub_has) sector = Combine(sector, sub.actor.sector);
    pos = end;
  }
  if (!any) return i;
  *has_role = role;
  m->head = head;
  if (!org.empty()) {
    m->actor.code = org;
    m->actor.country = country;
    m->actor.sector = sector;
  } else {
    m->actor.country = country;
    m->actor.sector = sector;
    m->actor.code = country.empty() ? "" : country + sector;
  }
  return pos;
}

int ActorResolver::Impl::ParsePhrase(int i, std::vector<ActorMention>* out) {
  const int n = static_cast<int>(toks.size());
  ActorMention m;
  m.token_begin = i;
  std::string role_text;
  bool has_role = false;
  EntryKind head_kind = EntryKind::kInstitution;
  std::vector<std::string> coord;
  int end = ParseChain(i, &m, &role_text, &has_role, &head_kind, &coord);
  const std::string chain_country = m.actor.country;
  const std::string chain_sector = m.actor.sector;
  const std::string chain_code = m.actor.code;

  // The name after the chain (or at i when there is no chain).
  int name_b = end, name_e = end;
  int dict_person = -1, learned_idx = -1;
  bool name_ok = false;
  if (end < n && item_at[end] >= 0 && items[item_at[end]].kind == EntryKind::kPerson) {
    const Item& it = items[item_at[end]];
    name_e = it.end;
    dict_person = it.entry >= 0 ? dict->entry(it.entry).person : -1;
    learned_idx = it.learned;
    // A known surname may be preceded in the text by a first name the dictionary lacks.
    name_ok = true;
  } else if (end > i && has_role && head_kind == EntryKind::kPersonRole && !heading) {
    // Title-case headings ("Foreign Minister Visits Baku") give no unknown names.
    name_e = NameEnd(end);
    name_ok = name_e > end;
    // "President Francois Mitterand": a known surname ends the run.
    for (int k = end; name_ok && k < name_e; ++k) {
      if (item_at[k] >= 0 && items[item_at[k]].kind == EntryKind::kPerson &&
          items[item_at[k]].end == name_e) {
        const Item& it = items[item_at[k]];
        dict_person = it.entry >= 0 ? dict->entry(it.entry).person : -1;
        learned_idx = it.learned;
        name_b = k;
      }
    }
  } else if (end > i && !has_role && m.actor.code.size() == 3 && NameEnd(end) > end) {
    // "Azerbaijani expert" is a role; "Azerbaijani Mahmud" is not. Only a demonym directly
    // before a known person reaches here (handled above), so this is not a name.
  }
  // ", [the] ROLE-CHAIN" appositive after a name, or ", Name" after a role.
  int appos_end = -1;
  ActorMention appos;
  std::string appos_role;
  bool appos_has = false;
  EntryKind appos_kind = EntryKind::kInstitution;
  if (end == i && !name_ok) {
    if (heading) return i;
    // No chain: an unknown capitalised name is only an actor with an appositive role.
    int ne = NameEnd(i);
    bool multi = ne - i >= 2 || i > 0;
    if (ne > i && multi && ne + 1 < n && Is(toks[ne], ",")) {
      int q = ne + 1;
      if (q < n && W(q, w->appositive_article)) ++q;
      int ce = ParseChain(q, &appos, &appos_role, &appos_has, &appos_kind, nullptr);
      if (ce > q && appos_has && !appos.actor.code.empty() &&
          appos_kind == EntryKind::kPersonRole) {
        name_b = i;
        name_e = ne;
        name_ok = true;
        appos_end = ce;
      }
    }
    if (!name_ok) return i;
  } else if (name_ok && name_e + 1 < n && Is(toks[name_e], ",")) {
    int q = name_e + 1;
    if (q < n && W(q, w->appositive_article)) ++q;
    int ce = ParseChain(q, &appos, &appos_role, &appos_has, &appos_kind, nullptr);
    if (ce > q && appos_has && !appos.actor.code.empty() && appos_kind == EntryKind::kPersonRole) {
      appos_end = ce;
    }
  } else if (!name_ok && has_role && head_kind == EntryKind::kPersonRole && end + 1 < n &&
             Is(toks[end], ",")) {
    // "his Iranian counterpart, Hossein Amir-Abdollahian,"
    int q = end + 1;
    if (item_at[q] >= 0 && items[item_at[q]].kind == EntryKind::kPerson) {
      name_b = q;
      name_e = items[item_at[q]].end;
      dict_person = items[item_at[q]].entry >= 0 ? dict->entry(items[item_at[q]].entry).person : -1;
      learned_idx = items[item_at[q]].learned;
      name_ok = true;
    } else {
      int ne = NameEnd(q);
      if (ne - q >= 2 && (ne == n || toks[ne].has(Token::kPunct))) {
        name_b = q;
        name_e = ne;
        name_ok = true;
      }
    }
  }

  // "the Bush administration", "Netanyahu's government": a person's government.
  if (name_ok && appos_end < 0 && name_e < n && item_at[name_e] >= 0 &&
      items[item_at[name_e]].kind == EntryKind::kInstitution &&
      (dict_person >= 0 || learned_idx >= 0)) {
    std::string country = learned_idx >= 0 ? learned[learned_idx].country
                                           : dict->CodePerson(dict_person, std::nullopt).country;
    if (country.empty() && dict_person >= 0) country = dict->person(dict_person).terms[0].country;
    const Item& inst = items[item_at[name_e]];
    if (country.size() == 3) {
      m.kind = Kind::kInstitution;
      m.token_end = inst.end;
      m.head = inst.end - 1;
      FillRef(&m, country, dict->entry(inst.entry).sector);
      m.rule = "institution:person's:" + dict->entry(inst.entry).source;
      out->push_back(std::move(m));
      return inst.end;
    }
  }
  if (name_ok) {
    // A person: country and sector from the text when it gives them, else from what is known.
    std::string country = chain_country, sector = chain_sector, role = role_text;
    std::string code_override;
    if (!chain_code.empty() && chain_code.rfind("IGO", 0) == 0) code_override = chain_code;
    if (appos_end > 0) {
      if (country.empty() && code_override.empty()) {
        country = appos.actor.country;
        if (appos.actor.code.rfind("IGO", 0) == 0) code_override = appos.actor.code;
      }
      if (sector.empty() || !has_role) sector = appos.actor.sector;
      if (!appos_role.empty()) role = appos_role;
    }
    std::string name;
    if (learned_idx >= 0) {
      const Learned& l = learned[learned_idx];
      if (country.empty() && code_override.empty()) country = l.country;
      if (sector.empty() && !has_role && appos_end < 0) sector = l.sector;
      if (role.empty()) role = l.role;
      name = l.name;
      dict_person = l.dict_person;
    } else if (dict_person >= 0) {
      PersonCoding c = dict->CodePerson(dict_person, date);
      // A learned coding (from this document's text) wins over the dictionary's.
      bool from_doc = false;
      for (const Learned& l : learned) {
        if (l.dict_person == dict_person) {
          if (country.empty()) country = l.country;
          if (sector.empty()) sector = l.sector;
          if (role.empty()) role = l.role;
          from_doc = true;
        }
      }
      if (country.empty() && code_override.empty()) country = c.country;
      if (sector.empty() && (!has_role || from_doc)) sector = c.sector;
      if (sector.empty() && has_role) sector = c.sector;
      if (role.empty()) role = c.role;
      name = dict->person(dict_person).name;
    } else {
      name = Text(name_b, name_e);
    }
    if (code_override.empty() && country.size() > 3 &&
        (country.rfind("IGO", 0) == 0 || country.rfind("NGO", 0) == 0)) {
      code_override = country;  // a UN Secretary-General and the like
      country.clear();
    }
    if (country.empty() && code_override.empty() &&
        ((!has_role && learned_idx < 0) || sector.empty() ||
         (has_role ? !GenericRole(m.head, sector)
                   : dict->GenericPolicy(sector) == ActorDictionary::GenericCountry::kNone))) {
      // A name with no country, and no role of a sector generic.txt lists: not codable.
      return end > i ? end : i + 1;
    }
    // A role and a name but no country ("Interior Minister Hans Berger", "Senator Ana Ruiz"):
    // coded by the role's sector alone, like a generic actor; GenericCountries() gives the
    // organs of a state the document's country.
    bool countryless = country.empty() && code_override.empty();
    // ... but a "name" that is itself a role word ("Deputy Speaker") is no name.
    for (int k = name_b; countryless && k < name_e; ++k) {
      if (item_at[k] >= 0 && IsRole(items[item_at[k]].kind)) return end > i ? end : i + 1;
    }
    // "former President X", "ousted leader Y": an elite, no longer in office.
    {
      int p = i - 1;
      if (p >= 0 && W(p, w->appositive_article)) --p;
      if (p >= 0 && W(p, w->former_marker)) {
        sector = "ELI";
      }
    }
    m.kind = Kind::kPerson;
    m.token_end = appos_end > 0 ? appos_end : name_e;
    m.head = name_e - 1;
    if (code_override.empty()) {
      FillRef(&m, country, sector);
    } else {
      FillRef(&m, "", sector);
      m.actor.code = code_override;
      m.actor.country = country;
    }
    m.actor.name = name;
    m.rule = dict_person >= 0 ? "person:" + dict->entry(items[item_at[name_b]].entry).source
                              : (learned_idx >= 0 ? "person:learned" : "person:text");
    if (dict_person < 0 && learned_idx < 0) m.rule = "person:role+name";
    if (countryless) m.rule += "+generic";
    if (learned_idx < 0 && (dict_person < 0 || has_role || appos_end > 0)) {
      LearnName(name_b, name_e, m.actor.country, sector, role, dict_person);
    }
    if (!code_override.empty()) m.actor.country = "";
    // A person without a country is not remembered for "the minister" or "the ministers",
    // which want people of known countries.
    if (!countryless) NotePerson(m, role);
    out->push_back(std::move(m));
    return out->back().token_end;
  }

  if (end == i) return i;  // nothing here
  // A chain without a name: a role, an institution, or a bare country / organisation.
  m.token_end = end;
  if (m.actor.code.empty()) {
    // A role without country: "the minister" -> the one person seen with that role; plural
    // "the ministers" -> the last two distinct-country people.
    if (has_role && head_kind == EntryKind::kPersonRole) {
      const Token& h = toks[m.head];
      bool plural = h.norm != h.lemma;
      bool det =
          i > 0 && W(i - 1, w->plural_determiner);
      if (plural && det && m.actor.sector == "GOV") {
        // "the envoys" of a document about one pair of countries: the officials of each
        // (parties.cc; not a third party's envoy named in between).
        std::vector<ActorRef> members = PairOfficials(m.actor.sector);
        for (auto it = persons.rbegin(); it != persons.rend() && members.size() < 2; ++it) {
          bool dup = false;
          for (const auto& mm : members)
            dup = dup || mm.country == it->ref.country || mm.name == it->ref.name;
          if (!dup) members.push_back(it->ref);
        }
        if (members.size() == 2) {
          auto first_seen = [&](const ActorRef& a) {
            for (size_t k = 0; k < persons.size(); ++k) {
              if (persons[k].ref.name == a.name && persons[k].ref.country == a.country) return k;
            }
            return persons.size();
          };
          std::sort(members.begin(), members.end(), [&](const ActorRef& a, const ActorRef& b) {
            return first_seen(a) < first_seen(b);
          });
          m.kind = Kind::kGeneric;
          m.actor = members[0];
          m.actor.text = Text(m.token_begin, m.token_end);
          m.actor.begin = toks[m.token_begin].begin;
          m.actor.end = toks[m.token_end - 1].end;
          m.members = members;
          m.rule = "plural:persons";
          last_plural = members;
          last_plural_sentence = sentence_no;
          out->push_back(std::move(m));
          return end;
        }
      } else if (!plural) {
        const Seen* found = UniqueSeen("", "", h.lemma);
        if (found) {
          m.kind = Kind::kRole;
          FillRef(&m, found->ref.country, found->ref.sector);
          m.actor.code = found->ref.code;
          m.actor.name = found->ref.name;
          m.rule = "role:seen-person";
          out->push_back(std::move(m));
          return end;
        }
      }
    }
    if (has_role) GenericActor(&m, out);
    return end;
  }
  const Item& first = items[item_at[i]];
  if (!has_role) {
    // A lone modifier parsed as chain (e.g. "Azerbaijan's" before a learned name handled
    // above); treat like the bare item below.
    return i;
  }
  m.kind = head_kind == EntryKind::kInstitution ? Kind::kInstitution : Kind::kRole;
  if (first.kind == EntryKind::kOrg && m.actor.code.rfind("IGO", 0) == 0) m.kind = Kind::kIgo;
  std::string code = m.actor.code;
  std::string country = m.actor.country, sector = m.actor.sector;
  FillRef(&m, country, sector);
  if (!code.empty() && code != country + sector) {
    m.actor.code = code;
    m.actor.country = "";
  }
  m.rule = "role:" + dict->entry(items[ItemContaining(m.head)].entry).source;
  // "the Iranian minister": the one person of that country (with that role) seen so far.
  if (head_kind == EntryKind::kPersonRole && toks[m.head].norm == toks[m.head].lemma &&
      !m.actor.country.empty()) {
    const Seen* pick = UniqueSeen(m.actor.country, "", toks[m.head].lemma);
    if (!pick && dict->IsGenericRole(toks[m.head].lemma) &&
        !AnySeen(m.actor.country, toks[m.head].lemma)) {
      pick = UniqueSeen(m.actor.country, m.actor.sector, "");
    }
    if (pick) {
      m.actor.name = pick->ref.name;
      m.rule += "+seen-person";
    }
  }
  if (!coord.empty()) {
    // One mention per coordinated demonym: the first keeps the phrase, the others share it.
    ActorMention base = m;
    out->push_back(m);
    for (const std::string& c : coord) {
      ActorMention extra = base;
      extra.actor.country = c;
      extra.actor.code = c + base.actor.sector;
      extra.actor.name.clear();
      extra.rule = base.rule + "+coordinated";
      out->back().members.push_back(extra.actor);
    }
    out->back().members.insert(out->back().members.begin(), base.actor);
    for (const ActorRef& r : out->back().members) countried.push_back(r);
    return end;
  }
  out->push_back(std::move(m));
  return end;
}

}  // namespace dragoman
