// dragoman's entry point: dispatch only. Every command lives in the library (src/cli/cmd_*.cc)
// so that tests can run it without a process.
#include <unistd.h>

#include <csignal>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  // A closed pipe (dragoman code ... | head) is not an error: writes then fail with EPIPE and the
  // commands stop quietly instead of the process dying from SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  dragoman::cli::CommandContext ctx{std::cout, std::cerr, isatty(STDOUT_FILENO) != 0,
                                    isatty(STDERR_FILENO) != 0};
  int code = dragoman::cli::RunCli(args, ctx);
  std::cout.flush();
  return code;
}
