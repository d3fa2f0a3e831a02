// JSON Lines input: one document per line, read from a stream in bounded memory.
//
// A record is a JSON object with the fields
//   "text"   (string, required)  the document text
//   "id"     (string or integer) the document id; default "NAME:LINE" (NAME without directory);
//                                a number must be an integer that fits 64 bits (else BadInput)
//   "date"   (string or number)  publication date, see ParseMetadataDate (input/docdate.h)
//   "title", "url", "source" (strings)
// Unknown fields are ignored; a null value counts as absent. Blank lines are skipped.
//
// Errors (Status::BadInput, one line each; the reader then continues with the next line):
//   "NAME:LINE:COL: invalid UTF-8 byte 0xNN"
//   "NAME:LINE: line longer than N bytes"          (the line is discarded unread)
//   "NAME:LINE:COL: invalid JSON: REASON"
//   "NAME:LINE: record is not a JSON object"
//   "NAME:LINE: record has no string \"text\""
//   "NAME:LINE: empty \"text\""
//   "NAME:LINE: \"text\" contains a NUL character"
//   "NAME:LINE: invalid JSON: REASON"              (valid syntax it cannot hold: a number over a
//                                                   double's range such as 1e400)
//   "NAME:LINE: \"FIELD\" must be a string"          (title, url, source; id: string or number)
//   "NAME:LINE: \"id\" N is not an integer of at most 64 bits; give it as a string"
//   "NAME:LINE: unrecognised \"date\" 'VALUE'"
//   "NAME: binary file (NUL byte at offset N)"     (checked in the first 8 KiB; ends the file)
//   "NAME: empty file"                             (no non-blank line at all)
//
// Thread-safety: one thread per reader. The stream must outlive the reader.
#ifndef DRAGOMAN_INPUT_JSONL_H_
#define DRAGOMAN_INPUT_JSONL_H_

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "input/document.h"
#include "input/reader.h"

namespace dragoman {

// Splits a stream into lines of at most `max_line` bytes without ever holding more than that
// (plus one read buffer) in memory. Bytes already read from the stream (e.g. for format
// detection) are passed as `prefix` and come first.
class LineReader {
 public:
  // REQUIRES: max_line > 0.
  LineReader(std::istream& in, std::string prefix, size_t max_line);

  // Reads the next line into `*line` (without its '\n'; a '\r' before it is kept). Sets
  // `*too_long` when the line exceeded max_line bytes: `*line` then holds its first max_line
  // bytes and the rest has been discarded. Returns false at the end of the input.
  bool Next(std::string* line, bool* too_long);

  // 1-based number of the line last returned.
  size_t line_number() const { return line_number_; }

  // The bytes read ahead but not yet returned (before the first Next(): the first bytes of the
  // input, at least 8 KiB when it is that long).
  std::string_view Buffered() const { return std::string_view(buf_).substr(pos_); }

  // True when the stream failed with a read error (not at end of file).
  bool read_error() const { return read_error_; }

 private:
  bool Fill();  // refills buf_ from the stream; false at end of input

  std::istream& in_;
  std::string buf_;
  size_t pos_ = 0;
  size_t max_line_;
  size_t line_number_ = 0;
  bool eof_ = false;
  bool read_error_ = false;
};

// Builds a Document from one JSON Lines record. `name` is the input's name for messages
// (a path, or "<stdin>"), `line` its 1-based line number.
Result<Document> ParseJsonlRecord(std::string_view name, size_t line, std::string_view record,
                                  const ReaderConfig& config);

// Streams the documents of one JSON Lines input.
class JsonlReader {
 public:
  // `prefix`: bytes already consumed from `in` (they are read first).
  JsonlReader(std::istream& in, std::string name, std::string prefix, const ReaderConfig& config);

  // The next document, an error for one bad line (call again to continue), or nullopt at the
  // end of the input.
  Result<std::optional<Document>> Next();

 private:
  std::string name_;
  ReaderConfig config_;
  LineReader lines_;
  std::optional<size_t> binary_at_;  // offset of a NUL byte in the first 8 KiB
  bool saw_record_ = false;
  bool done_ = false;
};

}  // namespace dragoman

#endif  // DRAGOMAN_INPUT_JSONL_H_
