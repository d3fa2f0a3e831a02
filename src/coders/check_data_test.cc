#include "coders/check_data.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace dragoman {
namespace {

namespace fs = std::filesystem;

std::string Messages(const std::vector<Status>& problems) {
  std::string out;
  for (const Status& s : problems) out += s.message() + "\n";
  return out;
}

TEST(CheckCoderData, ShippedDataHasNoProblems) {
  std::vector<Status> problems = CheckCoderData(CoderSpec{}, DRAGOMAN_SOURCE_DATA_DIR);
  EXPECT_TRUE(problems.empty()) << Messages(problems);
}

// A copy of the shipped data with one bad line in each of five files of four stages: every one
// is reported, in stage order, each naming its file and line.
TEST(CheckCoderData, ReportsEveryProblemOfEveryStage) {
  const fs::path dir =
      fs::temp_directory_path() / ("dragoman_check_data_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(DRAGOMAN_SOURCE_DATA_DIR, dir, fs::copy_options::recursive);
  auto append = [&](const char* rel, const char* text) {
    std::ofstream(dir / rel, std::ios::app) << text;
  };
  append("text/abbreviations.txt", "etc. sometimes\n");
  append("actors/countries.txt", "ABC | Nowhere | | |\n");
  append("actors/roles.txt", "envoy | XXX | person\n");
  append("places/cities.tsv", "Nowhere\tAZE\tcity\t95\t10\n");
  append("events/verbs.txt", "999\tdo something\n");
  std::vector<Status> problems = CheckCoderData(CoderSpec{}, dir.string());
  fs::remove_all(dir);
  ASSERT_EQ(problems.size(), 5u) << Messages(problems);
  const char* expected[] = {
      "abbreviations.txt:", "countries.txt:", "roles.txt:", "cities.tsv:", "verbs.txt:"};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(problems[i].code(), Status::Code::kBadData);
    EXPECT_NE(problems[i].message().find(expected[i]), std::string::npos) << problems[i].message();
  }
}

// data/lexicon/ is read by the actors, places and events stages (and checked on its own): a bad
// line in it is still one problem, listed once.
TEST(CheckCoderData, ABrokenLexiconFileIsReportedOnce) {
  const fs::path dir =
      fs::temp_directory_path() / ("dragoman_check_lexicon_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(DRAGOMAN_SOURCE_DATA_DIR, dir, fs::copy_options::recursive);
  std::ofstream(dir / "lexicon/time.txt", std::ios::app) << "a line without its class\n";
  std::vector<Status> problems = CheckCoderData(CoderSpec{}, dir.string());
  fs::remove_all(dir);
  ASSERT_EQ(problems.size(), 1u) << Messages(problems);
  EXPECT_EQ(problems[0].code(), Status::Code::kBadData);
  EXPECT_NE(problems[0].message().find("lexicon/time.txt:"), std::string::npos)
      << problems[0].message();
}

TEST(CheckCoderData, AMissingDirectoryIsOneProblem) {
  std::vector<Status> problems = CheckCoderData(CoderSpec{}, "/nonexistent-dragoman-data");
  ASSERT_EQ(problems.size(), 1u) << Messages(problems);
  EXPECT_EQ(problems[0].code(), Status::Code::kBadData);
}

}  // namespace
}  // namespace dragoman
