// The --dictionaries flag shared by the commands that code documents (code, ingest, eval,
// validate), and opening the coder it names through the one factory (coders/coders.h).
//
// Thread-safety: stateless functions.
#ifndef DRAGOMAN_CLI_CODER_FLAGS_H_
#define DRAGOMAN_CLI_CODER_FLAGS_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "cli/command.h"
#include "cli/flags.h"
#include "coder/document_coder.h"
#include "coders/coders.h"

namespace dragoman::cli {

// The --dictionaries flag with its help text.
FlagSpec DictionariesFlag();

// The spec the --dictionaries flag of `args` names (the default coder when absent).
// InvalidArgument (a usage error) for a malformed spec.
Result<CoderSpec> CoderSpecFromFlags(const ParsedArgs& args);

// Opens the coder `spec` names and, unless `quiet`, writes each of its notes to ctx.err as
// "dragoman COMMAND: note: ...".
Result<std::unique_ptr<const DocumentCoder>> OpenCoder(const CoderSpec& spec,
                                                       const std::string& data_dir,
                                                       std::string_view command,
                                                       CommandContext& ctx, bool quiet = false);

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_CODER_FLAGS_H_
