#include "text/furniture.h"

#include <gtest/gtest.h>
#include <unicode/regex.h>
#include <unicode/uniset.h>

#include <cstdlib>
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

// Captions are an alternation compiled on first use, like the buckets: ones that do not combine
// are reported by check-data and matched one at a time when coding.
TEST(FurnitureTest, CaptionsThatDoNotCombineAreMatchedOneAtATime) {
  const std::string text = "caption (?<x>ab)c\ncaption (?<x>ab)d\n";
  DataProblems problems;
  auto checked = FurniturePatterns::Parse(text, "test.txt", &problems);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.status().message().rfind("test.txt: patterns do not combine", 0), 0u)
      << checked.status().message();
  FurniturePatterns fp = MustParse(text);
  FurniturePatterns::Matcher m(fp);
  EXPECT_TRUE(m.IsCaptionEnd("abc"));
  EXPECT_TRUE(m.IsCaptionEnd("ABD"));
  EXPECT_FALSE(m.IsCaptionEnd("abe"));
  EXPECT_FALSE(m.IsFurniture("abc"));
}

// A check stamp skips the per-line compiles only for the exact bytes it names; check-data
// (a problems sink) always compiles every line.
TEST(FurnitureTest, StampVouchesOnlyForTheBytesItNames) {
  const std::string bad = "line share\nregex a(b\n";  // the regex does not compile
  const uint64_t fingerprint = FurniturePatterns::CheckFingerprint(bad);
  auto unchecked = FurniturePatterns::Parse(bad, "test.txt", nullptr, fingerprint);
  ASSERT_TRUE(unchecked.ok()) << unchecked.status().message();
  EXPECT_TRUE(unchecked->checked_by_stamp());
  // The bad line is dropped where it would be compiled; the rest still matches.
  FurniturePatterns::Matcher m(*unchecked);
  EXPECT_TRUE(m.IsFurniture("Share"));

  auto other = FurniturePatterns::Parse(bad, "test.txt", nullptr,
                                        FurniturePatterns::CheckFingerprint(bad + "#\n"));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.status().message().rfind("test.txt:2: bad pattern", 0), 0u)
      << other.status().message();

  DataProblems problems;
  auto checking = FurniturePatterns::Parse(bad, "test.txt", &problems, fingerprint);
  EXPECT_FALSE(checking.ok() && problems.empty());
  if (checking.ok()) {
    EXPECT_FALSE(checking->checked_by_stamp());
  }
}

TEST(FurnitureTest, StampFormat) {
  const uint64_t f = FurniturePatterns::CheckFingerprint("line a\n");
  EXPECT_NE(f, 0u);
  EXPECT_NE(f, FurniturePatterns::CheckFingerprint("line b\n"));
  const std::string stamp = FurniturePatterns::StampFor(f);
  EXPECT_EQ(stamp.rfind("dragoman-furniture-checked 1 ", 0), 0u) << stamp;
  EXPECT_EQ(FurniturePatterns::ParseStamp(stamp), f);
  std::string other_version = stamp;
  other_version.replace(27, 1, "9");
  EXPECT_EQ(FurniturePatterns::ParseStamp(other_version), 0u);
  EXPECT_EQ(FurniturePatterns::ParseStamp(stamp.substr(0, stamp.size() - 2) + "\n"), 0u);
  EXPECT_EQ(FurniturePatterns::ParseStamp(""), 0u);
  std::string upper = stamp;
  for (char& c : upper) c = (c >= 'a' && c <= 'f') ? static_cast<char>(c - 32) : c;
  EXPECT_EQ(FurniturePatterns::ParseStamp(upper), 0u);
}

// Load() tries the stamps in order, skips missing and foreign ones, and stops trusting a stamp
// as soon as the file changes.
TEST(FurnitureTest, LoadFindsTheStampOfTheFileItReads) {
  const std::string dir = ::testing::TempDir() + "furniture_stamp_test_" +
                          std::to_string(::testing::UnitTest::GetInstance()->random_seed());
  ASSERT_EQ(system(("mkdir -p '" + dir + "'").c_str()), 0);
  const std::string file = dir + "/furniture.txt", good = dir + "/good", foreign = dir + "/x";
  auto write = [](const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  };
  const std::string text = "line share\nregex \\d+ photos?\n";
  write(file, text);
  write(good, FurniturePatterns::StampFor(FurniturePatterns::CheckFingerprint(text)));
  write(foreign, FurniturePatterns::StampFor(FurniturePatterns::CheckFingerprint("line x\n")));
  auto stamped = FurniturePatterns::Load(file, nullptr, {dir + "/missing", foreign, good});
  ASSERT_TRUE(stamped.ok()) << stamped.status().message();
  EXPECT_TRUE(stamped->checked_by_stamp());
  auto plain = FurniturePatterns::Load(file);
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->checked_by_stamp());
  FurniturePatterns::Matcher a(*stamped), b(*plain);
  for (const char* s : {"Share", "12 photos", "12 photographs", "share this"}) {
    EXPECT_EQ(a.IsFurniture(s), b.IsFurniture(s)) << s;
  }
  write(file, text + "regex a(b\n");  // changed since the stamp: checked, and refused
  auto changed = FurniturePatterns::Load(file, nullptr, {good});
  ASSERT_FALSE(changed.ok());
  EXPECT_EQ(changed.status().message().rfind(file + ":3: bad pattern 'a(b'", 0), 0u)
      << changed.status().message();
}

// The build stamps the shipped file, so that start-up skips its per-line compiles.
TEST(FurnitureTest, TheBuildStampsTheShippedFile) {
  const std::string path = std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/text/furniture.txt";
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::ifstream stamp_in(DRAGOMAN_FURNITURE_STAMP, std::ios::binary);
  std::stringstream stamp;
  stamp << stamp_in.rdbuf();
  EXPECT_EQ(FurniturePatterns::ParseStamp(stamp.str()),
            FurniturePatterns::CheckFingerprint(text.str()));
  auto loaded = FurniturePatterns::Load(path, nullptr, FurniturePatterns::DefaultStamps(
                                                           DRAGOMAN_SOURCE_DATA_DIR));
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_TRUE(loaded->checked_by_stamp());
}

TEST(FurnitureTest, MissingFileIsBadData) {
  auto r = FurniturePatterns::Load("/nonexistent/furniture.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBadData);
}

}  // namespace
}  // namespace dragoman
