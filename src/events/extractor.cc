// The event extractor: a shallow clause analysis plus a pattern matcher.
//
// Approach. A sentence is cut into segments (clauses) at clause boundaries: ';', subordinating
// conjunctions ("but", "while", "because", "if"...), relative pronouns ("who", "which"), the
// "that" / ':' complement of a reporting verb, and quotation marks. Each segment remembers how
// it relates to the others: a relative clause knows its antecedent, a continuation after a
// relative clause or a participle inherits the subject of the clause it continues, a reported
// clause knows its speaker. Patterns (data/events/verbs.txt) are then matched at every token;
// the best pattern at a trigger (most word elements, then file order) wins and consumes its
// tokens, so one phrase states at most one event. For each match:
//   - voice: a form of "be"/"get" (adverbs allowed between) before a participle is passive; so is
//     a participle right after an actor and before a preposition ("soldiers arrested in ...").
//   - source: the `$` slot; else, in the passive, the "by" agent; else the subject of the
//     segment: the last actor mention before the trigger that is not governed by a preposition
//     nor the object of a verb, with appositions ("X, the Y of Z,") resolved to X and
//     coordinations ("X and Y") collected.
//   - target: the `+` slot; in the passive, the subject; for `react`/`during` patterns, the
//     counterpart (an actor of another country) from the sentence or the document context.
//   - negation, mood, date, location and quantity from cue words and the other stages' mentions.
// Invariants: no event without a matched trigger token outside actor mentions; no event without
// a source actor (unless a documented infer= rule names one, marked in Event::rule); no two
// events of a sentence share source, target and CAMEO root.
#include "events/extractor.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "base/file.h"
#include "events/codes.h"
#include "events/patterns.h"

namespace dragoman {

namespace {

// The compiled data shared by all sentences.
struct ExtractorData {
  CodeTable codes;
  std::vector<Pattern> patterns;
  EventLexicon lex;
  // First-element word -> pattern indices (in file order).
  std::unordered_map<std::string, std::vector<int>> index;
};

// What the per-document context offers one sentence (null members when there is no context).
struct ContextView {
  const std::vector<ActorRef>* recent = nullptr;  // most recent last
  const std::optional<Event>* last_event = nullptr;
  const std::set<std::string>* consulted = nullptr;  // country pairs of coded consultations
};

// "AZE|IRN": the order-free key of a country pair.
std::string PairKey(const std::string& a, const std::string& b) {
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
      : impl_(impl), facts_(facts), toks_(facts.sentence->tokens), ctx_(ctx) {
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

  std::vector<Event> Run();

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

  const std::string& Norm(int i) const { return toks_[i].norm; }
  bool Is(std::string_view cls, int i) const {
    return i >= 0 && i < static_cast<int>(toks_.size()) &&
           (impl_.lex.Has(cls, toks_[i].norm) || impl_.lex.Has(cls, toks_[i].lemma));
  }
  bool IsNorm(std::string_view cls, int i) const {
    return i >= 0 && i < static_cast<int>(toks_.size()) && impl_.lex.Has(cls, toks_[i].norm);
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
  bool WordMatches(const PatternElement& e, int i) const;
  bool MatchFrom(const Pattern& p, size_t ei, int ti, int seg, bool passive, Match* m) const;
  bool GovernedByPreposition(int mention) const;
  bool ModifiesNoun(int mention) const;
  int ApposedHead(int mention, const Segment& seg, int trigger) const;
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
  int ReducedPassiveHead(int t, int depth = 0) const;
  std::optional<ActorRef> Counterpart(const std::string& country, int exclude_mention) const;
  int ObjectAfter(const Match& m, int seg, const std::vector<ActorRef>& sources) const;
  void CompleteTargets(std::vector<Event>* events) const;
  void FillCommon(const Match& m, Event* e) const;

  const ExtractorData& impl_;
  const SentenceFacts& facts_;
  const std::vector<Token>& toks_;
  ContextView ctx_;
  std::vector<int> mention_at_;  // token -> mention starting there
  std::vector<int> in_mention_;  // token -> mention covering it
  std::vector<bool> excluded_;   // mentions that are speakers, not clause subjects
  std::vector<Segment> segs_;
  std::vector<int> seg_of_;
  int all_speaker_ = -1;  // a speaker for the whole sentence ("according to X", "X said.")
};

void SentenceAnalysis::NewSegment(int begin, SegKind kind, int inherit) {
  if (!segs_.empty() && segs_.back().begin == begin) {
    segs_.back().kind = kind;
    segs_.back().inherit = inherit;
    return;
  }
  if (!segs_.empty()) segs_.back().end = begin;
  Segment s;
  s.begin = begin;
  s.end = static_cast<int>(toks_.size());
  s.kind = kind;
  s.inherit = inherit;
  segs_.push_back(s);
}

int SentenceAnalysis::MentionEndingAt(int end) const {
  for (size_t m = 0; m < facts_.actors.size(); ++m) {
    if (facts_.actors[m].token_end == end) return static_cast<int>(m);
  }
  return -1;
}

// Cuts the sentence into segments; see the essay at the top of the file.
void SentenceAnalysis::Split() {
  const int n = static_cast<int>(toks_.size());
  segs_.clear();
  NewSegment(0, SegKind::kMain, -1);
  // The segment a relative clause interrupted, to resume after its closing comma.
  int resume = -1;
  bool in_quote = false;
  for (int i = 0; i < n; ++i) {
    if (in_mention_[i] >= 0 && mention_at_[i] != i && in_mention_[i] >= 0 &&
        facts_.actors[in_mention_[i]].token_begin != i) {
      continue;  // never cut inside an actor mention
    }
    const std::string& w = Norm(i);
    int cur = static_cast<int>(segs_.size()) - 1;
    if (IsQuote(i) || w == "\xe2\x80\x9c" || w == "\xe2\x80\x9d") {
      // Opening or closing quotation mark: a quoted passage is its own segment.
      bool opening = !in_quote;
      in_quote = !in_quote;
      if (opening && i + 1 < n) {
        NewSegment(i + 1, SegKind::kQuote, -1);
      } else if (!opening && i + 1 < n) {
        NewSegment(i + 1, SegKind::kMain, -1);
      }
      continue;
    }
    if (w == ";") {
      if (i + 1 < n) NewSegment(i + 1, SegKind::kMain, -1);
      resume = -1;
      continue;
    }
    if (w == ":") {
      int verb = Is("speech", i - 1) ? i - 1 : (i >= 2 && Is("speech", i - 2)) ? i - 2 : -1;
      if (i + 1 < n) NewSegment(i + 1, verb >= 0 ? SegKind::kReported : SegKind::kMain, -1);
      if (verb >= 0) segs_.back().speaker_verb = verb;
      continue;
    }
    if (w == "," && resume >= 0 && segs_[cur].kind == SegKind::kRelative) {
      // End of ", who ... ," : the interrupted clause resumes.
      if (i + 1 < n) NewSegment(i + 1, SegKind::kMain, resume);
      resume = -1;
      continue;
    }
    if (IsNorm("relative", i) && i > segs_[cur].begin) {
      bool after_comma = Norm(i - 1) == ",";
      int ante = MentionEndingAt(after_comma ? i - 1 : i);
      NewSegment(i, SegKind::kRelative, cur);
      // "whom" relativizes an object: its antecedent is not the clause's subject ("refugees,
      // whom authorities blame for ...").
      segs_.back().antecedent = w == "whom" ? -1 : ante;
      resume = after_comma ? cur : -1;
      continue;
    }
    if (toks_[i].lemma == "say" && in_mention_[i] < 0 && i > segs_[cur].begin && i + 1 < n &&
        !Punct(i - 1) && !IsQuote(i - 1) && mention_at_[i + 1] >= 0 &&
        facts_.actors[mention_at_[i + 1]].token_end < n &&
        !Punct(facts_.actors[mention_at_[i + 1]].token_end)) {
      // "X said Y must ...": a clause without "that" reports for X (not the inverted
      // attribution "..., said X.", where the mention ends the sentence or the clause).
      NewSegment(i + 1, SegKind::kReported, -1);
      segs_.back().speaker_verb = i;
      continue;
    }
    if (w == "that" && i > segs_[cur].begin) {
      // "that" after a reporting verb (optionally with its addressee): "told X that ...", also
      // with a time in between: "said on Friday that", "said here Wednesday that".
      int j = i - 1;
      if (in_mention_[j] >= 0) j = facts_.actors[in_mention_[j]].token_begin - 1;
      for (int guard = 0; guard < 6 && j > segs_[cur].begin && !Is("speech", j); ++guard) {
        bool in_date = false;
        for (const auto& dm : facts_.dates) in_date |= j >= dm.token_begin && j < dm.token_end;
        const std::string& x = Norm(j);
        if (!in_date && x != "here" && x != "on" && x != "today" && x != "yesterday") break;
        --j;
      }
      if (j >= 0 && Norm(j) == ",") --j;
      if (j >= 0 && Is("speech", j) && !IsNorm("determiner", j - 1)) {
        NewSegment(i + 1 < n ? i + 1 : i, SegKind::kReported, -1);
        segs_.back().speaker_verb = j;
        continue;
      }
    }
    if (IsNorm("subordinator", i) && i > 0) {
      NewSegment(i, IsNorm("conditional", i) ? SegKind::kHypo : SegKind::kSub, cur);
      continue;
    }
  }
  seg_of_.assign(n, 0);
  for (size_t s = 0; s < segs_.size(); ++s) {
    for (int i = segs_[s].begin; i < segs_[s].end && i < n; ++i) seg_of_[i] = static_cast<int>(s);
  }
}

// Finds speakers: "X said that ..." (set by Segment), "..., X said." / "“...,” X stressed",
// "..., said X.", ", he noted," and "according to X".
void SentenceAnalysis::Speakers() {
  const int n = static_cast<int>(toks_.size());
  for (int i = 0; i + 2 < n; ++i) {
    if (Norm(i) == "according" && Norm(i + 1) == "to" && mention_at_[i + 2] >= 0) {
      all_speaker_ = mention_at_[i + 2];
      excluded_[all_speaker_] = true;
    }
  }
  for (int v = 1; v < n; ++v) {
    if (!Is("speech", v) || in_mention_[v] >= 0) continue;
    // Speaker before the verb: "..., X said" / "” X stressed" / ", he noted,".
    int j = v - 1;
    while (j >= 0 && IsNorm("adverb", j)) --j;
    int m = j >= 0 ? in_mention_[j] : -1;
    if (m >= 0 && facts_.actors[m].token_end == j + 1) {
      int before = facts_.actors[m].token_begin - 1;
      int after = v + 1;
      bool opens =
          before >= 0 && (Norm(before) == "," || IsQuote(before) || Norm(before) == "\xe2\x80\x9d");
      bool closes = after >= n || Norm(after) == "," || Norm(after) == "." ||
                    (Punct(after) && after + 1 >= n);
      // A date may close the attribution: "..., the ministry said on Monday."
      if (!closes && after < n && (Norm(after) == "on" || Norm(after) == "in")) {
        int k = after + 1;
        while (k < n && !Punct(k)) ++k;
        closes = k >= n || Norm(k) == ".";
      }
      // So may a bare date or "here": "..., military sources said today.", "..., a rights
      // group said here Wednesday."
      if (!closes && after < n) {
        int k = after;
        while (k < n && (Norm(k) == "here" || InDate(k))) ++k;
        closes = k > after && k < n && Norm(k) == "." && k + 1 >= n;
      }
      if (opens && closes) {
        all_speaker_ = m;
        excluded_[m] = true;
        continue;
      }
    }
    // Inverted: "“...,” said X." / "..., said X."
    if (v + 1 < n && mention_at_[v + 1] >= 0) {
      int mm = mention_at_[v + 1];
      int after = facts_.actors[mm].token_end;
      bool opens = Norm(v - 1) == "," || IsQuote(v - 1) || Norm(v - 1) == "\xe2\x80\x9d";
      if (opens && (after >= n || Punct(after))) {
        all_speaker_ = mm;
        excluded_[mm] = true;
      }
    }
  }
}

bool SentenceAnalysis::ParticipleLike(int t) const {
  const Token& tok = toks_[t];
  if (Is("participle", t)) return true;
  if (tok.norm == tok.lemma) return false;
  const std::string& w = tok.norm;
  auto ends = [&](std::string_view suf) {
    return w.size() > suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0;
  };
  return ends("ed") || ends("en") || ends("wn");
}

bool SentenceAnalysis::IsPassiveAtDepth(int t) const {
  // The earlier conjunct: a form of "be" before it (no further recursion).
  int j = t - 1;
  int seg_begin = segs_[Seg(t)].begin;
  while (j >= seg_begin && (IsNorm("adverb", j) || IsNorm("negation", j))) --j;
  return j >= seg_begin && IsNorm("be", j);
}

bool SentenceAnalysis::IsPassiveAt(int t) const {
  if (!ParticipleLike(t)) return false;
  // "is committed to", "is opposed to": a participle used as an adjective after "be".
  if (Is("adjectival", t)) return false;
  int j = t - 1;
  int seg_begin = segs_[Seg(t)].begin;
  while (j >= seg_begin && (IsNorm("adverb", j) || IsNorm("negation", j))) --j;
  if (j >= seg_begin && IsNorm("be", j)) return true;
  // Coordinated with an earlier passive: "were arrested in Karabakh and sentenced ...".
  if (j >= seg_begin && (Norm(j) == "and" || Norm(j) == "or")) {
    for (int k = j - 1; k >= seg_begin && k >= j - 10; --k) {
      if (Punct(k) && Norm(k) != ",") break;
      if (k < t - 1 && ParticipleLike(k) && k != t && IsPassiveAtDepth(k)) return true;
    }
  }
  // Reduced relative: "soldiers arrested in Karabakh", "nationals pardoned by ...". People are
  // described this way; a country or a government before the verb is its doer ("Azerbaijan
  // extradited over 100 detainees").
  if (int head = ReducedPassiveHead(t); head >= 0 && !facts_.actors[head].actor.sector.empty() &&
                                        facts_.actors[head].actor.sector != "GOV") {
    int k = t + 1;
    if (k >= static_cast<int>(toks_.size()) || Punct(k) || IsNorm("preposition", k) ||
        Norm(k) == "and" || Norm(k) == "or" || Norm(k) == "there" || Norm(k) == "here") {
      // Not when the actor is itself the subject of an active past verb with a prepositional
      // object ("Iran responded to ..."): only verbs that need an object are read as passive.
      return Is("transitive", t);
    }
  }
  return false;
}

bool SentenceAnalysis::WordMatches(const PatternElement& e, int i) const {
  const Token& t = toks_[i];
  for (const auto& a : e.alts) {
    if (t.norm == a.word) return true;
    if (!a.form_only && t.lemma == a.word) return true;
  }
  return false;
}

bool SentenceAnalysis::MatchFrom(const Pattern& p, size_t ei, int ti, int seg, bool passive,
                                 Match* m) const {
  const int n = static_cast<int>(toks_.size());
  if (ei == p.elements.size()) {
    m->end = ti;
    return true;
  }
  const PatternElement& e = p.elements[ei];
  bool last = ei + 1 == p.elements.size();
  auto in_seg = [&](int i) { return i < n && Seg(i) == seg; };
  switch (e.kind) {
    case PatternElement::Kind::kWord:
      if (in_seg(ti) && WordMatches(e, ti)) {
        m->words.push_back(ti);
        if (static_cast<int>(ei) == p.trigger) m->trigger = ti;
        if (MatchFrom(p, ei + 1, ti + 1, seg, passive, m)) return true;
        m->words.pop_back();
      }
      return e.optional && MatchFrom(p, ei + 1, ti, seg, passive, m);
    case PatternElement::Kind::kGap:
      for (int g = 0; g <= e.max_gap; ++g) {
        if (g > 0) {
          int k = ti + g - 1;
          if (!in_seg(k)) break;
          const std::string& w = Norm(k);
          if (w == "." || w == ";" || w == ":" || w == "(" || w == ")") break;
        }
        if (MatchFrom(p, ei + 1, ti + g, seg, passive, m)) return true;
      }
      return false;
    case PatternElement::Kind::kTarget:
    case PatternElement::Kind::kSource: {
      bool target = e.kind == PatternElement::Kind::kTarget;
      if (target && passive) return MatchFrom(p, ei + 1, ti, seg, passive, m);
      for (int skip = 0; skip <= 3; ++skip) {
        int k = ti + skip;
        if (!in_seg(k)) break;
        int mm = mention_at_[k];
        if (mm >= 0) {
          if (target) {
            m->targets.push_back(mm);
          } else {
            m->source = mm;
          }
          if (MatchFrom(p, ei + 1, facts_.actors[mm].token_end, seg, passive, m)) return true;
          if (target) {
            m->targets.pop_back();
          } else {
            m->source = -1;
          }
          break;
        }
        // Only determiners, possessives and modifiers may precede the actor.
        if (Punct(k) || IsNorm("preposition", k) || IsNorm("be", k)) break;
      }
      return last && MatchFrom(p, ei + 1, ti, seg, passive, m);
    }
  }
  return false;
}

bool SentenceAnalysis::GovernedByPreposition(int mention) const {
  int j = facts_.actors[mention].token_begin - 1;
  // Determiners and possessives ("with my counterpart") sit between the preposition and actor.
  while (j >= 0 && (IsNorm("determiner", j) || IsNorm("noun_marker", j))) --j;
  if (j < 0 || !IsNorm("preposition", j)) return false;
  // "Thousands of Iraqi Kurds demonstrated": the counted actor heads the phrase.
  if (Norm(j) == "of" && j > 0 &&
      (IsNorm("partitive", j - 1) || toks_[j - 1].has(Token::kNumber))) {
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
  if (open < 0 || !IsNorm("determiner", open + 1)) return mention;
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
  if (impl_.index.count(t.lemma) > 0 || IsNorm("be", k)) return false;
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

// A place that locates the speakers, not the event: "..., officials in Baku and Yerevan said."
// True when the words after the place (over coordinated names) are a reporting verb.
bool SentenceAnalysis::InAttribution(const PlaceMention& place) const {
  const int n = static_cast<int>(toks_.size());
  int k = place.token_end;
  for (int guard = 0; guard < 4 && k < n; ++guard) {
    bool next_name = k + 1 < n && toks_[k + 1].has(Token::kCapitalized) && in_mention_[k + 1] < 0;
    if ((Norm(k) == "and" || Norm(k) == ",") && next_name) {
      ++k;
      continue;
    }
    if (!toks_[k].has(Token::kCapitalized) || in_mention_[k] >= 0) break;
    ++k;  // the next coordinated place name
  }
  return k < n && Is("speech", k);
}

bool SentenceAnalysis::ObjectOfVerb(int mention) const {
  int j = facts_.actors[mention].token_begin - 1;
  while (j >= 0 && IsNorm("determiner", j)) --j;
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
  while (j >= 0 && IsNorm("determiner", j)) --j;
  if (j < 0 || Punct(j) || in_mention_[j] >= 0) return false;
  // A verb outside the mention's clause does not govern it ("said [they] would ...").
  if (j < segs_[Seg(facts_.actors[mention].token_begin)].begin) return false;
  const Token& t = toks_[j];
  if (IsNorm("be", j) || IsNorm("subordinator", j) || IsNorm("relative", j) || t.norm == "and" ||
      t.norm == "or" || t.norm == "that") {
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
    if (j < n && (Norm(j) == "and" || Norm(j) == "as well as")) ++j;
    if (j == k || j >= n) break;
    while (j < n && IsNorm("determiner", j)) ++j;
    if (j >= n || mention_at_[j] < 0 || Seg(j) != Seg(k)) break;
    // "X, Y and Z" or "X and Y" -- not ", the Y of ..." appositions of X; but a country after
    // a country is a list ("to Iran, Libya, Sudan, and Cuba").
    if (Norm(k) == "," && Norm(k + 1) != "and") {
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

std::vector<int> SentenceAnalysis::SubjectOf(int seg, int trigger, int depth) const {
  if (seg < 0 || depth > 4) return {};
  const Segment& s = segs_[seg];
  int best = -1;
  for (size_t m = 0; m < facts_.actors.size(); ++m) {
    const auto& am = facts_.actors[m];
    if (am.token_begin < s.begin || am.token_end > trigger || excluded_[m]) continue;
    if (GovernedByPreposition(static_cast<int>(m)) || ObjectOfVerb(static_cast<int>(m))) continue;
    if (ModifiesNoun(static_cast<int>(m))) continue;
    best = static_cast<int>(m);  // the last one before the trigger
  }
  if (best >= 0) {
    // Apposition: "X, the Y of Z," -> X; coordination: "X and Y" -> both.
    best = ApposedHead(best, s, trigger);
    for (int guard = 0; guard < 4; ++guard) {
      int b = facts_.actors[best].token_begin;
      int j = b - 1;
      while (j > s.begin && IsNorm("determiner", j)) --j;
      if (j > s.begin && Norm(j) == ",") {
        int prev = MentionEndingAt(j);
        // Not an introductory phrase: "At the meeting with his counterpart, we discussed".
        if (prev >= 0 && !excluded_[prev] && facts_.actors[prev].token_begin >= s.begin &&
            !GovernedByPreposition(prev)) {
          best = prev;
          continue;
        }
      }
      if (j > s.begin && (Norm(j) == "and" || Norm(j) == "as well as")) {
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
  // "Activists working under the Peruvian ombudsman visited ...", "doctors from two American
  // aid groups donated ...": an unnamed group right before the verb, belonging to an actor
  // after under/for/from, acts for that actor.
  for (size_t m = 0; m < facts_.actors.size(); ++m) {
    const auto& am = facts_.actors[m];
    if (am.token_begin < s.begin || am.token_end != trigger || excluded_[m]) continue;
    int j = am.token_begin - 1;
    while (j > s.begin && IsNorm("determiner", j)) --j;
    if (j <= s.begin || (Norm(j) != "under" && Norm(j) != "for" && Norm(j) != "from")) continue;
    bool plain = true;  // no punctuation or earlier actor between the clause start and it
    for (int k = s.begin; k < j && plain; ++k) plain = !Punct(k) && in_mention_[k] < 0;
    if (plain && !am.place) return {static_cast<int>(m)};
  }
  // "X said that it will ...": a reported clause whose subject is "it" is about the speaker
  // ("it" names no actor of its own; a country or organisation speaks of itself).
  if (s.kind == SegKind::kReported) {
    int k = s.begin;
    if (k < trigger && Norm(k) == "that") ++k;
    if (k < trigger && trigger - k <= 6 && Norm(k) == "it") {  // "it" heads this clause
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
    if (Norm(k) != "by") continue;
    for (int j = k + 1; j < n && j <= k + 4; ++j) {
      if (mention_at_[j] >= 0) return mention_at_[j];
      if (Punct(j)) break;
    }
  }
  return -1;
}

bool SentenceAnalysis::Negated(int trigger, int seg) const {
  int begin = std::max(segs_[seg].begin, trigger - 5);
  for (int j = trigger - 1; j >= begin; --j) {
    if (Punct(j)) break;
    if (IsNorm("negation", j)) return true;
    if (j + 1 < trigger && Is("negating", j) && Norm(j + 1) == "to") return true;  // "failed to"
  }
  return false;
}

Mood SentenceAnalysis::MoodAt(int trigger, int seg) const {
  const int n = static_cast<int>(toks_.size());
  if (n > 0 && Norm(n - 1) == "?") return Mood::kQuestion;
  int begin = std::max(segs_[seg].begin, trigger - 6);
  for (int j = trigger - 1; j >= begin; --j) {
    if (Punct(j)) break;
    if (IsNorm("modal_intent", j)) return Mood::kIntended;
    if (IsNorm("modal_hypothetical", j)) {
      // Reported future: "said they would boycott ..." states an intention.
      if (Norm(j) == "would") {
        for (int s = seg, guard = 0; s >= 0 && guard < 4; s = segs_[s].inherit, ++guard) {
          if (segs_[s].kind == SegKind::kReported) return Mood::kIntended;
          if (segs_[s].kind != SegKind::kSub) break;
        }
        // "confirmed it would tighten ...": the speech verb right before its subject.
        for (int k = j - 1; k >= segs_[seg].begin && k >= j - 4; --k) {
          if (Punct(k)) break;
          if (in_mention_[k] < 0 && Is("speech", k)) return Mood::kIntended;
        }
      }
      return Mood::kHypothetical;
    }
    if (Norm(j) == "to" && j - 1 >= begin) {
      int k = j - 1;
      while (k >= begin && IsNorm("adverb", k)) --k;
      if (k >= begin && Is("intend", k)) return Mood::kIntended;
    }
  }
  for (int s = seg, guard = 0; s >= 0 && guard < 4; s = segs_[s].inherit, ++guard) {
    if (segs_[s].kind == SegKind::kHypo) return Mood::kHypothetical;
    if (segs_[s].kind != SegKind::kSub) break;
  }
  return Mood::kAsserted;
}

// The speaker of a segment: its own, its reporting verb's subject, or the sentence's.
int SentenceAnalysis::SpeakerOfSegment(int seg, int depth) const {
  for (int s = seg, guard = 0; s >= 0 && guard < 6 && depth < 6; ++guard) {
    if (segs_[s].speaker >= 0) return segs_[s].speaker;
    if (segs_[s].speaker_verb >= 0) return SpeakerOfVerb(segs_[s].speaker_verb, depth + 1);
    if (segs_[s].kind == SegKind::kRelative) break;
    s = segs_[s].inherit;
  }
  return all_speaker_;
}

// ", highlighting that ..." reports for whoever speaks in its clause; "X noted that" for X.
int SentenceAnalysis::SpeakerOfVerb(int verb, int depth) const {
  const std::string& w = Norm(verb);
  bool participle = w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0;
  if (participle && verb > 0 && Norm(verb - 1) == ",") {
    int sp = SpeakerOfSegment(Seg(verb), depth + 1);
    if (sp >= 0) return sp;
  }
  auto subj = SubjectOf(Seg(verb), verb);
  return subj.empty() ? -1 : subj.front();
}

// "nationals detained or imprisoned in ...": the actor a reduced passive participle follows.
int SentenceAnalysis::ReducedPassiveHead(int t, int depth) const {
  if (t <= 0 || depth > 3) return -1;
  int m = in_mention_[t - 1];
  if (m >= 0 && facts_.actors[m].token_end == t) return m;
  if (t >= 2 && (Norm(t - 1) == "and" || Norm(t - 1) == "or") && ParticipleLike(t - 2)) {
    return ReducedPassiveHead(t - 2, depth + 1);
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
    if (other(facts_.actors[m].actor)) return facts_.actors[m].actor;
  }
  if (ctx_.recent) {
    for (auto it = ctx_.recent->rbegin(); it != ctx_.recent->rend(); ++it) {
      if (other(*it)) return *it;
    }
  }
  return std::nullopt;
}

// Material conflict: CAMEO roots 17-20.
bool Violent(const Pattern& p) {
  const std::string& c = p.code.empty() ? p.neg_code : p.code;
  return (c.size() >= 2 && c[0] == '1' && (c[1] == '7' || c[1] == '8' || c[1] == '9')) ||
         c.compare(0, 2, "20") == 0;
}

std::vector<ActorRef> Refs(const ActorMention& m) {
  if (m.members.size() >= 2) return m.members;
  return {m.actor};
}

// Argument assignment, late object: an event whose pattern found no target takes the first actor
// that follows the matched words in the same clause, within kObjectReach tokens, when it is of
// another party than every source ("conveyed his congratulations on the completion of
// Azerbaijan's elections", "hope to host his Azerbaijani counterpart", "determination to expand
// cooperation with Iran", "concerns over third-party involvement by Armenia"). Places ("in
// Tehran"), speakers and actors of the source's own country are passed over; a comma, a
// quotation mark or the clause's end stops the search. Returns the mention index or -1.
constexpr int kObjectReach = 10;

int SentenceAnalysis::ObjectAfter(const Match& m, int seg,
                                  const std::vector<ActorRef>& sources) const {
  const int n = static_cast<int>(toks_.size());
  auto party = [](const ActorRef& a) { return a.country.empty() ? a.code : a.country; };
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
      for (const ActorRef& s : sources) own = own || party(r) == party(s);
    }
    if (own) continue;
    return mm;
  }
  return -1;
}

std::vector<Event> SentenceAnalysis::Run() {
  const int n = static_cast<int>(toks_.size());
  // 1. Matches: the best pattern at each trigger; matched tokens are consumed.
  std::vector<Match> matches;
  // consumed[i]: the CAMEO root of the pattern that used token i ("" = free). An event noun may
  // reuse a token another root consumed: "dismissed (12) the claims (11) by X that ...".
  std::vector<std::string> consumed(n);
  for (int i = 0; i < n; ++i) {
    std::vector<int> cands;
    for (const std::string* key : {&toks_[i].lemma, &toks_[i].norm}) {
      auto it = impl_.index.find(*key);
      if (it != impl_.index.end()) cands.insert(cands.end(), it->second.begin(), it->second.end());
    }
    std::sort(cands.begin(), cands.end());
    cands.erase(std::unique(cands.begin(), cands.end()), cands.end());
    std::optional<Match> best;
    for (int pi : cands) {
      const Pattern& p = impl_.patterns[pi];
      if (best && impl_.patterns[best->pattern].words >= p.words) continue;
      if (!consumed[i].empty()) {
        const std::string& c = p.code.empty() ? p.neg_code : p.code;
        if (!p.noun || c.compare(0, 2, consumed[i]) == 0) continue;
      }
      Match m;
      m.pattern = pi;
      if (!MatchFrom(p, 0, i, Seg(i), false, &m)) {
        m = Match();
        m.pattern = pi;
        if (!MatchFrom(p, 0, i, Seg(i), true, &m)) continue;
        m.passive = true;
      }
      int t = m.trigger;
      if (t < 0 || in_mention_[t] >= 0) continue;
      // A capitalised trigger inside a sentence is a name ("Strike Force"), not a verb.
      if (t > 0 && toks_[t].has(Token::kCapitalized) && !IsQuote(t - 1) &&
          Norm(t - 1) != "\xe2\x80\x9c") {
        continue;
      }
      // A word joined by a hyphen is part of a compound modifier ("free-trade pact",
      // "long-threatened invasion"), not a verb or an event noun of its own.
      if ((t + 1 < n && Norm(t + 1) == "-") || (t > 0 && Norm(t - 1) == "-")) continue;
      if (!p.noun && !p.during && t > 0) {
        // A determiner or possessive before the trigger makes it a noun ("their sentence"),
        // and a gerund after a preposition has no subject of its own ("of signing").
        if (IsNorm("noun_marker", t - 1)) continue;
        const std::string& w = Norm(t);
        if (IsNorm("preposition", t - 1) && w.size() > 4 &&
            w.compare(w.size() - 3, 3, "ing") == 0) {
          continue;
        }
        // Nor is a participle after a preposition other than "to" a verb: it qualifies a noun
        // ("the transfer of sentenced persons"); an -s form there is a plural noun ("after 12
        // days of battles").
        if (IsNorm("preposition", t - 1) && Norm(t - 1) != "to" &&
            (ParticipleLike(t) ||
             (w.size() > 3 && w.back() == 's' && w != toks_[t].lemma && !Is("be", t)))) {
          continue;
        }
        // An -s form right after another verb is its object, a plural noun: "to halt attacks",
        // "condemned attacks".
        const Token& prev = toks_[t - 1];
        if (w.size() > 3 && w.back() == 's' && w != toks_[t].lemma && prev.has(Token::kVerbForm) &&
            in_mention_[t - 1] < 0 && !IsNorm("adverb", t - 1) &&
            ((t >= 2 && Norm(t - 2) == "to") ||
             (prev.norm != prev.lemma && prev.norm.size() > 3 &&
              prev.norm.compare(prev.norm.size() - 2, 2, "ed") == 0))) {
          continue;
        }
      }
      bool passive = !p.noun && IsPassiveAt(t);
      if (passive != m.passive) {
        if (!passive) continue;  // slots were skipped but the verb is active
        Match again;
        again.pattern = pi;
        if (!MatchFrom(p, 0, i, Seg(i), true, &again) || again.trigger != t) continue;
        again.passive = true;
        m = again;
      }
      if ((p.active_only && m.passive) || (p.passive_only && !m.passive)) continue;
      // A pattern that needs a target must not shadow a less specific one that fits.
      if (p.need_target && !m.passive && m.targets.empty()) continue;
      best = m;
    }
    if (!best) continue;
    {
      const Pattern& bp = impl_.patterns[best->pattern];
      std::string root = (bp.code.empty() ? bp.neg_code : bp.code).substr(0, 2);
      if (root.empty()) root = "-";  // a blocker consumes its words too
      int from = best->words.empty() ? best->trigger : best->words.front();
      for (int k = from; k < best->end && k < n; ++k) {
        if (consumed[k].empty()) consumed[k] = root;
      }
      for (int w : best->words) consumed[w] = root;
    }
    matches.push_back(*best);
  }

  // 2. Infinitive complements of an earlier trigger ("urged Iran to release") state no event
  //    of their own: the outer pattern codes the sentence.
  std::vector<bool> drop(matches.size(), false);
  for (size_t b = 0; b < matches.size(); ++b) {
    int t = matches[b].trigger;
    int j = t - 1;
    while (j >= 0 && IsNorm("adverb", j)) --j;
    for (size_t a = 0; a < b; ++a) {
      if (Seg(matches[a].trigger) != Seg(t)) continue;
      // "X said Y must release ...": the demand codes it.
      if (impl_.patterns[matches[a].pattern].from_speaker && j >= 0 && j < matches[a].end) {
        drop[b] = true;
      }
      if (j >= 0 && Norm(j) == "to" && t - matches[a].end <= 6) {
        // A weak pattern ("promised to ...") only codes a complement that states nothing.
        if (impl_.patterns[matches[a].pattern].weak) {
          drop[a] = true;
        } else {
          drop[b] = true;
        }
      }
      // An event noun shortly after a verb event of another root is that verb's content, not
      // a second event: "blamed Israel for the bombing", "an ultimatum to halt attacks".
      const Pattern& pa = impl_.patterns[matches[a].pattern];
      const Pattern& pb = impl_.patterns[matches[b].pattern];
      // A violent event noun inside a violent verb's phrase is its means: "killed 46 civilians
      // in an attack on a village" is one event.
      if (pb.noun && !pa.noun && t > matches[a].trigger && t < matches[a].end && Violent(pa) &&
          Violent(pb)) {
        drop[b] = true;
      }
      if (pb.noun && !pa.noun && t >= matches[a].end && t - matches[a].end <= 5) {
        const std::string& ca = pa.code.empty() ? pa.neg_code : pa.code;
        const std::string& cb = pb.code.empty() ? pb.neg_code : pb.code;
        if (!ca.empty() && ca.compare(0, 2, cb, 0, 2) != 0) drop[b] = true;
      }
    }
    // "shelled the city ..., killing 20 people": a violent participle after a comma states the
    // outcome of an earlier material-conflict event (CAMEO 17-20) of the sentence, not a new one.
    const Pattern& pb = impl_.patterns[matches[b].pattern];
    if (!pb.noun && Violent(pb) && t > 0 && Norm(t - 1) == ",") {
      const std::string& w = Norm(t);
      if (w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0) {
        for (size_t a = 0; a < b; ++a) {
          if (Violent(impl_.patterns[matches[a].pattern])) drop[b] = true;
        }
      }
    }
  }

  // 3. Events.
  std::vector<Event> out;
  std::set<std::string> seen;
  for (size_t mi = 0; mi < matches.size(); ++mi) {
    if (drop[mi]) continue;
    const Match& m = matches[mi];
    const Pattern& p = impl_.patterns[m.pattern];
    const int seg = Seg(m.trigger);
    std::string rule = p.rule;

    // Code, negation, mood.
    bool negated = Negated(m.trigger, seg);
    std::string code = p.code;
    if (negated && p.neg_none) continue;
    if (negated && !p.neg_code.empty()) {
      code = p.neg_code;
      negated = false;
      rule += " [negated: neg=" + code + "]";
    }
    if (code.empty()) continue;
    Mood mood = p.mood != Mood::kAsserted ? p.mood : MoodAt(m.trigger, seg);
    if (mood == Mood::kQuestion) continue;  // "How many were arrested?" states no event
    if (mood == Mood::kHypothetical) {
      // "could attack", "if he is elected": a possibility states no event, except a
      // conflictual act made conditional on the other side ("may halt mediation if ...",
      // "will withdraw unless ..."), which is a threat (CAMEO 13x via the intent map).
      bool conditional = false;
      for (const Segment& sg : segs_) conditional |= sg.kind == SegKind::kHypo;
      std::string threat;
      if (conditional && segs_[seg].kind != SegKind::kHypo) {
        for (size_t len = code.size(); len >= 2 && threat.empty(); --len) {
          auto it = impl_.lex.intent.find(code.substr(0, len));
          if (it != impl_.lex.intent.end() && it->second.compare(0, 2, "13") == 0) {
            threat = it->second;
          }
        }
      }
      if (threat.empty()) continue;
      rule += " [conditional " + code + "->" + threat + "]";
      code = threat;
    }
    if (p.mood == Mood::kAsserted && mood == Mood::kIntended) {
      // An intention to act is coded as the intent code (CAMEO 03x, 13x): lexicon `intent`.
      for (size_t len = code.size(); len >= 2; --len) {
        auto it = impl_.lex.intent.find(code.substr(0, len));
        if (it != impl_.lex.intent.end()) {
          rule += " [intent " + code + "->" + it->second + "]";
          code = it->second;
          break;
        }
      }
    }

    // Source and target mentions.
    std::vector<int> src_mentions, tgt_mentions;
    std::vector<ActorRef> sources, targets;
    if (p.from_speaker) {
      int sp = SpeakerOfSegment(seg, 0);
      if (sp < 0) continue;
      src_mentions = {sp};
      tgt_mentions = SubjectOf(seg, m.trigger);
      if (tgt_mentions.empty()) continue;
    } else if (m.source >= 0) {
      src_mentions = {m.source};
    } else if (m.passive) {
      int agent = ByAgent(m.trigger, seg);
      if (agent >= 0) src_mentions = Coordinated(agent);
      // "citizens who were arrested in ...", "nationals imprisoned in ...": an agentless passive
      // in a relative clause or a reduced relative describes people; it is background.
      if (agent < 0 &&
          (segs_[seg].kind == SegKind::kRelative || ReducedPassiveHead(m.trigger) >= 0)) {
        continue;
      }
    } else if (p.noun && !p.during) {
      // "Iran's attack", "the Azerbaijani visit": an actor right before the noun.
      int first = m.words.empty() ? m.trigger : m.words.front();
      int j = first - 1;
      while (j >= 0 &&
             (Norm(j) == "'s" || Norm(j) == "s" || Norm(j) == "'" || (IsNorm("modifier", j)))) {
        --j;
      }
      if (j >= 0 && in_mention_[j] >= 0 && facts_.actors[in_mention_[j]].token_end == j + 1) {
        src_mentions = {in_mention_[j]};
      } else {
        // "staged demonstrations", "continued their hunger strike": a performing verb before
        // the noun makes its subject the source.
        int k = first - 1;
        while (k >= segs_[seg].begin && k >= first - 5 && !Is("light_verb", k) && !Punct(k) &&
               in_mention_[k] < 0) {
          --k;
        }
        if (k >= segs_[seg].begin && Is("light_verb", k)) src_mentions = SubjectOf(seg, k);
      }
    } else {
      int first = m.words.empty() ? m.trigger : m.words.front();
      // "leading/prompting X to demand ...": the causative verb's object is the infinitive's
      // subject.
      int to = first - 1;
      int obj = to >= 1 && Norm(to) == "to" ? MentionEndingAt(to) : -1;
      if (obj >= 0) {
        int k = facts_.actors[obj].token_begin - 1;
        while (k >= 0 && IsNorm("determiner", k)) --k;
        if (Is("causative", k) && !excluded_[obj]) src_mentions = Coordinated(obj);
      }
      if (src_mentions.empty()) src_mentions = SubjectOf(seg, first);
    }
    if (p.during && src_mentions.empty()) {
      // "It was said by X at the meeting with Y": the passive's agent right before the phrase
      // is the one who was at the meeting.
      int first = m.words.empty() ? m.trigger : m.words.front();
      int agent = MentionEndingAt(first);
      if (agent >= 0) {
        int b = facts_.actors[agent].token_begin - 1;
        while (b >= 0 && IsNorm("determiner", b)) --b;
        if (b >= 0 && Norm(b) == "by" && !excluded_[agent]) src_mentions = Coordinated(agent);
      }
    }
    if (p.during && src_mentions.empty()) {
      // "During a meeting in Tehran, X emphasized ...": the subject of the main clause after it.
      for (int k = m.end; k < n; ++k) {
        int mm = mention_at_[k];
        if (mm >= 0 && !GovernedByPreposition(mm) && !excluded_[mm]) {
          src_mentions = {mm};
          break;
        }
      }
    }
    if (p.from_speaker) {
      // target set above
    } else if (m.passive || p.patient) {
      int head = m.passive ? ReducedPassiveHead(m.trigger) : -1;
      tgt_mentions = head >= 0 ? Coordinated(head) : SubjectOf(seg, m.trigger);
      if (p.patient && !m.passive) src_mentions.clear();
    } else if (!m.targets.empty()) {
      tgt_mentions = Coordinated(m.targets.front());
    }
    for (int s : src_mentions) {
      for (auto& r : Refs(facts_.actors[s])) {
        // One source per country: "we" resolved to AZE and AZEGOV is one actor.
        bool dup = false;
        for (auto& have : sources) {
          if (!r.country.empty() && have.country == r.country) {
            if (r.code.size() > have.code.size()) have = r;
            dup = true;
          }
        }
        if (!dup) sources.push_back(r);
      }
    }
    for (int t : tgt_mentions) {
      if (std::find(src_mentions.begin(), src_mentions.end(), t) != src_mentions.end()) continue;
      for (auto& r : Refs(facts_.actors[t])) targets.push_back(r);
    }

    // Inferred source: agentless arrests etc. -> the government of the place's country.
    const PlaceMention* place = nullptr;
    {
      int best_d = 1 << 30;
      for (const auto& pm : facts_.places) {
        if (!pm.locative || pm.token_begin >= n) continue;
        if (InAttribution(pm)) continue;
        int d = std::abs(pm.token_begin - m.trigger) + (Seg(pm.token_begin) == seg ? 0 : 100);
        if (Seg(pm.token_begin) != seg && !p.noun) continue;
        if (d < best_d) {
          best_d = d;
          place = &pm;
        }
      }
    }
    // A question asserts nothing, so nobody is inferred to have done it ("How many were
    // arrested in X?"); nor does a passive that describes people ("nationals imprisoned in X",
    // "citizens who were arrested in X": a reduced or full relative clause), as opposed to one
    // that reports the act ("62 soldiers were arrested in X").
    bool inferred = false;
    bool describes =
        m.passive && (ReducedPassiveHead(m.trigger) >= 0 || segs_[seg].kind == SegKind::kRelative);
    if (sources.empty() && !p.infer.empty() && place && !place->place.country.empty() &&
        mood != Mood::kQuestion && !describes) {
      bool same_as_target = !targets.empty() && targets.front().country == place->place.country;
      if (!(p.infer == "country" && same_as_target)) {
        ActorRef a;
        a.country = place->place.country;
        if (p.infer == "gov") {
          a.sector = "GOV";
          a.code = a.country + "GOV";
          a.text = "(government of " + place->place.name + ")";
        } else {
          a.code = a.country;
          a.text = "(unidentified, in " + place->place.name + ")";
        }
        sources.push_back(a);
        rule += " [source inferred from location: infer=" + p.infer + "]";
        inferred = true;
      }
    }
    // "X said that an agreement was reached": an agentless passive of a mutual act (`sym`
    // `react`) reported by one party has that party as its source; `react` then gives the
    // counterpart as the other party.
    // It is the weaker reading: another match of the same CAMEO root in the sentence ("were
    // discussed during consultations between A and B") states the act with its own parties.
    bool same_root_elsewhere = false;
    for (size_t o = 0; o < matches.size(); ++o) {
      const Pattern& op = impl_.patterns[matches[o].pattern];
      const std::string& oc = op.code.empty() ? op.neg_code : op.code;
      if (o != mi && !drop[o] && oc.size() >= 2 && oc.compare(0, 2, code, 0, 2) == 0) {
        same_root_elsewhere = true;
      }
    }
    if (sources.empty() && m.passive && p.symmetric && p.reactive && mood != Mood::kQuestion &&
        !describes && !same_root_elsewhere) {
      int sp = SpeakerOfSegment(seg, 0);
      if (sp >= 0) {
        src_mentions = {sp};
        for (auto& r : Refs(facts_.actors[sp])) sources.push_back(r);
        if (!sources.empty()) rule += " [source: the speaker]";
      }
    }
    if (sources.empty()) continue;  // no event without a source actor

    // The sentence's own evidence (`about`) before the context's counterpart (`react`).
    if (p.about && targets.empty()) {
      for (int k = m.end; k < n; ++k) {
        int mm = mention_at_[k];
        if (mm < 0) continue;
        const ActorRef& a = facts_.actors[mm].actor;
        if (!a.country.empty() && a.country != sources.front().country) {
          // With its coordinated actors: "warned about its adversaries, Israel and the United
          // States" concerns each of them (one event per country pair).
          for (int c : Coordinated(mm)) {
            const ActorRef& ca = facts_.actors[c].actor;
            if (ca.country.empty() || ca.country == sources.front().country) continue;
            targets.push_back(ca);
            tgt_mentions.push_back(c);
          }
          break;
        }
      }
    }
    if (targets.empty() && !(p.symmetric && sources.size() >= 2) && (p.reactive || p.during)) {
      int exclude = src_mentions.empty() ? -1 : src_mentions.front();
      if (auto cp = Counterpart(sources.front().country, exclude)) {
        targets.push_back(*cp);
        rule += " [target from context]";
      }
    }

    if (p.need_target && targets.empty()) continue;
    // Coordinated parties of a cooperative act ("A and B signed a declaration in the presence of
    // C") are each other's counterparts: a later actor is a witness or a topic, not the target.
    bool cooperating_parties = false;
    if (sources.size() >= 2 && code.size() >= 2 && code[0] == '0' && code[1] >= '3' &&
        code[1] <= '6') {
      for (const auto& s : sources) cooperating_parties |= s.country != sources[0].country;
    }
    if (targets.empty() && !p.from_speaker && !p.patient && !m.passive && !p.during &&
        !cooperating_parties) {
      int obj = ObjectAfter(m, seg, sources);
      if (obj >= 0) {
        for (int t : Coordinated(obj)) {
          if (facts_.actors[t].place) continue;
          tgt_mentions.push_back(t);
          for (auto& r : Refs(facts_.actors[t])) targets.push_back(r);
        }
        rule += " [late object]";
      }
    }

    // Pairs: a symmetric code with coordinated sources and no target is one mutual event.
    std::vector<std::pair<ActorRef, std::optional<ActorRef>>> pairs;
    if (p.symmetric && sources.size() >= 2 && targets.empty()) {
      pairs.push_back({sources[0], sources[1]});
    } else {
      for (const auto& s : sources) {
        if (targets.empty()) {
          pairs.push_back({s, std::nullopt});
        }
        for (const auto& t : targets) {
          if (t.code == s.code && t.begin == s.begin && t.end == s.end) continue;
          pairs.push_back({s, t});
        }
      }
    }
    const CodeInfo* info = impl_.codes.Find(code);
    if (!info) continue;  // validated at load time; defensive

    // Span of the words stating the event.
    uint32_t span_b = toks_[m.trigger].begin, span_e = toks_[m.trigger].end;
    auto widen = [&](uint32_t b, uint32_t e) {
      if (b < facts_.sentence->begin || e > facts_.sentence->end) return;
      span_b = std::min(span_b, b);
      span_e = std::max(span_e, e);
    };
    for (int w : m.words) widen(toks_[w].begin, toks_[w].end);
    for (int s : src_mentions) {
      widen(toks_[facts_.actors[s].token_begin].begin, toks_[facts_.actors[s].token_end - 1].end);
    }
    for (int t : tgt_mentions) {
      widen(toks_[facts_.actors[t].token_begin].begin, toks_[facts_.actors[t].token_end - 1].end);
    }

    // Date: the closest date expression, same segment first.
    std::string date, date_source = "document";
    {
      int best_d = 1 << 30;
      for (const auto& dm : facts_.dates) {
        if (dm.token_begin >= n) continue;
        int d = std::abs(dm.token_begin - m.trigger) + (Seg(dm.token_begin) == seg ? 0 : 1000);
        if (d < best_d && dm.date.valid()) {
          best_d = d;
          date = dm.date.ToString();
          date_source = "text";
        }
      }
      if (date.empty() && facts_.doc && facts_.doc->date) date = facts_.doc->date->ToString();
    }
    // "the attack on the embassy" with no doer and no date of its own refers back to an event
    // told elsewhere ("spoke about the attack on ..."): background, not a new event. An
    // indefinite "an attack on ..." introduces one and stays.
    if (p.noun && inferred && date_source != "text") {
      int first = m.words.empty() ? m.trigger : m.words.front();
      const std::string& det = first > 0 ? Norm(first - 1) : Norm(first);
      if (det == "the" || det == "this" || det == "that" || det == "these" || det == "those") {
        continue;
      }
    }

    // Quantity: counting the target's or source's noun, or the object right after the trigger.
    std::optional<Quantity> quantity;
    {
      auto covers = [&](const QuantityMention& q, int mention) {
        const auto& a = facts_.actors[mention];
        return q.noun >= a.token_begin && q.noun < a.token_end;
      };
      for (int pass = 0; pass < 3 && !quantity; ++pass) {
        for (const auto& q : facts_.quantities) {
          bool hit = false;
          if (pass == 0) {
            for (int t : tgt_mentions) hit = hit || covers(q, t);
          } else if (pass == 1) {
            for (int s : src_mentions) hit = hit || covers(q, s);
          } else {
            hit = q.token_begin > m.trigger && q.token_begin <= m.end + 3 &&
                  Seg(q.token_begin) == seg;
          }
          if (hit) {
            quantity = Quantity{q.value, q.unit};
            break;
          }
        }
      }
    }

    // Speaker: reported clause, quote attribution, or "according to".
    std::optional<ActorRef> speaker;
    {
      int sp = SpeakerOfSegment(seg, 0);
      if (sp >= 0 &&
          std::find(src_mentions.begin(), src_mentions.end(), sp) == src_mentions.end()) {
        speaker = facts_.actors[sp].actor;
      }
    }

    auto who = [](const ActorRef& a) { return a.country.empty() ? a.code : a.country; };
    for (const auto& [s, t0] : pairs) {
      std::optional<ActorRef> t = t0;
      if (t && p.symmetric && t->code == s.code) continue;  // meeting oneself
      // A counterpart taken from context is of another country than its source; with several
      // sources it was chosen for the first one, so the others get their own.
      if (t && t->country == s.country && rule.find("[target from context]") != std::string::npos) {
        t = Counterpart(s.country, -1);
        if (!t) continue;
      }
      // "During the meeting with Y, X said ...": a consultation the document already coded is
      // only the time of what was said.
      if (p.during && t && ctx_.consulted && ctx_.consulted->count(PairKey(who(s), who(*t))) > 0) {
        continue;
      }
      // A bare country as the target of its own institution (AZEGOV -> AZE) is a mention swept
      // in by a coordination or a pronoun ("they" = "Azerbaijan and the soldiers"): junk when
      // the source was inferred from that country's location or another target exists.
      if (t && t->sector.empty() && !t->country.empty() && t->code == t->country &&
          !s.sector.empty() && s.country == t->country) {
        bool other = false;
        for (const auto& [s2, t2] : pairs) {
          if (t2 && s2.code == s.code && t2->country != s.country) other = true;
        }
        if (other || rule.find("[source inferred") != std::string::npos) continue;
      }
      std::string key = who(s) + "|" + (t ? who(*t) : "") + "|" + code.substr(0, 2);
      if (!seen.insert(key).second) continue;
      Event e;
      e.sentence = facts_.sentence->index;
      if (facts_.doc && facts_.sentence->end <= facts_.doc->text.size()) {
        e.text = facts_.doc->text.substr(facts_.sentence->begin,
                                         facts_.sentence->end - facts_.sentence->begin);
      }
      e.span_begin = span_b;
      e.span_end = span_e;
      e.source = s;
      e.target = t;
      e.cameo = code;
      e.plover = info->plover;
      e.goldstein = info->goldstein;
      e.quad = info->quad;
      e.date = date;
      e.date_source = date_source;
      e.negated = negated;
      e.mood = mood;
      if (place) {
        Location loc;
        loc.name = place->place.name;
        loc.country = place->place.country;
        loc.lat = place->place.lat;
        loc.lon = place->place.lon;
        e.location = loc;
      }
      e.quantity = quantity;
      e.speaker = speaker;
      e.rule = rule + (m.passive ? " [passive]" : "");
      e.nominal = p.noun;
      out.push_back(std::move(e));
    }
  }
  CompleteTargets(&out);
  return out;
}

// Argument assignment, implicit counterparts: an event of the sentence that still has no target
// takes the other party of a bilateral setting the sentence itself states, in this order:
//   1. a meeting (CAMEO 04x) of the same source country with a target in the same sentence
//      ("During a meeting with X, A emphasized ..." -> A's emphasis is addressed to X);
//   2. a plural noun reference of the sentence naming the source's country and another ("the
//      two countries", "both sides"; not "their", whose antecedent is less sure), not the
//      source mention itself;
//   3. the word "bilateral" ("developing bilateral relations"), for CAMEO 01-08 events: the
//      counterpart of the source's country (Counterpart(): the other side of the last event, else
//      of the sentence or of the recent context);
//   4. a meeting (04x) of the source's country coded as the last event within the two previous
//      sentences, for a cooperative act (CAMEO 03-06): its other party ("We discussed X. We
//      agreed to ...").
// Rules 2 to 4 do not apply to coordinated sources of different countries ("A and B agreed on
// a pact between the two countries"): whether they act on each other is the pattern's `sym`
// option to say. Nothing else invents a target. Events that become duplicates (same parties and
// CAMEO root) are dropped.
void SentenceAnalysis::CompleteTargets(std::vector<Event>* events) const {
  bool bilateral = false;
  for (const Token& t : toks_) bilateral = bilateral || t.norm == "bilateral";
  auto within = [](const ActorRef& inner, const ActorRef& outer) {
    return inner.begin >= outer.begin && inner.end <= outer.end;
  };
  for (Event& e : *events) {
    if (e.target || !e.source || e.source->country.empty()) continue;
    const std::string& c = e.source->country;
    std::optional<ActorRef> t;
    std::string why;
    for (const Event& o : *events) {
      if (&o == &e || !o.target || !o.source || o.source->country != c) continue;
      if (o.cameo.compare(0, 2, "04") != 0) continue;
      if (o.target->country.empty() || o.target->country == c) continue;
      t = o.target;
      why = "the meeting's other party";
      break;
    }
    bool coordinated = false;
    for (const Event& o : *events) {
      coordinated = coordinated || (o.rule == e.rule && o.source && o.source->country != c);
    }
    if (coordinated) continue;
    for (size_t m = 0; !t && m < facts_.actors.size(); ++m) {
      const ActorMention& am = facts_.actors[m];
      if (am.members.size() < 2 || within(*e.source, am.actor)) continue;
      if (am.rule.rfind("ref:plural-noun", 0) != 0) continue;
      bool has_source = false;
      for (const ActorRef& r : am.members) has_source = has_source || r.country == c;
      if (!has_source) continue;
      for (const ActorRef& r : am.members) {
        if (!r.country.empty() && r.country != c) {
          t = r;
          why = "the other of the two parties named";
          break;
        }
      }
    }
    // "bilateral" frames cooperation and talk (CAMEO 01-08), not force.
    if (!t && bilateral && e.cameo.size() >= 2 && e.cameo[0] == '0') {
      t = Counterpart(c, -1);
      why = "bilateral: counterpart";
    }
    // 4. The meeting just reported.
    if (!t && ctx_.last_event && *ctx_.last_event && e.cameo.size() >= 2 && e.cameo[0] == '0' &&
        e.cameo[1] >= '3' && e.cameo[1] <= '6') {
      const Event& le = **ctx_.last_event;
      if (le.cameo.compare(0, 2, "04") == 0 && le.source && le.target &&
          le.sentence + 2 >= facts_.sentence->index) {
        if (le.source->country == c && !le.target->country.empty() && le.target->country != c) {
          t = le.target;
        } else if (le.target->country == c && !le.source->country.empty() &&
                   le.source->country != c) {
          t = le.source;
        }
        why = "the meeting just reported";
      }
    }
    if (!t) continue;
    e.target = t;
    e.rule += " [target: " + why + "]";
  }
  // A meeting is mutual: A meets B and B meets A in one sentence are one event.
  std::set<std::string> seen;
  auto who = [](const std::optional<ActorRef>& a) {
    return !a ? std::string() : a->country.empty() ? a->code : a->country;
  };
  auto key = [&](const Event& e) {
    std::string a = who(e.source), b = who(e.target), root = e.cameo.substr(0, 2);
    if (root == "04" && !b.empty() && b < a) std::swap(a, b);
    return a + "|" + b + "|" + root;
  };
  events->erase(std::remove_if(events->begin(), events->end(),
                               [&](const Event& e) { return !seen.insert(key(e)).second; }),
                events->end());
}

}  // namespace

struct EventExtractor::Impl : ExtractorData {};

EventExtractor::EventExtractor() : impl_(std::make_unique<Impl>()) {}
EventExtractor::~EventExtractor() = default;

Result<std::unique_ptr<EventExtractor>> EventExtractor::Create(const EventConfig& config,
                                                               const TextAnalyzer& text) {
  return Create(config);
}

Result<std::unique_ptr<EventExtractor>> EventExtractor::Create(const EventConfig& config) {
  std::string dir = config.data_dir + "/events";
  DRAGOMAN_ASSIGN_OR_RETURN(CodeTable codes, CodeTable::Load(dir, config.problems));
  std::string verbs_path = dir + "/verbs.txt";
  std::string lex_path = dir + "/lexicon.txt";
  DRAGOMAN_ASSIGN_OR_RETURN(std::string verbs, ReadDataFile(verbs_path));
  DRAGOMAN_ASSIGN_OR_RETURN(std::string lex_text, ReadDataFile(lex_path));
  DRAGOMAN_ASSIGN_OR_RETURN(auto patterns,
                            ParsePatterns(verbs_path, verbs, codes, config.problems));
  DRAGOMAN_ASSIGN_OR_RETURN(EventLexicon lex,
                            ParseLexicon(lex_path, lex_text, codes, config.problems));
  std::unique_ptr<EventExtractor> ex(new EventExtractor());
  ex->impl_->codes = std::move(codes);
  ex->impl_->patterns = std::move(patterns);
  ex->impl_->lex = std::move(lex);
  for (size_t i = 0; i < ex->impl_->patterns.size(); ++i) {
    for (const auto& alt : ex->impl_->patterns[i].elements[0].alts) {
      ex->impl_->index[alt.word].push_back(static_cast<int>(i));
    }
  }
  return ex;
}

size_t EventExtractor::pattern_count() const { return impl_->patterns.size(); }

std::vector<Event> EventExtractor::Extract(const SentenceFacts& facts) const {
  return Extract(facts, nullptr);
}

std::vector<Event> EventExtractor::Extract(const SentenceFacts& facts,
                                           EventContext* context) const {
  std::vector<Event> events;
  if (facts.sentence == nullptr) return events;
  const Sentence& s = *facts.sentence;
  if (s.furniture) return events;
  if (!s.heading && !s.tokens.empty()) {
    ContextView view;
    if (context) {
      view.recent = &context->recent_;
      view.last_event = &context->last_event_;
      view.consulted = &context->consulted_;
    }
    SentenceAnalysis analysis(*impl_, facts, view);
    events = analysis.Run();
  }
  if (context) {
    for (const auto& m : facts.actors) {
      for (const auto& r : Refs(m)) context->recent_.push_back(r);
    }
    while (context->recent_.size() > EventContext::kMaxRecent) {
      context->recent_.erase(context->recent_.begin());
    }
    if (!events.empty()) context->last_event_ = events.back();
    for (const Event& e : events) {
      if (e.cameo.compare(0, 2, "04") != 0 || !e.source || !e.target || e.negated) continue;
      auto who = [](const ActorRef& a) { return a.country.empty() ? a.code : a.country; };
      context->consulted_.insert(PairKey(who(*e.source), who(*e.target)));
    }
  }
  return events;
}

}  // namespace dragoman
