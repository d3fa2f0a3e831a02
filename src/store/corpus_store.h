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
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "store/query.h"
#include "store/store.h"

namespace dragoman {

// One real-world event as alert rules (stream/alerts.h) see it: its group id, day and the first
// mention's fields.
struct RuleEvent {
  int64_t id = 0;  // event_groups id (the event_id of `dragoman events`)
  int64_t day = 0;
  std::string source, source_country, target, target_country, plover, cameo, quad;
  double goldstein = 0;
};

// One alert firing, as printed and stored: a JSON object on one line (doc/watch.md).
struct AlertFiring {
  std::string rule, dyad, key;
  std::string json;
};

class CorpusStore {
 public:
  virtual ~CorpusStore() = default;

  // What to call the corpus in messages: the file's path, or the URL without its password.
  virtual const std::string& label() const = 0;

  // Reads (store/query.h documents each) ---------------------------------------------------------
  virtual Status ForEachEvent(const EventFilter& filter,
                              const std::function<Status(const StoredEvent&)>& fn) = 0;
  Result<std::vector<StoredEvent>> QueryEvents(const EventFilter& filter);
  virtual Result<Timeline> BuildTimeline(const std::string& a, const std::string& b, Period period,
                                         bool include_all) = 0;
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

  // Alert rules (stream/alerts.h) ----------------------------------------------------------------
  // Every asserted, non-negated, dated real-world event (its first mention), by day then id; with
  // `countries`, only those whose source and target countries are both among the two.
  virtual Result<std::vector<RuleEvent>> RuleEvents(
      const std::optional<std::pair<std::string, std::string>>& countries) = 0;
  // The latest day (since 1970-01-01) of any event; -1000000 when none is dated.
  virtual Result<int64_t> LatestDay() = 0;
  // Stores, in ONE transaction, the firings not stored before (the alerts table is unique by
  // rule, dyad and key, so of several writers storing the same firing exactly one stores it);
  // `fired` is the time stamp. Returns, per firing, whether this call stored it. Store error when
  // the store has no alerts table (a SQLite file of schema version 2 opened read-only).
  virtual Result<std::vector<bool>> StoreAlerts(const std::vector<AlertFiring>& firings,
                                                const std::string& fired) = 0;
  // The stored firings, oldest first, optionally of one rule only.
  virtual Result<std::vector<AlertFiring>> ListAlerts(const std::string& rule) = 0;

  // Writes ----------------------------------------------------------------------------------------
  // True when a document with exactly this content hash (Store::ContentHash) is stored.
  virtual Result<bool> HasContent(const std::string& hash) = 0;
  // ONE transaction: every record written or none; one outcome per record, in order.
  virtual Result<std::vector<PutOutcome>> PutBatch(const std::vector<DocumentRecord>& batch) = 0;
};

// The SQLite corpus behind the interface: a thin layer over Store and store/query.h.
class SqliteCorpusStore final : public CorpusStore {
 public:
  explicit SqliteCorpusStore(std::unique_ptr<Store> store)
      : owned_(std::move(store)), store_(owned_.get()) {}
  // Borrows `store`, which must outlive this object.
  explicit SqliteCorpusStore(Store& store) : store_(&store) {}

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
  Result<std::vector<RuleEvent>> RuleEvents(
      const std::optional<std::pair<std::string, std::string>>& countries) override;
  Result<int64_t> LatestDay() override;
  Result<std::vector<bool>> StoreAlerts(const std::vector<AlertFiring>& firings,
                                        const std::string& fired) override;
  Result<std::vector<AlertFiring>> ListAlerts(const std::string& rule) override;

  // The SQLite store itself, for what only it has (watch positions, alert rules, export).
  Store& store() { return *store_; }

 private:
  std::unique_ptr<Store> owned_;
  Store* store_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_CORPUS_STORE_H_
