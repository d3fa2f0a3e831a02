// StorePool: the read connections of the server, one per thread at a time. A Store is used by
// one thread (store/store.h), so each request borrows one for its duration and gives it back;
// the pool opens another when all are lent, up to a bound, and closes them all when destroyed.
// Every connection is read-only (Store::OpenMode::kReadOnly).

//
// Thread-safety: Acquire() may be called from any thread; a Lease belongs to the thread holding
// it. Lifetime: every Lease must be gone before the pool is destroyed.
#ifndef DRAGOMAN_SERVER_STORE_POOL_H_
#define DRAGOMAN_SERVER_STORE_POOL_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/corpus_store.h"

namespace dragoman::server {

class StorePool {
 public:
  struct Slot {
    std::unique_ptr<CorpusStore> store;
  };

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Slot> slot) : pool_(pool), slot_(std::move(slot)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (slot_) pool_->Return(std::move(slot_));
    }
    CorpusStore& store() { return *slot_->store; }
    Slot& slot() { return *slot_; }

   private:
    StorePool* pool_;
    std::unique_ptr<Slot> slot_;
  };

  // At most `max_open` connections (0: two per hardware thread, at least 4): a request beyond
  // them waits for one to come back. Queries are CPU-bound, so more connections than cores add
  // no throughput, only memory (each has its page cache and its own map of the file).
  explicit StorePool(std::string db_path, int max_open = 0);

  // A connection for the calling thread: an idle one, a newly opened one, or — when `max_open`
  // are lent — the first to come back within `wait` (Store error "all N connections are busy"
  // after it; Store error when the file is missing or not a dragoman database).
  Result<Lease> Acquire(std::chrono::milliseconds wait = std::chrono::seconds(10));

  const std::string& db_path() const { return db_path_; }

 private:
  void Return(std::unique_ptr<Slot> slot);

  const std::string db_path_;
  const int max_open_;
  std::mutex mu_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Slot>> idle_;  // GUARDED_BY(mu_)
  int open_ = 0;                             // GUARDED_BY(mu_): idle and lent
};

}  // namespace dragoman::server

#endif  // DRAGOMAN_SERVER_STORE_POOL_H_
