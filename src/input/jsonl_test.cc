#include "input/jsonl.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace dragoman {
namespace {

// Reads everything from a JSONL stream: documents and error messages in order.
struct Drained {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  std::vector<std::string> events;  // "doc:ID" or "err:MESSAGE"
};

Drained Drain(const std::string& content, ReaderConfig config = {}) {
  std::istringstream in(content);
  JsonlReader reader(in, "in.jsonl", "", config);
  Drained d;
  for (int guard = 0; guard < 1000; ++guard) {
    Result<std::optional<Document>> r = reader.Next();
    if (!r.ok()) {
      d.errors.push_back(r.status().message());
      d.events.push_back("err:" + r.status().message());
      EXPECT_EQ(r.status().code(), Status::Code::kBadInput);
      continue;
    }
    if (!r->has_value()) break;
    d.events.push_back("doc:" + (*r)->id);
    d.docs.push_back(std::move(**r));
  }
  return d;
}

TEST(LineReader, SplitsAndBoundsLines) {
  std::istringstream in("abc\r\n" + std::string(100, 'x') + "\n\nlast");
  LineReader lines(in, "", 10);
  std::string line;
  bool too_long = false;
  ASSERT_TRUE(lines.Next(&line, &too_long));
  EXPECT_EQ(line, "abc\r");
  EXPECT_FALSE(too_long);
  ASSERT_TRUE(lines.Next(&line, &too_long));
  EXPECT_EQ(line, std::string(10, 'x'));
  EXPECT_TRUE(too_long);
  EXPECT_EQ(lines.line_number(), 2u);
  ASSERT_TRUE(lines.Next(&line, &too_long));
  EXPECT_EQ(line, "");
  ASSERT_TRUE(lines.Next(&line, &too_long));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(too_long);
  EXPECT_EQ(lines.line_number(), 4u);
  EXPECT_FALSE(lines.Next(&line, &too_long));
}

TEST(LineReader, PrefixComesFirst) {
  std::istringstream in("lo\nworld\n");
  LineReader lines(in, "hel", 100);
  std::string line;
  bool too_long = false;
  ASSERT_TRUE(lines.Next(&line, &too_long));
  EXPECT_EQ(line, "hello");
  ASSERT_TRUE(lines.Next(&line, &too_long));
  EXPECT_EQ(line, "world");
  EXPECT_FALSE(lines.Next(&line, &too_long));
}

// A line far over the limit is reported and skipped without being held: the stream below is
// generated lazily and never stored whole.
class RepeatBuf : public std::streambuf {
 public:
  RepeatBuf(std::string head, size_t filler, std::string tail)
      : head_(std::move(head)), filler_(filler), tail_(std::move(tail)) {}

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    chunk_.clear();
    if (!head_done_) {
      chunk_ = head_;
      head_done_ = true;
    } else if (filler_ > 0) {
      size_t n = std::min<size_t>(filler_, 1 << 16);
      chunk_.assign(n, 'a');
      filler_ -= n;
    } else if (!tail_done_) {
      chunk_ = tail_;
      tail_done_ = true;
    }
    if (chunk_.empty()) return traits_type::eof();
    setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string head_;
  size_t filler_;
  std::string tail_;
  std::string chunk_;
  bool head_done_ = false;
  bool tail_done_ = false;
};

TEST(JsonlReader, HugeLineIsReportedAndSkipped) {
  RepeatBuf buf("{\"text\":\"first\"}\n{\"text\":\"", size_t{200} << 20,
                "\"}\n{\"text\":\"third\"}\n");
  std::istream in(&buf);
  ReaderConfig config;
  config.max_document_bytes = 1 << 20;
  JsonlReader reader(in, "big.jsonl", "", config);
  auto r1 = reader.Next();
  ASSERT_TRUE(r1.ok());
  EXPECT_EQ((*r1)->text, "first");
  auto r2 = reader.Next();
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().message(), "big.jsonl:2: line longer than 1048576 bytes");
  auto r3 = reader.Next();
  ASSERT_TRUE(r3.ok());
  EXPECT_EQ((*r3)->text, "third");
  EXPECT_EQ((*r3)->origin, "big.jsonl:3");
  auto r4 = reader.Next();
  ASSERT_TRUE(r4.ok());
  EXPECT_FALSE(r4->has_value());
}

TEST(JsonlReader, FieldsAndDefaults) {
  Drained d = Drain(
      "{\"id\":\"a1\",\"date\":\"2024-03-08\",\"title\":\"T\",\"url\":\"https://x.org/\","
      "\"source\":\"Wire\",\"text\":\"Body one.\"}\n"
      "\n"
      "{\"id\":42,\"text\":\"Body two.\",\"extra\":[1,2]}\n"
      "{\"text\":\"Body three.\",\"title\":null,\"date\":null}\r\n");
  ASSERT_EQ(d.errors.size(), 0u) << d.errors[0];
  ASSERT_EQ(d.docs.size(), 3u);
  EXPECT_EQ(d.docs[0].id, "a1");
  EXPECT_EQ(d.docs[0].origin, "in.jsonl:1");
  EXPECT_EQ(d.docs[0].title, "T");
  EXPECT_EQ(d.docs[0].url, "https://x.org/");
  EXPECT_EQ(d.docs[0].source, "Wire");
  EXPECT_EQ(d.docs[0].text, "Body one.");
  EXPECT_EQ(d.docs[0].date->ToString(), "2024-03-08");
  EXPECT_EQ(d.docs[0].date_source, DateSource::kMetadata);
  EXPECT_EQ(d.docs[1].id, "42");
  EXPECT_EQ(d.docs[1].origin, "in.jsonl:3");
  EXPECT_FALSE(d.docs[1].date.has_value());
  EXPECT_EQ(d.docs[1].date_source, DateSource::kNone);
  EXPECT_EQ(d.docs[2].id, "in.jsonl:4");
  EXPECT_EQ(d.docs[2].title, "");
}

TEST(JsonlReader, DateForms) {
  struct Case {
    const char* date_json;
    const char* want;
  };
  const Case cases[] = {{"\"2024-03-08\"", "2024-03-08"},
                        {"\"2024-03-08T10:00:00Z\"", "2024-03-08"},
                        {"\"2024-03-08T10:00:00+04:00\"", "2024-03-08"},
                        {"\"20240308\"", "2024-03-08"},
                        {"20240308", "2024-03-08"}};
  for (const Case& c : cases) {
    Drained d = Drain(std::string("{\"text\":\"x\",\"date\":") + c.date_json + "}\n");
    ASSERT_EQ(d.docs.size(), 1u) << c.date_json;
    EXPECT_EQ(d.docs[0].date->ToString(), c.want) << c.date_json;
    EXPECT_EQ(d.docs[0].date_source, DateSource::kMetadata);
  }
}

TEST(JsonlReader, DateFromTextThenFlag) {
  ReaderConfig config;
  config.fallback_date = PartialDate{2020, 1, 1};
  Drained d = Drain(
      "{\"text\":\"Published: 5 June 2021\\nBody.\"}\n"
      "{\"text\":\"No date here.\"}\n",
      config);
  ASSERT_EQ(d.docs.size(), 2u);
  EXPECT_EQ(d.docs[0].date->ToString(), "2021-06-05");
  EXPECT_EQ(d.docs[0].date_source, DateSource::kDateline);
  EXPECT_EQ(d.docs[1].date->ToString(), "2020-01-01");
  EXPECT_EQ(d.docs[1].date_source, DateSource::kFlag);
}

TEST(JsonlReader, BadLinesAreReportedAndReadingContinues) {
  Drained d = Drain(
      "{\"text\":\"ok1\",\"id\":\"1\"}\n"
      "{\"text\": tru}\n"
      "[1,2]\n"
      "{\"id\":\"x\"}\n"
      "{\"text\":5}\n"
      "{\"text\":\"   \"}\n"
      "{\"text\":\"a\\u0000b\"}\n"
      "{\"text\":\"t\",\"title\":7}\n"
      "{\"text\":\"t\",\"id\":[1]}\n"
      "{\"text\":\"t\",\"date\":\"someday\"}\n"
      "{\"text\":\"caf\xff\"}\n"
      "{\"text\":\"ok2\",\"id\":\"2\"}\n");
  std::vector<std::string> want = {
      "doc:1",
      "err:in.jsonl:2:13: invalid JSON: syntax error while parsing value - invalid literal; "
      "last read: '\"text\": tru}'",
      "err:in.jsonl:3: record is not a JSON object",
      "err:in.jsonl:4: record has no string \"text\"",
      "err:in.jsonl:5: record has no string \"text\"",
      "err:in.jsonl:6: empty \"text\"",
      "err:in.jsonl:7: \"text\" contains a NUL character",
      "err:in.jsonl:8: \"title\" must be a string",
      "err:in.jsonl:9: \"id\" must be a string or a number",
      "err:in.jsonl:10: unrecognised \"date\" 'someday' (expected e.g. 2024-03-08 or "
      "2024-03-08T10:00:00Z)",
      "err:in.jsonl:11:13: invalid UTF-8 byte 0xff",
      "doc:2",
  };
  EXPECT_EQ(d.events, want);
}

TEST(JsonlReader, EmptyAndBinaryInputs) {
  EXPECT_EQ(Drain("").events, std::vector<std::string>{"err:in.jsonl: empty file"});
  EXPECT_EQ(Drain("\n  \n\t\n").events, std::vector<std::string>{"err:in.jsonl: empty file"});
  EXPECT_EQ(Drain(std::string("{\"text\":\"a\"}\n\0\0\1", 17)).events,
            std::vector<std::string>{"err:in.jsonl: binary file (NUL byte at offset 13)"});
}

TEST(JsonlReader, ByteOrderMarkIsDropped) {
  Drained d = Drain("\xEF\xBB\xBF{\"text\":\"x\"}\n");
  ASSERT_EQ(d.docs.size(), 1u);
  EXPECT_EQ(d.docs[0].text, "x");
}

// Issue 12 row 1: a number beyond a double's range made nlohmann::json throw out_of_range out of
// the reader (abort, exit 134). It is now one bad record; the lines around it are still read.
TEST(JsonlReader, Issue12Row1NumberOverflowingADoubleIsBadInput) {
  Drained d = Drain("{\"text\":\"a\"}\n{\"text\":\"b\",\"n\":1e400}\n"
                            "{\"text\":\"c\",\"date\":-1e999}\n{\"text\":\"d\"}\n");
  ASSERT_EQ(d.docs.size(), 2u);
  EXPECT_EQ(d.docs[0].text, "a");
  EXPECT_EQ(d.docs[1].text, "d");
  ASSERT_EQ(d.errors.size(), 2u);
  EXPECT_EQ(d.errors[0].rfind("in.jsonl:2: invalid JSON: ", 0), 0u) << d.errors[0];
  EXPECT_NE(d.errors[0].find("1e400"), std::string::npos) << d.errors[0];
  EXPECT_EQ(d.errors[1].rfind("in.jsonl:3: invalid JSON: ", 0), 0u) << d.errors[1];
}

// Issue 12 row 13: an id over 2^64 was stored as a double's text, so two different ids could
// collide. Integers of 64 bits keep their digits; anything else numeric is refused.
TEST(JsonlReader, Issue12Row13IdBeyond64BitsIsRefused) {
  Drained d = Drain(
      "{\"id\":18446744073709551615,\"text\":\"a\"}\n"
      "{\"id\":-9223372036854775808,\"text\":\"b\"}\n"
      "{\"id\":18446744073709551616,\"text\":\"c\"}\n"
      "{\"id\":18446744073709551617,\"text\":\"d\"}\n"
      "{\"id\":1.5,\"text\":\"e\"}\n");
  ASSERT_EQ(d.docs.size(), 2u);
  EXPECT_EQ(d.docs[0].id, "18446744073709551615");
  EXPECT_EQ(d.docs[1].id, "-9223372036854775808");
  ASSERT_EQ(d.errors.size(), 3u);
  EXPECT_EQ(d.errors[0],
            "in.jsonl:3: \"id\" 1.8446744073709552e+19 is not an integer of at most 64 bits; "
            "give it as a string");
  EXPECT_EQ(d.errors[1].rfind("in.jsonl:4: \"id\" ", 0), 0u);
  EXPECT_EQ(d.errors[2].rfind("in.jsonl:5: \"id\" 1.5 is not", 0), 0u);
}

}  // namespace
}  // namespace dragoman

namespace dragoman {
namespace {

// Records of string (or null) values take a fast path that builds no JSON tree; any other value
// sends a record through nlohmann. A field of another type that is ignored ("zz": 0) forces the
// second path: both must give the same document.
TEST(JsonlFastPath, SameDocumentsAsTheJsonParser) {
  const char* records[] = {
      R"({"id":"a1","date":"2024-03-08","text":"Baku talks.\nSecond line."})",
      R"( { "text" : "caf\u00e9 \ud83d\ude00 \/ \"q\" \\ \t\b\f\r" , "id" : null ,
          "title":"T","url":"http://x/y","source":"S"} )",
      R"({"text":"Text\u0020with escapes","date":null,"title":null,"extra":"ignored"})",
      R"({"text":"No date, id from the line","date":"  "})",
      R"({"te\u0078t":"escaped key","id":""})",
      "{\"text\":\"\xEF\xBB\xBFwith a BOM\",\"id\":\"b\"}\r",
  };
  for (const char* rec : records) {
    std::string fast = rec;
    std::string slow = fast;
    size_t close = slow.rfind('}');
    slow.insert(close, ",\"zz\":0");
    auto a = ParseJsonlRecord("in.jsonl", 7, fast, {});
    auto b = ParseJsonlRecord("in.jsonl", 7, slow, {});
    ASSERT_TRUE(a.ok()) << rec << ": " << a.status().message();
    ASSERT_TRUE(b.ok()) << slow << ": " << b.status().message();
    EXPECT_EQ(a->id, b->id) << rec;
    EXPECT_EQ(a->origin, b->origin) << rec;
    EXPECT_EQ(a->title, b->title) << rec;
    EXPECT_EQ(a->url, b->url) << rec;
    EXPECT_EQ(a->source, b->source) << rec;
    EXPECT_EQ(a->text, b->text) << rec;
    EXPECT_EQ(a->date.has_value(), b->date.has_value()) << rec;
    if (a->date && b->date) {
      EXPECT_EQ(a->date->ToString(), b->date->ToString()) << rec;
    }
    EXPECT_EQ(a->date_source, b->date_source) << rec;
  }
  auto e = ParseJsonlRecord("in.jsonl", 1, R"({"text":"caf\u00e9 \ud83d\ude00"})", {});
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->text, "caf\xC3\xA9 \xF0\x9F\x98\x80");
}

// What the fast path cannot read goes to the JSON parser, which words the error.
TEST(JsonlFastPath, ErrorsComeFromTheJsonParser) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"text":"a","text":"b"})", ""},  // named twice: nlohmann decides (no error)
      {R"({"text":"lone \udc00"})", "in.jsonl:1:"},
      {R"({"text":"x"} trailing)", "in.jsonl:1:"},
      {R"({"text":"x",})", "in.jsonl:1:"},
      {"{\"text\":\"raw\x01\"}", "in.jsonl:1:"},
      {R"({"text":"\u0000"})", "in.jsonl:1: \"text\" contains a NUL character"},
      {R"({"text":"  "})", "in.jsonl:1: empty \"text\""},
      {R"({"text":"x","date":"someday"})", "in.jsonl:1: unrecognised \"date\" 'someday'"},
  };
  for (const auto& [rec, want] : cases) {
    auto r = ParseJsonlRecord("in.jsonl", 1, rec, {});
    if (std::string(want).empty()) {
      EXPECT_TRUE(r.ok()) << rec;
    } else {
      ASSERT_FALSE(r.ok()) << rec;
      EXPECT_EQ(r.status().message().rfind(want, 0), 0u) << rec << " -> " << r.status().message();
    }
  }
}

}  // namespace
}  // namespace dragoman
