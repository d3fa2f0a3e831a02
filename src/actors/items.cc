// Items: the dictionary (or learned) phrase at each token, capitalised names, and the bare
// items (a country, capital, organisation or people noun standing alone).
#include "actors/resolver_impl.h"

namespace dragoman {

// The helpers are this stage's own (resolver_impl.h).
using namespace resolver_internal;  // NOLINT(build/namespaces)

void ActorResolver::Impl::FindItems() {
  const int n = static_cast<int>(toks.size());
  items.clear();
  item_at.assign(n, -1);
  for (int i = 0; i < n;) {
    Item best;
    std::span<const int> entries;
    int len = dict->LongestMatch(toks, i, &entries);
    if (len > 0) {
      int chosen = -1;
      for (int e : entries) {
        if (!dict->Accepts(e, toks, i)) continue;
        if (chosen < 0 || Priority(dict->entry(e).kind) < Priority(dict->entry(chosen).kind)) {
          chosen = e;
        }
      }
      best = Item{i, i + len, chosen, -1, dict->entry(chosen).kind};
      for (int e : entries) {
        if (!dict->Accepts(e, toks, i)) continue;
        if (IsRole(dict->entry(e).kind) && best.role_entry < 0) best.role_entry = e;
        if (dict->entry(e).kind == EntryKind::kAdjective) best.adjective = true;
      }
    }
    // Names learned in this document.
    for (size_t l = 0; l < learned.size(); ++l) {
      for (const auto& alias : learned[l].aliases) {
        int m = static_cast<int>(alias.size());
        if (m <= best.end - best.begin || i + m > n) continue;
        if (!toks[i].has(Token::kCapitalized)) continue;
        bool ok = true;
        for (int k = 0; k < m && ok; ++k) ok = toks[i + k].norm == alias[k];
        // "Hajiyev" must not match the start of a longer unknown name ("Hajiyev Ali").
        if (ok) best = Item{i, i + m, -1, static_cast<int>(l), EntryKind::kPerson};
      }
    }
    if (best.end > best.begin) {
      // A name continuing past the phrase ("Aliyev Foundation") is not that phrase... but
      // only for people: countries and roles are often followed by capitalised words.
      item_at[i] = static_cast<int>(items.size());
      items.push_back(best);
      i = best.end;
    } else {
      ++i;
    }
  }
}

bool ActorResolver::Impl::IsNameToken(int i) const {
  const Token& t = toks[i];
  if (!t.has(Token::kCapitalized) || t.has(Token::kNumber) || t.has(Token::kPunct)) return false;
  if (dict->IsNotName(t.norm)) return false;
  int it = item_at[i];
  if (it >= 0 && items[it].kind != EntryKind::kPerson) return false;
  // Inside a multi-token item that started earlier.
  for (int k = i - 1; k >= 0 && k >= i - 6; --k) {
    if (item_at[k] >= 0) {
      if (items[item_at[k]].end > i && items[item_at[k]].kind != EntryKind::kPerson) return false;
      break;
    }
  }
  return true;
}

int ActorResolver::Impl::NameEnd(int i) const {
  const int n = static_cast<int>(toks.size());
  if (i >= n || !IsNameToken(i)) return i;
  int end = i + 1;
  int words = 1;
  while (end < n && words < 5) {
    const Token& t = toks[end];
    // Hyphen joining two name parts without spaces ("Amir-Abdollahian").
    if (t.norm == "-" && end + 1 < n && toks[end - 1].end == t.begin &&
        t.end == toks[end + 1].begin && IsNameToken(end + 1)) {
      end += 2;
      continue;
    }
    if (W(end, w->name_particle) &&
        !t.has(Token::kCapitalized) && end + 1 < n && IsNameToken(end + 1)) {
      end += 2;
      ++words;
      continue;
    }
    if (IsNameToken(end)) {
      ++end;
      ++words;
      continue;
    }
    // A surname that is also a role word ("Tom King"): a capitalised one-word role ending the
    // name.
    if (t.has(Token::kCapitalized) && item_at[end] >= 0 && items[item_at[end]].end == end + 1 &&
        IsRole(items[item_at[end]].kind) &&
        (end + 1 >= n || !toks[end + 1].has(Token::kCapitalized))) {
      ++end;
    }
    break;
  }
  return end;
}

int ActorResolver::Impl::DatelineEnd() const {
  const int n = static_cast<int>(toks.size());
  auto text = [&](int k) { return doc.substr(toks[k].begin, toks[k].end - toks[k].begin); };
  auto separator = [&](int k) {
    std::string_view t = text(k);
    // "(", "-", "--", an em dash or an en dash.
    return t == "(" || t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";
  };
  // The place in capitals: "BERLIN", "LA PAZ", "UNITED NATIONS".
  int k = 0, letters = 0;
  for (; k < n && k < 4 && !separator(k) && !Is(toks[k], ","); ++k) {
    for (char c : text(k)) {
      unsigned char ch = static_cast<unsigned char>(c);
      if (std::islower(ch)) return 0;
      if (std::isupper(ch)) ++letters;
    }
  }
  if (letters < 4) return 0;  // "US", "UAE" are written in capitals anyway
  // An optional ", Country" or ", State" before the separator ("LA PAZ, Bolivia --").
  if (k < n && Is(toks[k], ",")) {
    int q = k + 1;
    while (q < n && q < k + 4 && toks[q].has(Token::kCapitalized)) ++q;
    if (q == k + 1) return 0;
    k = q;
  }
  if (k >= n || !separator(k)) return 0;
  // The agency's credit in parentheses before the dash ("MOSCOW (Sputnik) -", "BERLIN
  // (Reuters) --") belongs to the dateline: it filed the story and does nothing in it.
  if (text(k) == "(") {
    for (int q = k + 1; q < n && q <= k + 4; ++q) {
      if (text(q) != ")") continue;
      if (q + 1 < n && separator(q + 1) && text(q + 1) != "(") return q + 1;
      break;
    }
  }
  return k;
}

// A bare item: country, capital, organisation, people noun, person.
int ActorResolver::Impl::ParseBareItem(int i, std::vector<ActorMention>* out_ptr) {
  std::vector<ActorMention>& out = *out_ptr;
  const int n = static_cast<int>(toks.size());
  const Item& it = items[item_at[i]];
  ActorMention m;
  m.token_begin = i;
  m.token_end = it.end;
  m.head = it.end - 1;
  bool locative = false;
  int p = i - 1;
  if (p >= 0 && W(p, w->definite_article)) --p;
  if (p >= 0) {
    locative = W(p, w->locative);
  }
  const DictEntry* e = it.entry >= 0 ? &dict->entry(it.entry) : nullptr;
  bool emit = true;
  // A wire dateline ("BERLIN (Reuters) -", "LA PAZ, Bolivia --") names where the story was
  // filed, not who acted: a place, or nothing for an organisation.
  const bool dateline = it.end <= dateline_end;
  if (dateline) {
    if (it.kind != EntryKind::kCapital && it.kind != EntryKind::kCountry) return it.end;
    locative = true;
  }
  // "Vienna Convention", "Baku Congress Center": a place name inside a proper name.
  if ((it.kind == EntryKind::kCapital || it.kind == EntryKind::kCountry) && !heading &&
      it.end < n && item_at[it.end] < 0 && toks[it.end].has(Token::kCapitalized) &&
      !dict->IsNotName(toks[it.end].norm)) {
    emit = false;
  }
  switch (emit ? it.kind : EntryKind::kReference) {
    case EntryKind::kCountry:
      m.kind = Kind::kCountry;
      FillRef(&m, e->country, "");
      m.rule = locative ? "country:place" : "country";
      break;
    case EntryKind::kAdjective:
      m.kind = Kind::kCountry;
      FillRef(&m, e->country, "");
      m.rule = "demonym";
      break;
    case EntryKind::kCapital:
      m.kind = Kind::kCapital;
      // "Baku said" -> AZEGOV; "in Baku" -> a place (the country alone, marked).
      FillRef(&m, e->country, locative ? "" : "GOV");
      m.rule = locative ? "capital:place" : "capital";
      break;
    case EntryKind::kPeople:
      m.kind = Kind::kGeneric;
      FillRef(&m, e->country, "CVL");
      m.rule = "people";
      break;
    case EntryKind::kOrg:
      m.kind = Kind::kIgo;
      FillRef(&m, "", "");
      m.actor.code = e->code;
      m.actor.country = e->country;
      m.actor.sector = e->sector;
      m.rule = "org";
      break;
    default:
      emit = false;
      break;
  }
  m.place = locative && (it.kind == EntryKind::kCountry || it.kind == EntryKind::kCapital);
  if (dateline) {
    m.rule = std::string(it.kind == EntryKind::kCapital ? "capital" : "country") + ":dateline";
  }
  if (emit) {
    if (e) m.rule += ":" + e->source;
    if (!m.actor.country.empty() && !m.place) countried.push_back(m.actor);
    out.push_back(std::move(m));
  }
  return it.end;
}

}  // namespace dragoman
