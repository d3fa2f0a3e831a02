// Dictionary loading: the shipped data, loader errors with file:line, case rules, and
// date-bounded roles.
#include "actors/dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "actors/test_util.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;
using testing_actors::Dict;
using testing_actors::Text;

TEST(ActorDictionary, LoadsTheShippedData) {
  auto d = Dict();
  EXPECT_GT(d->num_entries(), 2000u);
  EXPECT_GT(d->num_people(), 100u);
  EXPECT_TRUE(d->IsCountry("AZE"));
  EXPECT_TRUE(d->IsCountry("ZWE"));
  EXPECT_TRUE(d->IsCountry("XKX"));  // Kosovo: countries.txt, not iso-codes
  EXPECT_FALSE(d->IsCountry("ZZZ"));
  EXPECT_EQ(d->CountryName("XKX"), "Kosovo");
}

// Matches `phrase` at its first token and returns the entry kinds found there.
std::vector<EntryKind> KindsAt(const std::string& text) {
  auto sents = Text().Analyze(text);
  std::vector<EntryKind> out;
  if (sents.empty()) return out;
  std::span<const int> es;
  int len = Dict()->LongestMatch(sents[0].tokens, 0, &es);
  if (len == 0) return out;
  for (int e : es) {
    if (Dict()->Accepts(e, sents[0].tokens, 0)) out.push_back(Dict()->entry(e).kind);
  }
  return out;
}

TEST(ActorDictionary, CaseRulesKeepPronounsAndWordsApart) {
  auto us_caps = KindsAt("US officials");
  EXPECT_NE(std::find(us_caps.begin(), us_caps.end(), EntryKind::kCountry), us_caps.end());
  auto us = KindsAt("us all");
  EXPECT_EQ(std::find(us.begin(), us.end(), EntryKind::kCountry), us.end());
  EXPECT_TRUE(KindsAt("turkey dinner").empty());
  EXPECT_FALSE(KindsAt("Turkey said").empty());
  // Roles match in any case and through lemmas.
  EXPECT_FALSE(KindsAt("Ministries closed").empty());
  // Verb forms do not stand for role nouns ("convicted" is not "convict").
  EXPECT_TRUE(KindsAt("convicted of theft").empty());
}

TEST(ActorDictionary, DateBoundedRoles) {
  auto d = Dict();
  int p = -1;
  for (size_t i = 0; i < d->num_people(); ++i) {
    if (d->person(static_cast<int>(i)).name == "Hossein Amir-Abdollahian") p = static_cast<int>(i);
  }
  ASSERT_GE(p, 0);
  PersonCoding in_office = d->CodePerson(p, PartialDate{2023, 1, 10});
  EXPECT_EQ(in_office.country, "IRN");
  EXPECT_EQ(in_office.sector, "GOV");
  PersonCoding before = d->CodePerson(p, PartialDate{2019, 6, 1});
  EXPECT_EQ(before.country, "IRN");
  EXPECT_EQ(before.sector, "");
  PersonCoding after = d->CodePerson(p, PartialDate{2025, 1, 1});
  EXPECT_EQ(after.sector, "ELI");
  PersonCoding undated = d->CodePerson(p, std::nullopt);
  EXPECT_EQ(undated.sector, "GOV");
}

TEST(ActorDictionary, MonthPrecisionEndCoversTheWholeMonth) {
  auto d = Dict();
  int p = -1;
  for (size_t i = 0; i < d->num_people(); ++i) {
    if (d->person(static_cast<int>(i)).name == "Irakli Kobakhidze") p = static_cast<int>(i);
  }
  ASSERT_GE(p, 0);
  // Chairman of the Parliament until 2019-06 (month precision), Prime Minister from 2024-02-08.
  EXPECT_EQ(d->CodePerson(p, PartialDate{2019, 6, 28}).sector, "LEG");
  EXPECT_EQ(d->CodePerson(p, PartialDate{2019, 7, 2}).sector, "ELI");
  EXPECT_EQ(d->CodePerson(p, PartialDate{2024, 2, 8}).sector, "GOV");
}

// A copy of the shipped actors/ directory in a temporary data dir, with one file replaced.
class BrokenData : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("dragoman_actors_test_" +
            std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(DRAGOMAN_SOURCE_DATA_DIR) / "actors", dir_ / "actors",
             fs::copy_options::recursive);
    fs::copy(fs::path(DRAGOMAN_SOURCE_DATA_DIR) / "lexicon", dir_ / "lexicon",
             fs::copy_options::recursive);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(dir_ / "actors" / rel) << text;
  }
  Status Load() {
    ActorConfig c;
    c.data_dir = dir_.string();
    auto r = ActorDictionary::Load(c, Text());
    return r.status();
  }
  fs::path dir_;
};

// Issue 12, row 9: a non-ISO code, a line with no fields and a duplicate were all accepted.
TEST_F(BrokenData, Issue12Row9NonIsoCountryCode) {
  Write("countries.txt",
        "# comment\nAZE | Azerbaijan | Azerbaijani | | Baku\nABC | Nowhere | | |\nXKX | Kosovo | | "
        "|\n");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kBadData);
  EXPECT_NE(s.message().find("countries.txt:3: country code 'ABC' is not in ISO 3166-1 "
                             "(iso-codes) and not a user-assigned code"),
            std::string::npos)
      << s.message();
}

TEST_F(BrokenData, Issue12Row9CountryWithoutFields) {
  Write("countries.txt", "AZE | Azerbaijan | | |\nARM | | | |\n");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kBadData);
  EXPECT_NE(s.message().find("countries.txt:2: no names, adjectives, people or capitals for ARM"),
            std::string::npos)
      << s.message();
}

TEST_F(BrokenData, Issue12Row9DuplicateCountry) {
  Write("countries.txt", "AZE | Azerbaijan | | |\n\nAZE | | Azeri | |\n");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kBadData);
  EXPECT_NE(s.message().find("countries.txt:3: duplicate country AZE (first on line 1)"),
            std::string::npos)
      << s.message();
}

TEST_F(BrokenData, EmptyAlternative) {
  Write("countries.txt", "IRN | Iran;; Persia | | |\n");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kBadData);
  EXPECT_NE(s.message().find("countries.txt:1: empty alternative in field 2"), std::string::npos)
      << s.message();
}

// ISO 3166-1 leaves XAA-XZZ (among others) to its users: Kosovo's XKX loads with its name, and
// needs one.
TEST_F(BrokenData, UserAssignedCodeNeedsAName) {
  Write("countries.txt", "XKX | Kosovo | Kosovar | | Pristina\n");
  EXPECT_TRUE(Load().ok());
  Write("countries.txt", "XKX | | Kosovar | | Pristina\n");
  Status s = Load();
  EXPECT_NE(s.message().find("countries.txt:1: user-assigned country code 'XKX' needs a name"),
            std::string::npos)
      << s.message();
}

// A key given twice in one file: the second line is the error, naming the first.
TEST_F(BrokenData, DuplicateKeys) {
  struct Case {
    const char* file;
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"roles.txt", "envoy | GOV | person\n# note\nenvoy | GOV | person\n",
       "roles.txt:3: duplicate role 'envoy' (first on line 1)"},
      {"igos.txt", "IGOUNO | United Nations; UN\nIGOAU | African Union; UN\n",
       "igos.txt:2: duplicate name 'UN' (first on line 1)"},
      {"references.txt", "he | person\nhe | speaker\n",
       "references.txt:2: duplicate word 'he' (first on line 1)"},
  };
  for (const Case& c : cases) {
    Write(c.file, c.text);
    Status s = Load();
    EXPECT_EQ(s.code(), Status::Code::kBadData);
    EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
    fs::copy(fs::path(DRAGOMAN_SOURCE_DATA_DIR) / "actors" / c.file, dir_ / "actors" / c.file,
             fs::copy_options::overwrite_existing);
  }
}

// With a problem sink every bad line of every file is reported and loading goes on.
TEST_F(BrokenData, SinkCollectsEveryProblem) {
  Write("countries.txt",
        "ABC | Nowhere | | |\nAZE | Azerbaijan | | |\nAZE | | | |\nXKX | Kosovo | | |\n");
  Write("roles.txt", "president | GOV | person\nminister | GOV\n");
  Write("generic.txt", "COP | document\n");  // the shipped one names roles this roles.txt lacks
  DataProblems problems;
  ActorConfig c;
  c.data_dir = dir_.string();
  c.problems = &problems;
  auto r = ActorDictionary::Load(c, Text());
  EXPECT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_NE(problems.all()[0].message().find("countries.txt:1: "), std::string::npos);
  EXPECT_NE(problems.all()[1].message().find("countries.txt:3: duplicate"), std::string::npos);
  EXPECT_NE(problems.all()[2].message().find("roles.txt:2: "), std::string::npos);
}

TEST_F(BrokenData, MissingField) {
  Write("roles.txt", "president | GOV | person\nminister | GOV\n");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kBadData);
  EXPECT_NE(s.message().find("roles.txt:2: expected 3 fields"), std::string::npos) << s.message();
}

TEST_F(BrokenData, UnknownSector) {
  Write("roles.txt", "president | XXX | person\n");
  Status s = Load();
  EXPECT_NE(s.message().find("roles.txt:1: unknown sector 'XXX'"), std::string::npos)
      << s.message();
}

TEST_F(BrokenData, BadDate) {
  Write("people/aze.txt", "Ilham Aliyev | Aliyev | AZE GOV | President | 2003-13-01 |\n");
  Status s = Load();
  EXPECT_NE(s.message().find("people/aze.txt:1: bad start date '2003-13-01'"), std::string::npos)
      << s.message();
}

TEST_F(BrokenData, EndBeforeStart) {
  Write("people/arm.txt", "\nNikol Pashinyan | | ARM GOV | Prime Minister | 2018-05-08 | 2017\n");
  Status s = Load();
  EXPECT_NE(s.message().find("people/arm.txt:2: end date before start date"), std::string::npos)
      << s.message();
}

TEST_F(BrokenData, PersonWithUnknownCountry) {
  Write("people/irn.txt", "A Person | | IRQQ GOV | Minister | 2020 |\n");
  Status s = Load();
  EXPECT_NE(s.message().find("people/irn.txt:1: unknown country code 'IRQQ'"), std::string::npos)
      << s.message();
}

TEST_F(BrokenData, IgoCodeMustSayIgo) {
  Write("igos.txt", "UNO | United Nations\n");
  Status s = Load();
  EXPECT_NE(s.message().find("igos.txt:1: code 'UNO' must start with IGO or NGO"),
            std::string::npos)
      << s.message();
}

TEST_F(BrokenData, UnknownReferenceClass) {
  Write("references.txt", "he | person\nit | object\n");
  Status s = Load();
  EXPECT_NE(s.message().find("references.txt:2: unknown class 'object'"), std::string::npos)
      << s.message();
}

TEST_F(BrokenData, GenericSectorsFile) {
  Write("generic.txt", "COP | document\nXYZ | none\n");
  EXPECT_NE(Load().message().find("generic.txt:2: unknown sector 'XYZ'"), std::string::npos);
  Write("generic.txt", "COP | somewhere\n");
  EXPECT_NE(Load().message().find("generic.txt:1: COUNTRY must be"), std::string::npos);
  Write("generic.txt", "COP | document\nCOP | none\n");
  EXPECT_NE(Load().message().find("generic.txt:2: sector 'COP' listed twice"), std::string::npos);
  // ROLES must be roles.txt phrases of that sector.
  Write("generic.txt", "COP | document\nCVL | document | protester; astronaut\n");
  EXPECT_NE(Load().message().find("generic.txt:2: 'astronaut' is no roles.txt phrase of sector CVL"),
            std::string::npos)
      << Load().message();
}

TEST_F(BrokenData, AWordClassTheResolverReadsIsMissing) {
  std::ofstream(dir_ / "lexicon" / "actor_words.txt") << "definite_article\tthe\n";
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kBadData);
  EXPECT_NE(s.message().find("appositive_article"), std::string::npos) << s.message();
}

TEST_F(BrokenData, MissingPeopleFile) {
  Write("people/index.txt", "aze.txt\nnowhere.txt\n");
  Status s = Load();
  EXPECT_NE(s.message().find("index.txt:2: no such file 'nowhere.txt'"), std::string::npos)
      << s.message();
}

TEST_F(BrokenData, InvalidUtf8) {
  Write("groups.txt", "PSEREB | Hamas\nPSEREB | \xff\xfe\n");
  Status s = Load();
  EXPECT_EQ(s.code(), Status::Code::kBadData);
  EXPECT_NE(s.message().find("groups.txt:2:"), std::string::npos) << s.message();
}

// Random lines (fixed seed) in every data file: loading either succeeds or fails with BadData
// naming the file and a line; it never crashes or reports another kind of error.
TEST_F(BrokenData, RandomLinesNeverCrashTheLoader) {
  std::mt19937 rng(12345);
  const std::string alphabet = "ab AZE GOV|;|#-'.\t2019-04-31 XKX IGOUNO person\xc3\xa9";
  const char* files[] = {"countries.txt", "roles.txt",      "igos.txt",
                         "groups.txt",    "references.txt", "people/aze.txt", "generic.txt"};
  for (int round = 0; round < 6; ++round) {
    std::string text;
    for (int line = 0; line < 20; ++line) {
      int len = static_cast<int>(rng() % 40);
      for (int k = 0; k < len; ++k) text += alphabet[rng() % alphabet.size()];
      text += '\n';
    }
    const std::string file = files[round % 6];
    Write(file, text);
    Status st = Load();
    if (!st.ok()) {
      EXPECT_EQ(st.code(), Status::Code::kBadData) << st.message();
      EXPECT_NE(st.message().find(file.substr(file.rfind('/') + 1) + ":"), std::string::npos)
          << st.message();
    }
    fs::copy(fs::path(DRAGOMAN_SOURCE_DATA_DIR) / "actors" / file, dir_ / "actors" / file,
             fs::copy_options::overwrite_existing);
  }
}

TEST(ActorDictionaryIso, MissingIsoCodesIsNotFound) {
  ActorConfig c;
  c.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
  c.iso_codes_json = "/nonexistent/iso_3166-1.json";
  auto r = ActorDictionary::Load(c, Text());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

// The coder hands over the lexicon it already read; the dictionary uses that one instead of
// reading DATA_DIR/lexicon again (start-up, doc/performance.md).
TEST(ActorDictionaryLexicon, SharesTheLexiconItIsGiven) {
  auto read = Lexicon::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/lexicon");
  ASSERT_TRUE(read.ok()) << read.status().message();
  auto given = std::make_shared<const Lexicon>(std::move(read).value());
  ActorConfig c;
  c.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
  c.lexicon = given;
  auto shared = ActorDictionary::Load(c, Text());
  ASSERT_TRUE(shared.ok()) << shared.status().message();
  EXPECT_EQ(&(*shared)->lexicon(), given.get());

  c.lexicon = nullptr;
  auto own = ActorDictionary::Load(c, Text());
  ASSERT_TRUE(own.ok()) << own.status().message();
  EXPECT_NE(&(*own)->lexicon(), given.get());
}

}  // namespace
}  // namespace dragoman
