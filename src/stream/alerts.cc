#include "stream/alerts.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "base/date.h"
#include "base/file.h"
#include "base/timestamp.h"

namespace dragoman {

namespace {

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    size_t j = i;
    while (j < line.size() && !std::isspace(static_cast<unsigned char>(line[j]))) ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

bool IsSelector(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

std::optional<int> ParseDays(std::string_view v) {
  if (v.size() < 2 || v.back() != 'd') return std::nullopt;
  int n = 0;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size() - 1, n);
  if (ec != std::errc() || p != v.data() + v.size() - 1 || n < 1 || n > 3660) return std::nullopt;
  return n;
}

std::optional<double> ParseNumber(std::string_view v) {
  std::string s(v);
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size()) return std::nullopt;
  return d;
}

bool MatchesSelector(const std::string& sel, const std::string& code, const std::string& country) {
  return country == sel || (!code.empty() && code.rfind(sel, 0) == 0);
}

bool MatchesType(const std::string& type, const RuleEvent& e) {
  if (type.empty()) return true;
  if (std::isdigit(static_cast<unsigned char>(type[0]))) return e.cameo.rfind(type, 0) == 0;
  return e.plover == type || e.quad == type;
}

bool MatchesDyad(const AlertRule& r, const RuleEvent& e) {
  if (r.a.empty()) return true;
  bool forward = MatchesSelector(r.a, e.source, e.source_country) &&
                 MatchesSelector(r.b, e.target, e.target_country);
  if (forward || r.directed) return forward;
  return MatchesSelector(r.b, e.source, e.source_country) &&
         MatchesSelector(r.a, e.target, e.target_country);
}

std::string DayString(int64_t day) {
  return PartialDate::FromDays(static_cast<long>(day)).ToString();
}

// Every asserted, non-negated, dated real-world event of the rule's dyad, by day then id. A rule
// whose dyad names two countries reads only theirs (through the events_filter index).
Result<std::vector<RuleEvent>> LoadEvents(CorpusStore& store, const AlertRule& rule) {
  std::optional<std::pair<std::string, std::string>> countries;
  if (rule.a.size() == 3 && rule.b.size() == 3) countries = std::make_pair(rule.a, rule.b);
  DRAGOMAN_ASSIGN_OR_RETURN(std::vector<RuleEvent> all, store.RuleEvents(countries));
  std::vector<RuleEvent> out;
  for (RuleEvent& e : all) {
    if (MatchesDyad(rule, e)) out.push_back(std::move(e));
  }
  return out;
}

struct Candidate {
  int64_t key_day = 0;
  int64_t from = 0, to = 0;
  double value = 0;
  std::vector<int64_t> events;
};

// mean and count: the condition over the window ending on each day that has an event; a run of
// such days where it holds is one episode, keyed by its first day.
std::vector<Candidate> WindowEpisodes(const AlertRule& r, const std::vector<RuleEvent>& all) {
  std::vector<const RuleEvent*> ev;
  for (const auto& e : all) {
    if (MatchesType(r.type, e)) ev.push_back(&e);
  }
  std::vector<Candidate> out;
  bool in_episode = false;
  size_t lo = 0;
  for (size_t i = 0; i < ev.size(); ++i) {
    int64_t day = ev[i]->day;
    if (i + 1 < ev.size() && ev[i + 1]->day == day) continue;  // evaluate once per day, at its end
    while (ev[lo]->day <= day - r.days) ++lo;
    double sum = 0;
    for (size_t k = lo; k <= i; ++k) sum += ev[k]->goldstein;
    const double n = static_cast<double>(i - lo + 1);
    const double value = r.kind == AlertRule::Kind::kMean ? sum / n : n;
    const bool holds = (!r.below || value < *r.below) && (!r.above || value > *r.above);
    if (holds && !in_episode) {
      Candidate c;
      c.key_day = day;
      c.from = day - r.days + 1;
      c.to = day;
      c.value = value;
      for (size_t k = lo; k <= i; ++k) c.events.push_back(ev[k]->id);
      out.push_back(std::move(c));
    }
    in_episode = holds;
  }
  return out;
}

std::vector<Candidate> FirstEpisodes(const AlertRule& r, const std::vector<RuleEvent>& all) {
  std::vector<Candidate> out;
  std::optional<int64_t> last;
  for (const auto& e : all) {
    if (!MatchesType(r.type, e)) continue;
    if (!last || e.day - *last > r.days) {
      out.push_back({e.day, e.day - r.days, e.day, 0, {e.id}});
    } else if (!out.empty() && out.back().key_day == e.day) {
      out.back().events.push_back(e.id);  // the same day's other events belong to the firing
    }
    last = e.day;
  }
  return out;
}

std::vector<Candidate> SilenceEpisodes(const AlertRule& r, const std::vector<RuleEvent>& all,
                                       int64_t now) {
  std::vector<const RuleEvent*> ev;
  for (const auto& e : all) {
    if (MatchesType(r.type, e)) ev.push_back(&e);
  }
  std::vector<Candidate> out;
  for (size_t i = 0; i < ev.size(); ++i) {
    int64_t day = ev[i]->day;
    if (i + 1 < ev.size() && ev[i + 1]->day == day) continue;
    const bool silent = i + 1 < ev.size() ? ev[i + 1]->day > day + r.days : now >= day + r.days;
    if (silent)
      out.push_back({day, day + 1, day + r.days, static_cast<double>(r.days), {ev[i]->id}});
  }
  return out;
}

}  // namespace

std::string_view AlertKindName(AlertRule::Kind k) {
  switch (k) {
    case AlertRule::Kind::kMean:
      return "mean";
    case AlertRule::Kind::kFirst:
      return "first";
    case AlertRule::Kind::kSilence:
      return "silence";
    case AlertRule::Kind::kCount:
      return "count";
  }
  return "mean";
}

std::string AlertRule::DyadLabel() const {
  if (a.empty()) return "*";
  return a + (directed ? ">" : "-") + b;
}

Result<std::vector<AlertRule>> ParseAlertRules(std::string_view text, const std::string& name) {
  std::vector<AlertRule> rules;
  std::set<std::string> names;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? text.npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    auto words = Words(line);
    if (words.empty()) continue;
    const std::string where = name + ":" + std::to_string(line_no);
    auto bad = [&](const std::string& why) { return Status::BadData(where + ": " + why); };
    if (words.size() < 2) return bad("a rule needs a name, a kind and its settings");
    AlertRule r;
    r.name = std::string(words[0]);
    r.where = where;
    if (!names.insert(r.name).second) return bad("rule '" + r.name + "' is defined twice");
    static const std::map<std::string_view, AlertRule::Kind> kKinds = {
        {"mean", AlertRule::Kind::kMean},
        {"first", AlertRule::Kind::kFirst},
        {"silence", AlertRule::Kind::kSilence},
        {"count", AlertRule::Kind::kCount}};
    auto kind = kKinds.find(words[1]);
    if (kind == kKinds.end()) {
      return bad("unknown rule kind '" + std::string(words[1]) +
                 "' (mean, first, silence or count)");
    }
    r.kind = kind->second;
    std::set<std::string> seen;
    for (size_t i = 2; i < words.size(); ++i) {
      size_t eq = words[i].find('=');
      if (eq == std::string_view::npos || eq == 0 || eq + 1 == words[i].size()) {
        return bad("expected key=value, got '" + std::string(words[i]) + "'");
      }
      std::string key(words[i].substr(0, eq));
      std::string_view value = words[i].substr(eq + 1);
      if (!seen.insert(key).second) return bad("'" + key + "' given twice");
      if (key == "dyad") {
        size_t sep = value.find_first_of(">-");
        if (sep == std::string_view::npos || !IsSelector(value.substr(0, sep)) ||
            !IsSelector(value.substr(sep + 1))) {
          return bad(
              "dyad must be A>B (directed) or A-B (either way), A and B actor codes "
              "in capitals, got '" +
              std::string(value) + "'");
        }
        r.a = std::string(value.substr(0, sep));
        r.b = std::string(value.substr(sep + 1));
        r.directed = value[sep] == '>';
      } else if (key == "type") {
        r.type = std::string(value);
      } else if (key == "window" || key == "gap") {
        auto d = ParseDays(value);
        if (!d) return bad(key + " must be a number of days such as 7d (1d to 3660d)");
        const bool wants_window =
            r.kind == AlertRule::Kind::kMean || r.kind == AlertRule::Kind::kCount;
        if ((key == "window") != wants_window) {
          return bad(std::string(AlertKindName(r.kind)) + " rules take " +
                     (wants_window ? "window=" : "gap=") + ", not " + key + "=");
        }
        r.days = *d;
      } else if (key == "below" || key == "above") {
        auto v = ParseNumber(value);
        if (!v) return bad(key + " must be a number, got '" + std::string(value) + "'");
        (key == "below" ? r.below : r.above) = *v;
      } else {
        return bad("unknown setting '" + key + "' (dyad, type, window, gap, below, above)");
      }
    }
    const bool windowed = r.kind == AlertRule::Kind::kMean || r.kind == AlertRule::Kind::kCount;
    if (r.days == 0) return bad(windowed ? "window= is required" : "gap= is required");
    if (windowed && !r.below && !r.above) return bad("below= or above= is required");
    if (!windowed && (r.below || r.above)) return bad("below=/above= belong to mean and count");
    if (r.kind != AlertRule::Kind::kCount && r.a.empty()) return bad("dyad= is required");
    if ((r.kind == AlertRule::Kind::kFirst || r.kind == AlertRule::Kind::kSilence) &&
        r.type.empty()) {
      return bad("type= is required");
    }
    rules.push_back(std::move(r));
  }
  return rules;
}

Result<std::vector<AlertRule>> LoadAlertRules(const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseAlertRules(text, path);
}

Result<std::vector<AlertFiring>> EvaluateAlerts(CorpusStore& store,
                                                const std::vector<AlertRule>& rules) {
  std::vector<AlertFiring> fired;
  if (rules.empty()) return fired;
  DRAGOMAN_ASSIGN_OR_RETURN(int64_t now, store.LatestDay());
  const std::string stamp = UtcNow();
  std::vector<AlertFiring> candidates_all;
  for (const AlertRule& r : rules) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::vector<RuleEvent> events, LoadEvents(store, r));
    std::vector<Candidate> candidates;
    switch (r.kind) {
      case AlertRule::Kind::kMean:
      case AlertRule::Kind::kCount:
        candidates = WindowEpisodes(r, events);
        break;
      case AlertRule::Kind::kFirst:
        candidates = FirstEpisodes(r, events);
        break;
      case AlertRule::Kind::kSilence:
        candidates = SilenceEpisodes(r, events, now);
        break;
    }
    for (const Candidate& c : candidates) {
      AlertFiring f{r.name, r.DyadLabel(), DayString(c.key_day), ""};
      nlohmann::ordered_json j;
      j["rule"] = r.name;
      j["kind"] = AlertKindName(r.kind);
      j["dyad"] = f.dyad;
      if (!r.type.empty()) j["type"] = r.type;
      j["window"] = {{"from", DayString(c.from)}, {"to", DayString(c.to)}};
      j["value"] = c.value;
      if (r.below) j["below"] = *r.below;
      if (r.above) j["above"] = *r.above;
      j["events"] = c.events;
      j["fired"] = stamp;
      f.json = j.dump();
      candidates_all.push_back(std::move(f));
    }
  }
  // Stored once: of all the evaluations (several workers, a restart) exactly one stores a
  // firing, and only that one reports it.
  DRAGOMAN_ASSIGN_OR_RETURN(std::vector<bool> stored, store.StoreAlerts(candidates_all, stamp));
  for (size_t i = 0; i < candidates_all.size(); ++i) {
    if (stored[i]) fired.push_back(std::move(candidates_all[i]));
  }
  return fired;
}

Result<std::vector<AlertFiring>> EvaluateAlerts(Store& store, const std::vector<AlertRule>& rules) {
  SqliteCorpusStore corpus(store);
  return EvaluateAlerts(corpus, rules);
}

Result<std::vector<AlertFiring>> ListAlerts(CorpusStore& store, const std::string& rule) {
  return store.ListAlerts(rule);
}

Result<std::vector<AlertFiring>> ListAlerts(Store& store, const std::string& rule) {
  return SqliteCorpusStore(store).ListAlerts(rule);
}

Status PostWebhook(const std::string& url, const std::string& json) {
  if (url.rfind("http://", 0) != 0) {
    return Status::InvalidArgument("webhook URL must start with http://, got '" + url + "'");
  }
  size_t path_at = url.find('/', 7);
  std::string host = url.substr(0, path_at);
  std::string path = path_at == std::string::npos ? "/" : url.substr(path_at);
  httplib::Client client(host);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  auto res = client.Post(path, json, "application/json");
  if (!res) {
    return Status::Io("webhook " + url + ": " + httplib::to_string(res.error()));
  }
  if (res->status < 200 || res->status >= 300) {
    return Status::Io("webhook " + url + ": HTTP " + std::to_string(res->status));
  }
  return Status::Ok();
}

}  // namespace dragoman
