// Runs the analyzer over shared test material read at run time from DRAGOMAN_SHARED_DIR (nothing
// from it is copied into the repository): the seed articles (invariants, furniture) and the peer
// suites' one-sentence records (the splitter must not cut them apart).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/file.h"
#include "text/analysis.h"
#include "text/test_util.h"

namespace dragoman {
namespace {

std::vector<std::string> SeedFiles() {
  std::vector<std::string> out;
  std::filesystem::path dir = std::filesystem::path(DRAGOMAN_SHARED_DIR) / "seeds";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return out;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SeedsTest, InvariantsHold) {
  std::vector<std::string> files = SeedFiles();
  if (files.empty()) GTEST_SKIP() << "no seed articles in " << DRAGOMAN_SHARED_DIR << "/seeds";
  const TextAnalyzer* ta = SharedAnalyzer();
  ASSERT_NE(ta, nullptr);
  bool saw_banner = false;
  for (const std::string& f : files) {
    auto text = ReadFile(f);
    ASSERT_TRUE(text.ok()) << text.status().message();
    const std::string& t = *text;
    std::vector<Sentence> ss = ta->Analyze(t);
    EXPECT_GT(ss.size(), 3u) << f;
    uint32_t prev = 0;
    for (const Sentence& s : ss) {
      ASSERT_FALSE(s.tokens.empty()) << f;
      EXPECT_LE(prev, s.begin) << f;
      EXPECT_LE(s.end, t.size()) << f;
      prev = s.end;
      std::string_view body = std::string_view(t).substr(s.begin, s.end - s.begin);
      EXPECT_EQ(body.find("\n\n"), std::string_view::npos) << f << ": " << body;
      for (const Token& tok : s.tokens) {
        ASSERT_LT(tok.begin, tok.end);
        ASSERT_LE(tok.end, t.size());
        std::string surface = t.substr(tok.begin, tok.end - tok.begin);
        if (tok.norm != "'s") {
          EXPECT_EQ(ta->Normalize(surface), tok.norm) << f;
        }
      }
      if (body.rfind("news banner image", 0) == 0) {
        saw_banner = true;
        EXPECT_TRUE(s.furniture) << f << ": " << body;
      }
      // A photo credit split off its caption ("... 2025. / site.tld") is furniture.
      if (body == "/" || body.rfind("/ ", 0) == 0) {
        EXPECT_TRUE(s.furniture) << f << ": " << body;
      }
      // Lines that open with a page date or "Last update:" are furniture.
      if (body.rfind("Last update:", 0) == 0 || body.rfind("date 20", 0) == 0) {
        EXPECT_TRUE(s.furniture) << f << ": " << body;
      }
    }
  }
  EXPECT_TRUE(saw_banner) << "expected one seed to open with a 'news banner image' line";
}

// PETRARCH's unit-test records and PLOVER's gold sentences are single sentences full of
// abbreviations, initials and quotes; splitting one of them is an error of the splitter.
TEST(PeersTest, OneSentenceRecordsStayWhole) {
  const std::string peers = std::string(DRAGOMAN_SHARED_DIR) + "/peers";
  const char* files[] = {"/petrarch/petr1_unittest_records.jsonl",
                         "/plover/plover_gsr_cameo.jsonl"};
  const TextAnalyzer* ta = SharedAnalyzer();
  ASSERT_NE(ta, nullptr);
  int checked_files = 0;
  for (const char* f : files) {
    std::ifstream in(peers + f);
    if (!in) continue;
    ++checked_files;
    int records = 0, split = 0;
    std::string line;
    while (std::getline(in, line)) {
      nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) continue;
      std::string text = j["text"].get<std::string>();
      if (text.empty()) continue;
      ++records;
      std::vector<Sentence> ss = ta->Analyze(text);
      if (ss.size() != 1) {
        ++split;
        ADD_FAILURE() << f << " record " << j.value("id", std::string("?")) << ": " << ss.size()
                      << " sentences";
      }
      for (const Sentence& s : ss) {
        EXPECT_FALSE(s.furniture) << f << ": " << text;
      }
    }
    EXPECT_GT(records, 100) << f;
    EXPECT_EQ(split, 0) << f;
  }
  if (checked_files == 0) GTEST_SKIP() << "no peer suites in " << peers;
}

}  // namespace
}  // namespace dragoman
