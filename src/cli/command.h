// Subcommands: each lives in its own cmd_NAME.cc and is listed once in commands.cc.
// A command receives its arguments (after the command name) and returns an exit code; it writes
// results to `out` and one-line errors to `err`. main() only dispatches.
#ifndef DRAGOMAN_CLI_COMMAND_H_
#define DRAGOMAN_CLI_COMMAND_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/flags.h"

namespace dragoman::cli {

struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
};

struct Command {
  const char* name;
  const char* summary;  // one line for `dragoman --help`
  const char* usage;    // "dragoman code [FLAGS] PATH..."
  std::vector<FlagSpec> (*flags)();
  int (*run)(const ParsedArgs& args, CommandContext& ctx);
};

// All commands, in the order `dragoman --help` lists them.
const std::vector<Command>& AllCommands();

// Flags every command that loads dictionaries accepts (--data).
std::vector<FlagSpec> CommonFlags();

// Runs the CLI: argv[0] is the program. Returns the exit code.
int RunCli(const std::vector<std::string>& argv, CommandContext& ctx);

// Prints "dragoman: MESSAGE" on ctx.err and returns the exit code for `s`.
int ReportError(const Status& s, CommandContext& ctx);

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_COMMAND_H_
