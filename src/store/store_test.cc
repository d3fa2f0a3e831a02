#include "store/store.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "store/query.h"
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
  EXPECT_TRUE(row.ok() && *row);
  return st->Int(0);
}

DocumentRecord Visit(const std::string& id, const std::string& date) {
  DocumentRecord r = Doc(id, date,
                         {"Azerbaijan's foreign minister met his Iranian counterpart in Baku.",
                          "The two ministers discussed transport links."});
  AddEvent(r, 0, "met", Actor("AZEGOV", "Azerbaijan's foreign minister"),
           Actor("IRNGOV", "his Iranian counterpart"), "043", "CONSULT", 2.8, "verbal_coop");
  return r;
}

TEST(StoreTest, CreatesSchemaWithVersionAndApplicationId) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(Count(**store, "PRAGMA user_version"), kStoreSchemaVersion);
  EXPECT_EQ(Count(**store, "PRAGMA application_id"), kStoreApplicationId);
  auto mode = (*store)->db().Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(*mode->Step());
  EXPECT_EQ(mode->Text(0), "wal");
}

// Issue 12 row 4: two ingests creating the same new database at once failed one time in three
// with "table documents already exists" (the schema version was read before the write lock).
// Here four connections race to create the same file, many times over; each must succeed and
// the schema must exist once.
TEST(StoreTest, Issue12Row4ConcurrentCreationOfANewDatabase) {
  TempDir dir;
  for (int round = 0; round < 25; ++round) {
    const std::string path = dir.File("race" + std::to_string(round) + ".db");
    std::vector<std::string> errors(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < errors.size(); ++t) {
      threads.emplace_back([&, t] {
        auto store = Store::Open(path, Store::OpenMode::kCreate);
        if (!store.ok()) errors[t] = store.status().message();
      });
    }
    for (auto& t : threads) t.join();
    for (const auto& e : errors) EXPECT_EQ(e, "") << "round " << round;
    auto store = Store::Open(path, Store::OpenMode::kExisting);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ(Count(**store, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'"), 1);
    EXPECT_EQ(Count(**store, "PRAGMA user_version"), kStoreSchemaVersion);
  }
}

TEST(StoreTest, ExistingModeRefusesMissingFile) {
  TempDir dir;
  auto store = Store::Open(dir.File("missing.db"), Store::OpenMode::kExisting);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kStore);
  EXPECT_NE(store.status().message().find("no such database"), std::string::npos);
}

TEST(StoreTest, RefusesNewerSchemaAndLeavesFileUntouched) {
  TempDir dir;
  std::string path = dir.File("future.db");
  {
    auto store = Store::Open(path, Store::OpenMode::kCreate);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->PutBatch({Visit("a", "2025-02-04")}).ok());
    ASSERT_TRUE((*store)->db().Exec("PRAGMA user_version = 99").ok());
  }
  auto store = Store::Open(path, Store::OpenMode::kCreate);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kStore);
  EXPECT_NE(store.status().message().find("newer dragoman"), std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find("99"), std::string::npos);
  // Still version 99, data intact.
  auto raw = sql::Db::Open(path, sql::Db::Mode::kReadWrite);
  ASSERT_TRUE(raw.ok());
  auto v = (*raw)->Prepare("PRAGMA user_version");
  ASSERT_TRUE(*v->Step());
  EXPECT_EQ(v->Int(0), 99);
  auto n = (*raw)->Prepare("SELECT count(*) FROM documents");
  ASSERT_TRUE(*n->Step());
  EXPECT_EQ(n->Int(0), 1);
}

TEST(StoreTest, RefusesForeignDatabase) {
  TempDir dir;
  std::string path = dir.File("other.db");
  {
    auto raw = sql::Db::Open(path, sql::Db::Mode::kReadWriteCreate);
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE((*raw)->Exec("CREATE TABLE accounts (id INTEGER)").ok());
  }
  auto store = Store::Open(path, Store::OpenMode::kCreate);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not a dragoman database"), std::string::npos);
}

TEST(StoreTest, SameContentTwiceAddsNothing) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  auto first = s.PutBatch({Visit("a", "2025-02-04")});
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ((*first)[0], PutOutcome::kAdded);
  auto before = s.Stats();
  auto again = s.PutBatch({Visit("a", "2025-02-04"), Visit("a-copy", "2025-02-04")});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)[0], PutOutcome::kUnchanged);
  EXPECT_EQ((*again)[1], PutOutcome::kUnchanged);  // same text and date under another id
  auto after = s.Stats();
  EXPECT_EQ(before->documents, 1);
  EXPECT_EQ(after->documents, 1);
  EXPECT_EQ(after->sentences, 2);
  EXPECT_EQ(after->mentions, 1);
  EXPECT_EQ(after->events, 1);
  EXPECT_EQ(after->actor_mentions, 2);
}

TEST(StoreTest, ChangedArticleReplacesItsRows) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.PutBatch({Visit("a", "2025-02-04")}).ok());

  DocumentRecord changed = Doc("a", "2025-02-04",
                               {"Iran summoned the Azerbaijani ambassador.",
                                "Tehran protested the remarks.", "No meeting was held."});
  AddEvent(changed, 0, "summoned", Actor("IRNGOV", "Iran"),
           Actor("AZEGOV", "the Azerbaijani ambassador"), "1123", "ACCUSE", -2.4,
           "verbal_conflict");
  auto r = s.PutBatch({changed});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)[0], PutOutcome::kReplaced);
  auto st = s.Stats();
  EXPECT_EQ(st->documents, 1);
  EXPECT_EQ(st->sentences, 3);
  EXPECT_EQ(st->mentions, 1);
  EXPECT_EQ(st->events, 1);  // the old group went with its only mention
  EXPECT_EQ(Count(s, "SELECT count(*) FROM events WHERE cameo = '043'"), 0);
  // The full-text index follows: old sentences gone, new ones found.
  EXPECT_EQ(Count(s, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'transport'"), 0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'summoned'"), 1);
}

// The write path runs with SQLite's foreign-key enforcement off (Store::Init): it must keep every
// reference itself, through additions, replacements by id and by URL, and a failed batch.
TEST(StoreTest, WritesKeepEveryReference) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  DocumentRecord a = Visit("a", "2025-02-04");
  a.doc.url = "https://news.example/a";
  ASSERT_TRUE(s.PutBatch({a, Visit("b", "2025-02-05"), Visit("c", "2025-02-09")}).ok());
  DocumentRecord a2 = Visit("a2", "2025-02-06");
  a2.doc.url = "https://news.example/a";  // replaces a by its URL
  DocumentRecord b2 = Visit("b", "2025-03-01");  // replaces b by its id
  ASSERT_TRUE(s.PutBatch({a2, b2}).ok());
  DocumentRecord bad = Visit("bad", "2025-03-02");
  bad.sentences = {{0, 0, 5000}};  // outside the text: the batch is rolled back
  EXPECT_FALSE(s.PutBatch({Visit("c", "2025-04-01"), bad}).ok());
  EXPECT_EQ(s.Stats()->documents, 3);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM events WHERE grp NOT IN (SELECT id FROM event_groups)"),
            0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM event_groups WHERE id NOT IN (SELECT grp FROM events)"),
            0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM actor_mentions WHERE event NOT IN (SELECT id FROM "
                     "events)"),
            0);
}

// BindView binds without a copy; a reset forgets those bindings, so that a statement run again
// without rebinding reads NULL, never the freed text.
TEST(StoreTest, BindViewIsClearedByReset) {
  TempDir dir;
  auto db = sql::Db::Open(dir.File("v.db"), sql::Db::Mode::kReadWriteCreate);
  ASSERT_TRUE(db.ok());
  auto st = (*db)->Prepare("SELECT ?1, ?2");
  ASSERT_TRUE(st.ok());
  {
    std::string text = "bound without a copy";
    st->BindView(1, text).Bind(2, "copied");
    ASSERT_TRUE(*st->Step());
    EXPECT_EQ(st->Text(0), text);
    EXPECT_EQ(st->Text(1), "copied");
    st->Reset();
  }
  ASSERT_TRUE(*st->Step());
  EXPECT_TRUE(st->IsNull(0));
  EXPECT_TRUE(st->IsNull(1));
  st->Reset();
  // Without a BindView, bindings are kept across a reset, as before.
  st->Bind(1, "kept").Bind(2, int64_t{7});
  st->Reset();
  ASSERT_TRUE(*st->Step());
  EXPECT_EQ(st->Text(0), "kept");
  EXPECT_EQ(st->Int(1), 7);
}

TEST(StoreTest, SameUrlWithNewIdReplaces) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  DocumentRecord a = Visit("a", "2025-02-04");
  a.doc.url = "https://news.example/a";
  ASSERT_TRUE((*store)->PutBatch({a}).ok());
  DocumentRecord b = Visit("b", "2025-02-05");
  b.doc.url = "https://news.example/a";
  auto r = (*store)->PutBatch({b});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0], PutOutcome::kReplaced);
  EXPECT_EQ((*store)->Stats()->documents, 1);
  EXPECT_EQ(Count(**store, "SELECT count(*) FROM documents WHERE doc_key = 'b'"), 1);
}

// `ingest --recode`: a record marked recode replaces the stored copies of its content (under
// any id) as well as what shares its id or URL, in one transaction.
TEST(StoreTest, RecodeReplacesStoredContent) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  ASSERT_TRUE(s.PutBatch({Visit("a", "2025-02-04")}).ok());

  // The same content coded by newer dictionaries: another event for the same sentence.
  DocumentRecord newer = Visit("a", "2025-02-04");
  newer.events.clear();
  AddEvent(newer, 1, "discussed", Actor("AZEGOV", "The two ministers"),
           Actor("IRNGOV", "The two ministers"), "040", "CONSULT", 1.0, "verbal_coop");
  auto plain = s.PutBatch({newer});
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ((*plain)[0], PutOutcome::kUnchanged);  // without recode: the stored coding stays
  EXPECT_EQ(Count(s, "SELECT count(*) FROM events WHERE cameo = '043'"), 1);

  newer.recode = true;
  auto r = s.PutBatch({newer});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ((*r)[0], PutOutcome::kReplaced);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM events WHERE cameo = '043'"), 0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM events WHERE cameo = '040'"), 1);
  EXPECT_EQ(s.Stats()->documents, 1);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'transport'"), 1);

  // The same content under another id (a second feed): the stored copy is replaced by it.
  DocumentRecord copy = Visit("a-feed2", "2025-02-04");
  copy.recode = true;
  auto c = s.PutBatch({copy});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)[0], PutOutcome::kReplaced);
  EXPECT_EQ(s.Stats()->documents, 1);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM documents WHERE doc_key = 'a-feed2'"), 1);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM events WHERE cameo = '043'"), 1);

  // Content never stored is simply added.
  DocumentRecord fresh = Visit("b", "2025-03-01");
  fresh.recode = true;
  auto f = s.PutBatch({fresh});
  ASSERT_TRUE(f.ok());
  EXPECT_EQ((*f)[0], PutOutcome::kAdded);
  EXPECT_EQ(s.Stats()->documents, 2);
}

TEST(StoreTest, MentionsOfOneEventAreGrouped) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  DocumentRecord a = Visit("a", "2025-02-04");
  a.doc.source = "Outlet One";
  DocumentRecord b = Doc("b", "2025-02-05", {"Baku hosted talks as the two ministers met."});
  b.doc.source = "Outlet Two";
  AddEvent(b, 0, "met", Actor("AZEGOV", "Baku"), Actor("IRNGOV", "ministers"), "043", "CONSULT",
           2.8, "verbal_coop");
  DocumentRecord c = Doc("c", "2025-02-09", {"The ministers met again in Tehran."});
  AddEvent(c, 0, "met", Actor("AZEGOV", "ministers"), Actor("IRNGOV", "ministers"), "043",
           "CONSULT", 2.8, "verbal_coop");
  DocumentRecord d = Doc("d", "2025-02-04", {"Azerbaijan did not meet Iran."});
  AddEvent(d, 0, "meet", Actor("AZEGOV", "Azerbaijan"), Actor("IRNGOV", "Iran"), "043", "CONSULT",
           2.8, "verbal_coop")
      .negated = true;
  ASSERT_TRUE(s.PutBatch({a, b, c, d}).ok());
  auto st = s.Stats();
  EXPECT_EQ(st->mentions, 4);
  EXPECT_EQ(st->events, 3);  // a+b within a day; c five days later; d negated
  EXPECT_EQ(Count(s, "SELECT count(*) FROM events GROUP BY grp ORDER BY count(*) DESC LIMIT 1"), 2);
}

// An unresolved mention (no code, doc/output.md) is stored as no actor: the event groups with
// the same event stated without a target, and neither the events nor the actor tables hold it.
TEST(StoreTest, UnresolvedTargetIsStoredAsNoActor) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  DocumentRecord a = Doc("a", "2025-02-04", {"Azerbaijan condemned the suicide attack."});
  ActorRef phrase = Actor("", "the suicide attack");
  AddEvent(a, 0, "condemned", Actor("AZEGOV", "Azerbaijan"), phrase, "111", "ACCUSE", -2,
           "verbal_conflict");
  DocumentRecord b = Doc("b", "2025-02-04", {"Azerbaijan condemned it."});
  AddEvent(b, 0, "condemned", Actor("AZEGOV", "Azerbaijan"), Actor("", ""), "111", "ACCUSE", -2,
           "verbal_conflict")
      .target.reset();
  ASSERT_TRUE(s.PutBatch({a, b}).ok());
  EXPECT_EQ(Count(s, "SELECT count(*) FROM event_groups"), 1);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM events WHERE target IS NOT NULL"), 0);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM actor_mentions WHERE role = 'target'"), 0);
}

TEST(StoreTest, DifferentPlacesAreDifferentEvents) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  DocumentRecord a = Visit("a", "2025-02-04");
  a.events[0].location = Location{"Baku", "AZE", std::nullopt, std::nullopt};
  DocumentRecord b = Visit("b", "2025-02-04");
  b.doc.text += " Later.";  // other content
  b.events[0].location = Location{"Tehran", "IRN", std::nullopt, std::nullopt};
  DocumentRecord c = Visit("c", "2025-02-05");
  ASSERT_TRUE((*store)->PutBatch({a, b, c}).ok());
  EXPECT_EQ((*store)->Stats()->events, 2);  // c has no place: joins the nearest (a)
}

// A mention joins the candidate group with the nearest date, not the oldest one.
TEST(StoreTest, NearestDateWinsAmongGroups) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  auto visit = [](const std::string& id, const std::string& date, const char* place) {
    DocumentRecord r = Visit(id, date);
    r.doc.text += " " + id;  // distinct content
    if (place) r.events[0].location = Location{place, "AZE", std::nullopt, std::nullopt};
    return r;
  };
  ASSERT_TRUE(s.PutBatch({visit("a", "2025-02-04", "Baku"), visit("b", "2025-02-05", "Tehran"),
                          visit("c", "2025-02-05", nullptr), visit("d", "2025-02-04", nullptr)})
                  .ok());
  auto group_of = [&](const std::string& doc) {
    return Count(s, "SELECT e.grp FROM events e JOIN documents d ON d.id = e.doc WHERE "
                    "d.doc_key = '" + doc + "'");
  };
  EXPECT_NE(group_of("a"), group_of("b"));  // different places
  EXPECT_EQ(group_of("c"), group_of("b"));  // a is a day away, b the same day
  EXPECT_EQ(group_of("d"), group_of("a"));
  EXPECT_EQ(s.Stats()->events, 2);
}

TEST(StoreTest, SentencesFromEventsWhenNoSpansGiven) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  DocumentRecord a = Visit("a", "2025-02-04");
  a.sentences.clear();
  ASSERT_TRUE((*store)->PutBatch({a}).ok());
  auto q = (*store)->db().Prepare("SELECT idx, begin, end, text FROM sentences");
  ASSERT_TRUE(q.ok());
  ASSERT_TRUE(*q->Step());
  EXPECT_EQ(q->Int(0), 0);
  EXPECT_EQ(q->Int(1), 0);
  EXPECT_EQ(q->Text(3), a.events[0].text);
  EXPECT_FALSE(*q->Step());
}

TEST(StoreTest, FailedBatchWritesNothing) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  DocumentRecord good = Visit("good", "2025-02-04");
  DocumentRecord bad = Visit("bad", "2025-03-01");
  bad.doc.text = "x";
  bad.sentences = {{0, 0, 500}};  // outside the text
  auto r = (*store)->PutBatch({good, bad});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ((*store)->Stats()->documents, 0);
  // The store is still usable afterwards.
  EXPECT_TRUE((*store)->PutBatch({good}).ok());
  EXPECT_EQ((*store)->Stats()->documents, 1);
}

TEST(StoreTest, ContentHashCoversTextAndDate) {
  DocumentRecord a = Visit("a", "2025-02-04");
  DocumentRecord b = Visit("b", "2025-02-04");
  DocumentRecord c = Visit("a", "2025-02-05");
  EXPECT_EQ(Store::ContentHash(a.doc), Store::ContentHash(b.doc));
  EXPECT_NE(Store::ContentHash(a.doc), Store::ContentHash(c.doc));
  EXPECT_EQ(Store::ContentHash(a.doc).size(), 64u);
}

// Schema version 2 fills the full-text index once per batch: every sentence stored is found, and
// none that was replaced, including a document replaced twice within one batch and sentence ids
// freed at the top of the table and given out again.
TEST(StoreTest, FullTextIndexFollowsEveryBatch) {
  TempDir dir;
  auto store = Store::Open(dir.File("c.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  auto doc = [](const std::string& id, const std::string& word) {
    return Doc(id, "2025-02-04", {"The envoys discussed " + word + " at length.", "Talks went on."});
  };
  ASSERT_TRUE(s.PutBatch({doc("a", "pipelines"), doc("b", "railways")}).ok());
  ASSERT_TRUE(s.PutBatch({doc("b", "harbours"), doc("c", "tariffs"), doc("c", "visas")}).ok());
  ASSERT_TRUE(s.PutBatch({doc("c", "fisheries")}).ok());
  auto hits = [&](const char* q) {
    auto r = Search(s, q, "[", "]", 0);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r->size() : 0u;
  };
  EXPECT_EQ(hits("pipelines"), 1u);
  EXPECT_EQ(hits("railways"), 0u);
  EXPECT_EQ(hits("harbours"), 1u);
  EXPECT_EQ(hits("tariffs"), 0u);
  EXPECT_EQ(hits("visas"), 0u);
  EXPECT_EQ(hits("fisheries"), 1u);
  EXPECT_EQ(hits("talks"), 3u);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'sentences_ai'"), 0);
  EXPECT_TRUE(
      s.db().Exec("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)").ok());
}

// A version 2 file (no watch or alert tables) is read as it is, and upgraded to version 3 when
// opened for writing, its rows kept.
TEST(StoreTest, VersionTwoFileIsUpgraded) {
  TempDir dir;
  std::string path = dir.File("v2.db");
  {
    auto store = Store::Open(path, Store::OpenMode::kCreate);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->PutBatch({Doc("old", "2025-02-04", {"Old talks on railways."})}).ok());
    ASSERT_TRUE((*store)->db().Exec(
        "DROP TABLE watch_files; DROP TABLE alerts; PRAGMA user_version = 2").ok());
  }
  {
    auto ro = Store::Open(path, Store::OpenMode::kReadOnly);
    ASSERT_TRUE(ro.ok()) << ro.status().message();
    EXPECT_EQ(Count(**ro, "PRAGMA user_version"), 2);
    auto has = (*ro)->HasV3Tables();
    ASSERT_TRUE(has.ok());
    EXPECT_FALSE(*has);
  }
  auto store = Store::Open(path, Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(Count(**store, "PRAGMA user_version"), kStoreSchemaVersion);
  auto has = (*store)->HasV3Tables();
  ASSERT_TRUE(has.ok());
  EXPECT_TRUE(*has);
  EXPECT_EQ(Count(**store, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(Count(**store, "SELECT count(*) FROM watch_files"), 0);
}

// A version 4 file (with the two actor_mentions indexes no query used, events_grp on grp alone)
// is read as it is, and upgraded to version 5 when opened for writing: the two indexes dropped,
// events_grp rebuilt on (grp, doc), every row and answer kept.
TEST(StoreTest, VersionFourFileIsUpgraded) {
  TempDir dir;
  std::string path = dir.File("v4.db");
  auto answers = [](Store& s) {
    std::string out;
    auto actors = ListActors(s, "");
    EXPECT_TRUE(actors.ok());
    for (const auto& a : *actors) out += a.name + "|" + a.code + "|" + a.roles + "\n";
    EventFilter f;
    f.actor = "minister";
    f.mentions = true;
    auto rows = QueryEvents(s, f);
    EXPECT_TRUE(rows.ok());
    for (const auto& r : *rows) out += std::to_string(r.mention_id) + "\n";
    return out;
  };
  const std::string indexes =
      "SELECT count(*) FROM sqlite_master WHERE name IN ('actor_mentions_event', "
      "'actor_mentions_code')";
  const std::string grp_columns = "SELECT count(*) FROM pragma_index_info('events_grp')";
  std::string before;
  {
    auto store = Store::Open(path, Store::OpenMode::kCreate);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(Count(**store, indexes), 0);
    ASSERT_TRUE((*store)->PutBatch({Visit("a", "2025-02-04"), Visit("b", "2025-02-05")}).ok());
    ASSERT_TRUE((*store)->db().Exec(
        "CREATE INDEX actor_mentions_event ON actor_mentions(event); CREATE INDEX "
        "actor_mentions_code ON actor_mentions(country, code); DROP INDEX events_grp; "
        "CREATE INDEX events_grp ON events(grp); PRAGMA user_version = 4").ok());
    before = answers(**store);
    EXPECT_NE(before.find("AZEGOV"), std::string::npos);
  }
  {
    auto ro = Store::Open(path, Store::OpenMode::kReadOnly);
    ASSERT_TRUE(ro.ok()) << ro.status().message();
    EXPECT_EQ(Count(**ro, "PRAGMA user_version"), 4);
    EXPECT_EQ(Count(**ro, indexes), 2);
    EXPECT_EQ(Count(**ro, grp_columns), 1);
    EXPECT_EQ(answers(**ro), before);
  }
  auto store = Store::Open(path, Store::OpenMode::kExisting);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(Count(**store, "PRAGMA user_version"), kStoreSchemaVersion);
  EXPECT_EQ(Count(**store, indexes), 0);
  EXPECT_EQ(Count(**store, grp_columns), 2);  // (grp, doc)
  EXPECT_EQ(Count(**store, "SELECT count(*) FROM actor_mentions"), 4);
  EXPECT_EQ(answers(**store), before);
}

// A version 5 file (no events_source) is read as it is, the dyad scanning events_filter, and
// upgraded to version 6 when opened for writing: events_source built, every answer kept.
TEST(StoreTest, VersionFiveFileIsUpgraded) {
  TempDir dir;
  std::string path = dir.File("v5.db");
  auto answers = [](Store& s) {
    std::string out;
    for (bool directed : {false, true}) {
      EventFilter f;
      f.dyad = std::make_pair("AZE", "IRNGOV");
      f.directed = directed;
      f.mentions = true;
      auto rows = QueryEvents(s, f);
      EXPECT_TRUE(rows.ok());
      for (const auto& r : *rows) out += std::to_string(r.mention_id) + "\n";
    }
    return out;
  };
  const std::string index = "SELECT count(*) FROM sqlite_master WHERE name = 'events_source'";
  std::string before;
  {
    auto store = Store::Open(path, Store::OpenMode::kCreate);
    ASSERT_TRUE(store.ok());
    EXPECT_EQ(Count(**store, index), 1);
    ASSERT_TRUE((*store)->PutBatch({Visit("a", "2025-02-04"), Visit("b", "2025-02-05")}).ok());
    ASSERT_TRUE((*store)->db().Exec("DROP INDEX events_source; PRAGMA user_version = 5").ok());
    before = answers(**store);
    EXPECT_FALSE(before.empty());
  }
  {
    auto ro = Store::Open(path, Store::OpenMode::kReadOnly);
    ASSERT_TRUE(ro.ok()) << ro.status().message();
    EXPECT_EQ(Count(**ro, "PRAGMA user_version"), 5);
    EXPECT_EQ(Count(**ro, index), 0);
    EXPECT_EQ(answers(**ro), before);
  }
  auto store = Store::Open(path, Store::OpenMode::kExisting);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ(Count(**store, "PRAGMA user_version"), kStoreSchemaVersion);
  EXPECT_EQ(Count(**store, index), 1);
  EXPECT_EQ(answers(**store), before);
}

// A hook given to PutBatch commits with the batch, and its failure rolls the batch back.
TEST(StoreTest, PutBatchHookSharesTheTransaction) {
  TempDir dir;
  auto store = Store::Open(dir.File("h.db"), Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok());
  Store& s = **store;
  auto failed = s.PutBatch({Doc("a", "2025-02-04", {"Talks on railways."})},
                           [](sql::Db&) { return Status::Store("hook failed"); });
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(Count(s, "SELECT count(*) FROM documents"), 0);
  auto ok = s.PutBatch({Doc("a", "2025-02-04", {"Talks on railways."})}, [](sql::Db& db) {
    return db.Exec("INSERT INTO alerts (rule, dyad, key, json, fired) VALUES "
                   "('r', 'A-B', 'k', '{}', 'now')");
  });
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(Count(s, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(Count(s, "SELECT count(*) FROM alerts"), 1);
}

// A version 1 file (a trigger filled the index) is upgraded when opened for writing; what it
// held stays searchable and what is added after is indexed once.
TEST(StoreTest, VersionOneFileIsUpgraded) {
  TempDir dir;
  std::string path = dir.File("v1.db");
  {
    auto store = Store::Open(path, Store::OpenMode::kCreate);
    ASSERT_TRUE(store.ok());
    // Back to version 1 as an older dragoman wrote it: the trigger, the index filled by it.
    ASSERT_TRUE((*store)->db().Exec(
        "CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN "
        "INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text); END; "
        "PRAGMA user_version = 1").ok());
    ASSERT_TRUE((*store)->db().Exec(
        "INSERT INTO documents (doc_key, outlet, hash, text, sentences, ingested) VALUES "
        "('old', 'x', 'h', 'Old talks on railways.', 1, 'now'); "
        "INSERT INTO sentences (doc, idx, begin, end, text) VALUES "
        "(1, 0, 0, 22, 'Old talks on railways.')").ok());
  }
  {
    auto ro = Store::Open(path, Store::OpenMode::kReadOnly);  // read as it is
    ASSERT_TRUE(ro.ok()) << ro.status().message();
    EXPECT_EQ(Count(**ro, "PRAGMA user_version"), 1);
  }
  auto store = Store::Open(path, Store::OpenMode::kCreate);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Store& s = **store;
  EXPECT_EQ(Count(s, "PRAGMA user_version"), kStoreSchemaVersion);
  ASSERT_TRUE(s.PutBatch({Doc("new", "2025-02-04", {"New talks on railways."})}).ok());
  auto r = Search(s, "railways", "[", "]", 0);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 2u);
  EXPECT_TRUE(
      s.db().Exec("INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 1)").ok());
}

TEST(StoreTest, ReadOnlyModeNeverWrites) {
  TempDir dir;
  std::string path = dir.File("c.db");
  {
    auto store = Store::Open(path, Store::OpenMode::kCreate);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->PutBatch({Visit("a", "2025-02-04")}).ok());
  }
  auto ro = Store::Open(path, Store::OpenMode::kReadOnly);
  ASSERT_TRUE(ro.ok()) << ro.status().message();
  EXPECT_EQ((*ro)->Stats()->documents, 1);
  EXPECT_FALSE((*ro)->PutBatch({Visit("b", "2025-02-05")}).ok());
  EXPECT_FALSE(Store::Open(dir.File("missing.db"), Store::OpenMode::kReadOnly).ok());
  {
    auto empty = sql::Db::Open(dir.File("empty.db"), sql::Db::Mode::kReadWriteCreate);
    ASSERT_TRUE(empty.ok());
  }
  auto e = Store::Open(dir.File("empty.db"), Store::OpenMode::kReadOnly);
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("empty database"), std::string::npos);
}

}  // namespace
}  // namespace dragoman
