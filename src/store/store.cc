#include "store/store.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <thread>
#include <utility>

#include "base/date.h"
#include "output/event_json.h"
#include "store/sha256.h"

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

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

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
  if (version == 1) DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV1ToV2));
  DRAGOMAN_RETURN_IF_ERROR(db_->Exec(kV2ToV3));
  DRAGOMAN_RETURN_IF_ERROR(
      db_->Exec("PRAGMA user_version = " + std::to_string(kStoreSchemaVersion)));
  return tx->Commit();
}

Result<int64_t> Store::MaxSentenceId() {
  DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * q, Prepared("SELECT coalesce(max(id), 0) FROM sentences"));
  DRAGOMAN_ASSIGN_OR_RETURN(bool row, q->Step());
  int64_t id = row ? q->Int(0) : 0;
  q->Reset();
  return id;
}

Status Store::IndexNewSentences() {
  DRAGOMAN_ASSIGN_OR_RETURN(int64_t top, MaxSentenceId());
  if (top <= fts_indexed_upto_) return Status::Ok();
  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * ins,
      Prepared("INSERT INTO sentence_fts(rowid, text) SELECT id, text FROM sentences "
               "WHERE id > ?1 ORDER BY id"));
  ins->Bind(1, fts_indexed_upto_);
  DRAGOMAN_RETURN_IF_ERROR(ins->Run());
  fts_indexed_upto_ = top;
  return Status::Ok();
}

std::string Store::ContentHash(const Document& doc) {
  std::string material = doc.text;
  material.push_back('\0');
  if (doc.date) material += doc.date->ToString();
  return Sha256Hex(material);
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

Result<bool> Store::HasContent(const std::string& hash) {
  DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * q_p, Prepared("SELECT 1 FROM documents WHERE hash = ?1"));
  sql::Stmt& q = *q_p;
  q.Bind(1, hash);
  auto row = q.Step();
  q.Reset();  // a stepped statement would hold a read snapshot open
  return row;
}

Result<std::vector<PutOutcome>> Store::PutBatch(
    const std::vector<DocumentRecord>& batch,
    const std::function<Status(sql::Db&)>& in_transaction) {
  std::vector<PutOutcome> out;
  out.reserve(batch.size());
  DRAGOMAN_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  // Every stored sentence is indexed (the invariant each committed batch keeps).
  DRAGOMAN_ASSIGN_OR_RETURN(fts_indexed_upto_, MaxSentenceId());
  for (const auto& rec : batch) {
    DRAGOMAN_ASSIGN_OR_RETURN(PutOutcome o, Put(rec));
    out.push_back(o);
  }
  DRAGOMAN_RETURN_IF_ERROR(IndexNewSentences());
  if (in_transaction) DRAGOMAN_RETURN_IF_ERROR(in_transaction(*db_));
  DRAGOMAN_RETURN_IF_ERROR(tx->Commit());
  return out;
}

Status Store::DeleteDocument(int64_t doc_row) {
  // Children first (the foreign keys have no cascades: every delete is explicit), then groups
  // left without any mention.
  static constexpr const char* kDeletes[] = {
      "DELETE FROM actor_mentions WHERE doc = ?1",
      "CREATE TEMP TABLE IF NOT EXISTS touched_groups(id INTEGER PRIMARY KEY)",
      "DELETE FROM temp.touched_groups",
      "INSERT OR IGNORE INTO temp.touched_groups SELECT grp FROM events WHERE doc = ?1",
      "DELETE FROM events WHERE doc = ?1",
      ("DELETE FROM event_groups WHERE id IN (SELECT id FROM temp.touched_groups) AND NOT EXISTS "
       "(SELECT 1 FROM events WHERE events.grp = event_groups.id)"),
      "DELETE FROM sentences WHERE doc = ?1",
      "DELETE FROM documents WHERE id = ?1",
  };
  for (const char* s : kDeletes) {
    DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * st_p, Prepared(s));
    sql::Stmt& st = *st_p;
    if (std::string_view(s).find("?1") != std::string_view::npos) st.Bind(1, doc_row);
    DRAGOMAN_RETURN_IF_ERROR(st.Run());
  }
  return Status::Ok();
}

std::map<int, SentenceSpan> SentencesToStore(const DocumentRecord& rec) {
  std::map<int, SentenceSpan> sentences;
  for (const auto& s : rec.sentences) sentences[s.index] = s;
  if (!rec.sentences.empty()) return sentences;
  for (const auto& e : rec.events) {
    if (sentences.count(e.sentence)) continue;
    SentenceSpan s{e.sentence, 0, 0};
    size_t from = e.span_end >= e.text.size() ? e.span_end - e.text.size() : 0;
    size_t at = rec.doc.text.find(e.text, from);
    if (at != std::string::npos && at <= e.span_begin) {
      s.begin = static_cast<uint32_t>(at);
      s.end = static_cast<uint32_t>(at + e.text.size());
    }
    sentences[e.sentence] = s;
  }
  return sentences;
}

Result<PutOutcome> Store::Put(const DocumentRecord& rec) {
  const Document& doc = rec.doc;
  std::string hash = rec.hash.empty() ? ContentHash(doc) : rec.hash;
  DRAGOMAN_ASSIGN_OR_RETURN(bool known, HasContent(hash));
  if (known) return PutOutcome::kUnchanged;

  PutOutcome outcome = PutOutcome::kAdded;
  {
    DRAGOMAN_ASSIGN_OR_RETURN(
        sql::Stmt * q_p,
        // Two indexed lookups: written as one OR, the query scanned every document (an ingest
        // was quadratic in the corpus size).
        Prepared("SELECT id FROM documents WHERE doc_key = ?1 UNION "
                 "SELECT id FROM documents WHERE url = ?2 AND url <> '' ORDER BY id"));
    sql::Stmt& q = *q_p;
    q.Bind(1, doc.id).Bind(2, doc.url);
    std::vector<int64_t> old;
    while (true) {
      DRAGOMAN_ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      old.push_back(q.Int(0));
    }
    if (!old.empty()) {
      // The delete trigger removes sentences from the index, so what this batch added must be
      // in it first; ids freed at the top are given out again, so re-read where indexing stands.
      DRAGOMAN_RETURN_IF_ERROR(IndexNewSentences());
      for (int64_t id : old) DRAGOMAN_RETURN_IF_ERROR(DeleteDocument(id));
      DRAGOMAN_ASSIGN_OR_RETURN(int64_t top, MaxSentenceId());
      fts_indexed_upto_ = std::min(fts_indexed_upto_, top);
      outcome = PutOutcome::kReplaced;
    }
  }

  // The sentences to store: as given, else those that carry events.
  const std::map<int, SentenceSpan> sentences = SentencesToStore(rec);
  int sentence_count = rec.sentences.empty() ? 0 : static_cast<int>(rec.sentences.size());

  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * ins_p,
      Prepared("INSERT INTO documents (doc_key, url, title, source, outlet, origin, "
               "date, date_source, hash, text, sentences, ingested) VALUES "
               "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
               "strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"));
  sql::Stmt& ins = *ins_p;
  ins.Bind(1, doc.id)
      .Bind(2, doc.url)
      .Bind(3, doc.title)
      .Bind(4, doc.source)
      .Bind(5, OutletOf(doc))
      .Bind(6, doc.origin)
      .Bind(7, doc.date ? doc.date->ToString() : std::string())
      .Bind(8, rec.date_source.empty() ? std::string("none") : rec.date_source)
      .Bind(9, hash)
      .Bind(10, doc.text)
      .Bind(11, sentence_count);
  DRAGOMAN_RETURN_IF_ERROR(ins.Run());
  int64_t doc_row = db_->LastInsertRowid();

  std::map<int, int64_t> sentence_rows;
  {
    DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * st_p,
                              Prepared("INSERT INTO sentences (doc, idx, begin, end, text) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5)"));
    sql::Stmt& st = *st_p;
    for (const auto& [idx, s] : sentences) {
      if (s.end > doc.text.size() || s.begin > s.end) {
        return Status::Internal(doc.origin + ": sentence " + std::to_string(idx) +
                                " has a span outside the document");
      }
      std::string_view text = std::string_view(doc.text).substr(s.begin, s.end - s.begin);
      st.Bind(1, doc_row).Bind(2, idx).Bind(3, int64_t{s.begin}).Bind(4, int64_t{s.end});
      st.Bind(5, text);
      DRAGOMAN_RETURN_IF_ERROR(st.Run());
      sentence_rows[idx] = db_->LastInsertRowid();
    }
  }
  for (const auto& e : rec.events) {
    auto it = sentence_rows.find(e.sentence);
    DRAGOMAN_RETURN_IF_ERROR(
        InsertEvent(doc_row, rec, e, it == sentence_rows.end() ? 0 : it->second));
  }
  return outcome;
}

Result<int64_t> Store::FindOrCreateGroup(const Event& e, const std::string& date, int64_t day) {
  std::string source = e.source ? e.source->code : "";
  std::string target = e.target ? e.target->code : "";
  std::string location = e.location ? e.location->name : "";
  std::string mood(MoodName(e.mood));
  bool day_precision = date.size() == 10;
  if (!date.empty()) {
    // Same dyad, type, polarity and mood; day-precise dates within one day of each other (other
    // precisions: the same date, hence the same day); the same place when both name one. Nearest
    // date wins. Every equality and the day range are columns of event_groups_key, in its order,
    // so this is one index search (a missing actor is NULL: `IS` matches it and uses the index).
    static constexpr const char* kDayPrecise =
        "SELECT id, location FROM event_groups WHERE plover = ?1 AND source IS ?2 AND "
        "target IS ?3 AND day BETWEEN ?7 - 1 AND ?7 + 1 AND length(date) = 10 AND negated = ?4 "
        "AND mood = ?5 AND (location IS NULL OR ?9 = '' OR lower(location) = lower(?9)) "
        "ORDER BY abs(day - ?7), id LIMIT 1";
    static constexpr const char* kCoarse =
        "SELECT id, location FROM event_groups WHERE plover = ?1 AND source IS ?2 AND "
        "target IS ?3 AND day = ?7 AND date = ?8 AND negated = ?4 AND mood = ?5 AND "
        "(location IS NULL OR ?9 = '' OR lower(location) = lower(?9)) ORDER BY id LIMIT 1";
    DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * q_p, Prepared(day_precision ? kDayPrecise : kCoarse));
    sql::Stmt& q = *q_p;
    q.Bind(1, e.plover).BindOrNull(2, source).BindOrNull(3, target);
    q.Bind(4, e.negated ? 1 : 0).Bind(5, mood).Bind(7, day).Bind(9, location);
    if (!day_precision) q.Bind(8, date);
    DRAGOMAN_ASSIGN_OR_RETURN(bool row, q.Step());
    if (row) {
      int64_t id = q.Int(0);
      bool no_location = q.IsNull(1);
      q.Reset();
      if (no_location && !location.empty()) {
        DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt * u_p,
                                  Prepared("UPDATE event_groups SET location = ?2 WHERE id = ?1"));
        sql::Stmt& u = *u_p;
        u.Bind(1, id).Bind(2, location);
        DRAGOMAN_RETURN_IF_ERROR(u.Run());
      }
      return id;
    }
  }
  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * ins_p,
      Prepared("INSERT INTO event_groups (source, target, plover, negated, mood, "
               "date, day, location) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
  sql::Stmt& ins = *ins_p;
  ins.BindOrNull(1, source).BindOrNull(2, target).Bind(3, e.plover).Bind(4, e.negated ? 1 : 0);
  ins.Bind(5, mood).Bind(6, date);
  if (date.empty()) {
    ins.BindNull(7);
  } else {
    ins.Bind(7, day);
  }
  ins.BindOrNull(8, location);
  DRAGOMAN_RETURN_IF_ERROR(ins.Run());
  return db_->LastInsertRowid();
}

Status Store::InsertEvent(int64_t doc_row, const DocumentRecord& rec, const Event& e,
                          int64_t sentence_row) {
  std::string date = EffectiveDate(e);
  std::optional<int64_t> day = DayOf(date);
  if (!day) date.clear();
  DRAGOMAN_ASSIGN_OR_RETURN(int64_t grp, FindOrCreateGroup(e, date, day.value_or(0)));

  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * ins_p,
      Prepared("INSERT INTO events (doc, grp, sentence, sentence_id, span_begin, span_end, "
               "source, source_country, target, target_country, cameo, plover, goldstein, "
               "quad, date, day, negated, mood, location, location_country, rule, json) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
               "?16, ?17, ?18, ?19, ?20, ?21, ?22)"));
  sql::Stmt& ins = *ins_p;
  ins.Bind(1, doc_row).Bind(2, grp).Bind(3, e.sentence);
  if (sentence_row) {
    ins.Bind(4, sentence_row);
  } else {
    ins.BindNull(4);
  }
  ins.Bind(5, int64_t{e.span_begin}).Bind(6, int64_t{e.span_end});
  if (e.source) {
    ins.Bind(7, e.source->code).BindOrNull(8, Upper(e.source->country));
  } else {
    ins.BindNull(7).BindNull(8);
  }
  if (e.target) {
    ins.Bind(9, e.target->code).BindOrNull(10, Upper(e.target->country));
  } else {
    ins.BindNull(9).BindNull(10);
  }
  ins.Bind(11, e.cameo).Bind(12, e.plover).Bind(13, e.goldstein).Bind(14, e.quad);
  ins.Bind(15, date).Bind(16, day);
  ins.Bind(17, e.negated ? 1 : 0).Bind(18, MoodName(e.mood));
  if (e.location) {
    ins.BindOrNull(19, e.location->name).BindOrNull(20, Upper(e.location->country));
  } else {
    ins.BindNull(19).BindNull(20);
  }
  ins.Bind(21, e.rule).Bind(22, EventToJsonLine(e));
  DRAGOMAN_RETURN_IF_ERROR(ins.Run());
  int64_t event_row = db_->LastInsertRowid();

  // Roles are observed as of the document's date (a title in the text is true when written).
  std::string seen = rec.doc.date ? rec.doc.date->ToString() : date;
  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt * am_p,
      Prepared("INSERT INTO actor_mentions (doc, event, role, code, country, sector, "
               "name, text, date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  sql::Stmt& am = *am_p;
  const std::pair<const char*, const std::optional<ActorRef>*> roles[] = {
      {"source", &e.source}, {"target", &e.target}, {"speaker", &e.speaker}};
  for (const auto& [role, ref] : roles) {
    if (!*ref || (*ref)->code.empty()) continue;
    const ActorRef& a = **ref;
    am.Bind(1, doc_row).Bind(2, event_row).Bind(3, role).Bind(4, a.code);
    am.Bind(5, Upper(a.country)).Bind(6, a.sector).Bind(7, a.name).Bind(8, a.text).Bind(9, seen);
    DRAGOMAN_RETURN_IF_ERROR(am.Run());
  }
  return Status::Ok();
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
