// libFuzzer target for every parser of outside input in the input stage: the header date
// finder, the metadata date parser, the HTML extractor, the JSON Lines reader and the whole
// DocumentFromText path. Built with -DDRAGOMAN_FUZZ=ON (clang only); run e.g.
//   build-fuzz/src/input/input_fuzz -max_len=65536 -timeout=5
// Properties checked beyond "no crash, no sanitizer report": every result that claims a date
// holds a valid one, and every error message is a single line.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

#include "base/file.h"
#include "input/docdate.h"
#include "input/html.h"
#include "input/jsonl.h"
#include "input/reader.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckMessage(const dragoman::Status& s) {
  Check(!s.ok() && s.message().find('\n') == std::string::npos);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1u << 16)) return 0;  // keep each run fast; the readers are linear in the size
  const std::string_view in(reinterpret_cast<const char*>(data), size);

  if (auto d = dragoman::FindDocumentDate(in)) Check(d->date.valid());
  if (auto d = dragoman::ParseMetadataDate(in)) Check(d->valid());

  if (dragoman::FindInvalidUtf8(in) == std::string_view::npos) {
    dragoman::Result<dragoman::HtmlContent> html = dragoman::ExtractHtml(in);
    if (html.ok()) {
      Check(dragoman::FindInvalidUtf8(html->text) == std::string_view::npos);
    } else {
      CheckMessage(html.status());
    }
  }

  dragoman::ReaderConfig config;
  config.max_document_bytes = 4096;
  std::istringstream stream{std::string(in)};
  dragoman::JsonlReader jsonl(stream, "fuzz.jsonl", "", config);
  for (int i = 0; i < 100000; ++i) {
    auto r = jsonl.Next();
    if (!r.ok()) {
      CheckMessage(r.status());
      continue;
    }
    if (!r->has_value()) break;
    if ((*r)->date) Check((*r)->date->valid());
  }

  for (auto format :
       {dragoman::InputFormat::kAuto, dragoman::InputFormat::kText, dragoman::InputFormat::kHtml}) {
    auto doc = dragoman::DocumentFromText("fuzz", std::string(in), format, config);
    if (!doc.ok()) {
      CheckMessage(doc.status());
    } else if (doc->date) {
      Check(doc->date->valid());
    }
  }
  return 0;
}
