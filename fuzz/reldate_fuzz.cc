// Fuzz target: the date expressions inside sentences (time/dates.h), relative ones included
// ("two days ago", "last Tuesday", "the previous month"). The first 4 bytes pick a document date
// (any day from year 1 to 9999, or none), the rest is the text. Every date found must be valid
// and its token range must lie inside its sentence, in order and without overlap.
#include <cstring>

#include "base/date.h"
#include "base/file.h"
#include "fuzz/fuzz_util.h"
#include "time/dates.h"

using dragoman::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4 || size > dragoman::fuzz::kMaxInput) return 0;
  uint32_t seed;
  std::memcpy(&seed, data, 4);
  std::optional<dragoman::PartialDate> doc_date;
  if (seed % 8 != 0) {
    dragoman::PartialDate d{static_cast<int>(1 + seed % 9999),
                            static_cast<int>(1 + (seed >> 14) % 12),
                            static_cast<int>(1 + (seed >> 18) % 28)};
    if (d.valid()) doc_date = d;
  }
  const std::string_view text = dragoman::fuzz::AsText(data + 4, size - 4);
  if (dragoman::FindInvalidUtf8(text) != std::string_view::npos) return 0;  // readers reject it
  static const dragoman::Lexicon lexicon = [] {
    auto r = dragoman::Lexicon::Load(dragoman::fuzz::DataDir() + "/lexicon");
    Check(r.ok(), "Lexicon::Load");
    return std::move(r).value();
  }();
  static const dragoman::DateFinder finder = [] {
    auto r = dragoman::DateFinder::Create(lexicon);
    Check(r.ok(), "DateFinder::Create");
    return std::move(r).value();
  }();
  for (const dragoman::Sentence& s : dragoman::fuzz::Analyzer().Analyze(text)) {
    int prev_end = 0;
    for (const dragoman::DateMention& m : finder.Find(s, text, doc_date)) {
      Check(m.date.valid(), "date mention invalid");
      Check(prev_end <= m.token_begin && m.token_begin < m.token_end &&
                m.token_end <= static_cast<int>(s.tokens.size()),
            "date mention token range");
      prev_end = m.token_end;
    }
  }
  return 0;
}
