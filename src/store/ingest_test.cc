// The real `dragoman ingest` binary on generated corpora: kill -9 in the middle and resume,
// idempotence, replacement of a changed article, bad inputs, and the seed articles.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "store/sqlite.h"
#include "store/test_corpus.h"

namespace dragoman {
namespace {

using testing::TempDir;

// Runs the binary with `args`; stdout/stderr go to files in `dir`. Returns the pid.
pid_t Spawn(const std::vector<std::string>& args, const std::string& out, const std::string& err) {
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen(out.c_str(), "w", stdout) || !freopen(err.c_str(), "w", stderr)) _exit(127);
    std::vector<char*> argv;
    std::string bin = DRAGOMAN_BINARY;
    argv.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(bin.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

struct Result {
  int code = -1;
  std::string out, err;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result RunDragoman(const TempDir& dir, const std::vector<std::string>& args) {
  std::string out = dir.File("stdout"), err = dir.File("stderr");
  pid_t pid = Spawn(args, out, err);
  int status = 0;
  waitpid(pid, &status, 0);
  Result r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

// Our own synthetic wire stories: varied actors, verbs, places and dates; every one different.
std::string Article(int i) {
  static const char* kCountries[][3] = {
      {"Azerbaijan", "Azerbaijani", "Baku"}, {"Iran", "Iranian", "Tehran"},
      {"Armenia", "Armenian", "Yerevan"},    {"Turkey", "Turkish", "Ankara"},
      {"Georgia", "Georgian", "Tbilisi"},    {"Russia", "Russian", "Moscow"},
      {"France", "French", "Paris"},         {"Pakistan", "Pakistani", "Islamabad"}};
  static const char* kActs[] = {
      "met his %s counterpart in %s to discuss transit corridors",
      "accused the %s government of provocations near the border, officials in %s said",
      "signed a memorandum on energy cooperation with the %s delegation in %s",
      "condemned the %s statement, the ministry in %s announced",
      "praised the %s side for its support during talks in %s",
      "expelled two %s diplomats, according to a statement released in %s"};
  static const char* kMonths[] = {"January",   "February", "March",    "April",
                                  "May",       "June",     "July",     "August",
                                  "September", "October",  "November", "December"};
  const auto& a = kCountries[i % 8];
  const auto& b = kCountries[(i + 1 + i / 8 % 7) % 8];  // never the same as a
  int year = 2019 + i % 7, month = i % 12, day = 1 + i % 28;
  char act[256];
  std::snprintf(act, sizeof act, kActs[i % 6], b[1], (i % 2 ? a[2] : b[2]));
  std::ostringstream s;
  s << "The foreign minister of " << a[0] << " " << act << " on " << kMonths[month] << " " << day
    << ", " << year << ". ";
  s << "The meeting was the " << (i % 50 + 1) << "th contact between the two capitals this year, "
    << "and observers in " << a[2] << " expect further steps. ";
  s << "Bulletin " << i << " was filed by the regional desk.";
  return s.str();
}

void WriteCorpus(const std::string& path, int n) {
  std::ofstream out(path);
  for (int i = 0; i < n; ++i) {
    nlohmann::json j;
    j["id"] = "wire-" + std::to_string(i);
    j["date"] = std::to_string(2019 + i % 7) + "-" + (i % 12 < 9 ? "0" : "") +
                std::to_string(i % 12 + 1) + "-" + (i % 28 < 9 ? "0" : "") +
                std::to_string(i % 28 + 1);
    j["text"] = Article(i);
    out << j.dump() << "\n";
  }
}

int64_t Scalar(const std::string& db, const std::string& sql) {
  auto d = sql::Db::Open(db, sql::Db::Mode::kReadWrite);
  if (!d.ok()) return -1;
  auto st = (*d)->Prepare(sql);
  if (!st.ok()) return -1;
  auto row = st->Step();
  if (!row.ok() || !*row) return -1;
  return st->Int(0);
}

TEST(IngestTest, KillNineMidwayThenResumeStoresEachDocumentOnce) {
  TempDir dir;
  const int kDocs = 2000;
  std::string corpus = dir.File("wire.jsonl");
  WriteCorpus(corpus, kDocs);
  std::string db = dir.File("killed.db");

  pid_t pid = Spawn({"ingest", "--db", db, "--batch", "10", "--threads", "1", "--quiet", corpus},
                    dir.File("o1"), dir.File("e1"));
  // Wait until some batches are committed, then kill -9 in the middle.
  int64_t seen = 0;
  bool exited = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    seen = std::filesystem::exists(db) ? Scalar(db, "SELECT count(*) FROM documents") : 0;
    if (seen >= 100) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  ASSERT_FALSE(exited) << "ingest finished before it could be killed: " << Slurp(dir.File("e1"));
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  // What was committed survived intact; the batch in flight left nothing behind.
  int64_t after_kill = Scalar(db, "SELECT count(*) FROM documents");
  EXPECT_GE(after_kill, seen);
  EXPECT_LT(after_kill, kDocs);
  EXPECT_EQ(after_kill % 10, 0) << "a partial batch was committed";
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"),
            0);

  // The same command again completes the rest.
  Result resumed = RunDragoman(dir, {"ingest", "--db", db, "--batch", "10", corpus});
  ASSERT_EQ(resumed.code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find(std::to_string(after_kill) + " unchanged"), std::string::npos)
      << resumed.err;
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), kDocs);
  EXPECT_EQ(Scalar(db, "SELECT count(DISTINCT doc_key) FROM documents"), kDocs);
  EXPECT_EQ(Scalar(db,
                   "SELECT count(*) FROM (SELECT doc, idx FROM sentences GROUP BY doc, idx "
                   "HAVING count(*) > 1)"),
            0);

  // Exactly what one uninterrupted ingest stores.
  std::string clean = dir.File("clean.db");
  Result once = RunDragoman(dir, {"ingest", "--db", clean, "--quiet", corpus});
  ASSERT_EQ(once.code, 0) << once.err;
  for (const char* q :
       {"SELECT count(*) FROM documents", "SELECT count(*) FROM sentences",
        "SELECT count(*) FROM events", "SELECT count(*) FROM event_groups",
        "SELECT count(*) FROM actor_mentions", "SELECT count(*) FROM sentence_fts"}) {
    EXPECT_EQ(Scalar(db, q), Scalar(clean, q)) << q;
  }
  EXPECT_GT(Scalar(clean, "SELECT count(*) FROM events"), kDocs / 4) << "the corpus codes events";

  // And a third run adds nothing.
  Result again = RunDragoman(dir, {"ingest", "--db", db, corpus});
  ASSERT_EQ(again.code, 0);
  EXPECT_NE(again.err.find("0 added, 0 replaced, " + std::to_string(kDocs) + " unchanged"),
            std::string::npos)
      << again.err;
}

// Every row of every table, in id order, as text (documents.ingested aside: a clock time).
std::string DumpTables(const std::string& db) {
  auto d = sql::Db::Open(db, sql::Db::Mode::kReadWrite);
  if (!d.ok()) return "cannot open " + db;
  std::string out;
  for (const char* table : {"documents", "sentences", "event_groups", "events", "actor_mentions"}) {
    auto cols = (*d)->Prepare(std::string("SELECT name FROM pragma_table_info('") + table + "')");
    if (!cols.ok()) return cols.status().message();
    std::string expr;
    while (true) {
      auto row = cols->Step();
      if (!row.ok() || !*row) break;
      std::string c = cols->Text(0);
      if (c == "ingested") continue;
      expr += (expr.empty() ? "quote(" : " || '|' || quote(") + c + ")";
    }
    auto rows = (*d)->Prepare("SELECT " + expr + " FROM " + table + " ORDER BY id");
    if (!rows.ok()) return rows.status().message();
    out += std::string("== ") + table + "\n";
    while (true) {
      auto row = rows->Step();
      if (!row.ok() || !*row) break;
      out += rows->Text(0) + "\n";
    }
  }
  return out;
}

// Issue 14: coding on several threads stores exactly what coding on one stores, row for row and
// id for id, whatever the batch boundaries.
TEST(IngestTest, ParallelAndSerialIngestStoreTheSame) {
  TempDir dir;
  std::string corpus = dir.File("wire.jsonl");
  WriteCorpus(corpus, 240);
  std::string serial = dir.File("serial.db"), parallel = dir.File("parallel.db");
  Result a = RunDragoman(dir, {"ingest", "--db", serial, "--threads", "1", "--quiet", corpus});
  ASSERT_EQ(a.code, 0) << a.err;
  Result b = RunDragoman(
      dir, {"ingest", "--db", parallel, "--threads", "3", "--batch", "7", "--quiet", corpus});
  ASSERT_EQ(b.code, 0) << b.err;
  std::string want = DumpTables(serial);
  EXPECT_GT(Scalar(serial, "SELECT count(*) FROM events"), 60);
  EXPECT_TRUE(DumpTables(parallel) == want) << "the stores differ";
}

TEST(IngestTest, ChangedFileReplacesItsEventsAndBadInputIsReported) {
  TempDir dir;
  std::filesystem::create_directory(dir.File("in"));
  std::string a = dir.File("in/a.txt"), b = dir.File("in/b.txt");
  std::ofstream(a) << Article(3);
  std::ofstream(b) << Article(4);
  std::string db = dir.File("c.db");
  Result first = RunDragoman(dir, {"ingest", "--db", db, "--date", "2024-05-01", dir.File("in")});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.err.find("2 added"), std::string::npos) << first.err;
  int64_t events_before = Scalar(db, "SELECT count(*) FROM events");

  std::ofstream(a) << "Nothing happened today. The weather in the capital was mild.";
  std::ofstream(dir.File("in/bad.txt")) << std::string("bin\0ary", 7);
  Result second = RunDragoman(dir, {"ingest", "--db", db, "--date", "2024-05-01", dir.File("in")});
  EXPECT_EQ(second.code, 3) << second.err;  // the binary file; the others still stored
  EXPECT_NE(second.err.find("bad.txt"), std::string::npos);
  EXPECT_NE(second.err.find("0 added, 1 replaced, 1 unchanged, 1 unreadable"), std::string::npos)
      << second.err;
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(Scalar(db,
                   "SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc WHERE "
                   "d.doc_key = 'a.txt'"),
            0);
  EXPECT_LE(Scalar(db, "SELECT count(*) FROM events"), events_before);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'weather'"), 1);
}

// After a dictionary change, `--recode` codes the stored documents again and replaces their
// events; a plain ingest leaves them as they are (unchanged content is not even coded).
TEST(IngestTest, RecodeReplacesEventsOfStoredDocuments) {
  TempDir dir;
  // Yesterday's dictionaries: the shipped data without the consultation (04x) patterns.
  const std::filesystem::path old_data = dir.File("old-data");
  std::filesystem::copy(DRAGOMAN_SOURCE_DATA_DIR, old_data,
                        std::filesystem::copy_options::recursive);
  {
    std::ifstream in(old_data / "events/verbs.txt");
    std::ostringstream kept;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("04", 0) != 0) kept << line << "\n";
    }
    in.close();
    std::ofstream(old_data / "events/verbs.txt") << kept.str();
  }
  std::filesystem::create_directory(dir.File("in"));
  for (int i = 0; i < 6; ++i) {
    std::ofstream(dir.File("in/a" + std::to_string(i) + ".txt")) << Article(i);
  }
  std::ofstream(dir.File("in/z-copy.txt")) << Article(0);  // the same content as a0.txt
  const std::string db = dir.File("c.db");
  const std::string consults = "SELECT count(*) FROM events WHERE cameo LIKE '04%'";
  Result first = RunDragoman(dir, {"ingest", "--db", db, "--date", "2024-05-01", "--data",
                                   old_data.string(), dir.File("in")});
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.err.find("6 added, 0 replaced, 1 unchanged"), std::string::npos) << first.err;
  EXPECT_EQ(Scalar(db, consults), 0);

  // Today's dictionaries, a plain ingest: nothing is coded again.
  Result plain = RunDragoman(dir, {"ingest", "--db", db, "--date", "2024-05-01", dir.File("in")});
  ASSERT_EQ(plain.code, 0) << plain.err;
  EXPECT_NE(plain.err.find("0 added, 0 replaced, 7 unchanged"), std::string::npos) << plain.err;
  EXPECT_EQ(Scalar(db, consults), 0);

  Result recode = RunDragoman(
      dir, {"ingest", "--db", db, "--date", "2024-05-01", "--recode", dir.File("in")});
  ASSERT_EQ(recode.code, 0) << recode.err;
  // The copy is the same content as a0.txt: coded once, counted unchanged.
  EXPECT_NE(recode.err.find("0 added, 6 replaced, 1 unchanged"), std::string::npos) << recode.err;
  EXPECT_GT(Scalar(db, consults), 0);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), 6);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents WHERE doc_key = 'a0.txt'"), 1);
  // Each stored sentence once in the full-text index.
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH "
                       "'\"Bulletin 3 was filed\"'"),
            1);

  // Coded again with the same dictionaries, the store is what it was.
  const int64_t events = Scalar(db, "SELECT count(*) FROM events");
  Result again = RunDragoman(
      dir, {"ingest", "--db", db, "--date", "2024-05-01", "--recode", dir.File("in")});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM events"), events);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), 6);
}

TEST(IngestTest, UsageAndStoreErrors) {
  TempDir dir;
  EXPECT_EQ(RunDragoman(dir, {"ingest", "--db", dir.File("x.db")}).code, 2);
  EXPECT_EQ(RunDragoman(dir, {"ingest", "--batch", "0", "x"}).code, 2);
  std::string future = dir.File("future.db");
  {
    auto d = sql::Db::Open(future, sql::Db::Mode::kReadWriteCreate);
    ASSERT_TRUE(d.ok());
    ASSERT_TRUE((*d)->Exec("PRAGMA application_id = 1146241351; PRAGMA user_version = 99; "
                           "CREATE TABLE later (x)")
                    .ok());
  }
  std::ofstream(dir.File("a.txt")) << Article(1);
  Result r = RunDragoman(dir, {"ingest", "--db", future, dir.File("a.txt")});
  EXPECT_EQ(r.code, 5);
  EXPECT_NE(r.err.find("newer dragoman"), std::string::npos) << r.err;
  EXPECT_EQ(Scalar(future, "PRAGMA user_version"), 99);
}

// Acceptance on the seed articles (read from ../shared at run time, never copied here).
TEST(IngestTest, SeedsTwiceSameEventsAndDyadTimeline) {
  std::string seeds = std::string(DRAGOMAN_SHARED_DIR) + "/seeds";
  if (!std::filesystem::exists(seeds)) GTEST_SKIP() << seeds << " not found";
  TempDir dir;
  std::string db = dir.File("seeds.db");
  Result first = RunDragoman(dir, {"ingest", "--db", db, "--quiet", seeds});
  ASSERT_EQ(first.code, 0) << first.err;
  int64_t events = Scalar(db, "SELECT count(*) FROM events");
  int64_t groups = Scalar(db, "SELECT count(*) FROM event_groups");
  EXPECT_GT(events, 0);
  Result second = RunDragoman(dir, {"ingest", "--db", db, "--quiet", seeds});
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM events"), events);
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM event_groups"), groups);

  Result dyad = RunDragoman(dir, {"events", "--db", db, "--dyad", "AZE,IRN"});
  ASSERT_EQ(dyad.code, 0) << dyad.err;
  std::istringstream lines(dyad.out);
  int n = 0;
  for (std::string l; std::getline(lines, l); ++n) {
    auto j = nlohmann::json::parse(l);
    // The filter's definition of a side: its country, or a code starting with the selector.
    auto side = [&](const char* role, const std::string& sel) {
      const auto& a = j[role];
      return a.is_object() && ((a["country"].is_string() && a["country"] == sel) ||
                               a["code"].get<std::string>().rfind(sel, 0) == 0);
    };
    EXPECT_TRUE((side("source", "AZE") && side("target", "IRN")) ||
                (side("source", "IRN") && side("target", "AZE")))
        << l;
  }
  EXPECT_GT(n, 0);

  Result injected =
      RunDragoman(dir, {"events", "--db", db, "--dyad", "AZE'; DROP TABLE events;--,IRN"});
  EXPECT_EQ(injected.code, 0);
  EXPECT_EQ(injected.out, "");
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM events"), events);
}

}  // namespace
}  // namespace dragoman
