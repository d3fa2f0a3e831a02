#include "server/params.h"

#include <gtest/gtest.h>

namespace dragoman::server {
namespace {

const RouteSpec& Route(RouteId id) {
  for (const RouteSpec& r : ApiRoutes()) {
    if (r.id == id) return r;
  }
  static RouteSpec none;
  return none;
}

Status Parse(RouteId id, KeyValues q, KeyValues path = {}) {
  return ParseParams(Route(id), q, path).status();
}

TEST(ParamsTest, DefaultsAndTypedValues) {
  auto p = ParseParams(Route(RouteId::kEvents),
                       {{"dyad", "AZE,IRN"}, {"since", "2024-03"}, {"negated", ""}}, {});
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_EQ(p->Int("limit"), 100);
  EXPECT_EQ(p->Get("format"), "json");
  EXPECT_TRUE(p->Bool("negated"));
  EXPECT_FALSE(p->Bool("mentions"));
  EXPECT_EQ(p->Dyad("dyad")->second, "IRN");
  EXPECT_EQ(p->Date("since")->ToString(), "2024-03");
}

TEST(ParamsTest, BadValuesAreInvalidArguments) {
  using C = Status::Code;
  EXPECT_EQ(Parse(RouteId::kEvents, {{"since", "2024-13-01"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"since", "yesterday"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"limit", "0"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"limit", "1001"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"limit", "99999999999999999999999"}}).code(),
            C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"limit", "10abc"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"dyad", "AZE"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"dyad", "A,B,C"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"format", "xml"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"negated", "maybe"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"cursor", "abc"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"bogus", "1"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"actor", "a"}, {"actor", "b"}}).code(),
            C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"actor", "\xff\xfe"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"actor", "a\nb"}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvents, {{"actor", std::string(1001, 'a')}}).code(),
            C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kTimeline, {}).code(), C::kInvalidArgument);  // dyad required
  EXPECT_EQ(Parse(RouteId::kSearch, {{"q", ""}}).code(), C::kInvalidArgument);
  EXPECT_EQ(Parse(RouteId::kEvent, {}, {{"id", "-3"}}).code(), C::kInvalidArgument);
  EXPECT_TRUE(Parse(RouteId::kEvents, {{"actor", "Aliyev's ' OR 1=1 --"}}).ok());
}

TEST(ParamsTest, CursorsRoundTripAndRejectForgeries) {
  for (EventCursor c : {EventCursor{20000, 12, 34}, EventCursor{std::nullopt, 5, 6},
                        EventCursor{-400, 1, 1}}) {
    auto back = DecodeCursor(EncodeCursor(c));
    ASSERT_TRUE(back.ok()) << EncodeCursor(c);
    EXPECT_EQ(back->day, c.day);
    EXPECT_EQ(back->event_id, c.event_id);
    EXPECT_EQ(back->mention_id, c.mention_id);
  }
  for (const char* bad : {"", "v1.", "v1.d.1.2", "v1.u.1", "v1.u.1.2.3", "v2.u.1.2", "v1.x1.1.2",
                          "v1.u.-1.2", "v1.u.1.2'"}) {
    EXPECT_FALSE(DecodeCursor(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace dragoman::server
