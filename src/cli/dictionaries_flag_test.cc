#include "cli/dictionaries_flag.h"

#include <gtest/gtest.h>

namespace dragoman::cli {
namespace {

TEST(DictionariesSpecTest, DefaultIsDragoman) {
  for (const char* spec : {"", "dragoman"}) {
    auto s = ParseDictionariesSpec(spec);
    ASSERT_TRUE(s.ok()) << spec;
    EXPECT_EQ(s->kind, DictionariesSpec::Kind::kDragoman);
    EXPECT_EQ(s->path, "");
  }
}

TEST(DictionariesSpecTest, TabariTakesTheRestAsThePath) {
  auto s = ParseDictionariesSpec("tabari:../peers/My Dicts/Validate.project");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->kind, DictionariesSpec::Kind::kTabari);
  EXPECT_EQ(s->path, "../peers/My Dicts/Validate.project");
  s = ParseDictionariesSpec("petrarch:dicts/a.actors.txt,dicts/b.verbs.txt");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->kind, DictionariesSpec::Kind::kPetrarch);
  EXPECT_EQ(s->path, "dicts/a.actors.txt,dicts/b.verbs.txt");
  // A colon inside the path stays in the path.
  s = ParseDictionariesSpec("tabari:C:/dicts/a.project");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->path, "C:/dicts/a.project");
}

TEST(DictionariesSpecTest, BadSpecsAreUsageErrorsNamingTheValue) {
  struct Case {
    const char* spec;
    const char* in_message;
  };
  for (const Case& c : {Case{"tabari", "needs a path"}, Case{"tabari:", "needs a path"},
                        Case{"dragoman:x", "takes no path"}, Case{"TABARI:a.project", "TABARI"},
                        Case{"petrarch", "needs a path"}, Case{"Petrarch:d", "Petrarch:d"},
                        Case{"a.project", "a.project"}, Case{":a.project", ":a.project"}}) {
    auto s = ParseDictionariesSpec(c.spec);
    ASSERT_FALSE(s.ok()) << c.spec;
    EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument) << c.spec;
    EXPECT_NE(s.status().message().find(c.in_message), std::string::npos)
        << c.spec << ": " << s.status().message();
    EXPECT_NE(s.status().message().find("--dictionaries"), std::string::npos) << c.spec;
  }
}

}  // namespace
}  // namespace dragoman::cli
