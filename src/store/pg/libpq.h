// libpq, opened when a postgresql:// store is first used, not linked into the binary: libpq
// brings 21 other libraries (Kerberos, LDAP, GnuTLS, SASL...) whose loading cost every command,
// `code` included, ~6 ms of start-up (doc/performance.md). The build still finds libpq through
// pkg-config (its header gives the types and the declarations the table below is checked
// against) and records its SONAME (DRAGOMAN_LIBPQ_SONAME, e.g. "libpq.so.5").
//
// Every libpq function the PostgreSQL store calls is a member of LibPq, named as in libpq-fe.h;
// code in store/pg calls `pq_->PQexec(...)` where it would call `PQexec(...)`. A function added
// there must be added here (the link fails otherwise: nothing links libpq).
#ifndef DRAGOMAN_STORE_PG_LIBPQ_H_
#define DRAGOMAN_STORE_PG_LIBPQ_H_

#include <libpq-fe.h>

#include <string>

#include "base/status.h"

namespace dragoman {

struct LibPq {
  decltype(&::PQconnectdb) PQconnectdb;
  decltype(&::PQstatus) PQstatus;
  decltype(&::PQerrorMessage) PQerrorMessage;
  decltype(&::PQfinish) PQfinish;
  decltype(&::PQexec) PQexec;
  decltype(&::PQprepare) PQprepare;
  decltype(&::PQexecPrepared) PQexecPrepared;
  decltype(&::PQresultStatus) PQresultStatus;
  decltype(&::PQresultErrorMessage) PQresultErrorMessage;
  decltype(&::PQclear) PQclear;
  decltype(&::PQntuples) PQntuples;
  decltype(&::PQgetvalue) PQgetvalue;
  decltype(&::PQgetisnull) PQgetisnull;
};

// The table of the libpq dragoman was built against, loaded on the first call; later calls
// return the same table (or the same error). Store error of one line naming the library when it
// is not installed ("libpq.so.5 is needed for a PostgreSQL store (postgresql:// --db) but cannot
// be loaded: ...": exit code 5) or lacks a function. Thread-safe; the table lives until exit.
Result<const LibPq*> LoadLibPq();

// As LoadLibPq, from the library `soname`, not cached (tests: a missing library's message).
Result<LibPq> LoadLibPqFrom(const std::string& soname);

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_PG_LIBPQ_H_
