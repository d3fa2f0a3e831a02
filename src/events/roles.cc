// Argument roles: subject, by-agent, coordination, apposition, object and counterpart.
#include <algorithm>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

bool OneParty(const ActorRef& a, const ActorRef& b) {
  if (a.country.empty() || b.country.empty()) return a.code == b.code;
  return a.country == b.country && (a.sector == b.sector || a.sector.empty() || b.sector.empty());
}

bool SentenceAnalysis::GovernedByPreposition(int mention) const {
  int j = facts_.actors[mention].token_begin - 1;
  // Determiners and possessives ("with my counterpart") sit between the preposition and actor.
  while (j >= 0 && (IsNorm(w_.determiner, j) || IsNorm(w_.noun_marker, j))) --j;
  if (j < 0 || !IsNorm(w_.preposition, j)) return false;
  // "Thousands of Iraqi Kurds demonstrated": the counted actor heads the phrase.
  if (IsNorm(w_.preposition_of, j) && j > 0 &&
      (IsNorm(w_.partitive, j - 1) || toks_[j - 1].has(Token::kNumber))) {
    return false;
  }
  return true;
}

// "Kenya, a key US ally in the region, has refused": a mention inside an apposition that
// opens with a determiner right after another actor X and closes with a comma before the trigger
// stands for X. Returns X, or `mention` itself when it is not inside such an apposition.
int SentenceAnalysis::ApposedHead(int mention, const Segment& seg, int trigger) const {
  const ActorMention& am = facts_.actors[mention];
  int open = -1;
  for (int j = am.token_begin - 1; j > seg.begin; --j) {
    if (Norm(j) == ",") {
      open = j;
      break;
    }
    if (Punct(j)) return mention;
  }
  if (open < 0 || !IsNorm(w_.determiner, open + 1)) return mention;
  if (open + 1 == am.token_begin) return mention;  // ", the Y of Z," is handled by the caller
  bool closes = false;
  for (int k = am.token_end; k < trigger; ++k) closes = closes || Norm(k) == ",";
  if (!closes) return mention;
  int head = MentionEndingAt(open);
  if (head < 0 || excluded_[head] || facts_.actors[head].token_begin < seg.begin ||
      GovernedByPreposition(head)) {
    return mention;
  }
  return head;
}

// The object's head. A possessive pronoun ("his", "their": a one-token pronoun mention of the
// `determiner` class) determines the noun phrase after it; an actor named within that phrase,
// before any punctuation but a hyphen, any preposition and within kHeadReach tokens, is the
// object ("released his corruption-tainted deputy X" -> X; "his visit to X" is not X). A genitive
// ("Syria's") followed by one to three plain words and a comma-closed apposition names the
// object in that apposition ("asked Syria's ally, Russian President Y, to ..." -> Y).
constexpr int kHeadReach = 5;

int SentenceAnalysis::ObjectHead(int mention) const {
  const ActorMention& am = facts_.actors[mention];
  const int n = static_cast<int>(toks_.size());
  const int seg = Seg(am.token_begin);
  const int end = am.token_end;
  auto usable = [&](int mm) { return mm >= 0 && !excluded_[mm] && !facts_.actors[mm].place; };
  if (am.kind == ActorMention::Kind::kPronoun && end - am.token_begin == 1 &&
      IsNorm(w_.determiner, am.token_begin)) {
    for (int j = end; j < n && j < end + kHeadReach && Seg(j) == seg; ++j) {
      if (mention_at_[j] >= 0) return usable(mention_at_[j]) ? mention_at_[j] : mention;
      if ((Punct(j) && Norm(j) != "-") || IsNorm(w_.preposition, j)) break;
    }
    return mention;
  }
  if (end < n && IsNorm(w_.possessive_marker, end)) {
    int j = end + 1;
    while (j < n && j <= end + 3 && !Punct(j) && in_mention_[j] < 0 &&
           !IsNorm(w_.preposition, j)) {
      ++j;
    }
    if (j > end + 1 && j + 1 < n && Norm(j) == "," && Seg(j + 1) == seg &&
        usable(mention_at_[j + 1])) {
      const int ap = mention_at_[j + 1];
      const int after = facts_.actors[ap].token_end;
      if (after < n && Norm(after) == ",") return ap;
    }
  }
  return mention;
}

// A pronoun the actor stage resolved to one actor ("they" for the Syrian opposition named
// earlier in the sentence) is reported as the phrase that names that actor: the closest earlier
// mention with the same code (and the same person's name, when both have one) that is not a
// pronoun. A plural reference with several members names no single antecedent and stays.
int SentenceAnalysis::Antecedent(int mention) const {
  const ActorMention& am = facts_.actors[mention];
  if (am.kind != ActorMention::Kind::kPronoun || am.members.size() >= 2) return mention;
  int best = -1;
  for (size_t m = 0; m < facts_.actors.size(); ++m) {
    const ActorMention& c = facts_.actors[m];
    if (c.token_end > am.token_begin || c.kind == ActorMention::Kind::kPronoun ||
        c.members.size() >= 2 || c.place || c.actor.code != am.actor.code) {
      continue;
    }
    if (!am.actor.name.empty() && !c.actor.name.empty() && c.actor.name != am.actor.name) continue;
    if (best < 0 || c.token_begin > facts_.actors[best].token_begin) best = static_cast<int>(m);
  }
  return best >= 0 ? best : mention;
}

// A bare demonym that modifies a singular common noun ("near the Thai border", "the Russian
// language"): the noun, not the country, heads the phrase, so it is no clause subject.
bool SentenceAnalysis::ModifiesNoun(int mention) const {
  const ActorMention& am = facts_.actors[mention];
  if (am.rule.rfind("demonym:", 0) != 0 || !am.members.empty()) return false;
  int k = am.token_end;
  if (k >= static_cast<int>(toks_.size()) || in_mention_[k] >= 0) return false;
  const Token& t = toks_[k];
  if (t.has(Token::kPunct) || t.has(Token::kCapitalized) || t.has(Token::kNumber)) return false;
  // A verb right after the demonym makes it the subject ("the Thai said").
  if (impl_.index.count(t.lemma) > 0 || IsNorm(w_.be, k)) return false;
  if (!std::isalpha(static_cast<unsigned char>(t.norm.empty() ? ' ' : t.norm[0]))) return false;
  // A plural noun in the next words names people of that country ("Algerian landowners",
  // "Palestinian youths", "French paper workers").
  for (int j = k; j < k + 3 && j < static_cast<int>(toks_.size()); ++j) {
    const Token& w = toks_[j];
    if (w.has(Token::kPunct) || in_mention_[j] >= 0 || w.has(Token::kCapitalized)) break;
    if (w.norm != w.lemma && impl_.index.count(w.lemma) == 0) return false;
  }
  return true;
}

bool SentenceAnalysis::ObjectOfVerb(int mention) const {
  int j = facts_.actors[mention].token_begin - 1;
  while (j >= 0 && IsNorm(w_.determiner, j)) --j;
  // A count before the actor belongs to it: "kidnapped up to 16 Russian advisers".
  for (const auto& q : facts_.quantities) {
    if (q.token_begin > j || j >= q.token_end) continue;
    j = q.token_begin - 1;
    // Its qualifier ("up to", "at least") stands right before the number.
    std::vector<std::string> words;
    for (size_t a = 0, b; a < q.qualifier.size(); a = b + 1) {
      b = q.qualifier.find(' ', a);
      if (b == std::string::npos) b = q.qualifier.size();
      words.push_back(q.qualifier.substr(a, b - a));
    }
    for (auto w = words.rbegin(); w != words.rend() && j >= 0 && Norm(j) == *w; ++w) --j;
  }
  while (j >= 0 && IsNorm(w_.determiner, j)) --j;
  if (j < 0 || Punct(j) || in_mention_[j] >= 0) return false;
  // A verb outside the mention's clause does not govern it ("said [they] would ...").
  if (j < segs_[Seg(facts_.actors[mention].token_begin)].begin) return false;
  const Token& t = toks_[j];
  if (IsNorm(w_.be, j) || IsNorm(w_.subordinator, j) || IsNorm(w_.relative, j) ||
      IsNorm(w_.coordinator, j) || IsNorm(w_.complementizer, j)) {
    return false;
  }
  // A finite verb right before the actor makes it an object ("condemned Iran").
  return t.has(Token::kVerbForm) && !t.has(Token::kCapitalized) &&
         (t.norm != t.lemma || impl_.index.count(t.lemma) > 0);
}

std::vector<int> SentenceAnalysis::Coordinated(int mention) const {
  std::vector<int> out = {mention};
  int k = facts_.actors[mention].token_end;
  const int n = static_cast<int>(toks_.size());
  while (k + 1 < n && out.size() < 8) {
    int j = k;
    if (Norm(j) == ",") ++j;
    if (j < n && IsNorm(w_.conjunction_and, j)) ++j;
    if (j == k || j >= n) break;
    while (j < n && IsNorm(w_.determiner, j)) ++j;
    if (j >= n || mention_at_[j] < 0 || Seg(j) != Seg(k)) break;
    // "X, Y and Z" or "X and Y" -- not ", the Y of ..." appositions of X; but a country after
    // a country is a list ("to Iran, Libya, Sudan, and Cuba").
    if (Norm(k) == "," && !IsNorm(w_.conjunction_and, k + 1)) {
      int next = mention_at_[j];
      int after = facts_.actors[next].token_end;
      auto country = [&](int mm) { return facts_.actors[mm].kind == ActorMention::Kind::kCountry; };
      if (after < n && Norm(after) == "," && !(country(out.back()) && country(next))) break;
    }
    out.push_back(mention_at_[j]);
    k = facts_.actors[mention_at_[j]].token_end;
  }
  return out;
}

// "Mali's use of the company X was met with criticism", "the Iranian seizure of the tanker
// drew condemnation": an actor after "of" complements a common noun (lower case, no actor's
// word) that an actor owns; that owner is what the noun phrase is about, the subject. Returns
// `mention` itself otherwise ("the Ministry of Foreign Affairs of Georgia": no owner).
// "..., with the two countries pledging to pull back": an actor after an `absolute`
// preposition (and determiners) right before the -ing trigger is the trigger's subject.
bool SentenceAnalysis::AbsoluteSubject(int mention, int trigger) const {
  const ActorMention& am = facts_.actors[mention];
  if (am.token_end != trigger || am.place) return false;
  const std::string& verb = Norm(trigger);
  if (verb.size() < 5 || verb.compare(verb.size() - 3, 3, "ing") != 0) return false;
  int j = am.token_begin - 1;
  while (j >= 0 && IsNorm(w_.determiner, j)) --j;
  return j >= 0 && IsNorm(w_.absolute, j);
}

int SentenceAnalysis::OfComplementOwner(int mention, const Segment& s) const {
  // Back over the words of the noun phrase after "of" ("of the Russian mercenary company X").
  int j = facts_.actors[mention].token_begin - 1;
  for (int words = 0; j > s.begin && words < 5 && !Punct(j) && !IsNorm(w_.preposition, j); ++words) {
    --j;
  }
  if (j <= s.begin || !IsNorm(w_.preposition_of, j)) return mention;
  const int noun = j - 1;
  const Token& t = toks_[noun];
  if (in_mention_[noun] >= 0 || t.has(Token::kPunct) || t.has(Token::kCapitalized) ||
      t.has(Token::kNumber)) {
    return mention;
  }
  const int owner = PossessorBefore(noun);
  if (owner < 0 || owner == mention || facts_.actors[owner].token_begin < s.begin ||
      excluded_[owner] || facts_.actors[owner].place) {
    return mention;
  }
  return owner;
}

std::vector<int> SentenceAnalysis::SubjectOf(int seg, int trigger, int depth) const {
  if (seg < 0 || depth > 4) return {};
  const Segment& s = segs_[seg];
  int best = -1;
  for (size_t m = 0; m < facts_.actors.size(); ++m) {
    const auto& am = facts_.actors[m];
    if (am.token_begin < s.begin || am.token_end > trigger || excluded_[m]) continue;
    // A place does nothing: "BAMAKO - Armed men attacked ..." (a wire dateline; the actor stage
    // marks a place only there or after a locative preposition).
    if (am.place) continue;
    if (AbsoluteSubject(static_cast<int>(m), trigger)) {
      best = static_cast<int>(m);
      continue;
    }
    if (GovernedByPreposition(static_cast<int>(m)) || ObjectOfVerb(static_cast<int>(m))) continue;
    if (ModifiesNoun(static_cast<int>(m))) continue;
    best = static_cast<int>(m);  // the last one before the trigger
  }
  if (best >= 0) {
    // Apposition: "X, the Y of Z," -> X; coordination: "X and Y" -> both.
    best = ApposedHead(best, s, trigger);
    best = OfComplementOwner(best, s);
    for (int guard = 0; guard < 4; ++guard) {
      int b = facts_.actors[best].token_begin;
      int j = b - 1;
      while (j > s.begin && IsNorm(w_.determiner, j)) --j;
      if (j > s.begin && Norm(j) == ",") {
        int prev = MentionEndingAt(j);
        // Not an introductory phrase: "At the meeting with his counterpart, we discussed".
        if (prev >= 0 && !excluded_[prev] && facts_.actors[prev].token_begin >= s.begin &&
            !GovernedByPreposition(prev)) {
          best = prev;
          continue;
        }
      }
      if (j > s.begin && IsNorm(w_.conjunction_and, j)) {
        int prev = MentionEndingAt(j);
        if (prev < 0 && j - 1 >= 0 && Norm(j - 1) == ",") prev = MentionEndingAt(j - 1);
        if (prev >= 0 && facts_.actors[prev].token_begin >= s.begin && !excluded_[prev]) {
          best = prev;
          continue;
        }
      }
      break;
    }
    std::vector<int> subj = Coordinated(best);
    // Keep only coordinated members before the trigger.
    subj.erase(std::remove_if(subj.begin(), subj.end(),
                              [&](int m) { return facts_.actors[m].token_end > trigger; }),
               subj.end());
    return subj;
  }
  // "A car bombing by X killed ...": the doer of the act whose noun phrase opens the clause
  // (no preposition, punctuation or actor before it), named by an agent preposition right after
  // its noun, is the subject (a passive's "by" is ByAgent's).
  for (size_t m = 0; m < facts_.actors.size(); ++m) {
    const auto& am = facts_.actors[m];
    if (am.token_begin < s.begin || am.token_end > trigger || excluded_[m] || am.place) continue;
    int j = am.token_begin - 1;
    while (j > s.begin && IsNorm(w_.determiner, j)) --j;
    if (j <= s.begin || !IsNorm(w_.agent_preposition, j) || !NounHead(j - 1)) continue;
    bool plain = trigger - am.token_end <= 2;  // nothing but the noun phrase before and after
    for (int k = s.begin; k < j && plain; ++k) {
      plain = !Punct(k) && in_mention_[k] < 0 && !IsNorm(w_.preposition, k);
    }
    for (int k = am.token_end; k < trigger && plain; ++k) plain = !Punct(k) && in_mention_[k] < 0;
    if (plain) return Coordinated(static_cast<int>(m));
  }
  // "Activists working under the Peruvian ombudsman visited ...", "doctors from two American
  // aid groups donated ...": an unnamed group right before the verb, belonging to an actor
  // after under/for/from, acts for that actor.
  for (size_t m = 0; m < facts_.actors.size(); ++m) {
    const auto& am = facts_.actors[m];
    if (am.token_begin < s.begin || am.token_end != trigger || excluded_[m]) continue;
    int j = am.token_begin - 1;
    while (j > s.begin && IsNorm(w_.determiner, j)) --j;
    if (j <= s.begin || !IsNorm(w_.affiliation_preposition, j)) continue;
    bool plain = true;  // no punctuation or earlier actor between the clause start and it
    for (int k = s.begin; k < j && plain; ++k) plain = !Punct(k) && in_mention_[k] < 0;
    if (plain && !am.place) return {static_cast<int>(m)};
  }
  // "X said that it will ...": a reported clause whose subject is "it" is about the speaker
  // ("it" names no actor of its own; a country or organisation speaks of itself).
  if (s.kind == SegKind::kReported) {
    int k = s.begin;
    if (k < trigger && IsNorm(w_.complementizer, k)) ++k;
    if (k < trigger && trigger - k <= 6 && IsNorm(w_.expletive, k)) {  // "it" heads this clause
      int sp = SpeakerOfSegment(seg, depth + 1);
      if (sp >= 0) return {sp};
    }
  }
  if (s.kind == SegKind::kRelative) {
    if (s.antecedent >= 0) return {s.antecedent};
    return {};  // "an individual who attacked ...": the antecedent is no actor
  }
  if (s.inherit >= 0 && s.kind != SegKind::kReported && s.kind != SegKind::kQuote) {
    return SubjectOf(s.inherit, segs_[s.inherit].end, depth + 1);
  }
  return {};
}

int SentenceAnalysis::ByAgent(int trigger, int seg) const {
  const int n = static_cast<int>(toks_.size());
  for (int k = trigger + 1; k < n && k <= trigger + 10; ++k) {
    if (Seg(k) != seg) break;
    if (Norm(k) == "." || Norm(k) == ";") break;
    if (!IsNorm(w_.agent_preposition, k)) continue;
    for (int j = k + 1; j < n && j <= k + 4; ++j) {
      if (mention_at_[j] >= 0) return mention_at_[j];
      if (Punct(j)) break;
    }
  }
  return -1;
}

std::optional<ActorRef> SentenceAnalysis::Counterpart(const std::string& country,
                                                      int exclude_mention) const {
  if (country.empty()) return std::nullopt;
  auto other = [&](const ActorRef& a) { return !a.country.empty() && a.country != country; };
  if (ctx_.last_event && *ctx_.last_event) {
    const Event& le = **ctx_.last_event;
    if (le.source && le.target) {
      if (le.source->country == country && other(*le.target)) return le.target;
      if (le.target->country == country && other(*le.source)) return le.source;
    }
  }
  for (size_t m = 0; m < facts_.actors.size(); ++m) {
    if (static_cast<int>(m) == exclude_mention) continue;
    // A place no preposition governs is the wire dateline ("MOSCOW (Sputnik) - A court in X
    // revoked ..."): where the story was filed, no party to it.
    if (facts_.actors[m].place && !GovernedByPreposition(static_cast<int>(m))) continue;
    if (other(facts_.actors[m].actor)) return facts_.actors[m].actor;
  }
  if (ctx_.recent) {
    for (auto it = ctx_.recent->rbegin(); it != ctx_.recent->rend(); ++it) {
      if (other(*it)) return *it;
    }
  }
  return std::nullopt;
}

// Argument assignment, late object: an event whose pattern found no target takes the first actor
// that follows the matched words in the same clause, within kObjectReach tokens, when it is of
// another party than every source ("conveyed his congratulations on the completion of
// Azerbaijan's elections", "hope to host his Azerbaijani counterpart", "determination to expand
// cooperation with Iran", "concerns over third-party involvement by Armenia"). Another party is
// another country, or another sector of the same country (OneParty): a state's organs act on its
// own people and groups ("the police detained dozens of demonstrators", "the court lifted a
// travel ban on a journalist"), while a bare country and its government are one party. Places
// ("in Tehran"), speakers and actors of the source's own party are passed over; a comma, a
// quotation mark or the clause's end stops the search. Returns the mention index or -1.
constexpr int kObjectReach = 10;

int SentenceAnalysis::ObjectAfter(const Match& m, int seg,
                                  const std::vector<ActorRef>& sources) const {
  const int n = static_cast<int>(toks_.size());
  for (int k = m.end; k < n && k < m.end + kObjectReach; ++k) {
    if (Seg(k) != seg) break;
    const std::string& w = Norm(k);
    if (w == "," || w == "." || w == ";" || w == ":" || w == "(" || IsQuote(k) ||
        w == "\xe2\x80\x9c" || w == "\xe2\x80\x9d") {
      break;
    }
    int mm = mention_at_[k];
    if (mm < 0) continue;
    const ActorMention& am = facts_.actors[mm];
    k = am.token_end - 1;
    if (excluded_[mm] || am.place) continue;
    bool own = false;
    for (const ActorRef& r : Refs(am)) {
      for (const ActorRef& s : sources) own = own || OneParty(r, s);
    }
    if (own) continue;
    return mm;
  }
  return -1;
}

// Argument assignment, the country attacked: the first country named as a place ("in Yemen",
// "near Syria") after the matched words, in the same clause and within kObjectReach tokens,
// that is of another party than every source. Capitals and cities are not countries here: a
// strike "in Kabul" says where, the country is what an act of force on its soil is done to.
// The same stops as ObjectAfter. Returns the mention index or -1.
int SentenceAnalysis::CountryPlaceAfter(const Match& m, const Pattern& p, int seg,
                                        const std::vector<ActorRef>& sources) const {
  const int n = static_cast<int>(toks_.size());
  // A pattern ending in a target slot that found no actor ("strikes ..4 on|against +") may have
  // taken a later "on" ("in Syria on Tuesday"): the search starts before that last word.
  int start = m.end;
  if (p.elements.back().kind == PatternElement::Kind::kTarget && m.targets.empty() &&
      m.words.size() >= 2) {
    start = m.words[m.words.size() - 2] + 1;
  }
  const int stop = m.end + kObjectReach;
  for (int k = start; k < n && k < stop; ++k) {
    if (Seg(k) != seg) break;
    const std::string& w = Norm(k);
    if (w == "," || w == "." || w == ";" || w == ":" || w == "(" || IsQuote(k) ||
        w == "\xe2\x80\x9c" || w == "\xe2\x80\x9d") {
      break;
    }
    const int mm = mention_at_[k];
    if (mm < 0) continue;
    const ActorMention& am = facts_.actors[mm];
    k = am.token_end - 1;
    if (excluded_[mm] || !am.place || am.kind != ActorMention::Kind::kCountry ||
        am.actor.country.empty()) {
      continue;
    }
    bool own = false;
    for (const ActorRef& s : sources) own = own || s.country == am.actor.country;
    if (own) continue;
    return mm;
  }
  return -1;
}

// Argument assignment, implicit counterparts: an event of the sentence that still has no target
// takes the other party of a bilateral setting the sentence itself states, in this order:
//   1. a meeting (CAMEO 04x) of the same source country with a target in the same sentence
//      ("During a meeting with X, A emphasized ..." -> A's emphasis is addressed to X);
//   2. a plural noun reference of the sentence naming the source's country and another ("the
//      two countries", "both sides"; not "their", whose antecedent is less sure), not the
//      source mention itself;
//   3. the word "bilateral" ("developing bilateral relations"), for events of the `bilateral`
//      family of cameo.tsv (roots 01-09: talk and cooperation, not force): the
//      counterpart of the source's country (Counterpart(): the other side of the last event, else
//      of the sentence or of the recent context);
//   4. a meeting (04x) of the source's country coded as the last event within the two previous
//      sentences, for a cooperative act (cameo.tsv's `cooperative` family, 03-06): its other
//      party ("We discussed X. We agreed to ...").
// None applies to coordinated sources of different countries ("A and B agreed on
// a pact between the two countries"): whether they act on each other is the pattern's `sym`
// option to say. Nothing else invents a target. Events that become duplicates (same parties and
// CAMEO root) are dropped.
const std::vector<SentenceAnalysis::CounterpartRule>& SentenceAnalysis::CounterpartRules() {
  using S = SentenceAnalysis;
  static const std::vector<CounterpartRule> rules = {
      {"the meeting's other party", &S::MeetingPartyApplies, &S::MeetingParty},
      {"the other of the two parties named", &S::NamedPartiesApply, &S::OtherNamedParty},
      {"bilateral: counterpart", &S::BilateralApplies, &S::BilateralCounterpart},
      {"the meeting just reported", &S::ReportedMeetingApplies, &S::ReportedMeetingParty},
  };
  return rules;
}

// 1. A meeting of the same source country with a target in the same sentence.
bool SentenceAnalysis::MeetingPartyApplies(const Event&, const std::vector<Event>&) const {
  return true;
}
std::optional<ActorRef> SentenceAnalysis::MeetingParty(const Event& e,
                                                       const std::vector<Event>& events) const {
  const std::string& c = e.source->country;
  for (const Event& o : events) {
    if (&o == &e || !o.target || !o.source || o.source->country != c) continue;
    if (!impl_.codes.InFamily(o.cameo, impl_.consult)) continue;
    if (o.target->country.empty() || o.target->country == c) continue;
    return o.target;
  }
  return std::nullopt;
}

// 2. A plural noun reference naming the source's country and another.
bool SentenceAnalysis::NamedPartiesApply(const Event&, const std::vector<Event>&) const {
  return true;
}
std::optional<ActorRef> SentenceAnalysis::OtherNamedParty(const Event& e,
                                                          const std::vector<Event>&) const {
  const std::string& c = e.source->country;
  auto within = [](const ActorRef& inner, const ActorRef& outer) {
    return inner.begin >= outer.begin && inner.end <= outer.end;
  };
  for (const ActorMention& am : facts_.actors) {
    if (am.members.size() < 2 || within(*e.source, am.actor)) continue;
    if (am.rule.rfind("ref:plural-noun", 0) != 0) continue;
    bool has_source = false;
    for (const ActorRef& r : am.members) has_source = has_source || r.country == c;
    if (!has_source) continue;
    for (const ActorRef& r : am.members) {
      if (!r.country.empty() && r.country != c) return r;
    }
  }
  return std::nullopt;
}

// 3. "bilateral" frames cooperation and talk (cameo.tsv's `bilateral` family), not force.
bool SentenceAnalysis::BilateralApplies(const Event& e, const std::vector<Event>&) const {
  if (!impl_.codes.InFamily(e.cameo, impl_.bilateral)) return false;
  for (int i = 0; i < static_cast<int>(toks_.size()); ++i) {
    if (IsNorm(w_.bilateral, i)) return true;
  }
  return false;
}
std::optional<ActorRef> SentenceAnalysis::BilateralCounterpart(const Event& e,
                                                               const std::vector<Event>&) const {
  return Counterpart(e.source->country, -1);
}

// 4. The meeting just reported, for a cooperative act.
bool SentenceAnalysis::ReportedMeetingApplies(const Event& e, const std::vector<Event>&) const {
  return ctx_.last_event && *ctx_.last_event && impl_.codes.InFamily(e.cameo, impl_.cooperative);
}
std::optional<ActorRef> SentenceAnalysis::ReportedMeetingParty(const Event& e,
                                                               const std::vector<Event>&) const {
  const std::string& c = e.source->country;
  const Event& le = **ctx_.last_event;
  if (impl_.codes.InFamily(le.cameo, impl_.consult) && le.source && le.target &&
      le.sentence + 2 >= facts_.sentence->index) {
    if (le.source->country == c && !le.target->country.empty() && le.target->country != c) {
      return le.target;
    }
    if (le.target->country == c && !le.source->country.empty() && le.source->country != c) {
      return le.source;
    }
  }
  return std::nullopt;
}

void SentenceAnalysis::CompleteTargets(std::vector<Event>* events) const {
  for (Event& e : *events) {
    // An unresolved target (no code) is no actor here: a counterpart found replaces it.
    if ((e.target && !e.target->code.empty()) || !e.source || e.source->country.empty()) continue;
    const std::string& c = e.source->country;
    // Coordinated sources of different countries: whether they act on each other is the
    // pattern's `sym` option to say.
    bool coordinated = false;
    for (const Event& o : *events) {
      coordinated = coordinated || (o.rule == e.rule && o.source && o.source->country != c);
    }
    if (coordinated) continue;
    for (const CounterpartRule& r : CounterpartRules()) {
      if (!(this->*r.applies)(e, *events)) continue;
      if (std::optional<ActorRef> t = (this->*r.find)(e, *events)) {
        e.target = t;
        e.rule += std::string(" [target: ") + r.name + "]";
        break;
      }
    }
  }
  // A meeting is mutual: A meets B and B meets A in one sentence are one event.
  std::set<std::string> seen;
  auto who = [](const std::optional<ActorRef>& a) {
    return !a ? std::string() : a->country.empty() ? a->code : a->country;
  };
  auto key = [&](const Event& e) {
    std::string a = who(e.source), b = who(e.target), root = e.cameo.substr(0, 2);
    if (impl_.codes.InFamily(e.cameo, impl_.consult) && !b.empty() && b < a) std::swap(a, b);
    return a + "|" + b + "|" + root;
  };
  events->erase(std::remove_if(events->begin(), events->end(),
                               [&](const Event& e) { return !seen.insert(key(e)).second; }),
                events->end());
}

}  // namespace dragoman::events_internal
