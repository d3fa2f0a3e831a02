#include "store/pg/libpq.h"

#include <gtest/gtest.h>

#include "testing/library_loading.h"

namespace dragoman {
namespace {

TEST(LibPqTest, TheInstalledLibraryHasEveryFunctionTheStoreCalls) {
  Result<const LibPq*> pq = LoadLibPq();
  ASSERT_TRUE(pq.ok()) << pq.status().message();
  EXPECT_NE((*pq)->PQconnectdb, nullptr);
  EXPECT_NE((*pq)->PQgetisnull, nullptr);
  // Loaded once: the same table every time.
  EXPECT_EQ(*LoadLibPq(), *pq);
}

TEST(LibPqTest, AMissingLibpqIsAStoreErrorOfOneLineNamingIt) {
  Result<LibPq> pq = LoadLibPqFrom("libpq-dragoman-missing.so.5");
  // Status kStore: exit code 5.
  test_support::ExpectUnloadableLibrary(pq.status(), Status::Code::kStore,
                                        "libpq-dragoman-missing.so.5",
                                        "a PostgreSQL store (postgresql:// --db)");
}

}  // namespace
}  // namespace dragoman
