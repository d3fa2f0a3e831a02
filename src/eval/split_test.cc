#include "eval/split.h"

#include <gtest/gtest.h>

namespace dragoman::eval {
namespace {

GoldSet Docs(std::initializer_list<const char*> ids) {
  GoldSet set;
  for (const char* id : ids) {
    GoldDocument d;
    d.id = id;
    d.events.resize(1);
    set.docs.push_back(d);
    ++set.events;
  }
  return set;
}

std::vector<std::string> Measured(const GoldSet& set) {
  std::vector<std::string> out;
  for (const GoldDocument& d : set.docs) {
    if (d.measure_only) out.push_back(d.id);
  }
  return out;
}

TEST(NaturalLessTest, DigitRunsCompareAsNumbers) {
  EXPECT_TRUE(NaturalLess("plv-9", "plv-10"));
  EXPECT_FALSE(NaturalLess("plv-10", "plv-9"));
  EXPECT_TRUE(NaturalLess("plv-10", "plv-10~2"));
  EXPECT_TRUE(NaturalLess("a-007", "a-8"));
  EXPECT_TRUE(NaturalLess("a", "b"));
  EXPECT_FALSE(NaturalLess("x", "x"));
}

TEST(SplitsTest, EveryNFromKInNaturalIdOrder) {
  auto s = Splits::Parse("# c\nsets/p.jsonl every 3 from 3  # third\n", "splits.txt");
  ASSERT_TRUE(s.ok()) << s.status().message();
  // File order is not id order: positions are counted in natural id order.
  GoldSet set = Docs({"r-10", "r-2", "r-1", "r-3", "r-20", "r-6"});
  auto applied = s->Apply("../x/sets/p.jsonl", set);
  ASSERT_TRUE(applied.ok() && *applied);
  // Sorted: r-1 r-2 r-3 r-6 r-10 r-20 -> positions 3 and 6.
  EXPECT_EQ(Measured(set), (std::vector<std::string>{"r-3", "r-20"}));
  EXPECT_EQ(set.split, "every 3 from 3 (splits.txt:2)");

  KeepPart(Part::kMeasure, set);
  EXPECT_EQ(set.docs.size(), 2u);
  EXPECT_EQ(set.events, 2);
}

TEST(SplitsTest, DocsRuleAndWholeComponentMatch) {
  auto s = Splits::Parse("news/a/gold.jsonl docs 03.txt\nnone.jsonl none\n", "s");
  ASSERT_TRUE(s.ok()) << s.status().message();
  GoldSet set = Docs({"01.txt", "02.txt", "03.txt"});
  auto applied = s->Apply("../shared/news/a/gold.jsonl", set);
  ASSERT_TRUE(applied.ok() && *applied);
  EXPECT_EQ(Measured(set), (std::vector<std::string>{"03.txt"}));
  KeepPart(Part::kTune, set);
  EXPECT_EQ(set.docs.size(), 2u);

  // "news/a/gold.jsonl" must not match ".../xnews/a/gold.jsonl".
  GoldSet other = Docs({"03.txt"});
  auto no = s->Apply("/tmp/xnews/a/gold.jsonl", other);
  ASSERT_TRUE(no.ok());
  EXPECT_FALSE(*no);
  EXPECT_TRUE(other.split.empty());

  GoldSet none = Docs({"a"});
  auto yes = s->Apply("none.jsonl", none);
  ASSERT_TRUE(yes.ok() && *yes);
  EXPECT_TRUE(Measured(none).empty());

  // A listed document that the set does not have is an error, not a silent no-op.
  GoldSet missing = Docs({"01.txt"});
  auto bad = s->Apply("news/a/gold.jsonl", missing);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("03.txt"), std::string::npos);
}

TEST(SplitsTest, BadLinesNameFileAndLine) {
  for (const char* text : {"a.jsonl every 5\n", "a.jsonl every 5 from 6\n", "a.jsonl docs\n",
                           "a.jsonl sometimes\n", "a.jsonl\n", "a.jsonl none\na.jsonl none\n"}) {
    auto s = Splits::Parse(std::string("# first\n") + text, "sp.txt");
    ASSERT_FALSE(s.ok()) << text;
    EXPECT_EQ(s.status().code(), Status::Code::kBadData);
    EXPECT_NE(s.status().message().find("sp.txt:"), std::string::npos) << s.status().message();
  }
}

TEST(SplitsTest, ShippedSplitLoadsAndNamesEveryDevelopmentSet) {
  auto s = Splits::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/gold/splits.txt");
  ASSERT_TRUE(s.ok()) << s.status().message();
  GoldSet plv;
  for (int i = 1; i <= 10; ++i) {
    GoldDocument d;
    d.id = "plv-" + std::to_string(i);
    plv.docs.push_back(d);
  }
  auto applied = s->Apply("../shared/peers/plv/plv_train.jsonl", plv);
  ASSERT_TRUE(applied.ok() && *applied);
  EXPECT_EQ(Measured(plv), (std::vector<std::string>{"plv-5", "plv-10"}));
  GoldSet seeds = Docs({"000.txt"});
  auto seeded = s->Apply("data/gold/seeds.jsonl", seeds);
  ASSERT_TRUE(seeded.ok() && *seeded);
  EXPECT_TRUE(Measured(seeds).empty());
}

TEST(PartTest, NamesRoundTrip) {
  for (Part p : {Part::kAll, Part::kTune, Part::kMeasure}) EXPECT_EQ(ParsePart(PartName(p)), p);
  EXPECT_FALSE(ParsePart("held-out"));
}

}  // namespace
}  // namespace dragoman::eval
