// Document dates taken from the text itself, in order of trust:
//   1. a dateline at the top ("date 2025-08-04 4 August 2025 21:57 (UTC+04:00)",
//      "Press release 04 October 2021", "Published: 12 March 2024", "Tuesday, 4 February 2025",
//      "BAKU, March 8 (Reuters) -") -> kDateline
//   2. a byline ("By Nigar Bayramli February 4, 2025") -> kByline
//   3. an update stamp ("Last update: February 10, 2025 13:26", "Updated: ...") -> kUpdated
// Only the first lines of the document are examined (page headers), never the body prose: at
// most the first 10 non-empty lines, and only lines that start within the first 2 KiB.
//
// Within a header line a date counts only when it is recognisably a header date: it follows a
// label ("date", "Published", "Posted on", "Press release", "Updated", "Last update"...), the
// line is a byline ("By ..."), the date opens the line (or a " | "-separated segment of it), or
// it is an agency dateline ("CITY, Month Day (Agency) -"). A date inside an ordinary sentence
// ("... met in Tehran on February 3, 2025.") is never taken. Only day-precision dates count.
// A dateline without a year takes the year from another header date (the nearest of the year
// before, the same year and the year after); without one it is ignored.
//
// Thread-safety: pure functions.
#ifndef DRAGOMAN_INPUT_DOCDATE_H_
#define DRAGOMAN_INPUT_DOCDATE_H_

#include <optional>
#include <string_view>

#include "base/date.h"
#include "input/document.h"

namespace dragoman {

struct DocDate {
  PartialDate date;
  DateSource source;
};

// The document's date per the rules above; nullopt when the header holds none.
// Any bytes are accepted (invalid UTF-8 simply matches nothing).
std::optional<DocDate> FindDocumentDate(std::string_view text);

// Parses one date written on its own, as found in metadata (JSONL "date", HTML <meta>):
//   ISO 8601 "2024-03-08", "2024-03-08T10:00:00Z", "2024-03-08T10:00:00+04:00",
//   "2024-03-08 10:00", "20240308", "20240308100000" (GDELT), "2024-03", "2024",
//   "2024/03/08", and the written forms FindDocumentDate knows ("March 8, 2024",
//   "Fri, 08 Mar 2024 10:00:00 +0000", "08.03.2024").
// The date is taken as written (no time-zone conversion). Surrounding blanks are ignored.
// nullopt for anything else, including impossible dates ("2024-02-30").
std::optional<PartialDate> ParseMetadataDate(std::string_view s);

}  // namespace dragoman

#endif  // DRAGOMAN_INPUT_DOCDATE_H_
