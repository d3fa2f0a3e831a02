// Test support for libraries opened at run time (base/shared_library.h): the checks every
// loader's "missing library" test makes. For test binaries only.
#ifndef DRAGOMAN_TESTING_LIBRARY_LOADING_H_
#define DRAGOMAN_TESTING_LIBRARY_LOADING_H_

#include <gtest/gtest.h>

#include <string>

#include "base/status.h"

namespace dragoman::test_support {

// Expects `s` to be the error a loader reports for a library it cannot open: status `code`
// (which decides the exit code), one line, starting "SONAME is needed for PURPOSE but cannot be
// loaded: " (the dynamic linker's reason follows).
inline void ExpectUnloadableLibrary(const Status& s, Status::Code code, const std::string& soname,
                                    const std::string& purpose) {
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), code);
  const std::string& msg = s.message();
  const std::string prefix = soname + " is needed for " + purpose + " but cannot be loaded: ";
  EXPECT_EQ(msg.rfind(prefix, 0), 0u) << msg;
  EXPECT_GT(msg.size(), prefix.size()) << "no reason given: " << msg;
  EXPECT_EQ(msg.find('\n'), std::string::npos) << msg;
}

}  // namespace dragoman::test_support

#endif  // DRAGOMAN_TESTING_LIBRARY_LOADING_H_
