// EventExtractor::CompleteMutual (mutual.cc): reciprocal events completed from a plural subject
// and from the document's principal parties. The sentences are invented and written in the
// markup of markup_test_util.h; the events are made by hand, as the rules or the type
// classifier would report them, so that the tests do not depend on the verb patterns.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "events/extractor.h"
#include "events/markup_test_util.h"

namespace dragoman {
namespace {

using test_support::Build;
using test_support::Describe;

class MutualTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &test_support::ShippedExtractor(); }
  static const EventExtractor* extractor_;

  // An event of the whole sentence with `source` and `target` (null: none).
  static Event Make(const test_support::Built& b, const ActorRef* source, const ActorRef* target,
                    const std::string& cameo, const std::string& rule) {
    Event e;
    e.span_begin = 0;
    e.span_end = static_cast<uint32_t>(b.doc.text.size());
    if (source) e.source = *source;
    if (target) e.target = *target;
    e.cameo = cameo;
    e.rule = rule;
    return e;
  }
  static ActorRef Country(const std::string& iso) {
    ActorRef r;
    r.code = r.country = iso;
    r.text = iso;
    return r;
  }
};
const EventExtractor* MutualTest::extractor_ = nullptr;

TEST_F(MutualTest, PluralSubjectOfAMeetingIsOneEventFromTheFirstPartyToTheSecond) {
  // As the classifier adds it: the plural mention as source, no target.
  auto b = Build("[The two sides|KENGOV+UGAGOV] discussed trade .");
  std::vector<Event> ev = {Make(*b, &b->facts.actors[0].actor, nullptr, "040", "classify:CONSULT")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].source->code, "KENGOV");
  EXPECT_EQ(ev[0].source->text, "The two sides");
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->code, "UGAGOV");
  EXPECT_NE(ev[0].rule.find("[pair: the plural subject's two parties]"), std::string::npos);
}

TEST_F(MutualTest, TheRulesEventsForEachMemberBecomeOne) {
  // As the rules report a plural subject: one event per member, neither with a target.
  auto b = Build("[The two countries|KEN+UGA] pledged to pull back troops .");
  const ActorMention& m = b->facts.actors[0];
  std::vector<Event> ev = {Make(*b, &m.members[0], nullptr, "0356", "verbs.txt:1 pledge"),
                           Make(*b, &m.members[1], nullptr, "0356", "verbs.txt:1 pledge")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].source->code, "KEN");
  ASSERT_TRUE(ev[0].target.has_value());
  EXPECT_EQ(ev[0].target->code, "UGA");
}

TEST_F(MutualTest, ATargetOfTheSourcesOwnCountryIsReplaced) {
  // "The ministers spoke about Kenyan-Ugandan relations": the classifier took the next actor.
  auto b = Build("[The ministers|KENGOV+UGAGOV] spoke about [Kenyan|KEN] relations .");
  std::vector<Event> ev = {Make(*b, &b->facts.actors[0].actor, &b->facts.actors[1].actor, "040",
                                "verbs.txt:2 speak about")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_EQ(ev.size(), 1u);
  ASSERT_TRUE(ev[0].target.has_value());
  EXPECT_EQ(ev[0].target->code, "UGAGOV");
}

TEST_F(MutualTest, AClassifierTargetChosenForBeingNextIsReplacedARuleTargetIsNot) {
  auto b = Build("[The two countries|KEN+UGA] discussed ties with the [EU|IGOEU] .");
  const ActorMention& m = b->facts.actors[0];
  std::vector<Event> ev = {Make(*b, &m.actor, &b->facts.actors[1].actor, "030", "classify:AGREE")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_TRUE(ev[0].target.has_value());
  EXPECT_EQ(ev[0].target->code, "UGA");
  // A pattern's own object is a third party acted on: kept.
  ev = {Make(*b, &m.members[0], &b->facts.actors[1].actor, "040", "verbs.txt:3 discuss with +")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_TRUE(ev[0].target.has_value());
  EXPECT_EQ(ev[0].target->code, "IGOEU");
}

TEST_F(MutualTest, OneSidedTypesAreLeftAlone) {
  // A criticism by both sides has no implied target: CAMEO 111 is not in the `mutual` family.
  auto b = Build("[Both sides|KENGOV+UGAGOV] criticised the decision .");
  std::vector<Event> ev = {Make(*b, &b->facts.actors[0].actor, nullptr, "111", "classify:ACCUSE")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_FALSE(ev[0].target.has_value()) << Describe(ev);
  // Nor do the parties complete it.
  auto c = Build("[Kenya|KENGOV] criticised the decision .");
  c->facts.parties = {Country("KEN"), Country("UGA")};
  ev = {Make(*c, &c->facts.actors[0].actor, nullptr, "111", "verbs.txt:4 criticise")};
  extractor_->CompleteMutual(c->facts, &ev);
  EXPECT_FALSE(ev[0].target.has_value()) << Describe(ev);
}

TEST_F(MutualTest, APrincipalPartyMeetsTheOther) {
  auto b = Build("Later the meeting of [the envoy|KENGOV] took place .");
  b->facts.parties = {Country("KEN"), Country("UGA")};
  std::vector<Event> ev = {Make(*b, &b->facts.actors[0].actor, nullptr, "040", "classify:CONSULT")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->code, "UGA");
  EXPECT_NE(ev[0].rule.find("[target: the document's other principal party]"), std::string::npos);

  // Without a clear pair, or for a source outside it, nothing is invented.
  b->facts.parties.clear();
  ev = {Make(*b, &b->facts.actors[0].actor, nullptr, "040", "classify:CONSULT")};
  extractor_->CompleteMutual(b->facts, &ev);
  EXPECT_FALSE(ev[0].target.has_value()) << Describe(ev);
  b->facts.parties = {Country("TZA"), Country("UGA")};
  extractor_->CompleteMutual(b->facts, &ev);
  EXPECT_FALSE(ev[0].target.has_value()) << Describe(ev);
}

TEST_F(MutualTest, AnUnresolvedTargetIsNoParty) {
  // "discussed the border issue": the rules report the object phrase as a code-less target
  // (events/unresolved.h); it names no party, so the other principal party still completes.
  auto b = Build("[The envoy|KENGOV] discussed the border issue .");
  b->facts.parties = {Country("KEN"), Country("UGA")};
  ActorRef phrase;
  phrase.text = "the border issue";
  std::vector<Event> ev = {Make(*b, &b->facts.actors[0].actor, &phrase, "040", "verbs.txt:1 x")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->code, "UGA");
}

TEST_F(MutualTest, AThirdCountryInTheSentenceBlocksThePrincipalParty) {
  auto b = Build("[Kenya|KENGOV] held talks in [Tanzania|TZA:place] with officials of [Rwanda|RWA] .");
  b->facts.parties = {Country("KEN"), Country("UGA")};
  std::vector<Event> ev = {Make(*b, &b->facts.actors[0].actor, nullptr, "040", "verbs.txt:5 talks")};
  extractor_->CompleteMutual(b->facts, &ev);
  EXPECT_FALSE(ev[0].target.has_value()) << Describe(ev);
}

TEST_F(MutualTest, CoordinatedSourcesAreLeftToThePattern) {
  auto b = Build("[Kenya|KENGOV] and [Uganda|UGAGOV] agreed to cooperate .");
  b->facts.parties = {Country("KEN"), Country("UGA")};
  std::vector<Event> ev = {
      Make(*b, &b->facts.actors[0].actor, nullptr, "030", "verbs.txt:6 agree to"),
      Make(*b, &b->facts.actors[1].actor, nullptr, "030", "verbs.txt:6 agree to")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_EQ(ev.size(), 2u) << Describe(ev);
  EXPECT_FALSE(ev[0].target.has_value());
  EXPECT_FALSE(ev[1].target.has_value());
}

TEST_F(MutualTest, ACompletedEventThatRepeatsAnotherGoes) {
  // The rules coded Uganda's meeting with Kenya; the completed Kenyan one is the same meeting.
  auto b = Build("[Kenya|KENGOV] met [Uganda|UGAGOV] and talks followed .");
  b->facts.parties = {Country("KEN"), Country("UGA")};
  std::vector<Event> ev = {
      Make(*b, &b->facts.actors[1].actor, &b->facts.actors[0].actor, "040", "verbs.txt:7 meet +"),
      Make(*b, &b->facts.actors[0].actor, nullptr, "043", "verbs.txt:8 talks")};
  extractor_->CompleteMutual(b->facts, &ev);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].rule, "verbs.txt:7 meet +");
}

}  // namespace
}  // namespace dragoman
