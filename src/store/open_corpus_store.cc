#include "store/open_corpus_store.h"

#include "store/pg/pg_store.h"

namespace dragoman {

Result<std::unique_ptr<CorpusStore>> OpenCorpusStore(const std::string& db, Store::OpenMode mode) {
  if (IsPostgresUrl(db)) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<PgStore> pg, PgStore::Open(db, mode));
    return std::unique_ptr<CorpusStore>(std::move(pg));
  }
  DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open(db, mode));
  return std::unique_ptr<CorpusStore>(std::make_unique<SqliteCorpusStore>(std::move(store)));
}

}  // namespace dragoman
