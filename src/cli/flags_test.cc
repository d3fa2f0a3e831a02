#include "cli/flags.h"

#include <gtest/gtest.h>

namespace dragoman::cli {
namespace {

const std::vector<FlagSpec> kSpecs = {
    {"format", "jsonl|csv", "output format", "jsonl"},
    {"quiet", "", "no progress", ""},
    {"actor", "NAME", "filter", "", true},
};

TEST(ParseFlags, ValuesBooleansAndPositionals) {
  auto r =
      ParseFlags({"--format", "csv", "a.txt", "--quiet", "-", "--actor=x", "--actor", "y"}, kSpecs);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->Get("format"), "csv");
  EXPECT_TRUE(r->Has("quiet"));
  EXPECT_EQ(r->positionals, (std::vector<std::string>{"a.txt", "-"}));
  EXPECT_EQ(r->GetAll("actor"), (std::vector<std::string>{"x", "y"}));
}

TEST(ParseFlags, DoubleDashEndsFlags) {
  auto r = ParseFlags({"--", "--quiet"}, kSpecs);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->Has("quiet"));
  EXPECT_EQ(r->positionals.size(), 1u);
}

TEST(ParseFlags, ErrorsNameTheFlag) {
  auto r = ParseFlags({"--fromat", "csv"}, kSpecs);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("--fromat"), std::string::npos);
  r = ParseFlags({"--format"}, kSpecs);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("needs a value"), std::string::npos);
  r = ParseFlags({"--quiet=yes"}, kSpecs);
  ASSERT_FALSE(r.ok());
  r = ParseFlags({"-x"}, kSpecs);
  ASSERT_FALSE(r.ok());
}

}  // namespace
}  // namespace dragoman::cli
