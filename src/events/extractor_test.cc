// Table-driven tests of the event extractor on invented sentences.
//
// The sentences are hand-annotated so that these tests do not depend on the other stages: a
// small markup marks actor mentions "[text|CODE]" (CODE "AZE+IRN" gives a plural mention with
// members), places "{text|ISO}" (locative when preceded by in/at/near), dates "<text|YYYY-MM-DD>"
// and quantities "#N unit#" placed before the counted words. Tokens, norms and lemmas come from a
// deliberately simple tokenizer with a small lemma table (below).
#include "events/extractor.h"

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <string>

namespace dragoman {
namespace {

const std::map<std::string, std::string>& Lemmas() {
  static const auto* m = new std::map<std::string, std::string>{
      {"met", "meet"},
      {"meets", "meet"},
      {"meeting", "meet"},
      {"held", "hold"},
      {"talks", "talk"},
      {"discussed", "discuss"},
      {"pardoned", "pardon"},
      {"arrested", "arrest"},
      {"rejected", "reject"},
      {"dismissed", "dismiss"},
      {"claims", "claim"},
      {"allegations", "allegation"},
      {"accused", "accuse"},
      {"condemned", "condemn"},
      {"visited", "visit"},
      {"agreed", "agree"},
      {"said", "say"},
      {"noted", "note"},
      {"stressed", "stress"},
      {"were", "be"},
      {"was", "be"},
      {"is", "be"},
      {"are", "be"},
      {"has", "have"},
      {"countries", "country"},
      {"attacked", "attack"},
      {"released", "release"},
      {"plans", "plan"},
      {"complained", "complain"},
      {"threatened", "threaten"},
      {"urged", "urge"},
      {"praised", "praise"},
      {"thanked", "thank"},
      {"signed", "sign"},
      {"killed", "kill"},
      {"nationals", "national"},
      {"soldiers", "soldier"},
      {"protesters", "protester"},
      {"denied", "deny"},
      {"told", "tell"},
      {"imposed", "impose"},
      {"sanctions", "sanction"},
      {"expelled", "expel"},
      {"diplomats", "diplomat"},
      {"detained", "detain"},
      {"emphasized", "emphasize"},
      {"hopes", "hope"},
      {"deployed", "deploy"},
      {"troops", "troop"},
      {"shelled", "shell"},
      {"villages", "village"},
      {"demanded", "demand"},
      {"investigated", "investigate"},
      {"did", "do"},
      {"does", "do"},
      {"demonstrated", "demonstrate"},
      {"staged", "stage"},
      {"criticized", "criticize"},
      {"received", "receive"},
      {"emphasized", "emphasize"},
      {"imprisoned", "imprison"},
      {"ignored", "ignore"},
      {"spoke", "speak"},
      {"attacks", "attack"},
      {"halt", "halt"},
      {"disagrees", "disagree"},
      {"accepted", "accept"},
      {"allow", "allow"},
      {"opened", "open"},
      {"investigations", "investigation"},
      {"boycott", "boycott"},
      {"confirmed", "confirm"},
      {"tighten", "tighten"},
      {"warned", "warn"},
      {"cancelled", "cancel"},
      {"promised", "promise"},
      {"supports", "support"},
      {"halted", "halt"},
      {"extradited", "extradite"},
      {"detainees", "detainee"},
      {"blocked", "block"},
      {"roads", "road"},
      {"heard", "hear"},
      {"pressured", "pressure"},
      {"trained", "train"},
      {"hackers", "hacker"},
      {"sentenced", "sentence"},
      {"persons", "person"},
      {"battles", "battle"},
      {"fighting", "fight"},
      {"declared", "declare"},
      {"stated", "state"},
      {"carried", "carry"},
      {"strikes", "strike"},
      {"lifted", "lift"},
  };
  return *m;
}

struct Built {
  Document doc;
  Sentence sentence;
  SentenceFacts facts;
};

bool IsPunctChar(char c) {
  return std::string_view(".,;:?!()\"").find(c) != std::string_view::npos;
}

// Parses the markup into a document text, one sentence and its facts.
std::unique_ptr<Built> Build(std::string_view markup, std::string doc_date = "2025-01-01") {
  auto b = std::make_unique<Built>();
  struct Pending {
    char kind;
    int token_begin;
    std::string payload;
  };
  std::vector<Pending> open;
  std::string& text = b->doc.text;
  std::vector<Token>& toks = b->sentence.tokens;
  std::optional<QuantityMention> pending_q;
  auto add_token = [&](size_t begin, size_t end) {
    Token t;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    std::string w = text.substr(begin, end - begin);
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    t.norm = w;
    auto it = Lemmas().find(w);
    t.lemma = it != Lemmas().end() ? it->second : w;
    if (it != Lemmas().end()) t.flags |= Token::kVerbForm;
    if (std::isupper(static_cast<unsigned char>(text[begin]))) t.flags |= Token::kCapitalized;
    if (end - begin == 1 && IsPunctChar(text[begin])) t.flags |= Token::kPunct;
    if (std::isdigit(static_cast<unsigned char>(text[begin]))) t.flags |= Token::kNumber;
    toks.push_back(t);
  };
  size_t i = 0;
  while (i < markup.size()) {
    char c = markup[i];
    if (c == '[' || c == '{' || c == '<') {
      open.push_back({c, static_cast<int>(toks.size()), ""});
      ++i;
      continue;
    }
    if (c == '#') {
      size_t e = markup.find('#', i + 1);
      std::string q(markup.substr(i + 1, e - i - 1));
      size_t sp = q.find(' ');
      QuantityMention qm;
      qm.value = std::stod(q.substr(0, sp));
      qm.unit = q.substr(sp + 1);
      qm.token_begin = static_cast<int>(toks.size());
      pending_q = qm;
      i = e + 1;
      continue;
    }
    if (c == '|') {
      size_t e = markup.find_first_of("]}>", i);
      std::string payload(markup.substr(i + 1, e - i - 1));
      Pending p = open.back();
      open.pop_back();
      int tb = p.token_begin, te = static_cast<int>(toks.size());
      if (p.kind == '[') {
        ActorMention m;
        m.token_begin = tb;
        m.token_end = te;
        m.head = te - 1;
        auto ref = [&](const std::string& code) {
          ActorRef r;
          r.code = code;
          r.country = code.size() >= 3 && code.substr(0, 3) != "IGO" ? code.substr(0, 3) : "";
          r.sector = code.size() > 3 ? code.substr(3) : "";
          r.text = text.substr(toks[tb].begin, toks[te - 1].end - toks[tb].begin);
          r.begin = toks[tb].begin;
          r.end = toks[te - 1].end;
          return r;
        };
        size_t plus = payload.find('+');
        if (plus != std::string::npos) {
          m.members = {ref(payload.substr(0, plus)), ref(payload.substr(plus + 1))};
          m.actor = m.members[0];
        } else {
          m.actor = ref(payload);
        }
        b->facts.actors.push_back(m);
        if (pending_q && pending_q->token_begin >= tb) {
          pending_q->token_end = te;
          pending_q->noun = te - 1;
          b->facts.quantities.push_back(*pending_q);
          pending_q.reset();
        }
      } else if (p.kind == '{') {
        PlaceMention pm;
        pm.token_begin = tb;
        pm.token_end = te;
        pm.place.name = toks[tb].norm;
        pm.place.country = payload;
        pm.locative = tb > 0 && (toks[tb - 1].norm == "in" || toks[tb - 1].norm == "at" ||
                                 toks[tb - 1].norm == "near");
        b->facts.places.push_back(pm);
      } else {
        DateMention dm;
        dm.token_begin = tb;
        dm.token_end = te;
        dm.date = *PartialDate::Parse(payload);
        b->facts.dates.push_back(dm);
      }
      i = e + 1;
      continue;
    }
    if (c == ' ') {
      text += ' ';
      ++i;
      continue;
    }
    // A word or a punctuation mark.
    size_t start = text.size();
    if (IsPunctChar(c)) {
      text += c;
      ++i;
    } else if (c == '\'' && i + 1 < markup.size() && markup[i + 1] == 's') {
      text += "'s";
      i += 2;
    } else {
      while (i < markup.size() && !IsPunctChar(markup[i]) && markup[i] != ' ' &&
             std::string_view("[]{}<>|#").find(markup[i]) == std::string_view::npos &&
             !(markup[i] == '\'' && i + 1 < markup.size() && markup[i + 1] == 's')) {
        text += markup[i++];
      }
    }
    add_token(start, text.size());
  }
  b->sentence.begin = 0;
  b->sentence.end = static_cast<uint32_t>(text.size());
  b->doc.id = "test";
  b->doc.date = PartialDate::Parse(doc_date);
  b->facts.doc = &b->doc;
  b->facts.sentence = &b->sentence;
  return b;
}

class ExtractorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    EventConfig config;
    config.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto ex = EventExtractor::Create(config);
    ASSERT_TRUE(ex.ok()) << ex.status().message();
    extractor_ = std::move(ex).value().release();
  }
  static const EventExtractor* extractor_;
};
const EventExtractor* ExtractorTest::extractor_ = nullptr;

std::string Describe(const std::vector<Event>& events) {
  std::string s;
  for (const Event& e : events) {
    s += (e.source ? e.source->code : "-") + ">" + (e.target ? e.target->code : "-") + ":" +
         e.cameo + (e.negated ? "!neg" : "") + "(" + std::string(MoodName(e.mood)) + ") " + e.rule +
         "\n";
  }
  return s.empty() ? "(none)" : s;
}

struct Case {
  const char* markup;
  const char* source;  // expected source code of the first event, or nullptr for no events
  const char* target;  // "" for none
  const char* cameo_prefix;
  Mood mood = Mood::kAsserted;
  bool negated = false;
};

TEST_F(ExtractorTest, ClauseStructures) {
  const Case cases[] = {
      // Active voice with a direct object.
      {"[Azerbaijan|AZEGOV] condemned [Iran|IRNGOV] .", "AZEGOV", "IRNGOV", "111"},
      // Passive with a by-agent: the agent is the source, the subject the target.
      {"[Iranian nationals|IRNCVL] were pardoned by [the President of Azerbaijan|AZEGOV] .",
       "AZEGOV", "IRNCVL", "084"},
      // "meet with".
      {"[Bayramov|AZEGOV] met with [Araghchi|IRNGOV] in {Tehran|IRN} .", "AZEGOV", "IRNGOV", "04"},
      // Apposition between subject and verb: "X, the Y of Z," -> X.
      {"[Hajiyev|AZEGOV] , [the aide to the President|AZEGOV] of [Azerbaijan|AZE] , met "
       "[Araghchi|IRNGOV] .",
       "AZEGOV", "IRNGOV", "04"},
      // An introductory prepositional phrase is no apposition of the subject after it.
      {"In a letter to [his counterpart|AZEGOV] , [we|IRNGOV] condemned [Israel|ISRGOV] .",
       "IRNGOV", "ISRGOV", "111"},
      // An apposition opening with a determiner stands for the actor before it.
      {"[Kenya|KENGOV] , a key [US|USA] ally in the region , condemned [Uganda|UGAGOV] .", "KENGOV",
       "UGAGOV", "111"},
      // Prepositional phrase before the verb is skipped.
      {"[The minister|AZEGOV] of [Iran|IRN] 's neighbour condemned [Armenia|ARMGOV] .", "AZEGOV",
       "ARMGOV", "111"},
      // Coordinated subject with a symmetric code: one mutual event.
      {"[Azerbaijan|AZEGOV] and [Iran|IRNGOV] discussed trade .", "AZEGOV", "IRNGOV", "04"},
      // Plural mention with members.
      {"[The two countries|AZE+IRN] discussed trade .", "AZE", "IRN", "04"},
      // Nominal: talks between X and Y.
      {"The talks between [Azerbaijan|AZEGOV] and [Iran|IRNGOV] ended .", "AZEGOV", "IRNGOV", "04"},
      // Agentless passive arrest: the government of the place's country, marked inferred.
      {"#62 soldier#[Armenian soldiers|ARMMIL] were arrested in {Khojavend|AZE} .", "AZEGOV",
       "ARMMIL", "173"},
      // Negation override: not accepting allegations is a rejection.
      {"[We|AZEGOV] do not accept the allegations .", "AZEGOV", "", "12"},
      // Plain negation is marked.
      {"[The prisoners|ARMCVL] did not complain .", "ARMCVL", "", "114", Mood::kAsserted, true},
      // Intention: plans to visit -> express intent to meet.
      {"[Aliyev|AZEGOV] plans to visit [Iran|IRN] .", "AZEGOV", "IRN", "036", Mood::kIntended},
      // A possibility states no event ...
      {"[Iran|IRNGOV] could attack [Israel|ISRGOV] .", nullptr, "", ""},
      // ... but a conflictual act made conditional on the other side is a threat.
      {"[The EU|IGOEU] may halt mediation if [Serbia|SRBGOV] refuses .", "IGOEU", "", "135",
       Mood::kHypothetical},
      // A question states no event.
      {"Will [Iran|IRNGOV] condemn [Israel|ISRGOV] ?", nullptr, "", ""},
      {"How many [citizens|ARMCVL] were arrested in {Baku|AZE} ?", nullptr, "", ""},
      // Relative clause: the antecedent is the subject (passive target here); the criticism
      // takes the first later actor as its object (late object).
      {"[Russia|RUSGOV] criticized the treatment of [citizens|ARMCVL] who were arrested by "
       "[Azerbaijan|AZEGOV] .",
       "RUSGOV", "ARMCVL", "111"},
      // Nominal accusation: claims by X that ... -> target the other country mentioned.
      {"[Baku|AZEGOV] dismissed the claims by [Baghaei|IRNGOV] , [Iran 's spokesman|IRNGOV] , "
       "that [prisoners|IRNCVL] are mistreated in [Azerbaijan|AZE] .",
       "AZEGOV", "IRNGOV", "12"},
      // Infinitive complement: "urged X to release" codes the appeal, not a release.
      {"[The UN|IGOUNO] urged [Azerbaijan|AZEGOV] to release [the prisoners|ARMCVL] .", "IGOUNO",
       "AZEGOV", "02"},
      // "X said Y must ...": a demand by the speaker on the clause subject.
      {"[Britain|GBRGOV] said that [Libya|LBYGOV] must release the prisoners .", "GBRGOV", "LBYGOV",
       "10"},
      // A counted actor heads its phrase: "thousands of X demonstrated".
      {"Thousands of [Kurds|IRQCVL] demonstrated in {Kirkuk|IRQ} .", "IRQCVL", "", "141"},
      // An event noun performed by a light verb takes the clause subject.
      {"[Students|IDNEDU] staged demonstrations against [the government|IDNGOV] .", "IDNEDU",
       "IDNGOV", "14"},
      // Sanctions with a preposition slot.
      {"[The EU|IGOEU] imposed sanctions on [Iran|IRNGOV] .", "IGOEU", "IRNGOV", "163"},
      // Attack noun with an agent inferred from the place, target from the slot.
      {"An attack on [the Azerbaijani embassy|AZEGOV] in {Tehran|IRN} killed a guard .", "IRN",
       "AZEGOV", "18"},
  };
  for (const Case& c : cases) {
    auto b = Build(c.markup);
    std::vector<Event> ev = extractor_->Extract(b->facts);
    SCOPED_TRACE(std::string(c.markup) + "\n" + Describe(ev));
    if (c.source == nullptr) {
      EXPECT_TRUE(ev.empty());
      continue;
    }
    ASSERT_FALSE(ev.empty());
    const Event& e = ev[0];
    ASSERT_TRUE(e.source.has_value());
    EXPECT_EQ(e.source->code, c.source);
    EXPECT_EQ(e.target ? e.target->code : "", c.target);
    EXPECT_EQ(e.cameo.substr(0, std::string(c.cameo_prefix).size()), c.cameo_prefix);
    EXPECT_EQ(e.mood, c.mood);
    EXPECT_EQ(e.negated, c.negated);
    EXPECT_FALSE(e.plover.empty());
    EXPECT_FALSE(e.quad.empty());
    EXPECT_FALSE(e.rule.empty());
    EXPECT_LE(e.span_begin, e.span_end);
    EXPECT_LE(e.span_end, b->doc.text.size());
  }
}

TEST_F(ExtractorTest, NoJunk) {
  const char* cases[] = {
      // Bare speech is not an event.
      "[Iran|IRNGOV] said the talks were useful .",
      // No source actor.
      "The meeting ended without a statement .",
      // Accepting allegations (not negated) states nothing.
      "[We|AZEGOV] accept the allegations .",
      // A trigger inside an actor mention is a name, not an event.
      "[The Organization of Islamic Cooperation|IGOOIC] has a new building .",
      // Agentless passive without an infer rule has no source.
      "[The embassy|AZEGOV] was attacked .",
      // A hyphenated compound modifier is no verb; a blocker phrase states nothing.
      "[The US|USAGOV] wants a free-trade pact with [Jordan|JORGOV] .",
      "[The US|USAGOV] favours free trade with [Jordan|JORGOV] .",
      // "riot police" is a kind of police, not a riot.
      "[Liberia|LBRGOV] has riot police .",
      // Supporting an idea, not an actor, is an opinion.
      "[Azerbaijan|AZEGOV] supports addressing such issues .",
  };
  for (const char* m : cases) {
    auto b = Build(m);
    std::vector<Event> ev = extractor_->Extract(b->facts);
    EXPECT_TRUE(ev.empty()) << m << "\n" << Describe(ev);
  }
}

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
  EXPECT_NE(e.rule.find("[passive]"), std::string::npos);

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
  EXPECT_NE(ev[0].rule.find("context"), std::string::npos);
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

TEST_F(ExtractorTest, ReportedFutureAndDemands) {
  const Case cases[] = {
      // "said they would ..." reports an intention: a conflictual one is a threat (13x).
      {"[Palestinian leaders|PSEGOV] said [they|PSEGOV] would boycott [Israel|ISRGOV] .", "PSEGOV",
       "ISRGOV", "13", Mood::kIntended},
      {"[NATO|IGONATO] confirmed [it|IGONATO] would tighten the blockade of [Serbia|SRBGOV] .",
       "IGONATO", "SRBGOV", "138", Mood::kIntended},
      // "X said [on a day] that Y must ..." and "X said Y must ...": demands by X on Y.
      {"[Egypt|EGYGOV] said on <Monday|2025-01-06> that [the US|USAGOV] must mediate .", "EGYGOV",
       "USAGOV", "10"},
      {"[The Red Cross|NGO] said [US forces|USAMIL] must ensure security .", "NGO", "USAMIL", "10"},
      // Disagreeing with a position rejects it.
      {"[Azerbaijan|AZEGOV] disagrees with [Armenia|ARMGOV] .", "AZEGOV", "ARMGOV", "120"},
      // Not accepting is refusing.
      {"[Syria|SYRGOV] will not accept more refugees .", "SYRGOV", "", "12", Mood::kIntended},
      // An -s form after an infinitive is a plural object: the appeal codes the sentence.
      {"[Peru|PERGOV] urged [Ecuador|ECUGOV] to halt attacks .", "PERGOV", "ECUGOV", "02"},
      // Accepting a proposal, allowing a return, opening investigations, warning about a rival.
      {"[Denmark|DNKGOV] accepted a proposal from [Norway|NORGOV] .", "DNKGOV", "NORGOV", "030"},
      {"[Turkey|TURGOV] will allow the refugees to return .", "TURGOV", "", "035", Mood::kIntended},
      {"[The court|CHLJUD] opened investigations into [officials|CHLGOV] .", "CHLJUD", "CHLGOV",
       "090"},
      {"[Iran|IRNGOV] warned about the influence of [Israel|ISRGOV] .", "IRNGOV", "ISRGOV", "110"},
      {"[The minister|FRAGOV] cancelled a planned visit to [Haiti|HTI] .", "FRAGOV", "HTI", "16"},
      // Adjectival participles after "be" are not passives.
      {"[Vietnam|VNMGOV] is committed to reform .", "VNMGOV", "", "030"},
      {"[Israel|ISRGOV] is opposed to the plan .", "ISRGOV", "", "120"},
      // A weak "promised to" codes the promise only when the complement states nothing ...
      {"[Serbia|SRBGOV] promised to democratize .", "SRBGOV", "", "030"},
      // ... and otherwise yields to it, recoded as an intention (visit -> 036).
      {"[Serbia|SRBGOV] promised to visit [Iran|IRNGOV] .", "SRBGOV", "IRNGOV", "036",
       Mood::kIntended},
      // "whom" relativizes an object: the refugees do not blame anyone.
      {"[Guinean forces|GINMIL] beat [refugees|SLECVL] , whom [the authorities|GINGOV] blame .",
       "GINMIL", "SLECVL", "182"},
      // A country before a participle is its doer, not a described head; sending detainees to a
      // country returns them (0841), unlike extraditing suspects (063).
      {"[Azerbaijan|AZE] extradited over 100 detainees to [Armenia|ARMGOV] .", "AZE", "ARMGOV",
       "0841"},
      // A statement of readiness: its target is the later actor of the sentence before any
      // counterpart from context.
      {"[Baku|AZEGOV] stated its readiness to expand cooperation with [Iran|IRNGOV] .", "AZEGOV",
       "IRNGOV", "030"},
      // Multi-word phrases are written as sequences of elements ("air strikes", "state of
      // emergency"), and "urge X to" does not need "urge on".
      {"[The UN|IGOUNO] urged [Iran|IRNGOV] to negotiate .", "IGOUNO", "IRNGOV", "026"},
      {"[Israel|ISRGOV] carried out air strikes on [Gaza|PSE] .", "ISRGOV", "PSE", "195"},
      {"[Sudan|SDNGOV] lifted the state of emergency .", "SDNGOV", "", "0814"},
      // Unnamed protesters: the place's country (infer=country).
      {"Demonstrators blocked roads in {Baghdad|IRQ} .", "IRQ", "", "144"},
      // A reproach phrased as an absence is criticism, not a negated event.
      {"[We|AZEGOV] have not heard any reaction from [Iran|IRNGOV] .", "AZEGOV", "IRNGOV", "111"},
      // Pressing someone to act is a demand; training fighters is mobilization.
      {"[The authorities|IRNGOV] pressured the workers to cancel the strike .", "IRNGOV", "",
       "100"},
      {"[North Korea|PRKGOV] trained 500 hackers .", "PRKGOV", "", "154"},
      // Killing in a gunbattle is conventional military force (19x), not a killing (1823).
      {"[Serb forces|SRBMIL] killed [three Albanians|ALBCVL] in a gunbattle .", "SRBMIL", "ALBCVL",
       "19"},
  };
  for (const Case& c : cases) {
    auto b = Build(c.markup);
    std::vector<Event> ev = extractor_->Extract(b->facts);
    SCOPED_TRACE(std::string(c.markup) + "\n" + Describe(ev));
    ASSERT_FALSE(ev.empty());
    const Event& e = ev[0];
    ASSERT_TRUE(e.source.has_value());
    EXPECT_EQ(e.source->code, c.source);
    EXPECT_EQ(e.target ? e.target->code : "", c.target);
    EXPECT_EQ(e.cameo.substr(0, std::string(c.cameo_prefix).size()), c.cameo_prefix);
    EXPECT_EQ(e.mood, c.mood);
    EXPECT_EQ(e.negated, c.negated);
  }
}

TEST_F(ExtractorTest, LateObjectBecomesTheTarget) {
  const Case cases[] = {
      // No actor in the pattern's slot: the first later actor of another party in the clause.
      {"[Kenya|KENGOV] praised the election of [Uganda 's president|UGAGOV] .", "KENGOV", "UGAGOV",
       "051"},
      // An actor of the source's own country is passed over.
      {"[Kenya|KENGOV] praised the offer of [the Kenyan minister|KENGOV] to [Uganda|UGA] .",
       "KENGOV", "UGA", "051"},
      // Coordinated parties of a cooperative act: a later actor is a witness, not the target.
      {"[Kenya|KENGOV] and [Uganda|UGAGOV] signed a declaration in the presence of "
       "[Tanzania|TZAGOV] .",
       "KENGOV", "UGAGOV", "05"},
      // A comma ends the search: what follows is not the object.
      {"[Kenya|KENGOV] thanked the mediators , unlike [Uganda|UGAGOV] .", "KENGOV", "", "051"},
  };
  for (const Case& c : cases) {
    auto b = Build(c.markup);
    std::vector<Event> ev = extractor_->Extract(b->facts);
    SCOPED_TRACE(std::string(c.markup) + "\n" + Describe(ev));
    ASSERT_FALSE(ev.empty());
    EXPECT_EQ(ev[0].source->code, c.source);
    EXPECT_EQ(ev[0].target ? ev[0].target->code : "", c.target);
    EXPECT_EQ(ev[0].cameo.substr(0, std::string(c.cameo_prefix).size()), c.cameo_prefix);
  }
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
