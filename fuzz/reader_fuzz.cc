// Fuzz target: the input readers on arbitrary bytes — plain text, HTML (gumbo and the metadata
// parsers), JSON Lines, and standard input through DocumentReader, as `dragoman code -` reads it.
// Properties beyond "no crash, no sanitizer report": a document that claims a date holds a valid
// one, extracted HTML text is valid UTF-8, and every error is one non-empty line.
#include <sstream>
#include <string>

#include "base/file.h"
#include "fuzz/fuzz_util.h"
#include "input/html.h"
#include "input/jsonl.h"
#include "input/reader.h"

using dragoman::fuzz::Check;
using dragoman::fuzz::CheckError;

namespace {

void CheckDocument(const dragoman::Document& doc) {
  if (doc.date) Check(doc.date->valid(), "document date invalid");
  Check(dragoman::FindInvalidUtf8(doc.text) == std::string_view::npos, "text not UTF-8");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > dragoman::fuzz::kMaxInput) return 0;
  const std::string_view in = dragoman::fuzz::AsText(data, size);

  if (dragoman::FindInvalidUtf8(in) == std::string_view::npos) {
    dragoman::Result<dragoman::HtmlContent> html = dragoman::ExtractHtml(in);
    if (html.ok()) {
      Check(dragoman::FindInvalidUtf8(html->text) == std::string_view::npos, "HTML text UTF-8");
      if (html->published) Check(html->published->valid(), "HTML date invalid");
    } else {
      CheckError(html.status());
    }
  }

  dragoman::ReaderConfig config;
  config.max_document_bytes = 4096;  // small, so that the limit paths run too
  {
    std::istringstream stream{std::string(in)};
    dragoman::JsonlReader jsonl(stream, "fuzz.jsonl", "", config);
    for (int i = 0; i < 100000; ++i) {
      auto r = jsonl.Next();
      if (!r.ok()) {
        CheckError(r.status());
        continue;
      }
      if (!r->has_value()) break;
      CheckDocument(**r);
    }
  }

  for (auto format : {dragoman::InputFormat::kAuto, dragoman::InputFormat::kText,
                      dragoman::InputFormat::kHtml}) {
    auto doc = dragoman::DocumentFromText("fuzz", std::string(in), format, config);
    if (!doc.ok()) {
      CheckError(doc.status());
    } else {
      CheckDocument(*doc);
    }
  }

  // Standard input, format detected from the content.
  std::istringstream stdin_stream{std::string(in)};
  config.stdin_stream = &stdin_stream;
  dragoman::DocumentReader reader({"-"}, config);
  for (int i = 0; i < 100000; ++i) {
    auto r = reader.Next();
    if (!r.ok()) {
      CheckError(r.status());
      continue;
    }
    if (!r->has_value()) break;
    CheckDocument(**r);
  }
  return 0;
}
