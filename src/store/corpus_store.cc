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

Result<std::vector<DyadCount>> SqliteCorpusStore::ListDyads(const EventFilter& filter, int limit) {
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

// The alert queries (moved from stream/alerts.cc, which now reads them through the interface).
Result<std::vector<RuleEvent>> SqliteCorpusStore::RuleEvents(
    const std::optional<std::pair<std::string, std::string>>& countries) {
  std::string sql =
      "SELECT grp, min(id), day, source, source_country, target, target_country, plover, cameo, "
      "quad, goldstein FROM events WHERE day IS NOT NULL AND negated = 0 AND mood = 'asserted'";
  if (countries) sql += " AND source_country IN (?1, ?2) AND target_country IN (?1, ?2)";
  sql += " GROUP BY grp ORDER BY day, grp";
  DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt q, store_->db().Prepare(sql));
  if (countries) q.Bind(1, countries->first).Bind(2, countries->second);
  std::vector<RuleEvent> out;
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    RuleEvent e;
    e.id = q.Int(0);
    e.day = q.Int(2);
    e.source = q.Text(3);
    e.source_country = q.Text(4);
    e.target = q.Text(5);
    e.target_country = q.Text(6);
    e.plover = q.Text(7);
    e.cameo = q.Text(8);
    e.quad = q.Text(9);
    e.goldstein = q.Double(10);
    out.push_back(std::move(e));
  }
  return out;
}

Result<int64_t> SqliteCorpusStore::LatestDay() {
  DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt q, store_->db().Prepare("SELECT max(day) FROM events"));
  DRAGOMAN_ASSIGN_OR_RETURN(bool row, q.Step());
  return row && !q.IsNull(0) ? q.Int(0) : int64_t{-1000000};
}

Result<std::vector<bool>> SqliteCorpusStore::StoreAlerts(const std::vector<AlertFiring>& firings,
                                                         const std::string& fired) {
  DRAGOMAN_ASSIGN_OR_RETURN(bool has_tables, store_->HasV3Tables());
  if (!has_tables) {
    return Status::Store(store_->path() +
                         ": no alerts table (schema version 2); open it for "
                         "writing once (e.g. dragoman ingest) to upgrade it");
  }
  std::vector<bool> stored;
  DRAGOMAN_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(store_->db()));
  DRAGOMAN_ASSIGN_OR_RETURN(
      sql::Stmt ins, store_->db().Prepare("INSERT OR IGNORE INTO alerts (rule, dyad, key, json, "
                                          "fired) VALUES (?1, ?2, ?3, ?4, ?5)"));
  for (const AlertFiring& f : firings) {
    ins.Bind(1, f.rule).Bind(2, f.dyad).Bind(3, f.key).Bind(4, f.json).Bind(5, fired);
    DRAGOMAN_RETURN_IF_ERROR(ins.Run());
    stored.push_back(store_->db().Changes() > 0);
  }
  DRAGOMAN_RETURN_IF_ERROR(tx->Commit());
  return stored;
}

Result<std::vector<AlertFiring>> SqliteCorpusStore::ListAlerts(const std::string& rule) {
  DRAGOMAN_ASSIGN_OR_RETURN(bool has_tables, store_->HasV3Tables());
  std::vector<AlertFiring> out;
  if (!has_tables) return out;  // an older file: nothing has ever fired in it
  DRAGOMAN_ASSIGN_OR_RETURN(sql::Stmt q,
                            store_->db().Prepare("SELECT rule, dyad, key, json FROM alerts WHERE "
                                                 "?1 = '' OR rule = ?1 ORDER BY id"));
  q.Bind(1, rule);
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3)});
  }
  return out;
}

}  // namespace dragoman
