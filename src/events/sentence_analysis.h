// The event stage's per-sentence analysis, shared by the files that implement it (internal to
// src/events/; include only from there). One SentenceAnalysis runs over one sentence:
//   clauses.cc   clause segmentation and speakers
//   voice.cc     passive voice and participles
//   roles.cc     argument roles: subject, by-agent, coordination, apposition, object, counterpart
//   matching.cc  pattern matching at every trigger
//   qualifiers.cc  negation, mood, and places that locate the speaker
//   argument_rules.cc  the table of named argument rules: each way a source or target is found;
//                the rules over mentions
//   actor_rules.cc  the rules over actors (the table's second half)
//   reported_speech.cc  the document's speaker: who says a quoted passage that names none
//   joined_party.cc  "A joined X in V-ing Y": X is a source beside the subject
//   arguments.cc an event per match: its code and mood, the argument rules run in table order,
//                then date, place, quantity and speaker
//   extractor.cc the driver (EventExtractor, Run())
// The approach and its invariants are described at the top of extractor.cc.
//
// Thread-safety: ExtractorData is immutable after creation; a SentenceAnalysis is used by one
// thread for one sentence.
#ifndef DRAGOMAN_EVENTS_SENTENCE_ANALYSIS_H_
#define DRAGOMAN_EVENTS_SENTENCE_ANALYSIS_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/codes.h"
#include "events/extractor.h"
#include "events/pattern_index.h"
#include "events/patterns.h"
#include "lexicon/lexicon.h"

namespace dragoman::events_internal {

// The word classes of the clause analysis (data/lexicon/clause.txt, doc/lexicon.md).
// clang-format off
#define DRAGOMAN_CLAUSE_CLASSES(X)                                                         \
  X(speech) X(be) X(adverb) X(negation) X(negating) X(modal_intent) X(intend)              \
  X(modal_hypothetical) X(subordinator) X(conditional) X(relative) X(preposition)          \
  X(determiner) X(noun_marker) X(causative) X(partitive) X(light_verb) X(modifier)         \
  X(participle) X(adjectival) X(transitive) X(object_relative) X(bare_report)              \
  X(complementizer) X(report_filler) X(attribution) X(to) X(date_preposition)              \
  X(deictic_place) X(place_adverb) X(coordinator) X(conjunction_and) X(preposition_of)     \
  X(agent_preposition) X(affiliation_preposition) X(expletive) X(reported_future)          \
  X(possessive_marker) X(definite_determiner) X(bilateral)                                 \
  X(perfect) X(occasion) X(joining) X(joined_act) X(adjunct_start)                        \
  X(personal_pronoun) X(relative_that) X(charge_preposition) X(possessive_relative) \
  X(abstract_object) X(absolute)
// clang-format on

struct ClauseClasses {
#define DRAGOMAN_DECLARE_CLASS(name) ClassId name;
  DRAGOMAN_CLAUSE_CLASSES(DRAGOMAN_DECLARE_CLASS)
#undef DRAGOMAN_DECLARE_CLASS
};

// Every class above, or BadData naming the first one the lexicon lacks.
Result<ClauseClasses> ResolveClauseClasses(const Lexicon& lex);

// The word classes that bound an unresolved noun phrase (data/lexicon/noun_phrase.txt,
// unresolved.cc).
struct PhraseClasses {
  ClassId pronoun, name_connector, object_preposition, agent_noun;
};
Result<PhraseClasses> ResolvePhraseClasses(const Lexicon& lex);

// The compiled data shared by all sentences.
struct ExtractorData {
  CodeTable codes;
  std::vector<Pattern> patterns;
  EventLexicon lex;  // the intent map
  std::shared_ptr<const Lexicon> words;  // never null after Create()
  ClauseClasses classes;
  PhraseClasses phrase;
  // First-element word -> pattern indices (in file order).
  std::unordered_map<std::string, std::vector<int>> index;
  // The same patterns compiled for the matcher (word ids, feasibility; pattern_index.h).
  PatternIndex pattern_index;
  // CAMEO families (cameo.tsv's FAMILY column): material conflict (roots 17-20), consultations
  // (04), threats (13), cooperative acts (03-06), what a "bilateral" setting frames (01-09),
  // acts done on a territory (aid 070-074, force 15, 18-20), acts two parties do to each other
  // (03-06, 08, 19).
  int violent = 0, consult = 0, threat = 0, cooperative = 0, bilateral = 0, territorial = 0,
      mutual = 0;
};

// What the per-document context offers one sentence (null members when there is no context).
struct ContextView {
  const std::vector<ActorRef>* recent = nullptr;  // most recent last
  const std::optional<Event>* last_event = nullptr;
  const std::set<std::string>* consulted = nullptr;  // country pairs of coded consultations
  // The document's speaker: the last speaker a sentence named (reported_speech.cc).
  const std::optional<ActorRef>* speaker = nullptr;
};

// "AZE|IRN": the order-free key of a country pair.
inline std::string PairKey(const std::string& a, const std::string& b) {
  return a < b ? a + "|" + b : b + "|" + a;
}

enum class SegKind { kMain, kSub, kHypo, kRelative, kReported, kQuote };

struct Segment {
  int begin = 0, end = 0;  // token range
  SegKind kind = SegKind::kMain;
  int inherit = -1;       // segment whose subject this one inherits when it has none
  int antecedent = -1;    // relative clauses: mention index of the antecedent
  int speaker = -1;       // mention index of the speaker (reported speech)
  int speaker_verb = -1;  // or: the speaker is the subject of this reporting verb
};

// One sentence being analysed.
class SentenceAnalysis {
 public:
  SentenceAnalysis(const ExtractorData& impl, const SentenceFacts& facts, ContextView ctx)
      : impl_(impl),
        w_(impl.classes),
        facts_(facts),
        toks_(facts.sentence->tokens),
        tc_(impl.words->Classify(facts.sentence->tokens)),
        ctx_(ctx) {
    mention_at_.assign(toks_.size(), -1);
    in_mention_.assign(toks_.size(), -1);
    for (size_t m = 0; m < facts.actors.size(); ++m) {
      const auto& am = facts.actors[m];
      if (am.token_begin < 0 || am.token_end > static_cast<int>(toks_.size()) ||
          am.token_begin >= am.token_end) {
        continue;
      }
      if (mention_at_[am.token_begin] < 0) mention_at_[am.token_begin] = static_cast<int>(m);
      for (int i = am.token_begin; i < am.token_end; ++i) in_mention_[i] = static_cast<int>(m);
    }
    excluded_.assign(facts.actors.size(), false);
    Split();
    Speakers();
  }

  // The events of the sentence: FindMatches(), DropComplements(), BuildEvents(), then
  // CompleteTargets().
  std::vector<Event> Run();
  // The speaker this sentence names ("X said ...", "according to X", "..., X said."), for the
  // document's context (reported_speech.cc), or nothing.
  std::optional<ActorRef> NamedSpeaker() const;

 private:
  struct Match {
    int pattern = -1;
    int trigger = -1;
    std::vector<int> words;    // matched word tokens
    std::vector<int> targets;  // mention indices
    int source = -1;           // mention index from `$`
    int end = 0;               // one past the last matched token
    bool passive = false;
  };

  // One match being turned into events: what the argument rules read and fill.
  struct Arguments {
    const Match* m = nullptr;
    const Pattern* p = nullptr;
    int seg = 0;
    int first = 0;  // the first matched word
    Mood mood = Mood::kAsserted;
    std::string code;
    const std::vector<Match>* matches = nullptr;
    const std::vector<bool>* dropped = nullptr;
    size_t index = 0;  // of m in *matches
    const PlaceMention* place = nullptr;  // the place the event is located at, if any
    bool describes = false;  // a passive describing people ("nationals imprisoned in X")
    std::vector<int> src_mentions, tgt_mentions;
    std::vector<ActorRef> sources, targets;
    // Set by the rule that decided the role (first of a chain) or found the actors (fallbacks).
    bool source_decided = false, target_decided = false;
    const char* source_rule = nullptr;
    const char* target_rule = nullptr;
    bool reject = false;  // a rule found that the match states no event
    bool inferred = false;      // the source was inferred from the place
    bool from_context = false;  // the target is a counterpart from the context
    // The noun phrase in the object position when no rule found a target actor (unresolved.cc).
    std::optional<ActorRef> unresolved_target;
  };
  enum class Role { kSource, kTarget };
  // An argument rule (argument_rules.cc): when `applies` holds, `assign` runs and the rule is
  // named in Event::rule ("[source: NAME]", "[target: NAME]") if it gave the role its actors.
  struct ArgumentRule {
    const char* name;
    Role role;
    bool (SentenceAnalysis::*applies)(const Arguments&) const;
    void (SentenceAnalysis::*assign)(Arguments*) const;
  };
  // The rules over mentions, then (after mentions become actors) the rules over actors; each in
  // the order they are tried.
  static const std::vector<ArgumentRule>& MentionRules();
  static const std::vector<ArgumentRule>& ActorRules();
  void RunRule(const ArgumentRule& r, Arguments* a) const;

  // The conditions and actions of the rules, one pair per rule (argument_rules.cc over mentions,
  // actor_rules.cc over actors).
#define DRAGOMAN_ARGUMENT_RULE(rule)              \
  bool rule##Applies(const Arguments& a) const; \
  void rule##Assign(Arguments* a) const;
  DRAGOMAN_ARGUMENT_RULE(SpeakerSource)
  DRAGOMAN_ARGUMENT_RULE(DemandSubject)
  DRAGOMAN_ARGUMENT_RULE(MarkedSource)
  DRAGOMAN_ARGUMENT_RULE(ByAgent)
  DRAGOMAN_ARGUMENT_RULE(Possessor)
  DRAGOMAN_ARGUMENT_RULE(LightVerbSubject)
  DRAGOMAN_ARGUMENT_RULE(CausativeObject)
  DRAGOMAN_ARGUMENT_RULE(Subject)
  DRAGOMAN_ARGUMENT_RULE(AgentBeforePhrase)
  DRAGOMAN_ARGUMENT_RULE(MainClauseSubject)
  DRAGOMAN_ARGUMENT_RULE(PassiveHead)
  DRAGOMAN_ARGUMENT_RULE(PassiveSubject)
  DRAGOMAN_ARGUMENT_RULE(PatternObject)
  DRAGOMAN_ARGUMENT_RULE(SidesAddressed)
  DRAGOMAN_ARGUMENT_RULE(InferredGovernment)
  DRAGOMAN_ARGUMENT_RULE(InferredCountry)
  DRAGOMAN_ARGUMENT_RULE(OccasionParties)
  DRAGOMAN_ARGUMENT_RULE(ReportingParty)
  DRAGOMAN_ARGUMENT_RULE(ConcernedAct)
  DRAGOMAN_ARGUMENT_RULE(ObjectPossessor)
  DRAGOMAN_ARGUMENT_RULE(About)
  DRAGOMAN_ARGUMENT_RULE(ContextCounterpart)
  DRAGOMAN_ARGUMENT_RULE(LateObject)
  DRAGOMAN_ARGUMENT_RULE(CountryAttacked)
  DRAGOMAN_ARGUMENT_RULE(DocumentSpeaker)
  DRAGOMAN_ARGUMENT_RULE(JoinedParty)
#undef DRAGOMAN_ARGUMENT_RULE
  void GapObjectAssign(Arguments* a) const;  // "object in the gap" (LateObjectApplies)
  // The match of an event noun stated with its own parties right after (or inside) the words of
  // match `index`: the act it concerns (actor_rules.cc), or -1.
  int ConcernedAct(const Arguments& a) const;
  // The match of the event noun an agentless passive happened at ("were signed during X's visit
  // to Y", "was agreed at talks between A and B"), stated with a doer of its own, or -1.
  int Occasion(const Arguments& a) const;
  // The actor right before the last matched word (the object's noun) inside the match, or -1.
  int ObjectPossessor(const Arguments& a) const;
  // Whether a missing source may be inferred from the event's place.
  bool CanInfer(const Arguments& a) const;
  // The mention right before an event noun ("Iran's attack"), or -1.
  int PossessorBefore(int first) const;
  // "leading/prompting X to demand ...": the causative verb's object (the infinitive's subject)
  // before the match's first word, or -1.
  int CausativeObject(int first) const;
  // Mentions to actors: one source per country, targets that are not sources.
  void MentionsToActors(Arguments* a) const;

  // Unresolved mentions (unresolved.cc): a noun phrase in a source or target position that names
  // no known actor, reported by its words and span with no code.
  struct Phrase {
    int begin = -1, end = -1;  // tokens [begin, end); begin < 0: none
  };
  // The noun phrase starting at token `start` (determiners first), or none.
  Phrase PhraseFrom(int start) const;
  // The noun phrase whose head is token `head`, extended leftwards within segment `seg`.
  Phrase PhraseEndingAt(int head, int seg) const;
  bool PhraseWord(int i) const;
  bool NounHead(int i) const;
  ActorRef PhraseActor(const Phrase& ph) const;
  // The object phrase of a match that found no target actor, or none.
  Phrase ObjectPhrase(const Arguments& a) const;
  // The subject phrase right before the verb group of an active verb match, opening its clause
  // and naming no known actor or place, or none. With `modifier`: a person or group phrase may
  // follow a demonym mention that modifies it ("a French lawyer"), whose index is stored there
  // (-1 otherwise).
  Phrase AgentPhrase(const Arguments& a, int* modifier = nullptr) const;
  // Whether the phrase holds a capitalised word other than the sentence's first (a name).
  bool NamedPhrase(const Phrase& ph) const;
  // Whether the phrase's head is a person or group noun (lexicon class `agent_noun`).
  bool AgentHead(const Phrase& ph) const;
  // Runs after the rules over actors: sets a->unresolved_target; gives a match with no source
  // the agent phrase of its clause as an unresolved source; replaces a fallback source by a named
  // unresolved agent phrase.
  void UnresolvedArguments(Arguments* a) const;
  // After CompleteTargets: names the rule of every event whose target is unresolved.
  static void NoteUnresolved(std::vector<Event>* events);
  // The place an event is located at: the closest locative place, same segment first.
  const PlaceMention* EventPlace(const Match& m, const Pattern& p, int seg) const;

  const std::string& Norm(int i) const { return toks_[i].norm; }
  // Whether token i (false outside the sentence) is in a word class by its norm or its lemma
  // (Is), its norm (IsNorm) or its lemma (IsLemma).
  bool Is(ClassId c, int i) const { return tc_.Any(i, c); }
  bool IsNorm(ClassId c, int i) const { return tc_.Form(i, c); }
  bool IsLemma(ClassId c, int i) const {
    return i >= 0 && i < static_cast<int>(toks_.size()) && impl_.words->Has(c, toks_[i].lemma);
  }
  bool Punct(int i) const { return toks_[i].has(Token::kPunct); }
  bool IsQuote(int i) const {
    const std::string& n = toks_[i].norm;
    return n == "\"" || n == "'" || n == "``" || n == "''";
  }
  int Seg(int i) const { return seg_of_[i]; }

  void Split();
  void Speakers();
  void NewSegment(int begin, SegKind kind, int inherit);
  int MentionEndingAt(int end) const;  // mention whose token_end == end, or -1

  bool IsPassiveAt(int t) const;
  bool IsPassiveAtDepth(int t) const;
  bool ParticipleLike(int t) const;
  // One attempt of pattern `pi` (matching.cc): `norm_ids`/`lemma_ids` are the tokens' word ids
  // in impl_.pattern_index (-1: a word no pattern names).
  struct MatchCall {
    const Pattern* p = nullptr;
    int pi = -1;
    const std::vector<int32_t>* norm_ids = nullptr;
    const std::vector<int32_t>* lemma_ids = nullptr;
    int seg = 0;
    bool passive = false;
  };
  bool WordMatches(const MatchCall& c, size_t ei, int i) const;
  bool MatchFrom(const MatchCall& c, size_t ei, int ti, Match* m) const;
  bool GovernedByPreposition(int mention) const;
  bool ModifiesNoun(int mention) const;
  int ApposedHead(int mention, const Segment& seg, int trigger) const;
  // The actor that owns the noun a mention after "of" complements ("Mali's use of X" -> Mali),
  // or `mention` itself (roles.cc).
  int OfComplementOwner(int mention, const Segment& seg) const;
  // Whether a mention after "with" right before an -ing trigger is its subject (roles.cc).
  bool AbsoluteSubject(int mention, int trigger) const;
  // The actor an object slot stands for when the mention found there only determines the object's
  // noun: the actor named in the noun phrase after a possessive pronoun ("released his deputy
  // X" -> X), or the apposition naming a genitive's noun ("asked Syria's ally, Y, to" -> Y).
  // Returns `mention` itself otherwise (roles.cc).
  int ObjectHead(int mention) const;
  // The mention a resolved pronoun stands for in this sentence: the closest earlier mention of
  // the same actor that is not a pronoun ("X said they will ..." -> X), else `mention` (roles.cc).
  int Antecedent(int mention) const;
  bool InAttribution(const PlaceMention& place) const;
  bool InDate(int token) const {
    for (const auto& d : facts_.dates) {
      if (token >= d.token_begin && token < d.token_end) return true;
    }
    return false;
  }
  bool ObjectOfVerb(int mention) const;
  std::vector<int> SubjectOf(int seg, int trigger, int depth = 0) const;
  std::vector<int> Coordinated(int mention) const;  // the mention plus "and Y", ", Z" after it
  int ByAgent(int trigger, int seg) const;
  bool Negated(int trigger, int seg) const;
  Mood MoodAt(int trigger, int seg) const;
  int SpeakerOfSegment(int seg, int depth) const;
  int SpeakerOfVerb(int verb, int depth) const;
  // Whether segment `seg` is quoted text no speaker of the sentence claims ("“... .”" or
  // "“...,” the minister concluded." with an unresolved speaker): the document's speaker says
  // it (reported_speech.cc).
  bool QuotedWithoutSpeaker(int seg) const;
  // "A and B joined X in boycotting Y": the parties joined (X, with the actors coordinated with
  // it) of the gerund starting at `first`, or none; `verb` gets the verb of joining
  // (joined_party.cc).
  std::vector<int> JoinedParties(int first, int* verb = nullptr) const;
  // The code's form between states (lexicon.txt `state`) when every source and target is a
  // country or its government, with a note appended to `rule`; else `code` (joined_party.cc).
  std::string StateForm(const std::string& code, const std::vector<ActorRef>& sources,
                        const std::vector<ActorRef>& targets, std::string* rule) const;
  int ReducedPassiveHead(int t, int depth = 0) const;
  bool ReducedRelativeOnNoun(int t) const;  // voice.cc
  // Acts named but not stated (background.cc). Whether match `b` is the content of request or
  // accusation match `a` before it ("demanded that X release ...", "accused X of attacking").
  bool RequestedAct(const Match& a, const Match& b) const;
  static constexpr int kMaxContentGap = 8;  // tokens between a request's words and its content
  // Whether the match's verb is in a relative clause on a noun phrase, with its subject right
  // before it and no object ("a diplomat it arrested last year").
  bool ObjectRelative(const Match& m) const;
  // Whether the match is in a relative clause opened by "whose" ("X, whose country has been
  // mediating the dispute, met Y"): it describes the antecedent.
  bool RelativeBackground(const Match& m) const;
  // Whether a one-word verb match has an `abstract_object` noun phrase as its object ("meet this
  // year's goal"): no party is acted upon.
  bool AbstractObject(const Match& m) const;
  // The mood a modal right after an event noun or a gerund subject gives the match ("an attack
  // would ..."), or none.
  std::optional<Mood> ModalAfterSubject(const Match& m) const;
  std::optional<ActorRef> Counterpart(const std::string& country, int exclude_mention) const;
  int ObjectAfter(const Match& m, int seg, const std::vector<ActorRef>& sources) const;
  int CountryPlaceAfter(const Match& m, const Pattern& p, int seg,
                        const std::vector<ActorRef>& sources) const;
  // The implicit counterparts (roles.cc): a rule gives an event that still has no target the
  // other party of a bilateral setting; the first whose condition holds and that finds one wins,
  // and its name is reported in Event::rule ("[target: NAME]").
  struct CounterpartRule {
    const char* name;
    bool (SentenceAnalysis::*applies)(const Event& e, const std::vector<Event>& events) const;
    std::optional<ActorRef> (SentenceAnalysis::*find)(const Event& e,
                                                      const std::vector<Event>& events) const;
  };
  static const std::vector<CounterpartRule>& CounterpartRules();
  bool MeetingPartyApplies(const Event& e, const std::vector<Event>& events) const;
  std::optional<ActorRef> MeetingParty(const Event& e, const std::vector<Event>& events) const;
  bool NamedPartiesApply(const Event& e, const std::vector<Event>& events) const;
  std::optional<ActorRef> OtherNamedParty(const Event& e, const std::vector<Event>& events) const;
  bool BilateralApplies(const Event& e, const std::vector<Event>& events) const;
  std::optional<ActorRef> BilateralCounterpart(const Event& e,
                                               const std::vector<Event>& events) const;
  bool ReportedMeetingApplies(const Event& e, const std::vector<Event>& events) const;
  std::optional<ActorRef> ReportedMeetingParty(const Event& e,
                                               const std::vector<Event>& events) const;
  void CompleteTargets(std::vector<Event>* events) const;
  // After CompleteTargets: an event with no target takes the place it is done in
  // (place_target.cc).
  void PlaceTargets(std::vector<Event>* events) const;
  // Whether an unresolved target is followed by the place `pm` it is in ("a curfew in X").
  bool ObjectInPlace(const ActorRef& target, const PlaceMention& pm) const;
  // The phases of Run(): pattern matches at every trigger (matching.cc); matches that state no
  // event of their own (arguments.cc); an event for each remaining match, its code, mood,
  // source, target, date, place, quantity and speaker (arguments.cc).
  std::vector<Match> FindMatches() const;
  std::vector<bool> DropComplements(const std::vector<Match>& matches) const;
  std::vector<Event> BuildEvents(const std::vector<Match>& matches,
                                 const std::vector<bool>& drop) const;

  // Material conflict: a pattern whose code (or negated code) is in the `violent` family.
  bool Violent(const Pattern& p) const;

  const ExtractorData& impl_;
  const ClauseClasses& w_;
  const SentenceFacts& facts_;
  const std::vector<Token>& toks_;
  const TokenClasses tc_;  // the word classes of every token, computed once
  ContextView ctx_;
  std::vector<int> mention_at_;  // token -> mention starting there
  std::vector<int> in_mention_;  // token -> mention covering it
  std::vector<bool> excluded_;   // mentions that are speakers, not clause subjects
  std::vector<Segment> segs_;
  std::vector<int> seg_of_;
  int all_speaker_ = -1;  // a speaker for the whole sentence ("according to X", "X said.")
};

// EventExtractor::CompleteMutual (mutual.cc): the reciprocal events of one sentence completed
// from its plural subjects and the document's principal parties.
void CompleteMutual(const ExtractorData& d, const SentenceFacts& facts,
                    std::vector<Event>* events);

// The actors a mention stands for: its members when it names several, else its actor.
std::vector<ActorRef> Refs(const ActorMention& m);

// Whether two actors are one party for the argument rules (roles.cc): the same country (or,
// without one, the same code) and the same sector, or a sector on one side only ("Kenya" and
// "the Kenyan government" are one party; a country's rebels and its government are two).
bool OneParty(const ActorRef& a, const ActorRef& b);

}  // namespace dragoman::events_internal

#endif  // DRAGOMAN_EVENTS_SENTENCE_ANALYSIS_H_
