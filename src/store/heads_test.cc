// Schema version 4's event heads (store.cc kV3ToV4, query_where.h HeadsUsable): the queries that
// read the heads answer exactly what the general path answers, the marks stay right through
// replacements, and a version 3 file is upgraded in place.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <functional>
#include <sstream>

#include "store/query.h"
#include "store/report.h"
#include "store/test_corpus.h"

namespace dragoman {
namespace {

using testing::Actor;
using testing::AddEvent;
using testing::Doc;
using testing::TempDir;

int64_t Count(Store& s, const std::string& sql) {
  auto st = s.db().Prepare(sql);
  EXPECT_TRUE(st.ok()) << st.status().message();
  auto row = st->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return st->Int(0);
}

// More than the sample: several mentions of one event from several documents, undated events,
// month- and year-precise dates, events that do not count in a timeline (negated, planned).
std::vector<DocumentRecord> Corpus() {
  std::vector<DocumentRecord> docs = testing::SampleCorpus();
  for (int i = 0; i < 12; ++i) {
    std::string day = std::to_string(10 + i % 3);
    std::string date = i % 5 == 4     ? ""
                       : i % 7 == 6   ? "2023-06"
                       : i % 11 == 10 ? "2022"
                                      : "2023-05-" + day;
    DocumentRecord r =
        Doc("x" + std::to_string(i), date,
            {"Azerbaijan and Iran held talks on the border, report " + std::to_string(i) + ".",
             "Iran warned Azerbaijan over the drills."});
    AddEvent(r, 0, "held talks", Actor("AZEGOV", "Azerbaijan"), Actor("IRNGOV", "Iran"), "040",
             "CONSULT", 1.0 + 0.1 * i, "verbal_coop")
        .mood = i % 4 == 3 ? Mood::kIntended : Mood::kAsserted;
    AddEvent(r, 1, "warned", Actor("IRNGOV", "Iran"), Actor("AZEGOV", "Azerbaijan"), "138",
             "THREATEN", -7.0 + 0.01 * i, "verbal_conflict")
        .negated = i % 6 == 5;
    if (i % 2) r.doc.source = "Outlet " + std::to_string(i % 3);
    docs.push_back(std::move(r));
  }
  return docs;
}

// Every answer the heads can change, printed: event listings (whole, paged by cursor, limited)
// on a dyad, either direction, and with no filter; timelines by every period.
std::string Answers(Store& store) {
  std::ostringstream out;
  std::vector<EventFilter> filters(5);
  filters[0].dyad = std::make_pair("AZE", "IRN");
  filters[1].dyad = std::make_pair("irn", "AZEGOV");
  filters[1].directed = true;
  filters[3].dyad = std::make_pair("ARM", "AZE");
  filters[4].dyad = std::make_pair("AZE", "IRN");
  filters[4].limit = 4;
  for (const EventFilter& f : filters) {
    auto rows = QueryEvents(store, f);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    EventPrinter printer(out, ReportFormat::kJsonl, false);
    for (const StoredEvent& r : *rows) {
      EXPECT_TRUE(printer.Print(r).ok());
      out << r.mentions << ' ' << r.articles << ' ' << r.sources << '\n';
    }
    out << "--\n";
  }
  // Paging by cursor, three at a time, until the end.
  EventFilter page;
  page.dyad = std::make_pair("AZE", "IRN");
  page.limit = 3;
  for (int i = 0; i < 20; ++i) {
    auto rows = QueryEvents(store, page);
    EXPECT_TRUE(rows.ok());
    for (const StoredEvent& r : *rows) out << r.event_id << ':' << r.mention_id << ' ';
    if (rows->empty()) break;
    page.after = CursorOf(rows->back());
  }
  out << "\n";
  for (Period p : {Period::kDay, Period::kWeek, Period::kMonth, Period::kYear}) {
    for (bool all : {false, true}) {
      auto t = BuildTimeline(store, "aze", "IRN", p, all);
      EXPECT_TRUE(t.ok()) << t.status().message();
      out << TimelineToJson(*t).dump() << '\n';
    }
  }
  return out.str();
}

// Takes a version 4 file back to version 3 as an older dragoman wrote it.
void MakeVersion3(const std::string& path) {
  auto db = sql::Db::Open(path, sql::Db::Mode::kReadWrite);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)
                  ->Exec("DROP INDEX events_heads; DROP INDEX events_odd; "
                         "ALTER TABLE events DROP COLUMN head; ALTER TABLE events DROP COLUMN odd; "
                         "PRAGMA user_version = 3")
                  .ok());
}

// The answers of the general path: the same rows in a version 3 copy, read as it is.
std::string GeneralAnswers(const TempDir& dir, Store& store, const std::string& name) {
  std::string copy = dir.File(name);
  EXPECT_TRUE(store.db().Exec("VACUUM INTO '" + copy + "'").ok());
  MakeVersion3(copy);
  auto old = Store::Open(copy, Store::OpenMode::kReadOnly);
  EXPECT_TRUE(old.ok()) << old.status().message();
  EXPECT_EQ(Count(**old, "PRAGMA user_version"), 3);
  return Answers(**old);
}

// Every event has exactly one head, its lowest mention id, and `odd` marks exactly the mentions
// whose actors differ from their head's.
void ExpectMarksRight(Store& s) {
  EXPECT_EQ(Count(s, "SELECT count(*) FROM events WHERE head = 1"),
            Count(s, "SELECT count(DISTINCT grp) FROM events"));
  EXPECT_EQ(Count(s,
                  "SELECT count(*) FROM events e WHERE head = 1 AND id <> "
                  "(SELECT min(id) FROM events WHERE grp = e.grp)"),
            0);
  EXPECT_EQ(Count(s,
                  "SELECT count(*) FROM events e JOIN events h ON h.grp = e.grp AND h.head = 1 "
                  "WHERE e.odd IS NOT (e.head = 0 AND (h.source IS NOT e.source OR "
                  "h.source_country IS NOT e.source_country OR h.target IS NOT e.target OR "
                  "h.target_country IS NOT e.target_country))"),
            0);
}

TEST(HeadsTest, HeadsAnswerWhatTheGeneralPathAnswers) {
  TempDir dir;
  auto s = Store::Open(dir.File("h.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(s.ok());
  Store& store = **s;
  ASSERT_TRUE(store.PutBatch(Corpus()).ok());
  ExpectMarksRight(store);
  EXPECT_EQ(Count(store, "SELECT count(*) FROM events WHERE odd = 1"), 0);
  EXPECT_GT(Count(store, "SELECT count(*) FROM events WHERE head = 0"), 5);
  std::string heads = Answers(store);
  EXPECT_EQ(heads, GeneralAnswers(dir, store, "general.db"));
  EXPECT_NE(heads.find("\"periods\":[{"), std::string::npos);  // not an empty comparison
}

// Replacing documents deletes mentions, heads among them: the next mention becomes the head.
TEST(HeadsTest, ReplacingADocumentMovesTheHead) {
  TempDir dir;
  auto s = Store::Open(dir.File("r.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(s.ok());
  Store& store = **s;
  std::vector<DocumentRecord> docs = Corpus();
  ASSERT_TRUE(store.PutBatch(docs).ok());
  // x0 holds the heads of the 2023-05-10 events; x3 and x6 other heads and mentions.
  std::vector<DocumentRecord> again;
  for (const char* id : {"x0", "x3", "x6"}) {
    DocumentRecord r = Doc(id, "2023-05-12", {"Nothing happened today."});
    again.push_back(r);
  }
  auto out = store.PutBatch(again);
  ASSERT_TRUE(out.ok()) << out.status().message();
  EXPECT_EQ((*out)[0], PutOutcome::kReplaced);
  ExpectMarksRight(store);
  EXPECT_EQ(Answers(store), GeneralAnswers(dir, store, "general.db"));
}

// A mention whose actors differ from its event's head (same codes, another country) turns the
// heads path off: the answers stay those of the general path.
TEST(HeadsTest, AnOddMentionTurnsTheHeadsOff) {
  TempDir dir;
  auto s = Store::Open(dir.File("o.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(s.ok());
  Store& store = **s;
  std::vector<DocumentRecord> docs = Corpus();
  DocumentRecord r = Doc("odd", "2023-05-10", {"Azerbaijan and Iran held talks on the border."});
  ActorRef source = Actor("AZEGOV", "Azerbaijan");
  source.country = "ARM";  // the same code in another country: the same event group
  AddEvent(r, 0, "held talks", source, Actor("IRNGOV", "Iran"), "040", "CONSULT", 1.0,
           "verbal_coop");
  docs.push_back(r);
  ASSERT_TRUE(store.PutBatch(docs).ok());
  ExpectMarksRight(store);
  EXPECT_EQ(Count(store, "SELECT count(*) FROM events WHERE odd = 1"), 1);
  EXPECT_EQ(Answers(store), GeneralAnswers(dir, store, "general.db"));
  // Replaced by a document without it, the odd mention is gone and so is the mark.
  ASSERT_TRUE(store.PutBatch({Doc("odd", "2023-05-10", {"Quiet."})}).ok());
  ExpectMarksRight(store);
  EXPECT_EQ(Count(store, "SELECT count(*) FROM events WHERE odd = 1"), 0);
}

// A version 3 file is read as it is (general path) and upgraded in place when opened for writing:
// marks set on the stored rows, the index built, every answer the same.
TEST(HeadsTest, VersionThreeFileIsUpgraded) {
  TempDir dir;
  std::string path = dir.File("v3.db");
  {
    auto s = Store::Open(path, Store::OpenMode::kCreate);
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->PutBatch(Corpus()).ok());
  }
  MakeVersion3(path);
  std::string before;
  {
    auto ro = Store::Open(path, Store::OpenMode::kReadOnly);
    ASSERT_TRUE(ro.ok()) << ro.status().message();
    EXPECT_EQ(Count(**ro, "PRAGMA user_version"), 3);
    before = Answers(**ro);
  }
  auto s = Store::Open(path, Store::OpenMode::kExisting);
  ASSERT_TRUE(s.ok()) << s.status().message();
  Store& store = **s;
  EXPECT_EQ(Count(store, "PRAGMA user_version"), kStoreSchemaVersion);
  EXPECT_EQ(Count(store, "SELECT count(*) FROM sqlite_master WHERE name = 'events_heads'"), 1);
  ExpectMarksRight(store);
  EXPECT_EQ(Answers(store), before);
  // Ingest goes on marking new mentions.
  ASSERT_TRUE(
      store.PutBatch({Doc("late", "2023-05-11", {"Azerbaijan and Iran held talks."})}).ok());
  ExpectMarksRight(store);
}

// The heads path reads the heads' index in result order and stops at the page: its plan neither
// scans the events table nor sorts the dyad's events.
TEST(HeadsTest, APageOfADyadReadsTheHeadsIndex) {
  TempDir dir;
  auto s = Store::Open(dir.File("p.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(s.ok());
  Store& store = **s;
  ASSERT_TRUE(store.PutBatch(Corpus()).ok());
  static std::vector<std::string>* captured = nullptr;
  std::vector<std::string> sqls;
  captured = &sqls;
  sqlite3_trace_v2(
      store.db().raw(), SQLITE_TRACE_STMT,
      [](unsigned, void*, void* stmt, void*) {
        const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
        if (sql && captured) captured->push_back(sql);
        return 0;
      },
      nullptr);
  EventFilter f;
  f.dyad = std::make_pair("AZE", "IRN");
  f.limit = 5;
  ASSERT_TRUE(QueryEvents(store, f).ok());
  ASSERT_TRUE(BuildTimeline(store, "AZE", "IRN", Period::kMonth, false).ok());
  sqlite3_trace_v2(store.db().raw(), 0, nullptr, nullptr);
  captured = nullptr;
  int with_heads = 0;
  for (const std::string& sql : sqls) {
    if (sql.find("INDEXED BY events_heads") == std::string::npos) continue;
    ++with_heads;
    auto plan = store.db().Prepare("EXPLAIN QUERY PLAN " + sql);
    ASSERT_TRUE(plan.ok()) << plan.status().message();
    std::string all;
    while (*plan->Step()) {
      std::string detail = plan->Text(3);
      all += detail + "\n";
      bool scans_table = (detail.rfind("SCAN e", 0) == 0 || detail.rfind("SCAN x", 0) == 0) &&
                         detail.find("INDEX") == std::string::npos;
      EXPECT_FALSE(scans_table) << detail;
    }
    EXPECT_NE(all.find("INDEX events_heads"), std::string::npos) << all;
  }
  EXPECT_EQ(with_heads, 3);  // the page, the dated and the undated heads of the timeline
}

}  // namespace
}  // namespace dragoman
