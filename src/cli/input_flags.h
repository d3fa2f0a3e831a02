// The flags every command that reads documents shares (code, ingest): how to read the inputs,
// with their help text declared once, and their validation into a ReaderConfig.
#ifndef DRAGOMAN_CLI_INPUT_FLAGS_H_
#define DRAGOMAN_CLI_INPUT_FLAGS_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "cli/flags.h"
#include "input/reader.h"

namespace dragoman::cli {

// The default of --max-events-per-document.
inline constexpr long long kDefaultMaxEventsPerDocument = 10000;

// --input-format, --date, --max-document-bytes, --max-events-per-document (doc/cli.md,
// "Resource limits"; the last is read by each command with PositiveFlag).
std::vector<FlagSpec> InputFlags();

// Validates those flags (InvalidArgument naming the flag and the bad value).
Result<ReaderConfig> ReaderConfigFromFlags(const ParsedArgs& args);

// The value of --NAME as a positive integer, `def` when absent.
Result<long long> PositiveFlag(const ParsedArgs& args, const std::string& name, long long def);

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_INPUT_FLAGS_H_
