// Provenance guard: no sentence of the third-party test material in ../shared (the seed
// articles, the PLOVER, PETRARCH and TABARI suites) is copied into the repository. Those files
// are read at run time by the tests that need them; the repository holds only our own text.
//
// The check: every run of 8 consecutive words (letters and apostrophes, lower-cased) of the
// shared texts is collected, and no file under src/, data/, doc/, tests/, examples/, bench/,
// scripts/ or README.md may contain one. The name lists (data/actors/, data/places/) are left
// out: an organisation's full name ("... Union for the Total Independence of ...") is a fact. Eight
// words is long enough that common phrases
// ("an agreement was reached on ...") do not collide and short enough to catch a copied clause.
// Skipped when ../shared is not beside the checkout.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/file.h"
#include "base/lines.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;
constexpr size_t kRun = 8;

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || c == '\'') {
      w.push_back(static_cast<char>(std::tolower(u)));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

std::string WordRun(const std::vector<std::string>& words, size_t i) {
  std::string s = words[i];
  for (size_t k = 1; k < kRun; ++k) s += " " + words[i + k];
  return s;
}

void AddRuns(std::string_view text, std::unordered_set<std::string>* runs) {
  std::vector<std::string> w = Words(text);
  for (size_t i = 0; i + kRun <= w.size(); ++i) runs->insert(WordRun(w, i));
}

// The "text" field of every record of a JSON Lines suite.
void AddJsonlTexts(const fs::path& path, std::unordered_set<std::string>* runs) {
  auto text = ReadFile(path.string());
  ASSERT_TRUE(text.ok()) << text.status().message();
  Status s = ForEachLine(*text, [&](int, std::string_view line) {
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_object() && j.contains("text") && j["text"].is_string())
      AddRuns(j["text"].get<std::string>(), runs);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
}

TEST(Provenance, NoSharedSentenceIsCopiedIntoTheRepository) {
  const fs::path shared = DRAGOMAN_SHARED_DIR;
  if (!fs::exists(shared / "seeds")) GTEST_SKIP() << "skipped: " << shared << " not present";

  std::unordered_set<std::string> runs;
  for (const auto& e : fs::directory_iterator(shared / "seeds")) {
    auto text = ReadFile(e.path().string());
    ASSERT_TRUE(text.ok()) << text.status().message();
    AddRuns(*text, &runs);
  }
  for (const char* suite :
       {"peers/plover/plover_gsr_cameo.jsonl", "peers/petrarch/petr1_unittest_records.jsonl",
        "peers/tabari/tabari_validate.jsonl"}) {
    if (fs::exists(shared / suite)) AddJsonlTexts(shared / suite, &runs);
  }
  ASSERT_GT(runs.size(), 1000u);

  const fs::path root = DRAGOMAN_SOURCE_DIR;
  std::vector<fs::path> files = {root / "README.md"};
  for (const char* dir : {"src", "data", "doc", "tests", "examples", "bench", "scripts"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      const std::string rel = fs::relative(e.path(), root).generic_string();
      if (rel.rfind("data/actors/", 0) == 0 || rel.rfind("data/places/", 0) == 0) continue;
      if (e.is_regular_file()) files.push_back(e.path());
    }
  }
  int checked = 0;
  for (const fs::path& f : files) {
    auto text = ReadFile(f.string());
    if (!text.ok() || LooksBinary(*text)) continue;
    ++checked;
    std::vector<std::string> w = Words(*text);
    for (size_t i = 0; i + kRun <= w.size(); ++i) {
      std::string run = WordRun(w, i);
      if (runs.count(run)) {
        ADD_FAILURE() << fs::relative(f, root).string() << " holds words of a shared test text: \""
                      << run << "\"";
        break;  // one report per file
      }
    }
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace dragoman
