// ActorResolver: actor mentions of one sentence, resolved against the document so far.
//
// The approach, in three passes over a sentence:
//  1. Items. At each token the dictionary trie gives the longest phrase (country, demonym,
//     capital, role, institution, organisation, person, pronoun); names learned earlier in the
//     document ("Baghaei" after "Ismail Baghaei, Iran's Foreign Ministry spokesman") are tried
//     too, and the longer match wins.
//  2. Phrases. Items are combined into noun phrases, left to right, never overlapping:
//       [COUNTRY-mod ('s)]* [ROLE]* [(of|to|for) [the] COMPLEMENT]* [NAME]  [, [the] ROLE-CHAIN]
//     where COUNTRY-mod is a country name, demonym, capital or organisation (coordinated
//     demonyms "Hungarian and Romanian officials" give one mention each). A NAME is a known
//     person, a learned name, or a run of capitalised words that are not dictionary phrases;
//     an unknown name is only accepted next to a role, so bare capitalised words are never
//     actors. A NAME followed by ", [the] ROLE-CHAIN" takes the chain's country and role.
//  3. References. Pronouns and plural nouns are resolved last, once the sentence's own
//     mentions (e.g. the speaker after a closing quote) are known.
// Invariants: mentions are returned in token order and never overlap; every mention has a
// non-empty code; furniture sentences give nothing.
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor.h"
#include "actors/dictionary.h"

namespace dragoman {

namespace {

using Kind = ActorMention::Kind;

// An item is a dictionary (or learned) phrase found at a token.
struct Item {
  int begin = 0, end = 0;
  int entry = -1;    // chosen dictionary entry, or -1 for a learned name
  int learned = -1;  // index into Impl::learned
  EntryKind kind = EntryKind::kCountry;
  // A role reading of the same phrase, when the chosen entry is not a role ("Security
  // Council": the UN organ alone, a national body after "Armenia's").
  int role_entry = -1;
  bool adjective = false;  // one of its entries is a demonym adjective ("U.S.")
};

// Priority of entry kinds when one phrase has several entries (e.g. "US": country before the
// pronoun "us"; "New Zealand": country name before adjective).
int Priority(EntryKind k) {
  switch (k) {
    case EntryKind::kPerson:
      return 0;
    case EntryKind::kOrg:
      return 1;
    case EntryKind::kCountry:
      return 2;
    case EntryKind::kCapital:
      return 3;
    case EntryKind::kAdjective:
      return 4;
    case EntryKind::kPeople:
      return 5;
    case EntryKind::kInstitution:
      return 6;
    case EntryKind::kPersonRole:
      return 7;
    case EntryKind::kGroupRole:
      return 8;
    case EntryKind::kReference:
      return 9;
  }
  return 10;
}

bool IsRole(EntryKind k) {
  return k == EntryKind::kPersonRole || k == EntryKind::kGroupRole || k == EntryKind::kInstitution;
}

bool IsCountryMod(EntryKind k) {
  return k == EntryKind::kCountry || k == EntryKind::kAdjective || k == EntryKind::kCapital ||
         k == EntryKind::kOrg;
}

// The sector of "MOD HEAD" (or "HEAD of COMPLEMENT"): the first, unless it is the generic GOV
// and the second is more specific ("government forces" -> MIL, "head of the security
// service" -> SPY).
std::string Combine(const std::string& first, const std::string& second) {
  if (first.empty()) return second;
  if (second.empty()) return first;
  if (first == "GOV" && second != "GOV" && second != "CVL") return second;
  return first;
}

bool Is(const Token& t, std::string_view w) { return t.norm == w; }

bool IsPossessive(const Token& t) { return t.norm == "'s" || t.norm == "'"; }

// "to" and "from" are left out on purpose: "a visit to Baku", "a letter from Tehran" name the
// target or source of an event more often than its place.
constexpr std::array<std::string_view, 9> kLocatives = {
    "in", "at", "near", "into", "inside", "across", "within", "throughout", "outside"};

constexpr std::array<std::string_view, 14> kParticles = {
    "al", "el", "bin", "ibn", "abu", "de", "da", "del", "van", "von", "der", "du", "la", "ul"};

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Quote character at the token, if any: 1 opening, 2 closing, 3 either (straight quote).
int QuoteKind(const Token& t, std::string_view doc) {
  if (t.end > doc.size() || t.begin >= t.end) return 0;
  std::string_view s = doc.substr(t.begin, t.end - t.begin);
  if (s == "\xE2\x80\x9C" || s == "\xC2\xAB" || s == "\xE2\x80\x9E") return 1;  // “ « „
  if (s == "\xE2\x80\x9D" || s == "\xC2\xBB") return 2;                         // ” »
  if (s == "\"") return 3;
  return 0;
}

}  // namespace

struct ActorResolver::Impl {
  std::shared_ptr<const ActorDictionary> dict;
  std::optional<PartialDate> date;

  // A person learned from the text (or a dictionary person as coded in this document).
  struct Learned {
    std::string name;
    std::vector<std::vector<std::string>> aliases;  // token norms
    std::string country, sector, role;
    int dict_person = -1;
  };
  std::vector<Learned> learned;

  // What the document has said so far.
  struct Seen {
    ActorRef ref;
    std::string role;  // lower-case role text, for "the Iranian minister"
    int sentence = 0;
  };
  std::vector<Seen> persons;        // people, in order of mention
  std::vector<ActorRef> countried;  // every actor with a country, in order
  std::optional<ActorRef> prev_subject;
  std::optional<ActorRef> issuer;
  std::optional<ActorRef> quote_speaker;
  std::vector<ActorRef> last_plural;
  int last_plural_sentence = -100;
  bool in_quote = false;
  int paragraph = -1;
  int sentence_no = 0;

  // Per-sentence state.
  std::span<const Token> toks;
  std::string_view doc;
  std::vector<int> item_at;  // token -> index into items, or -1
  std::vector<Item> items;
  std::vector<uint8_t> quoted;  // token inside a quotation
  bool heading = false;

  void FindItems();
  bool IsNameToken(int i) const;
  // Whether the phrase at token i has a possessive owner ("their citizens in Iran" are not
  // Iran's citizens).
  bool Owned(int i) const {
    if (i == 0) return false;
    const std::string& w = toks[i - 1].norm;
    return w == "their" || w == "his" || w == "her" || w == "its" || w == "our" || w == "my" ||
           w == "your";
  }
  // Past words such as "junior", "interim", "new" that may sit inside an actor phrase
  // (references.txt class "skip"), when a dictionary phrase follows them; else `i`.
  int SkipWords(int i) const {
    int j = i;
    while (j < static_cast<int>(toks.size()) && item_at[j] < 0 && dict->IsSkipWord(toks[j].norm)) {
      ++j;
    }
    return j < static_cast<int>(toks.size()) && item_at[j] >= 0 ? j : i;
  }
  int NameEnd(int i) const;  // end of a capitalised name starting at i (i when none)
  int ParsePhrase(int i, std::vector<ActorMention>* out);
  int ParseChain(int i, ActorMention* m, std::string* role_text, bool* has_role,
                 EntryKind* head_kind, std::vector<std::string>* coord);
  void FillRef(ActorMention* m, const std::string& country, const std::string& sector);
  int LearnName(int begin, int end, const std::string& country, const std::string& sector,
                const std::string& role, int dict_person);
  void NotePerson(const ActorMention& m, const std::string& role);
  // The one distinct person seen with that country (if non-empty), sector (if non-empty)
  // and role word (if non-empty); nullptr when none or several.
  const Seen* UniqueSeen(const std::string& country, const std::string& sector,
                         const std::string& word) const;
  bool AnySeen(const std::string& country, const std::string& word) const {
    for (const Seen& p : persons) {
      if (p.ref.country == country && Contains(p.role, word)) return true;
    }
    return false;
  }
  int ItemContaining(int tok) const {
    for (int k = tok; k >= 0; --k) {
      if (item_at[k] >= 0) return item_at[k];
    }
    return 0;
  }
  std::string Text(int b, int e) const {
    return std::string(doc.substr(toks[b].begin, toks[e - 1].end - toks[b].begin));
  }
  void ResolveReferences(std::vector<ActorMention>* out);
  void EthnicGroups(std::vector<ActorMention>* out) const;
  std::optional<ActorRef> PersonFor(int token, const std::vector<ActorMention>& so_far) const;
};

ActorResolver::ActorResolver(std::shared_ptr<const ActorDictionary> dict,
                             std::optional<PartialDate> doc_date)
    : impl_(std::make_unique<Impl>()) {
  impl_->dict = std::move(dict);
  impl_->date = doc_date;
}

ActorResolver::~ActorResolver() = default;

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
    if (std::find(kParticles.begin(), kParticles.end(), t.norm) != kParticles.end() &&
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

void ActorResolver::Impl::FillRef(ActorMention* m, const std::string& country,
                                  const std::string& sector) {
  m->actor.country = country;
  m->actor.sector = sector;
  m->actor.code = country + sector;
  m->actor.text = Text(m->token_begin, m->token_end);
  m->actor.begin = toks[m->token_begin].begin;
  m->actor.end = toks[m->token_end - 1].end;
}

int ActorResolver::Impl::LearnName(int begin, int end, const std::string& country,
                                   const std::string& sector, const std::string& role,
                                   int dict_person) {
  std::string name = dict_person >= 0 ? dict->person(dict_person).name : Text(begin, end);
  for (size_t l = 0; l < learned.size(); ++l) {
    if (learned[l].name == name) {
      learned[l].country = country;
      learned[l].sector = sector;
      if (!role.empty()) learned[l].role = role;
      return static_cast<int>(l);
    }
  }
  Learned p;
  p.name = name;
  p.country = country;
  p.sector = sector;
  p.role = role;
  p.dict_person = dict_person;
  if (dict_person < 0) {
    std::vector<std::string> full;
    for (int k = begin; k < end; ++k) full.push_back(toks[k].norm);
    p.aliases.push_back(full);
    // The surname: the last word, with its hyphenated parts ("Amir-Abdollahian").
    int s = end - 1;
    while (s - 2 >= begin && toks[s - 1].norm == "-") s -= 2;
    if (s > begin)
      p.aliases.push_back(std::vector<std::string>(full.begin() + (s - begin), full.end()));
  }
  learned.push_back(std::move(p));
  return static_cast<int>(learned.size()) - 1;
}

const ActorResolver::Impl::Seen* ActorResolver::Impl::UniqueSeen(const std::string& country,
                                                                 const std::string& sector,
                                                                 const std::string& word) const {
  const Seen* found = nullptr;
  for (const Seen& p : persons) {
    if (p.ref.name.empty()) continue;
    if (!country.empty() && p.ref.country != country) continue;
    if (!sector.empty() && p.ref.sector != sector) continue;
    if (!word.empty() && !Contains(p.role, word)) continue;
    if (found && found->ref.name != p.ref.name) return nullptr;
    found = &p;
  }
  return found;
}

void ActorResolver::Impl::NotePerson(const ActorMention& m, const std::string& role) {
  persons.push_back(Seen{m.actor, Lower(role), sentence_no});
}

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
    bool poss = after < n && IsPossessive(toks[after]);
    if (poss) ++after;
    // Coordinated demonyms: "Azerbaijani and Iranian foreign ministries".
    std::vector<std::string> coords;
    int q = after;
    // "Syria and Palestinian leader X" is two phrases: only demonyms coordinate.
    auto demonym_like = [](const Item& x) { return x.adjective; };
    while (!poss && demonym_like(it) && q + 1 < n && (Is(toks[q], "and") || Is(toks[q], ",")) &&
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
    if (pos + 1 < n && IsPossessive(toks[pos]) && item_at[pos + 1] >= 0 &&
        items[item_at[pos + 1]].kind == EntryKind::kInstitution) {
      ++pos;
    }
  }
  // Complements: "the President of Azerbaijan", "Assistant to the Azerbaijani President",
  // "spokesperson for Azerbaijan's Ministry of Foreign Affairs".
  while (role && pos + 1 < n &&
         (Is(toks[pos], "of") || Is(toks[pos], "to") || Is(toks[pos], "for") ||
          ((Is(toks[pos], "in") || Is(toks[pos], "throughout") || Is(toks[pos], "across")) &&
           country.empty() && org.empty() && !Owned(i)))) {
    int q = pos + 1;
    if (q < n && Is(toks[q], "the")) ++q;
    if (q >= n || item_at[q] < 0) break;
    const Item& it = items[item_at[q]];
    // "rebels in the Ivory Coast": only a country, and only for a role without one.
    if (!Is(toks[pos], "of") && !Is(toks[pos], "to") && !Is(toks[pos], "for") &&
        it.kind != EntryKind::kCountry) {
      break;
    }
    if (!IsRole(it.kind) && !IsCountryMod(it.kind)) break;
    if (Is(toks[pos], "to") && !IsRole(it.kind) && it.kind != EntryKind::kAdjective) {
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

std::optional<ActorRef> ActorResolver::Impl::PersonFor(
    int token, const std::vector<ActorMention>& so_far) const {
  // A person earlier in this sentence, outside quotations.
  for (auto it = so_far.rbegin(); it != so_far.rend(); ++it) {
    if (it->token_end <= token && it->kind == Kind::kPerson && !quoted[it->token_begin]) {
      return it->actor;
    }
  }
  if (prev_subject) return prev_subject;
  if (!persons.empty()) return persons.back().ref;
  return std::nullopt;
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
      if (q < n && (Is(toks[q], "the") || Is(toks[q], "a"))) ++q;
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
    if (q < n && (Is(toks[q], "the") || Is(toks[q], "a"))) ++q;
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
    if (country.empty() && code_override.empty()) {
      // A role and a name but no country: not codable.
      return end > i ? end : i + 1;
    }
    // "former President X", "ousted leader Y": an elite, no longer in office.
    {
      int p = i - 1;
      if (p >= 0 && (Is(toks[p], "the") || Is(toks[p], "a"))) --p;
      if (p >= 0 && (Is(toks[p], "former") || Is(toks[p], "ousted") || Is(toks[p], "ex") ||
                     Is(toks[p], "late") || Is(toks[p], "deposed") || Is(toks[p], "exiled"))) {
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
    if (learned_idx < 0 && (dict_person < 0 || has_role || appos_end > 0)) {
      LearnName(name_b, name_e, m.actor.country, sector, role, dict_person);
    }
    if (!code_override.empty()) m.actor.country = "";
    NotePerson(m, role);
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
          i > 0 && (Is(toks[i - 1], "the") || Is(toks[i - 1], "both") || Is(toks[i - 1], "two"));
      if (plural && det && m.actor.sector == "GOV") {
        std::vector<ActorRef> members;
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

// "ethnic Albanians in Serbia", "ethnic Turks ... Sweden's decision": CAMEO codes an ethnic
// group by the country it lives in, not by the country its name comes from. A mention right
// after the word "ethnic" takes the country of the sentence's first place mention of another
// country ("in Serbia"), else of its first other country or capital mention; with neither it
// keeps its own. The sector is kept ("ethnic Albanian guerrillas in Macedonia" -> MKDREB).
void ActorResolver::Impl::EthnicGroups(std::vector<ActorMention>* out) const {
  for (ActorMention& m : *out) {
    if (m.token_begin == 0 || toks[m.token_begin - 1].norm != "ethnic") continue;
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
    ActorRef r = *who;
    r.text = m.actor.text;
    r.begin = m.actor.begin;
    r.end = m.actor.end;
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

std::vector<ActorMention> ActorResolver::Resolve(const Sentence& sentence,
                                                 std::string_view doc_text) {
  Impl& s = *impl_;
  std::vector<ActorMention> out;
  if (sentence.paragraph != s.paragraph) {
    s.paragraph = sentence.paragraph;
    s.in_quote = false;
    s.quote_speaker.reset();
  }
  if (sentence.furniture || sentence.tokens.empty()) return out;
  s.toks = std::span<const Token>(sentence.tokens);
  s.heading = sentence.heading;
  s.doc = doc_text;
  const int n = static_cast<int>(s.toks.size());
  // Quotation state per token.
  s.quoted.assign(n, 0);
  for (int i = 0; i < n; ++i) {
    int q = QuoteKind(s.toks[i], doc_text);
    if (q == 1 || (q == 3 && !s.in_quote)) {
      s.in_quote = true;
    } else if (q == 2 || q == 3) {
      s.in_quote = false;
    }
    s.quoted[i] = s.in_quote || q != 0;
  }
  s.FindItems();

  for (int i = 0; i < n;) {
    if (s.item_at[i] >= 0 && s.items[s.item_at[i]].kind == EntryKind::kReference) {
      const Item& it = s.items[s.item_at[i]];
      const DictEntry& e = s.dict->entry(it.entry);
      ActorMention m;
      m.kind = Kind::kPronoun;
      m.token_begin = i;
      m.token_end = it.end;
      m.head = i;
      m.actor.text = s.Text(i, it.end);
      m.actor.begin = s.toks[i].begin;
      m.actor.end = s.toks[it.end - 1].end;
      int next = it.end;
      switch (e.ref) {
        case RefClass::kPerson: {
          // "his Iranian counterpart": a determiner of the following phrase, not a mention.
          bool det = (s.toks[i].norm == "his" || s.toks[i].norm == "her") && next < n &&
                     (s.item_at[next] >= 0 || s.toks[next].has(Token::kCapitalized));
          if (det && s.item_at[next] >= 0 &&
              s.items[s.item_at[next]].kind != EntryKind::kReference) {
            break;
          }
          auto p = s.PersonFor(i, out);
          if (p) {
            ActorRef r = *p;
            r.text = m.actor.text;
            r.begin = m.actor.begin;
            r.end = m.actor.end;
            m.actor = r;
            m.rule = "ref:person";
            out.push_back(std::move(m));
          }
          break;
        }
        case RefClass::kSpeaker: {
          // "our country", "our state" -> the speaker's country.
          if (s.toks[i].norm == "our" && next < n &&
              (Is(s.toks[next], "country") || Is(s.toks[next], "state") ||
               Is(s.toks[next], "nation") || Is(s.toks[next], "republic"))) {
            m.token_end = next + 1;
            m.actor.text = s.Text(i, next + 1);
            m.actor.end = s.toks[next].end;
            m.head = next;
            next = next + 1;
          } else if (s.toks[i].norm == "our" && next < n && s.item_at[next] >= 0 &&
                     s.items[s.item_at[next]].kind != EntryKind::kReference) {
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
            bool det = i > 0 && (Is(s.toks[i - 1], "both") || Is(s.toks[i - 1], "two") ||
                                 Is(s.toks[i - 1], "the"));
            if (!det || (next < n && Is(s.toks[next], "of"))) break;
            // "the Conference of the Parties": a capitalised plural is part of a name.
            if (s.toks[i].has(Token::kCapitalized) && !s.heading) break;
            if (i > 0) {
              m.token_begin =
                  Is(s.toks[i - 1], "two") && i > 1 && Is(s.toks[i - 2], "the") ? i - 2 : i - 1;
              m.actor.text = s.Text(m.token_begin, m.token_end);
              m.actor.begin = s.toks[m.token_begin].begin;
            }
          }
          if (e.ref == RefClass::kPlural) {
            // "Iranian citizens ... have their rights": a plural phrase earlier in the sentence.
            const ActorMention* group = nullptr;
            for (auto r = out.rbegin(); r != out.rend(); ++r) {
              if (r->token_end > i || r->place || r->kind == Kind::kPronoun) continue;
              const Token& h = s.toks[r->head];
              if (!r->members.empty() || (h.norm != h.lemma && r->kind != Kind::kPerson)) {
                group = &*r;
              }
              break;
            }
            if (group) {
              ActorRef first = group->actor;
              first.text = m.actor.text;
              first.begin = m.actor.begin;
              first.end = m.actor.end;
              m.actor = first;
              m.members = group->members;
              m.rule = "ref:plural:same-sentence";
              out.push_back(std::move(m));
              break;
            }
          }
          std::vector<ActorRef> members;
          if (e.ref == RefClass::kPlural && !s.last_plural.empty() &&
              s.sentence_no - s.last_plural_sentence <= 3) {
            members = s.last_plural;
          } else {
            for (auto r = s.countried.rbegin(); r != s.countried.rend() && members.size() < 2;
                 ++r) {
              bool dup = false;
              for (const auto& mm : members) dup = dup || mm.country == r->country;
              if (!dup && !r->country.empty()) members.push_back(*r);
            }
            // In the order the document introduced them ("Azerbaijan and Iran ... the two
            // countries" -> AZE, IRN).
            auto first_seen = [&](const ActorRef& a) {
              for (size_t k = 0; k < s.countried.size(); ++k) {
                if (s.countried[k].country == a.country) return k;
              }
              return s.countried.size();
            };
            std::sort(members.begin(), members.end(), [&](const ActorRef& a, const ActorRef& b) {
              return first_seen(a) < first_seen(b);
            });
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
          ActorRef first = members[0];
          first.text = m.actor.text;
          first.begin = m.actor.begin;
          first.end = m.actor.end;
          m.actor = first;
          if (members.size() > 1) m.members = members;
          m.kind = e.ref == RefClass::kPlural ? Kind::kPronoun : Kind::kGeneric;
          m.rule = e.ref == RefClass::kPlural ? "ref:plural" : "ref:plural-noun";
          if (members.size() > 1) {
            s.last_plural = members;
            s.last_plural_sentence = s.sentence_no;
          }
          // Drop an overlapping previous mention ("the" was not one, so only references).
          out.push_back(std::move(m));
          break;
        }
      }
      i = next;
      continue;
    }
    int end = s.ParsePhrase(i, &out);
    if (end > i) {
      if (!out.empty() && out.back().token_begin >= i) {
        const ActorMention& m = out.back();
        if (!m.actor.country.empty() && m.kind != Kind::kPronoun && m.members.empty()) {
          s.countried.push_back(m.actor);
        }
      }
      i = end;
      continue;
    }
    // A bare item: country, capital, organisation, people noun, person.
    if (s.item_at[i] >= 0) {
      const Item& it = s.items[s.item_at[i]];
      ActorMention m;
      m.token_begin = i;
      m.token_end = it.end;
      m.head = it.end - 1;
      bool locative = false;
      int p = i - 1;
      if (p >= 0 && Is(s.toks[p], "the")) --p;
      if (p >= 0) {
        locative =
            std::find(kLocatives.begin(), kLocatives.end(), s.toks[p].norm) != kLocatives.end();
      }
      const DictEntry* e = it.entry >= 0 ? &s.dict->entry(it.entry) : nullptr;
      bool emit = true;
      // "Vienna Convention", "Baku Congress Center": a place name inside a proper name.
      if ((it.kind == EntryKind::kCapital || it.kind == EntryKind::kCountry) && !s.heading &&
          it.end < n && s.item_at[it.end] < 0 && s.toks[it.end].has(Token::kCapitalized) &&
          !s.dict->IsNotName(s.toks[it.end].norm)) {
        emit = false;
      }
      switch (emit ? it.kind : EntryKind::kReference) {
        case EntryKind::kCountry:
          m.kind = Kind::kCountry;
          s.FillRef(&m, e->country, "");
          m.rule = locative ? "country:place" : "country";
          break;
        case EntryKind::kAdjective:
          m.kind = Kind::kCountry;
          s.FillRef(&m, e->country, "");
          m.rule = "demonym";
          break;
        case EntryKind::kCapital:
          m.kind = Kind::kCapital;
          // "Baku said" -> AZEGOV; "in Baku" -> a place (the country alone, marked).
          s.FillRef(&m, e->country, locative ? "" : "GOV");
          m.rule = locative ? "capital:place" : "capital";
          break;
        case EntryKind::kPeople:
          m.kind = Kind::kGeneric;
          s.FillRef(&m, e->country, "CVL");
          m.rule = "people";
          break;
        case EntryKind::kOrg:
          m.kind = Kind::kIgo;
          s.FillRef(&m, "", "");
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
      if (emit) {
        if (e) m.rule += ":" + e->source;
        if (!m.actor.country.empty() && !m.place) s.countried.push_back(m.actor);
        out.push_back(std::move(m));
      }
      i = it.end;
      continue;
    }
    ++i;
  }
  s.ResolveReferences(&out);
  s.EthnicGroups(&out);
  // Document-level memory.
  std::optional<ActorRef> subject;
  for (const ActorMention& m : out) {
    if (!s.issuer && !s.quoted[m.token_begin] && m.actor.sector == "GOV" &&
        !m.actor.country.empty() &&
        (m.kind == Kind::kPerson || m.kind == Kind::kRole || m.kind == Kind::kInstitution)) {
      s.issuer = m.actor;
    }
    if (!subject &&
        (m.kind == Kind::kPerson || (m.kind == Kind::kPronoun && m.rule == "ref:person"))) {
      subject = m.actor;
    }
    if (m.kind == Kind::kPronoun && m.rule == "ref:person" && !m.actor.name.empty()) {
      // Keep "the most recent person" current.
      s.persons.push_back(Impl::Seen{m.actor, "", s.sentence_no});
    }
  }
  if (subject) s.prev_subject = subject;
  ++s.sentence_no;
  return out;
}

}  // namespace dragoman
