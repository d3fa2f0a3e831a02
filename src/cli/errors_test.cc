// The CLI's last lines of defence: one line per error, and the internal-error exit for an
// exception that escapes a command (issue 12, "What to build" item 1).
#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>

#include "cli/command.h"
#include "cli/exit_codes.h"

namespace dragoman::cli {
namespace {

TEST(RunGuarded, EscapedExceptionIsExit70AfterFlushingOutput) {
  std::ostringstream out, err;
  CommandContext ctx{out, err};
  int code = RunGuarded(
      [&] {
        ctx.out << "{\"event\":1}\n";
        throw std::out_of_range("number out of range");
        return 0;
      },
      ctx);
  EXPECT_EQ(code, kExitInternal);
  EXPECT_EQ(out.str(), "{\"event\":1}\n");
  EXPECT_EQ(err.str(),
            "dragoman: internal error (a bug, please report it): number out of range\n");
}

TEST(RunGuarded, NonStandardExceptionAndNormalReturn) {
  std::ostringstream out, err;
  CommandContext ctx{out, err};
  EXPECT_EQ(RunGuarded([]() -> int { throw 7; }, ctx), kExitInternal);
  EXPECT_EQ(err.str(), "dragoman: internal error (a bug, please report it): unknown exception\n");
  err.str("");
  EXPECT_EQ(RunGuarded([] { return kExitBadInput; }, ctx), kExitBadInput);
  EXPECT_EQ(err.str(), "");
}

// Issue 12 row 8: a file name holding a newline split the error "line" in two.
TEST(ReportError, Issue12Row8ControlCharactersInANameStayOnOneLine) {
  std::ostringstream out, err;
  CommandContext ctx{out, err};
  int code = ReportError(Status::BadInput("in/a\nb\r\t\x01.txt: binary file"), ctx);
  EXPECT_EQ(code, kExitBadInput);
  EXPECT_EQ(err.str(), "dragoman: in/a\\nb\\r\\t\\x01.txt: binary file\n");
  EXPECT_EQ(OneLineMessage("caf\xc3\xa9 ok"), "caf\xc3\xa9 ok");  // UTF-8 passes unchanged
}

}  // namespace
}  // namespace dragoman::cli
