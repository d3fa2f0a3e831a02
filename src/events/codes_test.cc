#include "events/codes.h"

#include <gtest/gtest.h>

#include <string>

namespace dragoman {
namespace {

TEST(CodeTable, ParsesBothTables) {
  auto t = CodeTable::Parse("c.tsv", "# comment\n040\t1.0\tverbal_coop\tConsult\n", "p.tsv",
                            "040\tCONSULT\t-\t-\n");
  ASSERT_TRUE(t.ok()) << t.status().message();
  const CodeInfo* c = t->Find("040");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Consult");
  EXPECT_EQ(c->plover, "CONSULT");
  EXPECT_EQ(c->plover_mode, "");
  EXPECT_DOUBLE_EQ(c->goldstein, 1.0);
  EXPECT_EQ(t->Find("041"), nullptr);
}

TEST(CodeTable, Families) {
  auto t = CodeTable::Parse("c.tsv",
                            "040\t1.0\tverbal_coop\tConsult\tconsult\n"
                            "190\t-10\tmaterial_conflict\tFight\tviolent\n"
                            "138\t-7\tverbal_conflict\tThreaten force\tthreat,violent\n"
                            "010\t0\tverbal_coop\tMake statement\n",
                            "p.tsv", "040\t-\t-\t-\n190\t-\t-\t-\n138\t-\t-\t-\n010\t-\t-\t-\n");
  ASSERT_TRUE(t.ok()) << t.status().message();
  auto violent = t->Family("violent");
  auto threat = t->Family("threat");
  ASSERT_TRUE(violent.ok());
  ASSERT_TRUE(threat.ok());
  EXPECT_TRUE(t->InFamily("190", *violent));
  EXPECT_TRUE(t->InFamily("138", *violent));
  EXPECT_TRUE(t->InFamily("138", *threat));
  EXPECT_FALSE(t->InFamily("040", *violent));
  EXPECT_FALSE(t->InFamily("010", *threat));
  EXPECT_FALSE(t->InFamily("", *threat));
  EXPECT_FALSE(t->InFamily("999", *threat));
  auto missing = t->Family("violnet");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kBadData);
}

TEST(CodeTable, ShippedFamiliesCoverTheirRoots) {
  auto t = CodeTable::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/events");
  ASSERT_TRUE(t.ok()) << t.status().message();
  auto violent = t->Family("violent");
  auto consult = t->Family("consult");
  auto threat = t->Family("threat");
  ASSERT_TRUE(violent.ok() && consult.ok() && threat.ok());
  for (const char* c : {"170", "180", "186", "190", "195", "200", "204"}) {
    EXPECT_TRUE(t->InFamily(c, *violent)) << c;
  }
  for (const char* c : {"040", "046", "130", "138"}) EXPECT_FALSE(t->InFamily(c, *violent)) << c;
  EXPECT_TRUE(t->InFamily("042", *consult));
  EXPECT_TRUE(t->InFamily("1385", *threat));
  // The roots the argument rules reason about (roles.cc, arguments.cc): cooperative acts are
  // 03-06, what "bilateral" frames is 01-09; every code of those roots, and no other.
  auto cooperative = t->Family("cooperative");
  auto bilateral = t->Family("bilateral");
  ASSERT_TRUE(cooperative.ok() && bilateral.ok());
  for (const char* c : {"030", "036", "040", "057", "061", "064"}) {
    EXPECT_TRUE(t->InFamily(c, *cooperative)) << c;
  }
  for (const char* c : {"010", "020", "070", "081", "130"}) {
    EXPECT_FALSE(t->InFamily(c, *cooperative)) << c;
  }
  for (const char* c : {"010", "036", "081", "0841", "090"}) {
    EXPECT_TRUE(t->InFamily(c, *bilateral)) << c;
  }
  for (const char* c : {"100", "111", "173", "204"}) EXPECT_FALSE(t->InFamily(c, *bilateral)) << c;
}

struct BadCase {
  const char* cameo;
  const char* plover;
  const char* message;
};

TEST(CodeTable, ReportsFileAndLine) {
  const BadCase cases[] = {
      {"040\t1.0\tverbal_coop\n", "", "c.tsv:1: expected 4 or 5 tab-separated fields"},
      {"040\t1\tverbal_coop\tX\tConsult\n", "", "c.tsv:1: bad family 'Consult'"},
      {"040\t1\tverbal_coop\tX\t,consult\n", "", "c.tsv:1: bad family ''"},
      {"\n99x\t1.0\tverbal_coop\tX\n", "", "c.tsv:2: bad CAMEO code '99x'"},
      {"040\tone\tverbal_coop\tX\n", "", "c.tsv:1: bad Goldstein weight 'one'"},
      // Issue 12, row 9: "nan" was accepted and written as "goldstein": null.
      {"040\tnan\tverbal_coop\tX\n", "", "c.tsv:1: bad Goldstein weight 'nan'"},
      {"040\tinf\tverbal_coop\tX\n", "", "c.tsv:1: bad Goldstein weight 'inf'"},
      {"040\t10.5\tverbal_coop\tX\n", "", "c.tsv:1: bad Goldstein weight '10.5'"},
      {"040\t1\tnice\tX\n", "", "c.tsv:1: bad quad class 'nice'"},
      {"040\t1\tverbal_coop\tX\n040\t1\tverbal_coop\tX\n", "", "c.tsv:2: duplicate code 040"},
      {"040\t1\tverbal_coop\tX\n", "041\tCONSULT\t-\t-\n", "p.tsv:1: code '041' is not in"},
      {"040\t1\tverbal_coop\tX\n", "", "p.tsv: CAMEO code 040 has no PLOVER row"},
  };
  for (const auto& c : cases) {
    auto t = CodeTable::Parse("c.tsv", c.cameo, "p.tsv", c.plover);
    ASSERT_FALSE(t.ok()) << c.message;
    EXPECT_EQ(t.status().code(), Status::Code::kBadData);
    EXPECT_NE(t.status().message().find(c.message), std::string::npos) << t.status().message();
  }
}

// With a sink, a bad weight is reported and its code still entered, so that the PLOVER row
// naming it is not reported as an unknown code too.
TEST(CodeTable, SinkReportsEveryRowOnce) {
  DataProblems problems;
  auto t = CodeTable::Parse("c.tsv", "040\tnan\tverbal_coop\tX\n041\t1\tbad\tY\n", "p.tsv",
                            "040\t-\t-\t-\n041\t-\t-\t-\n", &problems);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems.all()[0].message(),
            "c.tsv:1: bad Goldstein weight 'nan' (a number from -10 to 10)");
  EXPECT_EQ(problems.all()[1].message(), "c.tsv:2: bad quad class 'bad'");
}

TEST(CodeTable, MissingFileIsBadData) {
  auto t = CodeTable::Load("/nonexistent-dragoman-dir");
  EXPECT_EQ(t.status().code(), Status::Code::kBadData);
  EXPECT_NE(t.status().message().find("cameo.tsv: no such data file"), std::string::npos);
}

TEST(CodeTable, ShippedTablesCoverAllRoots) {
  auto t = CodeTable::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/events");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_GT(t->size(), 250u);
  for (int root = 1; root <= 20; ++root) {
    char code[4];
    snprintf(code, sizeof code, "%02d0", root);
    const CodeInfo* c = t->Find(code);
    ASSERT_NE(c, nullptr) << code;
    if (root >= 2) {
      EXPECT_FALSE(c->plover.empty()) << code;
    }
  }
  EXPECT_EQ(t->Find("173")->plover, "COERCE");
  EXPECT_EQ(t->Find("0841")->plover, "RETREAT");
  EXPECT_EQ(t->Find("190")->quad, "material_conflict");
  EXPECT_EQ(t->Find("042")->quad, "verbal_coop");
  EXPECT_LT(t->Find("190")->goldstein, t->Find("120")->goldstein);
  EXPECT_GT(t->Find("057")->goldstein, t->Find("040")->goldstein);
}

}  // namespace
}  // namespace dragoman
