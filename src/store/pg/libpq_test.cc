#include "store/pg/libpq.h"

#include <gtest/gtest.h>

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
  ASSERT_FALSE(pq.ok());
  EXPECT_EQ(pq.status().code(), Status::Code::kStore);  // exit code 5
  const std::string& msg = pq.status().message();
  EXPECT_EQ(msg.rfind("libpq-dragoman-missing.so.5 is needed for a PostgreSQL store "
                      "(postgresql:// --db) but cannot be loaded: ",
                      0),
            0u)
      << msg;
  EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
}

}  // namespace
}  // namespace dragoman
