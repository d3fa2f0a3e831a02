// Page-furniture patterns (data/text/furniture.txt): banners, logos, share links, bylines,
// photo credits. File format (also in doc/text.md): one pattern a line, "KIND PATTERN", '#'
// starts a comment line. Matching is case-insensitive and spans the whole sentence text (the
// original text of the sentence, trimmed):
//   line PHRASE     the sentence is PHRASE, optionally followed by punctuation
//   start PHRASE    the sentence starts with PHRASE (at a word boundary)
//   end PHRASE      the sentence ends with PHRASE, optionally followed by punctuation
//   regex REGEX     ICU regular expression that must match the whole sentence
//   caption REGEX   ICU regular expression tested on the LAST sentence of a line; a match
//                   makes every sentence of that line furniture (a photo caption followed by
//                   its credit, "... in Tehran. / president.ir")
// In PHRASE, a space matches any run of white space; other characters are literal. Inline
// flags such as (?-i) work in REGEX. Sentences longer than kMaxFurnitureBytes are never
// furniture (and are not scanned).
//
// Thread-safety: a FurniturePatterns is immutable after Load(). A Matcher is single-threaded:
// make one per Analyze() call.
#ifndef DRAGOMAN_TEXT_FURNITURE_H_
#define DRAGOMAN_TEXT_FURNITURE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

#include "base/status.h"

U_NAMESPACE_BEGIN
class RegexPattern;
class RegexMatcher;
U_NAMESPACE_END

namespace dragoman {

inline constexpr size_t kMaxFurnitureBytes = 1000;

class FurniturePatterns {
 public:
  FurniturePatterns();
  FurniturePatterns(FurniturePatterns&&) noexcept;
  FurniturePatterns& operator=(FurniturePatterns&&) noexcept;
  ~FurniturePatterns();

  // BadData "path:line: why" for an unknown kind or a regex that does not compile.
  static Result<FurniturePatterns> Load(const std::string& path);
  static Result<FurniturePatterns> Parse(std::string_view text, const std::string& name);

  size_t size() const { return sentence_.size() + caption_.size(); }

  class Matcher {
   public:
    explicit Matcher(const FurniturePatterns& patterns);
    ~Matcher();
    Matcher(const Matcher&) = delete;
    Matcher& operator=(const Matcher&) = delete;
    // Whether `sentence` matches a line/start/end/regex pattern.
    bool IsFurniture(std::string_view sentence);
    // Whether `sentence` (the last of its line) matches a caption pattern.
    bool IsCaptionEnd(std::string_view sentence);

   private:
    bool AnyMatch(std::vector<std::unique_ptr<icu::RegexMatcher>>& matchers,
                  std::string_view text);
    std::vector<std::unique_ptr<icu::RegexMatcher>> sentence_;
    std::vector<std::unique_ptr<icu::RegexMatcher>> caption_;
  };

 private:
  std::vector<std::unique_ptr<icu::RegexPattern>> sentence_;
  std::vector<std::unique_ptr<icu::RegexPattern>> caption_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_FURNITURE_H_
