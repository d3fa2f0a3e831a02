// Checking data files without coding anything (`dragoman check-data`, doc/cli.md).
//
// Every loader takes a DataProblems sink (base/data_file.h): given one, it records each problem
// and goes on. CheckCoderData hands one sink to every stage's loader, so one run lists every
// problem of every file (a file that cannot be read at all is one problem; a stage whose
// prerequisite failed - every stage needs the text analyzer - is not loaded).
//
// Thread-safety: stateless.
#ifndef DRAGOMAN_CODERS_CHECK_DATA_H_
#define DRAGOMAN_CODERS_CHECK_DATA_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "coders/coders.h"

namespace dragoman {

// Loads every data file of `data_dir` the coder reads (text/, lexicon/, actors/ with iso-codes,
// places/, events/) and, for a tabari: or petrarch: spec, that coder's dictionaries (these report their
// first problem only). Returns the problems in the order found; empty when all is well. Each is
// a non-OK Status, BadData "file:line: reason" for a malformed entry.
std::vector<Status> CheckCoderData(const CoderSpec& spec, const std::string& data_dir);

}  // namespace dragoman

#endif  // DRAGOMAN_CODERS_CHECK_DATA_H_
