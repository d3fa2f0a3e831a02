// dragoman's entry point: dispatch only. Every command lives in the library (src/cli/cmd_*.cc)
// so that tests can run it without a process.
//
// The one top-level handler: library code returns Status values, but should an exception escape
// anyway (a bug: a third-party call that throws, std::bad_alloc), it ends here, on any thread,
// as the documented internal-error exit (70) with one line on stderr, after what was already
// written to stdout has been flushed (doc/cli.md, "Exit codes").
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace {

// For exceptions that escape a thread other than main's (std::terminate is called there).
[[noreturn]] void OnTerminate() {
  std::string what = "terminate called without an exception";
  if (std::exception_ptr e = std::current_exception()) {
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      what = x.what();
    } catch (...) {
      what = "unknown exception";
    }
  }
  std::cout.flush();
  std::cerr << dragoman::cli::InternalErrorLine(what) << std::flush;
  std::_Exit(dragoman::cli::kExitInternal);
}

}  // namespace

int main(int argc, char** argv) {
  // A closed pipe (dragoman code ... | head) is not an error: writes then fail with EPIPE and the
  // commands stop quietly instead of the process dying from SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  std::set_terminate(OnTerminate);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  dragoman::cli::CommandContext ctx{std::cout, std::cerr, isatty(STDOUT_FILENO) != 0,
                                    isatty(STDERR_FILENO) != 0};
  ctx.process_exits_after = true;
  int code = dragoman::cli::RunGuarded([&] { return dragoman::cli::RunCli(args, ctx); }, ctx);
  std::cout.flush();
  return code;
}
