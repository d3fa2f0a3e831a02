// Object relatives and abstract objects (background.cc) on invented sentences. A clause with its
// subject right before its verb, after a noun phrase the sentence's verb governs, and no object of
// its own describes that noun; it states no event. A verb whose object is a thing to reach or a
// problem (an `abstract_object` head) acts on no party. The markup's tokenizer knows no parts of
// speech, so each test says which words are nouns (as WordNet would).
#include <gtest/gtest.h>

#include <initializer_list>
#include <string_view>

#include "events/extractor.h"
#include "events/markup_test_util.h"

namespace dragoman {
namespace {

using test_support::Describe;
using test_support::WithNouns;

TEST(ObjectRelativeTest, ClauseOnAnObjectNounStatesNoEvent) {
  // "it arrested last year" tells which diplomat: no arrest by Iran.
  auto b = WithNouns("[Iran|IRNGOV] expelled a diplomat it arrested last year .", {"diplomat"});
  std::vector<Event> ev = test_support::ShippedExtractor().Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].cameo.substr(0, 2), "16") << Describe(ev);
}

TEST(ObjectRelativeTest, ActorInsideTheNounPhrase) {
  // "a US diplomat": the phrase the clause describes holds an actor (a demonym).
  auto b = WithNouns("[Iran|IRNGOV] freed a [US|USA] diplomat it arrested .", {"diplomat"});
  std::vector<Event> ev = test_support::ShippedExtractor().Extract(b->facts);
  for (const Event& e : ev) EXPECT_NE(e.cameo.substr(0, 2), "17") << Describe(ev);
}

TEST(ObjectRelativeTest, ClauseOnAnActor) {
  // The phrase the clause describes is itself an actor mention.
  auto b = WithNouns("[Iran|IRNGOV] freed [a US diplomat|USAGOV] it arrested .", {});
  std::vector<Event> ev = test_support::ShippedExtractor().Extract(b->facts);
  for (const Event& e : ev) EXPECT_NE(e.cameo.substr(0, 2), "17") << Describe(ev);
}

TEST(ObjectRelativeTest, AddresseeOfASpeechVerbIsNoAntecedent) {
  // "told the envoy it attacked ...": a report without "that", not a relative clause.
  auto b = WithNouns("[Russia|RUSGOV] told [the envoy|USAGOV] [it|RUSGOV:pronoun] attacked in "
                     "self-defence .",
                     {});
  std::vector<Event> ev = test_support::ShippedExtractor().Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].cameo.substr(0, 2), "18") << Describe(ev);
}

TEST(ObjectRelativeTest, ThatClauseWithAnActorSubject) {
  auto b = WithNouns(
      "[Iran|IRNGOV] expelled the diplomats that [the ministry|IRNGOV] detained in May .",
      {"diplomats"});
  std::vector<Event> ev = test_support::ShippedExtractor().Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].cameo.substr(0, 2), "16") << Describe(ev);
}

TEST(ObjectRelativeTest, VerbWithItsOwnObjectIsStated) {
  // An object after the verb: "the diplomat" is no object of "arrested"; both acts are stated.
  auto b = WithNouns("[Iran|IRNGOV] expelled a diplomat and [it|IRNGOV:pronoun] arrested "
                     "[two journalists|GBRCVL] .",
                     {"diplomat"});
  std::vector<Event> ev = test_support::ShippedExtractor().Extract(b->facts);
  ASSERT_EQ(ev.size(), 2u) << Describe(ev);
}

TEST(ObjectRelativeTest, NameBeforeTheSubjectIsNoRelative) {
  // A capitalised word before the actor belongs to its name: the verb is the sentence's own.
  auto b = WithNouns("The Catalan [government|ESPGOV] arrested [two activists|ESPCVL] today .",
                     {"catalan"});
  std::vector<Event> ev = test_support::ShippedExtractor().Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
}

TEST(AbstractObjectTest, FightingACauseIsNoFight) {
  auto b = WithNouns("[Germany|DEUGOV] spent billions fighting the root causes of migration .",
                     {"billions", "root", "causes", "migration"});
  b->sentence.tokens[6].lemma = "cause";  // as the lemmatizer gives it
  std::vector<Event> ev = test_support::ShippedExtractor().Extract(b->facts);
  EXPECT_TRUE(ev.empty()) << Describe(ev);
}

TEST(AbstractObjectTest, FightingAPartyIsAFight) {
  auto b = WithNouns("[Germany|DEUGOV] spent billions fighting [the rebels|AFGREB] .", {"billions"});
  std::vector<Event> ev = test_support::ShippedExtractor().Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].cameo.substr(0, 2), "19") << Describe(ev);
}

}  // namespace
}  // namespace dragoman
