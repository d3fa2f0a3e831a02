#include "eval/gold.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dragoman::eval {
namespace {

CountryAliases TestAliases() {
  auto a = CountryAliases::Parse("# comment\nJAP JPN  # Japan\n\nITL ITA\n", "aliases");
  EXPECT_TRUE(a.ok()) << a.status().message();
  return *a;
}

TEST(CountryAliasesTest, MapsListedCodesAndPassesOthersThrough) {
  CountryAliases a = TestAliases();
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(a.Map("JAP"), "JPN");
  EXPECT_EQ(a.Map("USA"), "USA");
}

TEST(CountryAliasesTest, BadLinesNameFileAndLine) {
  auto a = CountryAliases::Parse("JAP JPN\nJAPAN JPN\n", "al.txt");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kBadData);
  EXPECT_NE(a.status().message().find("al.txt:2"), std::string::npos);
  auto dup = CountryAliases::Parse("JAP JPN\nJAP JPX\n", "al.txt");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("given twice"), std::string::npos);
}

TEST(CountryAliasesTest, ShippedTableLoads) {
  auto a =
      CountryAliases::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/gold/country_aliases.txt");
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->Map("JAP"), "JPN");
  EXPECT_EQ(a->Map("VTN"), "VNM");
}

TEST(TypeVocabularyTest, RenamesByTypeAndCameoPrefix) {
  auto v = TypeVocabulary::Parse(
      "# c\nDEMAND REQUEST *\nINVESTIGATE ACCUSE 09\n"
      "DISAPPROVE ACCUSE 11,12 # two\n",
      "types");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->size(), 3u);
  EXPECT_EQ(v->Rename("REQUEST", "1053"), "DEMAND");
  EXPECT_EQ(v->Rename("ACCUSE", "092"), "INVESTIGATE");
  EXPECT_EQ(v->Rename("ACCUSE", "1121"), "DISAPPROVE");
  EXPECT_EQ(v->Rename("ACCUSE", "130"), "ACCUSE");  // no rule fits: unchanged
  EXPECT_EQ(v->Rename("CONSULT", "040"), "CONSULT");
  EXPECT_FALSE(TypeVocabulary::Parse("DEMAND REQUEST\n", "t").ok());
  auto bad = TypeVocabulary::Parse("\nDEMAND REQUEST 1x\n", "t.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("t.txt:2"), std::string::npos);
}

TEST(TypeVocabularyTest, ShippedTableLoads) {
  auto v = TypeVocabulary::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/gold/plover_types.txt");
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_EQ(v->Rename("REQUEST", "020"), "DEMAND");
  EXPECT_EQ(v->Rename("ASSAULT", "190"), "FIGHT");
  EXPECT_EQ(v->Rename("ASSAULT", "180"), "ASSAULT");
}

TEST(GoldPartyKeyTest, CountryGroupAndNone) {
  CountryAliases a = TestAliases();
  EXPECT_EQ(GoldPartyKey("USAGOV", a), "USA");
  EXPECT_EQ(GoldPartyKey("JAPGOV", a), "JPN");
  EXPECT_EQ(GoldPartyKey("IGOMIL", a), "IGO");
  EXPECT_EQ(GoldPartyKey("ISR***", a), "ISR");
  EXPECT_EQ(GoldPartyKey("---", a), "");
  EXPECT_EQ(GoldPartyKey("", a), "");
}

TEST(QuoteHashTest, Fnv1a32) {
  EXPECT_EQ(QuoteHash(""), "811c9dc5");  // the FNV-1a offset basis
  EXPECT_EQ(QuoteHash("a"), "e40c292c");
  EXPECT_NE(QuoteHash("Baku"), QuoteHash("baku"));
}

TEST(ParseGoldTest, PloverRecords) {
  CountryAliases a = TestAliases();
  GoldOptions o;
  o.aliases = &a;
  std::string text =
      R"({"id": "P-1", "date": "2000-01-01", "text": "Japan and Italy agreed.", "expected": [{"source": "JAPGOV", "target": "---", "code": "AGREE"}, {"source": "ITL", "target": "---", "code": "AGREE"}], "scheme": "PLOVER 0.5b1", "plover": {}, "skip": false})"
      "\n\n"
      R"({"id": "P-2", "date": "2000-01-01", "text": "Skipped.", "expected": [], "plover": {}, "skip": true})"
      "\n";
  auto g = ParseGold(text, "p.jsonl", ".", o);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->format, GoldFormat::kPlover);
  ASSERT_EQ(g->docs.size(), 1u);
  EXPECT_EQ(g->events, 2);
  EXPECT_EQ(g->skipped.size(), 1u);
  const GoldEvent& e = g->docs[0].events[0];
  EXPECT_EQ(e.plover, "AGREE");
  EXPECT_TRUE(e.cameo.empty());
  ASSERT_TRUE(e.source);
  EXPECT_EQ(e.source->key, "JPN");
  EXPECT_EQ(e.source->sector, "GOV");
  EXPECT_FALSE(e.target);
  EXPECT_EQ(g->docs[0].events[1].source->key, "ITA");
  EXPECT_EQ(e.date, "");  // PLOVER's placeholder date is not an event date
  ASSERT_TRUE(g->docs[0].date);
  EXPECT_EQ(g->docs[0].date->ToString(), "2000-01-01");
}

TEST(ParseGoldTest, PetrarchRecordsCarryCameoAndSkipBadParses) {
  CountryAliases a = TestAliases();
  GoldOptions o;
  o.aliases = &a;
  std::string text =
      R"({"id": "D-1", "date": "1995-01-01", "text": "A met B.", "expected": [{"source": "ARNGOV", "target": "GON", "code": "040"}], "noevents": false, "error": null, "text_matches_parse": true})"
      "\n"
      R"({"id": "D-2", "date": "1995-01-01", "text": "A met B.", "expected": [], "noevents": false, "error": null, "text_matches_parse": false})"
      "\n";
  auto g = ParseGold(text, "p.jsonl", ".", o);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->format, GoldFormat::kPetrarch);
  ASSERT_EQ(g->docs.size(), 1u);
  EXPECT_EQ(g->docs[0].events[0].cameo, "040");
  EXPECT_EQ(g->skipped.begin()->second, 1);
}

TEST(ParseGoldTest, TabariSkipsSpecialRecords) {
  CountryAliases a = TestAliases();
  GoldOptions o;
  o.aliases = &a;
  std::string text =
      R"({"id": "T-1", "date": "1995-01-01", "text": "x", "expected": [], "skip": false, "expect_special": ["###"]})"
      "\n"
      R"({"id": "T-2", "date": "1995-01-01", "text": "y", "expected": [{"source": "ARN", "target": "GON", "code": "032"}], "skip": false, "expect_special": [], "unchecked_from": null, "expected_date": "19950102"})"
      "\n";
  auto g = ParseGold(text, "t.jsonl", ".", o);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->format, GoldFormat::kTabari);
  ASSERT_EQ(g->docs.size(), 1u);
  EXPECT_EQ(g->docs[0].events[0].date, "1995-01-02");
}

TEST(ParseGoldTest, MalformedLinesAreBadDataWithLine) {
  CountryAliases a = TestAliases();
  GoldOptions o;
  o.aliases = &a;
  auto g =
      ParseGold("{\"id\": \"x\", \"text\": \"t\", \"expected\": [], \"plover\": {}}\nnot json\n",
                "g.jsonl", ".", o);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), Status::Code::kBadData);
  EXPECT_NE(g.status().message().find("g.jsonl:2"), std::string::npos);
  auto none = ParseGold("\n", "g.jsonl", ".", o);
  EXPECT_FALSE(none.ok());
}

// The own format: documents by path, events by span + hash.
class OwnFormatTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() /
        ("dragoman_gold_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "docs");
    std::ofstream(dir_ / "docs" / "a.txt") << kDoc;
    aliases_ = TestAliases();
    options_.aliases = &aliases_;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Event(uint32_t b, uint32_t e, const std::string& hash) {
    return R"({"doc": "a.txt", "span": [)" + std::to_string(b) + ", " + std::to_string(e) +
           R"(], "hash": ")" + hash +
           R"(", "source": {"code": "AZEGOV", "country": "AZE", "sector": "GOV", "span": [0, 10]}, "target": {"code": "IRNGOV", "span": [20, 24]}, "plover": "REJECT", "cameo": "1231", "date": "2025-08-04", "negated": false})";
  }
  Result<GoldSet> Load(const std::string& lines, const std::string& docs_dir = "") {
    std::ofstream(dir_ / "gold.jsonl") << lines;
    GoldOptions o = options_;
    o.docs_dir = docs_dir;
    return LoadGold((dir_ / "gold.jsonl").string(), o);
  }

  static constexpr const char* kDoc = "Azerbaijan rejected Iran's claims. Baku said so.\n";
  std::filesystem::path dir_;
  CountryAliases aliases_;
  GoldOptions options_;
};

TEST_F(OwnFormatTest, ReadsDocumentsAndEventsBySpan) {
  std::string quote = std::string(kDoc).substr(0, 34);
  auto g = Load(R"({"document": "a.txt", "path": "docs/a.txt", "hash": ")" + QuoteHash(kDoc) +
                "\"}\n" + Event(0, 34, QuoteHash(quote)) + "\n");
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->format, GoldFormat::kOwn);
  ASSERT_EQ(g->docs.size(), 1u);
  EXPECT_EQ(g->docs[0].text, kDoc);
  ASSERT_EQ(g->docs[0].events.size(), 1u);
  const GoldEvent& e = g->docs[0].events[0];
  EXPECT_EQ(e.quote->begin, 0u);
  EXPECT_EQ(e.quote->end, 34u);
  EXPECT_EQ(e.source->key, "AZE");
  EXPECT_EQ(e.target->key, "IRN");  // from the code when no country is given
  EXPECT_EQ(e.plover, "REJECT");
  EXPECT_EQ(e.cameo, "1231");
  EXPECT_EQ(e.line, 2);
}

TEST_F(OwnFormatTest, DocsDirOverridesPath) {
  auto g =
      Load("{\"document\": \"a.txt\", \"path\": \"nowhere/a.txt\"}\n", (dir_ / "docs").string());
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->docs[0].text, kDoc);
}

TEST_F(OwnFormatTest, HashMismatchIsDrift) {
  auto g = Load("{\"document\": \"a.txt\", \"path\": \"docs/a.txt\"}\n" + Event(0, 34, "00000000") +
                "\n");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), Status::Code::kBadData);
  EXPECT_NE(g.status().message().find("gold.jsonl:2"), std::string::npos);
  auto doc = Load("{\"document\": \"a.txt\", \"path\": \"docs/a.txt\", \"hash\": \"12345678\"}\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("changed"), std::string::npos);
}

TEST_F(OwnFormatTest, SpanOutsideDocumentAndUnknownDocument) {
  auto g = Load("{\"document\": \"a.txt\", \"path\": \"docs/a.txt\"}\n" +
                Event(0, 4000, "00000000") + "\n");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("outside"), std::string::npos);
  auto u = Load(Event(0, 3, "00000000") + "\n");
  ASSERT_FALSE(u.ok());
  EXPECT_NE(u.status().message().find("no earlier"), std::string::npos);
  auto missing = Load("{\"document\": \"b.txt\", \"path\": \"docs/b.txt\"}\n");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace dragoman::eval
