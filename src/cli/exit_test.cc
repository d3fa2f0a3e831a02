// `code` leaves its coder to the operating system only when main() says the process ends with the
// command (CommandContext::process_exits_after), never for an in-process caller such as a test.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace dragoman::cli {
namespace {

struct CliRun {
  int code;
  std::string out, err;
};

CliRun Code(const std::string& input, bool process_exits_after) {
  std::ostringstream out, err;
  CommandContext ctx{out, err};
  ctx.process_exits_after = process_exits_after;
  int code = RunCli({"dragoman", "code", "--threads", "1", input}, ctx);
  return {code, out.str(), err.str()};
}

TEST(KeepUntilExit, CodeKeepsItsCoderOnlyWhenTheProcessExitsAfter) {
  namespace fs = std::filesystem;
  const fs::path input = fs::temp_directory_path() /
                         ("dragoman_exit_test_" + std::to_string(getpid()) + ".txt");
  std::ofstream(input) << "Police arrested a man in Paris on Monday.\n";

  const size_t before = KeptUntilExitCount();
  CliRun freed = Code(input.string(), false);
  EXPECT_EQ(freed.code, kExitOk) << freed.err;
  EXPECT_EQ(KeptUntilExitCount(), before);

  CliRun kept = Code(input.string(), true);
  EXPECT_EQ(kept.code, kExitOk) << kept.err;
  EXPECT_EQ(KeptUntilExitCount(), before + 1);
  // Same output either way; the run did code the sentence.
  EXPECT_EQ(kept.out, freed.out);
  EXPECT_NE(kept.out.find("\"cameo\""), std::string::npos);

  fs::remove(input);
}

}  // namespace
}  // namespace dragoman::cli
