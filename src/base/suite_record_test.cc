#include "base/suite_record.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dragoman {
namespace {

TEST(SuiteRecord, ReadsTheSharedFields) {
  std::vector<SuiteRecordLine> seen;
  Status st = ForEachSuiteRecord(
      "\n{\"id\": \"r1\", \"date\": \"2024-03-08\", \"text\": \"Baku met Yerevan.\", "
      "\"expected\": [{\"source\": \"AZE\", \"target\": \"ARM\", \"code\": \"040\"}], "
      "\"skip\": true}\n"
      "{\"id\": null, \"expected\": [{\"plover\": \"CONSULT\", \"code\": null}]}\n",
      "s.jsonl", &Status::BadInput, [&](const SuiteRecordLine& r) {
        seen.push_back(r);
        return Status::Ok();
      });
  ASSERT_TRUE(st.ok()) << st.message();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].line, 2);
  EXPECT_EQ(seen[0].id, "r1");
  EXPECT_EQ(seen[0].date, "2024-03-08");
  EXPECT_EQ(seen[0].text, "Baku met Yerevan.");
  ASSERT_EQ(seen[0].expected.size(), 1u);
  EXPECT_EQ(seen[0].expected[0].source, "AZE");
  EXPECT_EQ(seen[0].expected[0].target, "ARM");
  EXPECT_EQ(seen[0].expected[0].code, "040");
  EXPECT_TRUE(seen[0].json.value("skip", false));  // a format's own field, from `json`
  EXPECT_EQ(seen[1].id, "");
  ASSERT_EQ(seen[1].expected.size(), 1u);
  EXPECT_EQ(seen[1].expected[0].code, "");
}

TEST(SuiteRecord, MalformedRecordsNameFileAndLine) {
  struct Case {
    const char* line;
    const char* message;
  };
  const Case cases[] = {
      {"[1, 2]", "g.jsonl:1: not a JSON object"},
      {"{\"id\": 7}", "g.jsonl:1: 'id' is not a string"},
      {"{\"text\": [\"a\"]}", "g.jsonl:1: 'text' is not a string"},
      {"{\"expected\": {}}", "g.jsonl:1: 'expected' is not an array"},
      {"{\"expected\": [1]}", "g.jsonl:1: an 'expected' event is not an object"},
      {"{\"expected\": [{\"code\": 40}]}",
       "g.jsonl:1: an 'expected' event's source, target or code is not a string"},
  };
  for (const Case& c : cases) {
    auto r = ParseSuiteRecord(c.line, "g.jsonl", 1, &Status::BadData);
    ASSERT_FALSE(r.ok()) << c.line;
    EXPECT_EQ(r.status().code(), Status::Code::kBadData);
    EXPECT_EQ(r.status().message(), c.message);
  }
  auto input = ParseSuiteRecord("nope", "s.jsonl", 4, &Status::BadInput);
  EXPECT_EQ(input.status().code(), Status::Code::kBadInput);
  EXPECT_EQ(input.status().message(), "s.jsonl:4: not a JSON object");
}

TEST(SuiteRecord, StopsAtTheFirstError) {
  int calls = 0;
  Status st =
      ForEachSuiteRecord("{}\n{\n{}\n", "s", &Status::BadInput, [&](const SuiteRecordLine&) {
        ++calls;
        return Status::Ok();
      });
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(st.message(), "s:2: not a JSON object");
}

TEST(SuiteDate, OnlyYyyyMmDd) {
  EXPECT_EQ(SuiteDate("2012-07-01"), 20120701);
  EXPECT_EQ(SuiteDate("2012-Ju-01"), std::nullopt);
  EXPECT_EQ(SuiteDate("20120701"), std::nullopt);
  EXPECT_EQ(SuiteDate("2012/07/01"), std::nullopt);
  EXPECT_EQ(SuiteDate(""), std::nullopt);
}

}  // namespace
}  // namespace dragoman
