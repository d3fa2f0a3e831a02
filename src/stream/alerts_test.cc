// Alert rules: the parser's messages, and each kind firing once on a constructed sequence of
// events and not on its negative (issue 13).
#include "stream/alerts.h"

#include <gtest/gtest.h>

#include "base/date.h"
#include "store/test_corpus.h"

namespace dragoman {
namespace {

using testing::Actor;
using testing::AddEvent;
using testing::Doc;
using testing::TempDir;

std::string Day(long n) {
  return PartialDate::FromDays(PartialDate::Parse("2025-03-01")->DaysFromEpoch() + n).ToString();
}

// One document holding one event of `plover` from `src` to `dst` on day `n` (days after
// 2025-03-01).
DocumentRecord One(const std::string& id, long n, const std::string& src, const std::string& dst,
                   const std::string& plover, double goldstein, const std::string& cameo = "010") {
  // The id in the text: documents with the same text and date are one document to the store.
  DocumentRecord r = Doc(id, Day(n), {"The two sides acted today in " + id + "."});
  AddEvent(r, 0, "acted", Actor(src, "The two sides"), Actor(dst, "sides"), cameo, plover,
           goldstein, goldstein < 0 ? "verbal_conflict" : "verbal_coop");
  return r;
}

std::vector<AlertFiring> Fire(Store& s, const std::vector<AlertRule>& rules,
                              std::vector<DocumentRecord> add) {
  if (!add.empty()) {
    auto put = s.PutBatch(add);
    EXPECT_TRUE(put.ok()) << put.status().message();
  }
  auto f = EvaluateAlerts(s, rules);
  EXPECT_TRUE(f.ok()) << f.status().message();
  return f.ok() ? *f : std::vector<AlertFiring>{};
}

std::vector<AlertRule> Rules(const std::string& text) {
  auto r = ParseAlertRules(text, "rules.txt");
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : std::vector<AlertRule>{};
}

TEST(AlertRulesTest, ParsesEveryKind) {
  auto rules = Rules(
      "# early warning\n"
      "sour   mean    dyad=AZE>IRN window=7d below=-2\n"
      "clash  first   dyad=ARM-AZE type=ASSAULT gap=30d   # first in a month\n"
      "\n"
      "quiet  silence dyad=ARM-AZE type=CONSULT gap=60d\n"
      "busy   count   type=PROTEST window=1d above=5\n");
  ASSERT_EQ(rules.size(), 4u);
  EXPECT_EQ(rules[0].kind, AlertRule::Kind::kMean);
  EXPECT_TRUE(rules[0].directed);
  EXPECT_EQ(rules[0].DyadLabel(), "AZE>IRN");
  EXPECT_EQ(*rules[0].below, -2);
  EXPECT_EQ(rules[1].DyadLabel(), "ARM-AZE");
  EXPECT_EQ(rules[1].days, 30);
  EXPECT_EQ(rules[2].kind, AlertRule::Kind::kSilence);
  EXPECT_EQ(rules[3].DyadLabel(), "*");
  EXPECT_EQ(rules[3].where, "rules.txt:6");
}

TEST(AlertRulesTest, BadLinesNameFileAndLine) {
  const std::pair<const char*, const char*> cases[] = {
      {"x mean dyad=AZE>IRN window=7d\n", "rules.txt:1: below= or above= is required"},
      {"\nx often dyad=A-B\n", "rules.txt:2: unknown rule kind 'often'"},
      {"x mean dyad=aze>irn window=7d below=1\n", "rules.txt:1: dyad must be"},
      {"x first dyad=A-B type=ASSAULT gap=30\n", "rules.txt:1: gap must be a number of days"},
      {"x first dyad=A-B type=ASSAULT window=3d\n", "rules.txt:1: first rules take gap="},
      {"x first dyad=A-B gap=3d\n", "rules.txt:1: type= is required"},
      {"x count type=P window=1d above=z\n", "rules.txt:1: above must be a number"},
      {"x count type=P window=1d above=2 color=red\n", "rules.txt:1: unknown setting 'color'"},
      {"x count type=P window=1d above=2\nx count type=Q window=1d above=2\n",
       "rules.txt:2: rule 'x' is defined twice"},
      {"x silence type=CONSULT gap=9d\n", "rules.txt:1: dyad= is required"},
  };
  for (const auto& [text, want] : cases) {
    auto r = ParseAlertRules(text, "rules.txt");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.status().code(), Status::Code::kBadData);
    EXPECT_EQ(r.status().message().rfind(want, 0), 0u) << r.status().message();
  }
}

TEST(AlertsTest, MeanFiresOncePerEpisode) {
  TempDir dir;
  auto store = Store::Open(dir.File("a.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  auto rules = Rules("sour mean dyad=AZE>IRN window=7d below=-2\n");
  // The negative: the mean stays at -2 or above.
  EXPECT_TRUE(Fire(**store, rules,
                   {One("n1", 0, "AZEGOV", "IRNGOV", "ACCUSE", -1),
                    One("n2", 2, "AZEGOV", "IRNGOV", "THREATEN", -3)})
                  .empty());
  // The other direction does not count for a directed rule.
  EXPECT_TRUE(Fire(**store, rules, {One("n3", 3, "IRNGOV", "AZEGOV", "ACCUSE", -9)}).empty());
  // Day 4: (-1 - 3 - 6) / 3 < -2: fires.
  auto f = Fire(**store, rules, {One("p1", 4, "AZEGOV", "IRNGOV", "REJECT", -6)});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "sour");
  EXPECT_EQ(f[0].dyad, "AZE>IRN");
  EXPECT_EQ(f[0].key, Day(4));
  EXPECT_NE(f[0].json.find("\"window\":{\"from\":\"" + Day(-2) + "\",\"to\":\"" + Day(4) + "\"}"),
            std::string::npos)
      << f[0].json;
  // Still below on day 6: the same episode, nothing new; evaluating again adds nothing.
  EXPECT_TRUE(Fire(**store, rules, {One("p2", 6, "AZEGOV", "IRNGOV", "ACCUSE", -4)}).empty());
  EXPECT_TRUE(Fire(**store, rules, {}).empty());
  // Recovers (day 20: mean 5), then sours again (day 30): a second episode.
  EXPECT_TRUE(Fire(**store, rules, {One("r1", 20, "AZEGOV", "IRNGOV", "PRAISE", 5)}).empty());
  EXPECT_EQ(Fire(**store, rules, {One("r2", 30, "AZEGOV", "IRNGOV", "ACCUSE", -5)}).size(), 1u);
  auto listed = ListAlerts(**store, "sour");
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->size(), 2u);
}

TEST(AlertsTest, FirstAssaultInThirtyDays) {
  TempDir dir;
  auto store = Store::Open(dir.File("a.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  auto rules = Rules("clash first dyad=ARM-AZE type=ASSAULT gap=30d\n");
  // Other dyads and other types never fire it.
  EXPECT_TRUE(Fire(**store, rules,
                   {One("o1", 0, "ARMGOV", "IRNGOV", "ASSAULT", -9, "180"),
                    One("o2", 0, "ARMGOV", "AZEGOV", "ACCUSE", -2)})
                  .empty());
  auto f = Fire(**store, rules, {One("a1", 5, "AZEMIL", "ARMMIL", "ASSAULT", -9, "180")});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].key, Day(5));
  // 10 days later, either direction: not the first in 30 days.
  EXPECT_TRUE(
      Fire(**store, rules, {One("a2", 15, "ARMMIL", "AZEMIL", "ASSAULT", -9, "180")}).empty());
  // 31 days after the last one: fires again.
  EXPECT_EQ(Fire(**store, rules, {One("a3", 46, "ARMMIL", "AZEMIL", "ASSAULT", -9, "180")}).size(),
            1u);
  EXPECT_TRUE(Fire(**store, rules, {}).empty());
}

TEST(AlertsTest, SilenceAfterTheLastConsultation) {
  TempDir dir;
  auto store = Store::Open(dir.File("a.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  auto rules = Rules("quiet silence dyad=ARM-AZE type=CONSULT gap=60d\n");
  EXPECT_TRUE(Fire(**store, rules,
                   {One("c1", 0, "ARMGOV", "AZEGOV", "CONSULT", 1),
                    One("c2", 30, "AZEGOV", "ARMGOV", "CONSULT", 1)})
                  .empty());
  // The corpus reaches day 80: 50 days since the last consultation, not yet 60.
  EXPECT_TRUE(Fire(**store, rules, {One("x1", 80, "USAGOV", "FRAGOV", "CONSULT", 1)}).empty());
  auto f = Fire(**store, rules, {One("x2", 95, "USAGOV", "FRAGOV", "CONSULT", 1)});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].key, Day(30));
  EXPECT_TRUE(Fire(**store, rules, {One("x3", 120, "USAGOV", "FRAGOV", "CONSULT", 1)}).empty());
}

TEST(AlertsTest, CountOverADay) {
  TempDir dir;
  auto store = Store::Open(dir.File("a.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  auto rules = Rules("busy count type=PROTEST window=1d above=2\n");
  EXPECT_TRUE(Fire(**store, rules,
                   {One("p1", 0, "ARMCVL", "ARMGOV", "PROTEST", -3),
                    One("p2", 0, "AZECVL", "AZEGOV", "PROTEST", -3),
                    One("p3", 1, "IRNCVL", "IRNGOV", "PROTEST", -3)})
                  .empty());
  auto f = Fire(**store, rules, {One("p4", 0, "GEOCVL", "GEOGOV", "PROTEST", -3)});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].dyad, "*");
  EXPECT_EQ(f[0].key, Day(0));
}

TEST(AlertsTest, AnOlderFileHasNoAlertsTable) {
  TempDir dir;
  {
    auto store = Store::Open(dir.File("v2.db"), Store::OpenMode::kCreate);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)
                    ->db()
                    .Exec("DROP TABLE watch_files; DROP TABLE alerts; PRAGMA user_version = 2")
                    .ok());
  }
  auto ro = Store::Open(dir.File("v2.db"), Store::OpenMode::kReadOnly);
  ASSERT_TRUE(ro.ok());
  auto listed = ListAlerts(**ro, "");
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());
  auto f = EvaluateAlerts(**ro, Rules("busy count type=PROTEST window=1d above=2\n"));
  EXPECT_FALSE(f.ok());
}

}  // namespace
}  // namespace dragoman
