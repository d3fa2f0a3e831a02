// The message a document travels in: a round trip keeps everything the coder reads, and what is
// not a document message is refused with a message naming it.
#include "stream/queue.h"

#include <gtest/gtest.h>

namespace dragoman {
namespace {

TEST(QueueMessageTest, RoundTripKeepsTheDocument) {
  Document d;
  d.id = "doc-1";
  d.origin = "feeds/a.jsonl:3";
  d.title = "Talks";
  d.url = "https://example.org/a";
  d.source = "Example Wire";
  d.text = "Baku, 4 August 2025 \xe2\x80\x94 The ministers met.\n\"Quoted\"\ttext.";
  d.date = PartialDate::Parse("2025-08-04");
  d.date_source = DateSource::kDateline;
  auto back = DocumentFromMessage(MessageFromDocument(d), "m");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->id, d.id);
  EXPECT_EQ(back->origin, d.origin);
  EXPECT_EQ(back->title, d.title);
  EXPECT_EQ(back->url, d.url);
  EXPECT_EQ(back->source, d.source);
  EXPECT_EQ(back->text, d.text);
  ASSERT_TRUE(back->date.has_value());
  EXPECT_EQ(back->date->ToString(), "2025-08-04");
  EXPECT_EQ(back->date_source, DateSource::kDateline);

  Document undated;
  undated.id = "x";
  undated.text = "No date here.";
  auto u = DocumentFromMessage(MessageFromDocument(undated), "m");
  ASSERT_TRUE(u.ok());
  EXPECT_FALSE(u->date.has_value());
  EXPECT_EQ(u->date_source, DateSource::kNone);
}

TEST(QueueMessageTest, RefusesWhatIsNotADocument) {
  for (const char* bad : {"", "not json", "[1,2]", "{\"id\":\"a\"}", "{\"text\":\"no id\"}",
                          "{\"id\":\"a\",\"text\":\"t\",\"date\":\"soon\"}"}) {
    auto r = DocumentFromMessage(bad, "DRAGOMAN message 7");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Status::Code::kBadInput);
    EXPECT_EQ(r.status().message().rfind("DRAGOMAN message 7: ", 0), 0u) << r.status().message();
  }
}

TEST(QueueMessageTest, QuantileOfLatencies) {
  EXPECT_EQ(Quantile({}, 0.5), 0);
  EXPECT_EQ(Quantile({5, 1, 3}, 0.5), 3);
  EXPECT_EQ(Quantile({5, 1, 3}, 0.99), 5);
}

}  // namespace
}  // namespace dragoman
