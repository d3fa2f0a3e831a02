// Fuzz target: the text stage — Analyze(), Normalize() and TokenizePhrase() on arbitrary bytes
// (inputs capped at 64 KiB). Checks the offset invariants every later stage relies on and aborts
// on a violation. Built and run by scripts/fuzz.sh (doc/reliability.md); reads the shipped data/.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "text/analysis.h"

namespace {

const dragoman::TextAnalyzer& Analyzer() {
  static const std::unique_ptr<dragoman::TextAnalyzer> ta = [] {
    dragoman::TextConfig config;
    config.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto r = dragoman::TextAnalyzer::Create(config);
    if (!r.ok()) std::abort();
    return std::move(r).value();
  }();
  return *ta;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (64u << 10)) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const dragoman::TextAnalyzer& ta = Analyzer();
  uint32_t prev = 0;
  for (const dragoman::Sentence& s : ta.Analyze(text)) {
    Check(!s.tokens.empty());
    Check(prev <= s.begin && s.begin < s.end && s.end <= size);
    for (const dragoman::Token& t : s.tokens) {
      Check(s.begin <= t.begin && t.begin < t.end && t.end <= s.end);
      Check(!t.norm.empty());
    }
    prev = s.end;
  }
  ta.Normalize(text);
  ta.TokenizePhrase(text.substr(0, 256));
  return 0;
}
