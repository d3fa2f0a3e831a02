#include "store/query.h"

#include <gtest/gtest.h>
#include <set>
#include <sqlite3.h>

#include "store/report.h"
#include "store/test_corpus.h"

namespace dragoman {
namespace {

using testing::Actor;
using testing::AddEvent;
using testing::Doc;
using testing::TempDir;

// A small corpus: AZE-IRN events in 2021, 2024 and 2025, an ARM-AZE event, a negated one.
class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = Store::Open(dir_.File("q.db"), Store::OpenMode::kCreate);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(s).value();

    auto r = store_->PutBatch(testing::SampleCorpus());
    ASSERT_TRUE(r.ok()) << r.status().message();
  }

  std::vector<StoredEvent> Query(const EventFilter& f) {
    auto rows = QueryEvents(*store_, f);
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? *rows : std::vector<StoredEvent>{};
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

// The SQL statements a callback-driven query prepares, captured through SQLite's trace hook.
std::vector<std::string> CapturedSql(Store& store, const std::function<void()>& run) {
  static std::vector<std::string>* captured = nullptr;
  std::vector<std::string> out;
  captured = &out;
  sqlite3_trace_v2(
      store.db().raw(), SQLITE_TRACE_STMT,
      [](unsigned, void*, void* stmt, void*) {
        const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(stmt));
        if (sql && captured) captured->push_back(sql);
        return 0;
      },
      nullptr);
  run();
  sqlite3_trace_v2(store.db().raw(), 0, nullptr, nullptr);
  captured = nullptr;
  return out;
}

// Issue 14: every filter the CLI offers is answered from indexes. The plan of every events query
// may read the events table's rows only by id (SEARCH); it never scans them, and no subquery
// runs once per row.
TEST_F(QueryTest, EveryFilterIsAnsweredFromIndexes) {
  std::vector<std::pair<std::string, EventFilter>> filters;
  auto add = [&](const std::string& name, auto set) {
    for (bool mentions : {false, true}) {
      EventFilter f;
      f.mentions = mentions;
      set(f);
      filters.emplace_back(name + (mentions ? " --mentions" : ""), f);
    }
  };
  add("none", [](EventFilter&) {});
  add("--dyad", [](EventFilter& f) { f.dyad = std::make_pair("AZE", "IRNGOV"); });
  add("--directed", [](EventFilter& f) {
    f.dyad = std::make_pair("AZE", "IRN");
    f.directed = true;
  });
  add("--actor", [](EventFilter& f) { f.actor = "Amir"; });
  add("--type plover", [](EventFilter& f) { f.type = "CONSULT"; });
  add("--type cameo", [](EventFilter& f) { f.type = "04"; });
  add("--since/--until", [](EventFilter& f) {
    f.since = PartialDate{2024, 1, 1};
    f.until = PartialDate{2025, 0, 0};
  });
  add("--negated", [](EventFilter& f) { f.negated_only = true; });
  add("--location", [](EventFilter& f) { f.location = "Tehran"; });
  add("--text", [](EventFilter& f) { f.text = "nationals"; });
  add("all", [](EventFilter& f) {
    f.dyad = std::make_pair("AZE", "IRN");
    f.actor = "Baku";
    f.type = "AID";
    f.since = PartialDate{2020, 0, 0};
    f.negated_only = false;
    f.location = "IRN";
    f.text = "returned";
  });
  for (const auto& [name, f] : filters) {
    size_t rows = 0;
    std::vector<std::string> sqls = CapturedSql(*store_, [&] { rows = Query(f).size(); });
    // The keys of the rows (`WITH m AS`), then per chunk of rows their JSON and documents and the
    // counts of their events (`json_each`).
    std::string plans;
    int statements = 0;
    for (const auto& q : sqls) {
      if (q.rfind("WITH m AS", 0) != 0 && q.find("json_each") == std::string::npos) continue;
      ++statements;
      auto plan = store_->db().Prepare("EXPLAIN QUERY PLAN " + q);
      ASSERT_TRUE(plan.ok()) << plan.status().message();
      while (true) {
        auto row = plan->Step();
        ASSERT_TRUE(row.ok());
        if (!*row) break;
        std::string detail = plan->Text(3);
        plans += detail + "\n";
        // Every read of events goes through an index: a search, or a scan of a covering index.
        bool reads_events = detail.rfind("SCAN e", 0) == 0 || detail.rfind("SCAN x", 0) == 0 ||
                            detail.rfind("SEARCH e", 0) == 0 || detail.rfind("SEARCH x", 0) == 0;
        if (reads_events) {
          EXPECT_TRUE(detail.find("INDEX") != std::string::npos ||
                      detail.find("PRIMARY KEY") != std::string::npos)
              << name << ": " << detail;
        }
        EXPECT_EQ(detail.find("CORRELATED"), std::string::npos) << name << ": " << detail;
        // Only --actor reads actor_mentions: once (a list, not per row). Its name and surface
        // text are matched as substrings, which no B-tree index can search; the table is narrow.
        if (detail.find("actor_mentions") != std::string::npos) {
          EXPECT_FALSE(f.actor.empty()) << name << ": " << detail;
        }
        // The rows are read in the keys' order: nothing that carries their JSON is sorted.
        if (q.find("json_each") != std::string::npos) {
          EXPECT_EQ(detail.find("ORDER BY"), std::string::npos) << name << ": " << detail;
        }
      }
    }
    // The keys; then, when rows matched, the rows and the counts of their events.
    EXPECT_EQ(statements, rows > 0 ? 3 : 1) << name << ":\n" << plans;
    if (rows > 0) {
      EXPECT_NE(plans.find("events_grp"), std::string::npos) << name << ":\n" << plans;
      EXPECT_NE(plans.find("SEARCH e USING INTEGER PRIMARY KEY"), std::string::npos)
          << name << ":\n" << plans;
    }
    // The filter's own index (a dyad alone, listed by event, walks the heads' index; --actor
    // reads its list of mention ids, then each by id).
    const bool heads = !f.mentions && f.actor.empty() && f.location.empty() && f.type.empty() &&
                       !f.negated_only && f.text.empty() && !f.since && !f.until;
    const char* index = heads                ? "INDEX events_heads"
                        : !f.actor.empty()   ? "SEARCH e USING INTEGER PRIMARY KEY"
                        : !f.text.empty()    ? "SCAN sentence_fts VIRTUAL TABLE"
                        : f.since && !f.dyad ? "INDEX events_day"
                                             : "INDEX events_filter";
    // A filter no index can search scans a covering index: events_filter, or events_source,
    // which holds the same columns.
    const bool found = plans.find(index) != std::string::npos ||
                       (std::string(index) == "INDEX events_filter" &&
                        plans.find("SCAN e USING COVERING INDEX events_source") != std::string::npos);
    EXPECT_TRUE(found) << name << ":\n" << plans;
    // A dyad, unless another filter's index leads, is searched: the countries in events_filter,
    // the code prefixes as a range of events_source (schema 6), never a scan of either.
    if (f.dyad && !heads && f.actor.empty() && f.text.empty()) {
      EXPECT_NE(plans.find("SEARCH e USING COVERING INDEX events_filter (source_country=?)"),
                std::string::npos)
          << name << ":\n" << plans;
      EXPECT_NE(plans.find("SEARCH e USING COVERING INDEX events_source (source>? AND source<?)"),
                std::string::npos)
          << name << ":\n" << plans;
      EXPECT_EQ(plans.find("SCAN e"), std::string::npos) << name << ":\n" << plans;
    }
  }
}

// Issue 12 row 12: export took 30 s on 3,000 documents because its cost grew with the square of
// the mentions per event. Counted in SQLite virtual-machine instructions, which do not depend on
// the machine: four times the mentions of one event costs about four times as much, not sixteen.
TEST(QueryCostTest, Issue12Row12ExportIsLinearInMentionsPerEvent) {
  auto cost = [](int mentions) -> double {
    TempDir dir;
    auto s = Store::Open(dir.File("e.db"), Store::OpenMode::kCreate);
    EXPECT_TRUE(s.ok());
    std::vector<DocumentRecord> docs;
    for (int i = 0; i < mentions; ++i) {
      DocumentRecord r = Doc("d" + std::to_string(i), "2025-02-04",
                             {"Baku returned Iranian nationals, report " + std::to_string(i) + "."});
      r.doc.source = "outlet " + std::to_string(i % 7);
      AddEvent(r, 0, "returned", Actor("AZEGOV", "Baku"), Actor("IRNCVL", "Iranian nationals"),
               "0861", "AID", 7.0, "material_coop");
      docs.push_back(std::move(r));
    }
    EXPECT_TRUE((*s)->PutBatch(docs).ok());
    static int64_t ops = 0;
    ops = 0;
    sqlite3_progress_handler(
        (*s)->db().raw(), 100,
        [](void*) {
          ++ops;
          return 0;
        },
        nullptr);
    EventFilter all;
    all.mentions = true;
    int rows = 0, counted = 0;
    EXPECT_TRUE(ForEachEvent(**s, all, [&](const StoredEvent& r) {
                  ++rows;
                  counted = r.mentions;
                  return Status::Ok();
                }).ok());
    sqlite3_progress_handler((*s)->db().raw(), 0, nullptr, nullptr);
    EXPECT_EQ(rows, mentions);
    EXPECT_EQ(counted, mentions);  // one real-world event
    return static_cast<double>(ops);
  };
  double small = cost(150), large = cost(600);
  EXPECT_LT(large / small, 6.0) << small << " vs " << large << " (quadratic would be ~16)";
}

// The JSONL printer writes the stored line with the extra fields, exactly what serialising the
// parsed event gives.
TEST_F(QueryTest, StoredJsonLinesMatchTheParsedEvents) {
  EventFilter f;
  f.mentions = true;
  for (const StoredEvent& r : Query(f)) {
    std::string fast;
    AppendStoredEventJson(r, &fast);
    EXPECT_EQ(fast, StoredEventToJson(r).dump(-1, ' ', false, Json::error_handler_t::replace));
    StoredEvent unparsed = r;
    unparsed.json.clear();
    std::string from_event;
    AppendStoredEventJson(unparsed, &from_event);
    EXPECT_EQ(from_event, fast);
  }
}

TEST_F(QueryTest, AllEventsGroupedInDateOrder) {
  auto rows = Query({});
  ASSERT_EQ(rows.size(), 5u);  // the two "returned" mentions are one event
  EXPECT_EQ(rows[0].event.cameo, "112");
  EXPECT_EQ(rows[2].event.cameo, "043");
  const StoredEvent& aid = rows[3];
  EXPECT_EQ(aid.event.cameo, "0861");
  EXPECT_EQ(aid.mentions, 2);
  EXPECT_EQ(aid.articles, 2);
  EXPECT_EQ(aid.sources, 2);
  EXPECT_EQ(rows[2].url, "https://example.org/b");
  EXPECT_EQ(rows[2].added.size(), 20u);
}

TEST_F(QueryTest, MentionsModeListsEveryMention) {
  EventFilter f;
  f.mentions = true;
  EXPECT_EQ(Query(f).size(), 6u);
}

TEST_F(QueryTest, DyadIsUndirectedUnlessAskedAndMatchesOnlyThatPair) {
  EventFilter f;
  f.dyad = std::make_pair("AZE", "IRN");
  auto rows = Query(f);
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& r : rows) {
    std::string s = r.event.source->country, t = r.event.target->country;
    EXPECT_TRUE((s == "AZE" && t == "IRN") || (s == "IRN" && t == "AZE")) << s << "-" << t;
  }
  f.directed = true;
  EXPECT_EQ(Query(f).size(), 3u);
  f.dyad = std::make_pair("azegov", "IRNCVL");  // codes, any case
  EXPECT_EQ(Query(f).size(), 1u);
}

// A dyad is matched as disjoint branches, each searched in its own index (query_where.cc,
// AndDyad). They must list what the whole condition lists, each mention once: codes whose
// country is not their prefix, mentions that match both directions, a missing target, selectors
// that are whole codes, empty, or end in a 0xFF byte. The expected rows are worked out here, in C++.
TEST(DyadBranchesTest, ListWhatTheWholeConditionListsOnce) {
  TempDir dir;
  auto s = Store::Open(dir.File("d.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto actor = [](std::string code, std::string country) {
    auto a = Actor(std::move(code), "someone");
    a.country = std::move(country);
    return a;
  };
  struct Pair {
    ActorRef source, target;
    bool no_target;
  };
  const std::vector<Pair> pairs = {
      {actor("AZEGOV", "AZE"), actor("IRNGOV", "IRN"), false},
      {actor("AZEREB", "ARM"), actor("IRNCVL", "IRN"), false},  // code prefix, other country
      {actor("IRNGOV", "AZE"), actor("AZEGOV", "IRN"), false},  // both directions at once
      {actor("AZEGOV", "AZE"), actor("AZEMIL", "AZE"), false},  // both sides AZE
      {actor("ARMGOV", "IRN"), actor("XYZ", "AZE"), false},     // countries only
      {actor("IRNGOV", "IRN"), actor("AZEGOV", "AZE"), true},   // no target
  };
  std::vector<DocumentRecord> docs;
  for (size_t i = 0; i < pairs.size(); ++i) {
    DocumentRecord r = Doc("d" + std::to_string(i), "2025-02-0" + std::to_string(i + 1),
                           {"Someone met someone.", "Someone met someone again."});
    for (int k = 0; k < 2; ++k) {
      Event& e = AddEvent(r, k, "met", pairs[i].source, pairs[i].target, "040", "CONSULT", 1.0,
                          "verbal_coop");
      if (pairs[i].no_target) e.target.reset();
    }
    docs.push_back(std::move(r));
  }
  ASSERT_TRUE((*s)->PutBatch(docs).ok());
  EventFilter all;
  all.mentions = true;
  auto every = QueryEvents(**s, all);
  ASSERT_TRUE(every.ok());
  ASSERT_EQ(every->size(), 2 * pairs.size());
  auto side = [](const std::optional<ActorRef>& a, const std::string& sel) {
    return a && (a->country == sel || a->code.rfind(sel, 0) == 0);
  };
  const std::vector<std::pair<std::string, std::string>> dyads = {
      {"AZE", "IRN"}, {"IRN", "AZE"}, {"AZE", "AZE"}, {"AZEGOV", "IRNGOV"},
      {"AZ", "IR"},   {"AZ\xff", "IRN"}, {"", "IRN"}, {"ZZZ", "IRN"}};
  for (const auto& [a, b] : dyads) {
    for (bool directed : {false, true}) {
      for (bool mentions : {true, false}) {
        EventFilter f;
        f.dyad = std::make_pair(a, b);
        f.directed = directed;
        f.mentions = mentions;
        std::vector<int64_t> want;
        std::set<int64_t> events;
        for (const auto& r : *every) {
          const Event& e = r.event;
          bool match = (side(e.source, a) && side(e.target, b)) ||
                       (!directed && side(e.source, b) && side(e.target, a));
          if (match && (mentions || events.insert(r.event_id).second)) {
            want.push_back(mentions ? r.mention_id : r.event_id);
          }
        }
        auto got = QueryEvents(**s, f);
        ASSERT_TRUE(got.ok()) << got.status().message();
        std::vector<int64_t> ids;
        for (const auto& r : *got) ids.push_back(mentions ? r.mention_id : r.event_id);
        EXPECT_EQ(ids, want) << a << "," << b << (directed ? " directed" : "")
                             << (mentions ? " mentions" : "");
      }
    }
  }
}

TEST_F(QueryTest, HostileFilterValuesAreJustValues) {
  EventFilter f;
  f.dyad = std::make_pair("AZE'; DROP TABLE events;--", "IRN");
  EXPECT_TRUE(Query(f).empty());
  EventFilter g;
  g.actor = "x') OR 1=1 --";
  g.location = "'; DELETE FROM documents; --";
  g.type = "' OR '1'='1";
  EXPECT_TRUE(Query(g).empty());
  EventFilter h;
  h.text = "\"unbalanced";  // FTS5 syntax error is a usage error, not a crash
  auto bad = QueryEvents(*store_, h);
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(store_->Stats()->mentions, 6);
  EXPECT_EQ(store_->Stats()->documents, 4);
}

TEST_F(QueryTest, ActorByCodeOrName) {
  EventFilter f;
  f.actor = "amir-abdollahian";
  auto rows = Query(f);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].event.cameo, "112");
  f.actor = "ARM";
  EXPECT_EQ(Query(f).size(), 1u);
  f.actor = "IRNCVL";
  EXPECT_EQ(Query(f).size(), 1u);
}

TEST_F(QueryTest, TypeByPloverCameoPrefixOrQuad) {
  EventFilter f;
  f.type = "consult";
  EXPECT_EQ(Query(f).size(), 1u);
  f.type = "08";
  EXPECT_EQ(Query(f).size(), 1u);
  f.type = "1";
  EXPECT_EQ(Query(f).size(), 2u);
  f.type = "verbal_conflict";
  EXPECT_EQ(Query(f).size(), 2u);
}

TEST_F(QueryTest, DateRangeCoversWholePartialPeriods) {
  EventFilter f;
  f.since = PartialDate::Parse("2024");
  f.until = PartialDate::Parse("2024");
  EXPECT_EQ(Query(f).size(), 1u);
  f.since = PartialDate::Parse("2025-01-21");
  f.until.reset();
  EXPECT_EQ(Query(f).size(), 1u);  // the AID event, through its second mention
  f.until = PartialDate::Parse("2021-12");
  EXPECT_TRUE(Query(f).empty());
}

TEST_F(QueryTest, NegatedLocationAndText) {
  EventFilter f;
  f.negated_only = true;
  auto rows = Query(f);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].event.cameo, "057");
  EventFilter g;
  g.location = "tehran";
  EXPECT_EQ(Query(g).size(), 1u);
  g.location = "irn";
  EXPECT_EQ(Query(g).size(), 1u);
  EventFilter h;
  h.text = "consular access";
  EXPECT_EQ(Query(h).size(), 1u);
  h.text = "Iran's";  // punctuation inside a word is not query syntax
  EXPECT_EQ(Query(h).size(), 1u);
}

TEST_F(QueryTest, LimitCapsRows) {
  EventFilter f;
  f.limit = 2;
  EXPECT_EQ(Query(f).size(), 2u);
}

TEST(FtsQueryTest, QuotesPlainWordsAndPassesSyntax) {
  EXPECT_EQ(FtsQuery("consular access"), "\"consular\" \"access\"");
  EXPECT_EQ(FtsQuery("U.S. \"x"), "U.S. \"x");  // contains a quote: user syntax
  EXPECT_EQ(FtsQuery("Baku OR Tehran"), "Baku OR Tehran");
  EXPECT_EQ(FtsQuery("  "), "");
}

TEST(PeriodTest, Labels) {
  EXPECT_EQ(PeriodLabel("2025-02-04", Period::kYear), "2025");
  EXPECT_EQ(PeriodLabel("2025-02-04", Period::kMonth), "2025-02");
  EXPECT_EQ(PeriodLabel("2025-02-04", Period::kDay), "2025-02-04");
  EXPECT_EQ(PeriodLabel("2025-02-04", Period::kWeek), "2025-W06");
  EXPECT_EQ(PeriodLabel("2021-01-01", Period::kWeek), "2020-W53");  // ISO year of its Thursday
  EXPECT_EQ(PeriodLabel("2024-12-30", Period::kWeek), "2025-W01");
  EXPECT_EQ(PeriodLabel("2025", Period::kMonth), "");
  EXPECT_EQ(PeriodLabel("2025-02", Period::kWeek), "");
  EXPECT_EQ(PeriodLabel("", Period::kYear), "");
  EXPECT_FALSE(ParsePeriod("fortnight"));
  EXPECT_EQ(ParsePeriod("week"), Period::kWeek);
}

TEST_F(QueryTest, TimelineByYearAndDirection) {
  auto t = BuildTimeline(*store_, "aze", "IRN", Period::kYear, false);
  ASSERT_TRUE(t.ok()) << t.status().message();
  ASSERT_EQ(t->cells.size(), 4u);
  EXPECT_EQ(t->cells[0].period, "2021");
  EXPECT_TRUE(t->cells[0].a_to_b);  // AZE -> IRN (REJECT)
  EXPECT_EQ(t->cells[0].by_plover.at("REJECT"), 1);
  EXPECT_EQ(t->cells[1].period, "2021");
  EXPECT_FALSE(t->cells[1].a_to_b);  // IRN -> AZE (ACCUSE)
  EXPECT_DOUBLE_EQ(t->cells[1].goldstein_sum, -2.0);
  EXPECT_EQ(t->cells[1].quads[2], 1);
  EXPECT_EQ(t->cells[2].period, "2024");
  EXPECT_EQ(t->cells[3].period, "2025");
  EXPECT_EQ(t->cells[3].events, 1);  // two mentions, one event
  EXPECT_DOUBLE_EQ(t->cells[3].goldstein_mean(), 7.0);
}

TEST_F(QueryTest, TimelineLeavesOutNegatedUnlessAll) {
  auto t = BuildTimeline(*store_, "ARM", "AZE", Period::kMonth, false);
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t->cells.empty());
  t = BuildTimeline(*store_, "ARM", "AZE", Period::kMonth, true);
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->cells.size(), 1u);
  EXPECT_EQ(t->cells[0].period, "2025-01");
}

TEST_F(QueryTest, ActorsWithRolesAndDates) {
  auto all = ListActors(*store_, "");
  ASSERT_TRUE(all.ok());
  auto irn = ListActors(*store_, "irn");
  ASSERT_TRUE(irn.ok());
  ASSERT_FALSE(irn->empty());
  bool found = false;
  for (const auto& a : *irn) {
    EXPECT_EQ(a.country, "IRN");
    if (a.name == "Hossein Amir-Abdollahian") {
      found = true;
      EXPECT_EQ(a.code, "IRNGOV");
      EXPECT_EQ(a.first, "2021-10-04");
      EXPECT_EQ(a.roles, "source");
    }
  }
  EXPECT_TRUE(found);
  auto aze = ListActors(*store_, "AZE");
  ASSERT_TRUE(aze.ok());
  ASSERT_EQ(aze->size(), 1u);  // AZEGOV, unnamed
  EXPECT_EQ((*aze)[0].first, "2021-10-04");
  EXPECT_EQ((*aze)[0].last, "2025-01-21");
  EXPECT_LT(all->size(), 10u);
}

TEST_F(QueryTest, SearchHighlightsAndListsEvents) {
  auto hits = Search(*store_, "consular access", "[", "]", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].doc, "b");
  EXPECT_NE((*hits)[0].highlighted.find("[consular] [access]"), std::string::npos)
      << (*hits)[0].highlighted;
  ASSERT_EQ((*hits)[0].events.size(), 1u);
  EXPECT_EQ((*hits)[0].events[0].cameo, "043");
  auto none = Search(*store_, "zeppelin", "[", "]", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  // Sentences without events are searchable too.
  auto plain = Search(*store_, "treaty", "[", "]", 10);
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain->size(), 1u);
}

// Issue 12 row 3: the query cost grows faster than the number of terms, so the terms (operators
// aside) and bytes are bounded; within the limits the query runs.
TEST_F(QueryTest, Issue12Row3QueryLimits) {
  std::string words;
  for (int i = 0; i < 40; ++i) words += "w" + std::to_string(i) + " OR ";
  words += "treaty";
  auto many = Search(*store_, words, "[", "]", 10);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(many.status().message(),
            "search query has 41 words; at most 32 are allowed (--max-query-terms)");
  QueryLimits wide;
  wide.max_terms = 64;
  auto ok = Search(*store_, words, "[", "]", 10, wide);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->size(), 1u);
  EXPECT_FALSE(CheckQueryLimits(std::string(2000, 'x'), {}).ok());
  EventFilter f;
  f.text = words;
  EXPECT_EQ(ForEachEvent(*store_, f, [](const StoredEvent&) { return Status::Ok(); }).code(),
            Status::Code::kInvalidArgument);
}

// Found by fuzz/fts_fuzz (kept in fuzz/corpus/fts_fuzz/regress-fuzz-query-error-spans-lines.txt):
// a bad query holding a newline made a two-line error.
TEST_F(QueryTest, BadQueryErrorIsOneLine) {
  auto bad = Search(*store_, "\"unbalanced\nquote", "[", "]", 10);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(bad.status().message().find('\n'), std::string::npos) << bad.status().message();
}

TEST_F(QueryTest, ShowGivesEveryMentionWithItsSpan) {
  EventFilter f;
  f.type = "AID";
  auto rows = Query(f);
  ASSERT_EQ(rows.size(), 1u);
  auto ev = ShowEvent(*store_, rows[0].event_id);
  ASSERT_TRUE(ev.ok()) << ev.status().message();
  ASSERT_EQ(ev->mentions.size(), 2u);
  EXPECT_EQ(ev->articles, 2);
  EXPECT_EQ(ev->sources, 2);
  EXPECT_EQ(ev->mentions[0].span_text, "returned");
  EXPECT_EQ(ev->mentions[0].event.doc, "c");
  EXPECT_EQ(ev->mentions[1].event.doc, "d");
  auto missing = ShowEvent(*store_, 9999);
  EXPECT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
}

// Paging by cursor gives exactly the full listing, page after page, in both modes; an undated
// event (sorted last) is paged too.
TEST_F(QueryTest, CursorPagingEqualsTheFullListing) {
  DocumentRecord undated = testing::Doc("u", "", {"Iran thanked Azerbaijan."});
  testing::AddEvent(undated, 0, "thanked", Actor("IRNGOV", "Iran"), Actor("AZEGOV", "Azerbaijan"),
                    "051", "COOPERATE", 3.4, "verbal_coop");
  ASSERT_TRUE(store_->PutBatch({undated}).ok());
  for (bool mentions : {false, true}) {
    EventFilter all;
    all.mentions = mentions;
    auto full = Query(all);
    ASSERT_EQ(full.size(), mentions ? 7u : 6u);
    EXPECT_FALSE(full.back().day.has_value());
    EXPECT_TRUE(full.front().day.has_value());
    for (int64_t page : {1, 2, 4}) {
      EventFilter f = all;
      f.limit = page;
      std::vector<StoredEvent> paged;
      for (int guard = 0; guard < 20; ++guard) {
        auto rows = Query(f);
        paged.insert(paged.end(), rows.begin(), rows.end());
        if (static_cast<int64_t>(rows.size()) < page) break;
        f.after = CursorOf(rows.back());
      }
      ASSERT_EQ(paged.size(), full.size()) << "page " << page;
      for (size_t i = 0; i < full.size(); ++i) {
        EXPECT_EQ(paged[i].mention_id, full[i].mention_id) << "page " << page << " row " << i;
      }
    }
  }
}

TEST_F(QueryTest, DyadsCountRealWorldEventsPerDirectedCountryPair) {
  auto dyads = ListDyads(*store_, {}, 0);
  ASSERT_TRUE(dyads.ok()) << dyads.status().message();
  // AZE->IRN: reject, consult, aid (two mentions, one event); IRN->AZE: accuse; ARM->AZE: agree.
  ASSERT_EQ(dyads->size(), 3u);
  EXPECT_EQ((*dyads)[0].source, "AZE");
  EXPECT_EQ((*dyads)[0].target, "IRN");
  EXPECT_EQ((*dyads)[0].events, 3);
  EXPECT_DOUBLE_EQ((*dyads)[0].goldstein_sum, -5.0 + 2.8 + 7.0);
  EventFilter f;
  f.since = PartialDate::Parse("2025");
  dyads = ListDyads(*store_, f, 1);
  ASSERT_TRUE(dyads.ok());
  ASSERT_EQ(dyads->size(), 1u);
  EXPECT_EQ((*dyads)[0].events, 1);
  f = {};
  f.text = "\"unbalanced";
  EXPECT_EQ(ListDyads(*store_, f, 0).status().code(), Status::Code::kInvalidArgument);
}

TEST_F(QueryTest, DocumentWithSentencesAndEventSpans) {
  auto d = GetDocument(*store_, "c");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->date, "2025-01-20");
  ASSERT_EQ(d->sentences.size(), 2u);
  EXPECT_EQ(d->text.substr(d->sentences[1].begin, 7), "Armenia");
  ASSERT_EQ(d->events.size(), 2u);
  const Event& first = d->events[0].event;
  EXPECT_EQ(d->text.substr(first.span_begin, first.span_end - first.span_begin), "returned");
  EXPECT_EQ(d->text.substr(first.source->begin, first.source->end - first.source->begin),
            "Azerbaijan");
  EXPECT_GT(d->events[0].event_id, 0);
  EXPECT_EQ(GetDocument(*store_, "nope").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(GetDocument(*store_, "c' OR '1'='1").status().code(), Status::Code::kNotFound);
}

TEST_F(QueryTest, DataVersionChangesWhenAnotherConnectionCommits) {
  auto before = DataVersion(*store_);
  ASSERT_TRUE(before.ok()) << before.status().message();
  EXPECT_EQ(*DataVersion(*store_), *before);
  auto other = Store::Open(store_->path(), Store::OpenMode::kExisting);
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->PutBatch({testing::Doc("z", "2025-02-02", {"Nothing happened."})}).ok());
  auto after = DataVersion(*store_);
  ASSERT_TRUE(after.ok());
  EXPECT_NE(*after, *before);
}

}  // namespace
}  // namespace dragoman
