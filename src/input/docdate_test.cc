#include "input/docdate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "base/file.h"

namespace dragoman {
namespace {

struct DateCase {
  const char* text;
  const char* want;  // "" = no date
  DateSource source;
};

class DocDateTable : public ::testing::TestWithParam<DateCase> {};

TEST_P(DocDateTable, Finds) {
  const DateCase& c = GetParam();
  std::optional<DocDate> d = FindDocumentDate(c.text);
  if (std::string(c.want).empty()) {
    EXPECT_FALSE(d.has_value()) << c.text << " -> " << d->date.ToString();
    return;
  }
  ASSERT_TRUE(d.has_value()) << c.text;
  EXPECT_EQ(d->date.ToString(), c.want) << c.text;
  EXPECT_EQ(DateSourceName(d->source), DateSourceName(c.source)) << c.text;
}

// All texts are invented for these tests.
const DateCase kCases[] = {
    // Labelled datelines.
    {" date 2023-05-06 17 May 2023 09:12 (UTC+03:00)\n\nThe council met.", "2023-05-06",
     DateSource::kDateline},
    {"Press release 11 November 2019\n\nThe office stated.", "2019-11-11", DateSource::kDateline},
    {"Published: 12 March 2024\nA minister spoke.", "2024-03-12", DateSource::kDateline},
    {"Posted on 2024-03-08\nText.", "2024-03-08", DateSource::kDateline},
    {"Published on Tuesday, 4th of February, 2025 at 10:00\nText.", "2025-02-04",
     DateSource::kDateline},
    {"Release date: Sept. 9, 2021\nText.", "2021-09-09", DateSource::kDateline},
    // A date opening a line or a segment.
    {"March 8, 2024 at 10:00\nSome report.", "2024-03-08", DateSource::kDateline},
    {"08.03.2024\nSome report.", "2024-03-08", DateSource::kDateline},
    {"Tuesday, 4 February 2025\nSome report.", "2025-02-04", DateSource::kDateline},
    {"Wed 14 Feb. 2024 | World\nText.", "2024-02-14", DateSource::kDateline},
    {"Daily Courier | 3 June 2022\nText.", "2022-06-03", DateSource::kDateline},
    {"2021/12/31\nText.", "2021-12-31", DateSource::kDateline},
    {"04-Oct-2021\nText.", "2021-10-04", DateSource::kDateline},
    {"12/25/2023\nText.", "2023-12-25", DateSource::kDateline},  // US order only when forced
    {"05/04/2023\nText.", "2023-04-05", DateSource::kDateline},  // otherwise day first
    {"MARCH 1ST, 2020\nText.", "2020-03-01", DateSource::kDateline},
    // Bylines and update stamps.
    {"Last update: June 10, 2023 13:26\n\nHeadline here\n\nBy Jane Roe June 4, 2023\n\nBody.",
     "2023-06-04", DateSource::kByline},
    {"Updated: 9 July 2022\n\nBody text without any other date.", "2022-07-09",
     DateSource::kUpdated},
    {"BY JOHN DOE, 2 Jan 2020\nBody.", "2020-01-02", DateSource::kByline},
    {"Posted 5 May 2021 | Updated 6 May 2021\nBody.", "2021-05-05", DateSource::kDateline},
    {"Updated 6 May 2021 (first published 5 May 2021)\nBody.", "2021-05-05", DateSource::kDateline},
    // Agency datelines, with and without a year.
    {"Updated: March 9, 2024\nBAKU, March 8 (Reuters) - The talks ended.", "2024-03-08",
     DateSource::kDateline},
    {"Updated Jan 2, 2024\nGENEVA, Dec. 31 (AP) - A statement said.", "2023-12-31",
     DateSource::kDateline},
    {"NEW DELHI, India, 7 April 2022 - Officials met.", "2022-04-07", DateSource::kDateline},
    {"BAKU, March 8 (Reuters) - The talks ended.", "", DateSource::kNone},  // no year anywhere
    {"Vienna, May 3, 2021\n\nThe envoys met.", "2021-05-03", DateSource::kDateline},
    {"New Delhi, 7 April 2022.\nOfficials met.", "2022-04-07", DateSource::kDateline},
    {"Updated: March 9, 2024\nVienna, March 8\nThe envoys met.", "2024-03-09",
     DateSource::kUpdated},  // a place line without a year is not trusted
    {"Updated: March 9, 2024\nMOSCOW, March 8. /TASS/. The minister said.", "2024-03-08",
     DateSource::kDateline},
    {"Updated: March 9, 2024\nBAKU, Azerbaijan, March 8. The ministry said.", "2024-03-08",
     DateSource::kDateline},
    {"Updated: March 9, 2024\nBaku, March 8. The ministry said.", "2024-03-09",
     DateSource::kUpdated},
    {"Updated: March 9, 2024\nOn Monday, March 8, the talks began.", "2024-03-09",
     DateSource::kUpdated},
    {"Updated: March 9, 2024\nLONDON (Reuters) - Talks began on March 8.", "2024-03-09",
     DateSource::kUpdated},
    {"Updated: March 9, 2024\nBaku, March 8, AZERTAC. The talks ended.", "2024-03-08",
     DateSource::kDateline},
    {"Updated: March 9, 2024\nYEREVAN, MARCH 8, ARMENPRESS. Talks.", "2024-03-08",
     DateSource::kDateline},
    {"Updated: March 9, 2024\nMOSCOW. March 8 (Interfax) - Talks.", "2024-03-08",
     DateSource::kDateline},
    {"Updated: March 9, 2024\nIn Baku. March 8 was a day.", "2024-03-09", DateSource::kUpdated},
    {"Updated: March 9, 2024\nOn Friday, March 8, UN envoys met.", "2024-03-09",
     DateSource::kUpdated},
    // Headers in the styles of various outlets (invented content).
    {"Diplomatic editor\nFri 8 Mar 2024 14.30 GMT\nText.", "2024-03-08", DateSource::kDateline},
    {"Published On 8 Mar 2024\n8 Mar 2024\nText.", "2024-03-08", DateSource::kDateline},
    {"By JANE DOE\nUpdated 2:15 PM GMT+4, March 8, 2024\nText.", "2024-03-08",
     DateSource::kUpdated},
    {"Source: Wire| 2024-03-08 20:15:30|Editor: X\nText.", "2024-03-08", DateSource::kDateline},
    {"08.03.2024 - Update : 09.03.2024\nText.", "2024-03-08", DateSource::kDateline},
    {"Friday, 08 March 2024 3:15 PM [ Last Update: Saturday, 09 March 2024 3:15 PM ]\nT.",
     "2024-03-08", DateSource::kDateline},
    {"ISTANBUL\nMAR 08, 2024 - 10:00 AM GMT+3\nText.", "2024-03-08", DateSource::kDateline},
    {"March 08 2024 10:00:00\nText.", "2024-03-08", DateSource::kDateline},
    {"No:367/21, Office of the spokesperson\nText.", "", DateSource::kNone},
    // Times before the date, labels with times between.
    {"16:45, 08 March 2024\nText.", "2024-03-08", DateSource::kDateline},
    {"9:05 AM | March 8, 2024\nText.", "2024-03-08", DateSource::kDateline},
    {"Published 8:47 AM EST, Fri March 8, 2024\nText.", "2024-03-08", DateSource::kDateline},
    {"Written by Jane Roe on March 8, 2024\nText.", "2024-03-08", DateSource::kByline},
    {"Date: 8 March 2024\nText.", "2024-03-08", DateSource::kDateline},
    // Everyday words that are also labels count only where a label stands.
    {"Iran sets date for talks, March 8, 2024\nText.", "", DateSource::kNone},
    {"Ministers to update the plan by 8 March 2024\nText.", "", DateSource::kNone},
    // Prose dates and impossible dates are not document dates.
    {"The ministers met in Rome on March 5, 2024, to talk.\nMore text.", "", DateSource::kNone},
    {"Officials said 2024 would be hard.\n", "", DateSource::kNone},
    {"February 30, 2024\nText.", "", DateSource::kNone},
    {"31.04.2023\nText.", "", DateSource::kNone},
    {"Published: 29 February 2023\nText.", "", DateSource::kNone},
    {"Published: 29 February 2024\nText.", "2024-02-29", DateSource::kDateline},
    {"", "", DateSource::kNone},
    // Only the header is examined.
    {"a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nPublished: 12 March 2024\n", "", DateSource::kNone},
    {"a\nb\nc\nd\ne\nf\ng\nh\ni\nPublished: 12 March 2024\n", "2024-03-12", DateSource::kDateline},
    // CRLF, a byte order mark, NO-BREAK SPACEs.
    {"\xEF\xBB\xBFPublished:\xC2\xA0"
     "12\xC2\xA0March 2024\r\nText.\r\n",
     "2024-03-12", DateSource::kDateline},
};

INSTANTIATE_TEST_SUITE_P(Forms, DocDateTable, ::testing::ValuesIn(kCases));

TEST(DocDate, LongHeaderLineIsCut) {
  std::string text(3000, 'x');
  text += "\nPublished: 12 March 2024\n";
  EXPECT_FALSE(FindDocumentDate(text).has_value());
}

TEST(DocDate, InvalidBytesMatchNothing) {
  EXPECT_FALSE(FindDocumentDate("\xff\xfe 12 March\xff 2024\n").has_value());
}

struct MetaCase {
  const char* value;
  const char* want;
};

// Issue 12 row 2: a long digit run before a date separator overflowed int in ToInt (UBSan:
// signed integer overflow). The run now saturates and the date is simply not a date.
TEST(DocDate, Issue12Row2LongDigitRunIsNoDateAndNoOverflow) {
  EXPECT_FALSE(FindDocumentDate("Published 99999999999-07-01\n\nText.").has_value());
  EXPECT_FALSE(FindDocumentDate("Published 01-07-99999999999999999999\n\nText.").has_value());
  EXPECT_FALSE(ParseMetadataDate("99999999999-07-01").has_value());
  EXPECT_FALSE(ParseMetadataDate("2024-07-99999999999999").has_value());
  auto ok = FindDocumentDate("Published 2024-07-01\n\nText.");
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->date.ToString(), "2024-07-01");
}

TEST(ParseMetadataDate, Forms) {
  const MetaCase cases[] = {
      {"2024-03-08", "2024-03-08"},
      {"2024-03-08T10:00:00Z", "2024-03-08"},
      {"2024-03-08T23:30:00-05:00", "2024-03-08"},
      {"2024-03-08 10:00", "2024-03-08"},
      {"20240308", "2024-03-08"},
      {"20240308101500", "2024-03-08"},
      {"2024-03", "2024-03"},
      {"2024", "2024"},
      {" 2024/03/08 ", "2024-03-08"},
      {"March 8, 2024", "2024-03-08"},
      {"Fri, 08 Mar 2024 10:00:00 +0000", "2024-03-08"},
      {"08.03.2024", "2024-03-08"},
      {"1709892000", "2024-03-08"},
      {"2024-02-30", ""},
      {"20241301", ""},
      {"yesterday", ""},
      {"", ""},
      {"2024-03-08x", ""},
      {"March 8", ""},
  };
  for (const MetaCase& c : cases) {
    std::optional<PartialDate> d = ParseMetadataDate(c.value);
    EXPECT_EQ(d ? d->ToString() : "", c.want) << c.value;
  }
}

// The seed articles (test material outside the repository) and their publication dates.
TEST(DocDate, Seeds) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(DRAGOMAN_SHARED_DIR) / "seeds";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) GTEST_SKIP() << "no seed articles at " << dir;
  struct Want {
    const char* prefix;
    const char* date;
    DateSource source;
  };
  const Want wants[] = {{"000_", "2025-08-04", DateSource::kDateline},
                        {"001_", "2021-10-04", DateSource::kDateline},
                        {"002_", "2022-08-17", DateSource::kDateline},
                        {"003_", "2025-02-04", DateSource::kByline},
                        {"004_", "2024-03-08", DateSource::kByline}};
  int found = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    for (const Want& w : wants) {
      if (!name.starts_with(w.prefix)) continue;
      ++found;
      Result<std::string> text = ReadFile(entry.path().string());
      ASSERT_TRUE(text.ok()) << text.status().message();
      std::optional<DocDate> d = FindDocumentDate(*text);
      ASSERT_TRUE(d.has_value()) << name;
      EXPECT_EQ(d->date.ToString(), w.date) << name;
      EXPECT_EQ(DateSourceName(d->source), DateSourceName(w.source)) << name;
    }
  }
  EXPECT_EQ(found, 5);
}

}  // namespace
}  // namespace dragoman
