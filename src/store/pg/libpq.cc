#include "store/pg/libpq.h"

#include "base/shared_library.h"

namespace dragoman {

Result<LibPq> LoadLibPqFrom(const std::string& soname) {
  Result<SharedLibrary> lib =
      SharedLibrary::Open(soname, "a PostgreSQL store (postgresql:// --db)");
  // A store that cannot be opened is a store error (exit 5), whatever the reason.
  if (!lib.ok()) return Status::Store(lib.status().message());
  LibPq pq{};
  for (Status st :
       {lib->Resolve("PQconnectdb", &pq.PQconnectdb), lib->Resolve("PQstatus", &pq.PQstatus),
        lib->Resolve("PQerrorMessage", &pq.PQerrorMessage), lib->Resolve("PQfinish", &pq.PQfinish),
        lib->Resolve("PQexec", &pq.PQexec), lib->Resolve("PQprepare", &pq.PQprepare),
        lib->Resolve("PQexecPrepared", &pq.PQexecPrepared),
        lib->Resolve("PQresultStatus", &pq.PQresultStatus),
        lib->Resolve("PQresultErrorMessage", &pq.PQresultErrorMessage),
        lib->Resolve("PQclear", &pq.PQclear), lib->Resolve("PQntuples", &pq.PQntuples),
        lib->Resolve("PQgetvalue", &pq.PQgetvalue), lib->Resolve("PQgetisnull", &pq.PQgetisnull)}) {
    if (!st.ok()) return Status::Store(st.message());
  }
  return pq;
}

Result<const LibPq*> LoadLibPq() {
  // Loaded once (a function-local static is initialised once, thread-safely); never unloaded.
  static const Result<LibPq> loaded = LoadLibPqFrom(DRAGOMAN_LIBPQ_SONAME);
  if (!loaded.ok()) return loaded.status();
  return &loaded.value();
}

}  // namespace dragoman
