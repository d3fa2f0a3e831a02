#include "stream/libnats.h"

#include <gtest/gtest.h>

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
  ASSERT_FALSE(n.ok());
  EXPECT_EQ(n.status().code(), Status::Code::kIo);  // exit code 6, as an unreachable server
  const std::string& msg = n.status().message();
  EXPECT_EQ(msg.rfind("libnats-dragoman-missing.so.3 is needed for NATS JetStream (publish, "
                      "worker, watch --publish) but cannot be loaded: ",
                      0),
            0u)
      << msg;
  EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
}

}  // namespace
}  // namespace dragoman
