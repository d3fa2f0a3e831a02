#include "server/store_pool.h"

namespace dragoman::server {

Result<StorePool::Lease> StorePool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<Slot> slot = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(slot));
    }
  }
  // Opened outside the lock: opening reads the schema and may wait on a writer. Read-only: a
  // request can never write (sql::Db::Mode::kReadOnly adds PRAGMA query_only), and a reading
  // connection keeps SQLite's small default page cache, not the writer's 64 MB: with one
  // connection per server thread, the writer's setting made the server grow by gigabytes.
  DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                            Store::Open(db_path_, Store::OpenMode::kReadOnly));
  auto slot = std::make_unique<Slot>();
  slot->store = std::move(store);
  return Lease(this, std::move(slot));
}

void StorePool::Return(std::unique_ptr<Slot> slot) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(slot));
}

}  // namespace dragoman::server
