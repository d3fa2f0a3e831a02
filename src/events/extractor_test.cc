// Tests of the event extractor on invented sentences that need more than a list of expected
// events (context across sentences, facts set by hand). The sentences are written in the markup
// of markup_test_util.h; cases that are a sentence and its events are text files under
// tests/events/ (extractor_cases_test.cc).
#include "events/extractor.h"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <string>

#include "events/markup_test_util.h"

namespace dragoman {
namespace {

using test_support::Build;
using test_support::Describe;

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { extractor_ = &test_support::ShippedExtractor(); }
  static const EventExtractor* extractor_;
};
const EventExtractor* ExtractorTest::extractor_ = nullptr;

TEST_F(ExtractorTest, SkipsHeadingsAndFurniture) {
  auto b = Build("[Azerbaijan|AZEGOV] condemned [Iran|IRNGOV] .");
  b->sentence.heading = true;
  EXPECT_TRUE(extractor_->Extract(b->facts).empty());
  b->sentence.heading = false;
  b->sentence.furniture = true;
  EXPECT_TRUE(extractor_->Extract(b->facts).empty());
}

TEST_F(ExtractorTest, FillsDatePlaceQuantitySpanAndText) {
  auto b = Build(
      "On <May 26|2025-05-26> , #5 national#[five Iranian nationals|IRNCVL] were pardoned by "
      "[the President of Azerbaijan|AZEGOV] in {Baku|AZE} .");
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  const Event& e = ev[0];
  EXPECT_EQ(e.cameo, "0841");
  EXPECT_EQ(e.plover, "RETREAT");
  EXPECT_EQ(e.date, "2025-05-26");
  EXPECT_EQ(e.date_source, "text");
  ASSERT_TRUE(e.location.has_value());
  EXPECT_EQ(e.location->country, "AZE");
  ASSERT_TRUE(e.quantity.has_value());
  EXPECT_EQ(e.quantity->value, 5);
  EXPECT_EQ(e.quantity->unit, "national");
  EXPECT_EQ(e.text, b->doc.text);
  std::string span = b->doc.text.substr(e.span_begin, e.span_end - e.span_begin);
  EXPECT_EQ(span, "five Iranian nationals were pardoned by the President of Azerbaijan");
  EXPECT_NE(e.rule.find("verbs.txt:"), std::string::npos);
  // The named argument rules that found the source and the target (argument_rules.cc).
  EXPECT_NE(e.rule.find("[source: by-agent]"), std::string::npos) << e.rule;
  EXPECT_NE(e.rule.find("[target: passive subject]"), std::string::npos) << e.rule;

  // Without a date in the sentence, the document date.
  auto c = Build("[Azerbaijan|AZEGOV] condemned [Iran|IRNGOV] .", "2021-10-04");
  ev = extractor_->Extract(c->facts);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date, "2021-10-04");
  EXPECT_EQ(ev[0].date_source, "document");
}

TEST_F(ExtractorTest, ReportedSpeechRecordsTheSpeaker) {
  auto b = Build("[Hajizadeh|AZEGOV] noted that [Azerbaijan|AZEGOV] condemned [Iran|IRNGOV] .");
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].source->code, "AZEGOV");
  EXPECT_EQ(ev[0].source->text, "Azerbaijan");
  ASSERT_TRUE(ev[0].speaker.has_value());
  EXPECT_EQ(ev[0].speaker->text, "Hajizadeh");

  auto q = Build("\" [We|AZEGOV] condemned [Iran|IRNGOV] , \" [Hajizadeh|AZEGOV] stressed .");
  ev = extractor_->Extract(q->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].source->text, "We");
  ASSERT_TRUE(ev[0].speaker.has_value());
  EXPECT_EQ(ev[0].speaker->text, "Hajizadeh");
}

TEST_F(ExtractorTest, PronounIsReportedAsItsAntecedent) {
  // "X said they released ...": the source is reported as the phrase naming the actor.
  auto b = Build(
      "[The Kenyan rebels|KENREB] said [they|KENREB:pronoun] released "
      "[two Ugandan soldiers|UGAMIL] .");
  std::vector<Event> ev = extractor_->Extract(b->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].source->code, "KENREB");
  EXPECT_EQ(ev[0].source->text, "The Kenyan rebels");
  ASSERT_TRUE(ev[0].target.has_value());
  EXPECT_EQ(ev[0].target->text, "two Ugandan soldiers");
  // Without an antecedent in the sentence the pronoun stays; so does one of another actor.
  auto c = Build("[They|KENREB:pronoun] released [two Ugandan soldiers|UGAMIL] .");
  ev = extractor_->Extract(c->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].source->text, "They");
  auto d = Build(
      "[Uganda|UGA] said [they|KENREB:pronoun] released [two Ugandan soldiers|UGAMIL] .");
  ev = extractor_->Extract(d->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].source->text, "they");
}

TEST_F(ExtractorTest, ContextSuppliesCounterparts) {
  EventContext ctx;
  auto first = Build("[Pezeshkian|IRNGOV] praised [Hajiyev|AZEGOV] .");
  std::vector<Event> ev = extractor_->Extract(first->facts, &ctx);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].cameo, "051");
  // "During a meeting in Tehran, X emphasized ..." -> 04x between X and the counterpart.
  auto second = Build("During a meeting in {Tehran|IRN} , [Pezeshkian|IRNGOV] emphasized ties .");
  ev = extractor_->Extract(second->facts, &ctx);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].source->code, "IRNGOV");
  ASSERT_TRUE(ev[0].target.has_value());
  EXPECT_EQ(ev[0].target->code, "AZEGOV");
  EXPECT_EQ(ev[0].cameo.substr(0, 2), "04");
  ASSERT_TRUE(ev[0].location.has_value());
  EXPECT_EQ(ev[0].location->country, "IRN");
  // A reactive verb without an object takes the counterpart too.
  auto third = Build("[Baku|AZEGOV] rejected the claims .");
  ev = extractor_->Extract(third->facts, &ctx);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  ASSERT_TRUE(ev[0].target.has_value());
  EXPECT_EQ(ev[0].target->code, "IRNGOV");
  EXPECT_NE(ev[0].rule.find("[source: subject] [target: counterpart from context]"),
            std::string::npos)
      << ev[0].rule;
}

TEST_F(ExtractorTest, OneEventPerPairAndRoot) {
  // "held talks with" and "talks with" state one consultation, not two.
  auto b = Build(
      "[Azerbaijan|AZEGOV] held talks with [Iran|IRNGOV] during a meeting with "
      "[Iran|IRNGOV] .");
  std::vector<Event> ev = extractor_->Extract(b->facts);
  EXPECT_EQ(ev.size(), 1u) << Describe(ev);
}

TEST_F(ExtractorTest, DuringAMeetingAlreadyCodedStatesNoSecondConsultation) {
  EventContext ctx;
  auto first = Build("[Pezeshkian|IRNGOV] received [Hajiyev|AZEGOV] in {Tehran|IRN} .");
  std::vector<Event> ev = extractor_->Extract(first->facts, &ctx);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].cameo, "043");
  // The same pair's meeting used as a time reference: only what was said there is coded.
  auto second = Build("During the meeting , [Hajiyev|AZEGOV] emphasized ties .");
  ev = extractor_->Extract(second->facts, &ctx);
  EXPECT_TRUE(ev.empty()) << Describe(ev);
  // A meeting with another country is new.
  auto third = Build("During a meeting with [Lavrov|RUSGOV] , [Hajiyev|AZEGOV] emphasized ties .");
  ev = extractor_->Extract(third->facts, &ctx);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].target ? ev[0].target->code : "", "RUSGOV");
}

// Background is not news: agentless passives that describe people, event nouns that refer back
// to an event told elsewhere, and questions state no event.
TEST_F(ExtractorTest, BackgroundStatesNoEvent) {
  const char* cases[] = {
      // Relative clause: the arrest describes the citizens.
      "[Russia|RUSGOV] criticized [citizens|ARMCVL] who were arrested in {Baku|AZE} .",
      // Reduced relative, with or without a place phrase after it.
      "[Iran|IRNGOV] ignored [nationals|AZECVL] imprisoned in {Tabriz|IRN} .",
      "[Iran|IRNGOV] ignored [nationals|AZECVL] imprisoned there .",
      // Still being held is a state; a participle after "of" qualifies a noun.
      "#41 soldier#[41 soldiers|ARMMIL] remain under arrest in {Baku|AZE} .",
      "[Baku|AZEGOV] signed a treaty on the transfer of sentenced persons in {Baku|AZE} .",
      // Event nouns after a preposition or a war adjective date something else.
      "[Hizbollah|LBNREB] declared a truce after 12 days of battles with [Amal|LBNREB] .",
      "[Bosnia|BIHGOV] declared a truce after fierce fighting with [Serbs|SRBREB] .",
      // A definite event noun without its own date or doer.
      "[Aliyev|AZEGOV] spoke about the attack on [the embassy|AZEGOV] in {Tehran|IRN} .",
  };
  for (const char* m : cases) {
    auto b = Build(m);
    std::vector<Event> ev = extractor_->Extract(b->facts);
    for (const Event& e : ev) {
      const int root = std::stoi(e.cameo.substr(0, 2));
      EXPECT_LT(root, 17) << m << "\n" << Describe(ev);  // no material conflict
    }
  }
  // The same noun with a date of its own is an event.
  auto dated = Build(
      "[Aliyev|AZEGOV] spoke about the attack on [the embassy|AZEGOV] in {Tehran|IRN} on "
      "<January 27|2023-01-27> .");
  std::vector<Event> ev = extractor_->Extract(dated->facts);
  bool attack = false;
  for (const Event& e : ev) attack |= e.cameo.rfind("18", 0) == 0;
  EXPECT_TRUE(attack) << Describe(ev);
  // A main-clause passive is an event even without its agent.
  auto main = Build("[Armenian citizens|ARMCVL] were arrested in {Baku|AZE} .");
  ev = extractor_->Extract(main->facts);
  ASSERT_EQ(ev.size(), 1u) << Describe(ev);
  EXPECT_EQ(ev[0].cameo, "173");
}

// The first event with CAMEO root `root`, or null.
const Event* WithRoot(const std::vector<Event>& events, const std::string& root) {
  for (const Event& e : events) {
    if (e.cameo.compare(0, root.size(), root) == 0) return &e;
  }
  return nullptr;
}

TEST_F(ExtractorTest, ImplicitCounterparts) {
  // 1. The meeting's other party.
  auto a = Build("During a meeting with [Uganda|UGAGOV] , [Kenya|KENGOV] thanked the plan .");
  std::vector<Event> ev = extractor_->Extract(a->facts);
  const Event* e = WithRoot(ev, "05");
  ASSERT_NE(e, nullptr) << Describe(ev);
  ASSERT_TRUE(e->target.has_value()) << Describe(ev);
  EXPECT_EQ(e->target->code, "UGAGOV");
  EXPECT_NE(e->rule.find("meeting's other party"), std::string::npos);

  // 2. "the two countries" names the source's country and the other.
  auto b = Build("[Kenya|KENGOV] thanked the ties between [the two countries|KEN+UGA] .");
  b->facts.actors[1].rule = "ref:plural-noun";  // as the resolver marks "the two countries"
  ev = extractor_->Extract(b->facts);
  e = WithRoot(ev, "05");
  ASSERT_NE(e, nullptr) << Describe(ev);
  ASSERT_TRUE(e->target.has_value()) << Describe(ev);
  EXPECT_EQ(e->target->code, "UGA");

  // 3. "bilateral": the counterpart from the document context.
  EventContext ctx;
  auto c1 = Build("[Kenya|KENGOV] met [Uganda|UGAGOV] .");
  extractor_->Extract(c1->facts, &ctx);
  auto c2 = Build("[Kenya|KENGOV] thanked bilateral trade .");
  ev = extractor_->Extract(c2->facts, &ctx);
  e = WithRoot(ev, "05");
  ASSERT_NE(e, nullptr) << Describe(ev);
  ASSERT_TRUE(e->target.has_value()) << Describe(ev);
  EXPECT_EQ(e->target->code, "UGAGOV");

  // Without a bilateral cue nothing is invented.
  auto d = Build("[Kenya|KENGOV] thanked the plan .");
  ev = extractor_->Extract(d->facts, &ctx);
  ASSERT_FALSE(ev.empty());
  EXPECT_FALSE(ev[0].target.has_value()) << Describe(ev);

  // 4. A cooperative act right after a meeting of the source's country: its other party.
  EventContext ctx2;
  auto g1 = Build("[Kenya|KENGOV] met [Uganda|UGAGOV] .");
  extractor_->Extract(g1->facts, &ctx2);
  auto g2 = Build("[We|KENGOV] agreed to cooperate .");
  ev = extractor_->Extract(g2->facts, &ctx2);
  e = WithRoot(ev, "03");
  ASSERT_NE(e, nullptr) << Describe(ev);
  ASSERT_TRUE(e->target.has_value()) << Describe(ev);
  EXPECT_EQ(e->target->code, "UGAGOV");

  // Coordinated sources of different countries: the pattern decides, no target is invented.
  auto f = Build("[Kenya|KENGOV] and [Uganda|UGAGOV] thanked bilateral trade .");
  ev = extractor_->Extract(f->facts, &ctx);
  for (const Event& x : ev) EXPECT_FALSE(x.target.has_value()) << Describe(ev);
}

TEST_F(ExtractorTest, AttributionIsNotTheEvent) {
  // A few words after the reporting verb still close the attribution: the speaker is recorded.
  auto a = Build(
      "[Vietnam|VNMMIL] condemned [Cambodia|KHMGOV] , [Thai sources|THAMIL] said "
      "<today|2025-01-01> .");
  std::vector<Event> ev = extractor_->Extract(a->facts);
  ASSERT_FALSE(ev.empty());
  ASSERT_TRUE(ev[0].speaker.has_value()) << Describe(ev);
  EXPECT_EQ(ev[0].speaker->code, "THAMIL");

  // The speakers' place is not the event's location.
  auto b = Build(
      "[Azerbaijan|AZEGOV] released [Armenian soldiers|ARMMIL] , officials in {Baku|AZE} and "
      "{Yerevan|ARM} said .");
  ev = extractor_->Extract(b->facts);
  ASSERT_FALSE(ev.empty());
  EXPECT_FALSE(ev[0].location.has_value()) << ev[0].location->name;

  // A passive that describes people infers no source from their place.
  auto d = Build(
      "[Russia|RUSGOV] criticized the treatment of [Iranian nationals|IRNCVL] detained in "
      "{Azerbaijan|AZE} .");
  ev = extractor_->Extract(d->facts);
  for (const Event& x : ev) EXPECT_NE(x.source->code, "AZEGOV") << Describe(ev);

  // A question infers no source from the place.
  auto c = Build("How many [Armenian citizens|ARMCVL] were arrested in {Karabakh|AZE} ?");
  ev = extractor_->Extract(c->facts);
  EXPECT_TRUE(ev.empty()) << Describe(ev);
}

TEST_F(ExtractorTest, DemonymModifyingANounIsNoSubject) {
  auto a = Build("Guerrillas near the eastern [Thai|THA] border condemned [Cambodia|KHMGOV] .");
  a->facts.actors[0].rule = "demonym:countries.txt:1";  // as the resolver marks a bare demonym
  std::vector<Event> ev = extractor_->Extract(a->facts);
  for (const Event& e : ev) EXPECT_NE(e.source->code, "THA") << Describe(ev);

  // Before a plural noun it names that country's people, who may act.
  auto b = Build("[Thai|THA] soldiers condemned [Cambodia|KHMGOV] .");
  b->facts.actors[0].rule = "demonym:countries.txt:1";
  ev = extractor_->Extract(b->facts);
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(ev[0].source->code, "THA");
}

TEST_F(ExtractorTest, CountedObjectIsNoLaterSubject) {
  // "detained up to 16 advisers and shelled villages": the advisers are the detention's object,
  // so the shelling's subject is still the rebels.
  auto b = Build(
      "[Afghan rebels|AFGREB] detained up to 16 [Russian advisers|RUSCVL] and shelled villages .");
  const auto& toks = b->sentence.tokens;
  QuantityMention q;
  for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
    if (toks[i].norm == "16") q.token_begin = i;
    if (toks[i].norm == "advisers") q.token_end = i + 1, q.noun = i;
  }
  q.value = 16;
  q.unit = "adviser";
  q.qualifier = "up to";
  b->facts.quantities.push_back(q);
  std::vector<Event> ev = extractor_->Extract(b->facts);
  const Event* shell = WithRoot(ev, "19");
  ASSERT_NE(shell, nullptr) << Describe(ev);
  EXPECT_EQ(shell->source->code, "AFGREB") << Describe(ev);
}

}  // namespace
}  // namespace dragoman
