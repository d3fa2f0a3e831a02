// The coder's document-level date rules (paragraph date, occasion date) and the error classes
// fixed for accuracy (targets of gratitude and of denunciations), on invented articles.
#include "coder/coder.h"

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

namespace dragoman {
namespace {

const Coder& TheCoder() {
  static const Coder* coder = [] {
    auto c = Coder::Create(CoderConfig{DRAGOMAN_SOURCE_DATA_DIR});
    if (!c.ok()) {
      fprintf(stderr, "Coder: %s\n", c.status().message().c_str());
      abort();  // test-only: nothing can run without it
    }
    return std::move(c).value().release();
  }();
  return *coder;
}

std::vector<Event> CodeText(const std::string& text, const std::string& date) {
  Document doc;
  doc.id = "test.txt";
  doc.text = text;
  doc.date = PartialDate::Parse(date);
  doc.date_source = DateSource::kFlag;
  return TheCoder().Code(doc).events;
}

// The first event whose CAMEO code starts with `prefix`, or null.
const Event* Find(const std::vector<Event>& events, const std::string& prefix) {
  for (const Event& e : events) {
    if (e.cameo.compare(0, prefix.size(), prefix) == 0) return &e;
  }
  return nullptr;
}

TEST(CoderDates, OccasionDateFromTheLead) {
  const std::string text =
      "Kazakhstan and Mongolia discuss transit\n\n"
      "Kazakhstan and Mongolia held talks in Astana on June 2, 2024.\n\n"
      "Kazakhstan condemned Mongolia over the closure of a border crossing.\n";
  auto events = CodeText(text, "2024-06-05");
  const Event* e = Find(events, "11");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->date, "2024-06-02");
  EXPECT_EQ(e->date_source, "occasion");
}

TEST(CoderDates, NoOccasionLongBeforeTheDocumentDate) {
  // The lead's date is a month before publication: background, not the occasion reported.
  const std::string text =
      "Kazakhstan and Mongolia held talks in Astana on May 2, 2024.\n\n"
      "Kazakhstan condemned Mongolia over the closure of a border crossing.\n";
  auto events = CodeText(text, "2024-06-05");
  const Event* e = Find(events, "11");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->date, "2024-06-05");
  EXPECT_EQ(e->date_source, "document");
}

TEST(CoderDates, ParagraphDateBeforeOccasionDate) {
  const std::string text =
      "Kazakhstan and Mongolia held talks in Astana on June 2, 2024.\n\n"
      "In May, the two countries quarrelled. Kazakhstan condemned Mongolia over the closure of a "
      "border crossing.\n";
  auto events = CodeText(text, "2024-06-05");
  const Event* e = Find(events, "11");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->date, "2024-05");
  EXPECT_EQ(e->date_source, "paragraph");
}

TEST(CoderDates, TwoDatesInTheLeadGiveNoOccasion) {
  const std::string text =
      "Kazakhstan and Mongolia held talks on June 2, 2024, and signed a deal on June 3, 2024.\n\n"
      "Kazakhstan condemned Mongolia over the closure of a border crossing.\n";
  auto events = CodeText(text, "2024-06-05");
  const Event* e = Find(events, "11");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->date, "2024-06-05");
}

// Gratitude for help names the helper after "by"/"from", however far the help's own object
// runs ("the support of our position on this issue by X").
TEST(CoderTargets, GratitudeForHelpTargetsTheHelper) {
  auto events = CodeText(
      "Peru appreciates the support of its position on the fishing dispute by the Chilean "
      "government.\n",
      "2024-06-05");
  const Event* e = Find(events, "051");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source.has_value());
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->source->country, "PER");
  EXPECT_EQ(e->target->country, "CHL");
}

// A denunciation of "it" (the incident) is aimed at the article's counterpart.
TEST(CoderTargets, DenunciationWithoutTargetTakesTheCounterpart) {
  auto events = CodeText(
      "Kazakhstan and Mongolia held talks in Astana on June 2, 2024.\n\n"
      "Mongolian officials attributed the blast to an accident, while Astana denounced it as "
      "sabotage.\n",
      "2024-06-05");
  int accusations = 0;
  for (const Event& e : events) {
    if (e.cameo != "111") continue;
    ++accusations;
    ASSERT_TRUE(e.source.has_value());
    ASSERT_TRUE(e.target.has_value());
    EXPECT_EQ(e.source->country, "KAZ");
    EXPECT_EQ(e.target->country, "MNG");
  }
  EXPECT_EQ(accusations, 1);
}

// "It was made by X at the meeting with Y": the passive's agent is the one who met Y.
TEST(CoderTargets, PassiveAgentBeforeAMeetingPhraseIsItsSource) {
  auto events = CodeText(
      "The offer was made by Chilean Foreign Minister Ana Rojas at the last meeting with the "
      "Peruvian foreign minister.\n",
      "2024-06-05");
  const Event* e = Find(events, "04");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source.has_value());
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->source->country, "CHL");
  EXPECT_EQ(e->target->country, "PER");
}

// "..., leading X to demand ...": the causative verb's object is the demand's source; a demanded
// apology without a target is owed by the counterpart.
TEST(CoderTargets, CausativeObjectIsTheInfinitiveSubject) {
  auto events = CodeText(
      "Peru and Chile held talks in Lima on June 2, 2024.\n\n"
      "The remarks angered Lima, leading the Peruvian president to demand a formal apology.\n",
      "2024-06-05");
  const Event* e = Find(events, "104");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source.has_value());
  EXPECT_EQ(e->source->country, "PER");
  // An apology is owed by the other side: the counterpart.
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->target->country, "CHL");
}

// "X said that an agreement was reached": a mutual act in the agentless passive, reported by
// one party, is that party's act toward the counterpart; unreported, it has no source.
TEST(CoderTargets, AgentlessMutualActTakesTheSpeaker) {
  auto events = CodeText(
      "Peru and Chile held talks in Lima on June 2, 2024.\n\n"
      "The Peruvian minister said that an agreement was reached about fishing quotas.\n",
      "2024-06-05");
  const Event* e = Find(events, "03");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source.has_value());
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->source->country, "PER");
  EXPECT_EQ(e->target->country, "CHL");

  auto unreported = CodeText(
      "Peru and Chile held talks in Lima on June 2, 2024.\n\n"
      "An agreement was reached about fishing quotas.\n",
      "2024-06-05");
  EXPECT_EQ(Find(unreported, "03"), nullptr);
}

// `about` targets include the coordinated actors: one event per country pair.
TEST(CoderTargets, AboutTargetsTheCoordinatedActorsToo) {
  auto events = CodeText(
      "Peru warned about the rising clout of its rivals, notably Chile and Bolivia, in the "
      "Andes.\n",
      "2024-06-05");
  std::set<std::string> targets;
  for (const Event& e : events) {
    if (e.cameo.compare(0, 2, "11") != 0 || !e.source || !e.target) continue;
    EXPECT_EQ(e.source->country, "PER");
    targets.insert(e.target->country);
  }
  EXPECT_EQ(targets, (std::set<std::string>{"BOL", "CHL"}));
}

// Arranging meetings for another country's people is cooperation with that country.
TEST(CoderTargets, FacilitatingMeetingsIsCooperation) {
  auto events = CodeText(
      "Last year, Peruvian authorities facilitated 12 consular visits between Chilean diplomats "
      "and Chilean detainees.\n",
      "2024-06-05");
  const Event* e = Find(events, "06");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source.has_value());
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->source->country, "PER");
  EXPECT_EQ(e->target->country, "CHL");
}

// A comma list of countries is a coordination, not an apposition: one event per country.
TEST(CoderTargets, CommaListOfCountriesGivesOneEventEach) {
  auto events = CodeText(
      "Peru imposed sanctions on Chile, Bolivia, Ecuador and Brazil on Monday.\n", "2024-06-05");
  std::set<std::string> targets;
  for (const Event& e : events) {
    if (!e.source || !e.target) continue;
    EXPECT_EQ(e.source->country, "PER");
    targets.insert(e.target->country);
  }
  EXPECT_EQ(targets, (std::set<std::string>{"BOL", "BRA", "CHL", "ECU"}));
}

// "X said that it will ...": "it" heading the reported clause is the speaker; a trigger far
// from it has its own subject or none.
TEST(CoderTargets, ReportedItIsTheSpeaker) {
  auto events =
      CodeText("Peru announced that it will withdraw its troops from Chile.\n", "2024-06-05");
  const Event* e = Find(events, "0356");  // an intended withdrawal
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source.has_value());
  EXPECT_EQ(e->source->country, "PER");
}

// An unnamed group "under/for/from" an actor, right before the verb, acts for that actor.
TEST(CoderTargets, GroupUnderAnActorActsForIt) {
  auto events = CodeText(
      "Human rights activists working under the Peruvian ombudsman visited Chilean prisoners.\n",
      "2024-06-05");
  const Event* e = Find(events, "042");
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source.has_value());
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->source->country, "PER");
  EXPECT_EQ(e->target->country, "CHL");
}

}  // namespace
}  // namespace dragoman

namespace dragoman {
namespace {

// Issue 12 row 10: a document over a megabyte is analysed a chunk at a time. Every chunk must code
// exactly as the same paragraphs do alone: same events, spans shifted by the chunk's offset,
// sentence and paragraph numbers continuing, and the text of each event at its span.
TEST(CoderChunks, Issue12Row10LongDocumentCodesLikeItsParagraphs) {
  const std::string para =
      "The foreign minister of Azerbaijan met the ambassador of Iran in Baku on Monday.\n\n"
      "The weather stayed mild and the harbour reopened after repairs.\n\n";
  std::string text;
  while (text.size() < (5u << 19)) text += para;  // 2.5 MiB: three chunks
  Document one;
  one.id = "one.txt";
  one.text = para;
  Document big;
  big.id = "big.txt";
  big.text = text;
  const CodedDocument a = TheCoder().Code(one);
  const CodedDocument b = TheCoder().Code(big);
  const size_t copies = text.size() / para.size();
  ASSERT_FALSE(a.events.empty());
  ASSERT_EQ(b.events.size(), a.events.size() * copies);
  ASSERT_EQ(b.sentences.size(), a.sentences.size() * copies);
  for (size_t i = 0; i < b.sentences.size(); ++i) {
    const CodedSentence& s = b.sentences[i];
    const CodedSentence& t = a.sentences[i % a.sentences.size()];
    const uint32_t shift = static_cast<uint32_t>((i / a.sentences.size()) * para.size());
    ASSERT_EQ(s.index, static_cast<int>(i));
    ASSERT_EQ(s.begin, t.begin + shift) << i;
    ASSERT_EQ(s.end, t.end + shift) << i;
    ASSERT_EQ(s.paragraph, t.paragraph + static_cast<int>((i / a.sentences.size()) * 2)) << i;
  }
  for (size_t i = 0; i < b.events.size(); ++i) {
    const Event& e = b.events[i];
    const Event& f = a.events[i % a.events.size()];
    const uint32_t shift = static_cast<uint32_t>((i / a.events.size()) * para.size());
    ASSERT_EQ(e.cameo, f.cameo);
    ASSERT_EQ(e.span_begin, f.span_begin + shift) << i;
    ASSERT_EQ(e.span_end, f.span_end + shift) << i;
    ASSERT_EQ(e.text, f.text);
  }
  // Over the events limit, coding stops early: more than the limit, far fewer than all.
  const CodedDocument c = TheCoder().Code(big, 10);
  EXPECT_GT(c.events.size(), 10u);
  EXPECT_LT(c.events.size(), 20u);
}

}  // namespace
}  // namespace dragoman
