#include "eval/eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "output/event_json.h"

namespace dragoman::eval {
namespace {

TEST(FloorTest, ParseAndCheck) {
  auto f = ParseFloor("typed=0.8");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->first, Level::kTyped);
  EXPECT_DOUBLE_EQ(f->second, 0.8);
  EXPECT_FALSE(ParseFloor("typed").ok());
  EXPECT_FALSE(ParseFloor("kind=0.5").ok());
  EXPECT_FALSE(ParseFloor("typed=abc").ok());
  EXPECT_FALSE(ParseFloor("typed=1.5").ok());

  Scores s;
  s.levels[Level::kTyped] = Counts{10, 10, 8};  // F1 0.8
  s.levels[Level::kDated] = Counts{10, 10, 6};  // F1 0.6
  EXPECT_TRUE(CheckFloors(s, {{Level::kTyped, 0.8}}).empty());
  auto failed = CheckFloors(s, {{Level::kTyped, 0.8}, {Level::kDated, 0.7}});
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0], "dated F1 0.600 < 0.700");
}

// The whole path without the coder: a gold set, an events file as `dragoman code` writes it, the
// report and the JSON figures.
TEST(EvaluateTest, EventsFileAgainstPloverGold) {
  auto dir = std::filesystem::temp_directory_path() / "dragoman_eval_test_events";
  std::filesystem::create_directories(dir);
  Event a;
  a.doc = "R-1";
  a.text = "The two sides met.";
  a.source = ActorRef{"Japan", "JPNGOV", "JPN", "GOV", "", 0, 5};
  a.plover = "CONSULT";
  a.cameo = "040";
  Event b = a;
  b.plover = "PROTEST";
  b.cameo = "140";
  Event c = a;
  c.doc = "R-9";  // a document the gold does not have: ignored
  {
    std::ofstream out(dir / "events.jsonl");
    for (const Event& e : {a, b, c}) out << EventToJsonLine(e) << "\n";
  }
  auto code = EventsFileCodeFn((dir / "events.jsonl").string());
  ASSERT_TRUE(code.ok()) << code.status().message();

  auto aliases = CountryAliases::Parse("JAP JPN\n", "aliases");
  ASSERT_TRUE(aliases.ok());
  GoldOptions o;
  o.aliases = &*aliases;
  auto gold = ParseGold(
      R"({"id": "R-1", "date": "2000-01-01", "text": "The two sides met.", "expected": [{"source": "JAPGOV", "target": "---", "code": "CONSULT"}], "plover": {}})"
      "\n"
      R"({"id": "R-2", "date": "2000-01-01", "text": "Nothing.", "expected": [{"source": "USA", "target": "---", "code": "AGREE"}], "plover": {}})"
      "\n",
      "g.jsonl", ".", o);
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  auto scores = Evaluate(*gold, *code);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->detail_level, Level::kSourceTyped);  // PLOVER's headline level
  const Counts& t = scores->levels.at(Level::kSourceTyped);
  EXPECT_EQ(t.gold, 2);
  EXPECT_EQ(t.coded, 2);
  EXPECT_EQ(t.matched, 1);

  std::ostringstream report;
  PrintReport(*gold, *scores, ReportOptions{}, report);
  std::string r = report.str();
  EXPECT_NE(r.find("plover format, 2 documents, 2 events"), std::string::npos) << r;
  EXPECT_NE(r.find("per type (source+type level)"), std::string::npos) << r;
  EXPECT_NE(r.find("over-generation: 1.00"), std::string::npos) << r;
  EXPECT_NE(r.find("misses (1)"), std::string::npos) << r;
  EXPECT_NE(r.find("Nothing."), std::string::npos);
  std::string j = ReportJson(*gold, *scores);
  EXPECT_NE(j.find("\"source+type\":{\"gold\":2,\"coded\":2,\"matched\":1"), std::string::npos)
      << j;
  std::filesystem::remove_all(dir);
}

// Coded PLOVER 2021 types are read in the PLOVER 0.5 vocabulary of PLOVER gold, and only there.
TEST(EvaluateTest, RenamesTypesForPloverGoldOnly) {
  auto aliases = CountryAliases::Parse("", "aliases");
  auto vocab = TypeVocabulary::Parse("DEMAND REQUEST *\n", "types");
  ASSERT_TRUE(aliases.ok() && vocab.ok());
  GoldOptions o;
  o.aliases = &*aliases;
  auto plover = ParseGold(
      R"({"id": "R-1", "text": "x", "expected": [{"source": "USA", "target": "---", "code": "DEMAND"}], "plover": {}})",
      "g.jsonl", ".", o);
  ASSERT_TRUE(plover.ok()) << plover.status().message();
  Event e;
  e.source = ActorRef{"", "USA", "USA", "", "", 0, 0};
  e.plover = "REQUEST";
  e.cameo = "100";
  CodeFn code = [&](const GoldDocument&) -> Result<std::vector<Event>> {
    return std::vector<Event>{e};
  };
  auto renamed = Evaluate(*plover, code, &*vocab);
  ASSERT_TRUE(renamed.ok());
  EXPECT_EQ(renamed->levels.at(Level::kTyped).matched, 1);
  auto plain = Evaluate(*plover, code, nullptr);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->levels.at(Level::kTyped).matched, 0);
}

// PLV records: word actors, YIELD for CONCEDE/RETREAT, a repeated id made unique, and the
// measure-only documents' figures counted but their sentences never listed.
TEST(EvaluateTest, PlvRecordsAndMeasureOnlyDocuments) {
  auto aliases = CountryAliases::Parse("", "aliases");
  ASSERT_TRUE(aliases.ok());
  GoldOptions o;
  o.aliases = &*aliases;
  auto gold = ParseGold(
      R"({"id": "p-1", "date": "2019-01-01", "text": "Kovria gave way to Ulmar.", "expected": [{"plover": "YIELD", "source_text": "Kovria", "target_text": "Ulmar"}]})"
      "\n"
      R"({"id": "p-1", "date": "2019-01-01", "text": "Secret words.", "expected": [{"plover": "ACCUSE", "source_text": "Kovria", "target_text": "Ulmar"}]})"
      "\n",
      "plv.jsonl", ".", o);
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  EXPECT_EQ(gold->format, GoldFormat::kPlv);
  ASSERT_EQ(gold->docs.size(), 2u);
  EXPECT_EQ(gold->docs[1].id, "p-1~2");
  EXPECT_EQ(gold->docs[0].events[0].source_text, "Kovria");
  gold->docs[1].measure_only = true;
  gold->split = "test split";

  CodeFn code = [](const GoldDocument& d) -> Result<std::vector<Event>> {
    Event e;
    e.doc = d.id;
    e.text = d.text;
    e.source = ActorRef{"Kovria", "KOVGOV", "KOV", "GOV", "", 0, 6};
    e.target = ActorRef{"Ulmar", "ULMGOV", "ULM", "GOV", "", 19, 24};
    e.plover = "CONCEDE";
    e.cameo = "080";
    return std::vector<Event>{e};
  };
  auto scores = Evaluate(*gold, code);
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(scores->detail_level, Level::kType);
  EXPECT_EQ(scores->levels.at(Level::kType).matched, 1);   // CONCEDE reads as YIELD
  EXPECT_EQ(scores->levels.at(Level::kTyped).matched, 1);  // and the actors' words agree
  EXPECT_EQ(scores->parts.at("tune").at(Level::kType).matched, 1);
  EXPECT_EQ(scores->parts.at("measure").at(Level::kType).matched, 0);
  EXPECT_EQ(scores->measure_misses, 1);
  EXPECT_EQ(scores->measure_false_alarms, 1);
  EXPECT_TRUE(scores->misses.empty());

  std::ostringstream report;
  PrintReport(*gold, *scores, ReportOptions{}, report);
  std::string r = report.str();
  EXPECT_EQ(r.find("Secret words"), std::string::npos) << r;
  EXPECT_NE(r.find("parts (F1 by level; split test split)"), std::string::npos) << r;
  EXPECT_NE(r.find("not listed: 1 misses and 1 false alarms in measure-only"), std::string::npos)
      << r;
  std::string j = ReportJson(*gold, *scores);
  EXPECT_NE(j.find("\"parts\":{\"measure\""), std::string::npos) << j;
}

TEST(EvaluateTest, BadEventsFileNamesTheLine) {
  auto dir = std::filesystem::temp_directory_path() / "dragoman_eval_test_bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "events.jsonl") << "{\"doc\": \"x\"}\n";
  auto code = EventsFileCodeFn((dir / "events.jsonl").string());
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.status().code(), Status::Code::kBadData);
  EXPECT_NE(code.status().message().find("events.jsonl:1"), std::string::npos);
  std::filesystem::remove_all(dir);
}

// The peer gold files parse completely (when ../shared is present).
TEST(PeerGoldTest, PeerSuitesLoad) {
  std::string peers = std::string(DRAGOMAN_SHARED_DIR) + "/peers";
  if (!std::filesystem::exists(peers)) GTEST_SKIP() << "no " << peers << " on this machine";
  auto aliases =
      CountryAliases::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/gold/country_aliases.txt");
  ASSERT_TRUE(aliases.ok());
  GoldOptions o;
  o.aliases = &*aliases;
  auto plover = LoadGold(peers + "/plover/plover_gsr_cameo.jsonl", o);
  ASSERT_TRUE(plover.ok()) << plover.status().message();
  EXPECT_EQ(plover->format, GoldFormat::kPlover);
  EXPECT_EQ(plover->docs.size(), 322u);
  EXPECT_EQ(plover->events, 363);
  auto petr = LoadGold(peers + "/petrarch/petr1_unittest_records.jsonl", o);
  ASSERT_TRUE(petr.ok()) << petr.status().message();
  EXPECT_EQ(petr->format, GoldFormat::kPetrarch);
  EXPECT_GT(petr->docs.size(), 200u);
  auto plv = LoadGold(peers + "/plv/plv_train.jsonl", o);
  ASSERT_TRUE(plv.ok()) << plv.status().message();
  EXPECT_EQ(plv->format, GoldFormat::kPlv);
  EXPECT_EQ(plv->docs.size(), 1050u);
  EXPECT_EQ(plv->events, 1050);
  auto tabari = LoadGold(peers + "/tabari/tabari_validate.jsonl", o);
  ASSERT_TRUE(tabari.ok()) << tabari.status().message();
  EXPECT_EQ(tabari->format, GoldFormat::kTabari);
  EXPECT_GT(tabari->docs.size(), 100u);
}

// The project's seed gold: every span and hash still fits the seed articles.
TEST(SeedGoldTest, LoadsAndFitsTheSeeds) {
  std::string seeds = std::string(DRAGOMAN_SHARED_DIR) + "/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << "no " << seeds << " on this machine";
  std::string data = DRAGOMAN_SOURCE_DATA_DIR;
  auto aliases = CountryAliases::Load(data + "/gold/country_aliases.txt");
  ASSERT_TRUE(aliases.ok());
  GoldOptions o;
  o.aliases = &*aliases;
  auto gold = LoadGold(data + "/gold/seeds.jsonl", o);
  ASSERT_TRUE(gold.ok()) << gold.status().message();
  EXPECT_EQ(gold->format, GoldFormat::kOwn);
  EXPECT_EQ(gold->docs.size(), 5u);
  EXPECT_GE(gold->events, 40);
  // --docs gives the same documents.
  o.docs_dir = seeds;
  auto again = LoadGold(data + "/gold/seeds.jsonl", o);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->events, gold->events);
  for (const GoldDocument& d : gold->docs) {
    for (const GoldEvent& e : d.events) {
      EXPECT_FALSE(e.plover.empty()) << d.id << " line " << e.line;
      EXPECT_FALSE(e.cameo.empty()) << d.id << " line " << e.line;
      ASSERT_TRUE(e.source) << d.id << " line " << e.line;
      // Every actor span lies inside the document and names something (not blanks).
      for (const auto* a : {&e.source, &e.target}) {
        if (*a && (*a)->span) {
          EXPECT_LT((*a)->span->begin, (*a)->span->end);
        }
      }
    }
  }
}

}  // namespace
}  // namespace dragoman::eval
