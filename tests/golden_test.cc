// Golden tests: code each document and compare with its expected JSONL under tests/golden/.
//
//   tests/golden/examples/NAME.jsonl  <- examples/NAME            (the project's own articles)
//   tests/golden/seeds/NAME.jsonl     <- ../shared/seeds/NAME     (skipped when ../shared is
//   absent)
//
// Golden files hold the events WITHOUT copied text: the `text` fields of the event and of its
// actors are dropped (spans locate them), so no sentence of a third-party article enters the
// repository. To regenerate after an intended change, run the test binary with
// DRAGOMAN_UPDATE_GOLDEN=1 and review the diff before committing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/file.h"
#include "coder/coder.h"
#include "input/reader.h"
#include "output/event_json.h"

namespace dragoman {
namespace {

namespace fs = std::filesystem;

// The golden projection of an event: the contract minus copied text.
Json Project(const Event& e) {
  Json j = EventToJson(e);
  j.erase("text");
  for (const char* k : {"source", "target", "speaker"}) {
    if (j[k].is_object()) j[k].erase("text");
  }
  return j;
}

const Coder& SharedCoder() {
  static std::unique_ptr<Coder> coder = [] {
    auto c = Coder::Create(CoderConfig{DRAGOMAN_SOURCE_DATA_DIR});
    if (!c.ok()) {
      ADD_FAILURE() << c.status().message();
      std::abort();
    }
    return std::move(c).value();
  }();
  return *coder;
}

// Codes every document in `input` and renders the golden lines, one per event.
std::string CodeToGolden(const fs::path& input) {
  DocumentReader reader({input.string()}, ReaderConfig{});
  std::string out;
  while (true) {
    auto next = reader.Next();
    EXPECT_TRUE(next.ok()) << next.status().message();
    if (!next.ok() || !next->has_value()) break;
    for (const Event& e : SharedCoder().Code(**next).events) {
      out += Project(e).dump() + "\n";
    }
  }
  return out;
}

void CheckGolden(const fs::path& input, const fs::path& golden) {
  std::string actual = CodeToGolden(input);
  if (const char* u = std::getenv("DRAGOMAN_UPDATE_GOLDEN"); u && *u == '1') {
    std::ofstream(golden) << actual;
    return;
  }
  auto expected = ReadFile(golden.string());
  ASSERT_TRUE(expected.ok()) << expected.status().message()
                             << " (create it with DRAGOMAN_UPDATE_GOLDEN=1)";
  if (*expected == actual) return;
  // Report the first differing line, readably.
  std::istringstream a(actual), x(*expected);
  std::string la, lx;
  int line = 1;
  while (true) {
    bool ha = static_cast<bool>(std::getline(a, la));
    bool hx = static_cast<bool>(std::getline(x, lx));
    if (!ha && !hx) break;
    if (!ha || !hx || la != lx) {
      ADD_FAILURE() << golden.string() << ":" << line
                    << ": golden output differs\n  expected: " << (hx ? lx : "(end of file)")
                    << "\n  actual:   " << (ha ? la : "(end of output)");
      return;
    }
    ++line;
  }
}

std::vector<fs::path> GoldenFiles(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".jsonl") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Golden, Examples) {
  const fs::path root = DRAGOMAN_SOURCE_DIR;
  for (const auto& e : fs::directory_iterator(root / "examples")) {
    const fs::path& input = e.path();
    fs::path golden = root / "tests/golden/examples" / (input.filename().string() + ".jsonl");
    SCOPED_TRACE(input.string());
    CheckGolden(input, golden);
  }
}

TEST(Golden, Seeds) {
  const fs::path seeds = fs::path(DRAGOMAN_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "skipped: " << seeds << " not present";
  const fs::path root = DRAGOMAN_SOURCE_DIR;
  for (const auto& e : fs::directory_iterator(seeds)) {
    fs::path golden = root / "tests/golden/seeds" / (e.path().filename().string() + ".jsonl");
    SCOPED_TRACE(e.path().string());
    CheckGolden(e.path(), golden);
  }
}

// Every golden file must belong to an input, so a renamed input cannot leave a stale file behind.
TEST(Golden, NoOrphanFiles) {
  const fs::path root = DRAGOMAN_SOURCE_DIR;
  for (const auto& g : GoldenFiles(root / "tests/golden/examples")) {
    EXPECT_TRUE(fs::exists(root / "examples" / g.stem())) << g;
  }
}

}  // namespace
}  // namespace dragoman
