// Page-furniture patterns (data/text/furniture.txt): banners, logos, share links, bylines,
// photo credits. File format (also in doc/text.md): one pattern a line, "KIND PATTERN", '#'
// starts a comment line. Matching is case-insensitive and spans the whole sentence text (the
// original text of the sentence, trimmed):
//   line PHRASE     the sentence is PHRASE, optionally followed by punctuation
//   start PHRASE    the sentence starts with PHRASE (at a word boundary)
//   end PHRASE      the sentence ends with PHRASE, optionally followed by white space and
//                   punctuation (compared in code, ignoring ASCII case)
//   regex REGEX     ICU regular expression that must match the whole sentence
//   caption REGEX   ICU regular expression that must match the end of the LAST sentence of a
//                   line (its final kCaptionWindow bytes, cut at a space); a match makes every
//                   sentence of that line furniture (a photo caption followed by its credit,
//                   "... in Tehran. / president.ir")
// In PHRASE, a space matches any run of white space; other characters are literal. Inline
// flags such as (?-i) work in REGEX. Sentences longer than kMaxFurnitureBytes are never
// furniture (and are not scanned).
//
// Speed: patterns are compiled once. line/start/regex patterns are bucketed by their first
// character when it is a fixed ASCII letter, digit or escaped punctuation, so a sentence is
// tested against two small alternations (its bucket's, then the patterns' with no fixed first
// character), not against every pattern. Before ICU runs, a bucket's (or the captions')
// prefilter checks that the text holds the punctuation some pattern of it requires (a caption
// credit needs its ':' or '/'; text/required_bytes.h), which rules out most sentences at once.
// A bucket's alternation is compiled when a sentence first needs it, not at Load(): compiling
// them all (ICU computes each \p{..} set anew) cost more than the rest of start-up, and a short
// run needs few buckets. Load() still compiles each "regex"/"caption" line alone, so a bad
// pattern is reported there; when given a DataProblems sink (check-data) it also compiles every
// alternation, to report patterns that do not combine. Without one, a bucket whose alternation
// does not compile is matched one pattern at a time (the same answers, slower).
//
// Thread-safety: a FurniturePatterns is logically immutable after Load() (the lazy compilation
// is synchronised) and may be shared by threads. A Matcher is single-threaded: make one per
// Analyze() call.
#ifndef DRAGOMAN_TEXT_FURNITURE_H_
#define DRAGOMAN_TEXT_FURNITURE_H_

#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/data_file.h"
#include "base/status.h"
#include "text/required_bytes.h"

U_NAMESPACE_BEGIN
class RegexPattern;  // forward declared: regex.h stays out of this header
class RegexMatcher;
U_NAMESPACE_END

namespace dragoman {

inline constexpr size_t kMaxFurnitureBytes = 1000;
inline constexpr size_t kCaptionWindow = 64;

class FurniturePatterns {
 public:
  FurniturePatterns();
  FurniturePatterns(FurniturePatterns&&) noexcept;
  FurniturePatterns& operator=(FurniturePatterns&&) noexcept;
  ~FurniturePatterns();

  // BadData "path:line: why" for an unknown kind or a regex that does not compile.
  // `problems`: as in base/data_file.h (null: stop at the first problem).
  static Result<FurniturePatterns> Load(const std::string& path, DataProblems* problems = nullptr);
  static Result<FurniturePatterns> Parse(std::string_view text, const std::string& name,
                                         DataProblems* problems = nullptr);

  // Number of patterns loaded.
  size_t size() const { return count_; }

  class Matcher {
   public:
    // `patterns` must outlive the matcher.
    explicit Matcher(const FurniturePatterns& patterns);
    ~Matcher();
    Matcher(const Matcher&) = delete;
    Matcher& operator=(const Matcher&) = delete;
    // Whether `sentence` matches a line/start/end/regex pattern.
    bool IsFurniture(std::string_view sentence);
    // Whether `sentence` (the last of its line) matches a caption pattern.
    bool IsCaptionEnd(std::string_view sentence);

   private:
    void SetText(std::string_view text);  // converts to utf16_ for the matches that follow
    bool Matches(int bucket);             // the bucket's alternation on utf16_
    bool Matches(icu::RegexMatcher* m);
    const FurniturePatterns& patterns_;
    std::array<std::unique_ptr<icu::RegexMatcher>, 256> bucket_;  // made on first use
    std::unique_ptr<icu::RegexMatcher> caption_;
    icu::UnicodeString utf16_;  // the text being matched; outlives the matchers' use of it
  };

 private:
  static constexpr int kAnyBucket = 0;  // patterns without a fixed first character
  // Bucket c for a lower-case ASCII byte c: the patterns starting with c; bucket kAnyBucket:
  // the patterns without a fixed first character.
  struct Bucket {
    std::string source;              // the alternation of `parts`; "" when there are none
    std::vector<std::string> parts;  // the patterns
    std::once_flag once;             // guards the compilation of `whole` / `each`
    std::unique_ptr<icu::RegexPattern> whole;              // the compiled alternation
    std::vector<std::unique_ptr<icu::RegexPattern>> each;  // `parts`, when `whole` did not compile
  };
  bool Has(int c) const { return buckets_ && !(*buckets_)[c].source.empty(); }
  // Bucket c compiled (on the first call for c, by whichever thread comes first); null when it
  // has no patterns.
  const Bucket* Compiled(int c) const;
  std::unique_ptr<std::array<Bucket, 256>> buckets_;
  std::unique_ptr<icu::RegexPattern> caption_;
  std::array<RegexPrefilter, 256> bucket_filter_;  // what a text needs to match bucket_[c]
  RegexPrefilter caption_filter_;
  std::vector<std::string> ends_;  // "end" phrases: lower case, single spaces
  size_t count_ = 0;
};

// `re` with each set that is (nearly) closed under case written case-sensitively inside
// (?-i:...) together with what its closure adds (\p{L} -> (?-i:[\p{L}\u0345]); classes of
// \p{L}/\p{N}/\p{P}/\p{S}/\p{Z}, \s, \d and caseless characters likewise), so that a
// case-insensitive compilation matches exactly the same text without computing closures.
// Quoted text (\Q...\E) and every other construct are copied unchanged. Exposed for tests.
std::string CaseClosedRegex(std::string_view re);

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_FURNITURE_H_
