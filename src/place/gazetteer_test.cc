#include "place/gazetteer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/file.h"
#include "testing/seeds.h"
#include "testing/stages.h"
#include "text/analysis.h"

namespace dragoman {
namespace {

using test_support::Analyzer;

const Gazetteer& Shipped() {
  static const std::shared_ptr<const Gazetteer> g = [] {
    auto r = Gazetteer::Load(DRAGOMAN_SOURCE_DATA_DIR, Analyzer());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : nullptr;
  }();
  return *g;
}

// "span=Name/CCC" (with "@" when locative) for every mention, joined by "; ".
std::string Places(const Gazetteer& g, std::string_view text) {
  std::string out;
  for (const Sentence& s : Analyzer().Analyze(text)) {
    for (const PlaceMention& m : g.Find(s)) {
      if (!out.empty()) out += "; ";
      const uint32_t b = s.tokens[m.token_begin].begin, e = s.tokens[m.token_end - 1].end;
      out += std::string(text.substr(b, e - b)) + "=" + m.place.name + "/" + m.place.country;
      if (m.locative) out += "@";
    }
  }
  return out;
}

struct Case {
  const char* text;
  const char* want;
};

class PlaceTest : public ::testing::TestWithParam<Case> {};

TEST_P(PlaceTest, Finds) {
  const Case& c = GetParam();
  EXPECT_EQ(Places(Shipped(), c.text), c.want) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Shipped, PlaceTest,
    ::testing::Values(
        Case{"The ministers met in Tehran.", "Tehran=Tehran/IRN@"},
        Case{"The meeting was held in Jeddah, Saudi Arabia, on Tuesday.",
             "Jeddah, Saudi Arabia=Jeddah/SAU@"},
        Case{"They met in the Saudi city of Jeddah.", "Jeddah=Jeddah/SAU@"},
        Case{"Soldiers were detained in the Khojavend (Martuni) region of Karabakh.",
             "Khojavend (Martuni) region=Khojavend/AZE@; Karabakh=Karabakh/AZE"},
        Case{"Shelling hit the Khojavend region.", "Khojavend region=Khojavend/AZE"},
        Case{"Officials from Stepanakert and Khankendi disagreed.",
             "Stepanakert=Khankendi/AZE; Khankendi=Khankendi/AZE"},
        Case{"A delegation flew from Kiev to Tbilisi.", "Kiev=Kyiv/UKR; Tbilisi=Tbilisi/GEO"},
        Case{"Georgia and Armenia signed a deal.", "Georgia=Georgia/GEO; Armenia=Armenia/ARM"},
        Case{"The United States and the UK objected.",
             "United States=United States/USA; UK=United Kingdom/GBR"},
        Case{"Nagorno-Karabakh was discussed at the Munich conference.",
             "Nagorno-Karabakh=Karabakh/AZE; Munich=Munich/DEU@"},
        Case{"A rally was held in Ardabil Province.", "Ardabil Province=Ardabil Province/IRN@"},
        Case{"Ships crossed the Caspian Sea near Baku.",
             "Caspian Sea=Caspian Sea/; Baku=Baku/AZE@"},
        Case{"Talks in New York and Washington continued.",
             "New York=New York/USA@; Washington=Washington/USA"},
        Case{"East Azerbaijan borders Azerbaijan.",
             "East Azerbaijan=East Azerbaijan/IRN; Azerbaijan=Azerbaijan/AZE"},
        Case{"A rally was held in Iran's Ardabil Province.",
             "Iran=Iran/IRN@; Ardabil Province=Ardabil Province/IRN@"},
        Case{"Troops entered the West Bank city of Hebron.",
             "West Bank=West Bank/PSE; Hebron=Hebron/PSE"},
        Case{"Under the Vienna Convention, consuls may visit.", ""},
        Case{"He spoke at the Munich Security Conference.", "Munich=Munich/DEU@"},
        Case{"Troops were deployed along the Lachin corridor.",
             "Lachin corridor=Lachin corridor/AZE@"},
        Case{"Pezeshkian visited Baku after his trip to Moscow.",
             "Baku=Baku/AZE@; Moscow=Moscow/RUS@"},
        Case{"Azerbaijan extradited 100 detainees to Armenia.",
             "Azerbaijan=Azerbaijan/AZE; Armenia=Armenia/ARM"},
        Case{"Migrants were rescued off the coast of Lampedusa.", "Lampedusa=Lampedusa/ITA@"},
        Case{"The attack happened in Indian-administered Kashmir.", "Kashmir=Kashmir/@"},
        Case{"Shells fell on the outskirts of Donetsk.", "Donetsk=Donetsk/UKR@"},
        // Lower-case and ambiguous names.
        Case{"Let us talk about georgia and turkey.", ""},
        Case{"Victoria said the plan was nice.", ""},
        Case{"The president of the Seychelles spoke in Victoria.",
             "Seychelles=Seychelles/SYC; Victoria=Victoria/SYC@"},
        Case{"He told us that the results were in.", ""}));

TEST(GazetteerLoad, ShippedDataIsLarge) {
  EXPECT_GT(Shipped().size(), 900u);
  const Place* p = Shipped().Lookup(Analyzer().TokenizePhrase("Stepanakert"));
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "Khankendi");
  EXPECT_EQ(p->country, "AZE");
  EXPECT_NEAR(p->lat, 39.8, 0.1);
  EXPECT_EQ(Shipped().Lookup(Analyzer().TokenizePhrase("Atlantis")), nullptr);
}

// The coder passes its own lexicon (loaded once); the gazetteer takes its words from that one,
// so a lexicon without the place classes is refused even though data/lexicon/ has them.
TEST(GazetteerLoad, UsesTheLexiconItIsGiven) {
  const std::vector<std::pair<std::string, std::string>> months_only = {
      {"months.txt", "month\tjanuary=1\n"}};
  Lexicon partial = test_support::Must(Lexicon::Parse(months_only), "Parse");
  auto r = Gazetteer::Load(DRAGOMAN_SOURCE_DATA_DIR, Analyzer(), partial);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no word class"), std::string::npos)
      << r.status().message();
  auto shipped = Gazetteer::Load(DRAGOMAN_SOURCE_DATA_DIR, Analyzer(),
                                 test_support::ShippedLexicon());
  EXPECT_TRUE(shipped.ok()) << shipped.status().message();
}

TEST(GazetteerLoad, EveryIsoCountryHasAnEntry) {
  // Every alpha-3 code used by a city must also have a country row, and the main countries of
  // the brief must resolve by name.
  for (const char* name : {"Azerbaijan", "Armenia", "Iran", "Georgia", "Turkey", "Russia",
                           "Saudi Arabia", "Kazakhstan", "Ukraine", "United Kingdom"}) {
    const Place* p = Shipped().Lookup(Analyzer().TokenizePhrase(name));
    ASSERT_NE(p, nullptr) << name;
    EXPECT_EQ(p->kind, "country") << name;
  }
}

TEST(GazetteerLoad, ConflictPrefersCountryThenFirstLoaded) {
  auto g = Gazetteer::FromText("t.tsv",
                               "Georgia\tUSA\tregion\t33\t-83\n"
                               "Georgia\tGEO\tcountry\t42\t43\n"
                               "Springfield\tUSA\tcity\t39.8\t-89.6\n"
                               "Springfield\tUSA\tcity\t42.1\t-72.6\n",
                               Analyzer(), test_support::ShippedLexicon());
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ((*g)->Lookup({"georgia"})->country, "GEO");
  EXPECT_NEAR((*g)->Lookup({"springfield"})->lat, 39.8, 1e-9);
}

// The trie keeps each node's edges sorted (the root hashed): names that share first words,
// inserted in no order, are each found whole, and the longest one wins in text.
TEST(GazetteerLoad, NamesSharingWordsInAnyOrder) {
  auto g = Gazetteer::FromText("t.tsv",
                               "San Jose\tCRI\tcapital\t9.9\t-84.1\n"
                               "San Antonio\tUSA\tcity\t29.4\t-98.5\n"
                               "San Marino\tSMR\tcountry\t43.9\t12.4\n"
                               "San\tUSA\tsite\t1\t1\n"
                               "San Francisco Bay\tUSA\twater\t37.7\t-122.3\n"
                               "San Francisco\tUSA\tcity\t37.8\t-122.4\n"
                               "Baku\tAZE\tcapital\t40.4\t49.9\n",
                               Analyzer(), test_support::ShippedLexicon());
  ASSERT_TRUE(g.ok()) << g.status().message();
  const std::pair<std::vector<std::string>, const char*> names[] = {
      {{"san", "jose"}, "San Jose"},           {{"san", "antonio"}, "San Antonio"},
      {{"san", "marino"}, "San Marino"},       {{"san"}, "San"},
      {{"san", "francisco"}, "San Francisco"}, {{"san", "francisco", "bay"}, "San Francisco Bay"},
      {{"baku"}, "Baku"}};
  for (const auto& [tokens, name] : names) {
    const Place* p = (*g)->Lookup(tokens);
    ASSERT_NE(p, nullptr) << name;
    EXPECT_EQ(p->name, name);
  }
  EXPECT_EQ((*g)->Lookup({"san", "diego"}), nullptr);
  EXPECT_EQ((*g)->Lookup({"jose"}), nullptr);
  EXPECT_EQ(Places(**g, "Talks in San Francisco Bay and San Marino ended."),
            "San Francisco Bay=San Francisco Bay/USA@; San Marino=San Marino/SMR");
}

TEST(GazetteerLoad, BadDataNamesFileAndLine) {
  struct Bad {
    const char* content;
    const char* message;
  };
  for (const Bad& b : {Bad{"# ok\nBaku\tAZE\tcapital\t40.4\n", "t.tsv:2: expected 5 to 7"},
                       Bad{"Baku\tAz\tcapital\t40.4\t49.9\n", "t.tsv:1: country must be"},
                       Bad{"Baku\tAZE\tmetropolis\t40.4\t49.9\n", "t.tsv:1: unknown kind"},
                       Bad{"\nBaku\tAZE\tcity\t140.4\t49.9\n", "t.tsv:2: bad latitude"},
                       Bad{"Baku\tAZE\tcity\t40.4\teast\n", "t.tsv:1: bad longitude"},
                       Bad{"Baku\tAZE\tcity\t40.4\t49.9\tBaki||Bakı\n", "t.tsv:1: empty alias"},
                       Bad{"Baku\tAZE\tcity\t40.4\t49.9\t-\tloud\n", "t.tsv:1: unknown flag"}}) {
    auto g = Gazetteer::FromText("t.tsv", b.content, Analyzer(), test_support::ShippedLexicon());
    ASSERT_FALSE(g.ok()) << b.content;
    EXPECT_EQ(g.status().code(), Status::Code::kBadData);
    EXPECT_NE(g.status().message().find(b.message), std::string::npos) << g.status().message();
  }
  auto missing = Gazetteer::Load("/nonexistent-dir", Analyzer());
  EXPECT_EQ(missing.status().code(), Status::Code::kBadData);  // a data file: exit 4
}

TEST(GazetteerLoad, LocativeFlagNeedsContext) {
  auto g = Gazetteer::FromText("t.tsv",
                               "Victoria\tSYC\tcapital\t-4.6\t55.5\t-\tlocative\n"
                               "Seychelles\tSYC\tcountry\t-4.7\t55.5\n",
                               Analyzer(), test_support::ShippedLexicon());
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(Places(**g, "Victoria agreed."), "");
  EXPECT_EQ(Places(**g, "They met at Victoria."), "Victoria=Victoria/SYC@");
  EXPECT_EQ(Places(**g, "Victoria, Seychelles hosted it."), "Victoria, Seychelles=Victoria/SYC");
}

// Token soup: mentions lie inside the sentence, in order, without overlap.
TEST(PlaceRobustness, RandomTokenSoup) {
  static constexpr const char* kPieces[] = {
      "in",         "the",      "Khojavend",  "(",    "Martuni",   ")",      "region",
      "of",         "Karabakh", "Jeddah",     ",",    "Saudi",     "Arabia", "Victoria",
      "Seychelles", "city",     "US",         "us",   "New",       "York",   "'s",
      "Iran",       "Vienna",   "Convention", "East", "Azerbaijan"};
  uint32_t seed = 4242;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    const int len = 1 + next() % 14;
    for (int k = 0; k < len; ++k) {
      if (k) text += next() % 4 ? " " : "";
      text += kPieces[next() % std::size(kPieces)];
    }
    for (const Sentence& s : Analyzer().Analyze(text)) {
      int last_end = 0;
      for (const PlaceMention& m : Shipped().Find(s)) {
        ASSERT_GE(m.token_begin, last_end) << text;
        ASSERT_LT(m.token_begin, m.token_end) << text;
        ASSERT_LE(m.token_end, static_cast<int>(s.tokens.size())) << text;
        ASSERT_FALSE(m.place.name.empty()) << text;
        last_end = m.token_end;
      }
    }
  }
}

// Consistency of the shipped files: every country code used by a row has its own country row,
// and every ISO 3166-1 code known to the system's iso-codes package has one (skipped when the
// package is absent).
TEST(GazetteerData, CountryCodesAreCovered) {
  namespace fs = std::filesystem;
  std::set<std::string> countries, used;
  struct Row {
    std::string name, code;
    double lat, lon;
  };
  std::vector<Row> rows;
  std::map<std::string, std::pair<double, double>> centre;
  for (const auto& entry : fs::directory_iterator(fs::path(DRAGOMAN_SOURCE_DATA_DIR) / "places")) {
    if (entry.path().extension() != ".tsv") continue;
    auto content = ReadFile(entry.path().string());
    ASSERT_TRUE(content.ok());
    std::string_view rest = *content;
    while (!rest.empty()) {
      size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      if (line.empty() || line[0] == '#') continue;
      size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1), t3 = line.find('\t', t2 + 1);
      ASSERT_NE(t3, std::string_view::npos) << line;
      std::string code(line.substr(t1 + 1, t2 - t1 - 1));
      if (code == "-") continue;
      used.insert(code);
      size_t t4 = line.find('\t', t3 + 1), t5 = line.find('\t', t4 + 1);
      ASSERT_NE(t4, std::string_view::npos) << line;
      const double lat = std::stod(std::string(line.substr(t3 + 1, t4 - t3 - 1)));
      const double lon = std::stod(std::string(line.substr(t4 + 1, t5 - t4 - 1)));
      if (line.substr(t2 + 1, t3 - t2 - 1) == "country") {
        countries.insert(code);
        centre[code] = {lat, lon};
      } else {
        rows.push_back(Row{std::string(line.substr(0, t1)), code, lat, lon});
      }
    }
  }
  for (const std::string& code : used) EXPECT_TRUE(countries.count(code)) << code;
  // Coordinates: a place lies within 1,500 km of its country's point, except in countries
  // that are very large or spread over oceans. Catches swapped or sign-flipped coordinates.
  const std::set<std::string> kSpread = {"RUS", "USA", "CAN", "CHN", "BRA", "AUS", "IDN",
                                         "IND", "ARG", "CHL", "MEX", "ESP", "PRT", "KIR",
                                         "MYS", "KAZ", "FRA", "NOR", "NZL", "DNK"};
  for (const Row& r : rows) {
    if (kSpread.count(r.code) || !centre.count(r.code)) continue;
    const double kRad = 3.14159265358979 / 180;
    const auto [clat, clon] = centre[r.code];
    const double h = std::pow(std::sin((r.lat - clat) * kRad / 2), 2) +
                     std::cos(r.lat * kRad) * std::cos(clat * kRad) *
                         std::pow(std::sin((r.lon - clon) * kRad / 2), 2);
    const double km = 2 * 6371 * std::asin(std::sqrt(h));
    EXPECT_LT(km, 1500) << r.name << " (" << r.code << ") is " << km << " km from its country";
  }
  auto iso = ReadFile("/usr/share/iso-codes/json/iso_3166-1.json");
  if (!iso.ok()) GTEST_SKIP() << "iso-codes not installed";
  const std::string key = "\"alpha_3\": \"";
  size_t n = 0;
  for (size_t p = iso->find(key); p != std::string::npos; p = iso->find(key, p + 1)) {
    const std::string code = iso->substr(p + key.size(), 3);
    EXPECT_TRUE(countries.count(code)) << "no country row for ISO code " << code;
    ++n;
  }
  EXPECT_GT(n, 240u);
}

// Loader robustness: random byte edits of a valid file either load or fail with BadData naming
// the file and a line ("t.tsv:N: ..."); they never crash or fail another way.
TEST(GazetteerLoad, MutatedFilesFailCleanly) {
  const std::string valid =
      "# comment\n"
      "Baku\tAZE\tcapital\t40.41\t49.87\tBaki|Bakı\n"
      "Victoria\tSYC\tcapital\t-4.62\t55.45\t-\tlocative\n"
      "Caspian Sea\t-\twater\t41\t50.5\n";
  static constexpr char kBytes[] = {'\t', '\n', '|', '-', ',', '.', 'x', 'Z', '9', ' ', '\xff'};
  uint32_t seed = 99;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (int iter = 0; iter < 2000; ++iter) {
    std::string text = valid;
    const int edits = 1 + next() % 4;
    for (int e = 0; e < edits; ++e) {
      const size_t pos = next() % text.size();
      switch (next() % 3) {
        case 0:
          text[pos] = kBytes[next() % sizeof kBytes];
          break;
        case 1:
          text.erase(pos, 1 + next() % 3);
          break;
        default:
          text.insert(pos, 1, kBytes[next() % sizeof kBytes]);
      }
      if (text.empty()) text = "\n";
    }
    auto g = Gazetteer::FromText("t.tsv", text, Analyzer(), test_support::ShippedLexicon());
    if (!g.ok()) {
      EXPECT_EQ(g.status().code(), Status::Code::kBadData) << text;
      EXPECT_EQ(g.status().message().rfind("t.tsv:", 0), 0u) << g.status().message();
    }
  }
}

using test_support::SeedText;

TEST(PlaceSeeds, Seed002Khojavend) {
  const std::string text = SeedText("002_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << DRAGOMAN_SHARED_DIR;
  const std::string found = Places(Shipped(), text);
  EXPECT_NE(found.find("=Khojavend/AZE@"), std::string::npos) << found;
  EXPECT_NE(found.find("Baku=Baku/AZE@"), std::string::npos) << found;
}

TEST(PlaceSeeds, Seed004Jeddah) {
  const std::string text = SeedText("004_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << DRAGOMAN_SHARED_DIR;
  const std::string found = Places(Shipped(), text);
  EXPECT_NE(found.find("Jeddah, Saudi Arabia=Jeddah/SAU@"), std::string::npos) << found;
  EXPECT_NE(found.find("Jeddah=Jeddah/SAU@"), std::string::npos) << found;
}

TEST(PlaceSeeds, Seed000Tehran) {
  const std::string text = SeedText("000_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << DRAGOMAN_SHARED_DIR;
  const std::string found = Places(Shipped(), text);
  EXPECT_NE(found.find("Tehran=Tehran/IRN@"), std::string::npos) << found;
  EXPECT_NE(found.find("Baku=Baku/AZE@"), std::string::npos) << found;
}

}  // namespace
}  // namespace dragoman
