// The corpus store on PostgreSQL (15 or later), for workers that scale out (doc/scale.md): the
// same tables and columns as the SQLite store (store/store.h, doc/store.md), the same
// idempotence and the same event grouping, so that any number of `dragoman worker`s writing to
// one database end with the rows one `dragoman ingest` writes into SQLite.
//
// Schema: documents, sentences (with a generated tsvector column `tsv`, 'simple' configuration,
// GIN-indexed: PostgreSQL's full-text search in place of FTS5), event_groups, events,
// actor_mentions, alerts, watch_files; the version in table dragoman_meta (key 'schema_version',
// kStoreSchemaVersion). Created when missing; a database written by a newer version is refused.
//
// Concurrency: PutBatch() is one transaction holding a transaction-scoped advisory lock
// (pg_advisory_xact_lock), so writers from any number of processes and machines apply their
// batches one at a time: the content-hash check, the id/URL replacement and the grouping of
// mentions into real-world events see every batch committed before. Coding (the expensive part)
// runs in parallel outside it. Readers never wait.
//
// Idempotence: as Store::PutBatch — a document whose content hash is stored changes nothing, so
// a redelivered message adds nothing.
//
// Thread-safety: a PgStore (one connection) is used by one thread at a time.
#ifndef DRAGOMAN_STORE_PG_PG_STORE_H_
#define DRAGOMAN_STORE_PG_PG_STORE_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/corpus_store.h"
#include "store/query.h"
#include "store/store.h"

struct pg_conn;

namespace dragoman {

struct LibPq;  // store/pg/libpq.h

// True for a --db value naming PostgreSQL: "postgresql://..." or "postgres://...".
bool IsPostgresUrl(std::string_view db);

class PgStore final : public CorpusStore {
 public:
  // Connects to `url` (a libpq connection URI) and creates the schema when missing (kCreate) or
  // checks it (otherwise). Store error naming the URL without its password when the server
  // cannot be reached or the schema is newer.
  static Result<std::unique_ptr<PgStore>> Open(const std::string& url, Store::OpenMode mode);
  ~PgStore() override;
  PgStore(const PgStore&) = delete;
  PgStore& operator=(const PgStore&) = delete;

  const std::string& label() const override { return label_; }

  Result<bool> HasContent(const std::string& hash) override;
  // One transaction under the writers' advisory lock; one outcome per record, in order. Bumps
  // the data version (dragoman_meta 'data_version') in the same transaction.
  Result<std::vector<PutOutcome>> PutBatch(const std::vector<DocumentRecord>& batch) override;
  Result<StoreStats> Stats() override;

  // The queries of store/query.h on this database: the same rows in the same order, with two
  // differences: `text` filters and Search() are PostgreSQL full-text search (all the words,
  // the 'simple' configuration; FTS5's operators are not understood), and Search() ranks by
  // ts_rank, not BM25. Text is compared and sorted bytewise (COLLATE "C"), as SQLite does.
  Status ForEachEvent(const EventFilter& filter,
                      const std::function<Status(const StoredEvent&)>& fn) override;
  Result<Timeline> BuildTimeline(const std::string& a, const std::string& b, Period period,
                                 bool include_all) override;
  // Best matches first (ts_rank); the matched words wrapped in `open`/`close` (ts_headline).
  Result<std::vector<SearchHit>> Search(std::string_view query, std::string_view open,
                                        std::string_view close, int limit,
                                        const QueryLimits& limits) override;
  Result<std::vector<ActorSeen>> ListActors(const std::string& country) override;
  Result<std::vector<DyadCount>> ListDyads(const EventFilter& filter, int limit) override;
  Result<EventEvidence> ShowEvent(int64_t event_id) override;
  Result<StoredDocument> GetDocument(std::string_view id) override;
  // A counter in dragoman_meta ('data_version') that every PutBatch() increments.
  Result<int64_t> DataVersion() override;
  Result<std::vector<RuleEvent>> RuleEvents(
      const std::optional<std::pair<std::string, std::string>>& countries) override;
  Result<int64_t> LatestDay() override;
  // INSERT ... ON CONFLICT DO NOTHING: of several workers storing the same firing, one stores it.
  Result<std::vector<bool>> StoreAlerts(const std::vector<AlertFiring>& firings,
                                        const std::string& fired) override;
  Result<std::vector<AlertFiring>> ListAlerts(const std::string& rule) override;

  // The JSON line of every stored event mention, sorted (tests and the fault suite compare it
  // with `dragoman code`).
  Result<std::vector<std::string>> AllEventJson();

 private:
  PgStore(const LibPq* pq, pg_conn* conn, std::string label)
      : pq_(pq), conn_(conn), label_(std::move(label)) {}
  struct Rows;
  Result<Rows> Exec(const std::string& sql, const std::vector<std::optional<std::string>>& params);
  Status Init(Store::OpenMode mode);
  Result<PutOutcome> Put(const DocumentRecord& rec);
  Status DeleteDocument(const std::string& doc_row);
  Result<std::string> FindOrCreateGroup(const Event& e, const std::string& date, int64_t day);
  // The rows of one document's events and actor mentions, written by one statement each.
  class ColumnArrays;
  // Finds or creates the event's group and adds its rows to `events` and `actors`.
  Status AddEvent(const std::string& doc_row, const DocumentRecord& rec, const Event& e,
                  const std::string& sentence_row, ColumnArrays* events, ColumnArrays* actors);
  // The WHERE clause of an event filter over `events e`, its values appended to `params`.
  // The stored JSON of mention `mention_id`, parsed (Store error naming it when corrupt).
  Result<Event> ParseStored(int64_t mention_id, const std::string& json);
  Result<std::string> FilterSql(const EventFilter& filter,
                                std::vector<std::optional<std::string>>* params);

  // The ids the next rows get: the largest stored plus one, as SQLite gives a rowid, so that the
  // same documents stored in the same order have the same ids on both stores (also after a
  // replacement deleted the newest rows), and so that a document's rows can be written without
  // waiting for ids to come back. Read under the writers' lock at the start of a batch and after
  // a deletion.
  Status ReadNextIds();
  int64_t next_group_ = 0, next_event_ = 0, next_doc_ = 0, next_sentence_ = 0;

  const LibPq* pq_;  // loaded on the first Open(); lives until exit
  pg_conn* conn_;
  std::string label_;                            // the URL without password, for messages
  std::map<std::string, std::string> prepared_;  // SQL -> prepared statement name
};

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_PG_PG_STORE_H_
