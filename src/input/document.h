// Document: one article as the coder sees it.
//
// `text` is the UTF-8 text dragoman codes; every byte span in the output is an offset into it.
// For a .txt file it is the file's content; for HTML it is the text extracted by input/html.h;
// for JSON Lines it is the record's "text" field.
#ifndef DRAGOMAN_INPUT_DOCUMENT_H_
#define DRAGOMAN_INPUT_DOCUMENT_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"

namespace dragoman {

// Where a document's date came from (recorded in the output as `doc_date_source`).
enum class DateSource {
  kNone,      // no date known
  kMetadata,  // the JSONL record's "date" field
  kDateline,  // a dateline/header in the text ("date 2025-08-04 ...", "Press release 04 October
              // 2021")
  kByline,    // a byline date ("By Nigar Bayramli February 4, 2025")
  kUpdated,   // a "Last update: ..." stamp (used only when no byline date exists)
  kFlag,      // the --date flag
};
std::string_view DateSourceName(DateSource s);  // "none", "metadata", "dateline", ...

struct Document {
  std::string id;                  // JSONL "id", else the file name without directory
  std::string origin;              // where it came from, for error messages: "path" or "path:line"
  std::string title, url, source;  // optional metadata
  std::string text;                // UTF-8 (validated by the reader)
  std::optional<PartialDate> date;
  DateSource date_source = DateSource::kNone;
};

}  // namespace dragoman

#endif  // DRAGOMAN_INPUT_DOCUMENT_H_
