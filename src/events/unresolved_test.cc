// Unresolved mentions (unresolved.cc) on invented sentences: the noun phrase in an object or
// subject position that names no known actor is reported by its words and span, with no code,
// and never displaces a coded actor the rules find; a person or group subject is the source of
// an event with a coded target that has no source actor.
#include "events/unresolved.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

#include "events/extractor.h"
#include "events/markup_test_util.h"

namespace dragoman {
namespace {

using test_support::Build;
using test_support::Built;
using test_support::Describe;
using test_support::WithNouns;

class UnresolvedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &test_support::ShippedExtractor(); }
  static std::string Span(const Built& b, const ActorRef& a) {
    return b.doc.text.substr(a.begin, a.end - a.begin);
  }
  static const EventExtractor* extractor_;
};
const EventExtractor* UnresolvedTest::extractor_ = nullptr;

TEST_F(UnresolvedTest, ObjectThatNamesNoActorIsReportedWithoutCode) {
  auto b = WithNouns("[Azerbaijan|AZEGOV] condemned the suicide attack .", {"suicide", "attack"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->text, "the suicide attack");
  EXPECT_EQ(Span(*b, *ev[0].target), "the suicide attack");
  EXPECT_TRUE(ev[0].target->code.empty());
  EXPECT_TRUE(ev[0].target->country.empty());
  EXPECT_TRUE(ev[0].target->sector.empty());
  EXPECT_TRUE(Unresolved(ev[0].target));
  EXPECT_NE(ev[0].rule.find("[target: unresolved object]"), std::string::npos) << ev[0].rule;
  // The event's span reaches the phrase.
  EXPECT_EQ(ev[0].span_end, ev[0].target->end);
}

TEST_F(UnresolvedTest, PhraseAfterThePatternsPreposition) {
  // "launch ..3 investigation ..4 into|against +": a name the dictionaries lack after "into".
  auto b = WithNouns(
      "[Turkish prosecutors|TURJUD] launched an investigation into Boztepe on "
      "suspicion of insult .",
      {"investigation", "suspicion", "insult"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->text, "Boztepe");
  EXPECT_TRUE(ev[0].target->code.empty());
}

TEST_F(UnresolvedTest, PhraseStopsAtCommaAndKeepsNameConnectors) {
  auto b = WithNouns(
      "[Turkish prosecutors|TURJUD] launched an investigation against the Bank of "
      "Commerce , the institution which ...",
      {"investigation", "bank", "commerce", "institution"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->text, "the Bank of Commerce");
}

TEST_F(UnresolvedTest, NoPhraseForPronounsVerbsOrNonNouns) {
  for (const char* markup :
       {"[Azerbaijan|AZEGOV] condemned it .", "[Azerbaijan|AZEGOV] condemned those who attacked .",
        "[Azerbaijan|AZEGOV] condemned strongly ."}) {
    auto b = WithNouns(markup, {});
    std::vector<Event> ev = extractor_->Extract(b->facts);
    ASSERT_EQ(ev.size(), 1u) << markup << Describe(ev);
    EXPECT_FALSE(ev[0].target.has_value()) << markup << Describe(ev);
  }
}

TEST_F(UnresolvedTest, PhraseEndsAtItsLastNoun) {
  // "as unconstitutional" follows the object; the phrase is the object itself.
  auto b = WithNouns("[Kenya|KENGOV] rejected the referendum as unconstitutional .",
                     {"referendum"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->text, "the referendum");
}

TEST_F(UnresolvedTest, ActsDoerNamedAfterItsNounIsTheObject) {
  // "welcome ..3 decision": the decision's doer, a name no dictionary holds, is the target.
  auto b = WithNouns("[Kenya|KENGOV] welcomed the decision by the Kovrian Trade Forum .",
                     {"decision", "forum"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->text, "the Kovrian Trade Forum");
  // A doer that is no name leaves the act itself as the object.
  auto c = WithNouns("[Kenya|KENGOV] welcomed the decision by the committee .",
                     {"decision", "committee"});
  ev = extractor_->Extract(c->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->text, "the decision");
}

TEST_F(UnresolvedTest, QualifiedCountStartsAtItsNumber) {
  auto b = WithNouns("[Kenya|KENGOV] released at least 19 prisoners .", {"prisoners"});
  QuantityMention q;  // as the quantity stage finds it: the number and the counted noun
  q.token_begin = 4;
  q.token_end = 6;
  q.noun = 5;
  q.value = 19;
  q.unit = "prisoner";
  q.qualifier = "at least";
  b->facts.quantities.push_back(q);
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->text, "19 prisoners");
}

TEST_F(UnresolvedTest, CodedTargetWins) {
  // A coded actor in the object slot, and a counterpart from the document's context, are
  // preferred to the phrase.
  auto b = WithNouns("[Azerbaijan|AZEGOV] condemned [Armenia|ARMGOV] .", {});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value());
  EXPECT_EQ(ev[0].target->code, "ARMGOV");

  EventContext ctx;
  auto first = Build("[Armenia|ARMGOV] accused [Azerbaijan|AZEGOV] .");
  extractor_->Extract(first->facts, &ctx);
  auto second = WithNouns("[Azerbaijan|AZEGOV] condemned the statement .", {"statement"});
  ev = extractor_->Extract(second->facts, &ctx);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].target->code, "ARMGOV");
}

TEST_F(UnresolvedTest, UnresolvedTargetIsNoActorForTheContext) {
  // The last event's unresolved target is not a counterpart for a later reactive verb.
  EventContext ctx;
  auto first =
      WithNouns("[Azerbaijan|AZEGOV] condemned the suicide attack .", {"suicide", "attack"});
  std::vector<Event> ev = extractor_->Extract(first->facts, &ctx);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(Unresolved(ev[0].target));
  auto second = Build("[Azerbaijan|AZEGOV] rejected .");
  ev = extractor_->Extract(second->facts, &ctx);
  for (const Event& e : ev) {
    EXPECT_FALSE(e.target && e.target->code.empty()) << Describe(ev);
  }
}

TEST_F(UnresolvedTest, NamedAgentReplacesTheSubjectOfAnotherClause) {
  // Without the phrase the second clause inherits the first clause's subject.
  auto b = WithNouns(
      "[Iran|IRNGOV] welcomed the plan , but Jurisdiction for Peace condemned "
      "[Armenia|ARMGOV] .",
      {"plan", "jurisdiction", "peace"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  bool found = false;
  for (const Event& e : ev) {
    if (e.cameo.rfind("11", 0) != 0) continue;
    found = true;
    ASSERT_TRUE(e.source.has_value());
    EXPECT_EQ(e.source->text, "Jurisdiction for Peace") << Describe(ev);
    EXPECT_TRUE(e.source->code.empty());
    ASSERT_TRUE(e.target.has_value());
    EXPECT_EQ(e.target->code, "ARMGOV");
  }
  EXPECT_TRUE(found) << Describe(ev);
}

TEST_F(UnresolvedTest, LowerCaseSubjectPhraseIsNotAnAgent) {
  // "the committee" may name anybody's committee: the inherited subject stays.
  auto b = WithNouns(
      "[Iran|IRNGOV] welcomed the plan , but the committee condemned "
      "[Armenia|ARMGOV] .",
      {"plan", "committee"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  bool found = false;
  for (const Event& e : ev) {
    if (e.cameo.rfind("11", 0) != 0) continue;
    found = true;
    ASSERT_TRUE(e.source.has_value());
    EXPECT_EQ(e.source->code, "IRNGOV") << Describe(ev);
  }
  EXPECT_TRUE(found) << Describe(ev);
}

TEST_F(UnresolvedTest, NoEventFromAnUnresolvedSourceAlone) {
  // Neither actor coded: no event, whether the subject is named or a person noun.
  for (const char* markup : {"Jurisdiction for Peace condemned the suicide attack .",
                             "The watchdog criticized the senator ."}) {
    auto b = WithNouns(markup,
                       {"jurisdiction", "peace", "suicide", "attack", "watchdog", "senator"});
    EXPECT_TRUE(extractor_->Extract(b->facts).empty()) << markup;
  }
}

TEST_F(UnresolvedTest, PersonOrGroupSubjectIsAnUnresolvedSource) {
  // No rule finds a source actor; the subject's head is a person or group noun (`agent_noun`),
  // and the target is coded.
  for (const auto& [markup, subject] :
       std::initializer_list<std::pair<const char*, const char*>>{
           {"The senator criticized [France|FRA] .", "The senator"},
           {"Human rights groups condemned [Turkey|TUR] .", "Human rights groups"},
           {"The watchdog sharply criticized [Turkey|TURGOV] .", "The watchdog"},
           // A possessor inside the phrase: the whole phrase, not just its head.
           {"The Senate President 's aide criticized [Turkey|TUR] .",
            "The Senate President 's aide"}}) {
    auto b = WithNouns(markup, {"senator", "human", "rights", "groups", "watchdog", "aide"});
    for (Token& t : b->sentence.tokens) {
      if (t.norm == "groups") t.lemma = "group";  // as WordNet's lemma
    }
    std::vector<Event> ev = extractor_->Extract(b->facts);
    ASSERT_EQ(ev.size(), 1u) << markup << Describe(ev);
    ASSERT_TRUE(Unresolved(ev[0].source)) << markup << Describe(ev);
    EXPECT_EQ(ev[0].source->text, subject);
    EXPECT_EQ(Span(*b, *ev[0].source), subject);
    EXPECT_NE(ev[0].rule.find("[source: unresolved subject]"), std::string::npos) << ev[0].rule;
    ASSERT_TRUE(ev[0].target.has_value());
    EXPECT_FALSE(ev[0].target->code.empty());
    // The event's span reaches back to the phrase.
    EXPECT_EQ(ev[0].span_begin, ev[0].source->begin);
    // Everything that works on codes sees an event with no source.
    EXPECT_FALSE(CodedActorsOnly(ev[0]).source.has_value());
  }
}

TEST_F(UnresolvedTest, NamedSubjectIsAnUnresolvedSource) {
  auto b = WithNouns("The Heads of State condemned [Israel|ISR] .", {"heads", "state"});
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(Unresolved(ev[0].source)) << Describe(ev);
  EXPECT_EQ(ev[0].source->text, "The Heads of State");
}

TEST_F(UnresolvedTest, DemonymBeforeAPersonNounGivesTheCountry) {
  // The actor stage reads "French" before a singular noun as a modifier, not a party; before a
  // person noun opening the clause it says whose the doer is.
  for (const auto& [markup, agent] : std::initializer_list<std::pair<const char*, bool>>{
           {"A [French|FRA] lawyer condemned [Germany|DEU] .", true},
           {"A [French|FRA] document condemned [Germany|DEU] .", false}}) {
    auto b = WithNouns(markup, {"lawyer", "document"});
    for (ActorMention& m : b->facts.actors) {
      if (m.actor.code == "FRA") m.rule = "demonym:countries.txt:1";
    }
    std::vector<Event> ev = extractor_->Extract(b->facts);
    if (!agent) {
      // A document is no person or group.
      for (const Event& e : ev) {
        EXPECT_EQ(e.rule.find("demonym of the agent"), std::string::npos) << e.rule;
      }
      continue;
    }
    ASSERT_EQ(ev.size(), 1u) << markup << Describe(ev);
    ASSERT_TRUE(ev[0].source.has_value());
    EXPECT_EQ(ev[0].source->code, "FRA") << Describe(ev);
    EXPECT_NE(ev[0].rule.find("[source: demonym of the agent]"), std::string::npos) << ev[0].rule;
  }
}

TEST_F(UnresolvedTest, NoAgentFromAbstractNumberedOrPronounSubjects) {
  // "the report" is no person or group; "116 people" is a count; "it" a pronoun.
  for (const char* markup : {"The report criticized [Turkey|TUR] .",
                             "The decision angered [Turkey|TUR] .",
                             "116 people criticized [Turkey|TUR] .",
                             "It criticized [Turkey|TUR] ."}) {
    auto b = WithNouns(markup, {"report", "decision", "people"});
    for (const Event& e : extractor_->Extract(b->facts)) {
      EXPECT_FALSE(Unresolved(e.source)) << markup << " " << e.rule;
    }
  }
}

}  // namespace
}  // namespace dragoman
