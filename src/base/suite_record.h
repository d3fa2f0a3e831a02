// One record of a coding suite or gold set in JSON Lines, read once for every reader.
//
// The TABARI validation suite (tabari_validate.jsonl), the PETRARCH unit suite
// (petr1_unittest_records.jsonl), PLOVER's and PLV's gold records and dragoman's own gold files
// are JSON Lines: one object a line, sharing "id", "date", "text" and "expected"
// [{source, target, code}]. ForEachSuiteRecord walks such a file and hands each record to the
// format's reader with the shared fields already checked and extracted; the reader takes what
// is its own (options, skip flags, PLV's expected fields) from `json`.
//
// Thread-safety: pure functions.
#ifndef DRAGOMAN_BASE_SUITE_RECORD_H_
#define DRAGOMAN_BASE_SUITE_RECORD_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/data_file.h"
#include "base/lines.h"
#include "base/status.h"

namespace dragoman {

struct SuiteRecordLine {
  struct Expected {
    std::string source, target, code;  // "" when absent or null
  };
  int line = 0;         // 1-based line of the file
  nlohmann::json json;  // the whole object
  std::string id;       // "" when absent or null
  std::string date;     // as written; SuiteDate() reads the suites' YYYY-MM-DD
  std::string text;
  std::vector<Expected> expected;  // "expected", in order; empty when absent
};

// How a reader's errors are made: Status::BadInput for a suite named on the command line (exit
// 3), Status::BadData for a gold set (exit 4).
using StatusMaker = Status (*)(std::string);

// Parses one line. The line must be a JSON object; "id", "date" and "text" must be strings (or
// null, or absent), "expected" an array of objects whose "source", "target" and "code" are
// strings (or null, or absent). Otherwise make_error("name:line: why").
Result<SuiteRecordLine> ParseSuiteRecord(std::string_view line_text, std::string_view name,
                                         int line, StatusMaker make_error);

// Calls fn(const SuiteRecordLine&) -> Status for every non-blank line of `text`, in order. The
// first error (a malformed line, or fn's) ends the walk and is returned.
template <typename Fn>
Status ForEachSuiteRecord(std::string_view text, std::string_view name, StatusMaker make_error,
                          Fn&& fn) {
  return ForEachLine(text, [&](int line, std::string_view raw) -> Status {
    if (raw.find_first_not_of(" \t") == std::string_view::npos) return Status::Ok();
    auto record = ParseSuiteRecord(raw, name, line, make_error);
    if (!record.ok()) return record.status();
    return fn(*record);
  });
}

// "YYYY-MM-DD" as the integer YYYYMMDD (the suites' record date); nullopt for anything else.
std::optional<int32_t> SuiteDate(std::string_view date);

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_SUITE_RECORD_H_
