// Line iteration for data files and line-oriented inputs (dictionaries, gold files, JSONL).
//
// Every loader reports errors as "file:LINE: reason", so every loader needs the same walk: line
// numbers from 1, no line break in the line, a trailing '\r' (CRLF files) dropped, and a final
// line without '\n' still counted. These two helpers are that walk, written once.
#ifndef DRAGOMAN_BASE_LINES_H_
#define DRAGOMAN_BASE_LINES_H_

#include <string_view>

#include "base/status.h"

namespace dragoman {

// Calls fn(int line_no, std::string_view line) for every line of `text`; fn returns Status and
// the first non-OK one ends the walk and is returned. An empty text has no lines.
template <typename Fn>
Status ForEachLine(std::string_view text, Fn&& fn) {
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    DRAGOMAN_RETURN_IF_ERROR(fn(line_no, line));
  }
  return Status::Ok();
}

// The same for data files: blank lines and comment lines (first non-blank character '#') are
// skipped, and the line handed to fn has its leading and trailing blanks removed.
template <typename Fn>
Status ForEachDataLine(std::string_view text, Fn&& fn) {
  return ForEachLine(text, [&](int line_no, std::string_view line) -> Status {
    size_t b = line.find_first_not_of(" \t");
    if (b == std::string_view::npos || line[b] == '#') return Status::Ok();
    size_t e = line.find_last_not_of(" \t");
    return fn(line_no, line.substr(b, e - b + 1));
  });
}

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_LINES_H_
