#include "events/patterns.h"

#include <gtest/gtest.h>

#include "base/file.h"

namespace dragoman {
namespace {

CodeTable Codes() {
  auto t = CodeTable::Parse("c", "040\t1\tverbal_coop\tConsult\n120\t-4\tverbal_conflict\tReject\n",
                            "p", "040\tCONSULT\t-\t-\n120\tREJECT\t-\t-\n");
  EXPECT_TRUE(t.ok());
  return std::move(t).value();
}

TEST(Patterns, ParsesElementsAndOptions) {
  CodeTable codes = Codes();
  auto p = ParsePatterns("dir/verbs.txt",
                         "# comment\n\n040\tmeet with? +\tsym\n"
                         "-\taccept ..6 =claims|allegation\tneg=120 react\n"
                         "040\tduring ..3 ^meeting between $ and +\tnoun during\n"
                         "-\tfree trade\tneg=-\n"
                         "040\tpromise to\tweak\n",
                         codes);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->size(), 5u);
  const Pattern& a = (*p)[0];
  EXPECT_EQ(a.code, "040");
  EXPECT_TRUE(a.symmetric);
  ASSERT_EQ(a.elements.size(), 3u);
  EXPECT_TRUE(a.elements[1].optional);
  EXPECT_EQ(a.elements[2].kind, PatternElement::Kind::kTarget);
  EXPECT_EQ(a.rule, "verbs.txt:3 meet with? +");
  EXPECT_EQ(a.words, 2);
  const Pattern& b = (*p)[1];
  EXPECT_EQ(b.code, "");
  EXPECT_EQ(b.neg_code, "120");
  EXPECT_TRUE(b.reactive);
  EXPECT_EQ(b.elements[1].max_gap, 6);
  EXPECT_TRUE(b.elements[2].alts[0].form_only);
  EXPECT_FALSE(b.elements[2].alts[1].form_only);
  const Pattern& c = (*p)[2];
  EXPECT_EQ(c.trigger, 2);
  EXPECT_TRUE(c.noun);
  EXPECT_TRUE(c.during);
  EXPECT_EQ(c.elements[4].kind, PatternElement::Kind::kSource);
  // A blocker: no code, and a negated match states nothing either.
  EXPECT_EQ((*p)[3].code, "");
  EXPECT_TRUE((*p)[3].neg_none);
  EXPECT_TRUE((*p)[4].weak);
}

// The tokenizer splits "cease-fire" into "cease", "-", "fire": a hyphenated word in a pattern
// is spelt out as those tokens, one variant of the line per hyphenated alternative, and counts
// as one word towards the pattern's specificity.
TEST(Patterns, HyphenatedWordsBecomeTheirTokens) {
  CodeTable codes = Codes();
  auto p = ParsePatterns("v",
                         "040\tdeclare ..3 ceasefire|=cease-fire|truce with +\tsym\n"
                         "120\t^walk-out of? +\n"
                         "040\tsit-in? talks\n",
                         codes);
  ASSERT_TRUE(p.ok()) << p.status().message();
  ASSERT_EQ(p->size(), 5u);
  auto words = [](const Pattern& q) {
    std::string s;
    for (const PatternElement& e : q.elements) {
      if (!s.empty()) s += ' ';
      if (e.kind != PatternElement::Kind::kWord) {
        s += e.kind == PatternElement::Kind::kGap ? ".." : "+";
        continue;
      }
      for (size_t i = 0; i < e.alts.size(); ++i) {
        s += (i ? "|" : "") + std::string(e.alts[i].form_only ? "=" : "") + e.alts[i].word;
      }
      if (e.optional) s += '?';
    }
    return s;
  };
  // Plain alternatives stay together; the hyphenated one is its own variant, `=` on each part.
  EXPECT_EQ(words((*p)[0]), "declare .. ceasefire|truce with +");
  EXPECT_EQ(words((*p)[1]), "declare .. =cease - =fire with +");
  EXPECT_EQ((*p)[1].words, 3);  // declare, cease-fire, with
  EXPECT_TRUE((*p)[1].symmetric);
  EXPECT_EQ((*p)[1].line, 1);
  EXPECT_EQ((*p)[1].rule, "v:1 declare ..3 ceasefire|=cease-fire|truce with +");
  // The trigger mark goes to the first part.
  EXPECT_EQ(words((*p)[2]), "walk - out of? +");
  EXPECT_EQ((*p)[2].trigger, 0);
  EXPECT_EQ((*p)[2].words, 2);
  // An optional hyphenated word: the line without it, and with all of its parts required.
  EXPECT_EQ(words((*p)[3]), "talks");
  EXPECT_EQ(words((*p)[4]), "sit - in talks");
  EXPECT_FALSE((*p)[4].elements[0].optional);

  const std::pair<const char*, const char*> bad[] = {
      {"040\tmeet cease-\n", "v:1: empty part in hyphenated word 'cease-'"},
      {"040\tmeet a--b\n", "v:1: empty part in hyphenated word 'a--b'"},
      {"040\tmeet ^sit-in?\n", "v:1: the trigger cannot be optional"},
      {"040\ta-a|b-b c-c|d-d e-e|f-f g-g|h-h i-i|j-j\n", "v:1: more than 16 combinations"},
  };
  for (const auto& [text, msg] : bad) {
    auto q = ParsePatterns("v", text, codes);
    ASSERT_FALSE(q.ok()) << text;
    EXPECT_NE(q.status().message().find(msg), std::string::npos) << q.status().message();
  }
}

TEST(Patterns, ErrorsNameFileAndLine) {
  CodeTable codes = Codes();
  const std::pair<const char*, const char*> cases[] = {
      {"040 meet\n", "v:1: expected CODE<TAB>PATTERN"},
      {"\n999\tmeet\n", "v:2: unknown CAMEO code '999'"},
      {"040\t+ meet\n", "v:1: a pattern must start with a word"},
      {"040\tmeet ..\n", "v:1: a pattern cannot end with a gap"},
      {"040\tmeet ..40 x\n", "v:1: gap '..40' must be ..1 to ..12"},
      {"040\tmeet .. .. x\n", "v:1: two gaps in a row"},
      {"040\tmeet\tloud\n", "v:1: unknown option 'loud'"},
      {"040\tmeet\tneg=777\n", "v:1: unknown CAMEO code '777' in neg="},
      {"-\tmeet\n", "v:1: code '-' needs neg=CODE"},
      {"040\tmeet|\n", "v:1: empty alternative"},
      {"040\thold_talks\n", "v:1: stray '_'"},
      {"040\t^meet ^x\n", "v:1: more than one ^trigger"},
      {"040\tmeet\tinfer=army\n", "v:1: infer= must be gov or country"},
      // Issue 12, row 9: an empty verbs file coded nothing, with exit 0 and no warning.
      {"", "v: no patterns"},
      {"# only comments\n\n", "v: no patterns"},
  };
  for (const auto& [text, msg] : cases) {
    auto p = ParsePatterns("v", text, codes);
    ASSERT_FALSE(p.ok()) << text;
    EXPECT_EQ(p.status().code(), Status::Code::kBadData);
    EXPECT_NE(p.status().message().find(msg), std::string::npos) << p.status().message();
  }
}

TEST(Patterns, SinkCollectsEveryBadLine) {
  CodeTable codes = Codes();
  DataProblems problems;
  auto p = ParsePatterns("v", "040\tmeet\n999\tgo\n040\tsee\tloud\n040\tvisit\n", codes, &problems);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->size(), 2u);
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems.all()[0].message(), "v:2: unknown CAMEO code '999'");
  EXPECT_NE(problems.all()[1].message().find("v:3: unknown option 'loud'"), std::string::npos);
}

TEST(EventLexicon, ParsesIntentMap) {
  CodeTable codes = Codes();
  auto lex = ParseLexicon("l", "intent\t04=040\n", codes);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->intent.at("04"), "040");
  auto bad = ParseLexicon("l", "negation\n", codes);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("l:1:"), std::string::npos);
  // Word classes belong to the lexicon stage now.
  auto moved = ParseLexicon("l", "negation\tnot never\n", codes);
  ASSERT_FALSE(moved.ok());
  EXPECT_NE(moved.status().message().find("l:1: unknown class 'negation'"), std::string::npos);
  auto bad2 = ParseLexicon("l", "# x\nintent\t04=999\n", codes);
  ASSERT_FALSE(bad2.ok());
  EXPECT_NE(bad2.status().message().find("l:2: bad intent entry '04=999'"), std::string::npos);
}

TEST(EventLexicon, ParsesStateMap) {
  CodeTable codes = Codes();
  auto lex = ParseLexicon("l", "state\t040=120\n", codes);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->state.at("040"), "120");
  auto bad = ParseLexicon("l", "state\t040=999\n", codes);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("l:1: bad state entry '040=999'"), std::string::npos);
}

TEST(EventLexicon, ParsesRefusalMap) {
  CodeTable codes = Codes();
  auto lex = ParseLexicon("l", "intent\t04=040\nrefusal\t04=040\n", codes);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->refusal.at("04"), "040");
  EXPECT_EQ(lex->intent.at("04"), "040");
  auto bad = ParseLexicon("l", "refusal\t04=999\n", codes);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("l:1: bad refusal entry '04=999'"), std::string::npos);
  auto noeq = ParseLexicon("l", "refusal\t04\n", codes);
  ASSERT_FALSE(noeq.ok());
  EXPECT_NE(noeq.status().message().find("refusal entry '04' is not CODE=CODE"), std::string::npos);
}

TEST(Patterns, ShippedFilesLoadAndCoverEveryRoot) {
  std::string dir = std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/events";
  auto codes = CodeTable::Load(dir);
  ASSERT_TRUE(codes.ok()) << codes.status().message();
  auto text = ReadFile(dir + "/verbs.txt");
  ASSERT_TRUE(text.ok());
  auto p = ParsePatterns(dir + "/verbs.txt", *text, *codes);
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_GE(p->size(), 300u);
  bool root[21] = {};
  for (const Pattern& pat : *p) {
    std::string code = pat.code.empty() ? pat.neg_code : pat.code;
    if (code.empty()) continue;  // a blocker
    root[std::stoi(code.substr(0, 2))] = true;
  }
  for (int r = 1; r <= 20; ++r) EXPECT_TRUE(root[r]) << "no pattern for CAMEO root " << r;
  auto lex_text = ReadFile(dir + "/lexicon.txt");
  ASSERT_TRUE(lex_text.ok());
  auto lex = ParseLexicon(dir + "/lexicon.txt", *lex_text, *codes);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(lex->intent.at("04"), "036");
  EXPECT_EQ(lex->refusal.at("0353"), "1243");
}

}  // namespace
}  // namespace dragoman
