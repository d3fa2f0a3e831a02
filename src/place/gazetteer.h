// Locations stated in the text ("in Tehran", "in Jeddah, Saudi Arabia", "Khojavend region"),
// resolved to a country and coordinates from the gazetteer data file (data/places/).
//
// Thread-safety: a Gazetteer is immutable after Load() and may be shared by threads.
#ifndef DRAGOMAN_PLACE_GAZETTEER_H_
#define DRAGOMAN_PLACE_GAZETTEER_H_

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "text/analysis.h"

namespace dragoman {

struct Place {
  std::string name;     // canonical name ("Tehran")
  std::string country;  // ISO alpha-3
  double lat = 0, lon = 0;
  std::string kind;     // "city", "capital", "region", "country", ...
};

struct PlaceMention {
  int token_begin = 0;  // [token_begin, token_end) in Sentence::tokens
  int token_end = 0;
  Place place;
  bool locative = false;  // introduced by a locative preposition ("in", "at", "near")
};

class Gazetteer {
 public:
  // Loads data/places/*.tsv (format in doc/data.md). BadData names file and line.
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::string& data_dir,
                                                      const TextAnalyzer& text);
  ~Gazetteer();

  // Place names in `sentence`, longest match first, non-overlapping, in token order.
  std::vector<PlaceMention> Find(const Sentence& sentence) const;

 private:
  Gazetteer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_PLACE_GAZETTEER_H_
