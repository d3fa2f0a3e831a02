// Shared fixture for the text stage's tests: one TextAnalyzer built from the source tree's data/
// and the system WordNet, created once per test binary.
#ifndef DRAGOMAN_TEXT_TEST_UTIL_H_
#define DRAGOMAN_TEXT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "text/analysis.h"

namespace dragoman {

// The shared analyzer; fails the calling test (and returns nullptr) when it cannot be built.
inline const TextAnalyzer* SharedAnalyzer() {
  static const std::unique_ptr<TextAnalyzer> analyzer = [] {
    TextConfig config;
    config.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto r = TextAnalyzer::Create(config);
    if (!r.ok()) {
      ADD_FAILURE() << "TextAnalyzer::Create: " << r.status().message();
      return std::unique_ptr<TextAnalyzer>();
    }
    return std::move(r).value();
  }();
  return analyzer.get();
}

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_TEST_UTIL_H_
