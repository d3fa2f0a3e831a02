#include "server/store_pool.h"

#include "store/open_corpus_store.h"

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
  // Opened outside the lock: opening reads the schema and may wait on a writer.
  DRAGOMAN_ASSIGN_OR_RETURN(std::unique_ptr<CorpusStore> store,
                            OpenCorpusStore(db_path_, Store::OpenMode::kExisting));
  auto slot = std::make_unique<Slot>();
  slot->store = std::move(store);
  return Lease(this, std::move(slot));
}

void StorePool::Return(std::unique_ptr<Slot> slot) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(slot));
}

}  // namespace dragoman::server
