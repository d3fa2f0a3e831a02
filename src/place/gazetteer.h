// Locations stated in the text ("in Tehran", "in Jeddah, Saudi Arabia", "Khojavend region"),
// resolved to a country and coordinates from the gazetteer data file (data/places/).
// Matching rules (capitalisation, acronyms, conflicts, locative context, ambiguous names) are
// in doc/dates-places-quantities.md.
//
// Bad input: a malformed data file is BadData "path:line: reason"; Find() never fails.
// Thread-safety: a Gazetteer is immutable after Load() and may be shared by threads.
#ifndef DRAGOMAN_PLACE_GAZETTEER_H_
#define DRAGOMAN_PLACE_GAZETTEER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/data_file.h"
#include "base/status.h"
#include "lexicon/lexicon.h"
#include "text/analysis.h"

namespace dragoman {

struct Place {
  std::string name;     // canonical name ("Tehran")
  std::string country;  // ISO alpha-3 ("XKX" for Kosovo); "" for a region of several countries
  double lat = 0, lon = 0;
  std::string kind;  // "country", "capital", "city", "town", "region", "site" or "water"
};

struct PlaceMention {
  int token_begin = 0;  // [token_begin, token_end) in Sentence::tokens
  int token_end = 0;
  Place place;
  bool locative = false;  // introduced by a locative preposition ("in", "at", "near")
};

// Format of data/places/*.tsv, the matching rules and the fact sources: see
// doc/dates-places-quantities.md. In short, one place per line:
//   name <TAB> country <TAB> kind <TAB> lat <TAB> lon [<TAB> aliases [<TAB> flags]]
// aliases separated by '|'; flags: "locative" (the name is also a common word or person name,
// so it matches only in a locative context or as "Name, Country").

class Gazetteer {
 public:
  // Loads data/places/*.tsv (format in doc/data.md) and the words around place names from
  // data/lexicon (doc/lexicon.md). BadData names file and line, or the missing word class, and is
  // also what a data_dir/places without any .tsv file gives. `text` is used only while loading.
  // `problems`: as in base/data_file.h (null: stop at the first problem).
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::string& data_dir,
                                                       const TextAnalyzer& text,
                                                       DataProblems* problems = nullptr);
  // The same with the lexicon already loaded (the coder loads it once for every stage); the
  // gazetteer copies the words it needs and does not keep `lexicon`.
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::string& data_dir,
                                                       const TextAnalyzer& text,
                                                       const Lexicon& lexicon,
                                                       DataProblems* problems = nullptr);
  // Same, from the contents of one TSV file; `name` is used in error messages (for tests and
  // tools that build a gazetteer in memory); the gazetteer keeps a copy of `lexicon`.
  static Result<std::shared_ptr<const Gazetteer>> FromText(std::string_view name,
                                                           std::string_view content,
                                                           const TextAnalyzer& text,
                                                           const Lexicon& lexicon);
  ~Gazetteer();

  // Place names in `sentence`, longest match first, non-overlapping, in token order.
  // A mention's span also covers a following place-type word ("Khojavend region"), a
  // parenthesised alias of the same place ("Khojavend (Martuni)") and a confirming
  // ", Country" ("Jeddah, Saudi Arabia").
  std::vector<PlaceMention> Find(const Sentence& sentence) const;

  // The place a name (or alias) denotes, given as TextAnalyzer::TokenizePhrase() splits it;
  // nullptr when unknown. The pointer lives as long as the Gazetteer.
  const Place* Lookup(const std::vector<std::string>& name_tokens) const;

  // Number of places loaded.
  size_t size() const;

 private:
  Gazetteer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_PLACE_GAZETTEER_H_
