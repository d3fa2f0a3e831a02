// The resource-limit flags of the commands that run a full-text query (search, events --text),
// declared once with their help text (doc/cli.md, "Resource limits").
#ifndef DRAGOMAN_CLI_QUERY_FLAGS_H_
#define DRAGOMAN_CLI_QUERY_FLAGS_H_

#include <vector>

#include "base/status.h"
#include "cli/flags.h"
#include "store/query.h"

namespace dragoman::cli {

// --max-query-terms, --max-query-bytes.
std::vector<FlagSpec> QueryLimitFlags();

// Validates them (InvalidArgument naming the flag); defaults are QueryLimits{}.
Result<QueryLimits> QueryLimitsFromFlags(const ParsedArgs& args);

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_QUERY_FLAGS_H_
