// Fuzz target: the whole coder on arbitrary text — the document is built as the readers build it
// (DocumentFromText: text or HTML, date from the header), then coded with dragoman's shipped
// dictionaries (Coder::Code: sentences, actors, dates, places, quantities, events). Properties:
// every sentence and event span lies inside the text, in order; every event has a CAMEO code and
// valid dates.
#include <memory>
#include <string>

#include "base/date.h"
#include "coder/coder.h"
#include "fuzz/fuzz_util.h"
#include "input/reader.h"

using dragoman::fuzz::Check;

namespace {

const dragoman::Coder& TheCoder() {
  static const std::unique_ptr<dragoman::Coder> coder = [] {
    dragoman::CoderConfig c;
    c.data_dir = dragoman::fuzz::DataDir();
    auto r = dragoman::Coder::Create(c);
    if (!r.ok()) {
      std::fprintf(stderr, "fuzz setup: %s\n", r.status().message().c_str());
      std::abort();
    }
    return std::move(r).value();
  }();
  return *coder;
}

bool ValidOrEmpty(const std::string& date) {
  if (date.empty()) return true;
  auto d = dragoman::PartialDate::Parse(date);
  return d.has_value() && d->valid();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > dragoman::fuzz::kMaxInput) return 0;
  dragoman::ReaderConfig config;
  config.fallback_date = dragoman::PartialDate{2024, 3, 8};
  auto format = (data[0] & 1) ? dragoman::InputFormat::kHtml : dragoman::InputFormat::kText;
  auto doc = dragoman::DocumentFromText(
      "fuzz.txt", std::string(dragoman::fuzz::AsText(data + 1, size - 1)), format, config);
  if (!doc.ok()) return 0;  // the reader's own target checks its errors
  dragoman::CodedDocument coded = TheCoder().Code(*doc);
  const size_t n = doc->text.size();
  uint32_t prev = 0;
  for (const auto& s : coded.sentences) {
    Check(prev <= s.begin && s.begin <= s.end && s.end <= n, "sentence span");
    prev = s.end;
  }
  for (const dragoman::Event& e : coded.events) {
    Check(!e.cameo.empty(), "event without a CAMEO code");
    Check(ValidOrEmpty(e.date) && ValidOrEmpty(e.doc_date), "event date invalid");
  }
  return 0;
}
