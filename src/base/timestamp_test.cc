#include "base/timestamp.h"

#include <gtest/gtest.h>

#include <ctime>
#include <regex>

namespace dragoman {
namespace {

TEST(UtcTimestamp, IsoSecondsInUtc) {
  EXPECT_EQ(UtcTimestamp(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(UtcTimestamp(951782400), "2000-02-29T00:00:00Z");  // a leap day
  EXPECT_EQ(UtcTimestamp(1700000000), "2023-11-14T22:13:20Z");
}

TEST(UtcNow, IsTheCurrentSecond) {
  const std::time_t before = std::time(nullptr);
  const std::string now = UtcNow();
  const std::time_t after = std::time(nullptr);
  EXPECT_TRUE(std::regex_match(now, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"))) << now;
  // Same width and order as the text, so the strings compare as the times do.
  EXPECT_LE(UtcTimestamp(before), now);
  EXPECT_GE(UtcTimestamp(after), now);
}

}  // namespace
}  // namespace dragoman
