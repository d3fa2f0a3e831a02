// Unnamed actors: groups named by what they do (generic.txt with ROLES), one test per
// construction. Every sentence is invented for the test (doc/actors.md, "Generic actors").
#include <gtest/gtest.h>

#include "actors/test_util.h"

namespace dragoman {
namespace {

using testing_actors::Describe;
using testing_actors::DocMentions;
using testing_actors::DumpAll;
using testing_actors::RunDoc;
using testing_actors::With;

const PartialDate kDate2024{2024, 3, 1};

// generic.txt lists civilians, labour and criminals with ROLES: protesters, unions and gunmen
// are the doers of protests and attacks, and take the document's country like organs of a state.
TEST(UnnamedActors, ProtestersUnionsAndGunmenAreGenericActors) {
  auto d = RunDoc("Protesters blocked the main road in Tbilisi on Sunday.", kDate2024);
  EXPECT_ACTOR(d, "Protesters", "GEOCVL");
  EXPECT_EQ(With(d, "Protesters")[0].kind, ActorMention::Kind::kGeneric);
  auto e = RunDoc("Armenia closed the crossing. Gunmen attacked a checkpoint near the border.",
                  kDate2024);
  EXPECT_ACTOR(e, "Gunmen", "ARMCRM");
  auto f = RunDoc("Kenya raised fuel prices. The trade union called a national strike.",
                  kDate2024);
  EXPECT_ACTOR(f, "trade union", "KENLAB");
}

// The other people of those sectors are too often background to be an event's doer.
TEST(UnnamedActors, OtherCiviliansAreNotGenericActors) {
  auto d = RunDoc("Georgia changed the law. Prisoners have the right to two phone calls.",
                  kDate2024);
  EXPECT_TRUE(With(d, "Prisoners").empty()) << DumpAll(d);
  auto e = RunDoc("Georgia changed the law. Workers were evacuated from the plant.", kDate2024);
  EXPECT_TRUE(With(e, "Workers").empty()) << DumpAll(e);
}

// A role of such a sector before a capitalised name ("National" + "Heritage Board") is no
// "role and name" person either unless the role is among the sector's ROLES.
TEST(UnnamedActors, ARoleOutsideTheListGivesNoCountrylessPerson) {
  auto d = RunDoc("Members of the National Heritage Board visited the old mosque in Baku.",
                  kDate2024);
  for (const auto& m : d.All()) {
    EXPECT_EQ(m.actor.text.find("Heritage"), std::string::npos) << DumpAll(d);
  }
}

}  // namespace
}  // namespace dragoman
