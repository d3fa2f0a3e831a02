#include "output/event_json.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "base/file.h"

namespace dragoman {

namespace {

Json NullIfEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::optional<Mood> ParseMood(const std::string& s) {
  for (Mood m : {Mood::kAsserted, Mood::kIntended, Mood::kHypothetical, Mood::kQuestion}) {
    if (MoodName(m) == s) return m;
  }
  return std::nullopt;
}

// Goldstein weights are tenths; print them without binary noise (-4.0 -> -4, 3.4 -> 3.4).
Json Goldstein(double g) {
  double r = std::round(g * 10) / 10;
  if (r == std::floor(r)) return Json(static_cast<long long>(r));
  return Json(r);
}

std::string FormatNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

Status Missing(const char* field) {
  return Status::InvalidArgument(std::string("event JSON: missing or ill-typed field '") + field +
                                 "'");
}

std::string Str(const Json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Json ActorToJson(const ActorRef& a) {
  Json j;
  j["text"] = a.text;
  j["code"] = NullIfEmpty(a.code);  // null: an unresolved mention (doc/output.md)
  j["country"] = NullIfEmpty(a.country);
  j["sector"] = NullIfEmpty(a.sector);
  j["name"] = NullIfEmpty(a.name);
  j["span"] = {a.begin, a.end};
  return j;
}

Json EventToJson(const Event& e) {
  Json j;
  j["doc"] = e.doc;
  j["doc_date"] = NullIfEmpty(e.doc_date);
  j["doc_date_source"] = e.doc_date_source.empty() ? "none" : e.doc_date_source;
  j["sentence"] = e.sentence;
  j["text"] = e.text;
  j["span"] = {e.span_begin, e.span_end};
  j["source"] = e.source ? ActorToJson(*e.source) : Json(nullptr);
  j["target"] = e.target ? ActorToJson(*e.target) : Json(nullptr);
  j["cameo"] = e.cameo;
  j["plover"] = e.plover;
  j["goldstein"] = Goldstein(e.goldstein);
  j["quad"] = NullIfEmpty(e.quad);
  j["date"] = NullIfEmpty(e.date);
  j["date_source"] = NullIfEmpty(e.date_source);
  j["negated"] = e.negated;
  j["mood"] = std::string(MoodName(e.mood));
  if (e.location) {
    Json l;
    l["name"] = e.location->name;
    l["country"] = NullIfEmpty(e.location->country);
    l["lat"] = e.location->lat ? Json(*e.location->lat) : Json(nullptr);
    l["lon"] = e.location->lon ? Json(*e.location->lon) : Json(nullptr);
    j["location"] = l;
  } else {
    j["location"] = nullptr;
  }
  if (e.quantity) {
    Json q;
    q["value"] = e.quantity->value == std::floor(e.quantity->value)
                     ? Json(static_cast<long long>(e.quantity->value))
                     : Json(e.quantity->value);
    q["unit"] = e.quantity->unit;
    j["quantity"] = q;
  } else {
    j["quantity"] = nullptr;
  }
  j["speaker"] = e.speaker ? ActorToJson(*e.speaker) : Json(nullptr);
  j["rule"] = e.rule;
  return j;
}

// The direct writer below produces, byte for byte, what EventToJson(e).dump() produces (field
// order, escapes, number formats; event_json_test compares the two), without building the tree
// of JSON values first: the output path codes a document's events at a few hundred nanoseconds
// each instead of several microseconds.
namespace {

// Whether the 8 bytes of `w` may hold one that JSON escapes (below 0x20, '"' or '\\'): never
// false when one does (the usual "has a zero / a byte less than n" word tests, exact as a yes or
// no); a yes sends the caller to the byte-at-a-time loop.
bool MayNeedEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  const bool below_space = ((w - kOnes * 0x20) & ~w & kHigh) != 0;
  return below_space || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\'));
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  // nlohmann's decoder accepts exactly the well-formed sequences, as FindInvalidUtf8 does.
  if (FindInvalidUtf8(s) != std::string_view::npos) {
    // Never expected (readers validate), but written exactly as nlohmann would: replaced.
    *out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  out->push_back('"');
  size_t plain = 0;  // start of the run of bytes that need no escape
  for (size_t i = 0; i < s.size(); ++i) {
    // Eight plain bytes at a time: event text is mostly plain, and every field goes through here.
    while (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (MayNeedEscape(w)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\r':
        *out += "\\r";
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        *out += buf;
      }
    }
  }
  out->append(s.data() + plain, s.size() - plain);
  out->push_back('"');
}

namespace {

void AppendString(std::string_view s, std::string* out) { AppendJsonString(s, out); }

void AppendStringOrNull(std::string_view s, std::string* out) {
  if (s.empty()) {
    *out += "null";
  } else {
    AppendString(s, out);
  }
}

template <typename Int>
void AppendInt(Int v, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

// A double as nlohmann writes it (its own shortest round-trip digits; "null" when not finite).
void AppendDouble(double v, std::string* out) {
  if (!std::isfinite(v)) {
    *out += "null";
    return;
  }
  char buf[64];
  char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, end);
}

void AppendActor(const ActorRef& a, std::string* out) {
  *out += "{\"text\":";
  AppendString(a.text, out);
  *out += ",\"code\":";
  AppendStringOrNull(a.code, out);
  *out += ",\"country\":";
  AppendStringOrNull(a.country, out);
  *out += ",\"sector\":";
  AppendStringOrNull(a.sector, out);
  *out += ",\"name\":";
  AppendStringOrNull(a.name, out);
  *out += ",\"span\":[";
  AppendInt(a.begin, out);
  out->push_back(',');
  AppendInt(a.end, out);
  *out += "]}";
}

void AppendActorOrNull(const std::optional<ActorRef>& a, std::string* out) {
  if (a) {
    AppendActor(*a, out);
  } else {
    *out += "null";
  }
}

}  // namespace

void AppendEventJson(const Event& e, std::string* out) {
  *out += "{\"doc\":";
  AppendString(e.doc, out);
  *out += ",\"doc_date\":";
  AppendStringOrNull(e.doc_date, out);
  *out += ",\"doc_date_source\":";
  AppendString(e.doc_date_source.empty() ? std::string_view("none") : e.doc_date_source, out);
  *out += ",\"sentence\":";
  AppendInt(e.sentence, out);
  *out += ",\"text\":";
  AppendString(e.text, out);
  *out += ",\"span\":[";
  AppendInt(e.span_begin, out);
  out->push_back(',');
  AppendInt(e.span_end, out);
  *out += "],\"source\":";
  AppendActorOrNull(e.source, out);
  *out += ",\"target\":";
  AppendActorOrNull(e.target, out);
  *out += ",\"cameo\":";
  AppendString(e.cameo, out);
  *out += ",\"plover\":";
  AppendString(e.plover, out);
  *out += ",\"goldstein\":";
  double g = std::round(e.goldstein * 10) / 10;  // as Goldstein() above
  if (g == std::floor(g)) {
    AppendInt(static_cast<long long>(g), out);
  } else {
    AppendDouble(g, out);
  }
  *out += ",\"quad\":";
  AppendStringOrNull(e.quad, out);
  *out += ",\"date\":";
  AppendStringOrNull(e.date, out);
  *out += ",\"date_source\":";
  AppendStringOrNull(e.date_source, out);
  *out += e.negated ? ",\"negated\":true" : ",\"negated\":false";
  *out += ",\"mood\":";
  AppendString(MoodName(e.mood), out);
  *out += ",\"location\":";
  if (e.location) {
    *out += "{\"name\":";
    AppendString(e.location->name, out);
    *out += ",\"country\":";
    AppendStringOrNull(e.location->country, out);
    *out += ",\"lat\":";
    if (e.location->lat) {
      AppendDouble(*e.location->lat, out);
    } else {
      *out += "null";
    }
    *out += ",\"lon\":";
    if (e.location->lon) {
      AppendDouble(*e.location->lon, out);
    } else {
      *out += "null";
    }
    out->push_back('}');
  } else {
    *out += "null";
  }
  *out += ",\"quantity\":";
  if (e.quantity) {
    *out += "{\"value\":";
    double v = e.quantity->value;
    if (v == std::floor(v)) {
      AppendInt(static_cast<long long>(v), out);
    } else {
      AppendDouble(v, out);
    }
    *out += ",\"unit\":";
    AppendString(e.quantity->unit, out);
    out->push_back('}');
  } else {
    *out += "null";
  }
  *out += ",\"speaker\":";
  AppendActorOrNull(e.speaker, out);
  *out += ",\"rule\":";
  AppendString(e.rule, out);
  out->push_back('}');
}

std::string EventToJsonLine(const Event& e) {
  std::string out;
  out.reserve(1024);
  AppendEventJson(e, &out);
  return out;
}

Result<ActorRef> ActorFromJson(const Json& j) {
  if (!j.is_object()) return Missing("actor");
  ActorRef a;
  // A null code is an unresolved mention; output written before it existed always has a string.
  if (!j.contains("code") || !(j["code"].is_string() || j["code"].is_null())) {
    return Missing("actor.code");
  }
  a.text = Str(j, "text");
  a.code = Str(j, "code");
  a.country = Str(j, "country");
  a.sector = Str(j, "sector");
  a.name = Str(j, "name");
  if (auto it = j.find("span"); it != j.end() && it->is_array() && it->size() == 2) {
    a.begin = (*it)[0].get<uint32_t>();
    a.end = (*it)[1].get<uint32_t>();
  }
  return a;
}

Result<Event> EventFromJson(const Json& j) {
  if (!j.is_object()) return Missing("(object)");
  Event e;
  try {
    if (!j.contains("doc") || !j["doc"].is_string()) return Missing("doc");
    e.doc = j["doc"].get<std::string>();
    e.doc_date = Str(j, "doc_date");
    e.doc_date_source = Str(j, "doc_date_source");
    if (!j.contains("sentence") || !j["sentence"].is_number_integer()) return Missing("sentence");
    e.sentence = j["sentence"].get<int>();
    e.text = Str(j, "text");
    if (!j.contains("span") || !j["span"].is_array() || j["span"].size() != 2)
      return Missing("span");
    e.span_begin = j["span"][0].get<uint32_t>();
    e.span_end = j["span"][1].get<uint32_t>();
    for (auto [key, slot] : {std::pair{"source", &e.source}, std::pair{"target", &e.target},
                             std::pair{"speaker", &e.speaker}}) {
      if (j.contains(key) && !j[key].is_null()) {
        auto a = ActorFromJson(j[key]);
        if (!a.ok()) return a.status();
        *slot = *a;
      }
    }
    if (!j.contains("cameo") || !j["cameo"].is_string()) return Missing("cameo");
    e.cameo = j["cameo"].get<std::string>();
    e.plover = Str(j, "plover");
    if (j.contains("goldstein") && j["goldstein"].is_number()) e.goldstein = j["goldstein"];
    e.quad = Str(j, "quad");
    e.date = Str(j, "date");
    e.date_source = Str(j, "date_source");
    if (j.contains("negated") && j["negated"].is_boolean()) e.negated = j["negated"];
    if (auto m = ParseMood(Str(j, "mood"))) e.mood = *m;
    if (j.contains("location") && j["location"].is_object()) {
      const Json& l = j["location"];
      Location loc;
      loc.name = Str(l, "name");
      loc.country = Str(l, "country");
      if (l.contains("lat") && l["lat"].is_number()) loc.lat = l["lat"].get<double>();
      if (l.contains("lon") && l["lon"].is_number()) loc.lon = l["lon"].get<double>();
      e.location = loc;
    }
    if (j.contains("quantity") && j["quantity"].is_object()) {
      const Json& q = j["quantity"];
      if (!q.contains("value") || !q["value"].is_number()) return Missing("quantity.value");
      e.quantity = Quantity{q["value"].get<double>(), Str(q, "unit")};
    }
    e.rule = Str(j, "rule");
  } catch (const Json::exception& ex) {
    return Status::InvalidArgument(std::string("event JSON: ") + ex.what());
  }
  return e;
}

const std::vector<std::string>& EventColumns() {
  static const std::vector<std::string> kCols = {
      "doc",          "doc_date",    "sentence",    "span_begin",     "span_end",
      "date",         "date_source", "source_code", "source_country", "source_sector",
      "source_name",  "source_text", "target_code", "target_country", "target_sector",
      "target_name",  "target_text", "cameo",       "plover",         "goldstein",
      "quad",         "negated",     "mood",        "location",       "location_country",
      "lat",          "lon",         "quantity",    "quantity_unit",  "speaker_code",
      "speaker_name", "rule",        "text"};
  return kCols;
}

std::vector<std::string> EventRow(const Event& e) {
  auto actor = [](const std::optional<ActorRef>& a, std::vector<std::string>& row) {
    row.push_back(a ? a->code : "");
    row.push_back(a ? a->country : "");
    row.push_back(a ? a->sector : "");
    row.push_back(a ? a->name : "");
    row.push_back(a ? a->text : "");
  };
  std::vector<std::string> row = {e.doc,
                                  e.doc_date,
                                  std::to_string(e.sentence),
                                  std::to_string(e.span_begin),
                                  std::to_string(e.span_end),
                                  e.date,
                                  e.date_source};
  actor(e.source, row);
  actor(e.target, row);
  row.push_back(e.cameo);
  row.push_back(e.plover);
  row.push_back(Goldstein(e.goldstein).dump());
  row.push_back(e.quad);
  row.push_back(e.negated ? "true" : "false");
  row.push_back(std::string(MoodName(e.mood)));
  row.push_back(e.location ? e.location->name : "");
  row.push_back(e.location ? e.location->country : "");
  row.push_back(e.location && e.location->lat ? FormatNumber(*e.location->lat) : "");
  row.push_back(e.location && e.location->lon ? FormatNumber(*e.location->lon) : "");
  row.push_back(e.quantity ? FormatNumber(e.quantity->value) : "");
  row.push_back(e.quantity ? e.quantity->unit : "");
  row.push_back(e.speaker ? e.speaker->code : "");
  row.push_back(e.speaker ? e.speaker->name : "");
  row.push_back(e.rule);
  row.push_back(e.text);
  return row;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string TsvField(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace dragoman
