#include "eval/score.h"

#include <gtest/gtest.h>

namespace dragoman::eval {
namespace {

GoldActor GA(const std::string& key) {
  GoldActor a;
  a.code = key + "GOV";
  a.key = key;
  return a;
}

GoldEvent G(const std::string& src, const std::string& tgt, const std::string& type,
            std::optional<Span> quote = std::nullopt, const std::string& date = "") {
  GoldEvent g;
  if (!src.empty()) g.source = GA(src);
  if (!tgt.empty()) g.target = GA(tgt);
  g.plover = type;
  g.quote = quote;
  g.date = date;
  return g;
}

ActorRef A(const std::string& country, const std::string& code = "") {
  ActorRef a;
  a.country = country;
  a.code = code.empty() ? country + "GOV" : code;
  return a;
}

Event E(const std::string& src, const std::string& tgt, const std::string& type, uint32_t b = 0,
        uint32_t e = 1, const std::string& date = "") {
  Event ev;
  if (!src.empty()) ev.source = A(src);
  if (!tgt.empty()) ev.target = A(tgt);
  ev.plover = type;
  ev.cameo = "000";
  ev.span_begin = b;
  ev.span_end = e;
  ev.date = date;
  return ev;
}

TEST(ActorKeyTest, CountryElseGroupElseNothing) {
  EXPECT_EQ(ActorKey(A("AZE")), "AZE");
  EXPECT_EQ(ActorKey(A("", "IGOUNO")), "IGO");
  EXPECT_EQ(ActorKey(A("", "NGOHRW")), "NGO");
  EXPECT_EQ(ActorKey(A("", "REB")), "");
}

TEST(CompatibleTest, Levels) {
  GoldEvent g = G("AZE", "IRN", "REJECT", Span{10, 50}, "2025-08-04");
  EXPECT_TRUE(Compatible(g, E("AZE", "IRN", "REJECT", 12, 20, "2025-08-04"), Level::kDated));
  // Wrong date: typed but not dated.
  Event late = E("AZE", "IRN", "REJECT", 12, 20, "2025-08-05");
  EXPECT_TRUE(Compatible(g, late, Level::kTyped));
  EXPECT_FALSE(Compatible(g, late, Level::kDated));
  // Wrong type: dyad only.
  Event other = E("AZE", "IRN", "DISAPPROVE", 12, 20);
  EXPECT_TRUE(Compatible(g, other, Level::kDyad));
  EXPECT_FALSE(Compatible(g, other, Level::kTyped));
  // Outside the quote: nothing.
  EXPECT_FALSE(Compatible(g, E("AZE", "IRN", "REJECT", 60, 70), Level::kDyad));
  // Negation must agree at the typed level.
  Event neg = E("AZE", "IRN", "REJECT", 12, 20);
  neg.negated = true;
  EXPECT_TRUE(Compatible(g, neg, Level::kDyad));
  EXPECT_FALSE(Compatible(g, neg, Level::kTyped));
}

TEST(CompatibleTest, DirectionMattersExceptForSymmetricTypes) {
  EXPECT_FALSE(Compatible(G("AZE", "IRN", "REJECT"), E("IRN", "AZE", "REJECT"), Level::kDyad));
  for (const char* t : {"CONSULT", "AGREE", "COOPERATE"}) {
    EXPECT_TRUE(Compatible(G("AZE", "IRN", t), E("IRN", "AZE", t), Level::kTyped)) << t;
    EXPECT_TRUE(Compatible(G("AZE", "IRN", t), E("IRN", "", t), Level::kSourceTyped)) << t;
  }
  EXPECT_FALSE(Compatible(G("AZE", "IRN", "REJECT"), E("IRN", "", "REJECT"), Level::kSourceTyped));
}

TEST(CompatibleTest, SourceTypedIgnoresTarget) {
  GoldEvent g = G("USA", "", "DEMAND");
  EXPECT_TRUE(Compatible(g, E("USA", "IRQ", "DEMAND"), Level::kSourceTyped));
  EXPECT_TRUE(Compatible(g, E("USA", "IRQ", "THREATEN"), Level::kSource));
  EXPECT_FALSE(Compatible(g, E("USA", "IRQ", "THREATEN"), Level::kSourceTyped));
  EXPECT_FALSE(Compatible(g, E("IRQ", "USA", "DEMAND"), Level::kSource));
  EXPECT_FALSE(Compatible(g, E("USA", "IRQ", "DEMAND"), Level::kDyad));
  EXPECT_TRUE(Compatible(g, E("USA", "", "DEMAND"), Level::kDyad));
}

TEST(CompatibleTest, PartialGoldDates) {
  GoldEvent g = G("AZE", "IRN", "CONSULT", std::nullopt, "2025-04");
  EXPECT_TRUE(Compatible(g, E("AZE", "IRN", "CONSULT", 0, 1, "2025-04-15"), Level::kDated));
  EXPECT_FALSE(Compatible(g, E("AZE", "IRN", "CONSULT", 0, 1, "2025"), Level::kDated));
  EXPECT_FALSE(Compatible(G("AZE", "IRN", "CONSULT", std::nullopt, "2025-04-15"),
                          E("AZE", "IRN", "CONSULT", 0, 1, "2025-04"), Level::kDated));
  EXPECT_TRUE(Compatible(G("AZE", "IRN", "CONSULT"), E("AZE", "IRN", "CONSULT"), Level::kDated));
  // No gold date: the date is not scored.
  EXPECT_TRUE(Compatible(G("AZE", "IRN", "CONSULT"), E("AZE", "IRN", "CONSULT", 0, 1, "2024-03-08"),
                         Level::kDated));
  // A coded event with no date does not match a dated gold event.
  EXPECT_FALSE(Compatible(g, E("AZE", "IRN", "CONSULT"), Level::kDated));
}

TEST(CompatibleTest, TypeLevelIgnoresActorsAndDocTypedIgnoresTheSpan) {
  GoldEvent g = G("AZE", "IRN", "REJECT", Span{10, 50});
  EXPECT_TRUE(Compatible(g, E("TUR", "", "REJECT", 12, 20), Level::kType));
  EXPECT_FALSE(Compatible(g, E("TUR", "", "ACCUSE", 12, 20), Level::kType));
  EXPECT_FALSE(Compatible(g, E("AZE", "IRN", "REJECT", 60, 70), Level::kType));
  EXPECT_FALSE(Compatible(g, E("AZE", "IRN", "REJECT", 60, 70), Level::kTyped));
  EXPECT_TRUE(Compatible(g, E("AZE", "IRN", "REJECT", 60, 70), Level::kDocTyped));
  EXPECT_FALSE(Compatible(g, E("IRN", "AZE", "REJECT", 60, 70), Level::kDocTyped));
}

// PLV gold names actors by words: a coded actor agrees when its text or name shares a word of
// four or more letters with them (case-folded); no swapping, no negation check.
GoldEvent W(const std::string& src, const std::string& tgt, const std::string& type) {
  GoldEvent g;
  g.source_text = src;
  g.target_text = tgt;
  g.plover = type;
  return g;
}

Event EW(const std::string& src, const std::string& tgt, const std::string& type) {
  Event e = E("", "", type);
  if (!src.empty()) e.source = ActorRef{src, "XXXGOV", "XXX", "GOV", "", 0, 0};
  if (!tgt.empty()) e.target = ActorRef{tgt, "YYYGOV", "YYY", "GOV", "", 0, 0};
  return e;
}

TEST(SharesWordTest, FourLettersCaseFoldedTextOrName) {
  ActorRef a{"the Kovrian MINISTRY", "", "", "", "", 0, 0};
  EXPECT_TRUE(SharesWord("Kovrian ministry of trade", a));
  EXPECT_TRUE(SharesWord("a ministry", a));
  EXPECT_FALSE(SharesWord("the envoy", a));  // "the" is too short
  ActorRef he{"he", "", "", "", "Anna Velmora", 0, 0};
  EXPECT_TRUE(SharesWord("Foreign Minister Velmora", he));
  EXPECT_FALSE(SharesWord("U.S. envoy", ActorRef{"U.S.", "", "", "", "", 0, 0}));
  // Non-ASCII letters count as letters, by code point: "Jönk" has four.
  EXPECT_TRUE(SharesWord("Jönk's court", ActorRef{"jönk", "", "", "", "", 0, 0}));
}

TEST(CompatibleTest, WordActorsAsPlvDefinesThem) {
  GoldEvent g = W("Kovrian Foreign Minister", "the Ulmar government", "ACCUSE");
  EXPECT_TRUE(Compatible(g, EW("Kovrian minister", "Ulmar", "ACCUSE"), Level::kTyped));
  EXPECT_TRUE(Compatible(g, EW("Kovrian minister", "Ulmar", "ACCUSE"), Level::kType));
  EXPECT_FALSE(Compatible(g, EW("Kovrian minister", "Ulmar", "REJECT"), Level::kTyped));
  EXPECT_TRUE(Compatible(g, EW("Kovrian minister", "Ulmar", "REJECT"), Level::kDyad));
  EXPECT_TRUE(Compatible(g, EW("the minister", "", "ACCUSE"), Level::kSourceTyped));
  EXPECT_FALSE(Compatible(g, EW("the minister", "", "ACCUSE"), Level::kTyped));
  EXPECT_TRUE(Compatible(g, EW("someone", "nobody", "ACCUSE"), Level::kType));
  // Symmetric types are not swapped for word gold.
  GoldEvent met = W("Kovrian envoy", "Ulmar envoy", "CONSULT");
  EXPECT_FALSE(Compatible(met, EW("Ulmar", "Kovrian", "CONSULT"), Level::kSourceTyped));
  // Negation is not scored.
  Event neg = EW("Kovrian minister", "Ulmar", "ACCUSE");
  neg.negated = true;
  EXPECT_TRUE(Compatible(g, neg, Level::kTyped));
}

TEST(CompatibleTest, CameoGoldComparesCameoCodes) {
  GoldEvent g = G("ARN", "GON", "");
  g.cameo = "064";
  Event e = E("ARN", "GON", "COOPERATE");
  e.cameo = "064";
  EXPECT_TRUE(Compatible(g, e, Level::kTyped));
  e.cameo = "061";
  EXPECT_FALSE(Compatible(g, e, Level::kTyped));
}

// One-to-one: two identical coded events cannot both match one gold event, and a greedy
// first-fit that takes the wrong partner is repaired by augmentation.
TEST(MatchLevelTest, OneToOneMaximum) {
  std::vector<GoldEvent> gold = {G("AZE", "", "CONSULT"), G("AZE", "IRN", "CONSULT")};
  std::vector<Event> coded = {E("AZE", "IRN", "CONSULT"), E("AZE", "IRN", "CONSULT")};
  std::vector<int> m = MatchLevel(gold, coded, Level::kSourceTyped);
  EXPECT_GE(m[0], 0);
  EXPECT_GE(m[1], 0);
  EXPECT_NE(m[0], m[1]);
  std::vector<GoldEvent> one = {G("AZE", "IRN", "CONSULT")};
  std::vector<int> m1 = MatchLevel(one, coded, Level::kTyped);
  EXPECT_GE(m1[0], 0);
  // Gold 0 could take either coded event, gold 1 only coded 0: both must be matched.
  std::vector<GoldEvent> g2 = {G("AZE", "IRN", "REJECT"), G("AZE", "IRN", "REJECT")};
  g2[1].quote = Span{0, 5};
  std::vector<Event> c2 = {E("AZE", "IRN", "REJECT", 0, 3), E("AZE", "IRN", "REJECT", 10, 12)};
  std::vector<int> m2 = MatchLevel(g2, c2, Level::kTyped);
  EXPECT_EQ(m2[0], 1);
  EXPECT_EQ(m2[1], 0);
}

TEST(ScoreDocumentTest, CountsConfusionMissesAndFalseAlarms) {
  GoldDocument doc;
  doc.id = "d";
  doc.text = "Azerbaijan rejected the claims. The ministers met in Baku. Iran protested.";
  doc.events = {G("AZE", "IRN", "REJECT", Span{0, 31}), G("AZE", "IRN", "CONSULT", Span{32, 58})};
  std::vector<Event> coded = {
      E("AZE", "IRN", "DISAPPROVE", 0, 19),  // right dyad, wrong type
      E("IRN", "AZE", "CONSULT", 48, 51),    // symmetric: a match
      E("IRN", "AZE", "PROTEST", 59, 73),    // nothing in the gold
  };
  Scores s;
  ScoreDocument(doc, coded, s);
  EXPECT_EQ(s.levels[Level::kDyad].matched, 2);
  EXPECT_EQ(s.levels[Level::kTyped].gold, 2);
  EXPECT_EQ(s.levels[Level::kTyped].coded, 3);
  EXPECT_EQ(s.levels[Level::kTyped].matched, 1);
  EXPECT_NEAR(s.levels[Level::kTyped].Precision(), 1.0 / 3, 1e-9);
  EXPECT_NEAR(s.levels[Level::kTyped].Recall(), 0.5, 1e-9);
  EXPECT_NEAR(s.levels[Level::kTyped].F1(), 0.4, 1e-9);
  EXPECT_NEAR(s.OverGeneration(), 1.5, 1e-9);
  EXPECT_EQ(s.per_type["CONSULT"].matched, 1);
  EXPECT_EQ(s.per_type["REJECT"].gold, 1);
  EXPECT_EQ(s.per_type["REJECT"].matched, 0);
  EXPECT_EQ(s.per_type["PROTEST"].coded, 1);
  EXPECT_EQ((s.confusion[{"REJECT", "DISAPPROVE"}]), 1);
  EXPECT_EQ((s.confusion[{"CONSULT", "CONSULT"}]), 1);
  EXPECT_EQ((s.confusion[{"(spurious)", "PROTEST"}]), 1);
  ASSERT_EQ(s.misses.size(), 1u);
  EXPECT_EQ(s.misses[0].sentence, "Azerbaijan rejected the claims.");
  EXPECT_EQ(s.misses[0].expected, "AZE->IRN REJECT");
  EXPECT_NE(s.misses[0].coded.find("DISAPPROVE"), std::string::npos);
  EXPECT_EQ(s.false_alarms.size(), 2u);
}

TEST(ScoreDocumentTest, EmptyGoldAndEmptyCoding) {
  Scores s;
  GoldDocument doc;
  doc.id = "d";
  ScoreDocument(doc, {}, s);
  EXPECT_EQ(s.levels[Level::kTyped].F1(), 0.0);
  EXPECT_EQ(s.OverGeneration(), 0.0);
  EXPECT_TRUE(s.misses.empty());
}

TEST(LevelTest, NamesRoundTrip) {
  for (Level l : kAllLevels) EXPECT_EQ(ParseLevel(LevelName(l)), l);
  EXPECT_EQ(ParseLevel("source"), Level::kSource);
  EXPECT_EQ(ParseLevel("source_type"), Level::kSourceTyped);
  EXPECT_FALSE(ParseLevel("typo"));
}

}  // namespace
}  // namespace dragoman::eval
