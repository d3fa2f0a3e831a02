#include "base/shared_library.h"

#include <gtest/gtest.h>

#include <cstring>

namespace dragoman {
namespace {

TEST(SharedLibraryTest, ResolvesAFunctionOfAnInstalledLibrary) {
  Result<SharedLibrary> libc = SharedLibrary::Open("libc.so.6", "this test");
  ASSERT_TRUE(libc.ok()) << libc.status().message();
  decltype(&std::strlen) strlen_fn = nullptr;
  ASSERT_TRUE(libc->Resolve("strlen", &strlen_fn).ok());
  EXPECT_EQ(strlen_fn("four"), 4u);
}

TEST(SharedLibraryTest, AMissingLibraryIsOneLineNamingItAndWhatNeedsIt) {
  Result<SharedLibrary> lib = SharedLibrary::Open("libdragoman-no-such.so.9", "the frobnicator");
  ASSERT_FALSE(lib.ok());
  const std::string& msg = lib.status().message();
  EXPECT_EQ(lib.status().code(), Status::Code::kIo);
  EXPECT_EQ(msg.rfind("libdragoman-no-such.so.9 is needed for the frobnicator but cannot be "
                      "loaded: ",
                      0),
            0u)
      << msg;
  EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
}

TEST(SharedLibraryTest, AMissingFunctionNamesTheLibraryAndTheFunction) {
  Result<SharedLibrary> libc = SharedLibrary::Open("libc.so.6", "this test");
  ASSERT_TRUE(libc.ok()) << libc.status().message();
  void (*fn)() = nullptr;
  Status st = libc->Resolve("dragoman_no_such_function", &fn);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(fn, nullptr);
  EXPECT_NE(st.message().find("libc.so.6 has no function dragoman_no_such_function"),
            std::string::npos)
      << st.message();
}

}  // namespace
}  // namespace dragoman
