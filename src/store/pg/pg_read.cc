// The PostgreSQL store's reads: counts, event listings with their filters and paging, actors,
// dyads, evidence, documents, the timeline, full-text search and the alert queries. The
// connection, the schema and the writes are in pg_store.cc.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "output/event_json.h"
#include "store/pg/pg_internal.h"
#include "store/pg/pg_store.h"

namespace dragoman {

using pg_internal::Upper;
using Params = std::vector<std::optional<std::string>>;

Result<StoreStats> PgStore::Stats() {
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows r, Exec("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
                   "(SELECT count(*) FROM events), (SELECT count(*) FROM event_groups), "
                   "(SELECT count(*) FROM actor_mentions)",
                   {}));
  StoreStats s;
  s.documents = r.num(0, 0);
  s.sentences = r.num(0, 1);
  s.mentions = r.num(0, 2);
  s.events = r.num(0, 3);
  s.actor_mentions = r.num(0, 4);
  return s;
}

Result<std::vector<std::string>> PgStore::AllEventJson() {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r,
                            Exec("SELECT json FROM events ORDER BY json COLLATE \"C\"", {}));
  std::vector<std::string> out;
  for (int i = 0; i < r.size(); ++i) out.push_back(r.text(i, 0));
  return out;
}

Result<std::string> PgStore::FilterSql(const EventFilter& filter, Params* params) {
  DRAGOMAN_RETURN_IF_ERROR(CheckQueryLimits(filter.text, filter.text_limits));
  auto param = [&](std::string v) {
    params->push_back(std::move(v));
    return "$" + std::to_string(params->size()) + "::text";
  };
  // As query.cc: a side matches a country, a whole code or a code prefix (no LIKE, so that '%'
  // and '_' in a selector are plain characters).
  auto side = [&](const std::string& col, const std::string& p) {
    return "(" + col + "_country = " + p + " OR substr(" + col + ", 1, length(" + p + ")) = " + p +
           ")";
  };
  std::string where = "TRUE";
  if (filter.dyad) {
    std::string a = param(Upper(filter.dyad->first));
    std::string b = param(Upper(filter.dyad->second));
    std::string ab = side("e.source", a) + " AND " + side("e.target", b);
    std::string ba = side("e.source", b) + " AND " + side("e.target", a);
    where += filter.directed ? " AND (" + ab + ")" : " AND ((" + ab + ") OR (" + ba + "))";
  }
  if (!filter.actor.empty()) {
    // As query.cc: a source or target actor mention whose country, code (prefix), person name or
    // surface text matches; names and texts case-insensitively for ASCII letters.
    std::string code = param(Upper(filter.actor));
    std::string text = param(filter.actor);
    auto ascii_lower = [](const std::string& x) {
      return "translate(" + x + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
    };
    where +=
        " AND e.id IN (SELECT event FROM actor_mentions WHERE role <> 'speaker' AND "
        "(country = " +
        code + " OR substr(code, 1, length(" + code + ")) = " + code + " OR position(" +
        ascii_lower(text) + " in " + ascii_lower("name") + ") > 0 OR position(" +
        ascii_lower(text) + " in " + ascii_lower("text") + ") > 0))";
  }
  if (!filter.type.empty()) {
    std::string p = param(filter.type);
    const bool digits = std::all_of(filter.type.begin(), filter.type.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
    where += digits
                 ? " AND substr(e.cameo, 1, length(" + p + ")) = " + p
                 : " AND (upper(e.plover) = upper(" + p + ") OR lower(e.quad) = lower(" + p + "))";
  }
  if (filter.since) {
    where += " AND e.day >= " + param(std::to_string(filter.since->DaysFromEpoch())) + "::bigint";
  }
  if (filter.until) {
    // The last day of the period of a partial date ("2024" -> 2024-12-31), as query.cc.
    const PartialDate& u = *filter.until;
    int64_t last = u.precision() == DatePrecision::kDay ? u.DaysFromEpoch()
                   : u.precision() == DatePrecision::kMonth
                       ? u.DaysFromEpoch() + DaysInMonth(u.year, u.month) - 1
                       : PartialDate{u.year, 12, 31}.DaysFromEpoch();
    where += " AND e.day <= " + param(std::to_string(last)) + "::bigint";
  }
  if (filter.negated_only) where += " AND e.negated = 1";
  if (!filter.location.empty()) {
    std::string p = param(filter.location);
    std::string c = param(Upper(filter.location));
    where += " AND (position(lower(" + p +
             ") in lower(e.location)) > 0 OR e.location_country = " + c + ")";
  }
  if (!filter.text.empty()) {
    where +=
        " AND EXISTS (SELECT 1 FROM sentences s WHERE s.id = e.sentence_id AND s.tsv @@ "
        "plainto_tsquery('simple', " +
        param(filter.text) + "))";
  }
  return where;
}

Status PgStore::ForEachEvent(const EventFilter& filter,
                             const std::function<Status(const StoredEvent&)>& fn) {
  Params params;
  DRAGOMAN_ASSIGN_OR_RETURN(std::string where, FilterSql(filter, &params));
  auto param = [&](std::string v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size()) + "::bigint";
  };
  // Paging: only rows after the cursor in the order below (undated rows last), as query.cc.
  std::string after;
  if (filter.after) {
    std::string g = param(std::to_string(filter.after->event_id));
    std::string i = param(std::to_string(filter.after->mention_id));
    std::string same_day = "s.grp > " + g + " OR (s.grp = " + g + " AND s.id > " + i + ")";
    if (filter.after->day) {
      std::string d = param(std::to_string(*filter.after->day));
      after =
          " WHERE s.day IS NULL OR s.day > " + d + " OR (s.day = " + d + " AND (" + same_day + "))";
    } else {
      after = " WHERE s.day IS NULL AND (" + same_day + ")";
    }
  }
  std::string sql =
      "WITH m AS (SELECT e.id, e.grp, e.day FROM events e WHERE " + where + "), shown AS (" +
      (filter.mentions ? std::string("SELECT id, grp, day FROM m")
                       : std::string("SELECT DISTINCT ON (grp) id, grp, day FROM m ORDER BY grp, "
                                     "id")) +
      ") SELECT s.grp, s.id, e.json, c.mentions, c.articles, c.sources, d.url, d.ingested, s.day "
      "FROM shown s JOIN events e ON e.id = s.id JOIN documents d ON d.id = e.doc "
      "JOIN LATERAL (SELECT count(*) AS mentions, count(DISTINCT x.doc) AS articles, "
      "count(DISTINCT xd.outlet) AS sources FROM events x JOIN documents xd ON xd.id = x.doc "
      "WHERE x.grp = s.grp) c ON TRUE" +
      after + " ORDER BY s.day NULLS LAST, s.grp, s.id";
  if (filter.limit > 0) sql += " LIMIT " + param(std::to_string(filter.limit));
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec(sql, params));
  for (int i = 0; i < r.size(); ++i) {
    StoredEvent ev;
    ev.event_id = r.num(i, 0);
    ev.mention_id = r.num(i, 1);
    ev.json = r.text(i, 2);
    ev.mentions = static_cast<int>(r.num(i, 3));
    ev.articles = static_cast<int>(r.num(i, 4));
    ev.sources = static_cast<int>(r.num(i, 5));
    ev.url = r.text(i, 6);
    ev.added = r.text(i, 7);
    if (!r.null(i, 8)) ev.day = r.num(i, 8);
    if (filter.parse) {
      DRAGOMAN_ASSIGN_OR_RETURN(ev.event, ParseStored(ev.mention_id, ev.json));
    }
    DRAGOMAN_RETURN_IF_ERROR(fn(ev));
  }
  return Status::Ok();
}

Result<Event> PgStore::ParseStored(int64_t mention_id, const std::string& json) {
  auto parsed = EventFromJson(nlohmann::json::parse(json, nullptr, false));
  if (!parsed.ok()) {
    return Status::Store(label_ + ": event " + std::to_string(mention_id) + ": " +
                         parsed.status().message());
  }
  return std::move(parsed).value();
}

Result<std::vector<ActorSeen>> PgStore::ListActors(const std::string& country) {
  // As query.cc's ListActors; the roles in the order first seen (SQLite's group_concat).
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows r,
      Exec("SELECT name, code, min(country), min(sector), min(nullif(date, '') COLLATE \"C\"), "
           "max(nullif(date, '') COLLATE \"C\"), count(*), count(DISTINCT doc), "
           "string_agg(role, ',' ORDER BY id), min(text COLLATE \"C\") FROM actor_mentions "
           "WHERE $1::text = '' OR country = $1::text OR substr(code, 1, length($1::text)) = "
           "$1::text GROUP BY name, code ORDER BY min(country) COLLATE \"C\", name = '', "
           "name COLLATE \"C\", code COLLATE \"C\", 5",
           {Upper(country)}));
  std::vector<ActorSeen> out;
  for (int i = 0; i < r.size(); ++i) {
    ActorSeen a;
    a.name = r.text(i, 0);
    a.code = r.text(i, 1);
    a.country = r.text(i, 2);
    a.sector = r.text(i, 3);
    a.first = r.text(i, 4);
    a.last = r.text(i, 5);
    a.mentions = static_cast<int>(r.num(i, 6));
    a.documents = static_cast<int>(r.num(i, 7));
    std::vector<std::string> roles;
    std::string all = r.text(i, 8);
    for (size_t from = 0; from <= all.size();) {
      size_t comma = all.find(',', from);
      if (comma == std::string::npos) comma = all.size();
      std::string role = all.substr(from, comma - from);
      if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
      from = comma + 1;
    }
    for (const std::string& role : roles) a.roles += (a.roles.empty() ? "" : ",") + role;
    a.example = r.text(i, 9);
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<DyadCount>> PgStore::ListDyads(const EventFilter& filter, int limit) {
  Params params;
  DRAGOMAN_ASSIGN_OR_RETURN(std::string where, FilterSql(filter, &params));
  // One row per real-world event (its first matching mention), counted per country pair.
  std::string sql =
      "WITH m AS (SELECT min(e.id) AS mid FROM events e WHERE " + where +
      " GROUP BY e.grp), f AS (SELECT e.source_country AS s, e.target_country AS t, e.goldstein "
      "AS g FROM m JOIN events e ON e.id = m.mid WHERE e.source_country <> '' AND "
      "e.target_country <> '' AND e.source_country <> e.target_country ORDER BY e.id) "
      "SELECT s, t, count(*), sum(g) FROM f GROUP BY s, t "
      "ORDER BY 3 DESC, s COLLATE \"C\", t COLLATE \"C\"";
  if (limit > 0) {
    params.push_back(std::to_string(limit));
    sql += " LIMIT $" + std::to_string(params.size()) + "::bigint";
  }
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec(sql, params));
  std::vector<DyadCount> out;
  for (int i = 0; i < r.size(); ++i) {
    out.push_back({r.text(i, 0), r.text(i, 1), static_cast<int>(r.num(i, 2)), r.real(i, 3)});
  }
  return out;
}

Result<EventEvidence> PgStore::ShowEvent(int64_t event_id) {
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows r, Exec("SELECT e.id, e.json, d.url, d.title, d.source, d.origin, e.span_begin, "
                   "e.span_end, d.id, d.outlet, d.text FROM events e JOIN documents d ON "
                   "d.id = e.doc WHERE e.grp = $1::bigint ORDER BY e.id",
                   {std::to_string(event_id)}));
  EventEvidence ev;
  ev.event_id = event_id;
  std::vector<int64_t> docs;
  std::vector<std::string> outlets;
  for (int i = 0; i < r.size(); ++i) {
    MentionEvidence m;
    m.mention_id = r.num(i, 0);
    DRAGOMAN_ASSIGN_OR_RETURN(m.event, ParseStored(m.mention_id, r.text(i, 1)));
    m.doc_url = r.text(i, 2);
    m.doc_title = r.text(i, 3);
    m.doc_source = r.text(i, 4);
    m.doc_origin = r.text(i, 5);
    // The document bytes [span_begin, span_end), as SQLite's substr over the text as a BLOB.
    const std::string text = r.text(i, 10);
    const size_t begin = std::min<size_t>(static_cast<size_t>(r.num(i, 6)), text.size());
    const size_t end = std::min<size_t>(static_cast<size_t>(r.num(i, 7)), text.size());
    if (end > begin) m.span_text = text.substr(begin, end - begin);
    docs.push_back(r.num(i, 8));
    outlets.push_back(r.text(i, 9));
    ev.mentions.push_back(std::move(m));
  }
  if (ev.mentions.empty()) {
    return Status::NotFound("no event " + std::to_string(event_id) + " in " + label_);
  }
  std::sort(docs.begin(), docs.end());
  std::sort(outlets.begin(), outlets.end());
  ev.articles = static_cast<int>(std::unique(docs.begin(), docs.end()) - docs.begin());
  ev.sources = static_cast<int>(std::unique(outlets.begin(), outlets.end()) - outlets.begin());
  return ev;
}

Result<StoredDocument> PgStore::GetDocument(std::string_view id) {
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows r, Exec("SELECT id, doc_key, title, url, source, origin, date, date_source, ingested, "
                   "text FROM documents WHERE doc_key = $1",
                   {std::string(id)}));
  if (r.size() == 0) {
    return Status::NotFound("no document '" + std::string(id) + "' in " + label_);
  }
  StoredDocument d;
  const std::string row = r.text(0, 0);
  d.id = r.text(0, 1);
  d.title = r.text(0, 2);
  d.url = r.text(0, 3);
  d.source = r.text(0, 4);
  d.origin = r.text(0, 5);
  d.date = r.text(0, 6);
  d.date_source = r.text(0, 7);
  d.added = r.text(0, 8);
  d.text = r.text(0, 9);
  DRAGOMAN_ASSIGN_OR_RETURN(
      Rows ss, Exec("SELECT idx, \"begin\", \"end\" FROM sentences WHERE doc = $1::bigint "
                    "ORDER BY idx",
                    {row}));
  for (int i = 0; i < ss.size(); ++i) {
    d.sentences.push_back({static_cast<int>(ss.num(i, 0)), static_cast<uint32_t>(ss.num(i, 1)),
                           static_cast<uint32_t>(ss.num(i, 2))});
  }
  DRAGOMAN_ASSIGN_OR_RETURN(Rows es, Exec("SELECT grp, id, json FROM events WHERE doc = $1::bigint "
                                          "ORDER BY span_begin, span_end, id",
                                          {row}));
  for (int i = 0; i < es.size(); ++i) {
    DocumentEvent e;
    e.event_id = es.num(i, 0);
    e.mention_id = es.num(i, 1);
    DRAGOMAN_ASSIGN_OR_RETURN(e.event, ParseStored(e.mention_id, es.text(i, 2)));
    d.events.push_back(std::move(e));
  }
  return d;
}

Result<int64_t> PgStore::DataVersion() {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r,
                            Exec("SELECT value FROM dragoman_meta WHERE key = 'data_version'", {}));
  return r.size() > 0 ? std::atoll(r.text(0, 0).c_str()) : int64_t{0};
}

Result<Timeline> PgStore::BuildTimeline(const std::string& a, const std::string& b, Period period,
                                        bool include_all) {
  return BuildTimelineWith(
      [&](const EventFilter& f, const std::function<Status(const StoredEvent&)>& fn) {
        return ForEachEvent(f, fn);
      },
      a, b, period, include_all);
}

Result<std::vector<SearchHit>> PgStore::Search(std::string_view query, std::string_view open,
                                               std::string_view close, int limit,
                                               const QueryLimits& limits) {
  DRAGOMAN_RETURN_IF_ERROR(CheckQueryLimits(query, limits));
  if (query.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("empty search query");
  }
  auto quoted = [](std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"') out += '"';
      out += c;
    }
    return out + "\"";
  };
  const std::string options =
      "HighlightAll=true, StartSel=" + quoted(open) + ", StopSel=" + quoted(close);
  std::string sql =
      "SELECT s.id, d.doc_key, d.date, s.idx, ts_headline('simple', s.text, q, $2) "
      "FROM sentences s JOIN documents d ON d.id = s.doc, plainto_tsquery('simple', $1) q "
      "WHERE s.tsv @@ q ORDER BY ts_rank(s.tsv, q) DESC, s.id";
  Params params = {std::string(query), options};
  if (limit > 0) {
    sql += " LIMIT $3::bigint";
    params.push_back(std::to_string(limit));
  }
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec(sql, params));
  std::vector<SearchHit> out;
  for (int i = 0; i < r.size(); ++i) {
    SearchHit h;
    h.doc = r.text(i, 1);
    h.doc_date = r.text(i, 2);
    h.sentence = static_cast<int>(r.num(i, 3));
    h.highlighted = r.text(i, 4);
    DRAGOMAN_ASSIGN_OR_RETURN(
        Rows ev, Exec("SELECT grp, coalesce(source, ''), coalesce(target, ''), cameo, plover, "
                      "negated FROM events WHERE sentence_id = $1 ORDER BY id",
                      {r.text(i, 0)}));
    for (int k = 0; k < ev.size(); ++k) {
      h.events.push_back({ev.num(k, 0), ev.text(k, 1), ev.text(k, 2), ev.text(k, 3), ev.text(k, 4),
                          ev.num(k, 5) != 0});
    }
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::vector<RuleEvent>> PgStore::RuleEvents(
    const std::optional<std::pair<std::string, std::string>>& countries) {
  // As the SQLite store's: each event's first mention.
  std::string sql =
      "SELECT DISTINCT ON (day, grp) grp, id, day, coalesce(source, ''), "
      "coalesce(source_country, ''), coalesce(target, ''), coalesce(target_country, ''), plover, "
      "cameo, quad, goldstein FROM events WHERE day IS NOT NULL AND negated = 0 AND "
      "mood = 'asserted'";
  Params params;
  if (countries) {
    sql += " AND source_country IN ($1, $2) AND target_country IN ($1, $2)";
    params = {countries->first, countries->second};
  }
  sql += " ORDER BY day, grp, id";
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec(sql, params));
  std::vector<RuleEvent> out;
  for (int i = 0; i < r.size(); ++i) {
    RuleEvent e;
    e.id = r.num(i, 0);
    e.day = r.num(i, 2);
    e.source = r.text(i, 3);
    e.source_country = r.text(i, 4);
    e.target = r.text(i, 5);
    e.target_country = r.text(i, 6);
    e.plover = r.text(i, 7);
    e.cameo = r.text(i, 8);
    e.quad = r.text(i, 9);
    e.goldstein = r.real(i, 10);
    out.push_back(std::move(e));
  }
  return out;
}

Result<int64_t> PgStore::LatestDay() {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec("SELECT max(day) FROM events", {}));
  return r.null(0, 0) ? int64_t{-1000000} : r.num(0, 0);
}

Result<std::vector<bool>> PgStore::StoreAlerts(const std::vector<AlertFiring>& firings,
                                               const std::string& fired) {
  std::vector<bool> stored;
  if (firings.empty()) return stored;
  DRAGOMAN_RETURN_IF_ERROR(Exec("BEGIN", {}).status());
  for (const AlertFiring& f : firings) {
    auto r = Exec(
        "INSERT INTO alerts (rule, dyad, key, json, fired) VALUES ($1, $2, $3, $4, $5) "
        "ON CONFLICT (rule, dyad, key) DO NOTHING RETURNING id",
        {f.rule, f.dyad, f.key, f.json, fired});
    if (!r.ok()) {
      (void)Exec("ROLLBACK", {});
      return r.status();
    }
    stored.push_back(r->size() > 0);
  }
  DRAGOMAN_RETURN_IF_ERROR(Exec("COMMIT", {}).status());
  return stored;
}

Result<std::vector<AlertFiring>> PgStore::ListAlerts(const std::string& rule) {
  DRAGOMAN_ASSIGN_OR_RETURN(Rows r, Exec("SELECT rule, dyad, key, json FROM alerts WHERE "
                                         "$1::text = '' OR rule = $1::text ORDER BY id",
                                         {rule}));
  std::vector<AlertFiring> out;
  for (int i = 0; i < r.size(); ++i) {
    out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
  }
  return out;
}

}  // namespace dragoman
