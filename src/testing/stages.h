// Test support: the shipped text analyzer and lexicon, built once per test binary from the
// source tree's data/ (and the system WordNet). One fixture for every stage's tests instead of a
// copy in each.
// For test binaries only: they are compiled with DRAGOMAN_SOURCE_DATA_DIR (cmake/dragoman.cmake).
// A stage that cannot be built fails the calling test (ADD_FAILURE) and the accessor aborts the
// test binary with the message, since every later check would be meaningless.
#ifndef DRAGOMAN_TESTING_STAGES_H_
#define DRAGOMAN_TESTING_STAGES_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "lexicon/lexicon.h"
#include "text/analysis.h"

namespace dragoman::test_support {

template <typename T>
T Must(Result<T> r, const char* what) {
  if (!r.ok()) {
    std::fprintf(stderr, "%s: %s\n", what, r.status().message().c_str());
    std::abort();
  }
  return std::move(r).value();
}

// The shipped TextAnalyzer (data/text, WordNet).
inline const TextAnalyzer& Analyzer() {
  static const std::unique_ptr<TextAnalyzer> analyzer = [] {
    TextConfig config;
    config.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    return Must(TextAnalyzer::Create(config), "TextAnalyzer::Create");
  }();
  return *analyzer;
}

// The shipped Lexicon (data/lexicon).
inline const Lexicon& ShippedLexicon() {
  static const Lexicon lexicon =
      Must(Lexicon::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) + "/lexicon"), "Lexicon::Load");
  return lexicon;
}

}  // namespace dragoman::test_support

#endif  // DRAGOMAN_TESTING_STAGES_H_
