// CorpusStore: the one interface through which the commands and the server read and write a
// corpus, whichever engine holds it — the embedded SQLite file (store/store.h, doc/store.md) or a
// PostgreSQL database shared by workers (store/pg/pg_store.h, doc/scale.md). OpenCorpusStore
// (store/open_corpus_store.h) picks the engine from the --db value.
//
// The reads are those of store/query.h (same arguments, same rows, same order); the writes those
// of ingest and the workers (content-hash check, one transaction per batch). Both engines hold
// the same tables, so for the same documents stored in the same order they give the same ids and
// the same answers; where they differ (full-text syntax and ranking) the implementations say so.
//
// Thread-safety: one thread at a time per CorpusStore (one connection each).
#ifndef DRAGOMAN_STORE_CORPUS_STORE_H_
#define DRAGOMAN_STORE_CORPUS_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/query.h"
#include "store/store.h"

namespace dragoman {

class CorpusStore {
 public:
  virtual ~CorpusStore() = default;

  // What to call the corpus in messages: the file's path, or the URL without its password.
  virtual const std::string& label() const = 0;

  // Reads (store/query.h documents each) ---------------------------------------------------------
  virtual Status ForEachEvent(const EventFilter& filter,
                              const std::function<Status(const StoredEvent&)>& fn) = 0;
  Result<std::vector<StoredEvent>> QueryEvents(const EventFilter& filter);
  virtual Result<Timeline> BuildTimeline(const std::string& a, const std::string& b,
                                         Period period, bool include_all) = 0;
  virtual Result<std::vector<ActorSeen>> ListActors(const std::string& country) = 0;
  virtual Result<std::vector<SearchHit>> Search(std::string_view query, std::string_view open,
                                                std::string_view close, int limit,
                                                const QueryLimits& limits) = 0;
  virtual Result<std::vector<DyadCount>> ListDyads(const EventFilter& filter, int limit) = 0;
  // NotFound when there is no such event / document.
  virtual Result<EventEvidence> ShowEvent(int64_t event_id) = 0;
  virtual Result<StoredDocument> GetDocument(std::string_view id) = 0;
  // Changes whenever a writer commits (the server's answer cache is keyed on it).
  virtual Result<int64_t> DataVersion() = 0;
  virtual Result<StoreStats> Stats() = 0;

  // Writes ----------------------------------------------------------------------------------------
  // True when a document with exactly this content hash (Store::ContentHash) is stored.
  virtual Result<bool> HasContent(const std::string& hash) = 0;
  // ONE transaction: every record written or none; one outcome per record, in order.
  virtual Result<std::vector<PutOutcome>> PutBatch(const std::vector<DocumentRecord>& batch) = 0;
};

// The SQLite corpus behind the interface: a thin layer over Store and store/query.h.
class SqliteCorpusStore final : public CorpusStore {
 public:
  explicit SqliteCorpusStore(std::unique_ptr<Store> store) : store_(std::move(store)) {}

  const std::string& label() const override { return store_->path(); }
  Status ForEachEvent(const EventFilter& filter,
                      const std::function<Status(const StoredEvent&)>& fn) override;
  Result<Timeline> BuildTimeline(const std::string& a, const std::string& b, Period period,
                                 bool include_all) override;
  Result<std::vector<ActorSeen>> ListActors(const std::string& country) override;
  Result<std::vector<SearchHit>> Search(std::string_view query, std::string_view open,
                                        std::string_view close, int limit,
                                        const QueryLimits& limits) override;
  Result<std::vector<DyadCount>> ListDyads(const EventFilter& filter, int limit) override;
  Result<EventEvidence> ShowEvent(int64_t event_id) override;
  Result<StoredDocument> GetDocument(std::string_view id) override;
  Result<int64_t> DataVersion() override;
  Result<StoreStats> Stats() override;
  Result<bool> HasContent(const std::string& hash) override;
  Result<std::vector<PutOutcome>> PutBatch(const std::vector<DocumentRecord>& batch) override;

  // The SQLite store itself, for what only it has (watch positions, alert rules, export).
  Store& store() { return *store_; }

 private:
  std::unique_ptr<Store> store_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_CORPUS_STORE_H_
