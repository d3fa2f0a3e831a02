// Fuzz target: every parser of a date given from outside — the date found in a document's header
// or byline (FindDocumentDate), a metadata date (JSONL "date", HTML <meta>: ParseMetadataDate)
// and the command-line forms of --date/--since/--until (PartialDate::Parse). A date that parses
// must be valid and print back as a date that parses to itself.
#include <string>

#include "base/date.h"
#include "fuzz/fuzz_util.h"
#include "input/docdate.h"

using dragoman::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > dragoman::fuzz::kMaxInput) return 0;
  const std::string_view in = dragoman::fuzz::AsText(data, size);
  if (auto d = dragoman::FindDocumentDate(in)) Check(d->date.valid(), "header date invalid");
  if (auto d = dragoman::ParseMetadataDate(in)) Check(d->valid(), "metadata date invalid");
  if (auto d = dragoman::PartialDate::Parse(in)) {
    Check(d->valid(), "flag date invalid");
    auto again = dragoman::PartialDate::Parse(d->ToString());
    Check(again.has_value() && again->ToString() == d->ToString(), "date does not round-trip");
  }
  return 0;
}
