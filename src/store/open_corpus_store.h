// The factory of CorpusStore: the engine is chosen from the --db value alone, so that commands
// and the server never ask which one they hold.
#ifndef DRAGOMAN_STORE_OPEN_CORPUS_STORE_H_
#define DRAGOMAN_STORE_OPEN_CORPUS_STORE_H_

#include <memory>
#include <string>

#include "base/status.h"
#include "store/corpus_store.h"

namespace dragoman {

// `db` is a file path (the SQLite store, Store::Open with `mode`) or a postgresql:// or
// postgres:// URL (the PostgreSQL store, PgStore::Open). Store error as those give.
Result<std::unique_ptr<CorpusStore>> OpenCorpusStore(const std::string& db, Store::OpenMode mode);

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_OPEN_CORPUS_STORE_H_
