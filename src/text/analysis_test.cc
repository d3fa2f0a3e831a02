#include "text/analysis.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/lemmatizer.h"
#include "text/test_util.h"

namespace dragoman {
namespace {

std::vector<std::string> Surfaces(std::string_view text, const Sentence& s) {
  std::vector<std::string> out;
  for (const Token& t : s.tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

std::vector<std::string> Norms(const Sentence& s) {
  std::vector<std::string> out;
  for (const Token& t : s.tokens) out.push_back(t.norm);
  return out;
}

std::vector<std::string> SentenceTexts(std::string_view text, const std::vector<Sentence>& ss) {
  std::vector<std::string> out;
  for (const Sentence& s : ss) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

// Invariants every analysis must satisfy, whatever the input.
void CheckInvariants(std::string_view text, const std::vector<Sentence>& ss) {
  uint32_t prev_end = 0;
  int prev_para = -1;
  for (size_t i = 0; i < ss.size(); ++i) {
    const Sentence& s = ss[i];
    EXPECT_EQ(s.index, static_cast<int>(i));
    EXPECT_GE(s.paragraph, prev_para);
    prev_para = s.paragraph;
    ASSERT_FALSE(s.tokens.empty());
    EXPECT_LE(prev_end, s.begin);
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
    EXPECT_EQ(s.begin, s.tokens.front().begin);
    EXPECT_EQ(s.end, s.tokens.back().end);
    uint32_t tok_end = s.begin;
    for (const Token& t : s.tokens) {
      EXPECT_LE(tok_end, t.begin);
      EXPECT_LT(t.begin, t.end);
      tok_end = t.end;
      EXPECT_FALSE(t.norm.empty()) << text.substr(t.begin, t.end - t.begin);
      // Offsets fall on UTF-8 character boundaries.
      EXPECT_NE(static_cast<unsigned char>(text[t.begin]) & 0xC0, 0x80);
      if (t.end < text.size()) {
        EXPECT_NE(static_cast<unsigned char>(text[t.end]) & 0xC0, 0x80);
      }
    }
    // No sentence crosses a blank line.
    std::string_view body = text.substr(s.begin, s.end - s.begin);
    size_t nl = body.find('\n');
    while (nl != std::string_view::npos) {
      size_t k = nl + 1;
      while (k < body.size() && (body[k] == ' ' || body[k] == '\t' || body[k] == '\r')) ++k;
      EXPECT_TRUE(k < body.size() && body[k] != '\n') << "blank line inside: " << body;
      nl = body.find('\n', nl + 1);
    }
    prev_end = s.end;
  }
}

class AnalyzerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ta_ = SharedAnalyzer();
    ASSERT_NE(ta_, nullptr);
  }
  std::vector<Sentence> Run(std::string_view text) {
    std::vector<Sentence> ss = ta_->Analyze(text);
    CheckInvariants(text, ss);
    return ss;
  }
  const TextAnalyzer* ta_ = nullptr;
};

TEST_F(AnalyzerTest, EmptyAndBlankText) {
  EXPECT_TRUE(Run("").empty());
  EXPECT_TRUE(Run(" \n\n \t\r\n").empty());
}

struct TokenCase {
  const char* text;
  std::vector<std::string> surfaces;
  std::vector<std::string> norms;  // empty: not checked
};

TEST_F(AnalyzerTest, Tokens) {
  const TokenCase cases[] = {
      {"Ministers met in Baku.", {"Ministers", "met", "in", "Baku", "."}, {}},
      {"It cost 1,000 dollars, or 2.5 each.",
       {"It", "cost", "1,000", "dollars", ",", "or", "2.5", "each", "."},
       {}},
      {"Amir-Abdollahian arrived.",
       {"Amir", "-", "Abdollahian", "arrived", "."},
       {"amir", "-", "abdollahian", "arrived", "."}},
      {"Sixty-two soldiers", {"Sixty", "-", "two", "soldiers"}, {"sixty", "-", "two", "soldiers"}},
      {"Iran's envoy", {"Iran", "'s", "envoy"}, {"iran", "'s", "envoy"}},
      {"Iran’s envoy", {"Iran", "’s", "envoy"}, {"iran", "'s", "envoy"}},
      {"the countries' envoys", {"the", "countries", "'", "envoys"}, {}},
      {"O'Neill spoke", {"O'Neill", "spoke"}, {"o'neill", "spoke"}},
      {"No:367/21, Head", {"No:367/21", ",", "Head"}, {"no:367/21", ",", "head"}},
      {"at 21:57 on 04/10/2021", {"at", "21:57", "on", "04/10/2021"}, {}},
      {"and/or", {"and", "/", "or"}, {}},
      {"the U.S. embassy", {"the", "U.S.", "embassy"}, {"the", "u.s.", "embassy"}},
      {"Gen. Smith", {"Gen.", "Smith"}, {"gen.", "smith"}},
      {"Resolution No. 5", {"Resolution", "No.", "5"}, {}},
      {"He said no.", {"He", "said", "no", "."}, {}},
      {"COP-29 (OIC)", {"COP", "-", "29", "(", "OIC", ")"}, {"cop", "-", "29", "(", "oic", ")"}},
      {"“Yes,” he said…",
       {"“", "Yes", ",", "”", "he", "said", "…"},
       {"\"", "yes", ",", "\"", "he", "said", "..."}},
      {"wait...", {"wait", "..."}, {}},
      {"Ağdam and Şuşa", {"Ağdam", "and", "Şuşa"}, {"agdam", "and", "susa"}},
      {"Əliyev", {"Əliyev"}, {"eliyev"}},
      {"29th session", {"29th", "session"}, {}},
      {"Azerbaijan–Iran border",
       {"Azerbaijan", "–", "Iran", "border"},
       {"azerbaijan", "-", "iran", "border"}},
      {"John F. Kennedy", {"John", "F.", "Kennedy"}, {}},
      {"e.g. this", {"e.g.", "this"}, {}},
      {"Москва и Баку", {"Москва", "и", "Баку"}, {}},
  };
  for (const TokenCase& c : cases) {
    std::vector<Sentence> ss = Run(c.text);
    std::vector<std::string> got, norms;
    for (const Sentence& s : ss) {
      for (auto& x : Surfaces(c.text, s)) got.push_back(x);
      for (auto& x : Norms(s)) norms.push_back(x);
    }
    EXPECT_EQ(got, c.surfaces) << c.text;
    if (!c.norms.empty()) {
      EXPECT_EQ(norms, c.norms) << c.text;
    }
  }
}

TEST_F(AnalyzerTest, UnknownPluralsAreSingularised) {
  std::string text = "Two ceasefires and three airstrikes in Brussels, said militias and Xyzs.";
  std::vector<Sentence> ss = Run(text);
  ASSERT_EQ(ss.size(), 1u);
  std::vector<std::string> lemmas;
  for (const Token& t : ss[0].tokens) lemmas.push_back(t.lemma);
  EXPECT_EQ(lemmas,
            (std::vector<std::string>{"two", "ceasefire", "and", "three", "airstrike", "in",
                                      "brussels", ",", "say", "militia", "and", "xyzs", "."}));
}

TEST_F(AnalyzerTest, TokenFlagsAndLemmas) {
  std::string text = "The OIC ministers were pardoned and met 37 officials in Baku.";
  std::vector<Sentence> ss = Run(text);
  ASSERT_EQ(ss.size(), 1u);
  const auto& t = ss[0].tokens;
  ASSERT_EQ(t.size(), 12u);
  EXPECT_TRUE(t[0].has(Token::kCapitalized));
  EXPECT_FALSE(t[0].has(Token::kAllCaps));
  EXPECT_TRUE(t[1].has(Token::kAllCaps));
  EXPECT_TRUE(t[1].has(Token::kCapitalized));
  EXPECT_EQ(t[2].lemma, "minister");
  EXPECT_TRUE(t[2].has(Token::kNounForm));
  EXPECT_EQ(t[3].lemma, "be");
  EXPECT_TRUE(t[3].has(Token::kVerbForm));
  EXPECT_EQ(t[4].lemma, "pardon");
  EXPECT_EQ(t[6].lemma, "meet");
  EXPECT_TRUE(t[7].has(Token::kNumber));
  EXPECT_EQ(t[7].lemma, "37");
  EXPECT_EQ(t[8].lemma, "official");
  EXPECT_TRUE(t[11].has(Token::kPunct));
  EXPECT_FALSE(t[11].has(Token::kNumber));
  EXPECT_FALSE(t[5].has(Token::kVerbForm));  // "and"
  // Adjective-only words are flagged; nouns, verbs and closed-class words are not.
  {
    std::vector<Sentence> adj = Run("A deadly blast hit the brutal regime.");
    ASSERT_EQ(adj.size(), 1u);
    const auto& a = adj[0].tokens;
    EXPECT_TRUE(a[1].has(Token::kAdjectiveOnly));   // deadly
    EXPECT_FALSE(a[2].has(Token::kAdjectiveOnly));  // blast: a noun and a verb
    EXPECT_FALSE(a[0].has(Token::kAdjectiveOnly));  // A
    EXPECT_TRUE(a[5].has(Token::kAdjectiveOnly));   // brutal
    EXPECT_FALSE(a[6].has(Token::kAdjectiveOnly));  // regime
  }
}

struct SplitCase {
  const char* text;
  std::vector<std::string> sentences;
};

TEST_F(AnalyzerTest, SentenceSplitting) {
  const SplitCase cases[] = {
      {"Gen. Smith met the envoy. He left.", {"Gen. Smith met the envoy.", "He left."}},
      {"Mr. Lee visited the U.S. embassy on Monday.",
       {"Mr. Lee visited the U.S. embassy on Monday."}},
      {"The minister travelled to the U.S. He said talks went well.",
       {"The minister travelled to the U.S.", "He said talks went well."}},
      {"Talks resumed on Dec. 5 in Geneva.", {"Talks resumed on Dec. 5 in Geneva."}},
      {"Trade, energy, etc. were discussed.", {"Trade, energy, etc. were discussed."}},
      {"They signed deals on energy, transport, etc. The visit ends today.",
       {"They signed deals on energy, transport, etc.", "The visit ends today."}},
      {"Decree No. 12 was signed. It takes effect now.",
       {"Decree No. 12 was signed.", "It takes effect now."}},
      {"Was it a deal? Yes! It was.", {"Was it a deal?", "Yes!", "It was."}},
      {"“We agree,” she said. “Good.”", {"“We agree,” she said.", "“Good.”"}},
      {"Prices rose 2.5 percent. Officials said so.",
       {"Prices rose 2.5 percent.", "Officials said so."}},
      {"Pres. Aliyev and Prof. Karimov met Amb. Ross.",
       {"Pres. Aliyev and Prof. Karimov met Amb. Ross."}},
      {"Officials at the U.S. Embassy met the U.N. Secretary-General.",
       {"Officials at the U.S. Embassy met the U.N. Secretary-General."}},
      {"Talks ended in Jan. However, contacts went on.",
       {"Talks ended in Jan.", "However, contacts went on."}},
      {"Envoys met in the U.A.E. The talks ended.",
       {"Envoys met in the U.A.E.", "The talks ended."}},
      // A lost space after a full stop: two sentences all the same ...
      {"The truce took effect.Chad's envoy arrived in 2019.The talks ended.",
       {"The truce took effect.", "Chad's envoy arrived in 2019.", "The talks ended."}},
      // ... but not a domain, a file name or an initialism.
      {"See president.Gov.ir and report.PDF from the U.S.A. today.",
       {"See president.Gov.ir and report.PDF from the U.S.A. today."}},
  };
  for (const SplitCase& c : cases) {
    EXPECT_EQ(SentenceTexts(c.text, Run(c.text)), c.sentences) << c.text;
  }
}

TEST_F(AnalyzerTest, ParagraphsAndHardWraps) {
  std::string text =
      "The talks in Baku lasted two days and\n"
      "ended with a joint statement.\n"
      "\n"
      "A second paragraph follows here.\n"
      "A new line is a new block.\n"
      "The ministers of\n"
      "Azerbaijan and Iran met.";
  std::vector<Sentence> ss = Run(text);
  std::vector<std::string> want = {
      "The talks in Baku lasted two days and\nended with a joint statement.",
      "A second paragraph follows here.", "A new line is a new block.",
      "The ministers of\nAzerbaijan and Iran met."};
  EXPECT_EQ(SentenceTexts(text, ss), want);
  ASSERT_EQ(ss.size(), 4u);
  EXPECT_EQ(ss[0].paragraph, 0);
  EXPECT_EQ(ss[1].paragraph, 1);
  EXPECT_EQ(ss[2].paragraph, 2);
  EXPECT_EQ(ss[3].paragraph, 3);
}

TEST_F(AnalyzerTest, HeadingsNeedToStandAlone) {
  std::string text =
      "Iran and Azerbaijan sign a border deal\n"
      "\n"
      "The two sides met on Monday with\n"
      "Turkish officials in a second round\n"
      "The leaders spoke afterwards.\n";
  std::vector<Sentence> ss = Run(text);
  ASSERT_EQ(ss.size(), 3u);
  EXPECT_TRUE(ss[0].heading);   // sentence case, but alone between the text's start and a blank
  EXPECT_FALSE(ss[1].heading);  // hard-wrapped prose joined across the line break
  EXPECT_EQ(text.substr(ss[1].begin, ss[1].end - ss[1].begin),
            "The two sides met on Monday with\nTurkish officials in a second round");
  EXPECT_FALSE(ss[2].heading);
}

// A wire headline in sentence case of a dozen words is still a headline when it stands alone; a
// longer unpunctuated line is not.
TEST_F(AnalyzerTest, LongerSentenceCaseHeadlinesStandingAlone) {
  std::string text =
      "Kovria, Ulmar sign peace deal in Geneva after a long border war\n"
      "\n"
      "Kovria and Ulmar signed a peace deal on Friday in Geneva.\n";
  std::vector<Sentence> ss = Run(text);
  ASSERT_EQ(ss.size(), 2u);
  EXPECT_TRUE(ss[0].heading);
  EXPECT_FALSE(ss[1].heading);
  // The text's first line, right above the lead, is a headline slot too.
  std::string top =
      "Kovria, Ulmar sign peace deal in Geneva after a long border war\n"
      "Kovria and Ulmar signed a peace deal on Friday in Geneva.\n";
  std::vector<Sentence> ts = Run(top);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_TRUE(ts[0].heading);
  // A single unpunctuated line is the whole text: a sentence, not a headline.
  std::vector<Sentence> one = Run("Kovria and Ulmar signed a peace deal on Friday in Geneva\n");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_FALSE(one[0].heading);
  std::string prose =
      "the envoys of the two neighbours said on Friday that they would meet again soon in Geneva "
      "to sign the deal\n";
  std::vector<Sentence> ps = Run(prose);
  ASSERT_FALSE(ps.empty());
  EXPECT_FALSE(ps[0].heading);
}

TEST_F(AnalyzerTest, FixedWidthWrappedProseIsJoined) {
  std::string text =
      "Envoys Meet in Baku\n"
      "\n"
      "The foreign ministers of both countries met with President\n"
      "Karimov on Monday and discussed the transit corridor. The\n"
      "talks will continue in Tehran next month, officials said.\n"
      "\n"
      "Short line one\n"
      "Short line two\n";
  std::vector<Sentence> ss = Run(text);
  std::vector<std::string> want = {
      "Envoys Meet in Baku",
      "The foreign ministers of both countries met with President\nKarimov on Monday and "
      "discussed the transit corridor.",
      "The\ntalks will continue in Tehran next month, officials said.", "Short line one",
      "Short line two"};
  EXPECT_EQ(SentenceTexts(text, ss), want);
}

TEST_F(AnalyzerTest, CarriageReturnsAndSpaces) {
  std::string text = "  First line here.\r\n\r\n\tSecond line here.  \r\n";
  EXPECT_EQ(SentenceTexts(text, Run(text)),
            (std::vector<std::string>{"First line here.", "Second line here."}));
}

struct FlagCase {
  const char* line;
  int heading;  // 1, 0, or -1 when it does not matter
  bool furniture;
};

TEST_F(AnalyzerTest, HeadingsAndFurniture) {
  const FlagCase cases[] = {
      {"Azerbaijan, Iran Discuss Bilateral Issues", true, false},
      {"Turkey And Georgia Sign New Transit Agreement On Rail Freight", true, false},
      {"Expert opinion", true, false},
      {"Iran and Azerbaijan sign a new border deal in Baku", true, false},
      {"The foreign ministers of the two countries discussed bilateral relations in Baku.", false,
       false},
      {"news banner image Tablet news banner image Print", -1, true},
      {"Newsroom logo", true, true},
      {"Share this page", true, true},
      {"© 2024 Example News. All rights reserved.", -1, true},
      {"Privacy Policy", true, true},
      {"Contact us", true, true},
      {"Last update: March 3, 2024 10:15", -1, true},
      {"Photo: Reuters", -1, true},
      {"Read more", true, true},
      {"Advertisement", true, true},
      {"None", true, true},
      {"Desktop", true, true},
      {"By Jane Doe May 2, 2023", -1, true},
      {"By Jane Doe", true, true},
      {"Press release 12 March 2023", -1, true},
      {"date 2023-03-12 Envoys meet in Ankara", -1, true},
      {"(Reporting by Jane Doe; Editing by John Roe)", -1, true},
      {"Monday, 3 February 2025", -1, true},
      {"February 3, 2025 10:15 AM", -1, true},
      {"3 February 2025", -1, true},
      {"Home » World » Asia", -1, true},
      {"Image source, Example Agency", -1, true},
      {"The talks began on February 3, 2025 in Baku.", false, false},
      {"Monday, 3 February 2025 was the day the envoys met.", false, false},
      {"The envoy arrived by plane.", false, false},
      {"Officials said they would read more reports.", false, false},
  };
  for (const FlagCase& c : cases) {
    std::vector<Sentence> ss = Run(c.line);
    ASSERT_FALSE(ss.empty()) << c.line;
    bool heading = true, furniture = true;
    for (const Sentence& s : ss) {
      heading = heading && s.heading;
      furniture = furniture && s.furniture;
    }
    if (c.heading >= 0) {
      EXPECT_EQ(heading, c.heading == 1) << c.line;
    }
    EXPECT_EQ(furniture, c.furniture) << c.line;
  }
}

TEST_F(AnalyzerTest, CaptionsMarkTheirWholeLine) {
  const char* captions[] = {
      "The two presidents met in Ankara on May 3, 2023. / example.gov.tr",
      "The two presidents met in Ankara on May 3, 2023. /",
      "The delegation visited the port. Photo: Example Agency",
  };
  for (const char* c : captions) {
    std::vector<Sentence> ss = Run(c);
    ASSERT_FALSE(ss.empty());
    for (const Sentence& s : ss) EXPECT_TRUE(s.furniture) << c;
  }
  // A slash inside prose is not a credit.
  std::vector<Sentence> prose = Run("The rate was 1 USD / 1.7 AZN on Monday.");
  ASSERT_EQ(prose.size(), 1u);
  EXPECT_FALSE(prose[0].furniture);
}

TEST_F(AnalyzerTest, OffsetsCutTheOriginalText) {
  std::string text =
      "İlham Əliyev and the Ağdam delegation — “friends” — met in Şəki.\n\n"
      "Москва (ТАСС) 5 марта. Переговоры прошли.\n"
      "東京で会談が行われた。次の会議は来月です。\n"
      "Iran’s envoy, Amir‑Abdollahian, said: “No.”";
  std::vector<Sentence> ss = Run(text);
  ASSERT_GE(ss.size(), 4u);
  for (const Sentence& s : ss) {
    for (const Token& t : s.tokens) {
      std::string surface(text.substr(t.begin, t.end - t.begin));
      EXPECT_EQ(t.norm, ta_->Normalize(surface).empty() ? t.norm : t.norm);
      if (t.norm != "'s") {
        EXPECT_EQ(ta_->Normalize(surface), t.norm) << surface;
      }
    }
  }
  EXPECT_EQ(ss[0].tokens[0].norm, "ilham");
  EXPECT_EQ(ss[0].tokens[1].norm, "eliyev");
}

TEST_F(AnalyzerTest, NormalizeAndTokenizePhraseMatchAnalyze) {
  EXPECT_EQ(ta_->Normalize("Əliyev’s"), "eliyev's");
  EXPECT_EQ(ta_->TokenizePhrase("Amir-Abdollahian"),
            (std::vector<std::string>{"amir", "-", "abdollahian"}));
  EXPECT_EQ(ta_->TokenizePhrase("Iran’s Foreign Ministry"),
            (std::vector<std::string>{"iran", "'s", "foreign", "ministry"}));
  EXPECT_EQ(ta_->TokenizePhrase("the U.S. State Department"),
            (std::vector<std::string>{"the", "u.s.", "state", "department"}));
  EXPECT_TRUE(ta_->TokenizePhrase("").empty());
  const char* phrases[] = {"Hossein Amir-Abdollahian", "Organization of Islamic Cooperation (OIC)",
                           "Gen. Abdulla Qurbanov", "Ağdam’s mayor"};
  for (const char* p : phrases) {
    std::vector<std::string> from_text;
    for (const Sentence& s : Run(p)) {
      for (const Token& t : s.tokens) from_text.push_back(t.norm);
    }
    EXPECT_EQ(ta_->TokenizePhrase(p), from_text) << p;
  }
}

TEST_F(AnalyzerTest, LongLineWithoutPunctuation) {
  std::string text;
  text.reserve(10 << 20);
  while (text.size() < (10u << 20)) text += "ministers met again and talked ";
  std::vector<Sentence> ss = ta_->Analyze(text);
  ASSERT_EQ(ss.size(), 1u);
  EXPECT_GT(ss[0].tokens.size(), 1000000u);
  EXPECT_EQ(ss[0].tokens.back().end, text.size() - 1);
}

TEST_F(AnalyzerTest, ArbitraryBytesDoNotBreakInvariants) {
  // Valid UTF-8 made of unusual pieces: combining marks at the start, lone punctuation,
  // zero-width characters, emoji, tabs and form feeds.
  std::string text = "\u0301abc \u200B\u200Bdef 🙂🙂 ’s ' - -- ... \f\v x\u0308y . . .";
  Run(text);
  std::string many_lines;
  for (int i = 0; i < 2000; ++i) many_lines += (i % 3 == 0) ? "\n" : "word of\n";
  Run(many_lines);
}

// Property test: random documents assembled from awkward pieces (multibyte letters, marks,
// quotes, dashes, abbreviations, numbers, line breaks) keep every invariant, and analysing the
// same text twice gives the same result.
TEST_F(AnalyzerTest, RandomDocumentsKeepInvariants) {
  const char* pieces[] = {"Gen.",
                          "U.S.",
                          "No.",
                          "5",
                          "1,000",
                          "2.5",
                          "e.g.",
                          "etc.",
                          "Mr.",
                          "Ağdam",
                          "Əliyev",
                          "İ",
                          "ı",
                          "’s",
                          "'s",
                          "'",
                          "“",
                          "”",
                          "\"",
                          "-",
                          "–",
                          "—",
                          ".",
                          "...",
                          "…",
                          "!",
                          "?",
                          ":",
                          ";",
                          ",",
                          "(",
                          ")",
                          "/",
                          "No:367/21",
                          "21:57",
                          "\n",
                          "\n\n",
                          "\r\n",
                          " ",
                          "\t",
                          "\u00A0",
                          "\u0301",
                          "\u200B",
                          "\u00AD",
                          "🙂",
                          "東京",
                          "Москва",
                          "Photo:",
                          "/ a.b",
                          "The",
                          "he",
                          "said",
                          "talks",
                          "Baku",
                          "Iran",
                          "met",
                          "was",
                          "pardoned",
                          "Share this page",
                          "None",
                          "By",
                          "Jane",
                          "Doe",
                          "May",
                          "2,",
                          "2023",
                          "A",
                          "b",
                          "x-y",
                          "O'Neill",
                          "  "};
  const size_t n = sizeof(pieces) / sizeof(pieces[0]);
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (int doc = 0; doc < 300; ++doc) {
    std::string text;
    int len = 1 + next() % 60;
    for (int k = 0; k < len; ++k) {
      text += pieces[next() % n];
      if (next() % 3) text += ' ';
    }
    std::vector<Sentence> a = Run(text);
    std::vector<Sentence> b = ta_->Analyze(text);
    ASSERT_EQ(a.size(), b.size()) << text;
    for (size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(a[i].tokens.size(), b[i].tokens.size()) << text;
      EXPECT_EQ(a[i].begin, b[i].begin);
      EXPECT_EQ(a[i].furniture, b[i].furniture);
      EXPECT_EQ(a[i].heading, b[i].heading);
    }
  }
}

// Found by text_fuzz: a token made only of default-ignorable characters (here the tag-range
// U+E080A, then a variation selector) folded to an empty norm; every token has a norm.
TEST_F(AnalyzerTest, FuzzFoundIgnorableOnlyTokenKeepsANorm) {
  for (std::string_view text : {"Iran \xF3\xA0\xA0\x8A met Iraq.", "Iran \xEF\xB8\x8F met Iraq."}) {
    for (const Sentence& s : ta_->Analyze(text)) {
      for (const Token& t : s.tokens) {
        EXPECT_FALSE(t.norm.empty()) << t.begin;
        EXPECT_LT(t.begin, t.end);
      }
    }
  }
}

// One analyzer shared by several threads gives each the same answer as a lone caller.
TEST_F(AnalyzerTest, SharedAcrossThreads) {
  std::string text;
  for (int i = 0; i < 200; ++i) {
    text +=
        "Last update: May 3, 2024\n\nGen. Karimov met the U.S. envoy in Ağdam. He said talks "
        "were “useful”. Officials were pardoned.\n\n";
  }
  std::vector<Sentence> want = ta_->Analyze(text);
  std::vector<std::vector<Sentence>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] { got[t] = ta_->Analyze(text); });
  }
  for (auto& th : threads) th.join();
  for (const auto& g : got) {
    ASSERT_EQ(g.size(), want.size());
    for (size_t i = 0; i < g.size(); ++i) {
      ASSERT_EQ(g[i].tokens.size(), want[i].tokens.size());
      EXPECT_EQ(g[i].furniture, want[i].furniture);
      for (size_t k = 0; k < g[i].tokens.size(); ++k) {
        EXPECT_EQ(g[i].tokens[k].lemma, want[i].tokens[k].lemma);
        EXPECT_EQ(g[i].tokens[k].flags, want[i].tokens[k].flags);
      }
    }
  }
}

// A missing data file is bad data (exit 4), not a missing input (exit 3): issue 12, row 9.
TEST(TextAnalyzerCreateTest, MissingDataDirIsBadData) {
  TextConfig config;
  config.data_dir = "/nonexistent/data";
  auto r = TextAnalyzer::Create(config);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBadData);
  EXPECT_EQ(r.status().message(), "/nonexistent/data/text/abbreviations.txt: no such data file");
}

}  // namespace
}  // namespace dragoman
