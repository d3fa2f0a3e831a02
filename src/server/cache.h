// ResponseCache: answers to GET requests kept in memory, keyed by route and canonical
// parameters, and valid for one corpus generation. The server bumps the generation whenever a
// store connection sees another connection's commit (store/query.h DataVersion), so an answer is
// never served once the corpus it was computed from has changed. Least recently used entries go
// first when the byte budget is full; an answer larger than a quarter of the budget is not kept.
//
// Thread-safety: safe for concurrent use (one mutex; entries are shared immutable values).
#ifndef DRAGOMAN_SERVER_CACHE_H_
#define DRAGOMAN_SERVER_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace dragoman::server {

struct CachedResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

class ResponseCache {
 public:
  // max_bytes 0 disables the cache.
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The entry for `key` computed in `generation`, or null.
  std::shared_ptr<const CachedResponse> Get(const std::string& key, uint64_t generation);
  // Keeps `value` for `key` unless `generation` is older than the newest seen; a newer
  // generation drops every older entry.
  void Put(const std::string& key, uint64_t generation,
           std::shared_ptr<const CachedResponse> value);

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    std::string key;
    std::shared_ptr<const CachedResponse> value;
    size_t bytes = 0;
  };
  void ClearLocked();

  const size_t max_bytes_;
  mutable std::mutex mu_;
  uint64_t generation_ = 0;                 // GUARDED_BY(mu_)
  std::list<Entry> lru_;                    // GUARDED_BY(mu_): most recent first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;  // GUARDED_BY(mu_)
  size_t bytes_ = 0;                        // GUARDED_BY(mu_)
};

}  // namespace dragoman::server

#endif  // DRAGOMAN_SERVER_CACHE_H_
