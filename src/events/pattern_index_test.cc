#include "events/pattern_index.h"

#include <gtest/gtest.h>

namespace dragoman::events_internal {
namespace {

std::vector<Pattern> Parse(const char* text) {
  auto codes = CodeTable::Parse("c", "040\t1\tverbal_coop\tConsult\n120\t-4\tverbal_conflict\tReject\n",
                                "p", "040\tCONSULT\t-\t-\n120\tREJECT\t-\t-\n");
  EXPECT_TRUE(codes.ok());
  auto p = ParsePatterns("verbs.txt", text, *codes);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? *p : std::vector<Pattern>();
}

PatternIndex::SentenceWords Words(const PatternIndex& x,
                                  const std::vector<std::pair<std::string, std::string>>& toks) {
  PatternIndex::SentenceWords w;
  w.Reset(x);
  for (const auto& [norm, lemma] : toks) w.AddToken(x.WordId(norm), x.WordId(lemma));
  return w;
}

TEST(PatternIndex, WordIdsAndFirstWords) {
  auto ps = Parse("040\tmeet|=met with? +\n120\treject ..3 =claims|offer\n040\tmeet\n");
  PatternIndex x = PatternIndex::Build(ps);
  EXPECT_EQ(x.word_count(), 6u);  // meet met with reject claims offer
  EXPECT_EQ(x.WordId("talks"), -1);
  EXPECT_EQ(x.ByFirst(x.WordId("meet")), (std::vector<int>{0, 2}));
  EXPECT_EQ(x.ByFirst(x.WordId("met")), (std::vector<int>{0}));
  EXPECT_TRUE(x.ByFirst(x.WordId("with")).empty());  // not a first element
  EXPECT_TRUE(x.ByFirst(-1).empty());
  ASSERT_EQ(x.Alts(0, 0).size(), 2u);
  EXPECT_FALSE(PatternIndex::AltFormOnly(x.Alts(0, 0)[0]));
  EXPECT_TRUE(PatternIndex::AltFormOnly(x.Alts(0, 0)[1]));
  EXPECT_EQ(PatternIndex::AltWord(x.Alts(0, 0)[1]), x.WordId("met"));
  EXPECT_TRUE(x.Alts(1, 1).empty());  // a gap
  EXPECT_TRUE(x.HasTarget(0));
  EXPECT_FALSE(x.HasTarget(1));
}

TEST(PatternIndex, FeasibleNeedsEveryRequiredWordElement) {
  auto ps = Parse("040\tmeet with? +\n120\treject ..3 =claims|offer\n");
  PatternIndex x = PatternIndex::Build(ps);
  // "with" is optional: "meet" alone makes pattern 0 feasible.
  EXPECT_TRUE(x.Feasible(0, Words(x, {{"meets", "meet"}})));
  EXPECT_FALSE(x.Feasible(0, Words(x, {{"talks", "talk"}})));
  // Pattern 1 needs "reject" and one of =claims / offer.
  EXPECT_FALSE(x.Feasible(1, Words(x, {{"rejected", "reject"}})));
  EXPECT_TRUE(x.Feasible(1, Words(x, {{"rejected", "reject"}, {"offers", "offer"}})));
  EXPECT_TRUE(x.Feasible(1, Words(x, {{"rejected", "reject"}, {"claims", "claim"}})));
  // =claims is a form: a token whose lemma alone is "claims" does not count.
  EXPECT_FALSE(x.Feasible(1, Words(x, {{"rejected", "reject"}, {"claimz", "claims"}})));
}

TEST(PatternIndex, SentenceWordsResetClearsTheLastSentence) {
  auto ps = Parse("040\tmeet\n");
  PatternIndex x = PatternIndex::Build(ps);
  PatternIndex::SentenceWords w;
  w.Reset(x);
  w.AddToken(x.WordId("meet"), -1);
  EXPECT_TRUE(x.Feasible(0, w));
  w.Reset(x);
  EXPECT_FALSE(x.Feasible(0, w));
}

}  // namespace
}  // namespace dragoman::events_internal
