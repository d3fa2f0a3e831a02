#include "lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace dragoman {
namespace {

using Files = std::vector<std::pair<std::string, std::string>>;

Result<Lexicon> ParseOne(std::string text) {
  Files files{{"test.txt", std::move(text)}};
  return Lexicon::Parse(files);
}

TEST(Lexicon, ClassesAndValues) {
  auto lex = ParseOne(
      "# a comment\n"
      "month\tjanuary=1 jan=1\n"
      "month\tmay=5\n"
      "modal\tmay might\n");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto month = lex->Class("month");
  auto modal = lex->Class("modal");
  ASSERT_TRUE(month.ok());
  ASSERT_TRUE(modal.ok());
  EXPECT_TRUE(lex->Has(*month, "jan"));
  EXPECT_TRUE(lex->Has(*month, "may"));
  EXPECT_TRUE(lex->Has(*modal, "may"));
  EXPECT_FALSE(lex->Has(*modal, "january"));
  EXPECT_FALSE(lex->Has(*month, "monday"));
  EXPECT_EQ(lex->Value(*month, "may"), 5);
  EXPECT_EQ(lex->Value(*modal, "may"), std::nullopt);
  EXPECT_EQ(lex->Words(*month), (std::vector<std::string>{"january", "jan", "may"}));
  EXPECT_EQ(lex->Name(*modal), "modal");
}

TEST(Lexicon, UnderscoreJoinsAPhrase) {
  auto lex = ParseOne("qualifier_at_least\tno_fewer_than at_least\n");
  ASSERT_TRUE(lex.ok());
  ClassId q = *lex->Class("qualifier_at_least");
  EXPECT_EQ(lex->Words(q), (std::vector<std::string>{"no fewer than", "at least"}));
  EXPECT_FALSE(lex->Has(q, "no"));  // no single token is a phrase
}

TEST(Lexicon, UndefinedClassIsBadData) {
  auto lex = ParseOne("month\tjanuary=1\n");
  ASSERT_TRUE(lex.ok());
  auto c = lex->Class("monht");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Status::Code::kBadData);
  EXPECT_NE(c.status().message().find("'monht'"), std::string::npos);
}

TEST(Lexicon, MalformedLinesNameFileAndLine) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"month january\n", "test.txt:1: expected CLASS<TAB>words"},
      {"\n\nMonth\tjanuary\n", "test.txt:3: bad class name 'Month'"},
      {"month\t \n", "test.txt:1: expected CLASS<TAB>words"},  // trailing blanks are trimmed
      {"month\tjanuary=one\n", "test.txt:1: entry 'january=one': the value after '=' is not"},
      {"month\tJanuary=1\n", "test.txt:1: entry 'January=1' is not in matching-key form"},
      {"month\tmay=5\nmonth\tmay=6\n", "test.txt:2: 'may' has two values in class 'month'"},
  };
  for (const auto& c : cases) {
    auto lex = ParseOne(c.text);
    ASSERT_FALSE(lex.ok()) << c.text;
    EXPECT_EQ(lex.status().code(), Status::Code::kBadData);
    EXPECT_EQ(lex.status().message().rfind(c.message, 0), 0u) << lex.status().message();
  }
}

TEST(Lexicon, AClassLivesInOneFile) {
  Files files{{"a.txt", "month\tjanuary=1\n"}, {"b.txt", "month\tfebruary=2\n"}};
  auto lex = Lexicon::Parse(files);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().message(),
            "b.txt:1: class 'month' is already defined in a.txt (a class lives in one file)");
}

TEST(Lexicon, TooManyClasses) {
  std::string text;
  for (size_t i = 0; i <= kMaxWordClasses; ++i) text += "c" + std::to_string(i) + "\tw\n";
  auto lex = ParseOne(text);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("more than 128 word classes"), std::string::npos);
}

TEST(Lexicon, ResolveATableOfClasses) {
  auto lex = ParseOne("month\tjanuary=1\nweekday\tmonday=1\n");
  ASSERT_TRUE(lex.ok());
  ClassId month, weekday;
  const std::pair<ClassId*, const char*> wanted[] = {DRAGOMAN_WORD_CLASS(month),
                                                     DRAGOMAN_WORD_CLASS(weekday)};
  ASSERT_TRUE(lex->Resolve(wanted).ok());
  EXPECT_TRUE(lex->Has(month, "january"));
  EXPECT_TRUE(lex->Has(weekday, "monday"));
  ClassId season;
  const std::pair<ClassId*, const char*> missing[] = {DRAGOMAN_WORD_CLASS(month),
                                                      DRAGOMAN_WORD_CLASS(season)};
  Status st = lex->Resolve(missing);
  EXPECT_EQ(st.code(), Status::Code::kBadData);
  EXPECT_NE(st.message().find("'season'"), std::string::npos);
}

TEST(Lexicon, ClassifyUsesNormAndLemma) {
  auto lex = ParseOne("speech\tsay\nbe\twas\n");
  ASSERT_TRUE(lex.ok());
  ClassId speech = *lex->Class("speech");
  ClassId be = *lex->Class("be");
  std::vector<Token> toks(3);
  toks[0].norm = "he";
  toks[0].lemma = "he";
  toks[1].norm = "said";
  toks[1].lemma = "say";
  toks[2].norm = "was";
  toks[2].lemma = "be";
  TokenClasses tc = lex->Classify(toks);
  ASSERT_EQ(tc.size(), 3u);
  EXPECT_FALSE(tc.Any(0, speech));
  EXPECT_TRUE(tc.Any(1, speech));
  EXPECT_FALSE(tc.Form(1, speech));  // "said" itself is not listed, only its lemma
  EXPECT_TRUE(tc.Form(2, be));
  EXPECT_FALSE(tc.Any(-1, be));
  EXPECT_FALSE(tc.Any(3, be));
}

TEST(Lexicon, ShippedDataLoads) {
  auto lex = Lexicon::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/lexicon");
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  auto month = lex->Class("month");
  ASSERT_TRUE(month.ok());
  auto abbrev = lex->Class("month_abbreviation");
  ASSERT_TRUE(abbrev.ok());
  EXPECT_EQ(lex->Words(*month).size(), 12u);
  EXPECT_EQ(lex->Value(*month, "may"), 5);
  // Every month has an abbreviation; "sept" is the second one for September.
  for (auto [w, m] : std::vector<std::pair<const char*, int>>{
           {"jan", 1}, {"mar", 3}, {"may", 5}, {"sept", 9}, {"nov", 11}, {"dec", 12}}) {
    EXPECT_EQ(lex->Value(*abbrev, w), m) << w;
  }
  auto number = lex->Class("number_word");
  ASSERT_TRUE(number.ok());
  EXPECT_EQ(lex->Value(*number, "ninety"), 90);
  auto scale = lex->Class("number_scale");
  ASSERT_TRUE(scale.ok());
  EXPECT_EQ(lex->Value(*scale, "trillion"), 1000000000000);
}

TEST(Lexicon, MissingDirectoryIsBadData) {  // a data file missing: exit 4
  auto lex = Lexicon::Load("/nonexistent/lexicon");
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), Status::Code::kBadData);
}

}  // namespace
}  // namespace dragoman
