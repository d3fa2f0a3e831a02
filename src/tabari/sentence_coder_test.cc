#include "tabari/sentence_coder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "output/event_json.h"

namespace dragoman::tabari {
namespace {

namespace fs = std::filesystem;

// A tiny TABARI project written for these tests: two real countries (ISO codes), one invented
// one whose code changed in 2010, an organisation, an agent, and CAMEO-coded verbs.
constexpr char kActors[] = R"(AZERBAIJAN  [AZE]
IRAN  [IRN]
QUARNIA  [QRNGOV <100101] [QRN]
UNITED_NATIONS  [IGOUNO]
)";
constexpr char kAgents[] = "FOREIGN_MINISTER  [~GOV]\n";
constexpr char kVerbs[] = R"(ACCUSE  [112]
- * + OF SMUGGLING  [1121] ; a pattern with a comment
PRAISE  [051]
HOST  [043]
)";

class SentenceCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dragoman_sentence_coder_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  // Writes the project (with `verbs` as its verbs file) and loads it.
  Result<std::unique_ptr<SentenceCoder>> Load(const std::string& verbs = kVerbs) {
    Write("t.actors", kActors);
    Write("t.agents", kAgents);
    Write("t.verbs", verbs);
    Write("t.project", "<actorsfile> t.actors\n<verbsfile> t.verbs\n<agentsfile> t.agents\n");
    SentenceCoderConfig c;
    c.project = (dir_ / "t.project").string();
    c.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    return SentenceCoder::Create(c);
  }

  static Document Doc(std::string text, std::optional<PartialDate> date = std::nullopt) {
    Document d;
    d.id = "doc1";
    d.text = std::move(text);
    d.date = date;
    d.date_source = date ? DateSource::kFlag : DateSource::kNone;
    return d;
  }

  fs::path dir_;
};

TEST_F(SentenceCoderTest, CodesSentencesIntoEventsWithRuleAndSpan) {
  auto sc = Load();
  ASSERT_TRUE(sc.ok()) << sc.status().message();
  EXPECT_TRUE((*sc)->cameo());
  const std::string text =
      "Iran's foreign minister accused Azerbaijan of smuggling on Monday.\n\n"
      "The United Nations praised Azerbaijan for its patience.\n";
  CodedDocument out = (*sc)->Code(Doc(text, PartialDate{2025, 8, 4}));
  ASSERT_EQ(out.events.size(), 2u);

  const Event& a = out.events[0];
  EXPECT_EQ(a.doc, "doc1");
  EXPECT_EQ(a.sentence, 0);
  EXPECT_EQ(a.text, "Iran's foreign minister accused Azerbaijan of smuggling on Monday.");
  EXPECT_EQ(text.substr(a.span_begin, a.span_end - a.span_begin), a.text);
  ASSERT_TRUE(a.source && a.target);
  EXPECT_EQ(a.source->code, "IRNGOV");
  EXPECT_EQ(a.source->country, "IRN");
  EXPECT_EQ(a.source->sector, "GOV");
  EXPECT_EQ(a.target->code, "AZE");
  EXPECT_EQ(a.target->country, "AZE");
  EXPECT_EQ(a.target->sector, "");
  EXPECT_EQ(a.cameo, "1121");
  EXPECT_EQ(a.plover, "ACCUSE");
  EXPECT_DOUBLE_EQ(a.goldstein, -2.0);
  EXPECT_EQ(a.quad, "verbal_conflict");
  EXPECT_EQ(a.date, "2025-08-04");
  EXPECT_EQ(a.date_source, "document");
  EXPECT_EQ(a.doc_date, "2025-08-04");
  EXPECT_EQ(a.doc_date_source, "flag");
  EXPECT_EQ(a.rule, "t.verbs:2 - * + OF SMUGGLING  [1121]");

  const Event& b = out.events[1];
  EXPECT_EQ(b.sentence, 1);
  EXPECT_EQ(b.source->code, "IGOUNO");  // not a country code: kept whole
  EXPECT_EQ(b.source->country, "");
  EXPECT_EQ(b.source->sector, "");
  EXPECT_EQ(b.cameo, "051");
  EXPECT_EQ(b.rule, "t.verbs:3 PRAISE  [051]");  // the verb's own code: its root line
  // The output contract holds: the JSON line round-trips.
  auto back = EventFromJson(EventToJson(b));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->rule, b.rule);
}

TEST_F(SentenceCoderTest, PronounRefersToThePreviousSentence) {
  auto sc = Load();
  ASSERT_TRUE(sc.ok()) << sc.status().message();
  CodedDocument out = (*sc)->Code(
      Doc("Azerbaijan hosted talks with Iran in the capital. It then praised Iran for the "
          "outcome."));
  ASSERT_EQ(out.events.size(), 2u);
  EXPECT_EQ(out.events[1].source->code, "AZE");
  EXPECT_EQ(out.events[1].target->code, "IRN");
  // No document date: no event date either.
  EXPECT_EQ(out.events[1].date, "");
  EXPECT_EQ(out.events[1].date_source, "");
}

TEST_F(SentenceCoderTest, DateRestrictedCodesUseTheDocumentDate) {
  auto sc = Load();
  ASSERT_TRUE(sc.ok()) << sc.status().message();
  const std::string text = "Quarnia praised Azerbaijan for its steady help.";
  CodedDocument old = (*sc)->Code(Doc(text, PartialDate{2005, 3, 1}));
  ASSERT_EQ(old.events.size(), 1u);
  EXPECT_EQ(old.events[0].source->code, "QRNGOV");
  CodedDocument recent = (*sc)->Code(Doc(text, PartialDate{2020, 3, 1}));
  ASSERT_EQ(recent.events.size(), 1u);
  EXPECT_EQ(recent.events[0].source->code, "QRN");
  // Without a date the latest roles apply.
  CodedDocument undated = (*sc)->Code(Doc(text));
  ASSERT_EQ(undated.events.size(), 1u);
  EXPECT_EQ(undated.events[0].source->code, "QRN");
}

TEST_F(SentenceCoderTest, NonCameoCodesPassThroughUntyped) {
  auto sc = Load("PRAISE  [051]\nSCOLD  [999]\n");
  ASSERT_TRUE(sc.ok()) << sc.status().message();
  EXPECT_FALSE((*sc)->cameo());
  EXPECT_EQ((*sc)->non_cameo(), "t.verbs:2: code 999");
  CodedDocument out = (*sc)->Code(Doc("Iran praised Azerbaijan for its steady help."));
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(out.events[0].cameo, "051");
  EXPECT_EQ(out.events[0].plover, "");
  EXPECT_EQ(out.events[0].goldstein, 0);
  EXPECT_EQ(out.events[0].quad, "");
}

TEST_F(SentenceCoderTest, FurnitureAndHeadingsAreNotCoded) {
  auto sc = Load();
  ASSERT_TRUE(sc.ok()) << sc.status().message();
  CodedDocument out =
      (*sc)->Code(Doc("Iran praised Azerbaijan for its steady help\n\n"
                      "Iran praised Azerbaijan for its steady help.\n"));
  ASSERT_EQ(out.sentences.size(), 2u);
  ASSERT_TRUE(out.sentences[0].heading);  // a title line: no final punctuation
  for (const Event& e : out.events) {
    const CodedSentence& s = out.sentences[static_cast<size_t>(e.sentence)];
    EXPECT_FALSE(s.heading || s.furniture) << e.text;
  }
  ASSERT_EQ(out.events.size(), 1u);
  EXPECT_EQ(out.events[0].sentence, 1);
}

TEST_F(SentenceCoderTest, SharedAcrossThreads) {
  auto sc = Load();
  ASSERT_TRUE(sc.ok()) << sc.status().message();
  const Document doc =
      Doc("Iran's foreign minister accused Azerbaijan of smuggling on Monday. It praised the "
          "United Nations for its help.",
          PartialDate{2025, 1, 2});
  const std::string expected = EventToJsonLine((*sc)->Code(doc).events.at(0));
  std::vector<std::thread> pool;
  std::vector<std::string> got(4);
  for (size_t t = 0; t < got.size(); ++t)
    pool.emplace_back([&, t] {
      for (int k = 0; k < 20; ++k) got[t] = EventToJsonLine((*sc)->Code(doc).events.at(0));
    });
  for (auto& t : pool) t.join();
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

TEST_F(SentenceCoderTest, BadDictionaryNamesFileAndLine) {
  auto sc = Load("PRAISE  [051]\n- * + [051\n");
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.status().code(), Status::Code::kBadData);
  EXPECT_NE(sc.status().message().find("t.verbs:2"), std::string::npos) << sc.status().message();
}

TEST_F(SentenceCoderTest, MissingProjectIsBadData) {
  SentenceCoderConfig c;
  c.project = (dir_ / "nowhere.project").string();
  c.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
  auto sc = SentenceCoder::Create(c);
  ASSERT_FALSE(sc.ok());
  EXPECT_EQ(sc.status().code(), Status::Code::kBadData);
  EXPECT_NE(sc.status().message().find("nowhere.project"), std::string::npos);
}

TEST(SplitActorCodeTest, CountryAndSectorOnlyWhenTheCodeLooksLikeOne) {
  auto iso = [](std::string_view c) { return c == "USA" || c == "AZE"; };
  ActorRef a = SplitActorCode("USAGOVPRS", iso);
  EXPECT_EQ(a.code, "USAGOVPRS");
  EXPECT_EQ(a.country, "USA");
  EXPECT_EQ(a.sector, "GOV");
  a = SplitActorCode("AZE", iso);
  EXPECT_EQ(a.country, "AZE");
  EXPECT_EQ(a.sector, "");
  a = SplitActorCode("AZEMI", iso);  // too short a role: country only
  EXPECT_EQ(a.country, "AZE");
  EXPECT_EQ(a.sector, "");
  a = SplitActorCode("IGOUNO", iso);
  EXPECT_EQ(a.code, "IGOUNO");
  EXPECT_EQ(a.country, "");
  a = SplitActorCode("~MIL", iso);
  EXPECT_EQ(a.code, "~MIL");
  EXPECT_EQ(a.country, "");
  a = SplitActorCode("usa", iso);
  EXPECT_EQ(a.country, "");
}

}  // namespace
}  // namespace dragoman::tabari
