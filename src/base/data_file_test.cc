#include "base/data_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace dragoman {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Strings(const std::vector<std::string_view>& v) {
  return std::vector<std::string>(v.begin(), v.end());
}

TEST(DataError, NamesFileAndLine) {
  Status s = DataError("data/events/cameo.tsv", 12, "bad Goldstein weight 'nan'");
  EXPECT_EQ(s.code(), Status::Code::kBadData);
  EXPECT_EQ(s.message(), "data/events/cameo.tsv:12: bad Goldstein weight 'nan'");
  EXPECT_EQ(DataError("verbs.txt", "no patterns").message(), "verbs.txt: no patterns");
  EXPECT_EQ(FileLine("a.txt", 3), "a.txt:3");
}

TEST(SplitFields, TrimsAndKeepsEmptyFields) {
  EXPECT_EQ(Strings(SplitFields(" AZE | Azerbaijan ;Azeri|| ", '|')),
            (std::vector<std::string>{"AZE", "Azerbaijan ;Azeri", "", ""}));
  EXPECT_EQ(Strings(SplitFields("", '|')), (std::vector<std::string>{""}));
  EXPECT_EQ(Strings(SplitFields("a\tb", '\t')), (std::vector<std::string>{"a", "b"}));
}

// One allocation, the same text: "file:line" for any line number.
TEST(DataError, FileLineOfAnyNumber) {
  EXPECT_EQ(FileLine("people/aze.txt", 0), "people/aze.txt:0");
  const size_t most = std::numeric_limits<size_t>::max();
  EXPECT_EQ(FileLine("", most), ":" + std::to_string(most));
}

TEST(SplitWords, SkipsRunsOfBlanks) {
  EXPECT_EQ(Strings(SplitWords("  went  went\tverb ")),
            (std::vector<std::string>{"went", "went", "verb"}));
  EXPECT_TRUE(SplitWords(" \t ").empty());
}

TEST(ForEachContentLine, HandsUntrimmedLinesAndSkipsComments) {
  std::vector<std::string> seen;
  Status st = ForEachContentLine("# head\n010\t\tx\n  # note\n\t\n020\t1\n",
                                 [&](int n, std::string_view l) {
                                   seen.push_back(std::to_string(n) + ":" + std::string(l));
                                   return Status::Ok();
                                 });
  EXPECT_TRUE(st.ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"2:010\t\tx", "5:020\t1"}));
}

// The policy: no sink stops at the first bad line; a sink records every bad line and goes on.
TEST(DataProblems, NoSinkStopsASinkCollectsEveryBadLine) {
  const std::string text = "ok\nbad one\nok\nbad two\n";
  auto fn = [](int n, std::string_view l) {
    return l.substr(0, 3) == "bad" ? DataError("f.txt", n, "bad line") : Status::Ok();
  };
  Status first = ForEachDataLine(text, fn);
  EXPECT_EQ(first.message(), "f.txt:2: bad line");

  DataProblems problems;
  EXPECT_TRUE(ForEachDataLine(text, &problems, fn).ok());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems.all()[0].message(), "f.txt:2: bad line");
  EXPECT_EQ(problems.all()[1].message(), "f.txt:4: bad line");
}

// Several stages read one file (data/lexicon/): its problem, found by each, is recorded once.
TEST(DataProblems, TheSameProblemFoundAgainIsRecordedOnce) {
  DataProblems problems;
  problems.Add(DataError("lex.txt", 3, "expected CLASS<TAB>words"));
  problems.Add(DataError("other.txt", 3, "expected CLASS<TAB>words"));
  problems.Add(DataError("lex.txt", 3, "expected CLASS<TAB>words"));
  EXPECT_TRUE(Report(&problems, DataError("lex.txt", 3, "expected CLASS<TAB>words")).ok());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems.all()[0].message(), "lex.txt:3: expected CLASS<TAB>words");
  EXPECT_EQ(problems.all()[1].message(), "other.txt:3: expected CLASS<TAB>words");
}

TEST(DataProblems, OtherFailuresAlwaysStop) {
  DataProblems problems;
  Status st = ForEachDataLine("a\nb\n", &problems,
                              [](int, std::string_view) { return Status::Io("disk"); });
  EXPECT_EQ(st.code(), Status::Code::kIo);
  EXPECT_TRUE(problems.empty());
  EXPECT_TRUE(Report(&problems, Status::Ok()).ok());
  EXPECT_TRUE(problems.empty());
}

class ReadDataFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("dragoman_data_file_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }
  fs::path dir_;
};

// A missing data file is bad data (exit 4), not bad input (exit 3): issue 12, row 9.
TEST_F(ReadDataFileTest, MissingFileIsBadData) {
  auto r = ReadDataFile((dir_ / "verbs.txt").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBadData);
  EXPECT_EQ(r.status().message(), (dir_ / "verbs.txt").string() + ": no such data file");
}

TEST_F(ReadDataFileTest, InvalidUtf8NamesLineAndColumn) {
  std::string path = Write("x.txt", "fine\nab\xff\n");
  auto r = ReadDataFile(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kBadData);
  EXPECT_EQ(r.status().message(), path + ":2:3: invalid UTF-8 byte 0xff");
  EXPECT_EQ(*ReadDataFile(Write("y.txt", "fine\n")), "fine\n");
}

}  // namespace
}  // namespace dragoman
