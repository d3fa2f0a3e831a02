// Line iteration for data files and line-oriented inputs (dictionaries, gold files, JSONL).
//
// Every loader reports errors as "file:LINE: reason", so every loader needs the same walk: line
// numbers from 1, no line break in the line, a trailing '\r' (CRLF files) dropped, and a final
// line without '\n' still counted. These helpers are that walk, written once; the rest of the
// loader toolkit (the error, field splitting, reading a data file, the problem policy) is
// base/data_file.h.
#ifndef DRAGOMAN_BASE_LINES_H_
#define DRAGOMAN_BASE_LINES_H_

#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace dragoman {

class DataProblems;  // base/data_file.h
// Defined in data_file.cc: with no sink `s` is returned as it is; with one, a BadData `s` is
// recorded there and Ok returned (see DataProblems).
Status Report(DataProblems* sink, Status s);

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

// The lines of `text` as ForEachLine walks them: lines[0] is line 1.
inline std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  (void)ForEachLine(text, [&](int, std::string_view l) {
    lines.push_back(l);
    return Status::Ok();
  });
  return lines;
}

// True for a line a data file does not count: blank, or a comment (first non-blank '#').
inline bool IsBlankOrComment(std::string_view line) {
  size_t b = line.find_first_not_of(" \t");
  return b == std::string_view::npos || line[b] == '#';
}

// For tab-separated data files: every line that is not blank or a comment, handed to fn
// untrimmed (a field may be empty at either end). A BadData from fn goes through
// Report(sink, ...): with no sink (the two-argument form) it ends the walk; with one it is
// recorded and the walk goes on with the next line. Any other failure ends the walk.
template <typename Fn>
Status ForEachContentLine(std::string_view text, DataProblems* sink, Fn&& fn) {
  return ForEachLine(text, [&](int line_no, std::string_view line) -> Status {
    if (IsBlankOrComment(line)) return Status::Ok();
    return Report(sink, fn(line_no, line));
  });
}
template <typename Fn>
Status ForEachContentLine(std::string_view text, Fn&& fn) {
  return ForEachContentLine(text, nullptr, std::forward<Fn>(fn));
}

// The same for the other data files: the line handed to fn has its leading and trailing blanks
// (spaces and tabs) removed.
template <typename Fn>
Status ForEachDataLine(std::string_view text, DataProblems* sink, Fn&& fn) {
  return ForEachContentLine(text, sink, [&](int line_no, std::string_view line) -> Status {
    size_t b = line.find_first_not_of(" \t");
    size_t e = line.find_last_not_of(" \t");
    return fn(line_no, line.substr(b, e - b + 1));
  });
}
template <typename Fn>
Status ForEachDataLine(std::string_view text, Fn&& fn) {
  return ForEachDataLine(text, nullptr, std::forward<Fn>(fn));
}

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_LINES_H_
