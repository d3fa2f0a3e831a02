// The HTTP API's route table: every route declared once, with its parameters and help. The server
// dispatches through it, parameters are checked against it, and the OpenAPI document
// (/api/openapi.json) and the route reference in doc/server.md are generated from it, so the
// three cannot disagree.
//
// Thread-safety: the table is immutable; every function here is safe from any thread.
#ifndef DRAGOMAN_SERVER_ROUTES_H_
#define DRAGOMAN_SERVER_ROUTES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dragoman::server {

enum class ParamType {
  kString,   // any UTF-8 text (at most kMaxParamBytes)
  kInteger,  // a decimal integer within [min, max]
  kBoolean,  // "true"/"1"/"" (present without value) or "false"/"0"
  kDate,     // YYYY, YYYY-MM or YYYY-MM-DD
  kDyad,     // two actor selectors separated by a comma: "AZE,IRN"
  kEnum,     // one of `choices` ("json|csv")
  kCursor,   // an opaque paging cursor from an earlier answer's "next"
};

// Longest value accepted for any parameter, in bytes; longer values are answered 400.
inline constexpr size_t kMaxParamBytes = 1000;

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::kString;
  std::string help;
  bool required = false;
  bool in_path = false;        // "{name}" in the route's path
  std::string choices;         // kEnum: "json|csv"
  std::string default_value;   // used when absent ("" for none)
  int64_t min = 0, max = 0;    // kInteger bounds (inclusive)
};

// What a route is, for dispatch and documentation. The handler itself is bound by `id` in
// api.cc.
enum class RouteId {
  kEvents,
  kEvent,
  kTimeline,
  kDocument,
  kPostDocuments,
  kActors,
  kSearch,
  kStats,
  kNetwork,
  kPlaces,
  kOpenApi,
};

struct RouteSpec {
  RouteId id;
  std::string method;  // "GET" or "POST"
  std::string path;    // "/api/events/{id}": a path parameter is one whole segment ("{id}"), or
                       // the rest of the path when it is the last one ("{id+}" is not used)
  std::string summary;
  std::string description;
  std::vector<ParamSpec> params;
  std::string response;  // what a 200 answer holds (for the docs)
  bool write = false;    // needs the server's token (Authorization: Bearer TOKEN)
};

// All routes, in documentation order.
const std::vector<RouteSpec>& ApiRoutes();

// Matches `path` (already percent-decoded) against a route pattern; on success fills
// `path_params` with {name, value} pairs in pattern order. The last "{name}" of a pattern takes
// the rest of the path (a document id may contain '/'); others take one segment.
bool MatchPath(std::string_view pattern, std::string_view path,
               std::vector<std::pair<std::string, std::string>>* path_params);

// The OpenAPI 3.0 document describing ApiRoutes() (JSON text).
std::string OpenApiJson();

// The route reference of doc/server.md (Markdown), generated from ApiRoutes().
std::string RoutesMarkdown();

}  // namespace dragoman::server

#endif  // DRAGOMAN_SERVER_ROUTES_H_
