#include "store/corpus_store.h"

namespace dragoman {

Result<std::vector<StoredEvent>> CorpusStore::QueryEvents(const EventFilter& filter) {
  std::vector<StoredEvent> rows;
  DRAGOMAN_RETURN_IF_ERROR(ForEachEvent(filter, [&](const StoredEvent& r) {
    rows.push_back(r);
    return Status::Ok();
  }));
  return rows;
}

Status SqliteCorpusStore::ForEachEvent(const EventFilter& filter,
                                       const std::function<Status(const StoredEvent&)>& fn) {
  return dragoman::ForEachEvent(*store_, filter, fn);
}

Result<Timeline> SqliteCorpusStore::BuildTimeline(const std::string& a, const std::string& b,
                                                  Period period, bool include_all) {
  return dragoman::BuildTimeline(*store_, a, b, period, include_all);
}

Result<std::vector<ActorSeen>> SqliteCorpusStore::ListActors(const std::string& country) {
  return dragoman::ListActors(*store_, country);
}

Result<std::vector<SearchHit>> SqliteCorpusStore::Search(std::string_view query,
                                                         std::string_view open,
                                                         std::string_view close, int limit,
                                                         const QueryLimits& limits) {
  return dragoman::Search(*store_, query, open, close, limit, limits);
}

Result<std::vector<DyadCount>> SqliteCorpusStore::ListDyads(const EventFilter& filter,
                                                            int limit) {
  return dragoman::ListDyads(*store_, filter, limit);
}

Result<EventEvidence> SqliteCorpusStore::ShowEvent(int64_t event_id) {
  return dragoman::ShowEvent(*store_, event_id);
}

Result<StoredDocument> SqliteCorpusStore::GetDocument(std::string_view id) {
  return dragoman::GetDocument(*store_, id);
}

Result<int64_t> SqliteCorpusStore::DataVersion() { return dragoman::DataVersion(*store_); }

Result<StoreStats> SqliteCorpusStore::Stats() { return store_->Stats(); }

Result<bool> SqliteCorpusStore::HasContent(const std::string& hash) {
  return store_->HasContent(hash);
}

Result<std::vector<PutOutcome>> SqliteCorpusStore::PutBatch(
    const std::vector<DocumentRecord>& batch) {
  return store_->PutBatch(batch);
}

}  // namespace dragoman
