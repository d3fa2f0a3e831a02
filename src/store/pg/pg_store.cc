#include "store/pg/pg_store.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "events/unresolved.h"
#include "output/event_json.h"
#include "store/pg/libpq.h"
#include "store/pg/pg_internal.h"

namespace dragoman {

using pg_internal::Upper;

namespace {

// The PostgreSQL form of the SQLite schema (store.cc, versions 1 to 3): the same tables and
// columns; bigserial ids; a generated, GIN-indexed tsvector in place of the FTS5 table.
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS dragoman_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  id BIGSERIAL PRIMARY KEY, doc_key TEXT NOT NULL UNIQUE, url TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', outlet TEXT NOT NULL,
  origin TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',
  date_source TEXT NOT NULL DEFAULT 'none', hash TEXT NOT NULL, text TEXT NOT NULL,
  sentences INTEGER NOT NULL, ingested TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_url ON documents(url) WHERE url <> '';
CREATE INDEX IF NOT EXISTS documents_hash ON documents(hash);
CREATE TABLE IF NOT EXISTS sentences (
  id BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL,
  "begin" INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
  tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED, UNIQUE (doc, idx));
CREATE INDEX IF NOT EXISTS sentences_tsv ON sentences USING gin(tsv);
CREATE TABLE IF NOT EXISTS event_groups (
  id BIGSERIAL PRIMARY KEY, source TEXT, target TEXT, plover TEXT NOT NULL,
  negated INTEGER NOT NULL, mood TEXT NOT NULL, date TEXT NOT NULL, day BIGINT, location TEXT);
CREATE INDEX IF NOT EXISTS event_groups_key ON event_groups(plover, source, target, day);
CREATE TABLE IF NOT EXISTS events (
  id BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL REFERENCES documents(id),
  grp BIGINT NOT NULL REFERENCES event_groups(id), sentence INTEGER NOT NULL,
  sentence_id BIGINT REFERENCES sentences(id), span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL, source TEXT, source_country TEXT, target TEXT,
  target_country TEXT, cameo TEXT NOT NULL, plover TEXT NOT NULL,
  goldstein DOUBLE PRECISION NOT NULL, quad TEXT NOT NULL, date TEXT NOT NULL, day BIGINT,
  negated INTEGER NOT NULL, mood TEXT NOT NULL, location TEXT, location_country TEXT,
  rule TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc);
CREATE INDEX IF NOT EXISTS events_grp ON events(grp);
CREATE INDEX IF NOT EXISTS events_sentence ON events(sentence_id);
CREATE INDEX IF NOT EXISTS events_filter ON events(source_country, target_country, day);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE TABLE IF NOT EXISTS actor_mentions (
  id BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL REFERENCES documents(id),
  event BIGINT NOT NULL REFERENCES events(id), role TEXT NOT NULL, code TEXT NOT NULL,
  country TEXT NOT NULL, sector TEXT NOT NULL, name TEXT NOT NULL, text TEXT NOT NULL,
  date TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS actor_mentions_event ON actor_mentions(event);
CREATE INDEX IF NOT EXISTS actor_mentions_doc ON actor_mentions(doc);
CREATE TABLE IF NOT EXISTS watch_files (
  path TEXT PRIMARY KEY, "offset" BIGINT NOT NULL, lines BIGINT NOT NULL, size BIGINT NOT NULL,
  mtime_ns BIGINT NOT NULL, documents BIGINT NOT NULL, errors BIGINT NOT NULL,
  updated TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alerts (
  id BIGSERIAL PRIMARY KEY, rule TEXT NOT NULL, dyad TEXT NOT NULL, key TEXT NOT NULL,
  json TEXT NOT NULL, fired TEXT NOT NULL, UNIQUE (rule, dyad, key));
)sql";

// The advisory lock key of the writers ("DRAG").
constexpr const char* kWriterLock = "SELECT pg_advisory_xact_lock(1146241351)";

using Params = std::vector<std::optional<std::string>>;

std::optional<std::string> OrNull(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// The URL without its password, for messages.
std::string Label(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

}  // namespace

bool IsPostgresUrl(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

Result<PgStore::Rows> PgStore::Exec(const std::string& sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  auto error = [&](PGresult* res) -> Status {
    std::string msg = pq_->PQresultErrorMessage(res);
    if (msg.empty()) msg = pq_->PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    for (char& c : msg) {
      if (c == '\n') c = ' ';
    }
    std::string head = sql.substr(0, std::min<size_t>(sql.find('\n'), 60));
    return Status::Store(label_ + ": " + msg + " (in: " + head + ")");
  };
  PGresult* res = nullptr;
  if (params.empty()) {
    res = pq_->PQexec(conn_, sql.c_str());
  } else {
    // Statements with parameters are prepared once per connection: a worker runs the same
    // dozen for every document, and parsing and planning them each time cost as much as running
    // them.
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      Rows prep(pq_, pq_->PQprepare(conn_, name.c_str(), sql.c_str(),
                                    static_cast<int>(params.size()), nullptr));
      if (pq_->PQresultStatus(prep.res) != PGRES_COMMAND_OK) return error(prep.res);
      it = prepared_.emplace(sql, std::move(name)).first;
    }
    res = pq_->PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                              values.data(), nullptr, nullptr, 0);
  }
  Rows rows(pq_, res);
  ExecStatusType st = pq_->PQresultStatus(res);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return error(res);
  return rows;
}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, Store::OpenMode mode) {
  DRAGOMAN_ASSIGN_OR_RETURN(const LibPq* pq, LoadLibPq());
  pg_conn* conn = pq->PQconnectdb(url.c_str());
  std::unique_ptr<PgStore> store(new PgStore(pq, conn, Label(url)));
  if (conn == nullptr || pq->PQstatus(conn) != CONNECTION_OK) {
    std::string msg = conn ? pq->PQerrorMessage(conn) : "out of memory";
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    for (char& c : msg) {
      if (c == '\n') c = ' ';
    }
    return Status::Store(store->label_ + ": cannot connect: " + msg);
  }
  DRAGOMAN_RETURN_IF_ERROR(store->Exec("SET client_min_messages = warning", {}).status());
  DRAGOMAN_RETURN_IF_ERROR(store->Init(mode));
  return store;
}

PgStore::~PgStore() {
  if (conn_) pq_->PQfinish(conn_);
}

Status PgStore::Init(Store::OpenMode mode) {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows exists,
                            Exec("SELECT to_regclass('dragoman_meta') IS NOT NULL", {}));
  int64_t version = 0;
  if (exists.text(0, 0) == "t") {
    DRAGOMAN_ASSIGN_OR_RETURN(
        Rows v, Exec("SELECT value FROM dragoman_meta WHERE key = 'schema_version'", {}));
    if (v.size() > 0) version = std::atoll(v.text(0, 0).c_str());
  }
  if (version > kStoreSchemaVersion) {
    return Status::Store(label_ + ": written by a newer dragoman (schema version " +
                         std::to_string(version) + "; this build reads up to version " +
                         std::to_string(kStoreSchemaVersion) + ")");
  }
  if (version == kStoreSchemaVersion) return Status::Ok();
  // The PostgreSQL tables (kSchema) are the same at versions 5 and 6 (version 6 added an index of
  // the SQLite file only), so a version 5 database is read as it is; a writer brings it to the
  // current version below.
  if (mode == Store::OpenMode::kReadOnly && version >= 5) return Status::Ok();
  if (mode == Store::OpenMode::kReadOnly) {
    return Status::Store(label_ + ": an empty database (run 'dragoman worker' or ingest first)");
  }
  // Creation under the writers' lock: several workers starting at once create it once.
  DRAGOMAN_RETURN_IF_ERROR(Exec("BEGIN", {}).status());
  auto rollback = [&](Status s) {
    (void)Exec("ROLLBACK", {});
    return s;
  };
  if (auto r = Exec(kWriterLock, {}); !r.ok()) return rollback(r.status());
  if (auto r = Exec(kSchema, {}); !r.ok()) return rollback(r.status());
  if (auto r = Exec("INSERT INTO dragoman_meta VALUES ('schema_version', $1) ON CONFLICT (key) "
                    "DO UPDATE SET value = excluded.value",
                    {std::to_string(kStoreSchemaVersion)});
      !r.ok()) {
    return rollback(r.status());
  }
  return Exec("COMMIT", {}).status();
}

Result<bool> PgStore::HasContent(const std::string& hash) {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec("SELECT 1 FROM documents WHERE hash = $1", {hash}));
  return r.size() > 0;
}

Result<std::vector<PutOutcome>> PgStore::PutBatch(const std::vector<DocumentRecord>& batch) {
  std::vector<PutOutcome> out;
  DRAGOMAN_RETURN_IF_ERROR(Exec("BEGIN", {}).status());
  auto body = [&]() -> Status {
    DRAGOMAN_RETURN_IF_ERROR(Exec(kWriterLock, {}).status());
    DRAGOMAN_RETURN_IF_ERROR(ReadNextIds());
    for (const auto& rec : batch) {
      DRAGOMAN_ASSIGN_OR_RETURN(PutOutcome o, Put(rec));
      out.push_back(o);
    }
    // Readers (the server's answer cache) see that something was committed.
    DRAGOMAN_RETURN_IF_ERROR(
        Exec("INSERT INTO dragoman_meta VALUES ('data_version', '1') ON CONFLICT (key) DO UPDATE "
             "SET value = (dragoman_meta.value::bigint + 1)::text",
             {})
            .status());
    return Exec("COMMIT", {}).status();
  };
  if (Status st = body(); !st.ok()) {
    (void)Exec("ROLLBACK", {});
    return st;
  }
  return out;
}

Status PgStore::DeleteDocument(const std::string& doc_row) {
  static constexpr const char* kDeletes[] = {
      "DELETE FROM actor_mentions WHERE doc = $1",
      "CREATE TEMP TABLE IF NOT EXISTS touched_groups (id BIGINT PRIMARY KEY)",
      "DELETE FROM touched_groups",
      "INSERT INTO touched_groups SELECT DISTINCT grp FROM events WHERE doc = $1",
      "DELETE FROM events WHERE doc = $1",
      ("DELETE FROM event_groups g WHERE id IN (SELECT id FROM touched_groups) AND NOT EXISTS "
       "(SELECT 1 FROM events e WHERE e.grp = g.id)"),
      "DELETE FROM sentences WHERE doc = $1",
      "DELETE FROM documents WHERE id = $1",
  };
  for (const char* s : kDeletes) {
    const bool param = std::string_view(s).find("$1") != std::string_view::npos;
    DRAGOMAN_RETURN_IF_ERROR(Exec(s, param ? Params{doc_row} : Params{}).status());
  }
  return Status::Ok();
}

// Rows for one multi-row INSERT ... SELECT * FROM unnest($1::T1[], $2::T2[], ...): one array
// parameter per column, so that a statement writes any number of rows, is prepared once, and
// costs one round trip.
class PgStore::ColumnArrays {
 public:
  explicit ColumnArrays(size_t columns) : cols_(columns, "{") {}
  void Add(const std::vector<std::optional<std::string>>& row) {
    for (size_t c = 0; c < cols_.size(); ++c) {
      std::string& a = cols_[c];
      if (rows_ > 0) a += ',';
      if (!row[c]) {
        a += "NULL";
        continue;
      }
      a += '"';
      for (char ch : *row[c]) {
        if (ch == '"' || ch == '\\') a += '\\';
        a += ch;
      }
      a += '"';
    }
    ++rows_;
  }
  size_t rows() const { return rows_; }
  Params Finish() const {
    Params p;
    for (const std::string& a : cols_) p.push_back(a + "}");
    return p;
  }

 private:
  std::vector<std::string> cols_;
  size_t rows_ = 0;
};

Result<PutOutcome> PgStore::Put(const DocumentRecord& rec) {
  const Document& doc = rec.doc;
  const std::string hash = rec.hash.empty() ? Store::ContentHash(doc) : rec.hash;
  // One round trip: is this content stored, and which documents has it to replace (same id or
  // URL)?
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows look,
      Exec("SELECT EXISTS (SELECT 1 FROM documents WHERE hash = $1), array_to_string(array("
           "SELECT id FROM documents WHERE doc_key = $2 UNION SELECT id FROM documents WHERE "
           "url = $3 AND url <> '' ORDER BY id), ',')",
           {hash, doc.id, doc.url}));
  if (look.text(0, 0) == "t" && !rec.recode) return PutOutcome::kUnchanged;
  PutOutcome outcome = PutOutcome::kAdded;
  std::string old = look.text(0, 1);
  if (rec.recode) {
    // Re-coding (`ingest --recode`): the stored copies of this content are replaced as well.
    DRAGOMAN_ASSIGN_OR_RETURN(
        Rows same, Exec("SELECT array_to_string(array(SELECT id FROM documents WHERE hash = $1 "
                        "AND doc_key <> $2 AND (url <> $3 OR url = '') ORDER BY id), ',')",
                        {hash, doc.id, doc.url}));
    const std::string more = same.text(0, 0);
    if (!more.empty()) old += (old.empty() ? "" : ",") + more;
  }
  for (size_t from = 0; from < old.size();) {
    size_t comma = old.find(',', from);
    if (comma == std::string::npos) comma = old.size();
    DRAGOMAN_RETURN_IF_ERROR(DeleteDocument(old.substr(from, comma - from)));
    outcome = PutOutcome::kReplaced;
    from = comma + 1;
  }
  if (outcome == PutOutcome::kReplaced) DRAGOMAN_RETURN_IF_ERROR(ReadNextIds());
  // The sentences to store: as given, else those that carry events (as Store::Put).
  const std::map<int, SentenceSpan> sentences = SentencesToStore(rec);
  const std::string doc_row = std::to_string(next_doc_++);
  DRAGOMAN_RETURN_IF_ERROR(
      Exec("INSERT INTO documents (id, doc_key, url, title, source, outlet, origin, date, "
           "date_source, hash, text, sentences, ingested) VALUES ($12::bigint, $1, $2, $3, $4, "
           "$5, $6, $7, $8, $9, $10, $11, to_char(now() AT TIME ZONE 'UTC', "
           "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))",
           {doc.id, doc.url, doc.title, doc.source, OutletOf(doc), doc.origin,
            doc.date ? doc.date->ToString() : std::string(),
            rec.date_source.empty() ? std::string("none") : rec.date_source, hash, doc.text,
            std::to_string(rec.sentences.size()), doc_row})
          .status());
  std::map<int, std::string> sentence_rows;
  ColumnArrays sentence_cols(6);
  for (const auto& [idx, sp] : sentences) {
    if (sp.end > doc.text.size() || sp.begin > sp.end) {
      return Status::Internal(doc.origin + ": sentence " + std::to_string(idx) +
                              " has a span outside the document");
    }
    const std::string row = std::to_string(next_sentence_++);
    sentence_rows[idx] = row;
    sentence_cols.Add({row, doc_row, std::to_string(idx), std::to_string(sp.begin),
                       std::to_string(sp.end), doc.text.substr(sp.begin, sp.end - sp.begin)});
  }
  if (sentence_cols.rows() > 0) {
    DRAGOMAN_RETURN_IF_ERROR(
        Exec("INSERT INTO sentences (id, doc, idx, \"begin\", \"end\", text) SELECT * FROM "
             "unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::text[])",
             sentence_cols.Finish())
            .status());
  }
  ColumnArrays event_cols(23), actor_cols(10);
  for (const auto& e : rec.events) {
    auto it = sentence_rows.find(e.sentence);
    // An unresolved mention (no code, doc/output.md) is stored as no actor.
    std::optional<Event> coded;
    if (HasUnresolvedActor(e)) coded = CodedActorsOnly(e);
    DRAGOMAN_RETURN_IF_ERROR(AddEvent(doc_row, rec, coded ? *coded : e,
                                      it == sentence_rows.end() ? std::string() : it->second,
                                      &event_cols, &actor_cols));
  }
  if (event_cols.rows() > 0) {
    DRAGOMAN_RETURN_IF_ERROR(
        Exec("INSERT INTO events (id, doc, grp, sentence, sentence_id, span_begin, span_end, "
             "source, source_country, target, target_country, cameo, plover, goldstein, quad, "
             "date, day, negated, mood, location, location_country, rule, json) SELECT * FROM "
             "unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::int[], $5::bigint[], "
             "$6::int[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[], "
             "$12::text[], $13::text[], $14::float8[], $15::text[], $16::text[], $17::bigint[], "
             "$18::int[], $19::text[], $20::text[], $21::text[], $22::text[], $23::text[])",
             event_cols.Finish())
            .status());
  }
  if (actor_cols.rows() > 0) {
    DRAGOMAN_RETURN_IF_ERROR(
        Exec("INSERT INTO actor_mentions (doc, event, role, code, country, sector, name, text, "
             "date) SELECT d, e, r, c, co, se, n, t, da FROM unnest($1::bigint[], $2::bigint[], "
             "$3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], "
             "$9::text[], $10::int[]) AS x(d, e, r, c, co, se, n, t, da, k) ORDER BY k",
             actor_cols.Finish())
            .status());
  }
  return outcome;
}

Status PgStore::ReadNextIds() {
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows r, Exec("SELECT (SELECT coalesce(max(id), 0) FROM event_groups), (SELECT "
                   "coalesce(max(id), 0) FROM events), (SELECT coalesce(max(id), 0) FROM "
                   "documents), (SELECT coalesce(max(id), 0) FROM sentences)",
                   {}));
  next_group_ = r.num(0, 0) + 1;
  next_event_ = r.num(0, 1) + 1;
  next_doc_ = r.num(0, 2) + 1;
  next_sentence_ = r.num(0, 3) + 1;
  return Status::Ok();
}

Result<std::string> PgStore::FindOrCreateGroup(const Event& e, const std::string& date,
                                               int64_t day) {
  const std::string source = e.source ? e.source->code : "";
  const std::string target = e.target ? e.target->code : "";
  const std::string location = e.location ? e.location->name : "";
  const std::string mood(MoodName(e.mood));
  const std::string neg = e.negated ? "1" : "0";
  const std::string id = std::to_string(next_group_);
  const auto day_param =
      date.empty() ? std::nullopt : std::optional<std::string>(std::to_string(day));
  // The rule of Store::FindOrCreateGroup: same dyad, type, polarity and mood; day-precise dates
  // within a day of each other (coarser ones: the same date); the same place when both name one;
  // the nearest date wins; undated mentions are never grouped. Found (and given the place when
  // it had none) or created in one statement, one round trip.
  const bool precise = date.size() == 10;
  std::string found =
      "SELECT id, location IS NULL AS unplaced FROM event_groups WHERE $8::text <> '' AND "
      "plover = $1 AND source IS NOT DISTINCT FROM $2 AND target IS NOT DISTINCT FROM $3 AND "
      "negated = $4::int AND mood = $5 AND (location IS NULL OR coalesce($7, '') = '' OR "
      "lower(location) = lower($7)) AND ";
  found += precise ? "day BETWEEN $6::bigint - 1 AND $6::bigint + 1 AND length(date) = 10 "
                     "ORDER BY abs(day - $6::bigint), id LIMIT 1"
                   : "day = $6::bigint AND date = $8 ORDER BY id LIMIT 1";
  std::string sql =
      "WITH found AS (" + found +
      "), placed AS (UPDATE event_groups g SET location = $7 FROM found WHERE g.id = found.id "
      "AND found.unplaced AND coalesce($7, '') <> ''), created AS (INSERT INTO event_groups (id, "
      "source, target, plover, negated, mood, date, day, location) SELECT $9::bigint, $2, $3, "
      "$1, $4::int, $5, $8, $6::bigint, $7 WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING id) "
      "SELECT id, false FROM found UNION ALL SELECT id, true FROM created";
  DRAGOMAN_ASSIGN_OR_RETURN(Rows g, Exec(sql, {e.plover, OrNull(source), OrNull(target), neg, mood,
                                               day_param, OrNull(location), date, id}));
  if (g.size() != 1) return Status::Internal(label_ + ": event group lookup returned no row");
  if (g.text(0, 1) == "t") ++next_group_;
  return g.text(0, 0);
}

Status PgStore::AddEvent(const std::string& doc_row, const DocumentRecord& rec, const Event& e,
                         const std::string& sentence_row, ColumnArrays* events,
                         ColumnArrays* actors) {
  std::string date = EffectiveDate(e);
  std::optional<int64_t> day = DayOf(date);
  if (!day) date.clear();
  DRAGOMAN_ASSIGN_OR_RETURN(std::string grp, FindOrCreateGroup(e, date, day.value_or(0)));
  auto day_text = day ? std::optional<std::string>(std::to_string(*day)) : std::nullopt;
  const std::string event_row = std::to_string(next_event_++);
  events->Add({event_row,
               doc_row,
               grp,
               std::to_string(e.sentence),
               OrNull(sentence_row),
               std::to_string(e.span_begin),
               std::to_string(e.span_end),
               e.source ? std::optional<std::string>(e.source->code) : std::nullopt,
               e.source ? OrNull(Upper(e.source->country)) : std::nullopt,
               e.target ? std::optional<std::string>(e.target->code) : std::nullopt,
               e.target ? OrNull(Upper(e.target->country)) : std::nullopt,
               e.cameo,
               e.plover,
               nlohmann::json(e.goldstein).dump(),
               e.quad,
               date,
               day_text,
               e.negated ? "1" : "0",
               std::string(MoodName(e.mood)),
               e.location ? OrNull(e.location->name) : std::nullopt,
               e.location ? OrNull(Upper(e.location->country)) : std::nullopt,
               e.rule,
               EventToJsonLine(e)});
  const std::string seen = rec.doc.date ? rec.doc.date->ToString() : date;
  const std::pair<const char*, const std::optional<ActorRef>*> roles[] = {
      {"source", &e.source}, {"target", &e.target}, {"speaker", &e.speaker}};
  for (const auto& [role, ref] : roles) {
    if (!*ref || (*ref)->code.empty()) continue;
    const ActorRef& a = **ref;
    actors->Add({doc_row, event_row, std::string(role), a.code, Upper(a.country), a.sector, a.name,
                 a.text, seen, std::to_string(actors->rows())});
  }
  return Status::Ok();
}

}  // namespace dragoman
