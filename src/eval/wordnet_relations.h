// WordNet relations for reviewing trigger patterns: the synonyms of a verb and the nouns derived
// from it ("condemn" -> "condemnation"), read from Debian's wordnet-base data files
// (/usr/share/wordnet: index.verb, data.verb, data.noun). `dragoman coverage --propose` uses them
// to suggest words a code's patterns do not have yet; a person reviews every suggestion (WordNet
// mixes senses), nothing is added automatically.
//
// Approach: index.verb maps a lemma to its synset offsets, most frequent sense first; an offset
// is the byte position of the synset's line in data.verb. A synset line lists its words and its
// pointers; a '+' pointer to a noun synset is a derivational link, and its "source/target" field
// says which word of each synset it links (00 = all of them).
//
// Thread-safety: immutable after Load(). Bad input: Load() fails with NotFound/Io when a file is
// missing; malformed lines are skipped (WordNet's own files are trusted reference data).
#ifndef DRAGOMAN_EVAL_WORDNET_RELATIONS_H_
#define DRAGOMAN_EVAL_WORDNET_RELATIONS_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"

namespace dragoman::eval {

class WordNetRelations {
 public:
  static Result<WordNetRelations> Load(const std::string& wordnet_dir);

  // The other words of the verb's first `senses` synsets ("meet" -> "run_into", "encounter",
  // "get_together", ...), multi-word ones with '_', in sense order, without duplicates.
  std::vector<std::string> VerbSynonyms(std::string_view verb, int senses = 3) const;
  // Nouns derived from the verb in its first `senses` senses ("meet" -> "meeting", "encounter").
  std::vector<std::string> DerivedNouns(std::string_view verb, int senses = 3) const;

 private:
  struct Synset {
    std::vector<std::string> words;
    struct Pointer {
      char symbol = 0;
      size_t offset = 0;
      char pos = 0;
      int source = 0, target = 0;  // 1-based word numbers, 0 = the whole synset
    };
    std::vector<Pointer> pointers;
  };
  static bool ParseSynset(std::string_view data, size_t offset, Synset& out);
  std::vector<size_t> VerbOffsets(std::string_view verb, int senses) const;

  std::unordered_map<std::string, std::vector<size_t>> verb_index_;
  std::string verb_data_, noun_data_;
};

}  // namespace dragoman::eval

#endif  // DRAGOMAN_EVAL_WORDNET_RELATIONS_H_
