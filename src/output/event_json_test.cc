#include "output/event_json.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "events/unresolved.h"
#include "output/writer.h"

namespace dragoman {
namespace {

Event SampleEvent() {
  Event e;
  e.doc = "d1";
  e.doc_date = "2024-03-08";
  e.doc_date_source = "byline";
  e.sentence = 3;
  e.text = "Ministers met, \"briefly\", in town.";
  e.span_begin = 10;
  e.span_end = 40;
  e.source = ActorRef{"the minister", "AZEGOV", "AZE", "GOV", "A. Person", 10, 22};
  e.target = ActorRef{"Iran", "IRN", "IRN", "", "", 33, 37};
  e.cameo = "040";
  e.plover = "CONSULT";
  e.goldstein = 1.0;
  e.quad = "verbal_coop";
  e.date = "2024-03-05";
  e.date_source = "text";
  e.mood = Mood::kIntended;
  e.location = Location{"Jeddah", "SAU", 21.5, 39.2};
  e.quantity = Quantity{5, "national"};
  e.rule = "verbs.txt:1 meet with +";
  return e;
}

TEST(EventJson, FieldOrderIsTheContract) {
  Json j = EventToJson(SampleEvent());
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(
      keys,
      (std::vector<std::string>{
          "doc",     "doc_date", "doc_date_source", "sentence",  "text",    "span", "source",
          "target",  "cameo",    "plover",          "goldstein", "quad",    "date", "date_source",
          "negated", "mood",     "location",        "quantity",  "speaker", "rule"}));
  EXPECT_TRUE(j["speaker"].is_null());
  EXPECT_TRUE(j["target"]["sector"].is_null());
  EXPECT_EQ(j["goldstein"].dump(), "1");
  EXPECT_EQ(j["mood"], "intended");
}

TEST(EventJson, RoundTrips) {
  Event e = SampleEvent();
  auto back = EventFromJson(Json::parse(EventToJsonLine(e)));
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(EventToJsonLine(*back), EventToJsonLine(e));
}

// An unresolved mention (no code) is written with a null code, by both writers, and read back
// as code-less; output written before null codes existed (a string code) is still read.
TEST(EventJson, UnresolvedActorHasNullCode) {
  Event e = SampleEvent();
  e.target = ActorRef{"the suicide attack", "", "", "", "", 30, 48};
  const std::string line = EventToJsonLine(e);
  Json j = Json::parse(line);
  EXPECT_TRUE(j["target"]["code"].is_null());
  EXPECT_EQ(j["target"]["text"], "the suicide attack");
  EXPECT_EQ(j["target"]["span"], Json::array({30, 48}));
  EXPECT_EQ(line, EventToJson(e).dump(-1, ' ', false, Json::error_handler_t::replace));
  auto back = EventFromJson(j);
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_TRUE(back->target.has_value());
  EXPECT_TRUE(Unresolved(back->target));
  EXPECT_EQ(back->target->text, "the suicide attack");
  j["target"]["code"] = "";
  EXPECT_TRUE(EventFromJson(j).ok());
  j["target"]["code"] = 5;
  EXPECT_FALSE(EventFromJson(j).ok());
}

// The direct writer and nlohmann's serialisation of EventToJson() agree byte for byte, on the
// awkward values too: escapes, control characters, invalid UTF-8, absent fields, fractions.
TEST(EventJson, DirectWriterMatchesTheJsonTree) {
  std::vector<Event> events;
  events.push_back(SampleEvent());
  Event bare;
  events.push_back(bare);
  Event odd = SampleEvent();
  odd.text = std::string("tab\there \"quoted\" back\\slash \x01\x1f\b\f\r\n end ") +
             "\xc3\xa9 \xe2\x80\x9c \xf0\x9f\x98\x80";
  odd.doc = "bad \xff utf-8 \xc3";
  odd.goldstein = -4.4;
  odd.location = Location{"Somewhere", "", 40.0, std::nullopt};
  odd.quantity = Quantity{2.5, ""};
  odd.speaker = ActorRef{"", "IGOUNO", "", "", "", 0, 0};
  odd.negated = true;
  odd.mood = Mood::kQuestion;
  events.push_back(odd);
  for (double g : {0.0, -0.0, 3.4, -10.0, 1e-7, 0.1 + 0.2, 7.05}) {
    Event e = SampleEvent();
    e.goldstein = g;
    e.location = Location{"x", "y", g * 3.3, -g / 7};
    e.quantity = Quantity{g * 1000.5, "u"};
    events.push_back(e);
  }
  for (const Event& e : events) {
    std::string tree = EventToJson(e).dump(-1, ' ', false, Json::error_handler_t::replace);
    EXPECT_EQ(EventToJsonLine(e), tree);
    std::string appended = "prefix";
    AppendEventJson(e, &appended);
    EXPECT_EQ(appended, "prefix" + tree);
  }
}

// The writer skips plain bytes eight at a time: every byte that needs an escape, and invalid
// UTF-8, at every offset around such runs, is written as nlohmann writes it.
TEST(EventJson, StringEscapesAtEveryOffset) {
  const std::string plain = "abcdefghijklmnopqrstuvwxyz0123456789 \xc3\xa9\xe2\x80\x9c~";
  std::vector<std::string> specials = {"\"",   "\\",   "\n",   "\t",          "\b",
                                       "\f",   "\r",   "\x01", "\x1f",        " ",
                                       "\x7f", "\xff", "\xc3", "\xed\xa0\x80"};
  specials.push_back(std::string(1, '\0'));
  for (const std::string& special : specials) {
    for (size_t at = 0; at <= 24; ++at) {
      for (size_t len : {at, at + 1, at + 7, at + 8, at + 9, at + 17}) {
        std::string s = plain.substr(0, at) + special + plain.substr(0, len - at);
        std::string direct;
        AppendJsonString(s, &direct);
        EXPECT_EQ(direct, Json(s).dump(-1, ' ', false, Json::error_handler_t::replace))
            << "special " << static_cast<int>(static_cast<unsigned char>(special[0])) << " at "
            << at;
      }
    }
  }
}

TEST(EventJson, MissingFieldIsNamed) {
  Json j = EventToJson(SampleEvent());
  j.erase("cameo");
  auto r = EventFromJson(j);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cameo"), std::string::npos);
}

TEST(Writer, CsvQuotesAndHasHeader) {
  std::ostringstream os;
  EventWriter w(os, OutputFormat::kCsv);
  ASSERT_TRUE(w.Write(SampleEvent()).ok());
  std::string s = os.str();
  EXPECT_EQ(s.rfind("doc,doc_date,sentence,", 0), 0u);
  EXPECT_NE(s.find("\"Ministers met, \"\"briefly\"\", in town.\""), std::string::npos);
}

TEST(Writer, TsvHasNoTabsInFields) {
  Event e = SampleEvent();
  e.text = "a\tb\nc";
  std::ostringstream os;
  EventWriter w(os, OutputFormat::kTsv);
  ASSERT_TRUE(w.Write(e).ok());
  std::string line2 = os.str().substr(os.str().find('\n') + 1);
  EXPECT_NE(line2.find("a b c"), std::string::npos);
}

TEST(Writer, FailedStreamIsAnIoError) {
  std::ostringstream os;
  os.setstate(std::ios::badbit);
  EventWriter w(os, OutputFormat::kJsonl);
  EXPECT_EQ(w.Write(SampleEvent()).code(), Status::Code::kIo);
}

}  // namespace
}  // namespace dragoman
