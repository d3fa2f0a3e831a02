#include "server/api.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "input/jsonl.h"
#include "output/event_json.h"
#include "store/ingest.h"
#include "store/open_corpus_store.h"
#include "store/query.h"
#include "store/report.h"

namespace dragoman::server {

namespace {

constexpr const char* kJsonType = "application/json; charset=utf-8";
constexpr const char* kCsvType = "text/csv; charset=utf-8";

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

ApiResponse JsonAnswer(const Json& j) {
  ApiResponse r;
  r.content_type = kJsonType;
  r.body = Dump(j);
  return r;
}

int HttpStatusFor(const Status& s) {
  switch (s.code()) {
    case Status::Code::kInvalidArgument:
    case Status::Code::kBadInput:
      return 400;
    case Status::Code::kNotFound:
      return 404;
    default:
      return 500;
  }
}

ApiResponse FromStatus(const Status& s) { return ErrorResponse(HttpStatusFor(s), s.message()); }

// Constant-time comparison, so that the time of a refusal tells nothing about the token.
bool SameSecret(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < b.size(); ++i) {
    diff |= static_cast<unsigned char>(b[i] ^ (i < a.size() ? a[i] : 0));
  }
  return diff == 0;
}

EventFilter FilterFrom(const Params& p) {
  EventFilter f;
  f.dyad = p.Dyad("dyad");
  f.directed = p.Bool("directed");
  f.actor = p.Get("actor");
  f.type = p.Get("type");
  f.since = p.Date("since");
  f.until = p.Date("until");
  f.negated_only = p.Bool("negated");
  f.location = p.Get("location");
  f.text = p.Get("text");
  f.mentions = p.Bool("mentions");
  return f;
}

ApiResponse Events(CorpusStore& store, const Params& p) {
  EventFilter f = FilterFrom(p);
  if (f.directed && !f.dyad) return ErrorResponse(400, "parameter 'directed' needs 'dyad'");
  const int64_t limit = p.Int("limit");
  f.limit = limit + 1;  // one more tells whether there is a next page
  const bool csv = p.Get("format") == "csv";
  // JSON: each row is its stored line with the extra fields spliced in (AppendStoredEventJson,
  // as `events --format jsonl` prints), not parsed and serialised again: most of a page's cost.
  f.parse = csv;
  if (p.Has("cursor")) f.after = DecodeCursor(p.Get("cursor")).value();
  auto rows = store.QueryEvents(f);
  if (!rows.ok()) return FromStatus(rows.status());
  std::optional<std::string> next;
  if (static_cast<int64_t>(rows->size()) > limit) {
    rows->resize(static_cast<size_t>(limit));
    next = EncodeCursor(CursorOf(rows->back()));
  }
  ApiResponse r;
  if (csv) {
    std::ostringstream out;
    EventPrinter printer(out, ReportFormat::kCsv, false);
    for (const StoredEvent& e : *rows) {
      if (Status st = printer.Print(e); !st.ok()) return FromStatus(st);
    }
    if (Status st = printer.Finish(); !st.ok()) return FromStatus(st);
    r.content_type = kCsvType;
    r.body = out.str();
    if (next) r.headers.push_back({"X-Next-Cursor", *next});
    return r;
  }
  std::string body = "{\"events\":[";
  for (size_t i = 0; i < rows->size(); ++i) {
    if (i) body += ',';
    AppendStoredEventJson((*rows)[i], &body);
  }
  body += "],\"next\":";
  body += next ? Dump(Json(*next)) : "null";
  body += '}';
  r.content_type = kJsonType;
  r.body = std::move(body);
  return r;
}

ApiResponse EventById(CorpusStore& store, const Params& p) {
  auto ev = store.ShowEvent(p.Int("id"));
  if (!ev.ok()) {
    if (ev.status().code() == Status::Code::kNotFound) {
      return ErrorResponse(404, "no event " + p.Get("id"));
    }
    return FromStatus(ev.status());
  }
  return JsonAnswer(EvidenceToJson(*ev));
}

ApiResponse TimelineOf(CorpusStore& store, const Params& p) {
  auto dyad = *p.Dyad("dyad");
  Period period = *ParsePeriod(p.Get("by"));
  auto t = store.BuildTimeline(dyad.first, dyad.second, period, p.Bool("all"));
  if (!t.ok()) return FromStatus(t.status());
  if (p.Get("format") == "csv") {
    std::ostringstream out;
    if (Status st = PrintTimeline(out, *t, ReportFormat::kCsv, false); !st.ok()) {
      return FromStatus(st);
    }
    ApiResponse r;
    r.content_type = kCsvType;
    r.body = out.str();
    return r;
  }
  return JsonAnswer(TimelineToJson(*t));
}

ApiResponse DocumentById(CorpusStore& store, const Params& p) {
  auto d = store.GetDocument(p.Get("id"));
  if (!d.ok()) {
    if (d.status().code() == Status::Code::kNotFound) {
      return ErrorResponse(404, "no document with this id");
    }
    return FromStatus(d.status());
  }
  Json j;
  auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  j["id"] = d->id;
  j["title"] = opt(d->title);
  j["url"] = opt(d->url);
  j["source"] = opt(d->source);
  j["date"] = opt(d->date);
  j["date_source"] = d->date_source;
  j["added"] = d->added;
  j["text"] = d->text;
  Json ss = Json::array();
  for (const SentenceSpan& s : d->sentences) {
    ss.push_back(Json{{"index", s.index}, {"begin", s.begin}, {"end", s.end}});
  }
  j["sentences"] = ss;
  Json es = Json::array();
  for (const DocumentEvent& e : d->events) {
    Json x;
    x["event_id"] = e.event_id;
    x["mention_id"] = e.mention_id;
    x["event"] = EventToJson(e.event);
    es.push_back(x);
  }
  j["events"] = es;
  return JsonAnswer(j);
}

ApiResponse Actors(CorpusStore& store, const Params& p) {
  auto actors = store.ListActors(p.Get("country"));
  if (!actors.ok()) return FromStatus(actors.status());
  Json list = Json::array();
  size_t limit = static_cast<size_t>(p.Int("limit"));
  for (size_t i = 0; i < actors->size() && i < limit; ++i) {
    list.push_back(ActorSeenToJson((*actors)[i]));
  }
  Json j;
  j["actors"] = list;
  j["total"] = actors->size();
  return JsonAnswer(j);
}

ApiResponse SearchText(CorpusStore& store, const Params& p) {
  auto hits = store.Search(p.Get("q"), "\x02", "\x03", static_cast<int>(p.Int("limit")), {});
  if (!hits.ok()) return FromStatus(hits.status());
  Json list = Json::array();
  for (const SearchHit& h : *hits) list.push_back(SearchHitToJson(h));
  Json j;
  j["hits"] = list;
  return JsonAnswer(j);
}

Json DyadsJson(const std::vector<DyadCount>& dyads) {
  Json list = Json::array();
  for (const DyadCount& d : dyads) {
    Json x;
    x["source"] = d.source;
    x["target"] = d.target;
    x["events"] = d.events;
    x["goldstein_sum"] = std::round(d.goldstein_sum * 100) / 100;
    x["goldstein_mean"] = d.events ? std::round(d.goldstein_sum / d.events * 100) / 100 : 0.0;
    list.push_back(x);
  }
  return list;
}

ApiResponse StatsOf(CorpusStore& store, const Params& p) {
  auto stats = store.Stats();
  if (!stats.ok()) return FromStatus(stats.status());
  Json j;
  j["documents"] = stats->documents;
  j["sentences"] = stats->sentences;
  j["mentions"] = stats->mentions;
  j["events"] = stats->events;
  j["actor_mentions"] = stats->actor_mentions;
  Json dyads = Json::array();
  if (int n = static_cast<int>(p.Int("dyads")); n > 0) {
    auto list = store.ListDyads({}, n);
    if (!list.ok()) return FromStatus(list.status());
    dyads = DyadsJson(*list);
  }
  j["dyads"] = dyads;
  return JsonAnswer(j);
}

ApiResponse Network(CorpusStore& store, const Params& p) {
  auto list = store.ListDyads(FilterFrom(p), static_cast<int>(p.Int("limit")));
  if (!list.ok()) return FromStatus(list.status());
  Json j;
  j["edges"] = DyadsJson(*list);
  return JsonAnswer(j);
}

ApiResponse Places(CorpusStore& store, const Params& p) {
  EventFilter f = FilterFrom(p);
  if (f.directed && !f.dyad) return ErrorResponse(400, "parameter 'directed' needs 'dyad'");
  struct Place {
    std::string name, country;
    double lat = 0, lon = 0;
    int events = 0;
    double goldstein = 0;
    std::vector<int64_t> ids;
  };
  std::map<std::string, Place> places;  // by lower-cased name and country
  int unlocated = 0;
  Status st = store.ForEachEvent(f, [&](const StoredEvent& r) {
    const auto& loc = r.event.location;
    if (!loc || !loc->lat || !loc->lon) {
      ++unlocated;
      return Status::Ok();
    }
    std::string key = loc->name;
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    key += '\x1f' + loc->country;
    Place& pl = places[key];
    if (pl.events == 0) {
      pl.name = loc->name;
      pl.country = loc->country;
      pl.lat = *loc->lat;
      pl.lon = *loc->lon;
    }
    ++pl.events;
    pl.goldstein += r.event.goldstein;
    if (pl.ids.size() < 20) pl.ids.push_back(r.event_id);
    return Status::Ok();
  });
  if (!st.ok()) return FromStatus(st);
  std::vector<const Place*> order;
  for (const auto& [k, pl] : places) order.push_back(&pl);
  std::stable_sort(order.begin(), order.end(),
                   [](const Place* a, const Place* b) { return a->events > b->events; });
  Json list = Json::array();
  size_t limit = static_cast<size_t>(p.Int("limit"));
  for (size_t i = 0; i < order.size() && i < limit; ++i) {
    const Place& pl = *order[i];
    Json x;
    x["name"] = pl.name;
    x["country"] = pl.country.empty() ? Json(nullptr) : Json(pl.country);
    x["lat"] = pl.lat;
    x["lon"] = pl.lon;
    x["events"] = pl.events;
    x["goldstein_sum"] = std::round(pl.goldstein * 100) / 100;
    x["event_ids"] = pl.ids;
    list.push_back(x);
  }
  Json j;
  j["places"] = list;
  j["unlocated"] = unlocated;
  return JsonAnswer(j);
}

const char* OutcomeName(PutOutcome o) {
  switch (o) {
    case PutOutcome::kAdded:
      return "added";
    case PutOutcome::kReplaced:
      return "replaced";
    case PutOutcome::kUnchanged:
      return "unchanged";
  }
  return "unchanged";
}

// The documents of a POST body: one JSON object, a JSON array of objects, or JSON Lines
// (Content-Type application/x-ndjson or application/jsonl). A record without an id gets
// "post:" and the first 16 hex digits of its content hash, so that two posts never replace each
// other by accident.
Result<std::vector<Document>> ParseBody(const ApiRequest& req) {
  if (req.body.empty()) return Status::InvalidArgument("empty body: send a JSON document");
  std::vector<std::string> records;
  const std::string& ct = req.content_type;
  bool lines = ct.find("ndjson") != std::string::npos || ct.find("jsonl") != std::string::npos ||
               ct.find("json-seq") != std::string::npos;
  if (lines) {
    size_t from = 0;
    while (from <= req.body.size()) {
      size_t nl = req.body.find('\n', from);
      if (nl == std::string::npos) nl = req.body.size();
      records.push_back(req.body.substr(from, nl - from));
      from = nl + 1;
    }
  } else {
    Json j = Json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      return Status::InvalidArgument(
          "body is not JSON (send one JSON object, an array of them, or JSON Lines with "
          "Content-Type: application/x-ndjson)");
    }
    if (j.is_array()) {
      for (const Json& x : j) records.push_back(Dump(x));
    } else {
      records.push_back(Dump(j));
    }
  }
  ReaderConfig config;
  std::vector<Document> docs;
  for (size_t i = 0; i < records.size(); ++i) {
    const std::string& rec = records[i];
    if (rec.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
    DRAGOMAN_ASSIGN_OR_RETURN(Document d, ParseJsonlRecord("request", i + 1, rec, config));
    Json j = Json::parse(rec, nullptr, false);
    if (!j.is_object() || !j.contains("id") || j["id"].is_null()) {
      d.id = "post:" + Store::ContentHash(d).substr(0, 16);
    }
    docs.push_back(std::move(d));
  }
  if (docs.empty()) return Status::InvalidArgument("no document in the body");
  return docs;
}

}  // namespace

ApiResponse ErrorResponse(int status, const std::string& message) {
  ApiResponse r;
  r.status = status;
  r.content_type = kJsonType;
  r.body = Dump(Json{{"error", message}});
  return r;
}

Api::Api(ApiConfig config, StorePool& pool)
    : config_(std::move(config)), pool_(pool), cache_(config_.cache_bytes) {}

Api::~Api() = default;

ApiResponse Api::Handle(const ApiRequest& req) {
  // Route by path first, then by method, so that a known path with the wrong method is a 405.
  const RouteSpec* route = nullptr;
  bool path_known = false;
  KeyValues path_params;
  for (const RouteSpec& r : ApiRoutes()) {
    KeyValues pp;
    if (!MatchPath(r.path, req.path, &pp)) continue;
    path_known = true;
    if (r.method == req.method || (req.method == "HEAD" && r.method == "GET")) {
      route = &r;
      path_params = std::move(pp);
      break;
    }
  }
  if (route == nullptr) {
    if (path_known) return ErrorResponse(405, "method " + req.method + " not allowed here");
    return ErrorResponse(404, "no such route (the routes are listed at /api/openapi.json)");
  }
  if (route->write) return PostDocuments(req);
  auto params = ParseParams(*route, req.query, path_params);
  if (!params.ok()) return ErrorResponse(400, params.status().message());
  if (route->id == RouteId::kOpenApi) {
    static const std::string doc = OpenApiJson();
    ApiResponse r;
    r.content_type = kJsonType;
    r.body = doc;
    return r;
  }

  // Has the corpus changed since the last look? Then no cached answer is valid.
  if (Status st = CheckForChanges(); !st.ok()) {
    return ErrorResponse(503, "the corpus cannot be read: " + st.message());
  }
  const uint64_t generation = generation_.load();
  const std::string key = route->path + '\x1e' + params->Canonical();
  if (auto hit = cache_.Get(key, generation)) {
    ApiResponse r = *hit;
    r.headers.push_back({"X-Cache", "hit"});
    return r;
  }
  auto lease = pool_.Acquire();
  if (!lease.ok()) return ErrorResponse(503, "the corpus cannot be opened: " +
                                                 lease.status().message());
  // The time bound is SQLite's (progress handler); a PostgreSQL corpus has none here yet.
  auto* sqlite = dynamic_cast<SqliteCorpusStore*>(&lease->store());
  sql::Db* db = sqlite != nullptr ? &sqlite->store().db() : nullptr;
  const bool bounded = db != nullptr && config_.query_timeout.count() > 0;
  if (bounded) db->SetDeadline(std::chrono::steady_clock::now() + config_.query_timeout);
  ApiResponse r = Dispatch(*route, *params, req, *lease);
  if (bounded) {
    db->ClearDeadline();
    if (db->deadline_passed()) {
      const int64_t us = config_.query_timeout.count();
      const std::string bound = us % 1000 == 0 ? std::to_string(us / 1000) + " ms"
                                               : std::to_string(us) + " us";
      r = ErrorResponse(503, "the query took longer than the server allows (" + bound +
                                 ", --query-timeout-ms); narrow the filter or retry later");
      r.headers.push_back({"Retry-After", "1"});
    }
  }
  if (r.status == 200) cache_.Put(key, generation, std::make_shared<const CachedResponse>(r));
  r.headers.push_back({"X-Cache", "miss"});
  return r;
}

Status Api::CheckForChanges() {
  std::lock_guard<std::mutex> lock(probe_mu_);
  if (!probe_) {
    DRAGOMAN_ASSIGN_OR_RETURN(probe_,
                              OpenCorpusStore(pool_.db_path(), Store::OpenMode::kReadOnly));
  }
  DRAGOMAN_ASSIGN_OR_RETURN(int64_t version, probe_->DataVersion());
  if (probe_version_ && *probe_version_ != version) generation_.fetch_add(1);
  probe_version_ = version;
  return Status::Ok();
}

ApiResponse Api::Dispatch(const RouteSpec& route, const Params& params, const ApiRequest& req,
                          StorePool::Lease& lease) {
  CorpusStore& store = lease.store();
  switch (route.id) {
    case RouteId::kEvents:
      return Events(store, params);
    case RouteId::kEvent:
      return EventById(store, params);
    case RouteId::kTimeline:
      return TimelineOf(store, params);
    case RouteId::kDocument:
      return DocumentById(store, params);
    case RouteId::kActors:
      return Actors(store, params);
    case RouteId::kSearch:
      return SearchText(store, params);
    case RouteId::kStats:
      return StatsOf(store, params);
    case RouteId::kNetwork:
      return Network(store, params);
    case RouteId::kPlaces:
      return Places(store, params);
    case RouteId::kPostDocuments:
    case RouteId::kOpenApi:
      break;
  }
  return ErrorResponse(500, "route " + route.path + " has no handler");
}

ApiResponse Api::PostDocuments(const ApiRequest& req) {
  if (config_.token.empty() || config_.coder == nullptr) {
    return ErrorResponse(403,
                         "writes are disabled: start the server with --token-file or "
                         "$DRAGOMAN_TOKEN to accept them");
  }
  const std::string prefix = "Bearer ";
  if (req.authorization.compare(0, prefix.size(), prefix) != 0 ||
      !SameSecret(req.authorization.substr(prefix.size()), config_.token)) {
    return ErrorResponse(403, "a write needs the server's token: Authorization: Bearer TOKEN");
  }
  auto docs = ParseBody(req);
  if (!docs.ok()) return ErrorResponse(400, docs.status().message());
  std::unique_lock<std::mutex> lock(write_mu_, std::try_to_lock);
  if (!lock.owns_lock()) {
    ApiResponse r = ErrorResponse(429, "another write is running; retry later");
    r.headers.push_back({"Retry-After", "1"});
    return r;
  }
  if (!writer_) {
    auto store = OpenCorpusStore(pool_.db_path(), Store::OpenMode::kExisting);
    if (!store.ok()) return FromStatus(store.status());
    writer_ = std::move(store).value();
  }
  std::vector<std::string> ids;
  for (const Document& d : *docs) ids.push_back(d.id);
  auto done = IngestDocuments(*writer_, *config_.coder, std::move(docs).value(),
                              config_.coder_threads);
  if (!done.ok()) return FromStatus(done.status());
  Json j;
  int added = 0, replaced = 0, unchanged = 0;
  Json list = Json::array();
  for (size_t i = 0; i < ids.size(); ++i) {
    PutOutcome o = done->outcomes[i];
    added += o == PutOutcome::kAdded;
    replaced += o == PutOutcome::kReplaced;
    unchanged += o == PutOutcome::kUnchanged;
    list.push_back(Json{{"id", ids[i]}, {"outcome", OutcomeName(o)}});
  }
  j["added"] = added;
  j["replaced"] = replaced;
  j["unchanged"] = unchanged;
  j["events"] = done->events;
  j["documents"] = list;
  ApiResponse r = JsonAnswer(j);
  r.status = added + replaced > 0 ? 201 : 200;
  return r;
}

}  // namespace dragoman::server
