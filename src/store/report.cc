#include "store/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "store/gdelt.h"

namespace dragoman {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kReset = "\x1b[0m";

Status StreamStatus(std::ostream& out) {
  if (!out) return Status::Io("writing output failed");
  return Status::Ok();
}

std::string Pad(std::string_view s, size_t width) {
  std::string out = FitColumns(s, width);
  size_t points = 0;
  for (unsigned char c : out) points += (c & 0xC0) != 0x80;
  if (points < width) out.append(width - points, ' ');
  return out;
}

std::string Fixed(double v, int decimals) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  return s == "-0.0" || s == "-0.00" ? s.substr(1) : s;
}

std::string MoodTag(const Event& e) {
  if (e.negated) return "NOT";
  switch (e.mood) {
    case Mood::kAsserted:
      return "";
    case Mood::kIntended:
      return "INT";
    case Mood::kHypothetical:
      return "HYP";
    case Mood::kQuestion:
      return "Q";
  }
  return "";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += ',';
    line += CsvField(fields[i]);
  }
  line += '\n';
  return line;
}

std::string Direction(const Timeline& t, bool a_to_b) {
  return a_to_b ? t.a + "->" + t.b : t.b + "->" + t.a;
}

}  // namespace

std::optional<ReportFormat> ParseReportFormat(std::string_view s) {
  if (s == "table") return ReportFormat::kTable;
  if (s == "jsonl") return ReportFormat::kJsonl;
  if (s == "csv") return ReportFormat::kCsv;
  if (s == "json") return ReportFormat::kJson;
  return std::nullopt;
}

std::string FitColumns(std::string_view s, size_t columns) {
  std::string out;
  size_t points = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) {
      len = 4;
    } else if (c >= 0xE0) {
      len = 3;
    } else if (c >= 0xC0) {
      len = 2;
    }
    len = std::min(len, s.size() - i);
    if (points + 1 > columns || (points + 1 == columns && i + len < s.size())) {
      if (columns > 0) out += "…";
      return out;
    }
    if (c == '\n' || c == '\t' || c == '\r') {
      out += ' ';
    } else {
      out.append(s.substr(i, len));
    }
    ++points;
    i += len;
  }
  return out;
}

Json StoredEventToJson(const StoredEvent& r) {
  Json j = EventToJson(r.event);
  j["event_id"] = r.event_id;
  j["mention_id"] = r.mention_id;
  j["mentions"] = r.mentions;
  j["articles"] = r.articles;
  j["sources"] = r.sources;
  j["url"] = r.url.empty() ? Json(nullptr) : Json(r.url);
  j["added"] = r.added;
  return j;
}

Json TimelineToJson(const Timeline& t) {
  static const char* kPeriodNames[] = {"day", "week", "month", "year"};
  Json j;
  j["a"] = t.a;
  j["b"] = t.b;
  j["by"] = kPeriodNames[static_cast<int>(t.period)];
  Json periods = Json::array();
  for (const auto& c : t.cells) {
    Json p;
    p["period"] = c.period;
    p["direction"] = Direction(t, c.a_to_b);
    p["source"] = c.a_to_b ? t.a : t.b;
    p["target"] = c.a_to_b ? t.b : t.a;
    p["events"] = c.events;
    Json pl = Json::object();
    for (const auto& [k, n] : c.by_plover) pl[k] = n;
    p["plover"] = pl;
    p["goldstein_sum"] = std::round(c.goldstein_sum * 100) / 100;
    p["goldstein_mean"] = std::round(c.goldstein_mean() * 100) / 100;
    Json q;
    for (size_t i = 0; i < kQuadClasses.size(); ++i) q[kQuadClasses[i]] = c.quads[i];
    p["quad"] = q;
    periods.push_back(p);
  }
  j["periods"] = periods;
  j["undated"] = t.undated;
  j["too_coarse"] = t.too_coarse;
  return j;
}

Json ActorSeenToJson(const ActorSeen& a) {
  Json j;
  j["name"] = a.name.empty() ? Json(nullptr) : Json(a.name);
  j["code"] = a.code;
  j["country"] = a.country.empty() ? Json(nullptr) : Json(a.country);
  j["sector"] = a.sector.empty() ? Json(nullptr) : Json(a.sector);
  j["first"] = a.first.empty() ? Json(nullptr) : Json(a.first);
  j["last"] = a.last.empty() ? Json(nullptr) : Json(a.last);
  j["mentions"] = a.mentions;
  j["documents"] = a.documents;
  j["roles"] = a.roles;
  j["example"] = a.example;
  return j;
}

Json SearchHitToJson(const SearchHit& h) {
  Json j;
  j["doc"] = h.doc;
  j["doc_date"] = h.doc_date.empty() ? Json(nullptr) : Json(h.doc_date);
  j["sentence"] = h.sentence;
  j["highlighted"] = h.highlighted;
  Json evs = Json::array();
  for (const auto& e : h.events) {
    Json x;
    x["event_id"] = e.event_id;
    x["source"] = e.source.empty() ? Json(nullptr) : Json(e.source);
    x["target"] = e.target.empty() ? Json(nullptr) : Json(e.target);
    x["cameo"] = e.cameo;
    x["plover"] = e.plover;
    x["negated"] = e.negated;
    evs.push_back(x);
  }
  j["events"] = evs;
  return j;
}

Json EvidenceToJson(const EventEvidence& ev) {
  Json j;
  j["event_id"] = ev.event_id;
  j["mentions"] = ev.mentions.size();
  j["articles"] = ev.articles;
  j["sources"] = ev.sources;
  Json ms = Json::array();
  for (const auto& m : ev.mentions) {
    Json x;
    x["mention_id"] = m.mention_id;
    x["event"] = EventToJson(m.event);
    x["span_text"] = m.span_text;
    x["url"] = m.doc_url.empty() ? Json(nullptr) : Json(m.doc_url);
    x["title"] = m.doc_title.empty() ? Json(nullptr) : Json(m.doc_title);
    x["source"] = m.doc_source.empty() ? Json(nullptr) : Json(m.doc_source);
    x["origin"] = m.doc_origin;
    ms.push_back(x);
  }
  j["evidence"] = ms;
  return j;
}

EventPrinter::EventPrinter(std::ostream& out, ReportFormat format, bool terminal, int width)
    : out_(out), format_(format), terminal_(terminal), width_(std::max(width, 60)) {}

Status EventPrinter::Print(const StoredEvent& r) {
  const Event& e = r.event;
  ++rows_;
  switch (format_) {
    case ReportFormat::kJson:
    case ReportFormat::kJsonl:
      out_ << StoredEventToJson(r).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
      break;
    case ReportFormat::kCsv:
      if (!header_done_) out_ << CsvLine(GdeltColumns());
      out_ << CsvLine(GdeltRow(r));
      break;
    case ReportFormat::kTable: {
      if (!header_done_) {
        std::string h = Pad("ID", 7) + Pad("DATE", 11) + Pad("SOURCE", 11) + Pad("TARGET", 11) +
                        Pad("CAMEO", 6) + Pad("PLOVER", 11) + Pad("MOOD", 5) + Pad("GS", 6) +
                        Pad("N", 4) + "SENTENCE";
        out_ << (terminal_ ? kBold : "") << h << (terminal_ ? kReset : "") << '\n';
      }
      std::string line = Pad(std::to_string(r.event_id), 7) + Pad(EffectiveDate(e), 11) +
                         Pad(e.source ? e.source->code : "-", 11) +
                         Pad(e.target ? e.target->code : "-", 11) + Pad(e.cameo, 6) +
                         Pad(e.plover, 11) + Pad(MoodTag(e), 5) + Pad(Fixed(e.goldstein, 1), 6) +
                         Pad(std::to_string(r.mentions), 4);
      size_t used = 72;
      out_ << line << FitColumns(e.text, static_cast<size_t>(width_) - used) << '\n';
      break;
    }
  }
  header_done_ = true;
  return StreamStatus(out_);
}

Status EventPrinter::Finish() {
  if (format_ == ReportFormat::kTable) {
    out_ << rows_ << (rows_ == 1 ? " event" : " events") << '\n';
  } else if (format_ == ReportFormat::kCsv && !header_done_) {
    out_ << CsvLine(GdeltColumns());
  }
  out_.flush();
  return StreamStatus(out_);
}

Status PrintTimeline(std::ostream& out, const Timeline& t, ReportFormat format, bool terminal) {
  static const char* kPeriodNames[] = {"day", "week", "month", "year"};
  const char* by = kPeriodNames[static_cast<int>(t.period)];
  std::set<std::string> types;
  for (const auto& c : t.cells) {
    for (const auto& [p, n] : c.by_plover) types.insert(p);
  }
  switch (format) {
    case ReportFormat::kJson:
    case ReportFormat::kJsonl: {
      Json j = TimelineToJson(t);
      out << j.dump(format == ReportFormat::kJson ? 2 : -1) << '\n';
      break;
    }
    case ReportFormat::kCsv: {
      std::vector<std::string> h = {"period", "source",        "target",
                                    "events", "goldstein_sum", "goldstein_mean"};
      for (const char* q : kQuadClasses) h.push_back(q);
      for (const auto& p : types) h.push_back(p);
      out << CsvLine(h);
      for (const auto& c : t.cells) {
        std::vector<std::string> row = {c.period,
                                        c.a_to_b ? t.a : t.b,
                                        c.a_to_b ? t.b : t.a,
                                        std::to_string(c.events),
                                        Fixed(c.goldstein_sum, 1),
                                        Fixed(c.goldstein_mean(), 2)};
        for (int n : c.quads) row.push_back(std::to_string(n));
        for (const auto& p : types) {
          auto it = c.by_plover.find(p);
          row.push_back(std::to_string(it == c.by_plover.end() ? 0 : it->second));
        }
        out << CsvLine(row);
      }
      break;
    }
    case ReportFormat::kTable: {
      // A compact chart: one line per period and direction; the bar shows cooperation (█ / +)
      // and conflict (▒ / -) events, scaled so the busiest line fits in 30 columns.
      int most = 1;
      for (const auto& c : t.cells) most = std::max(most, c.events);
      double scale = most > 30 ? 30.0 / most : 1.0;
      size_t dir_width = Direction(t, true).size() + 2;
      out << (terminal ? kBold : "") << Pad("PERIOD", 11) << Pad("DIRECTION", dir_width)
          << Pad("EVENTS", 7) << Pad("GS SUM", 8) << Pad("MEAN", 7) << Pad("VCOOP", 6)
          << Pad("MCOOP", 6) << Pad("VCONF", 6) << Pad("MCONF", 6) << "CHART (coop|conflict)"
          << (terminal ? kReset : "") << '\n';
      for (const auto& c : t.cells) {
        int coop = c.quads[0] + c.quads[1];
        int conflict = c.quads[2] + c.quads[3];
        auto bar = [&](int n, const char* glyph) {
          std::string s;
          int len = n == 0 ? 0 : std::max(1, static_cast<int>(std::lround(n * scale)));
          for (int i = 0; i < len; ++i) s += glyph;
          return s;
        };
        out << Pad(c.period, 11) << Pad(Direction(t, c.a_to_b), dir_width)
            << Pad(std::to_string(c.events), 7) << Pad(Fixed(c.goldstein_sum, 1), 8)
            << Pad(Fixed(c.goldstein_mean(), 2), 7) << Pad(std::to_string(c.quads[0]), 6)
            << Pad(std::to_string(c.quads[1]), 6) << Pad(std::to_string(c.quads[2]), 6)
            << Pad(std::to_string(c.quads[3]), 6) << bar(coop, terminal ? "█" : "+")
            << bar(conflict, terminal ? "▒" : "-") << '\n';
        std::string types_line;
        for (const auto& [p, n] : c.by_plover) {
          types_line += (types_line.empty() ? "" : ", ") + p + " " + std::to_string(n);
        }
        out << std::string(11, ' ') << "  " << types_line << '\n';
      }
      if (t.cells.empty()) out << "no events between " << t.a << " and " << t.b << '\n';
      if (t.undated || t.too_coarse) {
        out << "not shown: " << t.undated << " undated, " << t.too_coarse
            << " dated less precisely than a " << by << '\n';
      }
      break;
    }
  }
  out.flush();
  return StreamStatus(out);
}

Status PrintActors(std::ostream& out, const std::vector<ActorSeen>& actors, ReportFormat format) {
  if (format == ReportFormat::kJsonl || format == ReportFormat::kJson) {
    for (const auto& a : actors) {
      Json j = ActorSeenToJson(a);
      out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    }
  } else if (format == ReportFormat::kCsv) {
    out << CsvLine({"name", "code", "country", "sector", "first", "last", "mentions", "documents",
                    "roles", "example"});
    for (const auto& a : actors) {
      out << CsvLine({a.name, a.code, a.country, a.sector, a.first, a.last,
                      std::to_string(a.mentions), std::to_string(a.documents), a.roles, a.example});
    }
  } else {
    out << Pad("ACTOR", 28) << Pad("ROLE", 11) << Pad("FIRST SEEN", 12) << Pad("LAST SEEN", 12)
        << Pad("MENTIONS", 9) << Pad("DOCS", 6) << "AS\n";
    for (const auto& a : actors) {
      std::string who = a.name.empty() ? "(" + a.example + ")" : a.name;
      out << Pad(who, 28) << Pad(a.code, 11) << Pad(a.first.empty() ? "-" : a.first, 12)
          << Pad(a.last.empty() ? "-" : a.last, 12) << Pad(std::to_string(a.mentions), 9)
          << Pad(std::to_string(a.documents), 6) << a.roles << '\n';
    }
    out << actors.size() << (actors.size() == 1 ? " actor role" : " actor roles") << '\n';
  }
  out.flush();
  return StreamStatus(out);
}

Status PrintSearch(std::ostream& out, const std::vector<SearchHit>& hits, ReportFormat format) {
  for (const auto& h : hits) {
    if (format == ReportFormat::kJsonl || format == ReportFormat::kJson) {
      Json j = SearchHitToJson(h);
      out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
    } else {
      out << h.doc << " #" << h.sentence << (h.doc_date.empty() ? "" : "  " + h.doc_date) << '\n'
          << "  " << h.highlighted << '\n';
      for (const auto& e : h.events) {
        out << "    -> event " << e.event_id << ": " << (e.source.empty() ? "-" : e.source) << ' '
            << e.cameo << ' ' << (e.target.empty() ? "-" : e.target) << " (" << e.plover
            << (e.negated ? ", negated" : "") << ")\n";
      }
    }
  }
  if (format == ReportFormat::kTable) {
    out << hits.size() << (hits.size() == 1 ? " sentence" : " sentences") << '\n';
  }
  out.flush();
  return StreamStatus(out);
}

Status PrintEvidence(std::ostream& out, const EventEvidence& ev, ReportFormat format,
                     bool terminal) {
  if (format != ReportFormat::kTable) {
    Json j = EvidenceToJson(ev);
    out << j.dump(format == ReportFormat::kJson ? 2 : -1, ' ', false,
                  Json::error_handler_t::replace)
        << '\n';
    out.flush();
    return StreamStatus(out);
  }
  const Event& first = ev.mentions.front().event;
  auto actor = [](const std::optional<ActorRef>& a) {
    if (!a) return std::string("-");
    std::string s = a->code + " \"" + a->text + "\"";
    if (!a->name.empty() && a->name != a->text) s += " (" + a->name + ")";
    return s;
  };
  out << (terminal ? kBold : "") << "Event " << ev.event_id << (terminal ? kReset : "") << ": "
      << actor(first.source) << "  " << first.cameo << " " << first.plover << "  "
      << actor(first.target) << '\n'
      << "  date " << (EffectiveDate(first).empty() ? "unknown" : EffectiveDate(first))
      << ", Goldstein " << Fixed(first.goldstein, 1) << ", " << first.quad << ", "
      << (first.negated ? "negated, " : "") << MoodName(first.mood) << '\n'
      << "  " << ev.mentions.size() << (ev.mentions.size() == 1 ? " mention" : " mentions")
      << " in " << ev.articles << (ev.articles == 1 ? " article" : " articles") << " from "
      << ev.sources << (ev.sources == 1 ? " source" : " sources") << '\n';
  int n = 0;
  for (const auto& m : ev.mentions) {
    const Event& e = m.event;
    out << "\nMention " << ++n << " (mention id " << m.mention_id << ")\n"
        << "  document   " << e.doc << (m.doc_title.empty() ? "" : " \"" + m.doc_title + "\"")
        << '\n';
    if (!m.doc_url.empty()) out << "  url        " << m.doc_url << '\n';
    if (!m.doc_source.empty()) out << "  source     " << m.doc_source << '\n';
    out << "  doc date   " << (e.doc_date.empty() ? "unknown" : e.doc_date) << " (from "
        << e.doc_date_source << ")\n"
        << "  event date " << (e.date.empty() ? "-" : e.date)
        << (e.date_source.empty() ? "" : " (from " + e.date_source + ")") << '\n'
        << "  sentence   #" << e.sentence << ": ";
    // The sentence with the event's words marked. Offsets are document bytes; the sentence
    // starts where its text is found ending at or after the span.
    std::string marked = e.text;
    size_t at = m.span_text.empty() ? std::string::npos : e.text.find(m.span_text);
    if (at != std::string::npos) {
      marked = e.text.substr(0, at) + (terminal ? kBold : "[") + m.span_text +
               (terminal ? kReset : "]") + e.text.substr(at + m.span_text.size());
    }
    out << marked << '\n'
        << "  span       " << e.span_begin << "-" << e.span_end << " \"" << m.span_text << "\"\n";
    if (e.location) out << "  location   " << e.location->name << '\n';
    if (e.quantity) out << "  quantity   " << e.quantity->value << ' ' << e.quantity->unit << '\n';
    if (e.speaker) out << "  speaker    " << actor(e.speaker) << '\n';
    out << "  rule       " << e.rule << '\n';
  }
  out.flush();
  return StreamStatus(out);
}

}  // namespace dragoman
