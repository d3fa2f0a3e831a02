#include "time/dates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
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

const DateFinder& Finder() {
  static const DateFinder finder =
      test_support::Must(DateFinder::Create(test_support::ShippedLexicon()), "DateFinder");
  return finder;
}

// "span=date" for every date mention in every sentence of `text`, joined by "; ".
std::string Dates(std::string_view text, std::string_view doc_date) {
  std::optional<PartialDate> doc;
  if (!doc_date.empty()) doc = PartialDate::Parse(doc_date);
  std::string out;
  for (const Sentence& s : Analyzer().Analyze(text)) {
    for (const DateMention& m : Finder().Find(s, text, doc)) {
      if (!out.empty()) out += "; ";
      const uint32_t b = s.tokens[m.token_begin].begin, e = s.tokens[m.token_end - 1].end;
      out += std::string(text.substr(b, e - b)) + "=" + m.date.ToString();
      if (m.relative) out += "~";
    }
  }
  return out;
}

struct Case {
  const char* text;
  const char* doc_date;  // "" = unknown
  const char* want;      // "span=date" list; "~" marks a relative (doc-date-resolved) mention
};

class DatesTest : public ::testing::TestWithParam<Case> {};

TEST_P(DatesTest, Finds) {
  const Case& c = GetParam();
  EXPECT_EQ(Dates(c.text, c.doc_date), c.want) << c.text;
}

// Absolute dates: resolved with or without a document date.
INSTANTIATE_TEST_SUITE_P(
    Absolute, DatesTest,
    ::testing::Values(
        Case{"The talks opened on February 3, 2025 in Vienna.", "", "February 3, 2025=2025-02-03"},
        Case{"The treaty was signed on 3 February 2025.", "", "3 February 2025=2025-02-03"},
        Case{"It took effect on 2025-02-03.", "", "2025-02-03=2025-02-03"},
        Case{"The ceasefire statement of November 10, 2020 ended the fighting.", "",
             "November 10, 2020=2020-11-10"},
        Case{"Trade grew in January 2023.", "", "January 2023=2023-01"},
        Case{"The embassy reopened in 2021.", "", "2021=2021"},
        Case{"Arrests took place at the end of November 2020.", "",
             "the end of November 2020=2020-11"},
        Case{"Prices fell at the beginning of 2020.", "", "the beginning of 2020=2020"},
        Case{"Since 2019 the two sides have met twice.", "", "2019=2019"},
        Case{"Monday, March 4, 2024 was the first day.", "", "Monday, March 4, 2024=2024-03-04"},
        Case{"The accord dates from the 5th of March 2001.", "", "5th of March 2001=2001-03-05"},
        Case{"Elections are planned for Sept. 14, 2026.", "", "Sept. 14, 2026=2026-09-14"},
        Case{"He arrived on 31 April 2024.", "", ""},  // no such day
        Case{"A notice dated 04.10.2021 was issued.", "", "04.10.2021=2021-10-04"},
        Case{"He served from 2019 to 2021.", "", "2019=2019; 2021=2021"},
        // A day or month without a year takes the year stated earlier in the sentence.
        Case{"In late 2023, troops began to leave, and by December all had gone.", "2025-08-12",
             "late 2023=2023; December=2023-12"},
        Case{"Clashes began on 12 July 2020 and ended on 16 July.", "",
             "12 July 2020=2020-07-12; 16 July=2020-07-16"},
        // Counted from an earlier date in the same sentence.
        Case{"The war began on September 27, 2020 and a truce came two weeks later.", "",
             "September 27, 2020=2020-09-27; two weeks later=2020-10-11"},
        Case{"He landed on March 3, 2024 and met Aliyev the next day.", "",
             "March 3, 2024=2024-03-03; the next day=2024-03-04"},
        Case{"A truce came two weeks later.", "2024-03-08", ""},
        Case{"The talks ran between May and July.", "2024-08-20", "May=2024-05~; July=2024-07~"},
        Case{"The report was written in the spring of 2021.", "", "the spring of 2021=2021"},
        Case{"In the first half of 2024, trade grew.", "", "the first half of 2024=2024"},
        Case{"Both sides want peace to 2030 goals.", "", ""}));

// Relative dates: need the document date.
INSTANTIATE_TEST_SUITE_P(
    Relative, DatesTest,
    ::testing::Values(
        Case{"The last meeting took place on July 31.", "2025-08-04", "July 31=2025-07-31~"},
        Case{"The minister visited Baku on January 8.", "2025-02-10", "January 8=2025-01-08~"},
        // More than a month after the document date: the previous year.
        Case{"The minister visited Baku on December 20.", "2025-02-10", "December 20=2024-12-20~"},
        Case{"The summit is due on March 1.", "2025-02-10", "March 1=2025-03-01~"},
        Case{"Talks resumed last October.", "2024-03-08", "last October=2023-10~"},
        Case{"Talks resumed last October.", "2024-11-20", "last October=2024-10~"},
        Case{"In February of this year, the court ruled.", "2024-03-08",
             "February of this year=2024-02~"},
        Case{"In February, the court ruled.", "2024-03-08", "February=2024-02~"},
        Case{"The deal was signed in September.", "2024-03-08", "September=2023-09~"},
        Case{"Officials met this week.", "2024-03-08", "this week=2024-03~"},
        Case{"Officials met last week.", "2024-03-05", "last week=2024-02~"},
        Case{"The visit happened yesterday.", "2024-03-08", "yesterday=2024-03-07~"},
        Case{"The minister speaks today.", "2024-03-08", "today=2024-03-08~"},
        Case{"The minister spoke earlier today.", "2024-03-08", "earlier today=2024-03-08~"},
        Case{"The forum runs March 3-5 in Antalya.", "2024-03-01", "March 3-5=2024-03-03~"},
        Case{"The forum ran 3-5 March 2023.", "", "3-5 March 2023=2023-03-03"},
        Case{"Exports rose last month.", "2024-01-15", "last month=2023-12~"},
        Case{"Exports rose last year.", "2024-01-15", "last year=2023~"},
        Case{"He resigned earlier this month.", "2024-01-15", "earlier this month=2024-01~"},
        Case{"Floods hit the region in early March.", "2024-04-02", "early March=2024-03~"},
        Case{"Floods hit the region in mid-March.", "2024-04-02", "mid-March=2024-03~"},
        Case{"Floods hit the region in late March.", "2024-04-02", "late March=2024-03~"},
        // 2024-03-08 is a Friday.
        Case{"The envoy arrived on Monday.", "2024-03-08", "Monday=2024-03-04~"},
        Case{"The envoy arrived on Friday.", "2024-03-08", "Friday=2024-03-08~"},
        Case{"The envoy arrived last Friday.", "2024-03-08", "last Friday=2024-03-01~"},
        Case{"The envoy left three days ago.", "2024-03-08", "three days ago=2024-03-05~"},
        // Without a document date relative expressions are skipped, absolute ones kept.
        Case{"He came on July 31 and left on August 2, 2025.", "", "August 2, 2025=2025-08-02"},
        Case{"He came yesterday, last week and on Monday.", "", ""},
        // A year-precise document date resolves only what needs no day or month.
        Case{"It grew last year, last month and last October.", "2024", "last year=2023~"}));

// Things that are not dates.
INSTANTIATE_TEST_SUITE_P(
    NotDates, DatesTest,
    ::testing::Values(Case{"Under the 1963 Vienna Convention, consuls may visit.", "2025-08-04",
                           ""},
                      Case{"The 1998 bilateral agreement covers prisoners.", "2025-08-04", ""},
                      Case{"During the 44-day war, claims were made.", "2025-08-04", ""},
                      Case{"It has pursued this policy over the past 30 years.", "2025-08-04", ""},
                      Case{"The arrests came half a month after the war.", "2025-08-04", ""},
                      Case{"The update was posted at 13:26 local time.", "2025-08-04", ""},
                      Case{"The 29th session of COP-29 opens soon.", "2025-08-04", ""},
                      Case{"Officials may meet again.", "2025-08-04", ""},
                      Case{"Protesters march to the square.", "2025-08-04", ""},
                      Case{"About 2020 people signed it.", "2025-08-04", ""}));

// Token soup built from the pieces the recognisers look for, in random order: every mention
// must lie inside the sentence, be non-empty, come in token order and not overlap, and every
// date must be a valid PartialDate.
TEST(DatesRobustness, RandomTokenSoup) {
  static constexpr const char* kPieces[] = {
      "on",   "in",    "the", "end",       "of",   "March", "May",      "31",
      "2024", "2025-", "02",  "-",         ",",    "last",  "this",     "week",
      "year", "ago",   "two", "Monday",    "mid",  "early", "February", "5th",
      "1998", "(",     ")",   "yesterday", "next", "month", "13:26",    "04.10.2021",
      "29",   "and",   "to",  "from",      "0",    "9999",  "99"};
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  const std::optional<PartialDate> docs[] = {std::nullopt, PartialDate{2024, 3, 8},
                                             PartialDate{2024, 3, 0}, PartialDate{2024, 0, 0},
                                             PartialDate{2024, 1, 1}};
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text;
    const int len = 1 + next() % 14;
    for (int k = 0; k < len; ++k) {
      if (k) text += next() % 4 ? " " : "";
      text += kPieces[next() % std::size(kPieces)];
    }
    for (const Sentence& s : Analyzer().Analyze(text)) {
      for (const auto& doc : docs) {
        int last_end = 0;
        for (const DateMention& m : Finder().Find(s, text, doc)) {
          ASSERT_GE(m.token_begin, last_end) << text;
          ASSERT_LT(m.token_begin, m.token_end) << text;
          ASSERT_LE(m.token_end, static_cast<int>(s.tokens.size())) << text;
          ASSERT_TRUE(m.date.valid()) << text;
          if (!doc) {
            ASSERT_FALSE(m.relative) << text;
          }
          last_end = m.token_end;
        }
      }
    }
  }
}

// Seeds: real articles from /work/shared (skipped when absent). The document date is given here
// because reading it is another stage's job.
using test_support::SeedText;

TEST(DatesSeeds, Seed004JeddahMeeting) {
  const std::string text = SeedText("004_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << DRAGOMAN_SHARED_DIR;
  const std::string found = Dates(text, "2024-03-08");
  EXPECT_NE(found.find("March 5=2024-03-05~"), std::string::npos) << found;
  EXPECT_NE(found.find("March 5, 2024=2024-03-05"), std::string::npos) << found;
  EXPECT_NE(found.find("January 27, 2023=2023-01-27"), std::string::npos) << found;
  EXPECT_NE(found.find("February of this year=2024-02~"), std::string::npos) << found;
  EXPECT_EQ(found.find("29"), std::string::npos) << found;  // "29th session", "COP-29"
  EXPECT_NE(found.find("Last October=2023-10~"), std::string::npos) << found;
}

TEST(DatesSeeds, Seed000ConsularMeetings) {
  const std::string text = SeedText("000_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << DRAGOMAN_SHARED_DIR;
  const std::string found = Dates(text, "2025-08-04");
  EXPECT_NE(found.find("July 31=2025-07-31~"), std::string::npos) << found;
  EXPECT_NE(found.find("May 26, 2025=2025-05-26"), std::string::npos) << found;
  EXPECT_NE(found.find("April 15, 2025=2025-04-15"), std::string::npos) << found;
  EXPECT_NE(found.find("2025=2025"), std::string::npos) << found;  // "In 2025 alone"
  EXPECT_EQ(found.find("1963"), std::string::npos) << found;
  EXPECT_EQ(found.find("1998"), std::string::npos) << found;
}

TEST(DatesSeeds, Seed002Arrests) {
  const std::string text = SeedText("002_");
  if (text.empty()) GTEST_SKIP() << "no seeds under " << DRAGOMAN_SHARED_DIR;
  const std::string found = Dates(text, "2022-08-17");
  EXPECT_NE(found.find("the end of November 2020=2020-11"), std::string::npos) << found;
  EXPECT_NE(found.find("November 10, 2020=2020-11-10"), std::string::npos) << found;
  EXPECT_NE(found.find("2021=2021"), std::string::npos) << found;
  EXPECT_EQ(found.find("half"), std::string::npos) << found;
}

// The time words are data (data/lexicon/time.txt): a lexicon that lacks one of their classes
// is refused when the finder is built, and a unit without a known value is named.
TEST(DateFinderWords, MissingOrMalformedClassIsBadData) {
  const std::vector<std::pair<std::string, std::string>> months_only = {
      {"months.txt", "month\tjanuary=1\n"}};
  Lexicon partial = test_support::Must(Lexicon::Parse(months_only), "Parse");
  Result<DateFinder> missing = DateFinder::Create(partial);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kBadData);
  EXPECT_NE(missing.status().message().find("no word class"), std::string::npos);

  // The shipped files with calendar_unit's values broken.
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/lexicon")) {
    if (entry.path().extension() != ".txt") continue;
    std::string text = test_support::Must(ReadFile(entry.path().string()), "ReadFile");
    const std::string good = "calendar_unit\tday=1 week=2 month=3 year=4";
    if (size_t at = text.find(good); at != std::string::npos) {
      text.replace(at, good.size(), "calendar_unit\tday=1 week=2 month=3 year=9");
    }
    files.emplace_back(entry.path().filename().string(), text);
  }
  std::sort(files.begin(), files.end());
  Lexicon broken = test_support::Must(Lexicon::Parse(files), "Parse");
  Result<DateFinder> bad = DateFinder::Create(broken);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("calendar_unit 'year'"), std::string::npos);
}

}  // namespace
}  // namespace dragoman
