#include "base/lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dragoman {
namespace {

std::vector<std::string> Collect(std::string_view text, bool data) {
  std::vector<std::string> out;
  auto fn = [&](int n, std::string_view line) {
    out.push_back(std::to_string(n) + ":" + std::string(line));
    return Status::Ok();
  };
  Status st = data ? ForEachDataLine(text, fn) : ForEachLine(text, fn);
  EXPECT_TRUE(st.ok());
  return out;
}

TEST(ForEachLine, NumbersLinesAndDropsBreaks) {
  EXPECT_EQ(Collect("a\r\nb\n\nc", false), (std::vector<std::string>{"1:a", "2:b", "3:", "4:c"}));
  EXPECT_TRUE(Collect("", false).empty());
  EXPECT_EQ(Collect("x\n", false), (std::vector<std::string>{"1:x"}));
}

TEST(ForEachDataLine, SkipsBlanksAndCommentsAndTrims) {
  EXPECT_EQ(Collect("# head\n  word one \t\n\n   # indented comment\nlast", true),
            (std::vector<std::string>{"2:word one", "5:last"}));
}

TEST(ForEachLine, StopsAtTheFirstError) {
  int calls = 0;
  Status st = ForEachLine("a\nb\nc", [&](int n, std::string_view) {
    ++calls;
    return n == 2 ? Status::BadData("f:2: bad") : Status::Ok();
  });
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(st.message(), "f:2: bad");
}

}  // namespace
}  // namespace dragoman
