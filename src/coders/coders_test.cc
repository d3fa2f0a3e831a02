#include "coders/coders.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace dragoman {
namespace {

TEST(CoderSpecTest, DefaultIsDragoman) {
  for (const char* spec : {"", "dragoman"}) {
    auto s = ParseCoderSpec(spec);
    ASSERT_TRUE(s.ok()) << spec;
    EXPECT_EQ(s->kind, CoderSpec::Kind::kDragoman);
    EXPECT_EQ(s->path, "");
  }
}

TEST(CoderSpecTest, RulesAndClassifyAreTheirOwnKinds) {
  auto s = ParseCoderSpec("rules");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->kind, CoderSpec::Kind::kRules);
  s = ParseCoderSpec("classify");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->kind, CoderSpec::Kind::kClassify);
  EXPECT_FALSE(ParseCoderSpec("classify:x").ok());
}

// The default is the rules alone (the classifier does not pay on the measure-only parts,
// doc/eval.md); `classify` loads the classifier as well.
TEST(OpenDocumentCoderTest, OnlyClassifyLoadsTheClassifier) {
  for (const auto& [spec, name] : {std::pair{"", "dragoman"}, std::pair{"dragoman", "dragoman"},
                                   std::pair{"rules", "dragoman"},
                                   std::pair{"classify", "classify"}}) {
    auto coder = OpenDocumentCoder(*ParseCoderSpec(spec), DRAGOMAN_SOURCE_DATA_DIR);
    ASSERT_TRUE(coder.ok()) << spec << ": " << coder.status().message();
    EXPECT_EQ((*coder)->Name(), name) << spec;
  }
}

TEST(CoderSpecTest, TabariTakesTheRestAsThePath) {
  auto s = ParseCoderSpec("tabari:../peers/My Dicts/Validate.project");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->kind, CoderSpec::Kind::kTabari);
  EXPECT_EQ(s->path, "../peers/My Dicts/Validate.project");
  s = ParseCoderSpec("petrarch:dicts/a.actors.txt,dicts/b.verbs.txt");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->kind, CoderSpec::Kind::kPetrarch);
  EXPECT_EQ(s->path, "dicts/a.actors.txt,dicts/b.verbs.txt");
  // A colon inside the path stays in the path.
  s = ParseCoderSpec("tabari:C:/dicts/a.project");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->path, "C:/dicts/a.project");
}

TEST(CoderSpecTest, BadSpecsAreUsageErrorsNamingTheValue) {
  struct Case {
    const char* spec;
    const char* in_message;
  };
  for (const Case& c : {Case{"tabari", "needs a path"}, Case{"tabari:", "needs a path"},
                        Case{"dragoman:x", "takes no path"}, Case{"TABARI:a.project", "TABARI"},
                        Case{"petrarch", "needs a path"}, Case{"Petrarch:d", "Petrarch:d"},
                        Case{"a.project", "a.project"}, Case{":a.project", ":a.project"}}) {
    auto s = ParseCoderSpec(c.spec);
    ASSERT_FALSE(s.ok()) << c.spec;
    EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument) << c.spec;
    EXPECT_NE(s.status().message().find(c.in_message), std::string::npos)
        << c.spec << ": " << s.status().message();
    EXPECT_NE(s.status().message().find("--dictionaries"), std::string::npos) << c.spec;
  }
}


TEST(OpenDocumentCoderTest, DragomanCodesADocumentThroughTheInterface) {
  auto spec = ParseCoderSpec("dragoman");
  ASSERT_TRUE(spec.ok());
  auto coder = OpenDocumentCoder(*spec, DRAGOMAN_SOURCE_DATA_DIR);
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  EXPECT_EQ((*coder)->Name(), "dragoman");
  EXPECT_TRUE((*coder)->Notes().empty());
  Document doc;
  doc.id = "invented";
  doc.text = "The foreign minister of Norway met the foreign minister of Chile in Oslo.";
  CodedDocument coded = (*coder)->Code(doc);
  ASSERT_EQ(coded.sentences.size(), 1u);
  ASSERT_FALSE(coded.events.empty());
  EXPECT_EQ(coded.events[0].plover, "CONSULT");
}

TEST(OpenDocumentCoderTest, AMissingTabariProjectIsBadDataNamingTheFile) {
  auto spec = ParseCoderSpec("tabari:/nonexistent/dir/x.project");
  ASSERT_TRUE(spec.ok());
  auto coder = OpenDocumentCoder(*spec, DRAGOMAN_SOURCE_DATA_DIR);
  ASSERT_FALSE(coder.ok());
  EXPECT_EQ(coder.status().code(), Status::Code::kBadData);
  EXPECT_NE(coder.status().message().find("x.project"), std::string::npos)
      << coder.status().message();
}

TEST(OpenDocumentCoderTest, TabariDemoDictionariesSayTheirCodesAreNotCameo) {
  const std::string project = std::string(DRAGOMAN_SHARED_DIR) + "/peers/tabari/Validate.project";
  if (!std::filesystem::exists(project)) GTEST_SKIP() << "skipped: " << project << " is missing";
  auto coder = OpenDocumentCoder(*ParseCoderSpec("tabari:" + project), DRAGOMAN_SOURCE_DATA_DIR);
  ASSERT_TRUE(coder.ok()) << coder.status().message();
  EXPECT_EQ((*coder)->Name(), "tabari:" + project);
  auto notes = (*coder)->Notes();
  ASSERT_FALSE(notes.empty());
  EXPECT_NE(notes[0].find("not a CAMEO code"), std::string::npos) << notes[0];
}

}  // namespace
}  // namespace dragoman
