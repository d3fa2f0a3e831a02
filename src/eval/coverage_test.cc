#include "eval/coverage.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/file.h"
#include "coder/coder.h"
#include "eval/eval.h"

namespace dragoman::eval {
namespace {

CodeTable Codes() {
  auto t = CodeTable::Parse(
      "cameo.tsv",
      "040\t1.0\tverbal_coop\tConsult\n111\t-2.0\tverbal_conflict\tCriticize\n"
      "010\t0.0\tverbal_coop\tMake statement\n",
      "plover.tsv", "040\tCONSULT\t-\t-\n111\tACCUSE\t-\t-\n010\t-\t-\t-\n");
  EXPECT_TRUE(t.ok()) << t.status().message();
  return *t;
}

TEST(ExamplesTest, ParsesExamplesAndExemptions) {
  CodeTable codes = Codes();
  auto f = ParseExamples("ex.tsv",
                         "# comment\n040\tCHL\tPER\tChile met Peru.\n"
                         "010\texempt\t-\tno second party\n111\t*\t-\tSomeone condemned it.\n",
                         codes);
  ASSERT_TRUE(f.ok()) << f.status().message();
  ASSERT_EQ(f->examples.size(), 2u);
  EXPECT_EQ(f->examples[0].line, 2);
  EXPECT_EQ(f->examples[0].source, "CHL");
  EXPECT_EQ(f->exempt.at("010"), "no second party");
}

TEST(ExamplesTest, BadLinesNameFileAndLine) {
  CodeTable codes = Codes();
  for (const char* text :
       {"999\tCHL\tPER\tNo such code.\n", "040\tChile\tPER\tNot a key.\n", "040\tCHL\tPER\n",
        "040\texempt\t-\tone\n040\texempt\t-\ttwice\n",
        "040\texempt\t-\treason\n040\tCHL\tPER\tBoth exempt and exemplified.\n",
        "none\tCHL\t-\tA 'none' example names no party.\n"}) {
    auto f = ParseExamples("ex.tsv", text, codes);
    ASSERT_FALSE(f.ok()) << text;
    EXPECT_EQ(f.status().code(), Status::Code::kBadData);
    EXPECT_NE(f.status().message().find("ex.tsv:"), std::string::npos) << f.status().message();
  }
}

Event Coded(const std::string& src, const std::string& tgt, const std::string& cameo,
            const std::string& plover) {
  Event e;
  if (!src.empty()) e.source = ActorRef{src, src + "GOV", src, "GOV", "", 0, 0};
  if (!tgt.empty()) e.target = ActorRef{tgt, tgt + "GOV", tgt, "GOV", "", 0, 0};
  e.cameo = cameo;
  e.plover = plover;
  return e;
}

TEST(ExamplesTest, ExampleCodedWantsTheExactCodeAndParties) {
  CodeExample ex{1, "040", "CHL", "PER", "Chile met Peru."};
  std::string why;
  EXPECT_TRUE(ExampleCoded(ex, {Coded("CHL", "PER", "040", "CONSULT")}, &why));
  // Symmetric types may come out swapped.
  EXPECT_TRUE(ExampleCoded(ex, {Coded("PER", "CHL", "040", "CONSULT")}, &why));
  EXPECT_FALSE(ExampleCoded(ex, {Coded("CHL", "PER", "042", "CONSULT")}, &why));
  EXPECT_NE(why.find("042"), std::string::npos);
  EXPECT_FALSE(ExampleCoded(ex, {}, &why));
  EXPECT_EQ(why, "(nothing)");
  CodeExample accuse{2, "111", "CHL", "-", "Chile condemned it."};
  EXPECT_TRUE(ExampleCoded(accuse, {Coded("CHL", "", "111", "ACCUSE")}, nullptr));
  EXPECT_FALSE(ExampleCoded(accuse, {Coded("CHL", "PER", "111", "ACCUSE")}, nullptr));
  CodeExample none{4, "none", "-", "-", "Chile released a statement."};
  EXPECT_TRUE(ExampleCoded(none, {}, nullptr));
  EXPECT_FALSE(ExampleCoded(none, {Coded("CHL", "", "0841", "RETREAT")}, &why));
  EXPECT_NE(why.find("0841"), std::string::npos);
  CodeExample any{3, "111", "*", "*", "Someone condemned someone."};
  EXPECT_TRUE(ExampleCoded(any, {Coded("", "PER", "111", "ACCUSE")}, nullptr));
}

TEST(CoverageTest, CountsPatternsByKindAndExamples) {
  CodeTable codes = Codes();
  auto patterns = ParsePatterns("verbs.txt",
                                "040\tmeet with? +\tsym\n040\tmeeting between $ and +\tnoun sym\n"
                                "111\tcondemn +\n-\tfree trade\tneg=-\n",
                                codes);
  ASSERT_TRUE(patterns.ok()) << patterns.status().message();
  auto ex = ParseExamples("ex.tsv",
                          "040\tCHL\tPER\tChile met Peru.\n010\texempt\t-\tno party\n"
                          "111\tCHL\t-\tChile condemned it.\n",
                          codes);
  ASSERT_TRUE(ex.ok());
  SentenceCoder coder = [](const std::string& s) {
    return s.find("met") != std::string::npos
               ? std::vector<Event>{Coded("CHL", "PER", "040", "CONSULT")}
               : std::vector<Event>{};
  };
  auto rows = Coverage({"010", "040", "111"}, codes, *patterns, *ex, coder);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].code, "010");
  EXPECT_TRUE(rows[0].Complete());  // exempt
  EXPECT_EQ(rows[1].verbal, 1);
  EXPECT_EQ(rows[1].nominal, 1);
  EXPECT_EQ(rows[1].examples, 1);
  EXPECT_EQ(rows[1].coded, 1);
  EXPECT_TRUE(rows[1].Complete());
  EXPECT_EQ(rows[2].verbal, 1);
  EXPECT_EQ(rows[2].nominal, 0);
  EXPECT_EQ(rows[2].coded, 0);
  EXPECT_FALSE(rows[2].Complete());
}

// The shipped examples: every invented sentence of data/events/examples.tsv is coded with its
// code and parties, and the number of codes still lacking a pattern kind or an example does not
// grow (lower the ceilings as codes are completed).
TEST(ShippedExamplesTest, EveryExampleIsCodedAndCoverageDoesNotShrink) {
  std::string data = DRAGOMAN_SOURCE_DATA_DIR;
  auto codes = CodeTable::Load(data + "/events");
  ASSERT_TRUE(codes.ok()) << codes.status().message();
  auto list = CameoCodeList(data + "/events/cameo.tsv");
  ASSERT_TRUE(list.ok());
  auto verbs = ReadFile(data + "/events/verbs.txt");
  ASSERT_TRUE(verbs.ok());
  auto patterns = ParsePatterns("verbs.txt", *verbs, *codes);
  ASSERT_TRUE(patterns.ok()) << patterns.status().message();
  auto text = ReadFile(data + "/events/examples.tsv");
  ASSERT_TRUE(text.ok());
  auto examples = ParseExamples("examples.tsv", *text, *codes);
  ASSERT_TRUE(examples.ok()) << examples.status().message();
  auto document_coder = Coder::Create(CoderConfig{data});
  ASSERT_TRUE(document_coder.ok()) << document_coder.status().message();
  CodeFn coder = DocumentCodeFn(**document_coder);
  SentenceCoder code_sentence = [&](const std::string& sentence) {
    GoldDocument doc;
    doc.id = "example";
    doc.text = sentence;
    doc.date = PartialDate::Parse("2024-06-01");
    auto events = coder(doc);
    EXPECT_TRUE(events.ok());
    return events.ok() ? *events : std::vector<Event>();
  };
  for (const CodeExample& e : examples->examples) {
    std::string why;
    EXPECT_TRUE(ExampleCoded(e, code_sentence(e.sentence), &why))
        << "examples.tsv:" << e.line << " " << e.code << " " << e.source << "->" << e.target
        << ": " << e.sentence << "\n  coded: " << why;
  }
  auto rows = Coverage(*list, *codes, *patterns, *examples, nullptr);
  int no_verbal = 0, no_nominal = 0, no_example = 0;
  for (const CodeCoverage& r : rows) {
    if (!r.exempt.empty()) continue;
    no_verbal += r.verbal == 0;
    no_nominal += r.nominal == 0;
    no_example += r.examples == 0;
  }
  EXPECT_LE(no_verbal, 0) << "codes without a verbal pattern (dragoman coverage --missing)";
  EXPECT_LE(no_nominal, 0) << "codes without a nominal pattern (dragoman coverage --missing)";
  EXPECT_LE(no_example, 0) << "codes without an example (dragoman coverage --missing)";
}

}  // namespace
}  // namespace dragoman::eval
