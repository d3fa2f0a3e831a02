// The event-type classifier: the model file format, scoring, features, the two uses in the
// coder on hand-made models, and the committed model on invented sentences.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/file.h"
#include "classify/classifier.h"
#include "classify/features.h"
#include "classify/model.h"
#include "coder/coder.h"
#include "events/codes.h"

namespace dragoman {
namespace {

// A small model: "w=meet" pushes CONSULT, "w=shell" pushes ASSAULT.
const char kModel[] =
    "# a test model\n"
    "format\tdragoman-types\t1\n"
    "class\tNONE\t-\t0.5\n"
    "class\tASSAULT\t190\t-2\n"
    "class\tCONSULT\t040\t-2\n"
    "threshold\tretype\t0.6\n"
    "threshold\tadd\t0.7\n"
    "w\tw=meet\tCONSULT:6\tNONE:-3\n"
    "w\tw=shell\tASSAULT:6\tNONE:-3\n";

TypeModel TestModel() {
  auto m = TypeModel::Parse(kModel, "test.model");
  EXPECT_TRUE(m.ok()) << m.status().message();
  return *m;
}

TEST(TypeModel, ParsesAndRoundTrips) {
  TypeModel m = TestModel();
  ASSERT_EQ(m.classes().size(), 3u);
  EXPECT_EQ(m.classes()[2].name, "CONSULT");
  EXPECT_EQ(m.classes()[2].cameo, "040");
  EXPECT_DOUBLE_EQ(m.retype_threshold(), 0.6);
  EXPECT_DOUBLE_EQ(m.add_threshold(), 0.7);
  EXPECT_EQ(m.feature_count(), 2u);
  auto again = TypeModel::Parse(m.Serialize(), "again");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->Serialize(), m.Serialize());
}

TEST(TypeModel, PredictIsNormalisedOneVsRestLogistic) {
  TypeModel m = TestModel();
  std::vector<std::string> f = {"w=meet", "w=unknown"};
  std::vector<double> p = m.Predict(f);
  auto sig = [](double x) { return 1 / (1 + std::exp(-x)); };
  double none = sig(0.5 - 3), assault = sig(-2), consult = sig(-2 + 6);
  double sum = none + assault + consult;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NEAR(p[0], none / sum, 1e-6);
  EXPECT_NEAR(p[1], assault / sum, 1e-6);
  EXPECT_NEAR(p[2], consult / sum, 1e-6);
}

TEST(TypeModel, BadFilesNameTheLine) {
  struct Case {
    std::string text, message;
  } cases[] = {
      {"class\tNONE\t-\t0\n", "bad:1: the first line must be"},
      {"format\tdragoman-types\t1\nclass\tNONE\t-\t0\nclass\tNONE\t-\t0\n", "bad:3: class NONE named twice"},
      {"format\tdragoman-types\t1\nclass\tCONSULT\t-\t0\n", "bad:2: class CONSULT: only NONE"},
      {"format\tdragoman-types\t1\nclass\tNONE\t-\t0\nclass\tAID\t070\t0\nw\tw=x\tFOO:1\n",
       "bad:4: unknown class \"FOO\""},
      {"format\tdragoman-types\t1\nclass\tNONE\t-\t0\nclass\tAID\t070\t0\nw\tw=x\tAID:one\n",
       "bad:4: expected CLASS:WEIGHT"},
      {"format\tdragoman-types\t1\nclass\tNONE\t-\t0\nclass\tAID\t070\t0\n",
       "bad: missing threshold line"},
      {"format\tdragoman-types\t1\nweights\tx\n", "bad:2: unknown line kind \"weights\""},
      {"format\tdragoman-types\t1\nclass\tNONE\t-\t0\nclass\tAID\t070\t0\nw\tw=x\tAID:1e300\n",
       "bad:4: expected CLASS:WEIGHT"},
      {"format\tdragoman-types\t1\nclass\tNONE\t-\tnan\n", "bad:2: expected \"class"},
  };
  for (const Case& c : cases) {
    auto m = TypeModel::Parse(c.text, "bad");
    ASSERT_FALSE(m.ok()) << c.text;
    EXPECT_EQ(m.status().code(), Status::Code::kBadData);
    EXPECT_NE(m.status().message().find(c.message), std::string::npos) << m.status().message();
  }
}

Token Word(const std::string& lemma, uint8_t flags = 0) {
  Token t;
  t.norm = lemma;
  t.lemma = lemma;
  t.flags = flags;
  return t;
}

Sentence Words(const std::vector<std::string>& lemmas) {
  Sentence s;
  for (const std::string& w : lemmas) {
    s.tokens.push_back(w == "." ? Word(w, Token::kPunct) : Word(w));
  }
  return s;
}

TEST(TypeFeatures, ThePatternsFirstWord) {
  Sentence s = Words({"chile", "sign", "a", "pact"});
  Event rule;
  rule.plover = "SUPPORT";
  rule.cameo = "057";
  rule.rule = "verbs.txt:345 sign|ink ..4 agreement|pact";
  Event named = rule;
  named.rule = "a named rule";
  std::vector<Event> events = {rule};
  auto f = TypeFeatures(s, {}, events);
  EXPECT_TRUE(std::find(f.begin(), f.end(), "t=sign") != f.end());
  events = {named};
  f = TypeFeatures(s, {}, events);
  EXPECT_TRUE(std::none_of(f.begin(), f.end(), [](auto& x) { return x.rfind("t=", 0) == 0; }));
}

TEST(TypeFeatures, WordsPairsRulesAndActors) {
  Sentence s = Words({"chile", "meet", "peru", "."});
  ActorMention chile;
  chile.token_begin = 0;
  chile.token_end = 1;
  chile.actor.code = "CHL";
  ActorMention place = chile;
  place.place = true;
  Event rule;
  rule.plover = "CONSULT";
  rule.cameo = "040";
  std::vector<ActorMention> actors = {chile, place};
  std::vector<Event> events = {rule};
  std::vector<std::string> f = TypeFeatures(s, actors, events);
  for (const char* want : {"w=chile", "w=meet", "b=chile_meet", "b=meet_peru", "r=CONSULT",
                           "c=04", "a=1", "n=meet"}) {
    EXPECT_TRUE(std::find(f.begin(), f.end(), want) != f.end()) << want;
  }
  EXPECT_TRUE(std::find(f.begin(), f.end(), "w=.") == f.end());
  EXPECT_TRUE(std::is_sorted(f.begin(), f.end()));
  EXPECT_EQ(TypeFeatures(s, {}, {}).back(), "w=peru");
  auto none = TypeFeatures(s, {}, {});
  EXPECT_TRUE(std::find(none.begin(), none.end(), "r=-") != none.end());
  EXPECT_TRUE(std::find(none.begin(), none.end(), "a=0") != none.end());
}

std::unique_ptr<const TypeClassifier> TestClassifier() {
  auto codes = CodeTable::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/events");
  EXPECT_TRUE(codes.ok());
  auto c = TypeClassifier::Create(TestModel(), std::move(*codes));
  EXPECT_TRUE(c.ok()) << c.status().message();
  return std::move(*c);
}

ActorMention Mention(int begin, const std::string& code) {
  ActorMention m;
  m.token_begin = begin;
  m.token_end = begin + 1;
  m.actor.code = code;
  m.actor.country = code;
  m.actor.text = code;
  return m;
}

TEST(TypeClassifier, RetypesAConfidentDisagreement) {
  auto c = TestClassifier();
  Document doc;
  doc.text = "x";
  Sentence s = Words({"chile", "meet", "peru"});
  Event rule;
  rule.plover = "ASSAULT";
  rule.cameo = "190";
  rule.rule = "verbs.txt:1 test";
  std::vector<Event> events = {rule};
  c->Apply(doc, s, {}, {}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].plover, "CONSULT");
  EXPECT_EQ(events[0].cameo, "040");
  EXPECT_EQ(events[0].rule.rfind("verbs.txt:1 test [classify:CONSULT 0.", 0), 0u)
      << events[0].rule;
  // The same type: left alone.
  std::vector<Event> same = {events[0]};
  same[0].rule = "r";
  c->Apply(doc, s, {}, {}, &same);
  EXPECT_EQ(same[0].rule, "r");
}

TEST(TypeClassifier, LeavesUnsureAndMixedSentences) {
  auto c = TestClassifier();
  Document doc;
  Event rule;
  rule.plover = "ASSAULT";
  rule.cameo = "190";
  // Nothing the model knows: NONE wins, nothing changes.
  std::vector<Event> events = {rule};
  c->Apply(doc, Words({"chile", "say", "peru"}), {}, {}, &events);
  EXPECT_EQ(events[0].plover, "ASSAULT");
  // Two types found by the rules: left as they are.
  Event other = rule;
  other.plover = "AID";
  other.cameo = "070";
  events = {rule, other};
  c->Apply(doc, Words({"chile", "meet", "peru"}), {}, {}, &events);
  EXPECT_EQ(events[0].plover, "ASSAULT");
  EXPECT_EQ(events[1].plover, "AID");
}

TEST(TypeClassifier, AddsAnEventWithResolvedActorsOnly) {
  auto c = TestClassifier();
  Document doc;
  doc.text = "Chile met Peru.";
  doc.date = PartialDate::Parse("2024-06-01");
  Sentence s = Words({"chile", "meet", "peru"});
  s.begin = 0;
  s.end = static_cast<uint32_t>(doc.text.size());
  std::vector<ActorMention> actors = {Mention(0, "CHL"), Mention(0, "CHL"), Mention(2, "PER")};
  std::vector<Event> events;
  c->Apply(doc, s, actors, {}, &events);
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  EXPECT_EQ(e.plover, "CONSULT");
  EXPECT_EQ(e.cameo, "040");
  ASSERT_TRUE(e.source && e.target);
  EXPECT_EQ(e.source->code, "CHL");
  EXPECT_EQ(e.target->code, "PER");  // the next mention with another code
  EXPECT_EQ(e.rule.rfind("classify:CONSULT 0.", 0), 0u) << e.rule;
  EXPECT_EQ(e.text, doc.text);
  EXPECT_EQ(e.date, "2024-06-01");
  EXPECT_EQ(e.date_source, "document");

  // No actor, or a heading: nothing added.
  events.clear();
  c->Apply(doc, s, {}, {}, &events);
  EXPECT_TRUE(events.empty());
  s.heading = true;
  c->Apply(doc, s, actors, {}, &events);
  EXPECT_TRUE(events.empty());
}

TEST(TypeClassifier, SentencePathAgreesWithTheFeatureSet) {
  // The coder's path (features visited one at a time, repeats counted once) against the plain
  // one (the sorted feature set), on a sentence that repeats its words.
  auto c = TestClassifier();
  Sentence s = Words({"meet", "meet", "shell", "meet", "."});
  std::vector<ActorMention> actors = {Mention(0, "CHL")};
  std::vector<Event> none;
  TypeClassifier::Decision a = c->Classify(s, actors, none);
  TypeClassifier::Decision b = c->Classify(TypeFeatures(s, actors, none));
  EXPECT_EQ(a.type, b.type);
  EXPECT_DOUBLE_EQ(a.score, b.score);
}

TEST(TypeClassifier, RejectsAClassCodeOfAnotherType) {
  auto codes = CodeTable::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/events");
  ASSERT_TRUE(codes.ok());
  std::string text = kModel;
  text.replace(text.find("040"), 3, "190");
  auto m = TypeModel::Parse(text, "t");
  ASSERT_TRUE(m.ok());
  auto c = TypeClassifier::Create(std::move(*m), std::move(*codes));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("class CONSULT has CAMEO code 190"), std::string::npos)
      << c.status().message();
}

// The coder hands over the event extractor's code table; Load() then checks the model against
// that table instead of reading events/cameo*.tsv a second time (start-up, doc/performance.md).
TEST(TypeClassifier, LoadUsesTheCodeTableItIsGiven) {
  const std::string events = std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/events";
  auto cameo = ReadFile(events + "/cameo.tsv");
  auto plover = ReadFile(events + "/cameo_plover.tsv");
  ASSERT_TRUE(cameo.ok() && plover.ok());
  std::string changed = *plover;
  changed.replace(changed.find("\n040\tCONSULT\t"), 13, "\n040\tASSAULT\t");
  auto codes = CodeTable::Parse("cameo.tsv", *cameo, "cameo_plover.tsv", changed);
  ASSERT_TRUE(codes.ok()) << codes.status().message();
  EXPECT_TRUE(TypeClassifier::Load(DRAGOMAN_SOURCE_DATA_DIR).ok());
  auto c = TypeClassifier::Load(DRAGOMAN_SOURCE_DATA_DIR, &*codes);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("class CONSULT has CAMEO code 040"), std::string::npos)
      << c.status().message();
}

TEST(TypeClassifier, AMissingModelIsAnErrorNamingTheFile) {
  const std::string dir = (std::filesystem::temp_directory_path() / "dragoman-no-model").string();
  std::filesystem::create_directories(dir);
  auto c = TypeClassifier::Load(dir);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("classify/types.model"), std::string::npos)
      << c.status().message();
  CoderConfig config{dir};
  config.classify = true;
  EXPECT_FALSE(Coder::Create(config).ok());
}


// The committed model (data/classify/types.model), on invented sentences. Nothing here reads
// ../shared: the coder works from the data directory alone.
class CommittedModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = TypeClassifier::Load(DRAGOMAN_SOURCE_DATA_DIR);
    ASSERT_TRUE(c.ok()) << c.status().message();
    classifier_ = c->release();
    CoderConfig config{DRAGOMAN_SOURCE_DATA_DIR};
    config.classify = false;
    config.observe = [](const Document&, const Sentence& s,
                        const std::vector<ActorMention>& actors, const std::vector<Event>& events) {
      if (observed_) observed_->push_back(TypeFeatures(s, actors, events));
    };
    auto rules = Coder::Create(config);
    ASSERT_TRUE(rules.ok()) << rules.status().message();
    rules_ = rules->release();
    CoderConfig with_classifier{DRAGOMAN_SOURCE_DATA_DIR};
    with_classifier.classify = true;
    auto both = Coder::Create(with_classifier);
    ASSERT_TRUE(both.ok()) << both.status().message();
    both_ = both->release();
  }

  static std::vector<Event> Code(const Coder& coder, const std::string& text) {
    Document doc;
    doc.id = "invented.txt";
    doc.text = text;
    doc.date = PartialDate::Parse("2024-06-01");
    doc.date_source = DateSource::kFlag;
    return coder.Code(doc).events;
  }

  // The classifier's top class for a one-sentence text.
  static std::string TopClass(const std::string& sentence) {
    std::vector<std::vector<std::string>> seen;
    observed_ = &seen;
    Code(*rules_, sentence);
    observed_ = nullptr;
    if (seen.size() != 1) return "(" + std::to_string(seen.size()) + " sentences)";
    return classifier_->Classify(seen[0]).type;
  }

  static inline const TypeClassifier* classifier_ = nullptr;
  static inline const Coder* rules_ = nullptr;
  static inline const Coder* both_ = nullptr;
  static inline std::vector<std::vector<std::string>>* observed_ = nullptr;
};

TEST_F(CommittedModel, LoadsWithEveryTypeAndSaneThresholds) {
  const TypeModel& m = classifier_->model();
  EXPECT_EQ(m.classes()[0].name, kNoEventClass);
  EXPECT_GE(m.classes().size(), 15u);
  EXPECT_GT(m.feature_count(), 100u);
  // train-types tries thresholds from 0.30 up (train.cc) and keeps what cross-validation on
  // the tune parts supports; a lower one means a model it did not make.
  EXPECT_GE(m.add_threshold(), 0.3);
  EXPECT_GE(m.retype_threshold(), 0.3);
}

TEST_F(CommittedModel, ClassifiesInventedSentences) {
  EXPECT_EQ(TopClass("Chile expelled two Peruvian diplomats on Tuesday."), "SANCTION");
  EXPECT_EQ(TopClass("Kenyan police arrested three Ugandan traders at the border crossing."),
            "COERCE");
  EXPECT_EQ(TopClass("Brazil urged Argentina to lift the tariffs on steel."), "REQUEST");
  EXPECT_EQ(TopClass("Chile's navy fired on a Peruvian trawler near the maritime border."),
            "ASSAULT");
  EXPECT_EQ(TopClass("The weather in the capital was mild on Monday."), "NONE");
}

TEST_F(CommittedModel, LeavesClearRuleEventsAlone) {
  // Where the rules are plainly right the classifier agrees, so both coders give the same events.
  for (const char* sentence : {
           "Chile and Peru signed a fisheries agreement in Lima on Monday.",
           "Norway's prime minister thanked Sweden for the donation of vaccines.",
           "The Ghanaian court sentenced two Togolese smugglers to prison.",
           "Fiji condemned the shelling of villages by Vanuatu's army.",
           "Chile froze the assets of Peruvian officials.",
       }) {
    std::vector<Event> rules = Code(*rules_, sentence), both = Code(*both_, sentence);
    ASSERT_EQ(rules.size(), both.size()) << sentence;
    for (size_t i = 0; i < rules.size(); ++i) {
      EXPECT_EQ(rules[i].cameo, both[i].cameo) << sentence;
      EXPECT_EQ(rules[i].rule, both[i].rule) << sentence;
    }
  }
}

}  // namespace
}  // namespace dragoman
