// Document dates taken from the text itself, in order of trust:
//   1. a dateline at the top ("date 2025-08-04 4 August 2025 21:57 (UTC+04:00)",
//      "Press release 04 October 2021") -> kDateline
//   2. a byline ("By Nigar Bayramli February 4, 2025") -> kByline
//   3. an update stamp ("Last update: February 10, 2025 13:26") -> kUpdated
// Only the first lines of the document are examined (page headers), never the body prose.
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

std::optional<DocDate> FindDocumentDate(std::string_view text);

}  // namespace dragoman

#endif  // DRAGOMAN_INPUT_DOCDATE_H_
