// Input readers: files, folders, JSON Lines and stdin -> Documents.
//
// Formats: plain text (.txt and anything else that is valid UTF-8 text), HTML (.html/.htm, or
// content that starts like HTML; text extracted with gumbo, scripts/styles/navigation dropped),
// JSON Lines (.jsonl/.ndjson, or content whose first non-blank byte is '{'): one document per
// line with fields id, date, title, url, source, text (only text required).
//
// Bad input is an error value naming the file and place; nothing is skipped silently:
//   binary content          -> BadInput "PATH: binary file (NUL byte at offset N)"
//   invalid UTF-8           -> BadInput "PATH:LINE:COL: invalid UTF-8 byte 0xff"
//   empty file              -> BadInput "PATH: empty file"
//   bad JSON line           -> BadInput "PATH:LINE: ..."
//   line over the limit     -> BadInput "PATH:LINE: line longer than N bytes"
//
// Thread-safety: a DocumentReader is used by one thread.
#ifndef DRAGOMAN_INPUT_READER_H_
#define DRAGOMAN_INPUT_READER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "input/document.h"

namespace dragoman {

enum class InputFormat { kAuto, kText, kHtml, kJsonl };
// Parses "auto", "txt"/"text", "html", "jsonl"; nullopt otherwise.
std::optional<InputFormat> ParseInputFormat(std::string_view s);

struct ReaderConfig {
  InputFormat format = InputFormat::kAuto;
  std::optional<PartialDate> fallback_date;  // --date: used when neither metadata nor text dates it
  // Largest document or JSONL line accepted, in bytes. Larger ones are reported (BadInput), not
  // truncated.
  size_t max_document_bytes = 64u << 20;
};

// Streams Documents from a list of paths ("-" is stdin; folders are walked recursively in
// sorted order, skipping hidden files). Each Next() yields one document or one error; after an
// error the caller may continue with the next input.
class DocumentReader {
 public:
  DocumentReader(std::vector<std::string> paths, ReaderConfig config);
  ~DocumentReader();

  // Returns the next document, a non-OK Status for an input that could not be read (the reader
  // then moves on to the next one), or std::nullopt inside an OK Result at the end.
  Result<std::optional<Document>> Next();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Builds a Document from one text's bytes (used by the reader and by tests).
// `name` is used for `id`/`origin`. Sets date and date_source per input/docdate.h.
Result<Document> DocumentFromText(std::string name, std::string bytes, InputFormat format,
                                  const ReaderConfig& config);

}  // namespace dragoman

#endif  // DRAGOMAN_INPUT_READER_H_
