// The argument rules: which matches state an event, and each event's code, mood, source,
// target, date, place, quantity and speaker.
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
    for (size_t a = 0; a < b; ++a) {
      if (Seg(matches[a].trigger) != Seg(t)) continue;
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
  return drop;
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
      while (j >= 0 && (IsNorm(w_.possessive_marker, j) || IsNorm(w_.modifier, j))) {
        --j;
      }
      if (j >= 0 && in_mention_[j] >= 0 && facts_.actors[in_mention_[j]].token_end == j + 1) {
        src_mentions = {in_mention_[j]};
      } else {
        // "staged demonstrations", "continued their hunger strike": a performing verb before
        // the noun makes its subject the source.
        int k = first - 1;
        while (k >= segs_[seg].begin && k >= first - 5 && !Is(w_.light_verb, k) && !Punct(k) &&
               in_mention_[k] < 0) {
          --k;
        }
        if (k >= segs_[seg].begin && Is(w_.light_verb, k)) src_mentions = SubjectOf(seg, k);
      }
    } else {
      int first = m.words.empty() ? m.trigger : m.words.front();
      // "leading/prompting X to demand ...": the causative verb's object is the infinitive's
      // subject.
      int to = first - 1;
      int obj = to >= 1 && IsNorm(w_.to, to) ? MentionEndingAt(to) : -1;
      if (obj >= 0) {
        int k = facts_.actors[obj].token_begin - 1;
        while (k >= 0 && IsNorm(w_.determiner, k)) --k;
        if (Is(w_.causative, k) && !excluded_[obj]) src_mentions = Coordinated(obj);
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
        while (b >= 0 && IsNorm(w_.determiner, b)) --b;
        if (b >= 0 && IsNorm(w_.agent_preposition, b) && !excluded_[agent]) {
          src_mentions = Coordinated(agent);
        }
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
  return out;
}

}  // namespace dragoman::events_internal
