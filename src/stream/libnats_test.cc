#include "stream/libnats.h"

#include <gtest/gtest.h>

#include "testing/library_loading.h"

namespace dragoman {
namespace {

TEST(LibNatsTest, TheInstalledLibraryHasEveryFunctionTheQueueCalls) {
  Result<const LibNats*> n = LoadLibNats();
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_NE((*n)->natsConnection_Connect, nullptr);
  EXPECT_NE((*n)->nats_CloseAndWait, nullptr);
  EXPECT_EQ(*LoadLibNats(), *n);
}

TEST(LibNatsTest, AMissingLibnatsIsAnIoErrorOfOneLineNamingIt) {
  Result<LibNats> n = LoadLibNatsFrom("libnats-dragoman-missing.so.3");
  // Status kIo: exit code 6, as an unreachable server.
  test_support::ExpectUnloadableLibrary(n.status(), Status::Code::kIo,
                                        "libnats-dragoman-missing.so.3",
                                        "NATS JetStream (publish, worker, watch --publish)");
}

}  // namespace
}  // namespace dragoman
