// Test support: the seed articles in ../shared/seeds beside the checkout (third-party test
// material, read at run time and never copied into the repository).
// For test binaries only: they are compiled with DRAGOMAN_SHARED_DIR (cmake/dragoman.cmake).
#ifndef DRAGOMAN_TESTING_SEEDS_H_
#define DRAGOMAN_TESTING_SEEDS_H_

#include <filesystem>
#include <string>

#include "base/file.h"

namespace dragoman::test_support {

// The text of the first seed whose file name starts with `prefix` ("002_"), or "" when the
// seeds are not there (callers then GTEST_SKIP()).
inline std::string SeedText(const std::string& prefix) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(DRAGOMAN_SHARED_DIR) / "seeds";
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename().string().rfind(prefix, 0) == 0) {
      auto r = ReadFile(it->path().string());
      if (r.ok()) return *r;
    }
  }
  return "";
}

}  // namespace dragoman::test_support

#endif  // DRAGOMAN_TESTING_SEEDS_H_
