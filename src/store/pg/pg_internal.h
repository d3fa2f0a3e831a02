// What pg_store.cc (connection, schema, writes) and pg_read.cc (queries) share: the owned
// result rows of one statement and the small text helpers. Internal to src/store/pg.
#ifndef DRAGOMAN_STORE_PG_PG_INTERNAL_H_
#define DRAGOMAN_STORE_PG_PG_INTERNAL_H_

#include <cstdint>
#include <cstdlib>
#include <string>

#include "store/pg/libpq.h"
#include "store/pg/pg_store.h"

namespace dragoman {

namespace pg_internal {

// ASCII upper case (country and actor codes).
inline std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

}  // namespace pg_internal

// The rows of one statement's result (owned; cleared on destruction).
struct PgStore::Rows {
  const LibPq* pq;
  PGresult* res = nullptr;
  Rows(const LibPq* p, PGresult* r) : pq(p), res(r) {}
  Rows(Rows&& o) noexcept : pq(o.pq), res(o.res) { o.res = nullptr; }
  Rows& operator=(Rows&&) = delete;
  ~Rows() {
    if (res) pq->PQclear(res);
  }
  int size() const { return pq->PQntuples(res); }
  bool null(int r, int c) const { return pq->PQgetisnull(res, r, c); }
  std::string text(int r, int c) const { return pq->PQgetvalue(res, r, c); }
  int64_t num(int r, int c) const { return std::atoll(pq->PQgetvalue(res, r, c)); }
  double real(int r, int c) const { return std::atof(pq->PQgetvalue(res, r, c)); }
};


}  // namespace dragoman

#endif  // DRAGOMAN_STORE_PG_PG_INTERNAL_H_
