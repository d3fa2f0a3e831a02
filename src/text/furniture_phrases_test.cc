#include "text/furniture_phrases.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/furniture.h"

namespace dragoman {
namespace {

using Answer = FurniturePhrases::Answer;

struct ShippedPhrase {
  std::string kind, body;
};

std::string ShippedText() {
  std::ifstream in(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/text/furniture.txt");
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

std::vector<ShippedPhrase> ShippedPhrases(const std::string& text) {
  std::vector<ShippedPhrase> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string kind;
    fields >> kind;
    if (kind != "line" && kind != "start" && kind != "regex") continue;
    out.push_back({kind, line.substr(line.find_first_not_of(" \t", kind.size()))});
  }
  return out;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// Spellings of `phrase` that ICU may or may not take for it: case changes, letters that fold to
// ASCII ones (U+212A KELVIN SIGN, long s, ligatures, sharp s, dotted I), letters that do not,
// and every kind of white space between the words.
std::vector<std::string> Spellings(const std::string& phrase) {
  std::vector<std::string> out = {phrase};
  std::string upper = phrase, alternate = phrase;
  for (size_t i = 0; i < phrase.size(); ++i) {
    upper[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(phrase[i])));
    if (i % 2) alternate[i] = upper[i];
  }
  out.push_back(upper);
  out.push_back(alternate);
  const std::pair<const char*, const char*> letters[] = {
      {"k", "\u212A"}, {"s", "\u017F"}, {"fi", "\uFB01"}, {"st", "\uFB06"}, {"ss", "\u00DF"},
      {"i", "\u0130"}, {"e", "\u00E9"}, {"a", "\u0430"},  {"o", "O\u0301"}, {"l", "\u0141"}};
  for (const auto& [from, to] : letters) {
    if (phrase.find(from) != std::string::npos) out.push_back(ReplaceAll(phrase, from, to));
  }
  const char* spaces[] = {"  ",       "\t",     "\n",     "\r\n",   "\f",     "\v",
                          "\x1c",     "\u00A0", "\u2003", "\u2028", "\u200B", "\u0085",
                          " \u00A0 ", "",       "_",      "-"};
  for (const char* sp : spaces) {
    if (phrase.find(' ') != std::string::npos) out.push_back(ReplaceAll(phrase, " ", sp));
  }
  if (phrase.size() > 2) {
    out.push_back(phrase.substr(0, phrase.size() - 1));  // one letter short
    out.push_back(phrase.substr(0, 2) + "\xff" + phrase.substr(2));
    out.push_back(phrase.substr(0, 2) + "\u00A9" + phrase.substr(2));
  }
  return out;
}

const char* const kPrefixes[] = {"", " ", "\u00A0", "\u201C", "\u212A", "\xff", "the ", "\v"};
const char* const kSuffixes[] = {
    "",         ".",        "!!",     " ",      ".\u201D", "\u2026",  " more",   "s",
    "_x",       ":",        "\u0301", "\u00A0", "\v",      "\u2019",  " \u2014", "\u00A9",
    "\xff",     "\xe2\x80", "2",      " 2024",  "\u2028",  "\u00A0.", "\u200D",  " \t",
    ": \u00e9", "\u00e9",   "\x1f",   "\u0085", "\u3000",  "\u00AD",  ")",       "$"};

// The differential test: every shipped line/start phrase and hundreds of thousands of variants,
// answered by the code (text/furniture_phrases.h) and by the ICU regexes alone, must agree; so
// must the regex lines with and without their prefixes in the prefilters (RequiredPrefix).
TEST(FurniturePhrasesTest, CodeAndRegexesAgreeOnShippedPhrasesAndVariants) {
  const std::string text = ShippedText();
  ASSERT_FALSE(text.empty()) << "data/text/furniture.txt";
  auto fp = FurniturePatterns::Parse(text, "furniture.txt");
  ASSERT_TRUE(fp.ok()) << fp.status().message();
  FurniturePatterns::Matcher code(*fp), regex(*fp);
  regex.set_phrases_in_code(false);
  const std::vector<ShippedPhrase> phrases = ShippedPhrases(text);
  ASSERT_GT(phrases.size(), 100u);
  size_t compared = 0, furniture = 0;
  auto check = [&](const std::string& s) {
    const bool want = regex.IsFurniture(s);
    ASSERT_EQ(code.IsFurniture(s), want) << "'" << s << "'";
    ++compared;
    furniture += want;
  };
  // The regex lines' leading letters (their prefilters' prefixes) with what they may continue.
  const char* const regex_tails[] = {" 3 March 2024",
                                     ", March 3, 2024 10:30",
                                     ": 4 May 2024",
                                     " on 12 May 2024",
                                     " Jane Smith",
                                     " Jane Smith | Agency",
                                     " release: 12 April 2024",
                                     " 2024-05-03",
                                     "\u00A03 March 2024",
                                     "s",
                                     "",
                                     ".",
                                     " \u00BB World",
                                     " 3 \u212Aislev 2024"};
  for (const ShippedPhrase& p : phrases) {
    if (p.kind != "regex") continue;
    size_t n = 0;
    while (n < p.body.size() && std::isalnum(static_cast<unsigned char>(p.body[n]))) ++n;
    if (n == 0) continue;
    for (const std::string& spelling : Spellings(p.body.substr(0, n))) {
      for (const char* prefix : {"", " ", "\u212A"}) {
        for (const char* tail : regex_tails) check(prefix + spelling + tail);
      }
    }
  }
  for (const ShippedPhrase& p : phrases) {
    if (p.kind == "regex") continue;
    for (const std::string& spelling : Spellings(p.body)) {
      for (const char* prefix : kPrefixes) {
        for (const char* suffix : kSuffixes) check(prefix + spelling + suffix);
      }
    }
  }
  // Phrases glued together and cut anywhere, with random separators.
  std::mt19937 rng(14);
  const char* glue[] = {" ", "  ", ".", ":", "\u00A0", "\u212A", "\u017F", "\xc3", "\u2019", "-"};
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    const int parts = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < parts; ++k) {
      const std::string& b = phrases[rng() % phrases.size()].body;  // a regex: its letters
      s += b.substr(0, b.size() - rng() % std::min<size_t>(b.size(), 3) * (rng() % 2));
      if (k + 1 < parts || rng() % 2) s += glue[rng() % std::size(glue)];
    }
    if (rng() % 3 == 0) s[rng() % s.size()] ^= 0x20;  // one letter's case, or a space
    check(s);
  }
  EXPECT_GT(compared, 500000u);
  EXPECT_GT(furniture, 5000u);  // both answers are exercised
}

TEST(FurniturePhrasesTest, DecidesPlainTextWithoutIcu) {
  FurniturePhrases ph;
  for (const char* p : {"share this", "share", "read more", "©"}) {
    ASSERT_TRUE(FurniturePhrases::Accepts(p)) << p;
  }
  ph.Add("share this", /*whole_line=*/true, /*word_end=*/true);
  ph.Add("share", true, true);
  ph.Add("read  more", /*whole_line=*/false, /*word_end=*/true);
  ph.Add("©", false, false);
  ph.Finish();
  const std::pair<const char*, Answer> cases[] = {
      {"Share this.", Answer::kYes},
      {"SHARE\t\tTHIS!! ", Answer::kYes},
      {"Share.\u201D", Answer::kYes},  // curly quote: punctuation
      {"Share this page", Answer::kNo},
      {"Shares", Answer::kNo},
      {"Read more: talks", Answer::kYes},
      {"Read more", Answer::kYes},
      {"read\nmore about it", Answer::kYes},
      {"Read moreover", Answer::kNo},
      {"Read more_", Answer::kNo},  // '_' is a word character
      {"\u00A9 2024 Example", Answer::kYes},
      {"The minister met", Answer::kNo},
      {"\u00C9lys\u00E9e", Answer::kNo},     // no phrase can start there
      {"\u212Aelvin", Answer::kNo},          // another bucket than any 'k' phrase
      {"Read\u00A0more", Answer::kUnsure},   // ICU's \s decides
      {"\u017Fhare", Answer::kNo},           // first character: bucket of its byte, empty
      {"Sha\u017Fe", Answer::kUnsure},       // a letter that folds (here to 's')
      {"Shar\u00E9", Answer::kUnsure},       // a letter where phrases continue
      {"Share\u00A0", Answer::kUnsure},      // trailing white space ICU may not take
      {"Share! \u00E9", Answer::kNo},        // a letter after the line: never
      {"Read more\u0301", Answer::kUnsure},  // \b skips marks
      {"Share\xff", Answer::kNo},            // U+FFFD is a symbol
  };
  for (const auto& [s, want] : cases) {
    EXPECT_EQ(static_cast<int>(ph.Match(s)), static_cast<int>(want)) << s;
  }
}

TEST(FurniturePhrasesTest, AcceptsOnlyWhatItModels) {
  EXPECT_TRUE(FurniturePhrases::Accepts("(reporting by"));
  EXPECT_TRUE(FurniturePhrases::Accepts("e-mail"));
  EXPECT_FALSE(FurniturePhrases::Accepts(""));
  EXPECT_FALSE(FurniturePhrases::Accepts("caf\u00E9"));  // a cased letter
  EXPECT_FALSE(FurniturePhrases::Accepts("a\u00A0b"));   // non-ASCII white space
  EXPECT_FALSE(FurniturePhrases::Accepts("a\vb"));       // a vertical tab
  EXPECT_FALSE(FurniturePhrases::Accepts("trailing "));
  EXPECT_FALSE(FurniturePhrases::Accepts("bad\xff"));
}

}  // namespace
}  // namespace dragoman
