#include "text/abbreviations.h"

#include <gtest/gtest.h>

namespace dragoman {
namespace {

TEST(AbbreviationsTest, ParseAndFind) {
  auto r = Abbreviations::Parse("# c\n\nGen. title\n  No. number \netc. end\nU.S. end\n", "a.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  const Abbreviations& a = *r;
  EXPECT_EQ(a.size(), 4u);
  ASSERT_NE(a.Find("Gen."), nullptr);
  EXPECT_EQ(*a.Find("Gen."), AbbrevKind::kTitle);
  EXPECT_EQ(*a.Find("No."), AbbrevKind::kNumber);
  EXPECT_EQ(*a.Find("etc."), AbbrevKind::kEnd);
  EXPECT_EQ(*a.Find("Etc."), AbbrevKind::kEnd);  // lower-case entries also match capitalised
  EXPECT_EQ(a.Find("gen."), nullptr);            // but not the other way round
  EXPECT_EQ(a.Find("Gen"), nullptr);
  EXPECT_EQ(a.Find("U.K."), nullptr);
}

TEST(AbbreviationsTest, BadLines) {
  struct Bad {
    const char* text;
    const char* want;
  } cases[] = {
      {"Gen title\n", "a.txt:1: abbreviation 'Gen' must end in '.'"},
      {"Gen.\n", "a.txt:1: expected 'ABBREVIATION KIND'"},
      {"ok. end\nGen. rank\n", "a.txt:2: unknown kind 'rank' (expected title, number or end)"},
      {"Gen. title\nGen. end\n", "a.txt:2: duplicate abbreviation 'Gen.'"},
  };
  for (const Bad& b : cases) {
    auto r = Abbreviations::Parse(b.text, "a.txt");
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_EQ(r.status().code(), Status::Code::kBadData);
    EXPECT_EQ(r.status().message(), b.want);
  }
}

TEST(AbbreviationsTest, ShippedFileLoads) {
  auto r = Abbreviations::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/text/abbreviations.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (const char* w : {"Mr.", "Gen.", "U.S.", "etc.", "Sept.", "e.g.", "No.", "Inc."}) {
    EXPECT_NE(r->Find(w), nullptr) << w;
  }
}

}  // namespace
}  // namespace dragoman
