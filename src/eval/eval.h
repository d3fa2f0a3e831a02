// Running an evaluation: gold set in, Scores and a printed report out. `dragoman eval` is a thin
// driver over these functions (src/cli/cmd_eval.cc).
//
// Where the coded events come from is a CodeFn, so the scorer can be tested and used without the
// coder: DocumentCodeFn() runs a DocumentCoder on each gold document; EventsFileCodeFn() replays a
// JSON Lines file written by `dragoman code` (events are looked up by their "doc" field).
//
// Thread-safety: functions are reentrant; a CodeFn is called from one thread.
#ifndef DRAGOMAN_EVAL_EVAL_H_
#define DRAGOMAN_EVAL_EVAL_H_

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "eval/gold.h"
#include "eval/score.h"
#include "coder/document_coder.h"
#include "events/event.h"

namespace dragoman::eval {

// Codes one gold document. Errors abort the evaluation.
using CodeFn = std::function<Result<std::vector<Event>>(const GoldDocument&)>;

// Scores every document of `gold` with the events `code` returns for it. When the gold set is in
// the PLOVER 0.5 vocabulary (GoldFormat::kPlover) and `vocabulary` is given, coded types are
// renamed into it first. `vocabulary` may be null; it must outlive the call. Per-type figures and
// lists are computed at `detail`, or when absent at source+type for PLOVER gold (whose targets
// are often blank) and typed for the others.
Result<Scores> Evaluate(const GoldSet& gold, const CodeFn& code,
                        const TypeVocabulary* vocabulary = nullptr,
                        std::optional<Level> detail = std::nullopt);

// Replays `path` (JSONL events, the output contract of doc/output.md). BadData naming file:line
// on a malformed line. Documents with no events in the file get none.
Result<CodeFn> EventsFileCodeFn(const std::string& path);

// Codes each gold document with `coder` (dragoman's own or any other the --dictionaries factory
// opened). A gold document is read as `dragoman code` would read its text; a peer record's date
// becomes the document's metadata date; own-format documents are dated by the input reader's
// rules (dateline, byline...) unless the gold document record gives a date. `coder` is not
// owned and must outlive the returned CodeFn.
CodeFn DocumentCodeFn(const DocumentCoder& coder);

struct ReportOptions {
  int max_listed = 25;    // misses and false alarms listed each; -1 = all, 0 = none
  bool confusion = true;  // print the type confusion table
};

// The human-readable report: the level table (P/R/F1), over-generation, per-type figures, the
// confusion table, then misses and false alarms.
void PrintReport(const GoldSet& gold, const Scores& scores, const ReportOptions& options,
                 std::ostream& out);

// The same figures as one JSON object (for scripts and the CI guard).
std::string ReportJson(const GoldSet& gold, const Scores& scores);

// Floors: "typed=0.8" -> {kTyped, 0.8}. InvalidArgument on a bad level name or number.
Result<std::pair<Level, double>> ParseFloor(const std::string& spec);

// The floors that `scores` falls below, as "typed F1 0.712 < 0.800" lines (empty = all met).
std::vector<std::string> CheckFloors(const Scores& scores,
                                     const std::vector<std::pair<Level, double>>& floors);

}  // namespace dragoman::eval

#endif  // DRAGOMAN_EVAL_EVAL_H_
