// The query commands (events, timeline, actors, search, show, export) run through the CLI
// dispatcher on a hand-made corpus: output formats, filters, exit codes and one-line errors.
#include <grp.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/command.h"
#include "store/gdelt.h"
#include "store/test_corpus.h"

namespace dragoman {
namespace {

using testing::TempDir;

struct CliRun {
  int code = 0;
  std::string out, err;
  std::vector<std::string> Lines() const {
    std::vector<std::string> lines;
    std::istringstream in(out);
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    return lines;
  }
};

class StoreCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("corpus.db");
    auto s = Store::Open(db_, Store::OpenMode::kCreate);
    ASSERT_TRUE(s.ok()) << s.status().message();
    ASSERT_TRUE((*s)->PutBatch(testing::SampleCorpus()).ok());
  }

  CliRun Cli(std::vector<std::string> args, bool terminal = false) {
    std::ostringstream out, err;
    cli::CommandContext ctx{out, err, terminal, false};
    args.insert(args.begin(), "dragoman");
    // Every command gets --db unless the test gives its own.
    bool has_db = false;
    for (const auto& a : args) has_db |= a.rfind("--db", 0) == 0;
    if (!has_db && args.size() > 1 && args[1] != "--help") {
      args.insert(args.begin() + 2, {"--db", db_});
    }
    CliRun r;
    r.code = cli::RunCli(args, ctx);
    r.out = out.str();
    r.err = err.str();
    return r;
  }

  static bool OneLine(const std::string& s) { return !s.empty() && s.find('\n') == s.size() - 1; }

  TempDir dir_;
  std::string db_;
};

// Issue 12 row 11: a database on read-only media answers every query command (it failed with
// "unable to open database file"). Simulated by a folder and file this user cannot write, where
// SQLite cannot create the WAL's -shm file; when the tests run as root the commands run in a
// child process that has become an unprivileged user. The answers are those of the writable
// original, and the file is left as it was.
TEST_F(StoreCliTest, Issue12Row11ReadOnlyMediaAnswersEveryQuery) {
  namespace fs = std::filesystem;
  const std::vector<std::vector<std::string>> queries = {
      {"events", "--mentions"}, {"events", "--dyad", "AZE,IRN"}, {"timeline", "AZE", "IRN"},
      {"actors"},               {"search", "minister"},          {"show", "1"},
      {"export", "--format", "csv"}};
  std::string want;
  for (const auto& q : queries) {
    CliRun r = Cli(q);
    ASSERT_EQ(r.code, 0) << r.err;
    want += r.out + "\n--\n";
  }
  fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_exec | fs::perms::others_exec);
  std::string media = dir_.File("media");
  fs::create_directory(media);
  std::string ro = media + "/corpus.db";
  fs::copy_file(db_, ro);
  ASSERT_FALSE(fs::exists(db_ + "-wal") && fs::file_size(db_ + "-wal") > 0) << "not checkpointed";
  fs::permissions(ro, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  fs::permissions(media, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                             fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
  std::string before = [&] {
    std::ifstream in(ro, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();

  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    close(fds[0]);
    if (geteuid() == 0 && (setgroups(0, nullptr) != 0 || setgid(65534) != 0 || setuid(65534) != 0)) {
      _exit(77);
    }
    std::string got;
    for (const auto& q : queries) {
      CliRun r = Cli([&] {
        std::vector<std::string> a = q;
        a.insert(a.begin() + 1, {"--db", ro});
        return a;
      }());
      got += (r.code == 0 ? r.out : "exit " + std::to_string(r.code) + ": " + r.err) + "\n--\n";
    }
    for (size_t off = 0; off < got.size();) {
      ssize_t n = write(fds[1], got.data() + off, got.size() - off);
      if (n <= 0) _exit(1);
      off += static_cast<size_t>(n);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string got;
  char buf[4096];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  fs::permissions(media, fs::perms::owner_all);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 77) GTEST_SKIP() << "cannot drop privileges";
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(got, want);
  EXPECT_FALSE(fs::exists(ro + "-shm"));
  EXPECT_FALSE(fs::exists(ro + "-wal"));
  std::ifstream in(ro, std::ios::binary);
  std::stringstream after;
  after << in.rdbuf();
  EXPECT_TRUE(after.str() == before) << "the read-only file changed";
}

// The query commands never write the database or its WAL (issue 14): not on a file whose last
// batches are still in the WAL of a writer that is open, not when the file's schema is older than
// the build's (read as it is, upgraded only by a writing command). Their answers match the same
// corpus's; only the -shm file, the read marks every WAL reader takes, may change.
TEST_F(StoreCliTest, QueryCommandsNeverWriteTheFile) {
  auto bytes = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  };
  const std::vector<std::vector<std::string>> queries = {
      {"events", "--mentions"},  {"events", "--dyad", "AZE,IRN", "--mentions"},
      {"events", "--dyad", "AZE,IRN"}, {"events", "--actor", "Amir", "--type", "CONSULT"},
      {"events", "--since", "2024", "--text", "nationals"},
      {"timeline", "AZE", "IRN"}, {"actors"}, {"search", "minister"}, {"show", "1"},
      {"export", "--format", "csv"}};
  for (int version : {kStoreSchemaVersion, kStoreSchemaVersion - 1}) {
    SCOPED_TRACE(version);
    // A writer that stays open keeps its batch in the WAL (no checkpoint on close yet).
    auto writer = Store::Open(db_, Store::OpenMode::kExisting);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    if (version < kStoreSchemaVersion) {
      ASSERT_TRUE((*writer)->db().Exec("PRAGMA user_version = " + std::to_string(version)).ok());
    }
    ASSERT_TRUE((*writer)
                    ->PutBatch({testing::Doc("late" + std::to_string(version), "2025-03-01",
                                             {"Iran's minister met Azerbaijan's minister."})})
                    .ok());
    const std::string db = bytes(db_), wal = bytes(db_ + "-wal");
    ASSERT_FALSE(wal.empty());
    for (const auto& q : queries) {
      CliRun r = Cli(q);
      EXPECT_EQ(r.code, 0) << q[0] << ": " << r.err;
      EXPECT_TRUE(bytes(db_) == db) << q[0] << " changed the database";
      EXPECT_TRUE(bytes(db_ + "-wal") == wal) << q[0] << " changed the WAL";
    }
    auto v = (*writer)->db().Prepare("PRAGMA user_version");
    ASSERT_TRUE(v.ok() && *v->Step());
    EXPECT_EQ(v->Int(0), version);
  }
}

TEST_F(StoreCliTest, EventsDyadJsonlHasOnlyThatPair) {
  CliRun r = Cli({"events", "--dyad", "AZE,IRN"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto lines = r.Lines();
  ASSERT_EQ(lines.size(), 4u);
  for (const auto& l : lines) {
    auto j = nlohmann::json::parse(l);
    std::string s = j["source"]["country"], t = j["target"]["country"];
    EXPECT_TRUE((s == "AZE" && t == "IRN") || (s == "IRN" && t == "AZE")) << l;
    EXPECT_TRUE(j.contains("event_id"));
    EXPECT_GE(j["mentions"].get<int>(), 1);
  }
}

TEST_F(StoreCliTest, EventsInjectionReturnsNothingAndChangesNothing) {
  CliRun r = Cli({"events", "--dyad", "AZE'; DROP TABLE events;--,IRN"});
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  CliRun all = Cli({"events", "--mentions"});
  EXPECT_EQ(all.Lines().size(), 6u);
}

TEST_F(StoreCliTest, EventsTableOnTerminal) {
  CliRun r = Cli({"events", "--type", "AID"}, /*terminal=*/true);
  ASSERT_EQ(r.code, 0) << r.err;
  auto lines = r.Lines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("SOURCE"), std::string::npos);
  EXPECT_NE(lines[1].find("AZEGOV"), std::string::npos);
  EXPECT_NE(lines[1].find("0861"), std::string::npos);
  EXPECT_EQ(lines[2], "1 event");
}

TEST_F(StoreCliTest, EventsCsvFollowsGdeltColumns) {
  CliRun r = Cli({"events", "--format", "csv", "--type", "AID"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto lines = r.Lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].rfind("GLOBALEVENTID,SQLDATE,MonthYear,Year,FractionDate,Actor1Code,", 0), 0u);
  EXPECT_NE(lines[0].find(",NumMentions,NumSources,NumArticles,AvgTone,"), std::string::npos);
  EXPECT_NE(lines[0].find(",DATEADDED,SOURCEURL,"), std::string::npos);
  // GDELT 2.0's 61 columns come first.
  EXPECT_EQ(GdeltColumns()[60], "SOURCEURL");
  EXPECT_EQ(GdeltColumns()[26], "EventCode");
  auto store = Store::Open(db_, Store::OpenMode::kExisting);
  ASSERT_TRUE(store.ok());
  EventFilter aid;
  aid.type = "AID";
  auto rows = QueryEvents(**store, aid);
  ASSERT_TRUE(rows.ok());
  auto row = GdeltRow(rows->at(0));
  EXPECT_EQ(row[1], "20250120");
  EXPECT_EQ(row[5], "AZEGOV");
  EXPECT_EQ(row[26], "0861");
  EXPECT_EQ(row[27], "086");
  EXPECT_EQ(row[28], "08");
  EXPECT_EQ(row[29], "2");  // material cooperation
  EXPECT_EQ(row[31], "2");  // mentions
  EXPECT_EQ(row.size(), GdeltColumns().size());
}

TEST_F(StoreCliTest, EventsUsageErrorsAreOneLineExit2) {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"events", "--dyad", "AZE"},
                                               {"events", "--since", "2025-13-01"},
                                               {"events", "--format", "xml"},
                                               {"events", "--limit", "0"},
                                               {"events", "--directed"},
                                               {"events", "--text", "\"unbalanced"},
                                               {"events", "AZE"}}) {
    CliRun r = Cli(args);
    EXPECT_EQ(r.code, 2) << args[1] << ": " << r.err;
    EXPECT_TRUE(OneLine(r.err)) << r.err;
  }
}

TEST_F(StoreCliTest, MissingOrFutureDatabaseIsAStoreError) {
  CliRun r = Cli({"events", "--db", dir_.File("nope.db")});
  EXPECT_EQ(r.code, 5);
  EXPECT_TRUE(OneLine(r.err)) << r.err;
  {
    auto db = sql::Db::Open(db_, sql::Db::Mode::kReadWrite);
    ASSERT_TRUE((*db)->Exec("PRAGMA user_version = 7").ok());
  }
  for (const char* cmd : {"events", "actors", "export"}) {
    CliRun f = Cli({cmd});
    EXPECT_EQ(f.code, 5) << cmd;
    EXPECT_NE(f.err.find("newer dragoman"), std::string::npos) << f.err;
    EXPECT_TRUE(OneLine(f.err));
  }
}

TEST_F(StoreCliTest, TimelineByYearCsvAndJson) {
  CliRun r = Cli({"timeline", "AZE", "IRN", "--by", "year"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto lines = r.Lines();
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(
      lines[0].rfind("period,source,target,events,goldstein_sum,goldstein_mean,verbal_coop,", 0),
      0u);
  EXPECT_EQ(lines[1].rfind("2021,AZE,IRN,1,-5.0,", 0), 0u) << lines[1];
  EXPECT_EQ(lines[2].rfind("2021,IRN,AZE,1,-2.0,", 0), 0u) << lines[2];
  EXPECT_EQ(lines[3].rfind("2024,AZE,IRN,1,", 0), 0u);
  EXPECT_EQ(lines[4].rfind("2025,AZE,IRN,1,7.0,7.00,0,1,0,0", 0), 0u) << lines[4];

  CliRun j = Cli({"timeline", "AZE", "IRN", "--by", "month", "--format", "json"});
  ASSERT_EQ(j.code, 0) << j.err;
  auto doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["by"], "month");
  ASSERT_EQ(doc["periods"].size(), 4u);
  EXPECT_EQ(doc["periods"][3]["period"], "2025-01");
  EXPECT_EQ(doc["periods"][3]["plover"]["AID"], 1);
  EXPECT_EQ(doc["periods"][3]["quad"]["material_coop"], 1);
}

TEST_F(StoreCliTest, TimelineChartOnTerminalAndUsage) {
  CliRun r = Cli({"timeline", "AZE", "IRN", "--by", "year"}, /*terminal=*/true);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("AZE->IRN"), std::string::npos);
  EXPECT_NE(r.out.find("█"), std::string::npos);  // cooperation bar
  EXPECT_NE(r.out.find("▒"), std::string::npos);  // conflict bar
  EXPECT_EQ(Cli({"timeline", "AZE"}).code, 2);
  EXPECT_EQ(Cli({"timeline", "AZE", "IRN", "--by", "decade"}).code, 2);
}

TEST_F(StoreCliTest, ActorsWithRoleDates) {
  CliRun r = Cli({"actors", "--country", "IRN"});
  ASSERT_EQ(r.code, 0) << r.err;
  bool found = false;
  for (const auto& l : r.Lines()) {
    auto j = nlohmann::json::parse(l);
    EXPECT_EQ(j["country"], "IRN");
    if (j["name"] == "Hossein Amir-Abdollahian") {
      found = true;
      EXPECT_EQ(j["code"], "IRNGOV");
      EXPECT_EQ(j["first"], "2021-10-04");
    }
  }
  EXPECT_TRUE(found) << r.out;
  CliRun t = Cli({"actors"}, /*terminal=*/true);
  EXPECT_NE(t.out.find("Hossein Amir-Abdollahian"), std::string::npos);
  EXPECT_NE(t.out.find("FIRST SEEN"), std::string::npos);
}

TEST_F(StoreCliTest, SearchHighlightsAndListsEvents) {
  CliRun r = Cli({"search", "consular access"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto lines = r.Lines();
  ASSERT_EQ(lines.size(), 1u);
  auto j = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(j["doc"], "b");
  EXPECT_NE(j["highlighted"].get<std::string>().find("[consular] [access]"), std::string::npos);
  EXPECT_EQ(j["events"][0]["cameo"], "043");
  CliRun t = Cli({"search", "consular", "access"}, /*terminal=*/true);
  EXPECT_NE(t.out.find("\x1b[1mconsular\x1b[0m"), std::string::npos);
  EXPECT_NE(t.out.find("-> event"), std::string::npos);
  EXPECT_EQ(Cli({"search"}).code, 2);
}

TEST_F(StoreCliTest, ShowEvidence) {
  CliRun list = Cli({"events", "--type", "AID"});
  auto id = nlohmann::json::parse(list.Lines().at(0))["event_id"].get<int64_t>();
  CliRun r = Cli({"show", std::to_string(id)});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2 mentions in 2 articles from 2 sources"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("[returned]"), std::string::npos);
  EXPECT_NE(r.out.find("rule       verbs.txt:1 returned"), std::string::npos);
  EXPECT_NE(r.out.find("(from metadata)"), std::string::npos);
  CliRun j = Cli({"show", "--format", "json", std::to_string(id)});
  auto doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["evidence"].size(), 2u);
  EXPECT_EQ(doc["evidence"][1]["span_text"], "returned");
  CliRun missing = Cli({"show", "424242"});
  EXPECT_EQ(missing.code, 3);
  EXPECT_TRUE(OneLine(missing.err));
  EXPECT_EQ(Cli({"show", "abc"}).code, 2);
}

TEST_F(StoreCliTest, ExportWholeCorpusToFile) {
  std::string path = dir_.File("all.jsonl");
  CliRun r = Cli({"export", "--out", path});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::ifstream in(path);
  int n = 0;
  for (std::string l; std::getline(in, l); ++n) {
    auto j = nlohmann::json::parse(l);
    EXPECT_TRUE(j.contains("mention_id"));
    EXPECT_TRUE(j.contains("rule"));
  }
  EXPECT_EQ(n, 6);
  CliRun csv = Cli({"export", "--format", "csv"});
  EXPECT_EQ(csv.Lines().size(), 7u);
  EXPECT_EQ(Cli({"export", "--format", "table"}).code, 2);
}

}  // namespace
}  // namespace dragoman
