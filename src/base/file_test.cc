#include "base/file.h"

#include <gtest/gtest.h>

#include <string>

namespace dragoman {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Azərbaycan – “quoted” 😀"), std::string_view::npos);
}

TEST(Utf8, FindsFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(FindInvalidUtf8("ab\xc3"), 2u);            // truncated
  EXPECT_EQ(FindInvalidUtf8("\xc0\xaf"), 0u);          // overlong
  EXPECT_EQ(FindInvalidUtf8("x\xed\xa0\x80"), 1u);     // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // > U+10FFFF
}

// The ASCII fast path reads eight bytes at a time: a bad byte or a multi-byte character at any
// place in or after such runs is still found or accepted.
TEST(Utf8, EveryOffsetAroundAsciiRuns) {
  for (size_t at = 0; at < 41; ++at) {
    std::string s(41, 'a');
    s[at] = '\xff';
    EXPECT_EQ(FindInvalidUtf8(s), at) << at;
    std::string t(41, 'a');
    t.replace(at, 1, "\xc3\xa9");  // é
    EXPECT_EQ(FindInvalidUtf8(t), std::string_view::npos) << at;
    t.push_back('\xc3');  // truncated at the end
    EXPECT_EQ(FindInvalidUtf8(t), t.size() - 1) << at;
  }
}

TEST(Where, NamesLineAndColumn) { EXPECT_EQ(Where("a.txt", "one\ntwo\xff", 7), "a.txt:2:4"); }

TEST(LooksBinary, NulByte) {
  EXPECT_TRUE(LooksBinary(std::string_view("ab\0cd", 5)));
  EXPECT_FALSE(LooksBinary("text"));
}

TEST(ReadFile, MissingFileIsNotFound) {
  auto r = ReadFile("/nonexistent/dragoman/file");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/dragoman/file"), std::string::npos);
}

TEST(FindDataDir, SourceTreeDataIsFound) {
  auto r = FindDataDir("");
  ASSERT_TRUE(r.ok()) << r.status().message();
}

}  // namespace
}  // namespace dragoman
