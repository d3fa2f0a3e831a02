#include "server/params.h"

#include <algorithm>
#include <charconv>

#include "base/file.h"

namespace dragoman::server {

namespace {

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty()) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool InChoices(const std::string& choices, std::string_view v) {
  size_t from = 0;
  while (true) {
    size_t bar = choices.find('|', from);
    if (std::string_view(choices).substr(from, bar - from) == v) return true;
    if (bar == std::string::npos) return false;
    from = bar + 1;
  }
}

// Shows a bad value in a message: cut to 60 bytes (at a character boundary).
std::string Shown(std::string_view v) {
  if (v.size() <= 60) return std::string(v);
  size_t n = 60;
  while (n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80) --n;
  return std::string(v.substr(0, n)) + "…";
}

Status Check(const ParamSpec& p, const std::string& v) {
  const std::string where = "parameter '" + p.name + "'";
  if (v.size() > kMaxParamBytes) {
    return Status::InvalidArgument(where + " is longer than " + std::to_string(kMaxParamBytes) +
                                   " bytes");
  }
  if (!IsCleanText(v)) {
    return Status::InvalidArgument(where + " is not valid UTF-8 text");
  }
  switch (p.type) {
    case ParamType::kString:
      if (p.required && v.empty()) return Status::InvalidArgument(where + " must not be empty");
      return Status::Ok();
    case ParamType::kInteger: {
      int64_t n = 0;
      if (!ParseInt(v, &n) || n < p.min || n > p.max) {
        return Status::InvalidArgument(where + " must be an integer from " +
                                       std::to_string(p.min) + " to " + std::to_string(p.max) +
                                       ", not '" + Shown(v) + "'");
      }
      return Status::Ok();
    }
    case ParamType::kBoolean:
      if (v.empty() || v == "true" || v == "1" || v == "false" || v == "0") return Status::Ok();
      return Status::InvalidArgument(where + " must be true or false, not '" + Shown(v) + "'");
    case ParamType::kDate: {
      auto d = PartialDate::Parse(v);
      if (!d || !d->valid()) {
        return Status::InvalidArgument(where + " must be YYYY, YYYY-MM or YYYY-MM-DD, not '" +
                                       Shown(v) + "'");
      }
      return Status::Ok();
    }
    case ParamType::kDyad: {
      size_t comma = v.find(',');
      if (comma == std::string::npos || comma == 0 || comma + 1 == v.size() ||
          v.find(',', comma + 1) != std::string::npos) {
        return Status::InvalidArgument(where + " must be two actors separated by a comma, like "
                                       "AZE,IRN, not '" +
                                       Shown(v) + "'");
      }
      return Status::Ok();
    }
    case ParamType::kEnum:
      if (!InChoices(p.choices, v)) {
        return Status::InvalidArgument(where + " must be one of " + p.choices + ", not '" +
                                       Shown(v) + "'");
      }
      return Status::Ok();
    case ParamType::kCursor:
      return DecodeCursor(v).status();
  }
  return Status::Ok();
}

}  // namespace

bool IsCleanText(std::string_view s) {
  if (FindInvalidUtf8(s) != std::string_view::npos) return false;
  return std::none_of(s.begin(), s.end(), [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return (u < 0x20 && u != '\t') || u == 0x7F;
  });
}

const std::string& Params::Get(const std::string& name) const {
  static const std::string kEmpty;
  auto it = values_.find(name);
  return it == values_.end() ? kEmpty : it->second;
}

int64_t Params::Int(const std::string& name) const {
  int64_t n = 0;
  ParseInt(Get(name), &n);
  return n;
}

bool Params::Bool(const std::string& name) const {
  if (!Has(name)) return false;
  const std::string& v = Get(name);
  return v.empty() || v == "true" || v == "1";
}

std::optional<PartialDate> Params::Date(const std::string& name) const {
  if (!Has(name)) return std::nullopt;
  return PartialDate::Parse(Get(name));
}

std::optional<std::pair<std::string, std::string>> Params::Dyad(const std::string& name) const {
  if (!Has(name)) return std::nullopt;
  const std::string& v = Get(name);
  size_t comma = v.find(',');
  return std::make_pair(v.substr(0, comma), v.substr(comma + 1));
}

std::string Params::Canonical() const {
  std::string s;
  for (const auto& [k, v] : values_) {
    s += k;
    s += '=';
    s += v;
    s += '\x1f';  // a control character: never inside a checked value
  }
  return s;
}

Result<Params> ParseParams(const RouteSpec& route, const KeyValues& query, const KeyValues& path) {
  Params out;
  auto spec = [&](const std::string& name, bool in_path) -> const ParamSpec* {
    for (const ParamSpec& p : route.params) {
      if (p.name == name && p.in_path == in_path) return &p;
    }
    return nullptr;
  };
  for (const auto& [name, value] : path) {
    const ParamSpec* p = spec(name, true);
    if (p == nullptr) return Status::Internal("route " + route.path + ": undeclared " + name);
    DRAGOMAN_RETURN_IF_ERROR(Check(*p, value));
    out.values()[name] = value;
  }
  for (const auto& [name, value] : query) {
    const ParamSpec* p = spec(name, false);
    if (p == nullptr) {
      std::string accepted;
      for (const ParamSpec& q : route.params) {
        if (!q.in_path) accepted += (accepted.empty() ? "" : ", ") + q.name;
      }
      if (!IsCleanText(name) || name.size() > 100) {
        return Status::InvalidArgument("unknown parameter");
      }
      return Status::InvalidArgument("unknown parameter '" + name + "'" +
                                     (accepted.empty() ? " (this route takes none)"
                                                       : " (accepted: " + accepted + ")"));
    }
    if (out.Has(name)) return Status::InvalidArgument("parameter '" + name + "' given twice");
    DRAGOMAN_RETURN_IF_ERROR(Check(*p, value));
    out.values()[name] = value;
  }
  for (const ParamSpec& p : route.params) {
    if (out.Has(p.name)) continue;
    if (p.required) return Status::InvalidArgument("parameter '" + p.name + "' is required");
    if (!p.default_value.empty()) out.values()[p.name] = p.default_value;
  }
  return out;
}

std::string EncodeCursor(const EventCursor& c) {
  return "v1." + (c.day ? "d" + std::to_string(*c.day) : std::string("u")) + "." +
         std::to_string(c.event_id) + "." + std::to_string(c.mention_id);
}

Result<EventCursor> DecodeCursor(std::string_view token) {
  auto bad = [&] {
    return Status::InvalidArgument("parameter 'cursor' is not a cursor from an earlier answer: '" +
                                   Shown(token) + "'");
  };
  if (token.substr(0, 3) != "v1.") return bad();
  std::string_view rest = token.substr(3);
  std::vector<std::string_view> parts;
  size_t from = 0;
  while (true) {
    size_t dot = rest.find('.', from);
    parts.push_back(rest.substr(from, dot - from));
    if (dot == std::string_view::npos) break;
    from = dot + 1;
  }
  if (parts.size() != 3 || parts[0].empty()) return bad();
  EventCursor c;
  if (parts[0] == "u") {
    c.day = std::nullopt;
  } else {
    int64_t day = 0;
    if (parts[0][0] != 'd' || !ParseInt(parts[0].substr(1), &day)) return bad();
    c.day = day;
  }
  if (!ParseInt(parts[1], &c.event_id) || !ParseInt(parts[2], &c.mention_id) ||
      c.event_id < 0 || c.mention_id < 0) {
    return bad();
  }
  return c;
}

}  // namespace dragoman::server
