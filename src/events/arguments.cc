// Events from matches: which matches state an event, and each event's code and mood; its source
// and target come from the table of argument rules (argument_rules.cc); then its date, place,
// quantity and speaker.
#include <algorithm>
#include <string>
#include <vector>

#include "events/sentence_analysis.h"

namespace dragoman::events_internal {

bool SentenceAnalysis::Violent(const Pattern& p) const {
  const std::string& c = p.code.empty() ? p.neg_code : p.code;
  return impl_.codes.InFamily(c, impl_.violent);
}

std::vector<ActorRef> Refs(const ActorMention& m) {
  if (m.members.size() >= 2) return m.members;
  return {m.actor};
}

std::vector<bool> SentenceAnalysis::DropComplements(const std::vector<Match>& matches) const {
  // 2. Infinitive complements of an earlier trigger ("urged Iran to release") state no event
  //    of their own: the outer pattern codes the sentence.
  std::vector<bool> drop(matches.size(), false);
  for (size_t b = 0; b < matches.size(); ++b) {
    int t = matches[b].trigger;
    int j = t - 1;
    while (j >= 0 && IsNorm(w_.adverb, j)) --j;
    // "a diplomat it arrested last year", "X, whose army has been fighting Y, ...": a relative
    // clause describing a noun or an actor (background.cc).
    if (ObjectRelative(matches[b]) || RelativeBackground(matches[b])) drop[b] = true;
    // "meet this year's goal", "fighting the root causes": no party acted upon (background.cc).
    if (AbstractObject(matches[b])) drop[b] = true;
    for (size_t a = 0; a < b; ++a) {
      if (Seg(matches[a].trigger) != Seg(t)) continue;
      // "demanded that X release ...", "accused X of attacking ...": the request or the
      // accusation codes it (background.cc).
      if (RequestedAct(matches[a], matches[b])) drop[b] = true;
      // "X said Y must release ...": the demand codes it.
      if (impl_.patterns[matches[a].pattern].from_speaker && j >= 0 && j < matches[a].end) {
        drop[b] = true;
      }
      if (j >= 0 && IsNorm(w_.to, j) && t - matches[a].end <= 6) {
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
      // Not after an occasion word: in "were signed during X's visit to Y" the visit is when
      // the act happened, an event of its own. Not after a `pair` pattern either, which states
      // nothing for one speaker ("X spoke about the attack on ... on May 2" keeps the attack).
      if (pb.noun && !pa.noun && !pa.need_pair && t >= matches[a].end &&
          t - matches[a].end <= 5) {
        const std::string& ca = pa.code.empty() ? pa.neg_code : pa.code;
        const std::string& cb = pb.code.empty() ? pb.neg_code : pb.code;
        bool occasion = false;
        for (int k = matches[a].end; k < t; ++k) occasion = occasion || IsNorm(w_.occasion, k);
        if (!ca.empty() && ca.compare(0, 2, cb, 0, 2) != 0 && !occasion) drop[b] = true;
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
  return drop;
}

const PlaceMention* SentenceAnalysis::EventPlace(const Match& m, const Pattern& p, int seg) const {
  const int n = static_cast<int>(toks_.size());
  const PlaceMention* place = nullptr;
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
  return place;
}

std::vector<Event> SentenceAnalysis::BuildEvents(const std::vector<Match>& matches,
                                                 const std::vector<bool>& drop) const {
  const int n = static_cast<int>(toks_.size());
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
    if (mood == Mood::kAsserted) mood = ModalAfterSubject(m).value_or(mood);  // "an attack would"
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
          if (it != impl_.lex.intent.end() && impl_.codes.InFamily(it->second, impl_.threat)) {
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
      // A negated intention to cooperate or yield is a refusal ("will not lift the ban",
      // "will not release the prisoners"): lexicon `refusal`, intent code -> 12x.
      for (size_t len = code.size(); negated && len >= 2; --len) {
        auto it = impl_.lex.refusal.find(code.substr(0, len));
        if (it != impl_.lex.refusal.end()) {
          rule += " [refusal " + code + "->" + it->second + "]";
          code = it->second;
          negated = false;
          mood = Mood::kAsserted;  // the refusal is stated now
        }
      }
    }

    // Source and target: the argument rules (argument_rules.cc), in table order.
    Arguments a;
    a.m = &m;
    a.p = &p;
    a.seg = seg;
    a.first = m.words.empty() ? m.trigger : m.words.front();
    a.mood = mood;
    a.code = code;
    a.matches = &matches;
    a.dropped = &drop;
    a.index = mi;
    for (const ArgumentRule& r : MentionRules()) {
      RunRule(r, &a);
      if (a.reject) break;
    }
    if (a.reject) continue;
    MentionsToActors(&a);
    a.place = EventPlace(m, p, seg);
    a.describes =
        m.passive && (ReducedPassiveHead(m.trigger) >= 0 || segs_[seg].kind == SegKind::kRelative ||
                      ReducedRelativeOnNoun(m.trigger));
    for (const ArgumentRule& r : ActorRules()) RunRule(r, &a);
    UnresolvedArguments(&a);          // noun phrases that name no known actor (unresolved.cc)
    if (a.sources.empty()) continue;  // no event without a source, coded or unresolved
    if (p.need_target && a.targets.empty()) continue;
    // pair: the words state an act only of two parties together, a plural subject naming both
    // sides or coordinated subjects of different countries ("the ministers spoke about ...";
    // one minister speaking about something consulted no one).
    if (p.need_pair) {
      bool two = false;
      for (const ActorRef& s : a.sources) {
        two = two || (!s.country.empty() && s.country != a.sources.front().country);
      }
      if (!two) continue;
    }
    code = StateForm(code, a.sources, a.targets, &rule);  // joined_party.cc
    if (a.source_rule) rule += std::string(" [source: ") + a.source_rule + "]";
    if (a.target_rule && !a.targets.empty()) {
      rule += std::string(" [target: ") + a.target_rule + "]";
    }
    const std::vector<int>& src_mentions = a.src_mentions;
    const std::vector<int>& tgt_mentions = a.tgt_mentions;
    const std::vector<ActorRef>& sources = a.sources;
    const std::vector<ActorRef>& targets = a.targets;
    const PlaceMention* place = a.place;
    const bool inferred = a.inferred;

    // Pairs: a symmetric code with coordinated sources and no target is one mutual event per
    // pair of them ("A, B and C held joint drills": A-B, A-C, B-C; doc/annotation.md 4.2).
    std::vector<std::pair<ActorRef, std::optional<ActorRef>>> pairs;
    if (p.symmetric && sources.size() >= 2 && targets.empty()) {
      for (size_t i = 0; i < sources.size(); ++i) {
        for (size_t j = i + 1; j < sources.size(); ++j) pairs.push_back({sources[i], sources[j]});
      }
      rule += " [target: coordinated party]";
    } else {
      for (const auto& s : sources) {
        if (targets.empty()) {
          pairs.push_back({s, a.unresolved_target});
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
    for (const ActorRef& r : sources) {
      if (r.code.empty()) widen(r.begin, r.end);
    }
    if (targets.empty() && a.unresolved_target) {
      widen(a.unresolved_target->begin, a.unresolved_target->end);
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
      if (IsNorm(w_.definite_determiner, first > 0 ? first - 1 : first)) {
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
      if (t && p.symmetric && !t->code.empty() && t->code == s.code) continue;  // meeting oneself
      // A counterpart taken from context is of another country than its source; with several
      // sources it was chosen for the first one, so the others get their own.
      if (t && t->country == s.country && a.from_context) {
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
        if (other || inferred) continue;
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
      e.rule = rule;
      e.nominal = p.noun;
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace dragoman::events_internal
