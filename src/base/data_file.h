// The loader toolkit: what every data-file loader does the same way.
//
//   ReadDataFile       a data file's text, or BadData (a missing data file is bad data, exit 4)
//   ForEach*Line       the line walk (base/lines.h)
//   DataError          the one error form, BadData "file:line: reason"
//   SplitFields/Words  fields of a line
//   DataProblems       the policy for a bad line: stop at the first (coding), or record every
//                      one and go on (dragoman check-data)
//   SuiteRecordLine    a JSON Lines suite or gold record, read once (base/suite_record.h)
//
// A loader takes an optional `DataProblems* sink`. With none, it returns its first problem and
// loads nothing. With one, it records each problem (Report), skips what the problem spoils (a
// line, or a whole file it could not read) and loads the rest, so one run lists every problem of
// every file; the object it returns is then for checking only, not for coding.
//
// Thread-safety: the functions are pure; a DataProblems is not thread-safe (loaders run on one
// thread).
#ifndef DRAGOMAN_BASE_DATA_FILE_H_
#define DRAGOMAN_BASE_DATA_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/lines.h"
#include "base/status.h"

namespace dragoman {

// "file:line", the place of a data-file record (also what a rule or an entry cites as its source).
std::string FileLine(std::string_view file, size_t line);

// BadData "file:line: why".
Status DataError(std::string_view file, int line, std::string_view why);
// BadData "file: why", for a problem of the whole file (empty, missing a required entry).
Status DataError(std::string_view file, std::string_view why);

// The text of a data file. A missing or unreadable file is BadData ("PATH: no such data file",
// exit 4: the data directory is incomplete, not the user's input); invalid UTF-8 is BadData
// naming line and column ("PATH:12:7: invalid UTF-8 byte 0xff").
Result<std::string> ReadDataFile(const std::string& path);

// `line` split at every `sep`, each field trimmed of blanks (base/strings.h Trim). Always at least
// one field; empty fields are kept ("a||b" has three).
std::vector<std::string_view> SplitFields(std::string_view line, char sep);

// The words of `s`: runs of characters other than space and tab. No empty words.
std::vector<std::string_view> SplitWords(std::string_view s);

// Where a loader puts its problems when asked to find them all. Holds BadData statuses in the
// order they were found, each once: a file read by several stages (data/lexicon/ is loaded by the
// actors, places and events stages) is checked by each, and a problem found again (the same code
// and message) is not recorded twice.
class DataProblems {
 public:
  void Add(Status s) {
    for (const Status& p : problems_) {
      if (p.code() == s.code() && p.message() == s.message()) return;
    }
    problems_.push_back(std::move(s));
  }
  bool empty() const { return problems_.empty(); }
  size_t size() const { return problems_.size(); }
  const std::vector<Status>& all() const { return problems_; }

 private:
  std::vector<Status> problems_;
};

// Report(sink, s), declared in base/lines.h: the one place the policy is applied. OK stays OK;
// with no sink, `s` is returned (the caller stops); with a sink, a BadData `s` is recorded and
// Ok returned (the caller skips what `s` spoils and goes on). Other codes (Io, Internal) are
// always returned.

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_DATA_FILE_H_
