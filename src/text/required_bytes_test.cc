#include "text/required_bytes.h"

#include <gtest/gtest.h>
#include <unicode/regex.h>

#include <string>

namespace dragoman {
namespace {

TEST(RequiredBytes, TopLevelPunctuationOnly) {
  const std::pair<const char*, const char*> cases[] = {
      // The caption patterns of data/text/furniture.txt: a credit needs its ':' or '/'.
      {"(?:photo|image|picture|credit)s?\\s*(?:by|credit)?\\s*:.*", ":"},
      {"(?:[^/]*+(?<=\\s))?/\\s*(?:[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,})?", "/"},
      {"\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2})?)?", "-"},
      {"\\((?:photo|image)\\s*:\\s*[^)]*\\)", "(:)"},
      {"home\\s*[»>|/›].*", ""},          // a class: no single byte is required
      {"a:?b", ""},                        // optional
      {"a:*b", ""},
      {"a:{0,2}b", ""},
      {"a:{1,2}b", ":"},
      {"a:+?b", ":"},
      {"x|:", ""},                         // a top-level alternation
      {"\\Qread more:\\E[\\s\\p{P}]*", ":"},
      {"\\Qa,b\\E?", ","},                 // the quantifier takes the last quoted byte only
      {"\\Qa,b:\\E?", ","},
      {"\\x{3A}\\u002F\\p{P}", ""},        // escapes with arguments are not literals
      {"\\.\\\\", ".\\"},
      {"(?x) a # :", ""},                  // comments mode: give up
      {"letters only", ""},                // letters have case variants: never required
      {"\\Q\xC2\xA9\\E.*", "\xC2\xA9"},      // "start ©": a caseless character's bytes
      {"\xC3\xA9t\xC3\xA9", ""},              // é has case variants
      {"a\xC2\xA9?b", ""},
  };
  for (const auto& [re, want] : cases) EXPECT_EQ(RequiredBytes(re), want) << re;
}

// Every required byte really is required: a text without it never matches (checked against
// ICU on texts that match with it).
TEST(RequiredBytes, AgreesWithIcu) {
  const std::pair<const char*, const char*> cases[] = {
      {"(?:photo|image|picture|credit)s?\\s*(?:by|credit)?\\s*:.*", "Photo credit: AFP"},
      {"(?:[^/]*+(?<=\\s))?/\\s*(?:[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,})?",
       "in Tehran. / president.ir"},
      {"\\d{4}-\\d{2}-\\d{2}", "2024-03-08"},
      {"\\Q\xC2\xA9\\E.*", "\xC2\xA9 2024 Agency"},
  };
  for (const auto& [re, text] : cases) {
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
        icu::UnicodeString::fromUTF8(re), UREGEX_CASE_INSENSITIVE, pe, st));
    ASSERT_TRUE(U_SUCCESS(st)) << re;
    std::unique_ptr<icu::RegexMatcher> m(p->matcher(icu::UnicodeString::fromUTF8(text), st));
    EXPECT_TRUE(m->matches(st)) << re;
    for (char c : RequiredBytes(re)) {
      std::string without = text;
      std::erase(without, c);
      m->reset(icu::UnicodeString::fromUTF8(without));
      EXPECT_FALSE(m->matches(st)) << re << " on " << without;
    }
  }
}

TEST(RegexPrefilter, OnePatternsNeedsSuffice) {
  RegexPrefilter f;
  EXPECT_TRUE(f.MayMatch("anything"));  // no patterns: no filtering
  f.Add(":");
  f.Add("/");
  EXPECT_FALSE(f.MayMatch("a sentence"));
  EXPECT_TRUE(f.MayMatch("credit: AFP"));
  EXPECT_TRUE(f.MayMatch("a / b.ir"));
  RegexPrefilter g;
  g.Add(":-");
  EXPECT_FALSE(g.MayMatch("a:b"));
  EXPECT_TRUE(g.MayMatch("a:b-c"));
  g.Add("");  // a pattern with no known requirement: every text may match
  EXPECT_TRUE(g.MayMatch("a sentence"));
}

TEST(RequiredPrefix, LeadingLettersOnly) {
  const std::pair<const char*, const char*> cases[] = {
      {"thursday\\s*,?\\s*\\d", "thursday"},
      {"Last\\s+updated?", "last"},
      {"updated?\\s*:", "update"},  // the optional 'd' is not required
      {"ab*c", "a"},
      {"ab{0,2}c", "a"},
      {"ab+c", "ab"},
      {"by\\s+(?-i:\\p{Lu})", "by"},
      {"home\\s*[\u00bb>|/].*", "home"},  // '|' in a class
      {"may|june", ""},                   // a top-level alternation
      {"may(?:a|b)", "may"},
      {"\\d{4}", ""},
      {"(?i)abc", ""},
      {"", ""},
  };
  for (const auto& [re, want] : cases) EXPECT_EQ(RequiredPrefix(re), want) << re;
}

TEST(RegexPrefilter, PrefixesRuleOutOtherStarts) {
  RegexPrefilter f;
  f.Add("", "thursday");
  f.Add("", "tuesday");
  EXPECT_TRUE(f.MayMatch("Thursday, 3 March 2024"));
  EXPECT_TRUE(f.MayMatch("TUESDAY"));
  EXPECT_FALSE(f.MayMatch("The minister met"));
  EXPECT_FALSE(f.MayMatch("Thu"));                   // too short, all ASCII
  EXPECT_TRUE(f.MayMatch("Tue\u017Fday, 3 March"));  // long s folds to 's': ICU decides
  EXPECT_TRUE(f.MayMatch("The minister met", /*use_prefix=*/false));
  f.Add(":", "");
  EXPECT_TRUE(f.MayMatch("The minister: yes"));
  EXPECT_FALSE(f.MayMatch("The minister"));
}

}  // namespace
}  // namespace dragoman
