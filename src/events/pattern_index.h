// PatternIndex: the patterns compiled for the matcher (matching.cc), built once from the parsed
// patterns (events/patterns.h).
//
// Every distinct word a pattern names gets a small integer id. A sentence's tokens are looked up
// once each (their norm and their lemma), after which the matcher compares integers instead of
// strings, finds the patterns whose first element a token can start (`by_first`), and skips a
// pattern at once when a word element it cannot do without names no word of the sentence
// (`Feasible`). Both shortcuts are exact: a pattern skipped could not have matched, so the
// events coded are those of the plain matcher (pattern_index_test checks the sets, the events
// and goldens check the output).
//
// Thread-safety: immutable after Build(); a SentenceWords is used by one thread.
#ifndef DRAGOMAN_EVENTS_PATTERN_INDEX_H_
#define DRAGOMAN_EVENTS_PATTERN_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/patterns.h"

namespace dragoman::events_internal {

class PatternIndex {
 public:
  // An alternative of a word element: the word's id times two, plus one for a form-only (=word)
  // alternative, which a token's lemma does not match.
  using Alt = int32_t;
  static int32_t AltWord(Alt a) { return a >> 1; }
  static bool AltFormOnly(Alt a) { return (a & 1) != 0; }

  // The index copies what it needs: `patterns` need not outlive it.
  static PatternIndex Build(const std::vector<Pattern>& patterns);

  // The id of `word`, or -1 when no pattern names it.
  int32_t WordId(std::string_view word) const {
    auto it = word_id_.find(word);
    return it == word_id_.end() ? -1 : it->second;
  }
  size_t word_count() const { return word_id_.size(); }

  // The patterns whose first element names word `id`, in file order (empty for -1).
  const std::vector<int>& ByFirst(int32_t id) const {
    static const std::vector<int> kNone;
    return id < 0 ? kNone : by_first_[static_cast<size_t>(id)];
  }

  // The alternatives of element `e` of pattern `p` (empty unless it is a word element).
  const std::vector<Alt>& Alts(int p, size_t e) const {
    return alts_[static_cast<size_t>(p)][e];
  }

  // Whether pattern `p` has a target slot (`+`): only then can a passive reading match
  // differently from an active one.
  bool HasTarget(int p) const { return has_target_[static_cast<size_t>(p)] != 0; }

  // The words of one sentence: for each word id, whether some token's norm (1) or lemma (2)
  // is that word. Reused from sentence to sentence (Reset clears only what was set).
  class SentenceWords {
   public:
    void Reset(const PatternIndex& index);
    void AddToken(int32_t norm_id, int32_t lemma_id);
    bool Has(Alt a) const {
      uint8_t m = marks_[static_cast<size_t>(AltWord(a))];
      return (m & 1) != 0 || (!AltFormOnly(a) && (m & 2) != 0);
    }

   private:
    std::vector<uint8_t> marks_;
    std::vector<int32_t> set_;  // ids marked, to clear
  };

  // Whether every word element of pattern `p` that is not optional has an alternative among
  // `words`: false means the pattern cannot match anywhere in the sentence.
  bool Feasible(int p, const SentenceWords& words) const;

 private:
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int32_t, WordHash, std::equal_to<>> word_id_;
  std::vector<std::vector<int>> by_first_;
  std::vector<std::vector<std::vector<Alt>>> alts_;  // pattern -> element -> alternatives
  std::vector<std::vector<int>> required_;           // pattern -> its non-optional word elements
  std::vector<uint8_t> has_target_;
};

}  // namespace dragoman::events_internal

#endif  // DRAGOMAN_EVENTS_PATTERN_INDEX_H_
