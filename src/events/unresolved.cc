// Unresolved mentions: the noun phrase in an event's source or target position when it names no
// actor the dictionaries know ("filed a lawsuit against a private bank", "condemned the suicide
// attack", "Jurisdiction for Peace ordered ..."). The event reports the phrase's words and byte
// span as its actor, with no code, country or sector (doc/output.md, "Unresolved actors"): a
// reader sees what the event is about, while everything that works on codes (dyads, the store's
// actor tables, alerts, the counterpart rules, scoring against coded gold) treats it exactly like
// no actor.
//
// The phrase. A noun phrase is bounded without a parser, from the words around it: determiners,
// modifiers, compound nouns and possessive clitics up to its head noun ("the Quetta suicide
// terrorist attack", "Bangladesh Bank's account", "the Senate President's aide"); it stops at
// punctuation, an actor mention, a preposition (except `name_connector` words between two
// capitalised words inside a name: "Department of Education"), a clause word (relative,
// subordinator, coordinator, "to", forms of "be", modals), a pronoun and a word WordNet knows
// only as a verb, and ends at its last noun (WordNet knows it as one, or it is capitalised: a
// name WordNet lacks): "the referendum [as unconstitutional]". A phrase headed by a pronoun, a
// number or a date word, or that is a place, is not kept. An object that is a qualified count
// starts at its number ("released [at least] 19 prisoners").
//
// Where. Targets: the object of a match whose rules found no target actor: the words right
// after a trailing `+` slot that matched no actor, or after an `object_preposition` word right
// after the match ("opened an investigation into X"). Passive, `speaker`, `patient` and `during`
// matches take their target from elsewhere and get none. The counterpart rules run before the
// phrase is used (CompleteTargets treats a code-less target as none), so a coded target found
// anywhere wins. Sources: the subject phrase right before the verb group of an active verb
// match (adverbs, negation, modals, "have" and "be" between), opening its clause (the clause's
// start, a comma, "that", a subordinator or a coordinator before it), replaces the source the
// subject rule found further away when it is clearly a named agent: a proper-noun sequence with a
// capitalised word that is not the sentence's first. When no rule found a source at all, the same
// subject phrase becomes the event's source if it denotes an agent — it is named, or its head is
// a person or group noun (`agent_noun` in data/lexicon/noun_phrase.txt: "the senator", "human
// rights groups", "the watchdog") — and the event has a coded target: an event needs at least
// one coded actor. A place, a pronoun, a date, a number or an abstract noun ("the decision",
// "the report") is never such a subject.
#include <cstring>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

Result<PhraseClasses> ResolvePhraseClasses(const Lexicon& lex) {
  ClassId pronoun, name_connector, object_preposition, agent_noun;
  const std::pair<ClassId*, const char*> wanted[] = {
      DRAGOMAN_WORD_CLASS(pronoun),
      DRAGOMAN_WORD_CLASS(name_connector),
      DRAGOMAN_WORD_CLASS(object_preposition),
      DRAGOMAN_WORD_CLASS(agent_noun),
  };
  DRAGOMAN_RETURN_IF_ERROR(lex.Resolve(wanted));
  return PhraseClasses{pronoun, name_connector, object_preposition, agent_noun};
}

namespace {

// The longest phrase kept, in tokens: longer stretches are clauses, not names.
constexpr int kMaxPhrase = 8;

// The rule names written to Event::rule ("[source: unresolved subject]").
constexpr char kUnresolvedSubject[] = "unresolved subject";
constexpr char kUnresolvedObject[] = "unresolved object";
constexpr char kDemonymAgent[] = "demonym of the agent";

bool Capitalised(const Token& t) { return t.has(Token::kCapitalized) || t.has(Token::kAllCaps); }

}  // namespace

bool SentenceAnalysis::PhraseWord(int i) const {
  const int n = static_cast<int>(toks_.size());
  if (i < 0 || i >= n || Punct(i) || in_mention_[i] >= 0 || InDate(i)) return false;
  const PhraseClasses& pc = impl_.phrase;
  if (IsNorm(pc.pronoun, i) || IsNorm(w_.preposition, i) || IsNorm(w_.relative, i) ||
      IsNorm(w_.subordinator, i) || IsNorm(w_.coordinator, i) || IsNorm(w_.complementizer, i) ||
      IsNorm(w_.to, i) || IsNorm(w_.be, i) || IsNorm(w_.modal_intent, i) ||
      IsNorm(w_.modal_hypothetical, i) || IsNorm(w_.negation, i) || IsNorm(w_.perfect, i) ||
      IsNorm(w_.adverb, i)) {
    return false;
  }
  const Token& t = toks_[i];
  // A word WordNet knows only as a verb ends the phrase ("the money spent under ...").
  return Capitalised(t) || !t.has(Token::kVerbForm) || t.has(Token::kNounForm);
}

bool SentenceAnalysis::NounHead(int i) const {
  const Token& t = toks_[i];
  if (t.has(Token::kNumber) || IsNorm(w_.determiner, i) || IsNorm(impl_.phrase.pronoun, i)) {
    return false;
  }
  return t.has(Token::kNounForm) || Capitalised(t);
}

SentenceAnalysis::Phrase SentenceAnalysis::PhraseFrom(int start) const {
  const int n = static_cast<int>(toks_.size());
  Phrase ph;
  int i = start;
  while (i < n && i - start < 2 && IsNorm(w_.determiner, i) && in_mention_[i] < 0) ++i;
  int last = -1;
  int last_noun = -1;  // the phrase ends at its last noun: "the referendum [as unconstitutional]"
  for (; i < n && i - start < kMaxPhrase; ++i) {
    if (last >= 0 && IsNorm(w_.possessive_marker, i) && PhraseWord(i + 1)) {
      continue;  // "the bank 's account"
    }
    if (last >= 0 && IsNorm(impl_.phrase.name_connector, i) && Capitalised(toks_[last]) &&
        i + 1 < n && (Capitalised(toks_[i + 1]) || IsNorm(w_.definite_determiner, i + 1)) &&
        PhraseWord(i + 1 + (IsNorm(w_.definite_determiner, i + 1) ? 1 : 0))) {
      continue;  // "Department of Education", "Office of the High Commissioner"
    }
    if (IsNorm(w_.definite_determiner, i) && last >= 0 &&
        IsNorm(impl_.phrase.name_connector, i - 1)) {
      continue;
    }
    if (last == i - 1 && Norm(i) == "-" && toks_[i].begin == toks_[last].end && i + 1 < n &&
        toks_[i + 1].begin == toks_[i].end && PhraseWord(i + 1)) {
      continue;  // a hyphenated compound: "the worst-hit areas"
    }
    if (!PhraseWord(i)) break;
    last = i;
    if (NounHead(i)) last_noun = i;
  }
  if (last >= 0 && !NounHead(last)) last = last_noun;
  if (last < 0) return ph;
  for (const auto& pm : facts_.places) {
    if (last >= pm.token_begin && last < pm.token_end) return ph;  // a place, not a party
  }
  ph.begin = start;
  ph.end = last + 1;
  return ph;
}

SentenceAnalysis::Phrase SentenceAnalysis::PhraseEndingAt(int head, int seg) const {
  Phrase ph;
  if (head < 0 || !PhraseWord(head) || !NounHead(head)) return ph;
  const int floor = segs_[seg].begin;
  int b = head;
  while (b - 1 >= floor && head - b < kMaxPhrase) {
    const int k = b - 1;
    if (PhraseWord(k) && !IsNorm(w_.possessive_marker, k)) {
      b = k;
    } else if (IsNorm(w_.possessive_marker, k) && k - 1 >= floor && PhraseWord(k - 1) &&
               NounHead(k - 1)) {
      b = k - 1;  // a possessor inside the phrase: "the Senate President's aide"
    } else if (IsNorm(impl_.phrase.name_connector, k) && k - 1 >= floor &&
               Capitalised(toks_[k - 1]) && Capitalised(toks_[b]) && PhraseWord(k - 1)) {
      b = k - 1;  // "Jurisdiction for Peace"
    } else {
      break;
    }
  }
  while (b - 1 >= floor && IsNorm(w_.determiner, b - 1) && in_mention_[b - 1] < 0) --b;
  ph.begin = b;
  ph.end = head + 1;
  return ph;
}

ActorRef SentenceAnalysis::PhraseActor(const Phrase& ph) const {
  ActorRef r;
  r.begin = toks_[ph.begin].begin;
  r.end = toks_[ph.end - 1].end;
  if (facts_.doc && r.end <= facts_.doc->text.size()) {
    r.text = facts_.doc->text.substr(r.begin, r.end - r.begin);
  } else {
    for (int i = ph.begin; i < ph.end; ++i) r.text += (r.text.empty() ? "" : " ") + Norm(i);
  }
  return r;
}

SentenceAnalysis::Phrase SentenceAnalysis::ObjectPhrase(const Arguments& a) const {
  const Pattern& p = *a.p;
  const Match& m = *a.m;
  const int n = static_cast<int>(toks_.size());
  if (m.passive || p.from_speaker || p.patient || p.during || !m.targets.empty()) return {};
  int start = -1;
  if (p.elements.back().kind == PatternElement::Kind::kTarget) {
    start = m.end;
  } else if (m.end < n && IsNorm(impl_.phrase.object_preposition, m.end)) {
    start = m.end + 1;
  } else if (m.words.size() >= 2 && p.elements.size() >= 2 &&
             p.elements[p.elements.size() - 2].kind == PatternElement::Kind::kGap) {
    // The pattern names the object's noun after a gap ("condemn ..4 attack"): the phrase
    // around it ("condemned the suicide attack").
    start = m.words[m.words.size() - 2] + 1;
    Phrase ph = start < n && Seg(start) == a.seg ? PhraseFrom(start) : Phrase{};
    if (ph.begin < 0 || ph.end <= m.words.back()) return {};
    // The act's doer named in an of/by phrase right after its noun ("welcomed the decision by
    // the Kovrian Trade Forum"): the act is directed at that doer, as for a known actor (the
    // object's possessor rule, actor_rules.cc).
    const int after = m.words.back() + 1;
    if (ph.end == after && after + 1 < n && Seg(after + 1) == a.seg &&
        (IsNorm(w_.preposition_of, after) || IsNorm(w_.agent_preposition, after))) {
      Phrase doer = PhraseFrom(after + 1);
      if (doer.begin >= 0 && NamedPhrase(doer)) return doer;
    }
    return ph;
  }
  if (start < 0 || start >= n || Seg(start) != a.seg) return {};
  // "to" + a verb is an infinitive ("provided money to pay for ..."), not an object.
  if (start > 0 && IsNorm(w_.to, start - 1) && toks_[start].has(Token::kVerbForm)) return {};
  // A qualified count ("released at least 19 prisoners", "more than 100 detainees"): the phrase
  // starts at the number, past the qualifier's words.
  for (const auto& q : facts_.quantities) {
    if (q.qualifier.empty() || q.token_begin <= start || q.token_begin > start + 3) continue;
    bool plain = true;
    for (int k = start; k < q.token_begin && plain; ++k) plain = !Punct(k) && in_mention_[k] < 0;
    if (plain) start = q.token_begin;
    break;
  }
  return PhraseFrom(start);
}

SentenceAnalysis::Phrase SentenceAnalysis::AgentPhrase(const Arguments& a, int* modifier) const {
  if (modifier) *modifier = -1;
  const Pattern& p = *a.p;
  if (p.noun || p.during || p.from_speaker || p.patient || a.m->passive) return {};
  const Segment& sg = segs_[a.seg];
  if (sg.kind == SegKind::kRelative) return {};
  // The verb group before the trigger: adverbs, negation, modals, "have", "be".
  int j = a.first - 1;
  while (j >= sg.begin &&
         (IsNorm(w_.adverb, j) || IsNorm(w_.negation, j) || IsNorm(w_.modal_intent, j) ||
          IsNorm(w_.modal_hypothetical, j) || IsNorm(w_.perfect, j) || IsNorm(w_.be, j))) {
    --j;
  }
  if (j < sg.begin) return {};
  Phrase ph = PhraseEndingAt(j, a.seg);
  if (ph.begin < 0) return {};
  // A demonym before a person or group noun ("a French lawyer"): the phrase's country.
  int before = ph.begin - 1;
  if (modifier && before >= sg.begin && in_mention_[before] >= 0 &&
      facts_.actors[in_mention_[before]].token_end == ph.begin &&
      ModifiesNoun(in_mention_[before]) && AgentHead(ph)) {
    *modifier = in_mention_[before];
    before = facts_.actors[*modifier].token_begin - 1;
    while (before >= sg.begin && IsNorm(w_.determiner, before) && in_mention_[before] < 0) {
      --before;
    }
  }
  // It opens its clause: nothing but a comma or "that" before it.
  if (before >= sg.begin && Norm(before) != "," && !IsNorm(w_.complementizer, before) &&
      !IsNorm(w_.subordinator, before) && !IsNorm(w_.coordinator, before)) {
    return {};
  }
  for (const auto& pm : facts_.places) {
    if (j >= pm.token_begin && j < pm.token_end) return {};  // a place, not a party
  }
  return ph;
}

bool SentenceAnalysis::NamedPhrase(const Phrase& ph) const {
  for (int i = ph.begin; i < ph.end; ++i) {
    if (i > 0 && Capitalised(toks_[i])) return true;
  }
  return false;
}

bool SentenceAnalysis::AgentHead(const Phrase& ph) const {
  return Is(impl_.phrase.agent_noun, ph.end - 1);
}

void SentenceAnalysis::UnresolvedArguments(Arguments* a) const {
  if (a->targets.empty()) {
    Phrase ph = ObjectPhrase(*a);
    if (ph.begin >= 0) a->unresolved_target = PhraseActor(ph);
  }
  if (a->sources.empty()) {
    // No rule found a source actor: the clause's subject, when it denotes an agent (a person or
    // group noun, or a name the dictionaries lack), is the event's unresolved source, provided
    // the event has a coded target (an event with neither actor coded is left out: measured,
    // doc/eval.md "Unresolved agents").
    if (a->targets.empty()) return;
    int modifier = -1;
    Phrase ph = AgentPhrase(*a, &modifier);
    if (ph.begin < 0) return;
    if (modifier >= 0) {
      // "A French lawyer filed ...": a person or group of the demonym's country is the doer,
      // coded as that country (the actor stage reads a demonym before a singular noun as a
      // modifier, not as a party).
      a->src_mentions = {modifier};
      a->sources = {facts_.actors[modifier].actor};
      a->source_rule = kDemonymAgent;
      return;
    }
    if (!(AgentHead(ph) || NamedPhrase(ph))) return;
    for (int i = ph.begin; i < ph.end; ++i) {
      if (toks_[i].has(Token::kNumber)) return;  // "116 people arrived": a count, not a doer
    }
    a->sources = {PhraseActor(ph)};
    a->source_rule = kUnresolvedSubject;
    return;
  }
  // The subject rule's actor stands further from the verb than the agent phrase (or in another
  // clause): the phrase is the subject, the actor some other party of the sentence. The rule's
  // name is read from the table, so that it is written once.
  static const char* const subject_rule = [] {
    for (const ArgumentRule& r : MentionRules()) {
      if (r.assign == &SentenceAnalysis::SubjectAssign) return r.name;
    }
    return static_cast<const char*>(nullptr);
  }();
  if (a->source_rule != subject_rule) return;
  Phrase ph = AgentPhrase(*a);
  if (ph.begin < 0 || !NamedPhrase(ph)) return;
  a->sources = {PhraseActor(ph)};
  a->src_mentions.clear();
  a->source_rule = kUnresolvedSubject;
}

void SentenceAnalysis::NoteUnresolved(std::vector<Event>* events) {
  for (Event& e : *events) {
    if (e.target && e.target->code.empty()) {
      e.rule += std::string(" [target: ") + kUnresolvedObject + "]";
    }
  }
}

}  // namespace dragoman::events_internal
