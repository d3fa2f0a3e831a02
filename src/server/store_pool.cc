#include "server/store_pool.h"

#include <algorithm>
#include <thread>

#include "store/open_corpus_store.h"

namespace dragoman::server {

StorePool::StorePool(std::string db_path, int max_open)
    : db_path_(std::move(db_path)),
      max_open_(max_open > 0
                    ? max_open
                    : std::max(4, 2 * static_cast<int>(std::thread::hardware_concurrency()))) {}

Result<StorePool::Lease> StorePool::Acquire(std::chrono::milliseconds wait) {
  {
    std::unique_lock<std::mutex> lock(mu_);
    if (idle_.empty() && open_ >= max_open_ &&
        !returned_.wait_for(lock, wait, [&] { return !idle_.empty() || open_ < max_open_; })) {
      return Status::Store("all " + std::to_string(max_open_) +
                           " connections to the corpus are busy");
    }
    if (!idle_.empty()) {
      std::unique_ptr<Slot> slot = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(slot));
    }
    ++open_;  // reserved: opened below, outside the lock
  }
  // Opened outside the lock: opening reads the schema and may wait on a writer. Read-only: a
  // request can never write (sql::Db::Mode::kReadOnly adds PRAGMA query_only), and a reading
  // connection keeps SQLite's small default page cache, not the writer's 64 MB: with one
  // connection per server thread, the writer's setting made the server grow by gigabytes.
  auto store = OpenCorpusStore(db_path_, Store::OpenMode::kReadOnly);
  if (!store.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
    returned_.notify_one();
    return store.status();
  }
  auto slot = std::make_unique<Slot>();
  slot->store = std::move(store).value();
  return Lease(this, std::move(slot));
}

void StorePool::Return(std::unique_ptr<Slot> slot) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(slot));
  }
  returned_.notify_one();
}

}  // namespace dragoman::server
