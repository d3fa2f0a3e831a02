#include "quantity/quantity.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "base/file.h"
#include "testing/seeds.h"
#include "testing/stages.h"
#include "text/analysis.h"

namespace dragoman {
namespace {

using test_support::Analyzer;

const QuantityFinder& Finder() {
  static const QuantityFinder finder =
      test_support::Must(QuantityFinder::Create(test_support::ShippedLexicon()), "QuantityFinder");
  return finder;
}

std::string FormatValue(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// "[qualifier ]value unit" for every quantity in `text`, joined by "; ".
std::string Quantities(std::string_view text) {
  std::string out;
  for (const Sentence& s : Analyzer().Analyze(text)) {
    for (const QuantityMention& q : Finder().Find(s, text)) {
      if (!out.empty()) out += "; ";
      if (!q.qualifier.empty()) out += q.qualifier + " ";
      out += FormatValue(q.value) + " " + q.unit;
    }
  }
  return out;
}

struct Case {
  const char* text;
  const char* want;
};

class QuantityTest : public ::testing::TestWithParam<Case> {};

TEST_P(QuantityTest, Finds) {
  const Case& c = GetParam();
  EXPECT_EQ(Quantities(c.text), c.want) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Counts, QuantityTest,
    ::testing::Values(Case{"Officials held 37 consular meetings this year.", "37 meeting"},
                      Case{"Five Iranian nationals were pardoned.", "5 national"},
                      Case{"At least 41 soldiers and four civilians remain in custody.",
                           "at least 41 soldier; 4 civilian"},
                      Case{"The government extradited over 100 detainees.", "over 100 detainee"},
                      Case{"Sixty-two Armenian soldiers were captured.", "62 soldier"},
                      Case{"More than 130 km of the frontier was closed.", "more than 130 km"},
                      Case{"The floods displaced 2.5 million people.", "2.5e+06 people"},
                      Case{"Police detained a dozen protesters.", "12 protester"},
                      Case{"The ministry sent 1,200 border guards.", "1200 guard"},
                      Case{"About two hundred and fifty delegates attended.", "about 250 delegate"},
                      Case{"Twenty-one journalists were released.", "21 journalist"},
                      Case{"Up to 300 troops will be deployed.", "up to 300 troop"},
                      Case{"Nearly 40 percent of voters abstained.", "nearly 40 percent"},
                      Case{"Unemployment reached 12% in the north.", "12 percent"},
                      Case{"The convoy carried 15 tonnes of aid.", "15 tonne"},
                      Case{"Eight al-Qaeda fighters surrendered.", "8 fighter"},
                      // Every month abbreviation of data/lexicon/months.txt marks a date.
                      Case{"Talks opened on 5 Nov and 12 delegates left on 7 Dec.",
                           "12 delegate"},
                      Case{"The army lost 12 Turkish-made drones.", "12 drone"},
                      Case{"The bank lent $5 million to the port.", "5e+06 dollar"},
                      Case{"Aid worth about €200 arrived.", "about 200 euro"},
                      Case{"Police arrested three Iranians.", "3 iranian"}));

INSTANTIATE_TEST_SUITE_P(
    NotQuantities, QuantityTest,
    ::testing::Values(Case{"In 2021, the two sides met in Baku.", "2 side"},
                      Case{"The 1998 bilateral agreement was signed in Baku.", ""},
                      Case{"During the 44-day war, claims were made.", ""},
                      Case{"The policy has held for 30 years.", ""},
                      Case{"The ban lasted two weeks.", ""},
                      Case{"The 29th session will be held at COP-29.", ""},
                      Case{"Press release No:367/21 was issued.", ""},
                      Case{"The meeting ended at 21:57 local time.", ""},
                      Case{"The talks took place on March 5 and 6 May.", ""},
                      Case{"One of the centers was visited.", ""},
                      Case{"Nearly one third of the budget went to defence.", ""},
                      Case{"Resolution 2231 calls for restraint under Article 5 rules.", ""},
                      Case{"Flight 752 passengers were mourned.", ""},
                      Case{"He has visited Moscow 12 times.", ""},
                      Case{"The final score was Iran 1 Japan 0.", ""}));

TEST(ParseNumber, Forms) {
  struct N {
    const char* text;
    double value;
    int tokens;  // tokens consumed
  };
  for (const N& n : {N{"37", 37, 1}, N{"1,000", 1000, 1}, N{"2.5 million", 2.5e6, 2},
                     N{"sixty-two", 62, 3}, N{"a dozen", 12, 2}, N{"a thousand", 1000, 2},
                     N{"three hundred thousand", 300000, 3}, N{"ninety nine", 99, 2}}) {
    std::vector<Sentence> s = Analyzer().Analyze(n.text);
    ASSERT_EQ(s.size(), 1u) << n.text;
    int end = 0;
    std::optional<double> v = Finder().ParseNumber(s[0].tokens, 0, &end);
    ASSERT_TRUE(v.has_value()) << n.text;
    EXPECT_DOUBLE_EQ(*v, n.value) << n.text;
    EXPECT_EQ(end, n.tokens) << n.text;
  }
  for (const char* text : {"a", "dozens", "the", "first", "five six"}) {
    std::vector<Sentence> s = Analyzer().Analyze(text);
    ASSERT_EQ(s.size(), 1u) << text;
    int end = 0;
    std::optional<double> v = Finder().ParseNumber(s[0].tokens, 0, &end);
    if (std::string_view(text) == "five six") {
      ASSERT_TRUE(v.has_value());
      EXPECT_EQ(end, 1);  // two numbers, not one
    } else {
      EXPECT_FALSE(v.has_value()) << text;
    }
  }
}

// Token soup: every mention lies inside the sentence, covers its noun, comes in token order and
// does not overlap the previous one.
TEST(QuantityRobustness, RandomTokenSoup) {
  static constexpr const char* kPieces[] = {
      "at",   "least",     "41",      "soldiers", "and",  "four",    "sixty",    "-",
      "two",  "a",         "dozen",   "million",  "2.5",  "1,000",   "Armenian", "of",
      "%",    "$",         "percent", "per",      "cent", "hundred", "years",    "March",
      "2021", "No:367/21", "al",      "Qaeda",    "one",  "third",   ","};
  uint32_t seed = 777;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    const int len = 1 + next() % 14;
    for (int k = 0; k < len; ++k) {
      if (k) text += next() % 4 ? " " : "";
      text += kPieces[next() % std::size(kPieces)];
    }
    for (const Sentence& s : Analyzer().Analyze(text)) {
      int last_end = 0;
      for (const QuantityMention& q : Finder().Find(s, text)) {
        ASSERT_GE(q.token_begin, last_end) << text;
        ASSERT_LT(q.token_begin, q.token_end) << text;
        ASSERT_LE(q.token_end, static_cast<int>(s.tokens.size())) << text;
        ASSERT_GE(q.noun, q.token_begin) << text;
        ASSERT_LT(q.noun, q.token_end) << text;
        ASSERT_FALSE(q.unit.empty()) << text;
        last_end = q.token_end;
      }
    }
  }
}

using test_support::SeedText;

TEST(QuantitySeeds, Seed002Soldiers) {
  const std::string text = SeedText("002_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << DRAGOMAN_SHARED_DIR;
  const std::string found = Quantities(text);
  EXPECT_NE(found.find("62 soldier"), std::string::npos) << found;
  EXPECT_NE(found.find("at least 41 soldier; 4 civilian"), std::string::npos) << found;
  EXPECT_NE(found.find("over 100 detainee"), std::string::npos) << found;
  EXPECT_EQ(found.find("2020"), std::string::npos) << found;
  EXPECT_EQ(found.find("2021"), std::string::npos) << found;
}

TEST(QuantitySeeds, Seed000And001) {
  const std::string s0 = SeedText("000_");
  const std::string s1 = SeedText("001_");
  if (s0.empty() || s1.empty()) GTEST_SKIP() << "no seeds under " << DRAGOMAN_SHARED_DIR;
  const std::string f0 = Quantities(s0);
  EXPECT_NE(f0.find("37 meeting"), std::string::npos) << f0;
  EXPECT_NE(f0.find("5 national"), std::string::npos) << f0;
  EXPECT_NE(f0.find("2 detainee"), std::string::npos) << f0;
  EXPECT_EQ(f0.find("1963"), std::string::npos) << f0;
  const std::string f1 = Quantities(s1);
  EXPECT_NE(f1.find("more than 130 km"), std::string::npos) << f1;
  EXPECT_EQ(f1.find("367"), std::string::npos) << f1;
  EXPECT_EQ(f1.find("44"), std::string::npos) << f1;
  EXPECT_EQ(f1.find("30 year"), std::string::npos) << f1;
}

}  // namespace
}  // namespace dragoman
