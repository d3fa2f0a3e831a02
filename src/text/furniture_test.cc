#include "text/furniture.h"

#include <gtest/gtest.h>

#include <string>

namespace dragoman {
namespace {

FurniturePatterns MustParse(const std::string& text) {
  auto r = FurniturePatterns::Parse(text, "test.txt");
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : FurniturePatterns();
}

struct Case {
  const char* sentence;
  bool furniture;
};

TEST(FurnitureTest, Kinds) {
  FurniturePatterns fp = MustParse(
      "# comment\n"
      "\n"
      "line share this page\n"
      "start read more\n"
      "start last update:\n"
      "start ©\n"
      "end all rights reserved\n"
      "regex by\\s+(?-i:\\p{Lu})\\p{L}+\n"
      "regex \\d{4}-\\d{2}-\\d{2}\n"
      "regex \\((?:photo)\\s*:[^)]*\\)\n");
  EXPECT_EQ(fp.size(), 8u);
  FurniturePatterns::Matcher m(fp);
  const Case cases[] = {
      {"Share this page", true},
      {"SHARE  THIS\tPAGE!", true},
      {"Share this page with friends", false},
      {"Read more", true},
      {"Read more: talks in Baku", true},
      {"Read moreover", false},
      {"Last update: 3 May 2024", true},
      {"The last update: none", false},
      {"© 2024 Example", true},
      {"Example News. All rights reserved.", true},
      {"All Rights Reserved", true},
      {"Not all rights reserved here", false},
      {"Some unreserved", false},
      {"By Smith", true},
      {"by smith", false},  // the name must be capitalised: (?-i:...)
      {"2024-05-03", true},
      {"2024-05-03 and more", false},
      {"(Photo: Agency)", true},
      {"The ministers met.", false},
      {"", false},
  };
  for (const Case& c : cases) EXPECT_EQ(m.IsFurniture(c.sentence), c.furniture) << c.sentence;
  EXPECT_FALSE(m.IsFurniture(std::string(2000, 'x') + " all rights reserved"));
}

TEST(FurnitureTest, Captions) {
  FurniturePatterns fp = MustParse(
      "caption (?:photo|image)s?\\s*:.*\n"
      "caption "
      "(?:[^/]*+(?<=\\s))?/\\s*(?:[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,})?\n");
  FurniturePatterns::Matcher m(fp);
  EXPECT_TRUE(m.IsCaptionEnd("/ example.gov"));
  EXPECT_TRUE(m.IsCaptionEnd("/"));
  EXPECT_TRUE(m.IsCaptionEnd("The ministers in Baku / news.example.az"));
  EXPECT_TRUE(m.IsCaptionEnd("Photo: Example Agency"));
  EXPECT_FALSE(m.IsCaptionEnd("Rates were 1 USD / 1.7 AZN"));
  EXPECT_FALSE(m.IsCaptionEnd("and/or"));
  EXPECT_FALSE(m.IsFurniture("Photo: Example Agency"));  // captions are not sentence patterns
}

TEST(FurnitureTest, BadLinesNameTheLine) {
  struct Bad {
    const char* text;
    const char* want;
  } cases[] = {
      {"line ok\nbogus pattern\n", "test.txt:2: unknown kind 'bogus'"},
      {"regex (unclosed\n", "test.txt:1: bad pattern '(unclosed'"},
      {"\n\nline\n", "test.txt:3: expected 'KIND PATTERN'"},
      {"caption [z-a]\n", "test.txt:1: bad pattern"},
  };
  for (const Bad& b : cases) {
    auto r = FurniturePatterns::Parse(b.text, "test.txt");
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_EQ(r.status().code(), Status::Code::kBadData);
    EXPECT_EQ(r.status().message().rfind(b.want, 0), 0u) << r.status().message();
  }
}

TEST(FurnitureTest, MissingFileIsNotFound) {
  auto r = FurniturePatterns::Load("/nonexistent/furniture.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace dragoman
