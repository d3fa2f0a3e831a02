// Validation suites and TABARI's record input format.
//
// A TABARI text file holds records: a header line "YYMMDD  ID" (or YYYYMMDD; two-digit years
// 00-29 are 20xx), text lines up to a blank line. A validation record carries its expected
// events in a "/* ... */" comment as "{ SRC / TGT / CODE } [YYMMDD]" blocks, or the specials
// {---} (no events), {###} (discard), {+++} (complex); a block written "-{" stops checking from
// there on; "{ OPTION: COMMAND }" changes the options for all later records. The first record of
// a suite, OPTION records, and every record from "FINAL-01" on are coded but not checked
// (TABARI's own convention). The same suite may come as JSON Lines (fields id, date, text,
// expected, expect_special, unchecked_from, option_commands, skip).
//
// Pass rule (TABARI's): the coded events equal the expected blocks one to one, in order, by
// exact source, target and code (only the first unchecked_from when "-{" is present; a checked
// ---/###/+++ block matches no event); no events, a discard or a complex sentence pass when
// the expected text holds ---, ### or +++ anywhere from its first block on.
//
// Errors: BadInput "file:line: reason" on a malformed record header or unclosed comment.
#ifndef DRAGOMAN_TABARI_SUITE_H_
#define DRAGOMAN_TABARI_SUITE_H_

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "tabari/coder.h"
#include "tabari/dictionary.h"

namespace dragoman::tabari {

struct SuiteRecord {
  std::string id;
  int32_t date = 0;  // YYYYMMDD
  std::string text;
  int line = 0;                // header line in the source file (1-based), 0 for JSONL
  int32_t special_block = -1;  // block position of the first ---/###/+++ block, -1 if none
  std::vector<CodedEvent> expected;
  std::string special;                   // "---", "###", "+++" or ""
  std::optional<size_t> unchecked_from;  // "-{": only the first N blocks are checked
  std::vector<std::string> option_commands;
  bool checked = true;  // false: coded but never counted
  // Which of ---, ###, +++ the expected text holds anywhere from its first block on.
  bool marks_none = false, marks_discard = false, marks_complex = false;
};

// Reads TABARI's record format one record at a time, from memory or from a stream (constant
// memory: one record's lines at a time; no limit on line or record length).
// Not thread-safe; the text or stream must outlive the reader.
class TabariTextReader {
 public:
  TabariTextReader(std::string_view text, std::string_view name) : text_(text), name_(name) {}
  TabariTextReader(std::istream& in, std::string_view name) : in_(&in), name_(name) {}
  // Fills `*r` (reusing its buffers) with the next record: true, or false at the end.
  // BadInput "name:line: reason" on a malformed header.
  Result<bool> Next(SuiteRecord* r);

 private:
  bool NextLine(std::string_view* l);
  std::string_view text_;
  size_t pos_ = 0;
  std::istream* in_ = nullptr;
  std::string buf_, comment_;
  std::string name_;
  int line_ = 0;
  int count_ = 0;
  bool yyyy_ = false, final_seen_ = false;
};

// Parses a whole text in TABARI's record format. `name` is used in error messages.
Result<std::vector<SuiteRecord>> ParseTabariText(std::string_view text, std::string_view name);

// Parses the JSONL form of a suite.
Result<std::vector<SuiteRecord>> ParseSuiteJsonl(std::string_view text, std::string_view name);

// True when `result` passes `record` under TABARI's rule.
bool Passes(const SuiteRecord& record, const CodeResult& result);

struct SuiteReport {
  int passed = 0, failed = 0, unchecked = 0;
};

// Codes every record in order (applying OPTION records to `options`), prints each failing record
// with its expected and coded events to `out`, and ends with "N passed, N failed".
SuiteReport RunSuite(const Dictionaries& dict, Options options,
                     const std::vector<SuiteRecord>& records, std::ostream& out, bool verbose);

// "ARN / GON / 064" lines, or the special outcome.
std::string DescribeResult(const CodeResult& r);

}  // namespace dragoman::tabari

#endif  // DRAGOMAN_TABARI_SUITE_H_
