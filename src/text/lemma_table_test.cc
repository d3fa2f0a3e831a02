#include "text/lemma_table.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "base/file.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;

// A tiny WordNet in a temporary directory.
class LemmaTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("lemma_table_test_" + std::to_string(getpid()));
    fs::create_directories(dir_);
    Write("index.verb", "  1 licence line\nmeet v 1\ntalk v 2\nhold v 1\n");
    Write("index.noun", "  1 licence line\ntalk n 1\nministry n 1\nmouse n 1\n");
    Write("index.adj", "big a 1\n");
    Write("verb.exc", "met meet\nheld hold\nmet duplicate\n");
    Write("noun.exc", "mice mouse\n");
    Write("adj.exc", "bigger big\n");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  std::string Dir() const { return dir_.string(); }
  fs::path dir_;
};

TEST_F(LemmaTableTest, CompiledInMemoryAnswersLikeTheLists) {
  auto t = LemmaTable::Open(Dir(), (dir_ / "missing.bin").string());
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_FALSE((*t)->mapped());
  EXPECT_TRUE((*t)->Contains(LemmaTable::kVerbs, "meet"));
  EXPECT_FALSE((*t)->Contains(LemmaTable::kVerbs, "ministry"));
  EXPECT_FALSE((*t)->Contains(LemmaTable::kVerbs, "licence"));
  EXPECT_FALSE((*t)->Contains(LemmaTable::kVerbs, ""));
  EXPECT_EQ((*t)->size(LemmaTable::kVerbs), 3u);
  EXPECT_EQ((*t)->size(LemmaTable::kNouns), 3u);
  EXPECT_EQ((*t)->Find(LemmaTable::kVerbExceptions, "met").value_or("?"), "meet");  // first wins
  EXPECT_EQ((*t)->Find(LemmaTable::kNounExceptions, "mice").value_or("?"), "mouse");
  EXPECT_FALSE((*t)->Find(LemmaTable::kAdjExceptions, "mice").has_value());
}

TEST_F(LemmaTableTest, CompiledFileIsMappedOnlyWhileCurrent) {
  auto blob = LemmaTable::Compile(Dir());
  ASSERT_TRUE(blob.ok()) << blob.status().message();
  std::string path = (dir_ / "lemmas.bin").string();
  std::ofstream(path, std::ios::binary) << *blob;
  auto mapped = LemmaTable::Open(Dir(), path);
  ASSERT_TRUE(mapped.ok());
  EXPECT_TRUE((*mapped)->mapped());
  EXPECT_EQ((*mapped)->Find(LemmaTable::kAdjExceptions, "bigger").value_or("?"), "big");
  EXPECT_TRUE((*mapped)->Contains(LemmaTable::kNouns, "ministry"));

  // WordNet changed after the table was compiled: the table is passed over.
  Write("index.verb", "meet v 1\ntalk v 2\nhold v 1\npardon v 1\n");
  auto stale = LemmaTable::Open(Dir(), path);
  ASSERT_TRUE(stale.ok());
  EXPECT_FALSE((*stale)->mapped());
  EXPECT_TRUE((*stale)->Contains(LemmaTable::kVerbs, "pardon"));
}

TEST_F(LemmaTableTest, DamagedFilesAreNeverTrusted) {
  auto blob = LemmaTable::Compile(Dir());
  ASSERT_TRUE(blob.ok());
  EXPECT_FALSE(LemmaTable::FromBlob("not a table").ok());
  EXPECT_FALSE(LemmaTable::FromBlob(blob->substr(0, blob->size() / 2)).ok());
  std::string path = (dir_ / "cut.bin").string();
  std::ofstream(path, std::ios::binary) << blob->substr(0, 40);
  auto t = LemmaTable::Open(Dir(), path);
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE((*t)->mapped());
  EXPECT_TRUE((*t)->Contains(LemmaTable::kVerbs, "talk"));
  // Garbage in the string pool gives wrong answers at worst, never a read outside the blob.
  std::string garbled = *blob;
  for (size_t i = 130; i < garbled.size(); i += 7) garbled[i] = '\xff';
  auto g = LemmaTable::FromBlob(garbled);
  if (g.ok()) (void)(*g)->Contains(LemmaTable::kNouns, "mouse");
}

TEST_F(LemmaTableTest, MissingWordNetIsNotFound) {
  auto t = LemmaTable::Open((dir_ / "nowhere").string());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), Status::Code::kNotFound);
}

// The build's table for Debian's WordNet is current, is the one Open() maps, and is byte for
// byte what compiling the installed lists gives now.
TEST(LemmaTableBuildTest, BuildTableIsCurrentAndDeterministic) {
  const std::string wordnet = "/usr/share/wordnet";
  if (!fs::exists(wordnet + "/index.noun")) GTEST_SKIP() << "wordnet-base not installed";
  auto mapped = LemmaTable::Open(wordnet);
  ASSERT_TRUE(mapped.ok()) << mapped.status().message();
  EXPECT_TRUE((*mapped)->mapped()) << "the build's wordnet-lemmas.bin is missing or stale";
  auto blob = LemmaTable::Compile(wordnet);
  ASSERT_TRUE(blob.ok());
  auto built = ReadFile(DRAGOMAN_LEMMA_TABLE);
  ASSERT_TRUE(built.ok()) << built.status().message();
  EXPECT_TRUE(*built == *blob);
  EXPECT_GT((*mapped)->size(LemmaTable::kNouns), 100000u);
  EXPECT_EQ((*mapped)->Find(LemmaTable::kVerbExceptions, "was").value_or("?"), "be");
}

}  // namespace
}  // namespace dragoman
