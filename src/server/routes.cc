#include "server/routes.h"

#include <nlohmann/json.hpp>

namespace dragoman::server {

namespace {

using Json = nlohmann::ordered_json;

ParamSpec Param(std::string name, ParamType type, std::string help) {
  ParamSpec p;
  p.name = std::move(name);
  p.type = type;
  p.help = std::move(help);
  return p;
}

ParamSpec IntParam(std::string name, std::string help, std::string def, int64_t min,
                   int64_t max) {
  ParamSpec p = Param(std::move(name), ParamType::kInteger, std::move(help));
  p.default_value = std::move(def);
  p.min = min;
  p.max = max;
  return p;
}

ParamSpec EnumParam(std::string name, std::string help, std::string choices, std::string def) {
  ParamSpec p = Param(std::move(name), ParamType::kEnum, std::move(help));
  p.choices = std::move(choices);
  p.default_value = std::move(def);
  return p;
}

ParamSpec Required(ParamSpec p) {
  p.required = true;
  return p;
}

ParamSpec InPath(ParamSpec p) {
  p.required = true;
  p.in_path = true;
  return p;
}

RouteSpec Route(RouteId id, std::string method, std::string path, std::string summary,
                std::string description) {
  RouteSpec r;
  r.id = id;
  r.method = std::move(method);
  r.path = std::move(path);
  r.summary = std::move(summary);
  r.description = std::move(description);
  return r;
}

// Parameters shared by the routes that select events (the filters of `dragoman events`).
std::vector<ParamSpec> EventFilterParams(bool with_dyad) {
  std::vector<ParamSpec> p;
  if (with_dyad) {
    p.push_back(Param("dyad", ParamType::kDyad, "events between A and B (countries, codes or code prefixes), either way"));
    p.push_back(Param("directed", ParamType::kBoolean, "with dyad: only A as source and B as target"));
  }
  p.push_back(Param("actor", ParamType::kString, "source or target is this code/country, or its name contains this text"));
  p.push_back(Param("type", ParamType::kString, "a PLOVER type, a CAMEO code prefix, or a quad class"));
  p.push_back(Param("since", ParamType::kDate, "on or after this date"));
  p.push_back(Param("until", ParamType::kDate, "on or before the end of this date"));
  p.push_back(Param("negated", ParamType::kBoolean, "only negated events"));
  p.push_back(Param("location", ParamType::kString, "the place name contains this, or the place is in this country"));
  p.push_back(Param("text", ParamType::kString, "the sentence contains all these words (full-text index; FTS5 syntax passes "
               "through)"));
  return p;
}

std::vector<RouteSpec> MakeRoutes() {
  std::vector<RouteSpec> r;
  {
    RouteSpec s = Route(RouteId::kEvents, "GET", "/api/events", "List events",
                "The stored real-world events matching the filters of `dragoman events`, in date "
                "order (undated last), one page at a time: pass the answer's `next` as `cursor` "
                "for the following page (`next` is null on the last page).");
    s.params = EventFilterParams(true);
    s.params.push_back(
        Param("mentions", ParamType::kBoolean, "one row per mention instead of one per event"));
    s.params.push_back(IntParam("limit", "rows per page", "100", 1, 1000));
    s.params.push_back(Param("cursor", ParamType::kCursor, "where the previous page ended"));
    s.params.push_back(EnumParam("format", "json, or csv (GDELT-like columns; the next cursor in the X-Next-Cursor "
                        "header)", "json|csv", "json"));
    s.response =
        "`{\"events\": [EVENT...], \"next\": CURSOR|null}`; each EVENT is a line of "
        "`dragoman events --format jsonl` (doc/store.md)";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kEvent, "GET", "/api/events/{id}", "One event with its evidence",
                "Every mention of the real-world event: the coded event, the sentence, the "
                "document's metadata and the words of its span — as `dragoman show --format "
                "json`.");
    s.params = {InPath(IntParam("id", "the event id", "", 1, INT64_MAX))};
    s.response = "the object of `dragoman show ID --format json`";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kTimeline, "GET", "/api/timeline", "Timeline of a dyad",
                "Real-world events between A and B per period and direction: counts, Goldstein "
                "sum and mean, PLOVER types and quad classes — the numbers of `dragoman "
                "timeline`. Negated and non-asserted events are left out unless `all`.");
    s.params = {Required(Param("dyad", ParamType::kDyad, "the two actors A,B")),
                EnumParam("by", "the period", "day|week|month|year", "month"),
                Param("all", ParamType::kBoolean, "count negated and non-asserted events too"),
                EnumParam("format", "json or csv", "json|csv", "json")};
    s.response = "the object of `dragoman timeline A B --format json`";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kDocument, "GET", "/api/documents/{id}",
                "A document with its sentences and event spans",
                "The stored text of one document (its id as ingested, percent-encoded) with the "
                "byte spans of its sentences and of every event mention and its actors.");
    s.params = {InPath(Param("id", ParamType::kString, "the document id"))};
    s.response =
        "`{\"id\", \"title\", \"url\", \"source\", \"date\", \"date_source\", \"added\", "
        "\"text\", \"sentences\": [{\"index\", \"begin\", \"end\"}], \"events\": [{\"event_id\", "
        "\"mention_id\", \"event\": EVENT}]}`";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kPostDocuments, "POST", "/api/documents", "Ingest documents",
                "Codes and stores one document (a JSON object) or several (JSON Lines), with the "
                "fields of `dragoman ingest`'s JSON Lines input (`text` required; `id`, `date`, "
                "`title`, `url`, `source`). All or nothing: one bad record and nothing is "
                "stored. Allowed only when the server was started with a token and the request "
                "carries it (`Authorization: Bearer TOKEN`); otherwise 403. One write at a time: "
                "429 while another is running.");
    s.write = true;
    s.response =
        "`{\"added\", \"replaced\", \"unchanged\", \"events\", \"documents\": [{\"id\", "
        "\"outcome\"}]}`";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kActors, "GET", "/api/actors", "Actors seen",
                "One row per actor role (name, code) as `dragoman actors`.");
    s.params = {Param("country", ParamType::kString, "only this country or code prefix"),
                IntParam("limit", "at most this many rows", "1000", 1, 100000)};
    s.response = "`{\"actors\": [ACTOR...], \"total\": N}`; ACTOR as `dragoman actors --format "
                 "jsonl`";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kSearch, "GET", "/api/search", "Full-text search",
                "Sentences matching the words (all required; FTS5 syntax passes through), best "
                "first, with the events coded in each. In `highlighted`, each match is wrapped "
                "in U+0002 (start) and U+0003 (end).");
    s.params = {Required(Param("q", ParamType::kString, "the words")),
                IntParam("limit", "at most this many sentences", "50", 1, 1000)};
    s.response = "`{\"hits\": [HIT...]}`; HIT as `dragoman search --format jsonl`";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kStats, "GET", "/api/stats", "Corpus counts and busiest dyads",
                "How many documents, sentences, mentions, events and actor mentions are "
                "stored, and the directed country pairs with most events.");
    s.params = {IntParam("dyads", "how many country pairs", "20", 0, 1000)};
    s.response =
        "`{\"documents\", \"sentences\", \"mentions\", \"events\", \"actor_mentions\", "
        "\"dyads\": [{\"source\", \"target\", \"events\", \"goldstein_sum\"}]}`";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kNetwork, "GET", "/api/network", "Actor network",
                "Who acts on whom: one edge per directed country pair, weighted by its number "
                "of real-world events, among the events matching the filters.");
    s.params = EventFilterParams(false);
    s.params.push_back(IntParam("limit", "at most this many edges", "200", 1, 5000));
    s.response =
        "`{\"edges\": [{\"source\", \"target\", \"events\", \"goldstein_sum\", "
        "\"goldstein_mean\"}]}`";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kPlaces, "GET", "/api/places", "Located events",
                "Real-world events matching the filters grouped by the place they happened "
                "(those whose place the gazetteer located), for the map.");
    s.params = EventFilterParams(true);
    s.params.push_back(IntParam("limit", "at most this many places", "500", 1, 5000));
    s.response =
        "`{\"places\": [{\"name\", \"country\", \"lat\", \"lon\", \"events\", "
        "\"goldstein_sum\", \"event_ids\": [first 20]}], \"unlocated\": N}`";
    r.push_back(s);
  }
  {
    RouteSpec s = Route(RouteId::kOpenApi, "GET", "/api/openapi.json", "This API described",
                "The OpenAPI 3.0 document of every route, generated from the same table the "
                "server dispatches through.");
    s.response = "an OpenAPI 3.0 document";
    r.push_back(s);
  }
  return r;
}

std::string TypeName(ParamType t) {
  switch (t) {
    case ParamType::kString:
      return "string";
    case ParamType::kInteger:
      return "integer";
    case ParamType::kBoolean:
      return "boolean";
    case ParamType::kDate:
      return "date (YYYY, YYYY-MM or YYYY-MM-DD)";
    case ParamType::kDyad:
      return "A,B";
    case ParamType::kEnum:
      return "one of";
    case ParamType::kCursor:
      return "cursor";
  }
  return "string";
}

Json ParamSchema(const ParamSpec& p) {
  Json s;
  switch (p.type) {
    case ParamType::kInteger:
      s["type"] = "integer";
      s["minimum"] = p.min;
      s["maximum"] = p.max;
      break;
    case ParamType::kBoolean:
      s["type"] = "boolean";
      break;
    case ParamType::kDate:
      s["type"] = "string";
      s["pattern"] = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
      break;
    case ParamType::kDyad:
      s["type"] = "string";
      s["pattern"] = "^[^,]+,[^,]+$";
      break;
    case ParamType::kEnum: {
      s["type"] = "string";
      Json e = Json::array();
      std::string c = p.choices;
      size_t from = 0;
      while (true) {
        size_t bar = c.find('|', from);
        e.push_back(c.substr(from, bar - from));
        if (bar == std::string::npos) break;
        from = bar + 1;
      }
      s["enum"] = e;
      break;
    }
    default:
      s["type"] = "string";
      s["maxLength"] = kMaxParamBytes;
  }
  if (!p.default_value.empty()) {
    if (p.type == ParamType::kInteger) {
      s["default"] = std::stoll(p.default_value);
    } else {
      s["default"] = p.default_value;
    }
  }
  return s;
}

Json ErrorResponse(const std::string& why) {
  Json r;
  r["description"] = why;
  r["content"]["application/json"]["schema"]["$ref"] = "#/components/schemas/Error";
  return r;
}

}  // namespace

const std::vector<RouteSpec>& ApiRoutes() {
  static const std::vector<RouteSpec> routes = MakeRoutes();
  return routes;
}

bool MatchPath(std::string_view pattern, std::string_view path,
               std::vector<std::pair<std::string, std::string>>* path_params) {
  path_params->clear();
  size_t i = 0, j = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close == std::string_view::npos) return false;
      std::string name(pattern.substr(i + 1, close - i - 1));
      bool last = close + 1 == pattern.size();
      size_t end = last ? path.size() : path.find('/', j);
      if (end == std::string_view::npos) end = path.size();
      if (end == j) return false;  // an empty segment
      path_params->push_back({name, std::string(path.substr(j, end - j))});
      i = close + 1;
      j = end;
      continue;
    }
    if (j >= path.size() || pattern[i] != path[j]) return false;
    ++i;
    ++j;
  }
  return j == path.size();
}

std::string OpenApiJson() {
  Json doc;
  doc["openapi"] = "3.0.3";
  doc["info"]["title"] = "dragoman";
  doc["info"]["description"] =
      "Coded, sourced event data about international relations: events, dyad timelines, "
      "evidence, documents, actors and full-text search over a dragoman corpus.";
  doc["info"]["version"] = "1";
  Json paths = Json::object();
  for (const RouteSpec& r : ApiRoutes()) {
    Json op;
    op["operationId"] = [&] {
      std::string id = r.method;
      for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (char c : r.path) {
        if (std::isalnum(static_cast<unsigned char>(c))) id += c;
        if (c == '/' || c == '{') id += '_';
      }
      return id;
    }();
    op["summary"] = r.summary;
    op["description"] = r.description;
    Json params = Json::array();
    for (const ParamSpec& p : r.params) {
      Json q;
      q["name"] = p.name;
      q["in"] = p.in_path ? "path" : "query";
      q["description"] = p.help;
      q["required"] = p.required || p.in_path;
      q["schema"] = ParamSchema(p);
      params.push_back(q);
    }
    if (!params.empty()) op["parameters"] = params;
    if (r.write) {
      op["security"] = Json::array({Json{{"bearer", Json::array()}}});
      Json body;
      body["required"] = true;
      body["content"]["application/json"]["schema"]["$ref"] = "#/components/schemas/Document";
      body["content"]["application/x-ndjson"]["schema"]["type"] = "string";
      op["requestBody"] = body;
    }
    Json responses;
    responses["200"]["description"] = r.response;
    responses["200"]["content"]["application/json"]["schema"]["type"] = "object";
    responses["400"] = ErrorResponse("a bad parameter (malformed date, FTS syntax error, ...)");
    if (r.path.find('{') != std::string::npos) responses["404"] = ErrorResponse("no such item");
    if (r.write) {
      responses["403"] = ErrorResponse("writes disabled, or a missing or wrong token");
      responses["413"] = ErrorResponse("the body is larger than the server accepts");
      responses["429"] = ErrorResponse("another write is running; retry later");
    }
    responses["503"] = ErrorResponse("the server is overloaded; retry later");
    op["responses"] = responses;
    std::string method = r.method == "GET" ? "get" : "post";
    paths[r.path][method] = op;
  }
  doc["paths"] = paths;
  Json& c = doc["components"];
  c["schemas"]["Error"]["type"] = "object";
  c["schemas"]["Error"]["properties"]["error"]["type"] = "string";
  c["schemas"]["Error"]["required"] = Json::array({"error"});
  Json& d = c["schemas"]["Document"];
  d["type"] = "object";
  for (const char* f : {"text", "id", "date", "title", "url", "source"}) {
    d["properties"][f]["type"] = "string";
  }
  d["required"] = Json::array({"text"});
  c["securitySchemes"]["bearer"]["type"] = "http";
  c["securitySchemes"]["bearer"]["scheme"] = "bearer";
  return doc.dump(2);
}

std::string RoutesMarkdown() {
  std::string md;
  for (const RouteSpec& r : ApiRoutes()) {
    md += "### `" + r.method + " " + r.path + "` — " + r.summary + "\n\n";
    md += r.description + "\n\n";
    if (!r.params.empty()) {
      md += "| parameter | type | default | meaning |\n|---|---|---|---|\n";
      for (const ParamSpec& p : r.params) {
        std::string type = TypeName(p.type);
        if (p.type == ParamType::kEnum) type += " `" + p.choices + "`";
        if (p.type == ParamType::kInteger) {
          type += " " + std::to_string(p.min) + "–" +
                  (p.max == INT64_MAX ? std::string("…") : std::to_string(p.max));
        }
        std::string def = p.required || p.in_path ? "required"
                          : p.default_value.empty() ? "–"
                                                    : "`" + p.default_value + "`";
        md += "| `" + p.name + "`" + (p.in_path ? " (path)" : "") + " | " + type + " | " + def +
              " | " + p.help + " |\n";
      }
      md += "\n";
    }
    md += "Answer: " + r.response + ".\n\n";
  }
  return md;
}

}  // namespace dragoman::server
