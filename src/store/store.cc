// The store's file: opening it, its schema and the migrations between versions, the markers
// that tell a dragoman database from any other file, and the statement cache. The write path
// (PutBatch and what it calls) is in store_write.cc.
#include "store/store.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <utility>

#include "base/date.h"

namespace dragoman {

namespace {

// Version 1 of the schema. doc/store.md documents each column; any change here needs a new
// version number and a migration step in Store::Init().
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE documents (
  id          INTEGER PRIMARY KEY,
  doc_key     TEXT NOT NULL UNIQUE,
  url         TEXT NOT NULL DEFAULT '',
  title       TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  outlet      TEXT NOT NULL,
  origin      TEXT NOT NULL DEFAULT '',
  date        TEXT NOT NULL DEFAULT '',
  date_source TEXT NOT NULL DEFAULT 'none',
  hash        TEXT NOT NULL,
  text        TEXT NOT NULL,
  sentences   INTEGER NOT NULL,
  ingested    TEXT NOT NULL
);
CREATE INDEX documents_url ON documents(url) WHERE url <> '';
CREATE INDEX documents_hash ON documents(hash);

CREATE TABLE sentences (
  id    INTEGER PRIMARY KEY,
  doc   INTEGER NOT NULL REFERENCES documents(id),
  idx   INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end   INTEGER NOT NULL,
  text  TEXT NOT NULL,
  UNIQUE (doc, idx)
);
CREATE VIRTUAL TABLE sentence_fts USING fts5(
  text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
  INSERT INTO sentence_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
  INSERT INTO sentence_fts(sentence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE event_groups (
  id       INTEGER PRIMARY KEY,
  source   TEXT,
  target   TEXT,
  plover   TEXT NOT NULL,
  negated  INTEGER NOT NULL,
  mood     TEXT NOT NULL,
  date     TEXT NOT NULL,
  day      INTEGER,
  location TEXT
);
CREATE INDEX event_groups_key ON event_groups(plover, source, target, day);

CREATE TABLE events (
  id               INTEGER PRIMARY KEY,
  doc              INTEGER NOT NULL REFERENCES documents(id),
  grp              INTEGER NOT NULL REFERENCES event_groups(id),
  sentence         INTEGER NOT NULL,
  sentence_id      INTEGER REFERENCES sentences(id),
  span_begin       INTEGER NOT NULL,
  span_end         INTEGER NOT NULL,
  source           TEXT,
  source_country   TEXT,
  target           TEXT,
  target_country   TEXT,
  cameo            TEXT NOT NULL,
  plover           TEXT NOT NULL,
  goldstein        REAL NOT NULL,
  quad             TEXT NOT NULL,
  date             TEXT NOT NULL,
  day              INTEGER,
  negated          INTEGER NOT NULL,
  mood             TEXT NOT NULL,
  location         TEXT,
  location_country TEXT,
  rule             TEXT NOT NULL,
  json             TEXT NOT NULL
);
CREATE INDEX events_doc ON events(doc);
CREATE INDEX events_grp ON events(grp);
CREATE INDEX events_sentence ON events(sentence_id);
CREATE INDEX events_dyad ON events(source_country, target_country, day);
CREATE INDEX events_day ON events(day);

CREATE TABLE actor_mentions (
  id      INTEGER PRIMARY KEY,
  doc     INTEGER NOT NULL REFERENCES documents(id),
  event   INTEGER NOT NULL REFERENCES events(id),
  role    TEXT NOT NULL,
  code    TEXT NOT NULL,
  country TEXT NOT NULL,
  sector  TEXT NOT NULL,
  name    TEXT NOT NULL,
  text    TEXT NOT NULL,
  date    TEXT NOT NULL
);
CREATE INDEX actor_mentions_event ON actor_mentions(event);
CREATE INDEX actor_mentions_doc ON actor_mentions(doc);
CREATE INDEX actor_mentions_code ON actor_mentions(country, code);
)sql";

// Version 2: the store fills sentence_fts once per batch (Store::IndexNewSentences) instead of
// this trigger once per row (the delete trigger stays), and
// events_filter holds every column the query filters read (doc/store.md, "Indexes"), so that
// matching scans or searches it instead of the table's rows with their JSON; it replaces
// events_dyad, its prefix.
constexpr const char* kV1ToV2 =
    "DROP TRIGGER IF EXISTS sentences_ai; DROP INDEX IF EXISTS events_dyad; "
    "CREATE INDEX IF NOT EXISTS events_filter ON events(source_country, target_country, source, "
    "target, day, cameo, plover, quad, negated, location, location_country, grp, sentence_id)";

// Version 3: the tables of `dragoman watch` and of alert rules (doc/watch.md). watch_files: one
// row per watched file, how far it is stored (`offset`: bytes of it consumed; a text or HTML
// file is consumed whole) and the size and modification time it had then, written in the same
// transaction as the documents read from it. alerts: one row per firing of an alert rule,
// unique by (rule, dyad, key), so that a rule fires once for one episode however often it is
// evaluated.
constexpr const char* kV2ToV3 = R"sql(
CREATE TABLE IF NOT EXISTS watch_files (
  path      TEXT PRIMARY KEY,
  offset    INTEGER NOT NULL,
  lines     INTEGER NOT NULL,
  size      INTEGER NOT NULL,
  mtime_ns  INTEGER NOT NULL,
  documents INTEGER NOT NULL,
  errors    INTEGER NOT NULL,
  updated   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS alerts (
  id    INTEGER PRIMARY KEY,
  rule  TEXT NOT NULL,
  dyad  TEXT NOT NULL,
  key   TEXT NOT NULL,
  json  TEXT NOT NULL,
  fired TEXT NOT NULL,
  UNIQUE (rule, dyad, key)
);
)sql";

// Version 4: every event's head — its first (lowest id) mention — is marked (events.head), and so
// is every mention whose actors (source and target codes and countries) differ from its head's
// (events.odd; grouping keys on the codes, so this is rare). When no mention is odd, a dyad
// matches all of an event's mentions or none, and the queries on a dyad read the heads through
// events_heads — in result order, with every column a timeline counts — instead of grouping
// every matching mention (query_where.h, HeadsUsable). Ingest keeps both marks (InsertEvent,
// DeleteDocument); this step sets them on the rows already stored.
// The columns are added first (kV3ToV4Columns, unless a file has them already), then marked.
constexpr const char* kV3ToV4Columns =
    "ALTER TABLE events ADD COLUMN head INTEGER NOT NULL DEFAULT 0; "
    "ALTER TABLE events ADD COLUMN odd INTEGER NOT NULL DEFAULT 0";
constexpr const char* kV3ToV4 = R"sql(
UPDATE events SET head = 0, odd = 0 WHERE head <> 0 OR odd <> 0;
UPDATE events SET head = 1 WHERE id IN (SELECT min(id) FROM events GROUP BY grp);
UPDATE events SET odd = 1 WHERE head = 0 AND EXISTS (
  SELECT 1 FROM events h WHERE h.grp = events.grp AND h.head = 1 AND (
    h.source IS NOT events.source OR h.source_country IS NOT events.source_country OR
    h.target IS NOT events.target OR h.target_country IS NOT events.target_country));
CREATE INDEX IF NOT EXISTS events_heads ON events(day, grp, source_country, target_country,
  source, target, date, negated, mood, plover, quad, goldstein, head) WHERE head = 1;
CREATE INDEX IF NOT EXISTS events_odd ON events(odd) WHERE odd = 1;
)sql";

// Version 5: two indexes that no query used are dropped, and events_grp also holds each
// mention's document. Every reader of actor_mentions scans it (the `--actor` filter and
// `dragoman actors` match substrings of names and ORed code prefixes, which no B-tree index can
// search) or deletes by document (actor_mentions_doc, kept); the two dropped indexes cost ~15% of
// the store's writing work. The counts of an event (mentions, distinct documents, distinct
// outlets) read events_grp alone instead of every mention's row (doc/performance.md, "The store,
// schema 5"). query_test checks the plans.
constexpr const char* kV4ToV5 =
    "DROP INDEX IF EXISTS actor_mentions_event; DROP INDEX IF EXISTS actor_mentions_code; "
    "DROP INDEX IF EXISTS events_grp; CREATE INDEX events_grp ON events(grp, doc)";

// Version 6: events_source, the columns of events_filter led by the source's code, so that a
// dyad's selector that prefixes codes ("AZE" for AZEGOV, AZEMIL...) is a search of a range of
// codes instead of a test of every mention in events_filter (query_where.cc, AndDyad; the
// country side is searched in events_filter). doc/performance.md, "The store, schema 6".
constexpr const char* kV5ToV6 =
    "CREATE INDEX IF NOT EXISTS events_source ON events(source, source_country, target, "
    "target_country, day, cameo, plover, quad, negated, location, location_country, grp, "
    "sentence_id)";

}  // namespace

// Where the outlet of a document comes from: its source name, else its URL's host, else the
// document itself (so that NumSources never undercounts unnamed outlets).
std::string OutletOf(const Document& d) {
  if (!d.source.empty()) return d.source;
  if (!d.url.empty()) {
    std::string_view u = d.url;
    size_t scheme = u.find("://");
    if (scheme != std::string_view::npos) u.remove_prefix(scheme + 3);
    size_t slash = u.find_first_of("/?#");
    if (slash != std::string_view::npos) u = u.substr(0, slash);
    if (u.substr(0, 4) == "www.") u.remove_prefix(4);
    if (!u.empty()) return std::string(u);
  }
  return "doc:" + d.id;
}

std::optional<int64_t> DayOf(const std::string& date) {
  auto d = PartialDate::Parse(date);
  if (!d || !d->valid()) return std::nullopt;
  return d->DaysFromEpoch();
}

std::string ResolveDbPath(const std::string& flag) {
  if (!flag.empty()) return flag;
  const char* env = std::getenv("DRAGOMAN_DB");
  if (env && *env) return env;
  return "dragoman.db";
}

std::string EffectiveDate(const Event& e) { return e.date.empty() ? e.doc_date : e.date; }

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, OpenMode mode) {
  sql::Db::Mode db_mode = mode == OpenMode::kCreate     ? sql::Db::Mode::kReadWriteCreate
                          : mode == OpenMode::kReadOnly ? sql::Db::Mode::kReadOnly
                                                        : sql::Db::Mode::kReadWrite;
  DRAGOMAN_ASSIGN_OR_RETURN(auto db, sql::Db::Open(path, db_mode));
  std::unique_ptr<Store> store(new Store(std::move(db)));
  store->read_only_ = mode == OpenMode::kReadOnly;
  DRAGOMAN_RETURN_IF_ERROR(store->read_only_ ? store->InitReadOnly() : store->Init());
  return store;
}

// Reads PRAGMA user_version, PRAGMA application_id and the number of schema objects.
Result<Store::Markers> Store::ReadMarkers() {
  Markers m;
  for (auto [sql, out] : {std::pair<const char*, int64_t*>{"PRAGMA user_version", &m.version},
                          {"PRAGMA application_id", &m.application_id},
                          {"SELECT count(*) FROM sqlite_master", &m.objects}}) {
    DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * q, Prepared(sql));
    DRAGOMAN_ASSIGN_OR_RETURN(bool row, q->Step());
    *out = row ? q->Int(0) : 0;
    q->Reset();
  }
  return m;
}

Status Store::CheckMarkers(const Markers& m, bool complete) {
  if (m.application_id != 0 && m.application_id != kStoreApplicationId) {
    return Status::Store(path() + ": not a dragoman database (application_id " +
                         std::to_string(m.application_id) + ")");
  }
  if (m.version > kStoreSchemaVersion) {
    return Status::Store(path() + ": written by a newer dragoman (schema version " +
                         std::to_string(m.version) + "; this build reads up to version " +
                         std::to_string(kStoreSchemaVersion) +
                         "); upgrade dragoman or use another --db");
  }
  if (complete && m.version == 0 && m.objects > 0) {
    return Status::Store(path() +
                         ": not a dragoman database (it has tables but no schema version)");
  }
  return Status::Ok();
}

Status Store::InitReadOnly() {
  DRAGOMAN_ASSIGN_OR_RETURN(Markers m, ReadMarkers());
  DRAGOMAN_RETURN_IF_ERROR(CheckMarkers(m, /*complete=*/true));
  if (m.version == 0) {
    return Status::Store(path() + ": an empty database (run 'dragoman ingest' first)");
  }
  return Status::Ok();
}

Status Store::Init() {
  // Read the markers before anything writes: a file from a newer dragoman, or another
  // program's database, must be left exactly as it is.
  DRAGOMAN_ASSIGN_OR_RETURN(Markers m, ReadMarkers());
  DRAGOMAN_RETURN_IF_ERROR(CheckMarkers(m, /*complete=*/false));
  if (m.version == 0) {
    // A new (or foreign) file. Several processes may find the same new file empty at once, and
    // the markers are read by separate statements, so a creator may commit between them (issue
    // 12 row 4: "table documents already exists" one time in three). The write lock decides:
    // whoever holds it reads the markers again, checks them all, and creates the schema only if
    // nobody did in between.
    DRAGOMAN_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
    DRAGOMAN_ASSIGN_OR_RETURN(m, ReadMarkers());
    DRAGOMAN_RETURN_IF_ERROR(CheckMarkers(m, /*complete=*/true));
    if (m.version == 0) {
      DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kSchemaV1));
      DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV1ToV2));
      DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV2ToV3));
      DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV3ToV4Columns));
      DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV3ToV4));
      DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV4ToV5));
      DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV5ToV6));
      DRAGOMAN_RETURN_IF_ERROR(
          db_->Exec("PRAGMA application_id = " + std::to_string(kStoreApplicationId) +
                    "; PRAGMA user_version = " + std::to_string(kStoreSchemaVersion)));
    }
    DRAGOMAN_RETURN_IF_ERROR(tx->Commit());
  }
  // WAL: readers do not block the writer and a crash never tears a committed transaction.
  // NORMAL sync is durable against process crashes (kill -9); only an OS crash may lose the
  // last transactions, never corrupt the file.
  // Switching a file to WAL takes an exclusive lock, and SQLite does not wait for it through the
  // busy handler (a connection holding a shared lock could deadlock), so several processes
  // opening one new file retry here for up to the busy timeout. A file already in WAL mode
  // answers at once.
  for (int attempt = 0;; ++attempt) {
    Status st = db_->Exec("PRAGMA journal_mode = WAL");
    if (st.ok()) break;
    const int rc = sqlite3_errcode(db_->raw()) & 0xff;
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt >= 1000) return st;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  DRAGOMAN_RETURN_IF_ERROR(db_->Exec("PRAGMA synchronous = NORMAL"));
  // A writer keeps the indexes it searches for every document (hashes, keys, event groups) in
  // memory: 64 MB of page cache instead of SQLite's 2 MB.
  DRAGOMAN_RETURN_IF_ERROR(db_->Exec("PRAGMA cache_size = -65536"));
  // The write path keeps the references between its tables itself: it writes parents first
  // (document, sentences, group, then the mention and its actor mentions) and deletes children
  // first (DeleteDocument). SQLite's own enforcement (sql::Db turns it on) looked up the parent
  // of every row written, and made each statement keep a statement journal in case a check
  // failed: ~15% of the store's work. The tests check the stored files with PRAGMA
  // foreign_key_check.
  DRAGOMAN_RETURN_IF_ERROR(db_->Exec("PRAGMA foreign_keys = OFF"));
  // Upgrade reads the version again under the write lock.
  if (m.version < kStoreSchemaVersion) DRAGOMAN_RETURN_IF_ERROR(Upgrade());
  return Status::Ok();
}

Result<bool> Store::HasV3Tables() {
  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * q,
      Prepared("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
               "name IN ('watch_files', 'alerts')"));
  DRAGOMAN_ASSIGN_OR_RETURN(bool row, q->Step());
  bool has = row && q->Int(0) == 2;
  q->Reset();
  return has;
}

Status Store::Upgrade() {
  DRAGOMAN_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  // Read again under the write lock: another process may have upgraded the file meanwhile.
  DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * q, Prepared("PRAGMA user_version"));
  DRAGOMAN_ASSIGN_OR_RETURN(bool row, q->Step());
  int64_t version = row ? q->Int(0) : 0;
  q->Reset();
  if (version < 1 || version >= kStoreSchemaVersion) return tx->Commit();
  if (version < 2) DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV1ToV2));
  if (version < 3) DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV2ToV3));
  if (version < 4) {
    DRAGOMAN_ASSIGN_OR_RETURN(
        sql::Stmt * has, Prepared("SELECT count(*) FROM pragma_table_info('events') WHERE name = "
                                  "'head'"));
    DRAGOMAN_ASSIGN_OR_RETURN(bool counted, has->Step());
    const bool has_columns = counted && has->Int(0) > 0;
    has->Reset();
    if (!has_columns) DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV3ToV4Columns));
    DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV3ToV4));
  }
  if (version < 5) DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV4ToV5));
  if (version < 6) DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV5ToV6));
  DRAGOMAN_RETURN_IF_ERROR(
      db_->Exec("PRAGMA user_version = " + std::to_string(kStoreSchemaVersion)));
  return tx->Commit();
}

Result<sql::Stmt*> Store::Prepared(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt st, db_->Prepare(sql));
    it = cache_.emplace(sql, std::move(st)).first;
  }
  it->second.Reset();
  return &it->second;
}

Result<StoreStats> Store::Stats() {
  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * q_p, Prepared("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM "
                                "sentences), (SELECT count(*) FROM events), (SELECT count(*) FROM "
                                "event_groups), (SELECT count(*) FROM actor_mentions)"));
  sql::Stmt& q = *q_p;
  DRAGOMAN_ASSIGN_OR_RETURN(bool row, q.Step());
  StoreStats s;
  if (row) {
    s.documents = q.Int(0);
    s.sentences = q.Int(1);
    s.mentions = q.Int(2);
    s.events = q.Int(3);
    s.actor_mentions = q.Int(4);
  }
  q.Reset();
  return s;
}

}  // namespace dragoman
