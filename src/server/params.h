// Request parameters checked against a route's declared ParamSpecs (server/routes.h): the one
// place where outside values become typed values. Everything a handler reads went through here.
//
// Rules: a parameter the route does not declare, a parameter given twice, a value longer than
// kMaxParamBytes, a value that is not valid UTF-8 or contains a control character, a missing
// required parameter, and a value of the wrong form (integer out of range, malformed date or
// dyad, unknown choice, malformed cursor) are each an InvalidArgument naming the parameter, which
// the server answers with 400. Defaults from the spec are filled in.
//
// Thread-safety: value types and stateless functions.
#ifndef DRAGOMAN_SERVER_PARAMS_H_
#define DRAGOMAN_SERVER_PARAMS_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "server/routes.h"
#include "store/query.h"

namespace dragoman::server {

using KeyValues = std::vector<std::pair<std::string, std::string>>;

class Params {
 public:
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  // The value ("" when absent).
  const std::string& Get(const std::string& name) const;
  // REQUIRES: the parameter is declared with that type (checked when parsed).
  int64_t Int(const std::string& name) const;
  bool Bool(const std::string& name) const;
  std::optional<PartialDate> Date(const std::string& name) const;
  std::optional<std::pair<std::string, std::string>> Dyad(const std::string& name) const;

  // A canonical form (sorted name=value pairs) for cache keys.
  std::string Canonical() const;

  std::map<std::string, std::string>& values() { return values_; }

 private:
  std::map<std::string, std::string> values_;
};

// Checks `query` (the query string's pairs, percent-decoded) and `path` (the route's path
// parameters) against `route`.
Result<Params> ParseParams(const RouteSpec& route, const KeyValues& query, const KeyValues& path);

// Paging cursors: an EventCursor as an opaque token and back. InvalidArgument for a token
// that is not one.
std::string EncodeCursor(const EventCursor& c);
Result<EventCursor> DecodeCursor(std::string_view token);

// True when `s` is valid UTF-8 without control characters (tab excepted).
bool IsCleanText(std::string_view s);

}  // namespace dragoman::server

#endif  // DRAGOMAN_SERVER_PARAMS_H_
