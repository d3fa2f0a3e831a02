#include "base/suite_record.h"

namespace dragoman {
namespace {

// The string at `key` of object `j` into *out: "" for absent or null; false for another type.
bool OptionalString(const nlohmann::json& j, const char* key, std::string* out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    out->clear();
    return true;
  }
  if (!it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

}  // namespace

Result<SuiteRecordLine> ParseSuiteRecord(std::string_view line_text, std::string_view name,
                                         int line, StatusMaker make_error) {
  auto bad = [&](const std::string& why) { return make_error(FileLine(name, line) + ": " + why); };
  SuiteRecordLine r;
  r.line = line;
  r.json = nlohmann::json::parse(line_text, nullptr, /*allow_exceptions=*/false);
  if (r.json.is_discarded() || !r.json.is_object()) return bad("not a JSON object");
  for (auto [key, slot] :
       {std::pair{"id", &r.id}, std::pair{"date", &r.date}, std::pair{"text", &r.text}}) {
    if (!OptionalString(r.json, key, slot))
      return bad(std::string("'") + key + "' is not a string");
  }
  auto ex = r.json.find("expected");
  if (ex != r.json.end() && !ex->is_null()) {
    if (!ex->is_array()) return bad("'expected' is not an array");
    for (const auto& e : *ex) {
      if (!e.is_object()) return bad("an 'expected' event is not an object");
      SuiteRecordLine::Expected x;
      if (!OptionalString(e, "source", &x.source) || !OptionalString(e, "target", &x.target) ||
          !OptionalString(e, "code", &x.code)) {
        return bad("an 'expected' event's source, target or code is not a string");
      }
      r.expected.push_back(std::move(x));
    }
  }
  return r;
}

std::optional<int32_t> SuiteDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return std::nullopt;
  int32_t v = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return std::nullopt;
    v = v * 10 + (d[i] - '0');
  }
  return v;
}

}  // namespace dragoman
