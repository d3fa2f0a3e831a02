#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "base/file.h"
#include "tabari/coder.h"
#include "tabari/dictionary.h"
#include "tabari/suite.h"

namespace dragoman::tabari {
namespace {

// Dictionaries written for these tests: invented places and verbs.
constexpr char kActors[] = R"(<NOUN>
PEBBLES
BOULDERS
</NOUN>
<ADJECTIVE>
GRIM
BOLD
</ADJECTIVE>
QUARNIA  [QRN]
VELMORA_  [VLM] ; exact word only
ZANTH  [ZN1 <850101] [ZN2]
HIGH_COUNCIL_OF_ORB  [ORB]
TOLLAND
+TOLL_ISLES
	[TLD]
DUSKMOOR  [###]
FOGWALL  [+++]
NOBODY  [---]
BRAMBLE  [BR1/BR2]
FEN_HOLLOW  [FNH]
IRON-GATE  [IRG]
WARDEN GREYFELL  [WGF]
)";

constexpr char kAgents[] = R"(GENERAL_  [~MIL]
ENVOY_  [~GOV]
HARBOR_UNION_  [LAB~]
)";

constexpr char kVerbs[] = R"(<SYNSETS>
&GOODS
+GRAIN
+SALT_FISH
</SYNSETS>
SCOLD  [121]
- * FOR &GOODS  [131]
- $ HELPED + *  [044]
- * WITH SHARP~_WORDS  [125]
PRAISE  [041]
{ LAUDED_ }
GREET  [031:032]
MEET  [---]
- % * AGAIN  [035]
SAID  [023?]
CONFER  [+++]
HOST  [042!]
FEAST  [050]
- * AT ^ ^ +  [051]
BLAME_AND_SHAME  [122]
TAX  [070]
- * &GOODS_LEVY  [071]
CHALLENGE  [110]
- * STAND { BY THE GATE | UNTIL THE LAST LIGHT FADES }  [111]
- * STANDOFF BY THE WALL  [112]
JOUST  [###]
HOIST BANNER  [180]
)";

Dictionaries Load() {
  Dictionaries d;
  EXPECT_TRUE(d.LoadActors(kActors, "t.actors").ok());
  EXPECT_TRUE(d.LoadAgents(kAgents, "t.agents").ok());
  Status s = d.LoadVerbs(kVerbs, "t.verbs");
  EXPECT_TRUE(s.ok()) << s.message();
  d.Finish();
  return d;
}

// The dictionaries' options, without TABARI's default minimum of 5 words (the test sentences
// are short).
Options TestOptions(const Dictionaries& d) {
  Options o = d.options;
  o.minimum_words = 0;
  return o;
}

std::string Events(const Dictionaries& d, std::string_view text, const Options& o,
                   int32_t date = 19950101) {
  TabariCoder coder(d);
  CodeResult r;
  coder.Code(text, date, o, &r);
  switch (r.outcome) {
    case CodeResult::Outcome::kDiscard:
      return "###";
    case CodeResult::Outcome::kComplex:
      return "+++";
    default:
      break;
  }
  std::string s;
  for (const auto& e : r.events) s += e.source + "/" + e.target + "/" + e.code + " ";
  return s;
}

std::string Events(const Dictionaries& d, std::string_view text, int32_t date = 19950101) {
  return Events(d, text, TestOptions(d), date);
}

TEST(Loaders, ActorsWithSynonymsDatesAndCompounds) {
  Dictionaries d = Load();
  ASSERT_EQ(d.actors.size(), 13u);
  EXPECT_EQ(d.nouns.size(), 2u);
  const ActorEntry* zanth = nullptr;
  for (const auto& a : d.actors)
    if (a.phrase.words[0].text == "ZANTH") zanth = &a;
  ASSERT_NE(zanth, nullptr);
  EXPECT_EQ(d.ActorCode(*zanth, 19840101)->code, "ZN1");
  EXPECT_EQ(d.ActorCode(*zanth, 19900101)->code, "ZN2");
  EXPECT_EQ(Events(d, "Bramble scolded Quarnia."), "BR1/QRN/121 BR2/QRN/121 ");
}

TEST(Loaders, ErrorsNameFileAndLine) {
  Dictionaries d;
  Status s = d.LoadActors("QUARNIA [QRN]\nORPHAN\n\nBAD [QRN 991301]\n", "x.actors");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kBadData);
  EXPECT_EQ(s.message().rfind("x.actors:2:", 0), 0u) << s.message();

  s = d.LoadActors("BAD [QRN 991301]\n", "y.actors");
  EXPECT_EQ(s.message().rfind("y.actors:1:", 0), 0u) << s.message();

  s = d.LoadAgents("ENVOY_ [GOV]\n", "z.agents");
  EXPECT_EQ(s.message().rfind("z.agents:1:", 0), 0u) << s.message();

  Dictionaries v;
  s = v.LoadVerbs("SCOLD [121]\n- FOR &NOSUCH * [131]\n", "v.verbs");
  EXPECT_EQ(s.message(), "v.verbs:2: unknown synonym set &NOSUCH");
  s = v.LoadVerbs("SCOLD [121]\n- FOR GRAIN [131]\n", "w.verbs");
  EXPECT_EQ(s.message().rfind("w.verbs:2:", 0), 0u) << s.message();
  s = v.LoadVerbs("<SYNSETS>\n&GRAIN\n+WHEAT\n+&GRAIN\n</SYNSETS>\n", "s.verbs");
  EXPECT_EQ(s.message(), "s.verbs:4: synonym set &GRAIN names itself");
  s = v.LoadVerbs("- * FOR [131]\n", "u.verbs");
  EXPECT_EQ(s.message().rfind("u.verbs:1:", 0), 0u) << s.message();
}

TEST(Loaders, OptionsCommands) {
  Options o;
  EXPECT_TRUE(o.Apply("COMPLEX: VERBS[3] CONJ[2] NOACTPRIOR").ok());
  EXPECT_EQ(o.complex_verbs, 3);
  EXPECT_EQ(o.complex_conj, 2);
  EXPECT_TRUE(o.noactprior);
  EXPECT_TRUE(o.Apply("SET: TIME SHIFT = FALSE").ok());
  EXPECT_FALSE(o.time_shift);
  EXPECT_FALSE(o.Apply("SET: TIME SHIFT = MAYBE").ok());
  EXPECT_TRUE(o.Apply("DEFAULT: SOURCE [AAA] PRIOR TARGET [BBB] AFTER").ok());
  EXPECT_EQ(o.default_source, "AAA");
  EXPECT_EQ(o.default_target, "BBB");
  EXPECT_TRUE(o.default_source_prior);
  EXPECT_TRUE(o.Apply("DEFAULT: OFF").ok());
  EXPECT_TRUE(o.default_source.empty());
  EXPECT_TRUE(o.Apply("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8").ok());
  EXPECT_EQ(o.comma_emin, 3);
  EXPECT_EQ(o.comma_bmax, 8);
}

TEST(Coder, SimpleEventAndStems) {
  Dictionaries d = Load();
  EXPECT_EQ(Events(d, "Quarnia praised Velmora on Monday."), "QRN/VLM/041 ");
  // VELMORA_ is exact: "Velmoran" is not the actor.
  EXPECT_EQ(Events(d, "Quarnia praised Velmoran traders."), "");
  // Irregular form from "{ }".
  EXPECT_EQ(Events(d, "Quarnia lauded Velmora."), "QRN/VLM/041 ");
  // Synonym block.
  EXPECT_EQ(Events(d, "The Toll Isles praised Quarnia."), "TLD/QRN/041 ");
  // A comma with no blank after it still separates the words.
  EXPECT_EQ(Events(d, "Velmora,Quarnia and the Toll Isles praised Zanth."),
            "VLM/ZN2/041 QRN/ZN2/041 TLD/ZN2/041 ");
  // A middle comma aside is dropped; the segment after it is then no final aside.
  EXPECT_EQ(Events(d, "Quarnia, in remarks on Monday, praised Velmora."), "QRN/VLM/041 ");
  // "and" between two listed adjectives ends no clause, and a possessive actor qualifies
  // the phrase after it rather than joining it in a compound.
  EXPECT_EQ(Events(d, "Quarnia's grim and bold envoy Zanth praised Velmora."), "QRN/VLM/041 ");
  // A hyphenated word matches a '_'-joined phrase part by part, and a dictionary word that
  // holds the hyphen matches it whole.
  EXPECT_EQ(Events(d, "Quarnia praised the Fen-Hollow elders."), "QRN/FNH/041 ");
  EXPECT_EQ(Events(d, "Quarnia praised Iron-Gate."), "QRN/IRG/041 ");
  EXPECT_EQ(Events(d, "Quarnia praised Fen-Valley."), "");
  // A blank in a verb phrase lets other words intervene, as in an actor phrase.
  EXPECT_EQ(Events(d, "Quarnia hoisted its old banner over Velmora."), "QRN/VLM/180 ");
  // A verb phrase holding a conjunction is one verb, not two clauses.
  EXPECT_EQ(Events(d, "Quarnia blamed and shamed Velmora."), "QRN/VLM/122 ");
  // "and" inside a noun phrase of the <NOUN>/<ADJECTIVE> lists ends no clause either, so the
  // verb's target lies beyond it; before a word of neither list it ends the clause.
  EXPECT_EQ(Events(d, "Quarnia praised pebbles and grim bold boulders from Velmora."),
            "QRN/VLM/041 ");
  EXPECT_EQ(Events(d, "Quarnia praised pebbles and grim traders from Velmora."), "");
}

TEST(Coder, PatternsSynsetsAndMarkers) {
  Dictionaries d = Load();
  EXPECT_EQ(Events(d, "Quarnia scolded Velmora for salt fish imports."), "QRN/VLM/131 ");
  EXPECT_EQ(Events(d, "Quarnia scolded Velmora for grain."), "QRN/VLM/131 ");
  // "$ HELPED + *": source and target taken from the pattern positions.
  EXPECT_EQ(Events(d, "Officials said Velmora helped Quarnia scold nobody."), "VLM/QRN/044 ");
  // "%": a compound actor meets itself.
  EXPECT_EQ(Events(d, "Quarnia and Velmora will meet again."), "QRN/VLM/035 VLM/QRN/035 ");
  // A null-coded verb without a matching pattern codes nothing.
  EXPECT_EQ(Events(d, "Quarnia will meet Velmora."), "");
  // "SHARP~_WORDS": '~' keeps SHARP a stem (SHARPEST) while '_' keeps WORDS next to it.
  EXPECT_EQ(Events(d, "Quarnia scolded Velmora with sharpest words."), "QRN/VLM/125 ");
  EXPECT_EQ(Events(d, "Quarnia scolded Velmora with sharp angry words."), "QRN/VLM/121 ");
  // "[042!]" is dominant: once coded, the sentence reports only its events.
  EXPECT_EQ(Events(d, "Quarnia praised Velmora and hosted the Toll Isles."), "QRN/TLD/042 ");
  EXPECT_EQ(Events(d, "Quarnia praised Velmora and scolded the Toll Isles."),
            "QRN/VLM/041 QRN/TLD/121 ");
  // Floating '^' skips actors: the two skipped are Velmora and Bramble, not the word "with".
  EXPECT_EQ(Events(d, "Quarnia feasted at Velmora with the chiefs of Bramble in the Toll Isles."),
            "QRN/TLD/051 ");
  // Alternatives are ranked one by one: "STAND BY THE GATE" is shorter than the fixed
  // "STANDOFF BY THE WALL", which is tried first.
  EXPECT_EQ(Events(d, "Quarnia challenged Velmora to a standoff by the gate by the wall."),
            "QRN/VLM/112 ");
  EXPECT_EQ(Events(d, "Quarnia challenged Velmora to stand by the gate."), "QRN/VLM/111 ");
  // After a multi-word synset member (SALT_FISH) TABARI does not hold the next '_'; after a
  // one-word member (GRAIN) it does.
  EXPECT_EQ(Events(d, "Quarnia taxed Velmora salt fish with a heavy levy."), "QRN/VLM/071 ");
  EXPECT_EQ(Events(d, "Quarnia taxed Velmora grain with a heavy levy."), "QRN/VLM/070 ");
  EXPECT_EQ(Events(d, "Quarnia taxed Velmora grain levy."), "QRN/VLM/071 ");
}

TEST(Coder, PairedCompoundsAgentsAndDates) {
  Dictionaries d = Load();
  EXPECT_EQ(Events(d, "Quarnia greeted Velmora."), "QRN/VLM/031 VLM/QRN/032 ");
  EXPECT_EQ(Events(d, "Quarnia, Velmora and the Toll Isles praised Bramble."),
            "QRN/BR1/041 QRN/BR2/041 VLM/BR1/041 VLM/BR2/041 TLD/BR1/041 TLD/BR2/041 ");
  EXPECT_EQ(Events(d, "Quarnia's general praised the envoy of Velmora."), "QRNMIL/VLMGOV/041 ");
  EXPECT_EQ(Events(d, "Quarnia harbor union scolded Velmora."), "LABQRN/VLM/121 ");
  // "Former" before an agent, or before the actor an agent follows, codes the agent ELI.
  EXPECT_EQ(Events(d, "Former envoys of Quarnia praised Velmora."), "QRNELI/VLM/041 ");
  EXPECT_EQ(Events(d, "Quarnia former generals praised Velmora."), "QRNELI/VLM/041 ");
  EXPECT_EQ(Events(d, "Velmora praised former Quarnia harbor union."), "VLM/QRNELI/041 ");
  EXPECT_EQ(Events(d, "Zanth praised Quarnia.", 19840101), "ZN1/QRN/041 ");
  EXPECT_EQ(Events(d, "Zanth praised Quarnia.", 19990101), "ZN2/QRN/041 ");
}

TEST(Coder, DiscardComplexAndWeakVerbs) {
  Dictionaries d = Load();
  EXPECT_EQ(Events(d, "Quarnia praised Duskmoor."), "###");
  EXPECT_EQ(Events(d, "Quarnia will joust with Velmora."), "###");
  EXPECT_EQ(Events(d, "Quarnia praised Fogwall."), "+++");
  EXPECT_EQ(Events(d, "Quarnia will confer with Velmora."), "+++");
  // Control characters mark garbled text (a pasted table): the record is complex. Tabs and
  // line breaks are ordinary blanks.
  EXPECT_EQ(Events(d,
                   "Quarnia praised Velmora:\x1a\x1a"
                   "3\x1a\x1a"
                   "1"),
            "+++");
  EXPECT_EQ(Events(d, "Quarnia\tpraised\r\nVelmora."), "QRN/VLM/041 ");
  // SAID [023?] gives way to a stronger verb, and codes only when there is none.
  EXPECT_EQ(Events(d, "Quarnia said Velmora was fine."), "QRN/VLM/023 ");
  // Its target is another actor than the source: "its" standing for the source is passed
  // over; with no actor after it, the nearest one between the source and the verb (here the
  // source came from the previous clause's event).
  EXPECT_EQ(Events(d, "Quarnia said its harbor was open to Velmora."), "QRN/VLM/023 ");
  EXPECT_EQ(Events(d, "Quarnia praised Velmora and then said nothing."),
            "QRN/VLM/041 QRN/VLM/023 ");
}

TEST(Coder, MinimumWordsAndPassive) {
  Dictionaries d = Load();
  TabariCoder coder(d);
  CodeResult r;
  Options o = d.options;  // TABARI's default: records under 5 words are not coded
  coder.Code("Quarnia praised Velmora.", 19950101, o, &r);
  EXPECT_TRUE(r.events.empty());
  coder.Code("Quarnia praised Velmora on Monday.", 19950101, o, &r);
  EXPECT_EQ(r.events.size(), 1u);
  // Passive voice swaps the roles.
  EXPECT_EQ(Events(d, "Quarnia was scolded by Velmora."), "VLM/QRN/121 ");
}

TEST(Coder, ClauseSources) {
  Dictionaries d = Load();
  // A verb right before "and" followed by a word that is no verb, actor, article or listed
  // adjective is a noun coordinated with that word ("scolding and jeering drills"): the "and"
  // ends no clause, so the later verb keeps the sentence's subject as its source.
  EXPECT_EQ(Events(d,
                   "Quarnia held new scolding and jeering drills near Velmora while taxing "
                   "Bramble."),
            "QRN/BR1/070 QRN/BR2/070 ");
  // Before an actor the "and" still ends the clause.
  EXPECT_EQ(Events(d, "Quarnia scolded and Velmora praised Zanth."), "VLM/ZN2/041 ");
  // A clause without an actor before its verb takes the source of the previous clause's
  // event; when that clause coded nothing, the source is the first actor after the verb.
  EXPECT_EQ(Events(d, "Quarnia praised Velmora and scolded Zanth."), "QRN/VLM/041 QRN/ZN2/121 ");
  EXPECT_EQ(Events(d, "Quarnia wept and scolded Velmora over Zanth."), "VLM/ZN2/121 ");
}

TEST(Coder, CompoundsAndCommaAsides) {
  Dictionaries d = Load();
  // A compound whose first member's words were apart ("Warden ... Greyfell") still holds its
  // "and": the clause does not end there.
  EXPECT_EQ(Events(d, "The Warden of distant Greyfell and Velmora scolded Quarnia."),
            "WGF/QRN/121 VLM/QRN/121 ");
  // In an actor list a possessive actor joins the actor right after it; "and" between two
  // listed adjectives joins no actors.
  EXPECT_EQ(Events(d, "Quarnia praised Velmora and Zanth's Tolland on Monday."),
            "QRN/VLM/041 QRN/ZN2/041 QRN/TLD/041 ");
  EXPECT_EQ(Events(d, "Quarnia's grim and bold envoy Zanth praised Velmora."), "QRN/VLM/041 ");
  // A comma segment that is only an item of an actor list is no aside ...
  EXPECT_EQ(Events(d, "Quarnia, the grim Zanth, and Velmora praised Tolland."),
            "QRN/TLD/041 ZN2/TLD/041 VLM/TLD/041 ");
  // ... but an aside that ends in an actor list is dropped, even where its commas would also
  // join a compound.
  EXPECT_EQ(Events(d, "Quarnia praised Velmora, long allied with Zanth and Tolland, and Bramble."),
            "QRN/VLM/041 QRN/BR1/041 QRN/BR2/041 ");
}

TEST(Coder, PossessivePronounTargets) {
  Dictionaries d = Load();
  // "their" standing for a compound source is its target: the members act on each other;
  // "its" standing for the source is passed over for the next actor.
  EXPECT_EQ(Events(d, "Quarnia and Velmora praised their allies in Zanth."),
            "QRN/VLM/041 VLM/QRN/041 ");
  EXPECT_EQ(Events(d, "Quarnia and Velmora praised its allies in Zanth."),
            "QRN/ZN2/041 VLM/ZN2/041 ");
  EXPECT_EQ(Events(d, "Quarnia praised their allies in Zanth."), "QRN/ZN2/041 ");
}

TEST(Coder, ARecordIsOneSentence) {
  Dictionaries d = Load();
  Options o = TestOptions(d);
  // A full stop inside a record ends no sentence: the record is one clause here, and only its
  // first verb is coded.
  EXPECT_EQ(Events(d, "Quarnia praised Velmora on Monday. Zanth scolded Bramble.", o),
            "QRN/VLM/041 ");
  // The complexity limits count over the whole record: COMPLEX: CONJ[n] makes a record with n
  // conjunctions (outside compound actors) complex.
  o.complex_conj = 2;
  EXPECT_EQ(Events(d, "Quarnia praised Velmora and left. Zanth scolded Bramble or wept.", o),
            "+++");
  EXPECT_EQ(Events(d, "Quarnia and Velmora praised Zanth. Bramble scolded Tolland or wept.", o),
            "QRN/ZN2/041 VLM/ZN2/041 ");
  o.complex_conj = 3;
  EXPECT_EQ(Events(d, "Quarnia praised Velmora and left. Zanth scolded Bramble or wept.", o),
            "QRN/VLM/041 ZN2/BR1/121 ZN2/BR2/121 ");
  // COMPLEX: VERBS[n]: n verbs make the record complex, wherever its full stops fall.
  o = TestOptions(d);
  o.complex_verbs = 3;
  EXPECT_EQ(Events(d, "Quarnia praised Velmora. Zanth scolded Bramble. Tolland greeted Orb.", o),
            "+++");
}

TEST(Coder, NoLengthLimits) {
  Dictionaries d = Load();
  // One 20,000-character line and a 50,000-character story still code their events.
  std::string filler;
  while (filler.size() < 20000) filler += "pebbles ";
  std::string text = "Quarnia " + filler + "praised Velmora.";
  EXPECT_EQ(Events(d, text), "QRN/VLM/041 ");
  std::string story;
  while (story.size() < 50000) story += "Nothing happened here today. ";
  story += "Quarnia praised Velmora.";
  EXPECT_EQ(Events(d, story), "QRN/VLM/041 ");
}

TEST(Suite, ParsesRecordsExpectationsAndOptions) {
  constexpr char kText[] = R"(# comment
950101  FIRST-00
Never checked. /* {+++} */

950102  A-01
Quarnia praised
Velmora. /*\n note
\n{ QRN / VLM / 041 } 950102 */

950103  OPT-01
Switch something on. /* { OPTION: SET: TIME SHIFT = FALSE } */

950104  B-01
Quarnia praised Duskmoor. /* {###} */

950104  C-01
Anything at all. /* -{ QRN / VLM / 041 } */

950105  D-01
Quarnia praised Fogwall. /* {+++} { QRN / VLM / 041 } */

950105  E-01
Quarnia praised Velmora. /* {+++} { QRN / VLM / 041 } */
)";
  auto recs = ParseTabariText(kText, "t.text");
  ASSERT_TRUE(recs.ok()) << recs.status().message();
  ASSERT_EQ(recs->size(), 7u);
  EXPECT_FALSE((*recs)[0].checked);
  EXPECT_EQ((*recs)[1].id, "A-01");
  EXPECT_EQ((*recs)[1].date, 19950102);
  EXPECT_EQ((*recs)[1].text, "Quarnia praised Velmora.");
  ASSERT_EQ((*recs)[1].expected.size(), 1u);
  EXPECT_EQ((*recs)[1].expected[0].target, "VLM");
  EXPECT_FALSE((*recs)[2].checked);
  EXPECT_EQ((*recs)[2].option_commands.size(), 1u);
  EXPECT_EQ((*recs)[3].special, "###");
  EXPECT_FALSE((*recs)[4].checked);
  EXPECT_TRUE((*recs)[5].marks_complex);
  EXPECT_FALSE((*recs)[5].marks_none);
  EXPECT_EQ((*recs)[5].special_block, 0);

  Dictionaries d = Load();
  d.options.minimum_words = 0;
  std::ostringstream out;
  SuiteReport rep = RunSuite(d, d.options, *recs, out, false);
  // As in TABARI, a complex result passes when "+++" is anywhere among the blocks (D-01), but
  // events are compared block by block and match no "{+++}" (E-01).
  EXPECT_EQ(rep.passed, 3);
  EXPECT_EQ(rep.failed, 1);
  EXPECT_NE(out.str().find("FAIL E-01"), std::string::npos);
  EXPECT_EQ(out.str().find("FAIL D-01"), std::string::npos);

  auto bad = ParseTabariText("hello world\n", "bad.text");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().rfind("bad.text:1:", 0), 0u);
}

TEST(Suite, FailuresListExpectedAndCoded) {
  auto recs = ParseTabariText(
      "950101  X-00\nfirst\n\n950101  X-01\nQuarnia praised Velmora. "
      "/* { VLM / QRN / 041 } */\n",
      "t.text");
  ASSERT_TRUE(recs.ok());
  Dictionaries d = Load();
  d.options.minimum_words = 0;
  std::ostringstream out;
  SuiteReport rep = RunSuite(d, d.options, *recs, out, false);
  EXPECT_EQ(rep.failed, 1);
  EXPECT_NE(out.str().find("FAIL X-01"), std::string::npos);
  EXPECT_NE(out.str().find("QRN / VLM / 041"), std::string::npos);
  EXPECT_NE(out.str().find("0 passed, 1 failed\n"), std::string::npos);
}

// The community suite, read from ../shared/peers at run time.
TEST(PeerSuite, TabariValidateTextAndJsonlAgree) {
  std::string dir = std::string(DRAGOMAN_SHARED_DIR) + "/peers/tabari";
  if (!std::filesystem::exists(dir + "/Validate.project"))
    GTEST_SKIP() << "skipped: " << dir << " not found (../shared/peers is not beside the checkout)";
  auto ptext = ReadFile(dir + "/Validate.project");
  ASSERT_TRUE(ptext.ok());
  auto project = ParseProject(*ptext, dir + "/Validate.project");
  ASSERT_TRUE(project.ok()) << project.status().message();
  auto dict = LoadProjectDictionaries(*project);
  ASSERT_TRUE(dict.ok()) << dict.status().message();
  auto text = ReadFile(project->text_file);
  auto recs = ParseTabariText(*text, project->text_file);
  ASSERT_TRUE(recs.ok()) << recs.status().message();
  auto jtext = ReadFile(dir + "/tabari_validate.jsonl");
  auto jrecs = ParseSuiteJsonl(*jtext, "tabari_validate.jsonl");
  ASSERT_TRUE(jrecs.ok()) << jrecs.status().message();
  ASSERT_EQ(recs->size(), jrecs->size());
  int checked = 0;
  for (size_t i = 0; i < recs->size(); ++i) {
    const auto& a = (*recs)[i];
    const auto& b = (*jrecs)[i];
    EXPECT_EQ(a.checked, b.checked) << a.id;
    if (!a.checked) continue;
    ++checked;
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.date, b.date) << a.id;
    EXPECT_TRUE(a.expected == b.expected) << a.id;
    EXPECT_EQ(a.special, b.special) << a.id;
    EXPECT_EQ(a.marks_none, b.marks_none) << a.id;
    EXPECT_EQ(a.marks_discard, b.marks_discard) << a.id;
    EXPECT_EQ(a.marks_complex, b.marks_complex) << a.id;
    EXPECT_EQ(a.special_block, b.special_block) << a.id;
  }
  EXPECT_EQ(checked, 443);
  std::ostringstream o1, o2;
  SuiteReport r1 = RunSuite(*dict, dict->options, *recs, o1, false);
  SuiteReport r2 = RunSuite(*dict, dict->options, *jrecs, o2, false);
  EXPECT_EQ(r1.passed, r2.passed);
  EXPECT_EQ(r1.passed + r1.failed, 443);
  std::cout << "TABARI suite: " << r1.passed << " passed, " << r1.failed << " failed\n";
}

}  // namespace
}  // namespace dragoman::tabari
