#include "text/furniture.h"

#include <gtest/gtest.h>
#include <unicode/regex.h>
#include <unicode/uniset.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace dragoman {
namespace {

FurniturePatterns MustParse(const std::string& text) {
  auto r = FurniturePatterns::Parse(text, "test.txt");
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : FurniturePatterns();
}

struct Case {
  const char* sentence;
  bool furniture;
};

TEST(FurnitureTest, Kinds) {
  FurniturePatterns fp = MustParse(
      "# comment\n"
      "\n"
      "line share this page\n"
      "start read more\n"
      "start last update:\n"
      "start ©\n"
      "end all rights reserved\n"
      "regex by\\s+(?-i:\\p{Lu})\\p{L}+\n"
      "regex \\d{4}-\\d{2}-\\d{2}\n"
      "regex \\((?:photo)\\s*:[^)]*\\)\n");
  EXPECT_EQ(fp.size(), 8u);
  FurniturePatterns::Matcher m(fp);
  const Case cases[] = {
      {"Share this page", true},
      {"SHARE  THIS\tPAGE!", true},
      {"Share this page with friends", false},
      {"Read more", true},
      {"Read more: talks in Baku", true},
      {"Read moreover", false},
      {"Last update: 3 May 2024", true},
      {"The last update: none", false},
      {"© 2024 Example", true},
      {"Example News. All rights reserved.", true},
      {"All Rights Reserved", true},
      {"Not all rights reserved here", false},
      {"Some unreserved", false},
      {"By Smith", true},
      {"by smith", false},  // the name must be capitalised: (?-i:...)
      {"2024-05-03", true},
      {"2024-05-03 and more", false},
      {"(Photo: Agency)", true},
      {"The ministers met.", false},
      {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(m.IsFurniture(c.sentence), c.furniture) << c.sentence;
  EXPECT_FALSE(m.IsFurniture(std::string(2000, 'x') + " all rights reserved"));
}

TEST(FurnitureTest, Captions) {
  FurniturePatterns fp = MustParse(
      "caption (?:photo|image)s?\\s*:.*\n"
      "caption "
      "(?:[^/]*+(?<=\\s))?/\\s*(?:[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,})?\n");
  FurniturePatterns::Matcher m(fp);
  EXPECT_TRUE(m.IsCaptionEnd("/ example.gov"));
  EXPECT_TRUE(m.IsCaptionEnd("/"));
  EXPECT_TRUE(m.IsCaptionEnd("The ministers in Baku / news.example.az"));
  EXPECT_TRUE(m.IsCaptionEnd("Photo: Example Agency"));
  EXPECT_FALSE(m.IsCaptionEnd("Rates were 1 USD / 1.7 AZN"));
  EXPECT_FALSE(m.IsCaptionEnd("and/or"));
  EXPECT_FALSE(m.IsFurniture("Photo: Example Agency"));  // captions are not sentence patterns
}

TEST(FurnitureTest, BadLinesNameTheLine) {
  struct Bad {
    const char* text;
    const char* want;
  } cases[] = {
      {"line ok\nbogus pattern\n", "test.txt:2: unknown kind 'bogus'"},
      {"regex (unclosed\n", "test.txt:1: bad pattern '(unclosed'"},
      {"\n\nline\n", "test.txt:3: expected 'KIND PATTERN'"},
      {"caption [z-a]\n", "test.txt:1: bad pattern"},
      // Syntax is checked with cheap sets, property names one by one (\p{L} once a file).
      {"regex \\p{L}+ \\p{Bogus}\n", "test.txt:1: bad pattern '\\p{L}+ \\p{Bogus}': U_"},
      {"regex \\p{L}x\nregex [\\p{L}\n", "test.txt:2: bad pattern '[\\p{L}': U_"},
      {"regex \\Q\\p{\\E(\n", "test.txt:1: bad pattern '\\Q\\p{\\E(': U_"},
  };
  for (const Bad& b : cases) {
    auto r = FurniturePatterns::Parse(b.text, "test.txt");
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_EQ(r.status().code(), Status::Code::kBadData);
    EXPECT_EQ(r.status().message().rfind(b.want, 0), 0u) << r.status().message();
  }
}

TEST(FurnitureTest, CaseClosedRegexRewritesOnlyClosedSets) {
  struct Rewrite {
    const char* in;
    const char* out;
  } cases[] = {
      {"\\p{L}+", "(?-i:[\\p{L}\\u0345])+"},
      {"\\d{1,2}\\s+\\p{N}", "\\d{1,2}\\s+(?-i:[\\p{N}])"},
      {"[\\s\\p{P}]*", "(?-i:[\\s\\p{P}])*"},
      {"[\\p{L}.'-]", "(?-i:[\\u0345\\p{L}.'-])"},
      {"[^)]*", "(?-i:[^)])*"},
      {"[ T]", "[ T]"},                  // a letter: left to the case-insensitive compiler
      {"[a-z]", "[a-z]"},                // a range
      {"[[\\p{L}]&&[a]]", "[[\\p{L}]&&[a]]"},  // nested sets
      {"\\p{Lu}", "\\p{Lu}"},            // not closed under case
      {"\\Q\\p{L}\\E", "\\Q\\p{L}\\E"},  // quoted text is literal
      {"\\[\\p{L}", "\\[(?-i:[\\p{L}\\u0345])"},
      {"[unclosed", "[unclosed"},
  };
  for (const Rewrite& r : cases) EXPECT_EQ(CaseClosedRegex(r.in), r.out) << r.in;
}

// The rewrite is exact only if each property's case closure adds what the table says it adds:
// checked against ICU itself, so that a new ICU version with new case mappings fails here.
TEST(FurnitureTest, ClosedPropertiesMatchIcuClosures) {
  for (const char* prop : {"L", "N", "P", "S", "Z"}) {
    std::string re = CaseClosedRegex(std::string("\\p{") + prop + "}");
    ASSERT_EQ(re.rfind("(?-i:[", 0), 0u) << re;
    std::string set = re.substr(5, re.size() - 6);  // "[...]"
    UErrorCode st = U_ZERO_ERROR;
    icu::UnicodeSet written(icu::UnicodeString::fromUTF8(set), st);
    ASSERT_TRUE(U_SUCCESS(st)) << set;
    icu::UnicodeSet closed(icu::UnicodeString::fromUTF8(std::string("[\\p{") + prop + "}]"), st);
    closed.closeOver(USET_CASE_INSENSITIVE);
    closed.removeAllStrings();  // regex sets match code points only
    EXPECT_TRUE(closed == written) << prop;
  }
}

// Every shipped pattern compiled as it is written and as rewritten gives the same answer on
// text with letters whose case mappings are unusual.
TEST(FurnitureTest, RewrittenShippedPatternsMatchTheSame) {
  std::ifstream in(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/text/furniture.txt");
  ASSERT_TRUE(in) << "data/text/furniture.txt";
  const char* samples[] = {
      "By Jane Smith", "by jane smith", "By \u212Aelvin", "By Ϊ\u0345ota, March 3, 2024",
      "Monday, 3 March 2024", "MONDAY 3 ſeptember 2024 10:30", "(Photo: Agency)",
      "(photo/ Agency)", "Press release: 12 \u00C5pril 2024", "Share this page!",
      "Updated: 4 May", "/ news.example.az", "Photo credit: AP", "ΑΒΓ / δε.ζη"};
  int compared = 0;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string kind, body;
    fields >> kind;
    if (kind != "regex" && kind != "caption") continue;
    body = line.substr(line.find_first_not_of(" \t", kind.size()));
    auto compile = [](const std::string& re) {
      UErrorCode st = U_ZERO_ERROR;
      UParseError pe;
      std::unique_ptr<icu::RegexPattern> p(icu::RegexPattern::compile(
          icu::UnicodeString::fromUTF8(re), UREGEX_CASE_INSENSITIVE | UREGEX_DOTALL, pe, st));
      return U_SUCCESS(st) ? std::move(p) : nullptr;
    };
    auto original = compile(body);
    auto rewritten = compile(CaseClosedRegex(body));
    ASSERT_TRUE(original && rewritten) << body;
    for (const char* s : samples) {
      icu::UnicodeString text = icu::UnicodeString::fromUTF8(s).unescape();
      UErrorCode st = U_ZERO_ERROR;
      std::unique_ptr<icu::RegexMatcher> a(original->matcher(text, st));
      std::unique_ptr<icu::RegexMatcher> b(rewritten->matcher(text, st));
      ASSERT_TRUE(U_SUCCESS(st));
      EXPECT_EQ(a->matches(st), b->matches(st)) << body << " on " << s;
      EXPECT_EQ(a->find(), b->find()) << body << " on " << s;
      ++compared;
    }
  }
  EXPECT_GT(compared, 100);
}

// Alternations are compiled on first use; patterns that are valid alone but do not combine (two
// groups of one name) are reported by check-data (a problems sink) and, when coding, matched one
// at a time with the same answers.
TEST(FurnitureTest, PatternsThatDoNotCombineAreMatchedOneAtATime) {
  const std::string text = "regex (?<x>ab)c\nregex (?<x>ab)d\nline ab!\n";
  DataProblems problems;
  auto checked = FurniturePatterns::Parse(text, "test.txt", &problems);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.status().message().rfind("test.txt: patterns do not combine", 0), 0u)
      << checked.status().message();
  FurniturePatterns fp = MustParse(text);
  EXPECT_EQ(fp.size(), 3u);
  FurniturePatterns::Matcher m(fp);
  EXPECT_TRUE(m.IsFurniture("abc"));
  EXPECT_TRUE(m.IsFurniture("ABD"));
  EXPECT_TRUE(m.IsFurniture("ab!"));
  EXPECT_FALSE(m.IsFurniture("abe"));
}

// "line" phrases share one trailing-punctuation set per bucket: each still matches alone, with
// any trailing punctuation, and only as the whole sentence.
TEST(FurnitureTest, LinePhrasesOfOneBucket) {
  FurniturePatterns fp = MustParse("line share this\nline subscribe\nline share\nstart sh\n");
  FurniturePatterns::Matcher m(fp);
  for (const Case& c : std::vector<Case>{{"Share this", true},
                                         {"share this!!", true},
                                         {"Share", true},
                                         {"Subscribe.", true},
                                         {"Share this page", false},
                                         {"Subscribe now", false},
                                         {"sh is a start", true}}) {
    EXPECT_EQ(m.IsFurniture(c.sentence), c.furniture) << c.sentence;
  }
}

TEST(FurnitureTest, PropertySetsInValidPatterns) {
  FurniturePatterns fp = MustParse(
      "regex by\\s+(?-i:\\p{Lu})[\\p{L}.'-]*\n"
      "regex \\QA\\p{L}\\E\\P{N}\n"
      "regex x\\\\py\n");  // an escaped backslash, then the letters p and y
  FurniturePatterns::Matcher m(fp);
  EXPECT_TRUE(m.IsFurniture("By O'Neill"));
  EXPECT_FALSE(m.IsFurniture("by jane"));
  EXPECT_TRUE(m.IsFurniture("A\\p{L}z"));
  EXPECT_FALSE(m.IsFurniture("A\\p{L}5"));
  EXPECT_TRUE(m.IsFurniture("x\\py"));
}

TEST(FurnitureTest, MissingFileIsBadData) {
  auto r = FurniturePatterns::Load("/nonexistent/furniture.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBadData);
}

}  // namespace
}  // namespace dragoman
