#include "base/file.h"

#include <gtest/gtest.h>

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
