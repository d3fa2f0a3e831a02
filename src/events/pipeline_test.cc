// The event stage over the real earlier stages: the seed articles' acceptance checks and the
// PLOVER gold set's coverage and over-generation. Reads ../shared at run time (skips without it).
//
// DRAGOMAN_EVENTS_DUMP=1 prints every coded event (for calibrating patterns).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "actors/actor.h"
#include "base/file.h"
#include "events/extractor.h"
#include "input/docdate.h"
#include "place/gazetteer.h"
#include "quantity/quantity.h"
#include "testing/stages.h"
#include "text/analysis.h"
#include "time/dates.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;

struct Pipeline {
  std::unique_ptr<TextAnalyzer> text;
  std::shared_ptr<const ActorDictionary> actors;
  std::shared_ptr<const Gazetteer> places;
  std::unique_ptr<EventExtractor> events;
  std::optional<DateFinder> dates;
  std::optional<QuantityFinder> quantities;

  std::vector<Event> Code(const Document& doc) const {
    std::vector<Event> out;
    std::vector<Sentence> sentences = text->Analyze(doc.text);
    ActorResolver resolver(actors, doc.date);
    EventContext ctx;
    for (const Sentence& s : sentences) {
      SentenceFacts facts;
      facts.doc = &doc;
      facts.sentence = &s;
      facts.actors = resolver.Resolve(s, doc.text);
      facts.dates = dates->Find(s, doc.text, doc.date);
      facts.places = places->Find(s);
      facts.quantities = quantities->Find(s, doc.text);
      for (Event& e : events->Extract(facts, &ctx)) out.push_back(std::move(e));
    }
    return out;
  }
};

const Pipeline* GetPipeline() {
  static const Pipeline* p = [] {
    auto* pl = new Pipeline;
    TextConfig tc;
    tc.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto t = TextAnalyzer::Create(tc);
    if (!t.ok()) {
      ADD_FAILURE() << t.status().message();
      return static_cast<Pipeline*>(nullptr);
    }
    pl->text = std::move(t).value();
    ActorConfig ac;
    ac.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto a = ActorDictionaryHandle::Load(ac, *pl->text);
    if (!a.ok()) {
      ADD_FAILURE() << a.status().message();
      return static_cast<Pipeline*>(nullptr);
    }
    pl->actors = *a;
    auto g = Gazetteer::Load(DRAGOMAN_SOURCE_DATA_DIR, *pl->text);
    if (!g.ok()) {
      ADD_FAILURE() << g.status().message();
      return static_cast<Pipeline*>(nullptr);
    }
    pl->places = *g;
    EventConfig ec;
    ec.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto e = EventExtractor::Create(ec, *pl->text);
    if (!e.ok()) {
      ADD_FAILURE() << e.status().message();
      return static_cast<Pipeline*>(nullptr);
    }
    pl->events = std::move(e).value();
    pl->dates = test_support::Must(DateFinder::Create(test_support::ShippedLexicon()), "dates");
    pl->quantities =
        test_support::Must(QuantityFinder::Create(test_support::ShippedLexicon()), "quantities");
    return pl;
  }();
  return p;
}

bool Dump() { return std::getenv("DRAGOMAN_EVENTS_DUMP") != nullptr; }

std::string Line(const Event& e) {
  std::string s = (e.source ? e.source->code : "-") + " > " + (e.target ? e.target->code : "-") +
                  "  " + e.cameo + " " + e.plover + " " + e.date + "/" + e.date_source;
  if (e.negated) s += " NEG";
  if (e.mood != Mood::kAsserted) s += " " + std::string(MoodName(e.mood));
  if (e.location) s += " @" + e.location->name;
  if (e.quantity) s += " #" + std::to_string(e.quantity->value) + " " + e.quantity->unit;
  if (e.speaker) s += " said:" + e.speaker->code;
  s += "  [" + e.rule + "]";
  return s;
}

Result<Document> LoadSeed(const std::string& prefix) {
  std::string dir = std::string(DRAGOMAN_SHARED_DIR) + "/seeds";
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0) {
      DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(entry.path().string()));
      Document doc;
      doc.id = name;
      doc.text = std::move(text);
      if (auto d = FindDocumentDate(doc.text)) {
        doc.date = d->date;
        doc.date_source = d->source;
      }
      return doc;
    }
  }
  return Status::NotFound(prefix);
}

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(std::string(DRAGOMAN_SHARED_DIR) + "/seeds")) {
      GTEST_SKIP() << "no ../shared/seeds beside the checkout";
    }
    ASSERT_NE(GetPipeline(), nullptr);
  }
  std::vector<Event> CodeSeed(const std::string& prefix) {
    auto doc = LoadSeed(prefix);
    EXPECT_TRUE(doc.ok()) << doc.status().message();
    if (!doc.ok()) return {};
    std::vector<Event> ev = GetPipeline()->Code(*doc);
    if (Dump()) {
      std::cout << "== " << prefix << "\n";
      for (const Event& e : ev) std::cout << "  s" << e.sentence << " " << Line(e) << "\n";
    }
    return ev;
  }
};

bool Between(const Event& e, std::string_view a, std::string_view b) {
  if (!e.source || !e.target) return false;
  auto c = [](const ActorRef& r) { return r.country.empty() ? r.code.substr(0, 3) : r.country; };
  return (c(*e.source) == a && c(*e.target) == b) || (c(*e.source) == b && c(*e.target) == a);
}
bool From(const Event& e, std::string_view a, std::string_view b) {
  if (!e.source || !e.target) return false;
  return e.source->code.substr(0, 3) == a && e.target->code.substr(0, 3) == b;
}

TEST_F(SeedsTest, Seed003ConsultInTehran) {
  auto ev = CodeSeed("003");
  bool found = false;
  for (const Event& e : ev) {
    found = found || (e.cameo.substr(0, 2) == "04" && Between(e, "IRN", "AZE") && e.location &&
                      e.location->name == "Tehran");
  }
  EXPECT_TRUE(found);
}

TEST_F(SeedsTest, Seed004ConsultInJeddah) {
  auto ev = CodeSeed("004");
  bool consult = false, attack = false;
  for (const Event& e : ev) {
    consult = consult || (e.cameo.substr(0, 2) == "04" && Between(e, "AZE", "IRN") &&
                          e.date == "2024-03-05" && e.location && e.location->name == "Jeddah");
    attack = attack || (e.cameo.substr(0, 2) == "18" && e.target &&
                        e.target->code.substr(0, 3) == "AZE" && e.date == "2023-01-27");
  }
  EXPECT_TRUE(consult);
  EXPECT_TRUE(attack);
}

TEST_F(SeedsTest, Seed000RejectionAccusationPardon) {
  auto ev = CodeSeed("000");
  bool reject = false, accuse = false, pardon = false;
  for (const Event& e : ev) {
    reject = reject || ((e.cameo.substr(0, 2) == "12" || e.cameo == "016") &&
                        From(e, "AZE", "IRN") && !e.negated);
    accuse = accuse || (e.cameo.substr(0, 2) == "11" && From(e, "IRN", "AZE"));
    pardon = pardon || (e.cameo.substr(0, 2) == "08" && From(e, "AZE", "IRN") &&
                        e.date == "2025-05-26" && e.quantity && e.quantity->value == 5);
  }
  EXPECT_TRUE(reject);
  EXPECT_TRUE(accuse);
  EXPECT_TRUE(pardon);
}

TEST_F(SeedsTest, Seed002ArrestOfSoldiers) {
  auto ev = CodeSeed("002");
  bool arrest = false;
  for (const Event& e : ev) {
    arrest = arrest ||
             (e.cameo == "173" && From(e, "AZE", "ARM") && e.quantity && e.quantity->value == 62);
  }
  EXPECT_TRUE(arrest);
}

TEST_F(SeedsTest, Seed001RejectionNotAcceptance) {
  auto ev = CodeSeed("001");
  bool reject = false;
  for (const Event& e : ev) {
    reject = reject || ((e.cameo.substr(0, 2) == "12" || e.cameo == "016") &&
                        From(e, "AZE", "IRN") && e.date == "2021-10-04");
    // "We do not accept" must never come out as an acceptance or a negated cooperation.
    EXPECT_FALSE(e.negated && e.text.find("do not accept") != std::string::npos) << Line(e);
  }
  EXPECT_TRUE(reject);
}

TEST_F(SeedsTest, NoEventWithoutSourceOrFromFurniture) {
  for (const char* p : {"000", "001", "002", "003", "004"}) {
    for (const Event& e : CodeSeed(p)) {
      ASSERT_TRUE(e.source.has_value()) << p << " " << Line(e);
      EXPECT_FALSE(e.source->code.empty()) << p << " " << Line(e);
      EXPECT_LT(e.span_begin, e.span_end) << p << " " << Line(e);
      EXPECT_EQ(e.text.find("/ president.ir"), std::string::npos) << p << " " << Line(e);
      EXPECT_EQ(e.text.find("news banner"), std::string::npos) << p << " " << Line(e);
    }
  }
}

// The PLOVER gold set: event types found, and no more than 1.5x as many events as the gold.
TEST(PloverGold, CoverageAndOverGeneration) {
  std::string path = std::string(DRAGOMAN_SHARED_DIR) + "/peers/plover/plover_gsr_cameo.jsonl";
  std::ifstream in(path);
  if (!in) GTEST_SKIP() << "no " << path;
  const Pipeline* pl = GetPipeline();
  ASSERT_NE(pl, nullptr);
  // PLOVER 0.5 names of the gold -> the 2021 names we code (see data/gold/plover_types.txt).
  const std::map<std::string, std::string> rename = {{"DEMAND", "REQUEST"},
                                                     {"DISAPPROVE", "ACCUSE"},
                                                     {"INVESTIGATE", "ACCUSE"},
                                                     {"FIGHT", "ASSAULT"}};
  int gold = 0, predicted = 0, type_hits = 0, records = 0, records_with_hit = 0;
  std::map<std::string, std::pair<int, int>> per_type;  // gold type -> (records, hits)
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    if (j.value("skip", false)) continue;
    ++records;
    Document doc;
    doc.id = j["id"].get<std::string>();
    doc.text = j["text"].get<std::string>();
    doc.date = PartialDate::Parse(j["date"].get<std::string>());
    std::vector<Event> ev = pl->Code(doc);
    predicted += static_cast<int>(ev.size());
    std::string type = j["category"].get<std::string>();
    auto r = rename.find(type);
    std::string want = r == rename.end() ? type : r->second;
    gold += static_cast<int>(j["expected"].size());
    bool hit = false;
    for (const Event& e : ev) hit = hit || e.plover == want;
    per_type[type].first++;
    if (hit) {
      per_type[type].second++;
      ++records_with_hit;
    }
    for (const auto& x : j["expected"]) {
      (void)x;
    }
    if (hit) ++type_hits;
    if (Dump()) {
      std::cout << (hit ? "HIT  " : "MISS ") << doc.id << "  " << doc.text << "\n";
      for (const auto& x : j["expected"]) {
        std::cout << "     gold " << x["source"].get<std::string>() << " > "
                  << x["target"].get<std::string>() << " " << x["code"].get<std::string>() << "\n";
      }
      for (const Event& e : ev) std::cout << "     got  " << Line(e) << "\n";
    }
  }
  std::cout << "PLOVER gold: " << records << " records, " << gold << " gold events, " << predicted
            << " predicted; records whose type was found: " << records_with_hit << "\n";
  for (const auto& [t, c] : per_type) {
    std::cout << "  " << t << " " << c.second << "/" << c.first << "\n";
  }
  EXPECT_LE(predicted, gold * 3 / 2);
  // A floor well under the current figure, so a regression in the patterns shows.
  EXPECT_GE(records_with_hit, records / 3);
}

}  // namespace
}  // namespace dragoman
