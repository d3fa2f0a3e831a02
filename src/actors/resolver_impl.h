// Internal to src/actors/: the resolver's per-document state (ActorResolver::Impl) and the
// helpers its four passes share. Not part of the stage's interface (that is resolver.h).
//
// The passes live in one file each:
//   items.cc       dictionary and learned phrases at each token; bare items; capitalised names
//   names.cc       people learned and seen in the document; filling an ActorRef
//   phrases.cc     [COUNTRY-mod]* [ROLE]* [of COMPLEMENT]* [NAME] [, ROLE-CHAIN] noun phrases
//   references.cc  pronouns, plural nouns, quotation speakers
//   resolver.cc    the driver: one sentence through the passes, and the document memory
#ifndef DRAGOMAN_ACTORS_RESOLVER_IMPL_H_
#define DRAGOMAN_ACTORS_RESOLVER_IMPL_H_

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actors/dictionary.h"
#include "actors/resolver.h"

namespace dragoman {
namespace resolver_internal {

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
inline int Priority(EntryKind k) {
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

inline bool IsRole(EntryKind k) {
  return k == EntryKind::kPersonRole || k == EntryKind::kGroupRole || k == EntryKind::kInstitution;
}

inline bool IsCountryMod(EntryKind k) {
  return k == EntryKind::kCountry || k == EntryKind::kAdjective || k == EntryKind::kCapital ||
         k == EntryKind::kOrg;
}

// The sector of "MOD HEAD" (or "HEAD of COMPLEMENT"): the first, unless it is the generic GOV
// and the second is more specific ("government forces" -> MIL, "head of the security
// service" -> SPY).
inline std::string Combine(const std::string& first, const std::string& second) {
  if (first.empty()) return second;
  if (second.empty()) return first;
  if (first == "GOV" && second != "GOV" && second != "CVL") return second;
  return first;
}

inline bool Is(const Token& t, std::string_view w) { return t.norm == w; }

inline bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

inline std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Quote character at the token, if any: 1 opening, 2 closing, 3 either (straight quote).
inline int QuoteKind(const Token& t, std::string_view doc) {
  if (t.end > doc.size() || t.begin >= t.end) return 0;
  std::string_view s = doc.substr(t.begin, t.end - t.begin);
  if (s == "\xE2\x80\x9C" || s == "\xC2\xAB" || s == "\xE2\x80\x9E") return 1;  // “ « „
  if (s == "\xE2\x80\x9D" || s == "\xC2\xBB") return 2;                         // ” »
  if (s == "\"") return 3;
  return 0;
}

// The data line of a role mention's rule ("role:roles.txt:125+generic" -> "roles.txt:125"), or
// "" for other rules.
inline std::string RoleEntry(std::string_view rule) {
  if (rule.rfind("role:", 0) != 0) return "";
  rule.remove_prefix(5);
  return std::string(rule.substr(0, rule.find('+')));
}

// Whether `text` holds `word` as a whole word (both lower-case).
inline bool HasWord(std::string_view text, std::string_view word) {
  if (word.empty()) return false;
  for (size_t p = text.find(word); p != std::string_view::npos; p = text.find(word, p + 1)) {
    bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(text[p - 1]));
    size_t e = p + word.size();
    bool right = e >= text.size() || !std::isalnum(static_cast<unsigned char>(text[e]));
    if (left && right) return true;
  }
  return false;
}

}  // namespace resolver_internal

struct ActorResolver::Impl {
  using Item = resolver_internal::Item;
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
  // DocumentCountry's running count of `countried`: the first `counted` entries, one row per
  // country in order of first mention (kept so that a long document is not recounted from the
  // start at every sentence).
  mutable size_t counted = 0;
  mutable std::vector<std::pair<std::string, int>> country_counts;
  // Institutions named with their country, latest last ("the Foreign Ministry of Georgia"):
  // a later "the ministry" without a country is that one (GenericCountries).
  struct SeenInstitution {
    std::string entry;  // the roles.txt line ("roles.txt:125")
    std::string words;  // lower-case text, for the head word of a shorter repetition
    ActorRef ref;
  };
  std::vector<SeenInstitution> institutions;
  void NoteInstitutions(const std::vector<ActorMention>& out);
  bool IsInitialism(const Token& t, const std::string& words) const;
  std::optional<ActorRef> prev_subject;
  // The previous sentence's subject when it was a country, a government or an organisation
  // (its first mention outside quotations, within its first four tokens): what a sentence-opening
  // "it" refers to (references.cc).
  std::optional<ActorRef> prev_body;
  std::optional<ActorRef> issuer;
  std::optional<ActorRef> quote_speaker;
  std::vector<ActorRef> last_plural;
  int last_plural_sentence = -100;
  size_t countried_sentence_start = 0;  // entries of `countried` made before this sentence
  // The pair of parties a plural reference ("both sides", "the two countries", "the envoys")
  // means, in the order the document introduced them (references.cc): the document's one
  // clear pair when it has one, else the latest two countries named.
  std::vector<ActorRef> PluralPair() const;
  // The document's principal parties (parties.cc): each country its actors named, counted with
  // the headline and lead weighted, in order of first mention; the latest reference of each.
  struct Party {
    std::string country;
    int weight = 0;
    ActorRef latest;
  };
  std::vector<Party> parties;
  int body_sentences = 0;  // sentences resolved so far that are not headings
  // Counts the entries of `countried` this sentence made (from `countried_before` on).
  void NoteParties(size_t countried_before, bool heading);
  // The principal pair, in order of first mention, or empty when the document has no clear one.
  std::vector<ActorRef> PrincipalPair() const;
  // The officials a plural person role ("the envoys", "both foreign ministers") of `sector`
  // stands for (parties.cc): for each party of PluralPair(), the latest person named of that
  // country, else that party as last named; empty unless both parties have a country.
  std::vector<ActorRef> PairOfficials(const std::string& sector) const;
  bool in_quote = false;
  int paragraph = -1;
  int sentence_no = 0;

  const ActorWords* w = nullptr;  // the dictionary's word classes

  // Per-sentence state.
  TokenClasses classes;  // lexicon classes of each token
  // Whether token i's norm is in word class c (false outside the sentence).
  bool W(int i, ClassId c) const { return classes.Form(i, c); }
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
  bool Owned(int i) const { return i > 0 && W(i - 1, w->possessive_determiner); }
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
  // A pronoun or plural noun at token i (an item of kind kReference); returns the next token.
  int ParseReference(int i, std::vector<ActorMention>* out);
  // The end of a wire dateline that opens the sentence (0 when none): a place in capitals,
  // with an optional ", Country", before "(" or a dash ("BERLIN (Reuters) -", "LA PAZ,
  // Bolivia --").
  int DatelineEnd() const;
  int dateline_end = 0;
  // A bare item at token i: country, capital, organisation, people noun; returns its end.
  int ParseBareItem(int i, std::vector<ActorMention>* out);
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
      if (p.ref.country == country && resolver_internal::Contains(p.role, word)) return true;
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
  // A role with no country and no person: a generic actor of its sector (phrases.cc).
  void GenericActor(ActorMention* m, std::vector<ActorMention>* out);
  // Whether the role phrase holding token `head` makes a generic actor of `sector`
  // (generic.txt: the sector listed, and the phrase among its ROLES when it has them).
  bool GenericRole(int head, const std::string& sector) const;
  // Gives generic organs of a state the document's country (phrases.cc). `countried_before`:
  // how many entries of `countried` earlier sentences made.
  void GenericCountries(std::vector<ActorMention>* out, size_t countried_before) const;
  // The country most often named by the first `limit` entries of `countried` ("" when none).
  std::string DocumentCountry(size_t limit) const;
  void ResolveReferences(std::vector<ActorMention>* out);
  // "the U.S. Department of Justice", "Iran's IRGC": a country named right before one of its
  // own organisations is part of that organisation's mention (phrases.cc).
  void JoinNationalOrganisations(std::vector<ActorMention>* out) const;
  void EthnicGroups(std::vector<ActorMention>* out) const;
  // "His Highness the Emir of Qatar ...", "H.E. Ali ...": honorifics before a person's name or
  // title are part of that person's mention (phrases.cc).
  void Honorifics(std::vector<ActorMention>* out) const;
  std::optional<ActorRef> PersonFor(int token, const std::vector<ActorMention>& so_far) const;
};

}  // namespace dragoman

#endif  // DRAGOMAN_ACTORS_RESOLVER_IMPL_H_
