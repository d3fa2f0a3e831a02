#include "base/date.h"

#include <gtest/gtest.h>

namespace dragoman {
namespace {

TEST(PartialDate, FormatsByPrecision) {
  EXPECT_EQ((PartialDate{2025, 8, 4}).ToString(), "2025-08-04");
  EXPECT_EQ((PartialDate{2020, 11, 0}).ToString(), "2020-11");
  EXPECT_EQ((PartialDate{2021, 0, 0}).ToString(), "2021");
  EXPECT_EQ((PartialDate{}).ToString(), "");
}

TEST(PartialDate, ParseRoundTripsAndRejectsImpossibleDates) {
  for (const char* s : {"2025-08-04", "2020-11", "2021", "2024-02-29"}) {
    auto d = PartialDate::Parse(s);
    ASSERT_TRUE(d) << s;
    EXPECT_EQ(d->ToString(), s);
  }
  EXPECT_EQ(PartialDate::Parse("20250804")->ToString(), "2025-08-04");
  for (const char* s : {"2023-02-29", "2025-13", "2025-00-10", "25-08-04", "2025-8-4", "x"}) {
    EXPECT_FALSE(PartialDate::Parse(s)) << s;
  }
}

TEST(PartialDate, DayArithmetic) {
  PartialDate d{2024, 2, 28};
  EXPECT_EQ(d.AddDays(1).ToString(), "2024-02-29");
  EXPECT_EQ(d.AddDays(2).ToString(), "2024-03-01");
  EXPECT_EQ((PartialDate{1970, 1, 1}).DaysFromEpoch(), 0);
  EXPECT_EQ((PartialDate{2025, 8, 4}).Weekday(), 0);  // a Monday
}

TEST(PartialDate, OrdersByKnownFields) {
  EXPECT_LT((PartialDate{2020, 0, 0}), (PartialDate{2020, 1, 1}));
  EXPECT_LT((PartialDate{2020, 11, 30}), (PartialDate{2021, 0, 0}));
}

}  // namespace
}  // namespace dragoman
