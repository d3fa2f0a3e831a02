#include "server/cache.h"

namespace dragoman::server {

std::shared_ptr<const CachedResponse> ResponseCache::Get(const std::string& key,
                                                         uint64_t generation) {
  if (max_bytes_ == 0) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  if (generation != generation_) return nullptr;
  auto it = index_.find(key);
  if (it == index_.end()) return nullptr;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->value;
}

void ResponseCache::Put(const std::string& key, uint64_t generation,
                        std::shared_ptr<const CachedResponse> value) {
  size_t bytes = key.size() + value->body.size() + value->content_type.size() + 128;
  for (const auto& [k, v] : value->headers) bytes += k.size() + v.size();
  if (max_bytes_ == 0 || bytes > max_bytes_ / 4) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (generation < generation_) return;
  if (generation > generation_) {
    ClearLocked();
    generation_ = generation;
  }
  auto it = index_.find(key);
  if (it != index_.end()) {
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    index_.erase(it);
  }
  lru_.push_front(Entry{key, std::move(value), bytes});
  index_[key] = lru_.begin();
  bytes_ += bytes;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    bytes_ -= lru_.back().bytes;
    index_.erase(lru_.back().key);
    lru_.pop_back();
  }
}

size_t ResponseCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

size_t ResponseCache::entries() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lru_.size();
}

void ResponseCache::ClearLocked() {
  lru_.clear();
  index_.clear();
  bytes_ = 0;
}

}  // namespace dragoman::server
