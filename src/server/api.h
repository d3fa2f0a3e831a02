// The HTTP API's handlers, independent of any HTTP library: a request (method, decoded path,
// query pairs, body, two headers) in, a response (status, content type, body) out. The HTTP
// server (server/http_server.h) only moves bytes; everything the API answers is decided here,
// through the route table (server/routes.h) and the store's public query functions
// (store/query.h) — the same functions, and the same JSON, as the CLI's query commands.
//
// Reads borrow a connection from a StorePool. GET answers are cached (server/cache.h) for as long
// as the corpus is unchanged: before answering, one probe connection's DataVersion is compared
// with what it saw last, and any change (a commit by another process, or by the server's own
// writer, which is another connection) starts a new cache generation. The probe is shared (a
// mutex around one PRAGMA), so that opening a new read connection never looks like a change.
//
// Writes (POST /api/documents) are allowed only when ApiConfig::token is set and the request's
// `Authorization: Bearer TOKEN` matches it (compared in constant time); they go through the
// DocumentCoder given in the config and the store's ingest path (IngestDocuments), on one writer
// connection, one write at a time (429 while another runs).
//
// Reads connect read-only (Store::OpenMode::kReadOnly, PRAGMA query_only): no request can change
// the store except through the writer below. Each read is bounded in time (query_timeout).
//
// Errors are answered as JSON `{"error": "..."}`: 400 bad parameter or body, 403 write refused,
// 404 no such route or item, 405 wrong method, 500 store failure, 503 the query took longer than
// query_timeout or the corpus cannot be opened.
//
// Thread-safety: Handle() may be called from any number of threads at once.
#ifndef DRAGOMAN_SERVER_API_H_
#define DRAGOMAN_SERVER_API_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "coder/document_coder.h"
#include "server/cache.h"
#include "server/params.h"
#include "server/store_pool.h"

namespace dragoman::server {

struct ApiRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // percent-decoded, without the query string
  KeyValues query;     // percent-decoded pairs, in request order
  std::string body;
  std::string content_type;
  std::string authorization;  // the Authorization header ("" when absent)
};

using ApiResponse = CachedResponse;

struct ApiConfig {
  // The write token; empty: every write is refused with 403.
  std::string token;
  // Codes posted documents. Not owned; must outlive the Api. REQUIRES: set when `token` is.
  const DocumentCoder* coder = nullptr;
  int coder_threads = 0;        // 0: one per hardware thread
  size_t cache_bytes = 64u << 20;  // 0: no cache
  // The time one request's store queries may take; a request still querying then is answered
  // 503 {"error": ...} (the store's progress handler interrupts it: sql::Db::SetDeadline).
  // Zero: no bound.
  std::chrono::microseconds query_timeout{0};
};

class Api {
 public:
  // `pool` must outlive the Api.
  Api(ApiConfig config, StorePool& pool);
  ~Api();

  // Answers one request whose path starts with /api/.
  ApiResponse Handle(const ApiRequest& req);

  // The current cache generation (bumped on every corpus change seen).
  uint64_t generation() const { return generation_.load(); }

 private:
  ApiResponse Dispatch(const RouteSpec& route, const Params& params, const ApiRequest& req,
                       StorePool::Lease& lease);
  ApiResponse PostDocuments(const ApiRequest& req);

  ApiConfig config_;
  StorePool& pool_;
  ResponseCache cache_;
  // The corpus generation, bumped by CheckForChanges() when the probe sees a commit.
  Status CheckForChanges();
  std::atomic<uint64_t> generation_{1};
  std::mutex probe_mu_;
  std::unique_ptr<CorpusStore> probe_;          // GUARDED_BY(probe_mu_)
  std::optional<int64_t> probe_version_;  // GUARDED_BY(probe_mu_)
  std::mutex write_mu_;                 // held for the whole of one write
  std::unique_ptr<CorpusStore> writer_;       // GUARDED_BY(write_mu_); opened at the first write
};

// The JSON error answer.
ApiResponse ErrorResponse(int status, const std::string& message);

}  // namespace dragoman::server

#endif  // DRAGOMAN_SERVER_API_H_
