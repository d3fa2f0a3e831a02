// Helpers shared by the fuzz targets in this folder (not part of any library).
//
// Every target caps its input (kMaxInput) so that one run stays fast: the parsers are linear or
// near-linear in their input, and a bug that needs megabytes to show is found by the resource
// limit tests instead (tests/faults/). A violated property calls Check(false), which aborts, and
// libFuzzer saves the input as a crash file.
#ifndef DRAGOMAN_FUZZ_FUZZ_UTIL_H_
#define DRAGOMAN_FUZZ_FUZZ_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "text/analysis.h"

namespace dragoman::fuzz {

inline constexpr size_t kMaxInput = 64u << 10;

inline void Check(bool ok, const char* what = "property violated") {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}

// An error must be an error, carry a message, and fit on one line.
inline void CheckError(const Status& s) {
  Check(!s.ok(), "error status is OK");
  Check(!s.message().empty(), "empty error message");
  Check(s.message().find('\n') == std::string::npos, "error message spans lines");
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// The shipped data directory (the source tree's data/).
inline std::string DataDir() { return DRAGOMAN_SOURCE_DATA_DIR; }

// One TextAnalyzer over the shipped data, built on first use and kept for the process.
inline const TextAnalyzer& Analyzer() {
  static const std::unique_ptr<TextAnalyzer> ta = [] {
    TextConfig config;
    config.data_dir = DataDir();
    auto r = TextAnalyzer::Create(config);
    if (!r.ok()) {
      std::fprintf(stderr, "fuzz setup: %s\n", r.status().message().c_str());
      std::abort();
    }
    return std::move(r).value();
  }();
  return *ta;
}

}  // namespace dragoman::fuzz

#endif  // DRAGOMAN_FUZZ_FUZZ_UTIL_H_
