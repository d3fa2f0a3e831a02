// ActorDictionary: the compiled actor dictionaries (countries, roles, organisations, people).
//
// Load() reads every ISO 3166-1 country from Debian's iso-codes JSON and the data files under
// <data_dir>/actors/ (formats in doc/actors.md), and compiles every phrase into one token trie
// keyed on Token::norm. Matching walks the trie from a token and returns the longest phrase
// whose entries accept the tokens' capitalisation (a phrase written "US" or "Baku" in a data file
// only matches capitalised text, so the pronoun "us" and the word "turkey" are not countries).
//
// Ownership and thread-safety: immutable after Load(); share it (std::shared_ptr<const ...>)
// between any number of threads and ActorResolvers.
//
// Bad input: a malformed data line is BadData "path:line: reason"; a missing data file is
// NotFound; a missing iso-codes file is NotFound (the countries listed in countries.txt still
// load only when iso-codes is present, so that a broken install is noticed, not hidden).
#ifndef DRAGOMAN_ACTORS_DICTIONARY_H_
#define DRAGOMAN_ACTORS_DICTIONARY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/actor.h"
#include "base/date.h"
#include "base/status.h"
#include "lexicon/lexicon.h"
#include "text/analysis.h"

namespace dragoman {

// What a dictionary phrase denotes.
enum class EntryKind : uint8_t {
  kCountry,      // a country's name ("Azerbaijan", "the Republic of Azerbaijan")
  kAdjective,    // a demonym adjective ("Azerbaijani", "Azeri")
  kPeople,       // a people noun ("Iranians") -> COUNTRY + CVL
  kCapital,      // a capital or seat of government ("Baku", "Kremlin")
  kPersonRole,   // a role one person holds ("president", "spokesperson")
  kGroupRole,    // a collective ("troops", "protesters", "officials")
  kInstitution,  // a body ("foreign ministry", "parliament")
  kOrg,          // a named organisation (IGOs, NGOs, national groups such as Hamas)
  kPerson,       // a named person from people/*.txt
  kReference,    // a pronoun or plural reference word from references.txt
};

// Classes of references.txt (pronouns and plural nouns).
enum class RefClass : uint8_t {
  kPerson,         // he, she, him, his, her: the most recent person
  kSpeaker,        // we, us, our: the quote's speaker or the document's issuing actor
  kPlural,         // they, them, their: the last two distinct-country actors
  kPluralCountry,  // (the two / both) countries, nations, states: those countries
  kPluralSide,     // sides, parties, governments: those countries' GOV
  kPluralPerson,   // ministers, leaders, presidents: the last two distinct-country people
  kThing,          // it: the previous sentence's subject when a country or an organisation
};

struct DictEntry {
  EntryKind kind = EntryKind::kCountry;
  // kCountry/kAdjective/kPeople/kCapital: the country. kOrg: its full code ("IGOUNO", "PSEREB").
  std::string code;
  std::string country;  // kOrg: the country part ("" for IGOs/NGOs); others: = code or ""
  std::string sector;   // roles, orgs: the CAMEO sector
  int person = -1;      // kPerson: index into ActorDictionary::people()
  RefClass ref = RefClass::kPerson;  // kReference only
  // Per phrase token: 0 any case, 1 capitalised, 2 all capitals.
  std::vector<uint8_t> caps;
  std::string phrase;  // as written in the data file
  std::string source;  // "countries.txt:12"
};

// One date-bounded role of a person.
struct PersonTerm {
  std::string country;  // alpha-3 or an IGO code
  std::string sector;
  std::string role;  // free text ("Minister of Foreign Affairs")
  PartialDate start;
  std::optional<PartialDate> end;  // nullopt: still in office
  std::string source;
};

struct PersonEntry {
  std::string name;  // canonical
  std::vector<PersonTerm> terms;
};

// How a person is coded at a date (see doc/actors.md "Date-bounded roles").
struct PersonCoding {
  std::string country;
  std::string sector;  // "" before the first term; "ELI" after the last one ended
  std::string role;
};

// The word classes (data/lexicon/) the resolver reads around actor phrases: the English words
// it needs are data, not code (doc/lexicon.md lists each class).
struct ActorWords {
  ClassId definite_article, appositive_article, complement_preposition, preposition_of,
      preposition_to, area_preposition, coordinator, plural_determiner, pair_word, former_marker,
      ethnic_marker, person_possessive, speaker_possessive, homeland_noun, possessive_determiner,
      possessive_clitic, locative, name_particle, honorific, impersonal_verb, it_skip;
};

class ActorDictionary {
 public:
  static Result<std::shared_ptr<const ActorDictionary>> Load(const ActorConfig& config,
                                                             const TextAnalyzer& text);

  // Longest phrase starting at tokens[i] with at least one entry that accepts the tokens'
  // case. Returns its length in tokens (0: none) and sets *entries to all entries of that
  // phrase (in file order; filter them with Accepts()). Each token is tried as its norm, then
  // as its lemma. Allocation-free.
  int LongestMatch(std::span<const Token> tokens, size_t i, std::span<const int>* entries) const;
  // Whether entry `e` accepts the case of tokens[i, i + e.caps.size()).
  bool Accepts(int e, std::span<const Token> tokens, size_t i) const;

  const DictEntry& entry(int i) const { return entries_[i]; }
  const PersonEntry& person(int i) const { return people_[i]; }
  size_t num_entries() const { return entries_.size(); }
  size_t num_people() const { return people_.size(); }

  // True for a known country code (ISO alpha-3 from iso-codes, or listed in countries.txt).
  bool IsCountry(std::string_view code) const;
  // Display name of a country ("Azerbaijan"), or "" when unknown.
  std::string_view CountryName(std::string_view code) const;

  // The coding of `person` at `date` (nullopt: no date known, the latest term is used).
  PersonCoding CodePerson(int person, const std::optional<PartialDate>& date) const;

  // Whether `norm` (a Token::norm) is listed as a word that cannot be part of a person's name
  // (months, weekdays, discourse words; references.txt class "notname").
  bool IsNotName(std::string_view norm) const;
  // Whether `lemma` is a generic role word ("diplomat", "official", "counterpart") that may
  // refer to any person of the country seen so far (references.txt class "generic").
  bool IsGenericRole(std::string_view lemma) const;
  // Whether `norm` may sit inside an actor phrase without changing it ("junior", "interim";
  // references.txt class "skip").
  bool IsSkipWord(std::string_view norm) const;

  // How a role of `sector` that names no country and no person is coded (generic.txt):
  // kNone when it is not an actor, kDocument when it takes the document's country, kBare when
  // it is coded by its sector alone.
  enum class GenericCountry { kNone, kDocument, kBare };
  GenericCountry GenericPolicy(std::string_view sector) const;
  // Whether the roles.txt phrase `role` of `sector` makes a generic actor: every phrase of a
  // sector generic.txt lists without ROLES, only the listed ones of a sector listed with them.
  bool IsGenericActorRole(std::string_view sector, std::string_view role) const;

  // The lexicon (config.data_dir + "/lexicon") and the classes the resolver asks for.
  const Lexicon& lexicon() const { return *lexicon_; }
  const ActorWords& words() const { return words_; }

  // How the phrases were split at load: the compiled table used ("" when none was), how many
  // phrases it answered and how many the text analyzer had to split (check-data reports them).
  struct PhraseStats {
    std::string table;
    std::string passed_over;  // why the tables found were not used ("PATH: why"; "" if none)
    int found = 0;
    int analysed = 0;
  };
  const PhraseStats& phrase_stats() const { return phrase_stats_; }

 private:
  struct Node {
    std::vector<std::pair<std::string, int>> edges;  // sorted by token; empty at the root
    std::vector<int> entries;
  };
  ActorDictionary();
  int Child(int node, std::string_view key) const;
  void Walk(int node, std::span<const Token> tokens, size_t start, size_t j, int* best_len,
            std::span<const int>* entries) const;
  int AddChild(int node, std::string_view key);
  // Adds `phrase` (tokenised like text, by phrases_) as entry `e`; BadData when it has no tokens.
  Status AddPhrase(const TextAnalyzer& text, std::string_view phrase, DictEntry e);

  Status LoadIsoCodes(const ActorConfig& config, const TextAnalyzer& text);
  Status LoadCountries(const std::string& path, const TextAnalyzer& text);
  Status LoadRoles(const std::string& path, const TextAnalyzer& text);
  Status LoadOrgs(const std::string& path, const TextAnalyzer& text, bool igo_file);
  Status LoadPeople(const std::string& path, const TextAnalyzer& text);
  Status LoadReferences(const std::string& path, const TextAnalyzer& text);
  Status LoadGeneric(const std::string& path);
  // `given`: the caller's lexicon (ActorConfig::lexicon), or null to read `lexicon_dir`.
  Status LoadWords(const std::string& lexicon_dir, std::shared_ptr<const Lexicon> given);

  std::vector<Node> nodes_;
  // The root's edges, hashed (the root's `edges` vector is not used).
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int, KeyHash, std::equal_to<>> root_index_;
  std::vector<DictEntry> entries_;
  std::vector<PersonEntry> people_;
  std::unordered_map<std::string, int> person_index_;       // canonical name -> people_ index
  std::unordered_map<std::string, std::string> countries_;  // alpha-3 -> display name
  std::vector<std::string> not_name_;                       // sorted
  std::vector<std::string> generic_;                        // sorted
  std::vector<std::string> skip_;                           // sorted
  std::unordered_map<std::string, GenericCountry> generic_sectors_;
  std::unordered_map<std::string, std::vector<std::string>> generic_roles_;  // sorted phrases
  std::shared_ptr<const Lexicon> lexicon_ = std::make_shared<const Lexicon>();  // never null
  ActorWords words_;
  DataProblems* problems_ = nullptr;                        // while loading (base/data_file.h)
  PhraseAnalyser* phrases_ = nullptr;                       // while loading
  PhraseStats phrase_stats_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_ACTORS_DICTIONARY_H_
