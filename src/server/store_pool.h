// StorePool: the read connections of the server, one per thread at a time. A Store is used by
// one thread (store/store.h), so each request borrows one for its duration and gives it back;
// the pool opens another when all are lent (at most one per server thread in practice) and
// closes them all when destroyed.

//
// Thread-safety: Acquire() may be called from any thread; a Lease belongs to the thread holding
// it. Lifetime: every Lease must be gone before the pool is destroyed.
#ifndef DRAGOMAN_SERVER_STORE_POOL_H_
#define DRAGOMAN_SERVER_STORE_POOL_H_

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

  explicit StorePool(std::string db_path) : db_path_(std::move(db_path)) {}

  // A connection for the calling thread: an idle one, or a newly opened one (Store error when
  // the file is missing or not a dragoman database).
  Result<Lease> Acquire();

  const std::string& db_path() const { return db_path_; }

 private:
  void Return(std::unique_ptr<Slot> slot);

  const std::string db_path_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Slot>> idle_;  // GUARDED_BY(mu_)
};

}  // namespace dragoman::server

#endif  // DRAGOMAN_SERVER_STORE_POOL_H_
