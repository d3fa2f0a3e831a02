// Input readers: files, folders, JSON Lines and stdin -> Documents.
//
// Formats: plain text (.txt and anything else that is valid UTF-8 text), HTML (.html/.htm, or
// content that starts like HTML; text extracted with gumbo, scripts/styles/navigation dropped),
// JSON Lines (.jsonl/.ndjson, or content whose first non-blank byte is '{'): one document per
// line with fields id, date, title, url, source, text (only text required).
//
// Detection (ReaderConfig::format = kAuto): the extension decides for .jsonl/.ndjson/.jsonlines
// (JSONL) and .html/.htm/.xhtml (HTML); otherwise the content: first non-blank byte '{' ->
// JSONL; '<' and an html/doctype/head/body/p/div/... tag -> HTML; else text. A UTF-8 byte order
// mark is dropped; CRLF line ends are kept (offsets are into the text as read).
//
// Bad input is an error value naming the file and place; nothing is skipped silently:
//   binary content          -> BadInput "PATH: binary file (NUL byte at offset N)"
//   invalid UTF-8           -> BadInput "PATH:LINE:COL: invalid UTF-8 byte 0xff"
//   empty file              -> BadInput "PATH: empty file"  (also whitespace only)
//   HTML without text       -> BadInput "PATH: no text in HTML"
//   file over the limit     -> BadInput "PATH: document larger than N bytes" (not read further)
//   bad JSON line           -> BadInput "PATH:LINE: ..."  (all JSONL messages: input/jsonl.h)
//   line over the limit     -> BadInput "PATH:LINE: line longer than N bytes"
//   missing path            -> NotFound "PATH: no such file or directory"
//   folder without files    -> BadInput "PATH: no files in folder"
//   unreadable file         -> BadInput "PATH: cannot open file: REASON"  (or "PATH: read error")
//   unreadable folder       -> BadInput "PATH: cannot read folder: REASON"
//   dangling symbolic link  -> BadInput "PATH: dangling symbolic link"
//   symbolic link loop      -> BadInput "PATH: symbolic link loop" (or "... (folder F is already
//                              being read)" for a link back to a folder above it)
// Document ids: JSONL "id", else "FILE:LINE" for JSONL records; for files the file name
// without directory ("stdin" for standard input). Document origin: "PATH" or "PATH:LINE"
// (standard input is named "<stdin>").
//
// Folders are walked depth-first; at each level entries are sorted by name (byte order) and
// names starting with '.' (files and folders) are skipped; every other regular file is read
// (a non-text file is reported, not skipped); sockets, FIFOs and devices are reported
// ("PATH: not a regular file") and not read.
// Symbolic links are followed, each folder once. A problem inside a folder (an unreadable
// sub-folder or file, a dangling or looping link) is reported in its place, in name order, and
// the walk goes on with the entries beside it.
//
// Thread-safety: a DocumentReader is used by one thread.
#ifndef DRAGOMAN_INPUT_READER_H_
#define DRAGOMAN_INPUT_READER_H_

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  // Where "-" reads from; nullptr means std::cin. Must outlive the reader.
  std::istream* stdin_stream = nullptr;
};

// The format of an input named `path` whose first bytes are `head` (at least the first 8 KiB,
// or all of a shorter input), per the detection rules above. Never returns kAuto.
InputFormat DetectFormat(std::string_view path, std::string_view head);

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
// `name` is used for `id`/`origin`. Sets date and date_source: HTML metadata (kMetadata), else
// the text's header per input/docdate.h, else an HTML page's modification time (kUpdated), else
// config.fallback_date (kFlag). Applies every file check listed above. With kJsonl, `bytes` must
// hold one record.
Result<Document> DocumentFromText(std::string name, std::string bytes, InputFormat format,
                                  const ReaderConfig& config);

}  // namespace dragoman

#endif  // DRAGOMAN_INPUT_READER_H_
