#include "store/pg/pg_store.h"

#include <libpq-fe.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "output/event_json.h"

namespace dragoman {

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

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

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

// The rows of one statement's result (owned; cleared on destruction).
struct PgStore::Rows {
  PGresult* res = nullptr;
  explicit Rows(PGresult* r) : res(r) {}
  Rows(Rows&& o) noexcept : res(o.res) { o.res = nullptr; }
  Rows& operator=(Rows&&) = delete;
  ~Rows() {
    if (res) PQclear(res);
  }
  int size() const { return PQntuples(res); }
  bool null(int r, int c) const { return PQgetisnull(res, r, c); }
  std::string text(int r, int c) const { return PQgetvalue(res, r, c); }
  int64_t num(int r, int c) const { return std::atoll(PQgetvalue(res, r, c)); }
  double real(int r, int c) const { return std::atof(PQgetvalue(res, r, c)); }
};

Result<PgStore::Rows> PgStore::Exec(const std::string& sql, const Params& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  auto error = [&](PGresult* res) -> Status {
    std::string msg = PQresultErrorMessage(res);
    if (msg.empty()) msg = PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    for (char& c : msg) {
      if (c == '\n') c = ' ';
    }
    std::string head = sql.substr(0, std::min<size_t>(sql.find('\n'), 60));
    return Status::Store(label_ + ": " + msg + " (in: " + head + ")");
  };
  PGresult* res = nullptr;
  if (params.empty()) {
    res = PQexec(conn_, sql.c_str());
  } else {
    // Statements with parameters are prepared once per connection: a worker runs the same
    // dozen for every document, and parsing and planning them each time cost as much as running
    // them.
    auto it = prepared_.find(sql);
    if (it == prepared_.end()) {
      std::string name = "s" + std::to_string(prepared_.size());
      Rows prep(
          PQprepare(conn_, name.c_str(), sql.c_str(), static_cast<int>(params.size()), nullptr));
      if (PQresultStatus(prep.res) != PGRES_COMMAND_OK) return error(prep.res);
      it = prepared_.emplace(sql, std::move(name)).first;
    }
    res = PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()), values.data(),
                         nullptr, nullptr, 0);
  }
  Rows rows(res);
  ExecStatusType st = PQresultStatus(res);
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return error(res);
  return rows;
}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, Store::OpenMode mode) {
  pg_conn* conn = PQconnectdb(url.c_str());
  std::unique_ptr<PgStore> store(new PgStore(conn, Label(url)));
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    std::string msg = conn ? PQerrorMessage(conn) : "out of memory";
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
  if (conn_) PQfinish(conn_);
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
  if (look.text(0, 0) == "t") return PutOutcome::kUnchanged;
  PutOutcome outcome = PutOutcome::kAdded;
  const std::string old = look.text(0, 1);
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
    DRAGOMAN_RETURN_IF_ERROR(AddEvent(doc_row, rec, e,
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

Result<StoreStats> PgStore::Stats() {
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows r, Exec("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
                   "(SELECT count(*) FROM events), (SELECT count(*) FROM event_groups), "
                   "(SELECT count(*) FROM actor_mentions)",
                   {}));
  StoreStats s;
  s.documents = r.num(0, 0);
  s.sentences = r.num(0, 1);
  s.mentions = r.num(0, 2);
  s.events = r.num(0, 3);
  s.actor_mentions = r.num(0, 4);
  return s;
}

Result<std::vector<std::string>> PgStore::AllEventJson() {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r,
                            Exec("SELECT json FROM events ORDER BY json COLLATE \"C\"", {}));
  std::vector<std::string> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
  return out;
}

Result<std::string> PgStore::FilterSql(const EventFilter& filter, Params* params) {
  DRAGOMAN_RETURN_IF_ERROR(CheckQueryLimits(filter.text, filter.text_limits));
  auto param = [&](std::string v) {
    params->push_back(std::move(v));
    return "$" + std::to_string(params->size()) + "::text";
  };
  // As query.cc: a side matches a country, a whole code or a code prefix (no LIKE, so that '%'
  // and '_' in a selector are plain characters).
  auto side = [&](const std::string& col, const std::string& p) {
    return "(" + col + "_country = " + p + " OR substr(" + col + ", 1, length(" + p + ")) = " + p +
           ")";
  };
  std::string where = "TRUE";
  if (filter.dyad) {
    std::string a = param(Upper(filter.dyad->first));
    std::string b = param(Upper(filter.dyad->second));
    std::string ab = side("e.source", a) + " AND " + side("e.target", b);
    std::string ba = side("e.source", b) + " AND " + side("e.target", a);
    where += filter.directed ? " AND (" + ab + ")" : " AND ((" + ab + ") OR (" + ba + "))";
  }
  if (!filter.actor.empty()) {
    // As query.cc: a source or target actor mention whose country, code (prefix), person name or
    // surface text matches; names and texts case-insensitively for ASCII letters.
    std::string code = param(Upper(filter.actor));
    std::string text = param(filter.actor);
    auto ascii_lower = [](const std::string& x) {
      return "translate(" + x + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
    };
    where +=
        " AND e.id IN (SELECT event FROM actor_mentions WHERE role <> 'speaker' AND "
        "(country = " +
        code + " OR substr(code, 1, length(" + code + ")) = " + code + " OR position(" +
        ascii_lower(text) + " in " + ascii_lower("name") + ") > 0 OR position(" +
        ascii_lower(text) + " in " + ascii_lower("text") + ") > 0))";
  }
  if (!filter.type.empty()) {
    std::string p = param(filter.type);
    const bool digits = std::all_of(filter.type.begin(), filter.type.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
    where += digits
                 ? " AND substr(e.cameo, 1, length(" + p + ")) = " + p
                 : " AND (upper(e.plover) = upper(" + p + ") OR lower(e.quad) = lower(" + p + "))";
  }
  if (filter.since) {
    where += " AND e.day >= " + param(std::to_string(filter.since->DaysFromEpoch())) + "::bigint";
  }
  if (filter.until) {
    // The last day of the period of a partial date ("2024" -> 2024-12-31), as query.cc.
    const PartialDate& u = *filter.until;
    int64_t last = u.precision() == DatePrecision::kDay ? u.DaysFromEpoch()
                   : u.precision() == DatePrecision::kMonth
                       ? u.DaysFromEpoch() + DaysInMonth(u.year, u.month) - 1
                       : PartialDate{u.year, 12, 31}.DaysFromEpoch();
    where += " AND e.day <= " + param(std::to_string(last)) + "::bigint";
  }
  if (filter.negated_only) where += " AND e.negated = 1";
  if (!filter.location.empty()) {
    std::string p = param(filter.location);
    std::string c = param(Upper(filter.location));
    where += " AND (position(lower(" + p +
             ") in lower(e.location)) > 0 OR e.location_country = " + c + ")";
  }
  if (!filter.text.empty()) {
    where +=
        " AND EXISTS (SELECT 1 FROM sentences s WHERE s.id = e.sentence_id AND s.tsv @@ "
        "plainto_tsquery('simple', " +
        param(filter.text) + "))";
  }
  return where;
}

Status PgStore::ForEachEvent(const EventFilter& filter,
                             const std::function<Status(const StoredEvent&)>& fn) {
  Params params;
  DRAGOMAN_ASSIGN_OR_RETURN(std::string where, FilterSql(filter, &params));
  auto param = [&](std::string v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size()) + "::bigint";
  };
  // Paging: only rows after the cursor in the order below (undated rows last), as query.cc.
  std::string after;
  if (filter.after) {
    std::string g = param(std::to_string(filter.after->event_id));
    std::string i = param(std::to_string(filter.after->mention_id));
    std::string same_day = "s.grp > " + g + " OR (s.grp = " + g + " AND s.id > " + i + ")";
    if (filter.after->day) {
      std::string d = param(std::to_string(*filter.after->day));
      after =
          " WHERE s.day IS NULL OR s.day > " + d + " OR (s.day = " + d + " AND (" + same_day + "))";
    } else {
      after = " WHERE s.day IS NULL AND (" + same_day + ")";
    }
  }
  std::string sql =
      "WITH m AS (SELECT e.id, e.grp, e.day FROM events e WHERE " + where + "), shown AS (" +
      (filter.mentions ? std::string("SELECT id, grp, day FROM m")
                       : std::string("SELECT DISTINCT ON (grp) id, grp, day FROM m ORDER BY grp, "
                                     "id")) +
      ") SELECT s.grp, s.id, e.json, c.mentions, c.articles, c.sources, d.url, d.ingested, s.day "
      "FROM shown s JOIN events e ON e.id = s.id JOIN documents d ON d.id = e.doc "
      "JOIN LATERAL (SELECT count(*) AS mentions, count(DISTINCT x.doc) AS articles, "
      "count(DISTINCT xd.outlet) AS sources FROM events x JOIN documents xd ON xd.id = x.doc "
      "WHERE x.grp = s.grp) c ON TRUE" +
      after + " ORDER BY s.day NULLS LAST, s.grp, s.id";
  if (filter.limit > 0) sql += " LIMIT " + param(std::to_string(filter.limit));
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec(sql, params));
  for (int i = 0; i < r.size(); ++i) {
    StoredEvent ev;
    ev.event_id = r.num(i, 0);
    ev.mention_id = r.num(i, 1);
    ev.json = r.text(i, 2);
    ev.mentions = static_cast<int>(r.num(i, 3));
    ev.articles = static_cast<int>(r.num(i, 4));
    ev.sources = static_cast<int>(r.num(i, 5));
    ev.url = r.text(i, 6);
    ev.added = r.text(i, 7);
    if (!r.null(i, 8)) ev.day = r.num(i, 8);
    if (filter.parse) {
      DRAGOMAN_ASSIGN_OR_RETURN(ev.event, ParseStored(ev.mention_id, ev.json));
    }
    DRAGOMAN_RETURN_IF_ERROR(fn(ev));
  }
  return Status::Ok();
}

Result<Event> PgStore::ParseStored(int64_t mention_id, const std::string& json) {
  auto parsed = EventFromJson(nlohmann::json::parse(json, nullptr, false));
  if (!parsed.ok()) {
    return Status::Store(label_ + ": event " + std::to_string(mention_id) + ": " +
                         parsed.status().message());
  }
  return std::move(parsed).value();
}

Result<std::vector<ActorSeen>> PgStore::ListActors(const std::string& country) {
  // As query.cc's ListActors; the roles in the order first seen (SQLite's group_concat).
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows r,
      Exec("SELECT name, code, min(country), min(sector), min(nullif(date, '') COLLATE \"C\"), "
           "max(nullif(date, '') COLLATE \"C\"), count(*), count(DISTINCT doc), "
           "string_agg(role, ',' ORDER BY id), min(text COLLATE \"C\") FROM actor_mentions "
           "WHERE $1::text = '' OR country = $1::text OR substr(code, 1, length($1::text)) = "
           "$1::text GROUP BY name, code ORDER BY min(country) COLLATE \"C\", name = '', "
           "name COLLATE \"C\", code COLLATE \"C\", 5",
           {Upper(country)}));
  std::vector<ActorSeen> out;
  for (int i = 0; i < r.size(); ++i) {
    ActorSeen a;
    a.name = r.text(i, 0);
    a.code = r.text(i, 1);
    a.country = r.text(i, 2);
    a.sector = r.text(i, 3);
    a.first = r.text(i, 4);
    a.last = r.text(i, 5);
    a.mentions = static_cast<int>(r.num(i, 6));
    a.documents = static_cast<int>(r.num(i, 7));
    std::vector<std::string> roles;
    std::string all = r.text(i, 8);
    for (size_t from = 0; from <= all.size();) {
      size_t comma = all.find(',', from);
      if (comma == std::string::npos) comma = all.size();
      std::string role = all.substr(from, comma - from);
      if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
      from = comma + 1;
    }
    for (const std::string& role : roles) a.roles += (a.roles.empty() ? "" : ",") + role;
    a.example = r.text(i, 9);
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<DyadCount>> PgStore::ListDyads(const EventFilter& filter, int limit) {
  Params params;
  DRAGOMAN_ASSIGN_OR_RETURN(std::string where, FilterSql(filter, &params));
  // One row per real-world event (its first matching mention), counted per country pair.
  std::string sql =
      "WITH m AS (SELECT min(e.id) AS mid FROM events e WHERE " + where +
      " GROUP BY e.grp), f AS (SELECT e.source_country AS s, e.target_country AS t, e.goldstein "
      "AS g FROM m JOIN events e ON e.id = m.mid WHERE e.source_country <> '' AND "
      "e.target_country <> '' AND e.source_country <> e.target_country ORDER BY e.id) "
      "SELECT s, t, count(*), sum(g) FROM f GROUP BY s, t "
      "ORDER BY 3 DESC, s COLLATE \"C\", t COLLATE \"C\"";
  if (limit > 0) {
    params.push_back(std::to_string(limit));
    sql += " LIMIT $" + std::to_string(params.size()) + "::bigint";
  }
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec(sql, params));
  std::vector<DyadCount> out;
  for (int i = 0; i < r.size(); ++i) {
    out.push_back({r.text(i, 0), r.text(i, 1), static_cast<int>(r.num(i, 2)), r.real(i, 3)});
  }
  return out;
}

Result<EventEvidence> PgStore::ShowEvent(int64_t event_id) {
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows r, Exec("SELECT e.id, e.json, d.url, d.title, d.source, d.origin, e.span_begin, "
                   "e.span_end, d.id, d.outlet, d.text FROM events e JOIN documents d ON "
                   "d.id = e.doc WHERE e.grp = $1::bigint ORDER BY e.id",
                   {std::to_string(event_id)}));
  EventEvidence ev;
  ev.event_id = event_id;
  std::vector<int64_t> docs;
  std::vector<std::string> outlets;
  for (int i = 0; i < r.size(); ++i) {
    MentionEvidence m;
    m.mention_id = r.num(i, 0);
    DRAGOMAN_ASSIGN_OR_RETURN(m.event, ParseStored(m.mention_id, r.text(i, 1)));
    m.doc_url = r.text(i, 2);
    m.doc_title = r.text(i, 3);
    m.doc_source = r.text(i, 4);
    m.doc_origin = r.text(i, 5);
    // The document bytes [span_begin, span_end), as SQLite's substr over the text as a BLOB.
    const std::string text = r.text(i, 10);
    const size_t begin = std::min<size_t>(static_cast<size_t>(r.num(i, 6)), text.size());
    const size_t end = std::min<size_t>(static_cast<size_t>(r.num(i, 7)), text.size());
    if (end > begin) m.span_text = text.substr(begin, end - begin);
    docs.push_back(r.num(i, 8));
    outlets.push_back(r.text(i, 9));
    ev.mentions.push_back(std::move(m));
  }
  if (ev.mentions.empty()) {
    return Status::NotFound("no event " + std::to_string(event_id) + " in " + label_);
  }
  std::sort(docs.begin(), docs.end());
  std::sort(outlets.begin(), outlets.end());
  ev.articles = static_cast<int>(std::unique(docs.begin(), docs.end()) - docs.begin());
  ev.sources = static_cast<int>(std::unique(outlets.begin(), outlets.end()) - outlets.begin());
  return ev;
}

Result<StoredDocument> PgStore::GetDocument(std::string_view id) {
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows r, Exec("SELECT id, doc_key, title, url, source, origin, date, date_source, ingested, "
                   "text FROM documents WHERE doc_key = $1",
                   {std::string(id)}));
  if (r.size() == 0) {
    return Status::NotFound("no document '" + std::string(id) + "' in " + label_);
  }
  StoredDocument d;
  const std::string row = r.text(0, 0);
  d.id = r.text(0, 1);
  d.title = r.text(0, 2);
  d.url = r.text(0, 3);
  d.source = r.text(0, 4);
  d.origin = r.text(0, 5);
  d.date = r.text(0, 6);
  d.date_source = r.text(0, 7);
  d.added = r.text(0, 8);
  d.text = r.text(0, 9);
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows ss, Exec("SELECT idx, \"begin\", \"end\" FROM sentences WHERE doc = $1::bigint "
                    "ORDER BY idx",
                    {row}));
  for (int i = 0; i < ss.size(); ++i) {
    d.sentences.push_back({static_cast<int>(ss.num(i, 0)), static_cast<uint32_t>(ss.num(i, 1)),
                           static_cast<uint32_t>(ss.num(i, 2))});
  }
  DRAGOMAN_ASSIGN_OR_RETURN(Rows es, Exec("SELECT grp, id, json FROM events WHERE doc = $1::bigint "
                                          "ORDER BY span_begin, span_end, id",
                                          {row}));
  for (int i = 0; i < es.size(); ++i) {
    DocumentEvent e;
    e.event_id = es.num(i, 0);
    e.mention_id = es.num(i, 1);
    DRAGOMAN_ASSIGN_OR_RETURN(e.event, ParseStored(e.mention_id, es.text(i, 2)));
    d.events.push_back(std::move(e));
  }
  return d;
}

Result<int64_t> PgStore::DataVersion() {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r,
                            Exec("SELECT value FROM dragoman_meta WHERE key = 'data_version'", {}));
  return r.size() > 0 ? std::atoll(r.text(0, 0).c_str()) : int64_t{0};
}

Result<Timeline> PgStore::BuildTimeline(const std::string& a, const std::string& b, Period period,
                                        bool include_all) {
  return BuildTimelineWith(
      [&](const EventFilter& f, const std::function<Status(const StoredEvent&)>& fn) {
        return ForEachEvent(f, fn);
      },
      a, b, period, include_all);
}

Result<std::vector<SearchHit>> PgStore::Search(std::string_view query, std::string_view open,
                                               std::string_view close, int limit,
                                               const QueryLimits& limits) {
  DRAGOMAN_RETURN_IF_ERROR(CheckQueryLimits(query, limits));
  if (query.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("empty search query");
  }
  auto quoted = [](std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  };
  const std::string options =
      "HighlightAll=true, StartSel=" + quoted(open) + ", StopSel=" + quoted(close);
  std::string sql =
      "SELECT s.id, d.doc_key, d.date, s.idx, ts_headline('simple', s.text, q, $2) "
      "FROM sentences s JOIN documents d ON d.id = s.doc, plainto_tsquery('simple', $1) q "
      "WHERE s.tsv @@ q ORDER BY ts_rank(s.tsv, q) DESC, s.id";
  Params params = {std::string(query), options};
  if (limit > 0) {
    sql += " LIMIT $3::bigint";
    params.push_back(std::to_string(limit));
  }
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec(sql, params));
  std::vector<SearchHit> out;
  for (int i = 0; i < r.size(); ++i) {
    SearchHit h;
    h.doc = r.text(i, 1);
    h.doc_date = r.text(i, 2);
    h.sentence = static_cast<int>(r.num(i, 3));
    h.highlighted = r.text(i, 4);
    DRAGOMAN_ASSIGN_OR_RETURN(
        Rows ev, Exec("SELECT grp, coalesce(source, ''), coalesce(target, ''), cameo, plover, "
                      "negated FROM events WHERE sentence_id = $1 ORDER BY id",
                      {r.text(i, 0)}));
    for (int k = 0; k < ev.size(); ++k) {
      h.events.push_back({ev.num(k, 0), ev.text(k, 1), ev.text(k, 2), ev.text(k, 3), ev.text(k, 4),
                          ev.num(k, 5) != 0});
    }
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::vector<RuleEvent>> PgStore::RuleEvents(
    const std::optional<std::pair<std::string, std::string>>& countries) {
  // As the SQLite store's: each event's first mention.
  std::string sql =
      "SELECT DISTINCT ON (day, grp) grp, id, day, coalesce(source, ''), "
      "coalesce(source_country, ''), coalesce(target, ''), coalesce(target_country, ''), plover, "
      "cameo, quad, goldstein FROM events WHERE day IS NOT NULL AND negated = 0 AND "
      "mood = 'asserted'";
  Params params;
  if (countries) {
    sql += " AND source_country IN ($1, $2) AND target_country IN ($1, $2)";
    params = {countries->first, countries->second};
  }
  sql += " ORDER BY day, grp, id";
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec(sql, params));
  std::vector<RuleEvent> out;
  for (int i = 0; i < r.size(); ++i) {
    RuleEvent e;
    e.id = r.num(i, 0);
    e.day = r.num(i, 2);
    e.source = r.text(i, 3);
    e.source_country = r.text(i, 4);
    e.target = r.text(i, 5);
    e.target_country = r.text(i, 6);
    e.plover = r.text(i, 7);
    e.cameo = r.text(i, 8);
    e.quad = r.text(i, 9);
    e.goldstein = r.real(i, 10);
    out.push_back(std::move(e));
  }
  return out;
}

Result<int64_t> PgStore::LatestDay() {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec("SELECT max(day) FROM events", {}));
  return r.null(0, 0) ? int64_t{-1000000} : r.num(0, 0);
}

Result<std::vector<bool>> PgStore::StoreAlerts(const std::vector<AlertFiring>& firings,
                                               const std::string& fired) {
  std::vector<bool> stored;
  if (firings.empty()) return stored;
  DRAGOMAN_RETURN_IF_ERROR(Exec("BEGIN", {}).status());
  for (const AlertFiring& f : firings) {
    auto r = Exec(
        "INSERT INTO alerts (rule, dyad, key, json, fired) VALUES ($1, $2, $3, $4, $5) "
        "ON CONFLICT (rule, dyad, key) DO NOTHING RETURNING id",
        {f.rule, f.dyad, f.key, f.json, fired});
    if (!r.ok()) {
      (void)Exec("ROLLBACK", {});
      return r.status();
    }
    stored.push_back(r->size() > 0);
  }
  DRAGOMAN_RETURN_IF_ERROR(Exec("COMMIT", {}).status());
  return stored;
}

Result<std::vector<AlertFiring>> PgStore::ListAlerts(const std::string& rule) {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec("SELECT rule, dyad, key, json FROM alerts WHERE "
                                         "$1::text = '' OR rule = $1::text ORDER BY id",
                                         {rule}));
  std::vector<AlertFiring> out;
  for (int i = 0; i < r.size(); ++i) {
    out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
  }
  return out;
}

}  // namespace dragoman
