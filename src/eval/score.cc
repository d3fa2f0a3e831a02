#include "eval/score.h"

#include <algorithm>
#include <functional>

namespace dragoman::eval {

namespace {

// Party key of an optional gold actor; "" when absent.
std::string Key(const std::optional<GoldActor>& a) { return a ? a->key : std::string(); }
std::string Key(const std::optional<ActorRef>& a) { return a ? ActorKey(*a) : std::string(); }

bool SpanOverlaps(const GoldEvent& g, const Event& e) {
  if (!g.quote) return true;
  uint32_t b = e.span_begin;
  uint32_t end = std::max(e.span_end, e.span_begin + 1);  // an empty span still sits somewhere
  return b < g.quote->end && g.quote->begin < end;
}

// The coded date agrees with every field the gold date states (a coded "2025-08-04" matches a
// gold "2025-08"; a coded "2025" does not match a gold "2025-08-04"). A gold event whose date the
// text does not establish (empty) is not scored on its date.
bool DateAgrees(const std::string& gold, const std::string& coded) {
  if (gold.empty()) return true;
  return coded.size() >= gold.size() && coded.compare(0, gold.size(), gold) == 0;
}

// Kuhn's augmenting-path algorithm; sizes are a handful of events per document.
bool Augment(int g, const std::vector<std::vector<int>>& adj, std::vector<int>& coded_to_gold,
             std::vector<char>& seen) {
  for (int c : adj[g]) {
    if (seen[c]) continue;
    seen[c] = 1;
    if (coded_to_gold[c] < 0 || Augment(coded_to_gold[c], adj, coded_to_gold, seen)) {
      coded_to_gold[c] = g;
      return true;
    }
  }
  return false;
}

std::string Quote(const GoldDocument& doc, const GoldEvent& g) {
  if (!g.quote) return doc.text;
  return doc.text.substr(g.quote->begin, g.quote->end - g.quote->begin);
}

std::string DescribeActorKey(const std::string& k) { return k.empty() ? "-" : k; }

}  // namespace

std::string_view LevelName(Level l) {
  switch (l) {
    case Level::kDyad:
      return "dyad";
    case Level::kType:
      return "type";
    case Level::kTyped:
      return "typed";
    case Level::kDocTyped:
      return "doc-typed";
    case Level::kDated:
      return "dated";
    case Level::kSource:
      return "source";
    case Level::kSourceTyped:
      return "source+type";
  }
  return "?";
}

std::string_view LevelNames() { return "dyad, type, typed, doc-typed, dated, source, source+type"; }

std::optional<Level> ParseLevel(std::string_view s) {
  for (Level l : kAllLevels) {
    if (LevelName(l) == s) return l;
  }
  if (s == "source_type") return Level::kSourceTyped;
  return std::nullopt;
}

std::string ActorKey(const ActorRef& a) {
  if (!a.country.empty()) return a.country;
  if (a.code.size() >= 3) {
    std::string_view p = std::string_view(a.code).substr(0, 3);
    if (p == "IGO" || p == "NGO" || p == "IMG" || p == "MNC") return std::string(p);
  }
  return "";
}

namespace {

// The words of four or more letters of `s`, ASCII-lower-cased.
std::vector<std::string> LongWords(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  int letters = 0;
  auto flush = [&] {
    if (letters >= 4) out.push_back(word);
    word.clear();
    letters = 0;
  };
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      word += ch;
      if ((c & 0xC0) != 0x80) ++letters;  // count code points, not bytes
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      ++letters;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

bool TextActors(const GoldEvent& g) { return !g.source_text.empty() || !g.target_text.empty(); }

// PLV's actor test for one side: an empty gold side wants no coded actor.
bool WordsAgree(const std::string& gold_words, const std::optional<ActorRef>& a) {
  if (gold_words.empty()) return !a;
  return a && SharesWord(gold_words, *a);
}

}  // namespace

bool SharesWord(std::string_view gold_words, const ActorRef& a) {
  std::vector<std::string> gold = LongWords(gold_words);
  for (const std::string* mention : {&a.text, &a.name}) {
    for (const std::string& w : LongWords(*mention)) {
      if (std::find(gold.begin(), gold.end(), w) != gold.end()) return true;
    }
  }
  return false;
}

bool IsSymmetricType(std::string_view plover) {
  return plover == "CONSULT" || plover == "AGREE" || plover == "COOPERATE";
}

std::string GoldType(const GoldEvent& g) { return g.plover.empty() ? g.cameo : g.plover; }

std::string CodedType(const GoldEvent& g, const Event& e) {
  return g.plover.empty() ? e.cameo : e.plover;
}

bool Compatible(const GoldEvent& g, const Event& e, Level level) {
  if (level != Level::kDocTyped && !SpanOverlaps(g, e)) return false;
  bool same_type = GoldType(g) == CodedType(g, e);
  if (TextActors(g)) {
    bool src = WordsAgree(g.source_text, e.source);
    switch (level) {
      case Level::kType:
        return same_type;
      case Level::kSource:
        return src;
      case Level::kSourceTyped:
        return src && same_type;
      case Level::kDyad:
        return src && WordsAgree(g.target_text, e.target);
      default:  // typed, doc-typed, dated: PLV gold has no dates
        return same_type && src && WordsAgree(g.target_text, e.target);
    }
  }
  if (level == Level::kType) return same_type && g.negated == e.negated;
  std::string gs = Key(g.source), gt = Key(g.target);
  std::string cs = Key(e.source), ct = Key(e.target);
  bool symmetric = IsSymmetricType(g.plover) || (g.plover.empty() && IsSymmetricType(e.plover));
  if (level == Level::kSource || level == Level::kSourceTyped) {
    bool src = cs == gs || (symmetric && !gt.empty() && cs == gt);
    return src && (level == Level::kSource || same_type);
  }
  bool dyad = (cs == gs && ct == gt) || (symmetric && cs == gt && ct == gs);
  if (!dyad) return false;
  if (level == Level::kDyad) return true;
  if (!same_type || g.negated != e.negated) return false;
  if (level == Level::kTyped || level == Level::kDocTyped) return true;
  return DateAgrees(g.date, e.date);
}

namespace {

// Maximum one-to-one matching of gold and coded events under `fits`.
template <typename Fits>
std::vector<int> MatchBy(const std::vector<GoldEvent>& gold, const std::vector<Event>& coded,
                         Fits fits) {
  std::vector<std::vector<int>> adj(gold.size());
  for (size_t i = 0; i < gold.size(); ++i) {
    for (size_t j = 0; j < coded.size(); ++j) {
      if (fits(gold[i], coded[j])) adj[i].push_back(static_cast<int>(j));
    }
  }
  std::vector<int> coded_to_gold(coded.size(), -1);
  for (size_t i = 0; i < gold.size(); ++i) {
    std::vector<char> seen(coded.size(), 0);
    Augment(static_cast<int>(i), adj, coded_to_gold, seen);
  }
  std::vector<int> result(gold.size(), -1);
  for (size_t j = 0; j < coded.size(); ++j) {
    if (coded_to_gold[j] >= 0) result[coded_to_gold[j]] = static_cast<int>(j);
  }
  return result;
}

}  // namespace

std::vector<int> MatchLevel(const std::vector<GoldEvent>& gold, const std::vector<Event>& coded,
                            Level level) {
  return MatchBy(gold, coded,
                 [level](const GoldEvent& g, const Event& e) { return Compatible(g, e, level); });
}

double Scores::OverGeneration() const {
  auto it = levels.find(Level::kDyad);
  if (it == levels.end() || it->second.gold == 0) return 0.0;
  return static_cast<double>(it->second.coded) / it->second.gold;
}

std::string DescribeGold(const GoldEvent& g) {
  std::string s =
      TextActors(g)
          ? "[" + g.source_text + "]->[" + g.target_text + "] " + GoldType(g)
          : DescribeActorKey(Key(g.source)) + "->" + DescribeActorKey(Key(g.target)) + " " +
                GoldType(g);
  if (!g.plover.empty() && !g.cameo.empty()) s += "/" + g.cameo;
  if (g.negated) s += " (negated)";
  if (!g.date.empty()) s += " " + g.date;
  return s;
}

std::string DescribeCoded(const Event& e, bool words) {
  auto side = [words](const std::optional<ActorRef>& a) {
    if (!words) return DescribeActorKey(Key(a));
    return a ? "[" + a->text + (a->name.empty() ? "" : " = " + a->name) + "]" : std::string("-");
  };
  std::string s = side(e.source) + "->" + side(e.target) + " " +
                  (e.plover.empty() ? "?" : e.plover) + "/" + e.cameo;
  if (e.negated) s += " (negated)";
  if (!e.date.empty()) s += " " + e.date;
  return s;
}

void ScoreDocument(const GoldDocument& doc, const std::vector<Event>& coded, Scores& scores) {
  ++scores.documents;
  const std::vector<GoldEvent>& gold = doc.events;
  for (Level l : kAllLevels) {
    std::vector<int> m = MatchLevel(gold, coded, l);
    Counts& c = scores.levels[l];
    c.gold += static_cast<int>(gold.size());
    c.coded += static_cast<int>(coded.size());
    c.matched += static_cast<int>(std::count_if(m.begin(), m.end(), [](int x) { return x >= 0; }));
  }

  // Typed matching: per type figures, misses and false alarms.
  std::vector<int> typed = MatchLevel(gold, coded, scores.detail_level);
  std::vector<char> coded_used(coded.size(), 0);
  for (size_t i = 0; i < gold.size(); ++i) {
    Counts& t = scores.per_type[GoldType(gold[i])];
    ++t.gold;
    if (typed[i] >= 0) {
      ++t.matched;
      coded_used[typed[i]] = 1;
    }
  }
  for (const Event& e : coded) {
    ++scores.per_type[scores.cameo_types ? e.cameo : e.plover].coded;
  }

  // Confusion: typed pairs first, then dyad-only pairs among what is left.
  std::vector<GoldEvent> rest_gold;
  std::vector<size_t> rest_gold_idx;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (typed[i] >= 0) {
      ++scores.confusion[{GoldType(gold[i]), GoldType(gold[i])}];
    } else {
      rest_gold.push_back(gold[i]);
      rest_gold_idx.push_back(i);
    }
  }
  std::vector<Event> rest_coded;
  std::vector<size_t> rest_coded_idx;
  for (size_t j = 0; j < coded.size(); ++j) {
    if (!coded_used[j]) {
      rest_coded.push_back(coded[j]);
      rest_coded_idx.push_back(j);
    }
  }
  // The pairs agree on what the detail level asks besides the type: the source for source+type,
  // nothing but the sentence for type, the dyad otherwise.
  std::vector<int> dyad;
  if (scores.detail_level == Level::kType) {
    dyad = MatchBy(rest_gold, rest_coded,
                   [](const GoldEvent& g, const Event& e) { return SpanOverlaps(g, e); });
  } else {
    dyad = MatchLevel(rest_gold, rest_coded,
                      scores.detail_level == Level::kSourceTyped ? Level::kSource : Level::kDyad);
  }
  bool words = !gold.empty() && TextActors(gold[0]);
  std::vector<char> rest_used(rest_coded.size(), 0);
  for (size_t i = 0; i < rest_gold.size(); ++i) {
    const GoldEvent& g = rest_gold[i];
    std::string coded_type = "(missed)";
    if (dyad[i] >= 0) {
      coded_type = CodedType(g, rest_coded[dyad[i]]);
      if (coded_type.empty()) coded_type = "?";
      rest_used[dyad[i]] = 1;
    }
    ++scores.confusion[{GoldType(g), coded_type}];

    // What did the coder say about these words?
    std::string said;
    for (const Event& e : coded) {
      if (g.quote && !(e.span_begin < g.quote->end && g.quote->begin < e.span_end + 1)) continue;
      if (!said.empty()) said += "; ";
      said += DescribeCoded(e, words);
    }
    std::string where = doc.origin;
    if (g.line > 0 && g.id.empty()) where = "gold line " + std::to_string(g.line);
    if (doc.measure_only) {
      ++scores.measure_misses;
    } else {
      scores.misses.push_back({doc.id, Quote(doc, g), DescribeGold(g), said, where});
    }
  }
  for (size_t j = 0; j < rest_coded.size(); ++j) {
    const Event& e = rest_coded[j];
    if (!rest_used[j]) {
      ++scores.confusion[{"(spurious)", scores.cameo_types ? e.cameo : e.plover}];
    }
    if (doc.measure_only) {
      ++scores.measure_false_alarms;
    } else {
      scores.false_alarms.push_back({doc.id, e.text, "", DescribeCoded(e, words), e.rule});
    }
  }
}

}  // namespace dragoman::eval
