// Subcommands: each lives in its own cmd_NAME.cc and is listed once in commands.cc.
// A command receives its arguments (after the command name) and returns an exit code; it writes
// results to `out` and one-line errors to `err`. main() only dispatches.
#ifndef DRAGOMAN_CLI_COMMAND_H_
#define DRAGOMAN_CLI_COMMAND_H_

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli/flags.h"

namespace dragoman::cli {

struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  // Set by main() only: the process ends as soon as the command returns. A command may then hand
  // its large read-only structures to KeepUntilExit() on its normal exit path instead of freeing
  // them piece by piece (`code`: the loaded coder, ~11 M instructions, 7% of a one-sentence run;
  // doc/performance.md). Tests and other in-process callers leave it false, so nothing piles up.
  bool process_exits_after = false;
};

// Keeps `object` alive until the process exits: it is never destroyed, and it stays reachable
// from a global list, so leak checkers (LeakSanitizer, valgrind) see it as reachable, not leaked.
// Thread-safe. Only for objects whose destructor has no effect outside the process (no files to
// flush, no locks to release).
void KeepUntilExit(std::shared_ptr<const void> object);

// How many objects KeepUntilExit() holds (for tests).
size_t KeptUntilExitCount();

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

// Runs `body` (a command) and returns its exit code. Should an exception escape it anyway (a bug:
// library code returns Status), flushes what ctx.out already holds, writes InternalErrorLine() to
// ctx.err and returns kExitInternal (70). main() adds a std::terminate handler doing the same for
// exceptions escaping other threads.
int RunGuarded(const std::function<int()>& body, CommandContext& ctx);

// "dragoman: internal error (a bug, please report it): WHAT\n", on one line.
std::string InternalErrorLine(std::string_view what);

// `message` made safe for one line of a terminal: newline, carriage return and tab become \n, \r
// and \t, other control bytes \xNN. A file name may hold any of them (issue 12 row 8).
std::string OneLineMessage(std::string_view message);

// Prints "dragoman: MESSAGE" (OneLineMessage) on ctx.err and returns the exit code for `s`.
int ReportError(const Status& s, CommandContext& ctx);

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_COMMAND_H_
