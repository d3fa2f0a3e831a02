// The place it is done in as the last target (place_target.cc), and the doer named by "by" after
// the noun that opens a clause (roles.cc SubjectOf). Invented sentences in the markup of
// markup_test_util.h; WithNouns marks the words WordNet would know as nouns.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "events/extractor.h"
#include "events/markup_test_util.h"

namespace dragoman {
namespace {

using test_support::Describe;
using test_support::WithNouns;

class PlaceTargetTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &test_support::ShippedExtractor(); }
  static const EventExtractor* extractor_;
};
const EventExtractor* PlaceTargetTest::extractor_ = nullptr;

TEST_F(PlaceTargetTest, MeasureImposedOnAPlaceTargetsThePlace) {
  // "a curfew" names no party: the place it is imposed on is the target, by its country.
  auto b = WithNouns("[Thailand|THAGOV] imposed a curfew in {Chiang|THA} .", {"curfew"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->code, "THA");
  EXPECT_EQ(ev[0].target->text, "Chiang");
  EXPECT_NE(ev[0].rule.find("[target: the place it is done in]"), std::string::npos) << ev[0].rule;
}

TEST_F(PlaceTargetTest, ObjectNotLocatedInThePlaceStays) {
  // The place belongs to the smugglers' trial, not to the verdict: the unresolved object stays.
  auto b = WithNouns(
      "[Peru|PERGOV] condemned the verdict against the smugglers in {Cusco|PER} .",
      {"verdict", "smugglers"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_TRUE(ev[0].target->code.empty()) << Describe(ev);
  EXPECT_EQ(ev[0].target->text, "the verdict");
}

TEST_F(PlaceTargetTest, AgentOfTheNounOpeningTheClauseIsTheSubject) {
  auto b = WithNouns("A car bombing by [the Islamic State|IMGREB] killed dozens of people .",
                     {"car", "bombing", "dozens", "people"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_FALSE(ev.empty()) << Describe(ev);
  for (const Event& e : ev) {
    ASSERT_TRUE(e.source.has_value()) << Describe(ev);
    EXPECT_EQ(e.source->code, "IMGREB") << Describe(ev);
  }
}

TEST_F(PlaceTargetTest, NoAgentSubjectAfterAnOpeningPreposition) {
  // "After an appeal by X, ...": X made the appeal; it did not release anyone.
  auto b = WithNouns("After an appeal by [Kenya|KENGOV] the kidnappers released two hostages .",
                     {"appeal", "kidnappers", "hostages"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  for (const Event& e : ev) {
    if (e.cameo.compare(0, 2, "08") != 0) continue;
    ASSERT_TRUE(e.source.has_value());
    EXPECT_NE(e.source->code, "KENGOV") << Describe(ev);
  }
}

}  // namespace
}  // namespace dragoman
