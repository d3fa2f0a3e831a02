#include "store/query.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "output/event_json.h"
#include "store/query_where.h"

namespace dragoman {

namespace {

using query_internal::BuildWhere;
using query_internal::CheckFts;
using query_internal::HeadsUsable;
using query_internal::Upper;
using query_internal::Where;

// Whether `filter` selects rows that are event heads (HeadsUsable): one row per event, filtered
// on the dyad alone (or not at all).
Result<bool> ShowsHeads(Store& store, const EventFilter& f) {
  if (f.mentions || !f.actor.empty() || !f.type.empty() || f.since || f.until || f.negated_only ||
      !f.location.empty() || !f.text.empty()) {
    return false;
  }
  return HeadsUsable(store);
}

// One result row's sort key: the mention shown, its event and its day.
struct RowKey {
  int64_t mid = 0, grp = 0;
  std::optional<int64_t> day;
};

// Rows are read in chunks of this many keys: a bounded amount of JSON in memory (~1 MB), and
// few enough statements that their set-up does not count.
constexpr size_t kChunkRows = 512;

// A JSON array of integers, for json_each(): a chunk's keys reach SQL as one bound value.
std::string IdArray(const std::vector<RowKey>& chunk, int64_t RowKey::*field) {
  std::string s = "[";
  for (const RowKey& k : chunk) {
    if (s.size() > 1) s += ',';
    s += std::to_string(k.*field);
  }
  s += ']';
  return s;
}

// Reads a chunk of result rows set by set — their JSON and documents by one statement, the counts
// of their events by one grouped statement over those events' mentions — and passes them on in
// the keys' order.
class ChunkReader {
 public:
  ChunkReader(Store& store, bool parse) : store_(store), parse_(parse) {}

  Status Emit(const std::vector<RowKey>& chunk,
              const std::function<Status(const StoredEvent&)>& fn) {
    if (!rows_) {
      // CROSS JOIN: the keys drive, each row read by its id (no scan, no sort).
      DRAGOMAN_ASSIGN_OR_RETURN(
          auto st, store_.db().Prepare(
                       "SELECT k.key, e.json, d.url, d.ingested FROM json_each(?1) k CROSS JOIN "
                       "events e ON e.id = k.value JOIN documents d ON d.id = e.doc"));
      rows_.emplace(std::move(st));
      // The mentions of the chunk's events with their documents and outlets, from events_grp
      // (grp, doc) and the documents: counted below. One statement per chunk, not three
      // subqueries a row (which made an export quadratic in the mentions per event, issue 12 row
      // 12); counted here rather than by count(DISTINCT), whose temporary B-trees SQLite clears
      // for every event (a third of the query's instructions).
      DRAGOMAN_ASSIGN_OR_RETURN(
          auto ct, store_.db().Prepare(
                       "SELECT x.grp, x.doc, xd.outlet FROM events x JOIN documents xd ON "
                       "xd.id = x.doc WHERE x.grp IN (SELECT value FROM json_each(?1))"));
      counts_.emplace(std::move(ct));
    }
    out_.resize(chunk.size());
    found_.assign(chunk.size(), false);
    // Per event: its mentions' documents and outlets, then counted (mentions, distinct
    // documents, distinct outlets).
    std::unordered_map<int64_t, std::vector<std::pair<int64_t, std::string>>> mentions;
    counts_->Reset();
    counts_->Bind(1, IdArray(chunk, &RowKey::grp));
    while (true) {
      DRAGOMAN_ASSIGN_OR_RETURN(bool row, counts_->Step());
      if (!row) break;
      mentions[counts_->Int(0)].emplace_back(counts_->Int(1), std::string(counts_->View(2)));
    }
    counts_->Reset();
    std::unordered_map<int64_t, std::array<int, 3>> counts;
    for (auto& [grp, m] : mentions) {
      std::array<int, 3>& n = counts[grp];
      n[0] = static_cast<int>(m.size());
      std::sort(m.begin(), m.end());
      std::vector<std::string_view> outlets;
      for (size_t i = 0; i < m.size(); ++i) {
        if (i == 0 || m[i].first != m[i - 1].first) ++n[1];
        outlets.push_back(m[i].second);
      }
      std::sort(outlets.begin(), outlets.end());
      n[2] = static_cast<int>(std::unique(outlets.begin(), outlets.end()) - outlets.begin());
    }
    rows_->Reset();
    rows_->Bind(1, IdArray(chunk, &RowKey::mid));
    while (true) {
      DRAGOMAN_ASSIGN_OR_RETURN(bool row, rows_->Step());
      if (!row) break;
      const int64_t i = rows_->Int(0);
      if (i < 0 || static_cast<size_t>(i) >= chunk.size()) continue;
      found_[static_cast<size_t>(i)] = true;
      StoredEvent& r = out_[static_cast<size_t>(i)];
      r.json.assign(rows_->View(1));
      r.url.assign(rows_->View(2));
      r.added.assign(rows_->View(3));
    }
    rows_->Reset();
    for (size_t i = 0; i < chunk.size(); ++i) {
      if (!found_[i]) continue;  // a mention without its document row (an inner join's answer)
      StoredEvent& r = out_[i];
      r.event_id = chunk[i].grp;
      r.mention_id = chunk[i].mid;
      r.day = chunk[i].day;
      const auto& n = counts[chunk[i].grp];
      r.mentions = n[0];
      r.articles = n[1];
      r.sources = n[2];
      if (parse_) {
        Json j = Json::parse(r.json, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded()) {
          return Status::Store(store_.path() + ": event " + std::to_string(r.mention_id) +
                               ": stored JSON is corrupt");
        }
        auto ev = EventFromJson(j);
        if (!ev.ok()) {
          return Status::Store(store_.path() + ": event " + std::to_string(r.mention_id) + ": " +
                               ev.status().message());
        }
        r.event = std::move(ev).value();
      }
      DRAGOMAN_RETURN_IF_ERROR(fn(r));
    }
    return Status::Ok();
  }

 private:
  Store& store_;
  bool parse_;
  std::optional<sql::Stmt> rows_, counts_;
  std::vector<StoredEvent> out_;
  std::vector<bool> found_;
};

}  // namespace

Status CheckQueryLimits(std::string_view words, const QueryLimits& limits) {
  size_t terms = 0;
  for (size_t i = 0; i < words.size();) {
    while (i < words.size() && std::isspace(static_cast<unsigned char>(words[i]))) ++i;
    size_t j = i;
    while (j < words.size() && !std::isspace(static_cast<unsigned char>(words[j]))) ++j;
    std::string_view w = words.substr(i, j - i);
    if (!w.empty() && w != "AND" && w != "OR" && w != "NOT") ++terms;
    i = j;
  }
  if (terms > limits.max_terms) {
    return Status::InvalidArgument("search query has " + std::to_string(terms) +
                                   " words; at most " + std::to_string(limits.max_terms) +
                                   " are allowed (--max-query-terms)");
  }
  if (words.size() > limits.max_bytes) {
    return Status::InvalidArgument("search query is " + std::to_string(words.size()) +
                                   " bytes long; at most " + std::to_string(limits.max_bytes) +
                                   " are allowed (--max-query-bytes)");
  }
  return Status::Ok();
}

std::string FtsQuery(std::string_view words) {
  bool syntax = words.find_first_of("\"*") != std::string_view::npos;
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && std::isspace(static_cast<unsigned char>(words[i]))) ++i;
    size_t j = i;
    while (j < words.size() && !std::isspace(static_cast<unsigned char>(words[j]))) ++j;
    if (j > i) {
      std::string w(words.substr(i, j - i));
      if (w == "AND" || w == "OR" || w == "NOT" || w == "NEAR" || w.rfind("NEAR(", 0) == 0) {
        syntax = true;
      }
      parts.push_back(std::move(w));
    }
    i = j;
  }
  if (syntax) return std::string(words);
  std::string q;
  for (const auto& p : parts) {
    if (!q.empty()) q += ' ';
    q += '"';
    for (char c : p) {
      if (c == '"') q += '"';
      q += c;
    }
    q += '"';
  }
  return q;
}

Status ForEachEvent(Store& store, const EventFilter& filter,
                    const std::function<Status(const StoredEvent&)>& fn) {
  DRAGOMAN_ASSIGN_OR_RETURN(Where w, BuildWhere(store, filter));
  // The shown mention: every matching mention, or the first matching mention of each event.
  // The filters read only columns of the events_filter
  // covering index, so matching never reads the table's large rows (doc/store.md, "Indexes").
  //
  // `p`, the page: one row per result row with its sort key (shown mention, event, day) — the
  // rows after the cursor, sorted, cut to the limit — read from an index alone. Only then are
  // the page's rows read (their JSON, their document) and the counts of its events computed
  // (ChunkReader), so a page of 50 costs 50 row reads however many events match (the first version joined every
  // matching row's JSON and counts before sorting and cutting: seconds on a busy dyad).
  std::string matching_cte;  // `m`
  std::string page;          // `p`
  const bool limited = filter.limit > 0;
  DRAGOMAN_ASSIGN_OR_RETURN(bool heads, ShowsHeads(store, filter));
  if (heads) {
    // Every event's shown mention is its head: walk the heads in the result order through
    // events_heads (day, event) and stop at the limit — a page costs the same on any dyad.
    // Dated heads first, then the undated (NULL days sort first in an index, last here).
    std::optional<std::string> dated = " AND e.day IS NOT NULL";
    std::string undated = " AND e.day IS NULL";
    if (filter.after) {
      std::string g = w.Param(filter.after->event_id);
      std::string i = w.Param(filter.after->mention_id);
      std::string same_day = "e.grp > " + g + " OR (e.grp = " + g + " AND e.id > " + i + ")";
      if (filter.after->day) {
        std::string d = w.Param(*filter.after->day);
        *dated += " AND (e.day > " + d + " OR (e.day = " + d + " AND (" + same_day + ")))";
      } else {
        dated.reset();  // the cursor is among the undated
        undated += " AND (" + same_day + ")";
      }
    }
    std::string limit = limited ? " LIMIT " + w.Param(filter.limit) : "";
    w.And("e.head = 1");
    const std::string from =
        "SELECT e.id AS mid, e.grp AS grp, e.day AS day FROM events e INDEXED BY events_heads" +
        w.Sql();
    matching_cte = "SELECT mid, grp, day FROM (" + from + undated + " ORDER BY e.grp" + limit + ")";
    if (dated) {
      matching_cte = "SELECT mid, grp, day FROM (" + from + *dated + " ORDER BY e.day, e.grp" +
                     limit + ") UNION ALL " + matching_cte;
    }
    page = "SELECT mid, grp, day FROM m ORDER BY day IS NULL, day, grp" + limit;
  } else {
    // `m`: the matching rows, from the events_filter covering index. A dyad is matched as the
    // union of its disjoint branches (query_where.cc, AndDyad), each a search of one index,
    // instead of a scan of events_filter testing every mention.
    const std::vector<std::string> branches = w.Branches();
    std::string rows;
    for (const auto& b : branches) {
      rows += (rows.empty() ? "" : " UNION ALL ") +
              std::string("SELECT e.id AS mid, e.grp AS grp, e.day AS day FROM events e") + b;
    }
    std::string matching =
        filter.mentions ? rows
        // "+ 0": grouping through the events_grp index would read every row of the table; a
        // covering index and a temporary b-tree are far cheaper. `e.day` is the day of the
        // row min(e.id) picked (SQLite's bare columns beside a single min()).
        : branches.size() == 1
            ? "SELECT min(e.id) AS mid, e.grp AS grp, e.day AS day FROM events e" + branches[0] +
                  " GROUP BY e.grp + 0"
            : "SELECT min(mid) AS mid, grp, day FROM (" + rows + ") GROUP BY grp";
    // Paging: only rows after the cursor in the order below (undated rows sort last).
    std::string after;
    if (filter.after) {
      std::string g = w.Param(filter.after->event_id);
      std::string i = w.Param(filter.after->mention_id);
      std::string same_day = "m.grp > " + g + " OR (m.grp = " + g + " AND m.mid > " + i + ")";
      if (filter.after->day) {
        std::string d = w.Param(*filter.after->day);
        after = " WHERE m.day IS NULL OR m.day > " + d + " OR (m.day = " + d + " AND (" + same_day +
                "))";
      } else {
        after = " WHERE m.day IS NULL AND (" + same_day + ")";
      }
    }
    matching_cte = matching;
    page = "SELECT mid, grp, day FROM m" + after + " ORDER BY day IS NULL, day, grp, mid";
    if (limited) page += " LIMIT " + w.Param(filter.limit);
  }
  // The keys of the result rows, in result order: one small sort (or none, on the heads path)
  // over (mention, event, day) alone. The rows themselves are then read a chunk at a time
  // (ChunkReader): a final ORDER BY over the joined rows carried each row's JSON through a
  // temporary B-tree that spilled to a temporary file, and cost more than the rest of the query.
  const std::string keys_sql = "WITH m AS (" + matching_cte + ") " + page;
  DRAGOMAN_ASSIGN_OR_RETURN(auto keys, store.db().Prepare(keys_sql));
  w.BindTo(keys);
  ChunkReader reader(store, filter.parse);
  std::vector<RowKey> chunk;
  chunk.reserve(kChunkRows);
  while (true) {
    auto row = keys.Step();
    if (!row.ok()) return row.status();
    if (*row) chunk.push_back({keys.Int(0), keys.Int(1), keys.OptInt(2)});
    if (chunk.size() == kChunkRows || (!*row && !chunk.empty())) {
      DRAGOMAN_RETURN_IF_ERROR(reader.Emit(chunk, fn));
      chunk.clear();
    }
    if (!*row) break;
  }
  return Status::Ok();
}

Result<std::vector<StoredEvent>> QueryEvents(Store& store, const EventFilter& filter) {
  std::vector<StoredEvent> rows;
  DRAGOMAN_RETURN_IF_ERROR(ForEachEvent(store, filter, [&](const StoredEvent& r) {
    rows.push_back(r);
    return Status::Ok();
  }));
  return rows;
}

Result<std::vector<ActorSeen>> ListActors(Store& store, const std::string& country) {
  DRAGOMAN_ASSIGN_OR_RETURN(
      auto st,
      store.db().Prepare(
          "SELECT name, code, country, sector, min(nullif(date, '')), max(nullif(date, '')), "
          "count(*), count(DISTINCT doc), group_concat(DISTINCT role), min(text) "
          "FROM actor_mentions WHERE ?1 = '' OR country = ?1 OR substr(code, 1, length(?1)) = ?1 "
          "GROUP BY name, code ORDER BY country, name = '', name, code, 5"));
  st.Bind(1, Upper(country));
  std::vector<ActorSeen> out;
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    ActorSeen a;
    a.name = st.Text(0);
    a.code = st.Text(1);
    a.country = st.Text(2);
    a.sector = st.Text(3);
    a.first = st.Text(4);
    a.last = st.Text(5);
    a.mentions = static_cast<int>(st.Int(6));
    a.documents = static_cast<int>(st.Int(7));
    a.roles = st.Text(8);
    a.example = st.Text(9);
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<SearchHit>> Search(Store& store, std::string_view query, std::string_view open,
                                      std::string_view close, int limit,
                                      const QueryLimits& limits) {
  DRAGOMAN_RETURN_IF_ERROR(CheckQueryLimits(query, limits));
  std::string q = FtsQuery(query);
  if (q.empty()) return Status::InvalidArgument("empty search query");
  DRAGOMAN_RETURN_IF_ERROR(CheckFts(store, q));
  DRAGOMAN_ASSIGN_OR_RETURN(
      auto st, store.db().Prepare(
                   "SELECT s.id, d.doc_key, d.date, s.idx, highlight(sentence_fts, 0, ?2, ?3) "
                   "FROM sentence_fts JOIN sentences s ON s.id = sentence_fts.rowid "
                   "JOIN documents d ON d.id = s.doc WHERE sentence_fts MATCH ?1 "
                   "ORDER BY rank, s.id LIMIT ?4"));
  st.Bind(1, q).Bind(2, open).Bind(3, close).Bind(4, int64_t{limit > 0 ? limit : -1});
  DRAGOMAN_ASSIGN_OR_RETURN(
      auto ev, store.db().Prepare("SELECT grp, source, target, cameo, plover, negated FROM events "
                                  "WHERE sentence_id = ?1 ORDER BY id"));
  std::vector<SearchHit> out;
  while (true) {
    auto row = st.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    SearchHit h;
    int64_t sentence_row = st.Int(0);
    h.doc = st.Text(1);
    h.doc_date = st.Text(2);
    h.sentence = static_cast<int>(st.Int(3));
    h.highlighted = st.Text(4);
    ev.Bind(1, sentence_row);
    while (true) {
      DRAGOMAN_ASSIGN_OR_RETURN(bool erow, ev.Step());
      if (!erow) break;
      h.events.push_back(
          {ev.Int(0), ev.Text(1), ev.Text(2), ev.Text(3), ev.Text(4), ev.Int(5) != 0});
    }
    ev.Reset();
    out.push_back(std::move(h));
  }
  return out;
}

Result<std::vector<DyadCount>> ListDyads(Store& store, const EventFilter& filter, int limit) {
  DRAGOMAN_ASSIGN_OR_RETURN(Where w, BuildWhere(store, filter));
  // One row per real-world event (its first matching mention), then counted per country pair.
  std::string sql =
      "WITH m AS (SELECT min(e.id) AS mid FROM events e" + w.Sql() +
      " GROUP BY e.grp) SELECT e.source_country, e.target_country, count(*), sum(e.goldstein) "
      "FROM m JOIN events e ON e.id = m.mid WHERE e.source_country <> '' AND "
      "e.target_country <> '' AND e.source_country <> e.target_country "
      "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT " +
      w.Param(int64_t{limit > 0 ? limit : -1});
  DRAGOMAN_ASSIGN_OR_RETURN(auto st, store.db().Prepare(sql));
  w.BindTo(st);
  std::vector<DyadCount> out;
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({st.Text(0), st.Text(1), static_cast<int>(st.Int(2)), st.Double(3)});
  }
  return out;
}

Result<EventEvidence> ShowEvent(Store& store, int64_t event_id) {
  DRAGOMAN_ASSIGN_OR_RETURN(
      auto st, store.db().Prepare(
                   "SELECT e.id, e.json, d.url, d.title, d.source, d.origin, "
                   "CAST(substr(CAST(d.text AS BLOB), e.span_begin + 1, e.span_end - e.span_begin) "
                   "AS TEXT), d.id, d.outlet FROM events e JOIN documents d ON d.id = e.doc "
                   "WHERE e.grp = ?1 ORDER BY e.id"));
  st.Bind(1, event_id);
  EventEvidence ev;
  ev.event_id = event_id;
  std::vector<int64_t> docs;
  std::vector<std::string> outlets;
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    MentionEvidence m;
    m.mention_id = st.Int(0);
    auto parsed = EventFromJson(Json::parse(st.Text(1), nullptr, false));
    if (!parsed.ok()) {
      return Status::Store(store.path() + ": event " + std::to_string(m.mention_id) + ": " +
                           parsed.status().message());
    }
    m.event = std::move(parsed).value();
    m.doc_url = st.Text(2);
    m.doc_title = st.Text(3);
    m.doc_source = st.Text(4);
    m.doc_origin = st.Text(5);
    m.span_text = st.Text(6);
    docs.push_back(st.Int(7));
    outlets.push_back(st.Text(8));
    ev.mentions.push_back(std::move(m));
  }
  if (ev.mentions.empty()) {
    return Status::NotFound("no event " + std::to_string(event_id) + " in " + store.path());
  }
  std::sort(docs.begin(), docs.end());
  std::sort(outlets.begin(), outlets.end());
  ev.articles = static_cast<int>(std::unique(docs.begin(), docs.end()) - docs.begin());
  ev.sources = static_cast<int>(std::unique(outlets.begin(), outlets.end()) - outlets.begin());
  return ev;
}

Result<StoredDocument> GetDocument(Store& store, std::string_view id) {
  DRAGOMAN_ASSIGN_OR_RETURN(
      auto st, store.db().Prepare("SELECT id, doc_key, title, url, source, origin, date, "
                                  "date_source, ingested, text FROM documents WHERE doc_key = ?1"));
  st.Bind(1, id);
  DRAGOMAN_ASSIGN_OR_RETURN(bool found, st.Step());
  if (!found) {
    return Status::NotFound("no document '" + std::string(id) + "' in " + store.path());
  }
  StoredDocument d;
  int64_t row = st.Int(0);
  d.id = st.Text(1);
  d.title = st.Text(2);
  d.url = st.Text(3);
  d.source = st.Text(4);
  d.origin = st.Text(5);
  d.date = st.Text(6);
  d.date_source = st.Text(7);
  d.added = st.Text(8);
  d.text = st.Text(9);

  DRAGOMAN_ASSIGN_OR_RETURN(
      auto ss,
      store.db().Prepare("SELECT idx, begin, end FROM sentences WHERE doc = ?1 ORDER BY idx"));
  ss.Bind(1, row);
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool more, ss.Step());
    if (!more) break;
    d.sentences.push_back({static_cast<int>(ss.Int(0)), static_cast<uint32_t>(ss.Int(1)),
                           static_cast<uint32_t>(ss.Int(2))});
  }

  DRAGOMAN_ASSIGN_OR_RETURN(
      auto es, store.db().Prepare("SELECT grp, id, json FROM events WHERE doc = ?1 "
                                  "ORDER BY span_begin, span_end, id"));
  es.Bind(1, row);
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool more, es.Step());
    if (!more) break;
    DocumentEvent e;
    e.event_id = es.Int(0);
    e.mention_id = es.Int(1);
    auto parsed = EventFromJson(Json::parse(es.Text(2), nullptr, false));
    if (!parsed.ok()) {
      return Status::Store(store.path() + ": event " + std::to_string(e.mention_id) + ": " +
                           parsed.status().message());
    }
    e.event = std::move(parsed).value();
    d.events.push_back(std::move(e));
  }
  return d;
}

Result<int64_t> DataVersion(Store& store) {
  DRAGOMAN_ASSIGN_OR_RETURN(auto st, store.db().Prepare("PRAGMA data_version"));
  DRAGOMAN_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::Store(store.path() + ": PRAGMA data_version returned no row");
  return st.Int(0);
}

}  // namespace dragoman
