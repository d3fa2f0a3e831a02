// Actor mentions and the per-document actor resolver.
//
// An actor is coded CAMEO-style: a country (ISO 3166-1 alpha-3, e.g. "AZE") followed by a sector
// ("GOV", "MIL", "JUD", "COP", "LEG", "IGO", "CVL", "MED", "BUS", "OPP", "REB", "SPY", ...), e.g.
// "AZEGOV". IGOs have no country and code as their own name ("IGOUNO", "IGOOIC"...).
//
// The per-document resolver that finds these mentions is in actors/resolver.h.
#ifndef DRAGOMAN_ACTORS_ACTOR_H_
#define DRAGOMAN_ACTORS_ACTOR_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/data_file.h"
#include "base/date.h"
#include "base/status.h"
#include "text/analysis.h"

namespace dragoman {

class Lexicon;

// What the output contract calls an actor (source, target, speaker).
struct ActorRef {
  std::string text;     // surface text as written ("Azerbaijani MFA spokesperson Aykhan Hajizadeh")
  std::string code;     // "AZEGOV"; never empty for a coded actor
  std::string country;  // ISO alpha-3 or "" (IGOs, unknown)
  std::string sector;   // "GOV", "MIL", ... or ""
  std::string name;     // a person's canonical name where known, else ""
  uint32_t begin = 0;   // byte span of the mention in the document text
  uint32_t end = 0;
};

struct ActorMention {
  enum class Kind { kCountry, kCapital, kInstitution, kIgo, kRole, kPerson, kPronoun, kGeneric };
  Kind kind = Kind::kCountry;
  int token_begin = 0;  // [token_begin, token_end) in Sentence::tokens
  int token_end = 0;
  int head = 0;  // token index of the phrase head (the noun the verb agrees with)
  ActorRef actor;
  // For plural references resolved to several actors ("the two countries", "both sides", "the
  // ministers", "they"): the members, each with its own code. Empty otherwise; `actor` then
  // holds the first member.
  std::vector<ActorRef> members;
  std::string rule;  // which dictionary entry / heuristic produced it (for explanations)
  // A country or capital after a locative preposition ("in Tehran", "near Baku"): most likely a
  // place, not an actor. Still reported (kind kCountry/kCapital, code = the country alone) so
  // that the event stage can decide; see doc/actors.md.
  bool place = false;
};

class PhraseAnalyser;  // actors/compiled_phrases.h

struct ActorConfig {
  std::string data_dir;         // holds actors/*.txt
  std::string iso_codes_json =  // Debian iso-codes: every ISO 3166-1 country
      "/usr/share/iso-codes/json/iso_3166-1.json";
  // Where problems in the data files go (base/data_file.h); null: the first one fails Load().
  DataProblems* problems = nullptr;
  // The phrases analysed by the build (actors/compiled_phrases.h): "" looks in the default
  // places (DefaultCompiledPhrasePaths), "none" analyses every phrase at load, any other value
  // is the one file to try. A table that is missing, damaged or made by another text stage is
  // passed over; phrases it lacks are analysed at load. Never changes what is loaded, only how fast.
  std::string compiled_phrases;
  // When set, Load() asks it for every phrase's tokens instead (the compiler passes one that
  // records them); `compiled_phrases` is then not used. Must outlive Load().
  PhraseAnalyser* phrase_analyser = nullptr;
  // DATA_DIR/lexicon when the caller has already loaded it (the coder has): the dictionary then
  // shares it instead of reading and building it a second time. Null: Load() reads it.
  std::shared_ptr<const Lexicon> lexicon;
};

class ActorDictionary;  // actors/dictionary.h

// Immutable after Load(); shareable across threads. Same as ActorDictionary::Load().
class ActorDictionaryHandle {
 public:
  static Result<std::shared_ptr<const ActorDictionary>> Load(const ActorConfig& config,
                                                             const TextAnalyzer& text);
};

}  // namespace dragoman

#endif  // DRAGOMAN_ACTORS_ACTOR_H_
