#include "text/lemmatizer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "text/analysis.h"
#include "text/test_util.h"

namespace dragoman {
namespace {

const Lemmatizer* Lm() {
  const TextAnalyzer* ta = SharedAnalyzer();
  return ta ? &ta->lemmatizer() : nullptr;
}

struct LemmaCase {
  const char* word;
  const char* lemma;
};

TEST(LemmatizerTest, Lemmas) {
  const Lemmatizer* lm = Lm();
  ASSERT_NE(lm, nullptr);
  const LemmaCase cases[] = {
      {"pardoned", "pardon"},
      {"met", "meet"},
      {"held", "hold"},
      {"was", "be"},
      {"were", "be"},
      {"is", "be"},
      {"ministries", "ministry"},
      {"talks", "talk"},
      {"arrested", "arrest"},
      {"sentenced", "sentence"},
      {"discussed", "discuss"},
      {"planned", "plan"},
      {"meeting", "meet"},
      {"said", "say"},
      {"relations", "relation"},
      {"countries", "country"},
      {"women", "woman"},
      {"visited", "visit"},
      {"stressed", "stress"},
      {"as", "as"},
      {"us", "us"},
      {"qwzx", "qwzx"},
      {"bigger", "big"},
      {"agreed", "agree"},
  };
  for (const LemmaCase& c : cases) EXPECT_EQ(lm->Lemma(c.word), c.lemma) << c.word;
}

TEST(LemmatizerTest, PartsOfSpeech) {
  const Lemmatizer* lm = Lm();
  ASSERT_NE(lm, nullptr);
  EXPECT_EQ(lm->Verb("pardoned"), "pardon");
  EXPECT_EQ(lm->Verb("ministries"), "");
  EXPECT_EQ(lm->Noun("ministries"), "ministry");
  EXPECT_EQ(lm->Noun("glass"), "glass");
  EXPECT_EQ(lm->Noun("business"), "business");
  EXPECT_EQ(lm->Noun("mice"), "mouse");
  EXPECT_EQ(lm->Adjective("easiest"), "easy");
  EXPECT_TRUE(lm->IsVerbLemma("pardon"));
  EXPECT_FALSE(lm->IsVerbLemma("pardoned"));
  EXPECT_TRUE(lm->IsNounLemma("ministry"));
  EXPECT_TRUE(lm->IsNounLemma("take_part") || lm->IsVerbLemma("take_part"));
  EXPECT_TRUE(lm->IsAdjective("bilateral"));
  EXPECT_FALSE(lm->IsAdjective("ministry"));
  EXPECT_GT(lm->verb_lemma_count(), 10000u);
  EXPECT_GT(lm->noun_lemma_count(), 100000u);
}

TEST(LemmatizerTest, PastForms) {
  const Lemmatizer* lm = Lm();
  ASSERT_NE(lm, nullptr);
  for (const char* w : {"pardoned", "held", "met", "arrested", "sentenced", "was", "were", "been",
                        "beaten", "planned", "taken", "signed", "put", "killed"}) {
    EXPECT_TRUE(lm->IsVerbPastForm(w)) << w;
  }
  for (const char* w : {"hold", "holds", "holding", "is", "has", "meet", "need", "ministry",
                        "planning", "red", "bed", "proceed", ""}) {
    EXPECT_FALSE(lm->IsVerbPastForm(w)) << w;
  }
}

TEST(LemmatizerTest, AnalyzeFlags) {
  const Lemmatizer* lm = Lm();
  ASSERT_NE(lm, nullptr);
  Lemmatizer::WordInfo talks = lm->Analyze("talks");
  EXPECT_EQ(talks.lemma, "talk");
  EXPECT_TRUE(talks.verb);
  EXPECT_TRUE(talks.noun);
  Lemmatizer::WordInfo as = lm->Analyze("as");
  EXPECT_EQ(as.lemma, "as");
  EXPECT_FALSE(as.verb);
  EXPECT_FALSE(as.noun);
  Lemmatizer::WordInfo ministries = lm->Analyze("ministries");
  EXPECT_FALSE(ministries.verb);
  EXPECT_TRUE(ministries.noun);
}

class OverrideFileTest : public ::testing::Test {
 protected:
  std::string Write(const std::string& text) {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("dragoman_lemmas_" + std::to_string(::getpid()) + ".txt"))
                           .string();
    std::ofstream(path) << text;
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const auto& p : paths_) std::filesystem::remove(p);
  }
  std::vector<std::string> paths_;
};

TEST_F(OverrideFileTest, BadLinesNameFileAndLine) {
  struct Bad {
    const char* text;
    const char* why;
  } cases[] = {
      {"# ok\nwas be\n", ":2: expected"},
      {"was be adverb\n", ":1: unknown part of speech"},
      {"was be noun past\n", ":1: the optional fourth field"},
      {"Was be verb\n", ":1: forms must be written in lower case"},
      {"x y none\nx z none\n", ":2: duplicate"},
  };
  for (const Bad& b : cases) {
    std::string path = Write(b.text);
    auto r = Lemmatizer::Load("/usr/share/wordnet", path);
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_EQ(r.status().code(), Status::Code::kBadData);
    EXPECT_NE(r.status().message().find(path + b.why), std::string::npos) << r.status().message();
  }
}

TEST(LemmatizerLoadTest, MissingWordNetIsNotFound) {
  auto r = Lemmatizer::Load("/nonexistent/wordnet", "");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace dragoman
