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
// Speed: the line/start phrases (all those FurniturePhrases::Accepts) are matched in code
// (text/furniture_phrases.h), which answers most sentences without ICU; their regexes, in a
// bucket set of their own, are tried only on the sentences the code leaves undecided (a letter
// that case-folds to an ASCII one, non-ASCII white space where a phrase could continue).
// Patterns are compiled once. The other line/start and the regex patterns are bucketed by their
// first character when it is a fixed ASCII letter, digit or escaped punctuation, so a sentence is
// tested against two small alternations (its bucket's, then the patterns' with no fixed first
// character), not against every pattern. Before ICU runs, a bucket's (or the captions')
// prefilter checks that the text holds the punctuation some pattern of it requires (a caption
// credit needs its ':' or '/'; text/required_bytes.h) and, for a bucket, that it starts with the
// leading letters of one of its regexes ("thursday"), which rules out most sentences at once.
// A bucket's alternation is compiled when a sentence first needs it, not at Load(): compiling
// them all (ICU computes each \p{..} set anew) cost more than the rest of start-up, and a short
// run needs few buckets; the captions' alternation likewise, when a line end first passes their
// prefilter. Load() compiles each "regex"/"caption" line alone, so a bad pattern is reported
// there, unless the build already did so for these exact bytes (a check stamp, below); when
// given a DataProblems sink (check-data) it always validates every line and also compiles every
// alternation, to report patterns that do not combine. Without one, a bucket whose alternation
// does not compile is matched one pattern at a time (the same answers, slower).
//
// Check stamps. Compiling each line alone is most of what loading the file costs, and its
// answer depends only on the file's bytes, ICU's version and the way lines are checked. The
// build runs that check once (dragoman_furniturec, text/furniturec_main.cc) and writes a stamp:
// one line "dragoman-furniture-checked VERSION FINGERPRINT", FINGERPRINT the 16 hex digits of
// CheckFingerprint() of the file that passed. Load() given a stamp that names the fingerprint of
// the text it reads skips the per-line compiles; any other stamp (a changed file, another ICU,
// another check version, a damaged or missing stamp) is ignored and every line is compiled as
// before, so a stamp can make loading faster but never let a bad pattern through unnoticed.
//
// Thread-safety: a FurniturePatterns is logically immutable after Load() (the lazy compilation
// is synchronised) and may be shared by threads. A Matcher is single-threaded: make one per
// Analyze() call.
#ifndef DRAGOMAN_TEXT_FURNITURE_H_
#define DRAGOMAN_TEXT_FURNITURE_H_

#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "base/data_file.h"
#include "base/status.h"
#include "text/furniture_phrases.h"
#include "text/required_bytes.h"

U_NAMESPACE_BEGIN
class RegexPattern;  // forward declared: regex.h stays out of this header
class RegexMatcher;
U_NAMESPACE_END

namespace dragoman {

inline constexpr size_t kMaxFurnitureBytes = 1000;
inline constexpr size_t kCaptionWindow = 64;

class FurniturePatterns {
  struct Bucket;  // below

 public:
  FurniturePatterns();
  FurniturePatterns(FurniturePatterns&&) noexcept;
  FurniturePatterns& operator=(FurniturePatterns&&) noexcept;
  ~FurniturePatterns();

  // BadData "path:line: why" for an unknown kind or a regex that does not compile.
  // `problems`: as in base/data_file.h (null: stop at the first problem).
  // `stamps`: check stamp files to try, in order (missing ones are skipped; see above).
  static Result<FurniturePatterns> Load(const std::string& path, DataProblems* problems = nullptr,
                                        const std::vector<std::string>& stamps = {});
  // `checked`: the CheckFingerprint() of a text known to pass the per-line check (0: none).
  // When it equals CheckFingerprint(text) and `problems` is null, the lines are not compiled
  // one by one.
  static Result<FurniturePatterns> Parse(std::string_view text, const std::string& name,
                                         DataProblems* problems = nullptr, uint64_t checked = 0);

  // The fingerprint a check stamp records for furniture text `text`: FNV-1a-64 of the check's
  // version, ICU's version and the text. Never 0.
  static uint64_t CheckFingerprint(std::string_view text);
  // The content of a stamp recording `fingerprint` (one line, ending in a newline).
  static std::string StampFor(uint64_t fingerprint);
  // The fingerprint recorded by stamp file content `stamp`, or 0 when it is not a stamp of this
  // check version.
  static uint64_t ParseStamp(std::string_view stamp);
  // Where Load() looks for a stamp of `data_dir`'s furniture.txt by default: DATA_DIR/text/
  // furniture-checked, then the build's and the installed stamp.
  static std::vector<std::string> DefaultStamps(const std::string& data_dir);
  // Whether the last Load()/Parse() of this object skipped the per-line check (for tests and
  // check-data's report).
  bool checked_by_stamp() const { return checked_by_stamp_; }

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
    // For tests: false matches the literal phrases with their ICU regexes only, as before they
    // were matched in code (text/furniture_phrases.h), and ignores the regexes' prefixes
    // (RequiredPrefix) in the prefilters.
    void set_phrases_in_code(bool on) { phrases_in_code_ = on; }

   private:
    void SetText(std::string_view text);  // converts to utf16_ for the matches that follow
    // Bucket `b`'s alternation (through `m`, made on first use) on utf16_; false for null `b`.
    bool Matches(const Bucket* b, std::unique_ptr<icu::RegexMatcher>& m);
    bool Matches(icu::RegexMatcher* m);
    const FurniturePatterns& patterns_;
    std::array<std::unique_ptr<icu::RegexMatcher>, 256> bucket_;  // made on first use
    std::array<std::unique_ptr<icu::RegexMatcher>, 256> literal_;  // made on first use
    std::unique_ptr<icu::RegexMatcher> caption_;                   // made on first use
    bool phrases_in_code_ = true;
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
  using BucketSet = std::unique_ptr<std::array<Bucket, 256>>;
  static bool Has(const BucketSet& set, int c) { return set && !(*set)[c].source.empty(); }
  // Bucket c of `set` compiled (on the first call for c, by whichever thread comes first); null
  // when it has no patterns.
  static const Bucket* Compiled(const BucketSet& set, int c);
  // The captions, compiled like a bucket on the first call; null when there are none.
  const Bucket* CompiledCaptions() const;
  // Compiles b.whole, or when the alternation does not compile b.each (once, by whichever thread
  // comes first).
  static void CompileOnce(Bucket& b);
  BucketSet buckets_;   // the regex lines and the phrases that FurniturePhrases cannot take
  BucketSet literals_;  // the regexes of the phrases in `phrases_`, for what it cannot decide
  FurniturePhrases phrases_;
  // The captions' alternation, as a bucket (`source` "" when there are none).
  std::unique_ptr<Bucket> caption_;
  std::array<RegexPrefilter, 256> bucket_filter_;  // what a text needs to match bucket_[c]
  RegexPrefilter caption_filter_;
  std::vector<std::string> ends_;  // "end" phrases: lower case, single spaces
  size_t count_ = 0;
  bool checked_by_stamp_ = false;
};

// `re` with each set that is (nearly) closed under case written case-sensitively inside
// (?-i:...) together with what its closure adds (\p{L} -> (?-i:[\p{L}\u0345]); classes of
// \p{L}/\p{N}/\p{P}/\p{S}/\p{Z}, \s, \d and caseless characters likewise), so that a
// case-insensitive compilation matches exactly the same text without computing closures.
// Quoted text (\Q...\E) and every other construct are copied unchanged. Exposed for tests.
std::string CaseClosedRegex(std::string_view re);

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_FURNITURE_H_
