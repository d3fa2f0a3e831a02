#include "store/query_where.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "base/date.h"

namespace dragoman::query_internal {

namespace {

// SQL matching the actor column `col` ("e.source"/"e.target") against a selector bound at `p`:
// its country, its whole code, or a prefix of its code.
std::string SideMatches(const std::string& col, const std::string& p) {
  return col + "_country = " + p + " OR substr(" + col + ", 1, length(" + p + ")) = " + p;
}

// The last day covered by a partial date ("2024" -> 2024-12-31).
int64_t LastDay(const PartialDate& d) {
  if (d.precision() == DatePrecision::kDay) return d.DaysFromEpoch();
  if (d.precision() == DatePrecision::kMonth) {
    return d.DaysFromEpoch() + DaysInMonth(d.year, d.month) - 1;
  }
  return PartialDate{d.year, 12, 31}.DaysFromEpoch();
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string Where::Param(std::variant<int64_t, std::string> v) {
  values_.push_back(std::move(v));
  return "?" + std::to_string(values_.size());
}

std::string Where::Sql() const {
  std::string s;
  for (const auto& c : clauses_) s += (s.empty() ? " WHERE " : " AND ") + c;
  return s;
}

void Where::BindTo(sql::Stmt& st) const {
  for (size_t i = 0; i < values_.size(); ++i) {
    int n = static_cast<int>(i + 1);
    if (const auto* v = std::get_if<int64_t>(&values_[i])) {
      st.Bind(n, *v);
    } else {
      st.Bind(n, std::get<std::string>(values_[i]));
    }
  }
}

Result<Where> BuildWhere(Store& store, const EventFilter& f) {
  Where w;
  if (f.dyad) {
    std::string a = w.Param(Upper(f.dyad->first));
    std::string b = w.Param(Upper(f.dyad->second));
    std::string ab =
        "(" + SideMatches("e.source", a) + ") AND (" + SideMatches("e.target", b) + ")";
    std::string ba =
        "(" + SideMatches("e.source", b) + ") AND (" + SideMatches("e.target", a) + ")";
    w.And(f.directed ? ab : "(" + ab + ") OR (" + ba + ")");
  }
  if (!f.actor.empty()) {
    std::string code = w.Param(Upper(f.actor));
    std::string text = w.Param(f.actor);
    w.And("e.id IN (SELECT event FROM actor_mentions WHERE role <> 'speaker' AND (country = " +
          code + " OR substr(code, 1, length(" + code + ")) = " + code +
          " OR instr(lower(name), "
          "lower(" +
          text + ")) > 0 OR instr(lower(text), lower(" + text + ")) > 0))");
  }
  if (!f.type.empty()) {
    if (AllDigits(f.type)) {
      std::string p = w.Param(f.type);
      w.And("substr(e.cameo, 1, length(" + p + ")) = " + p);
    } else {
      std::string p = w.Param(f.type);
      w.And("upper(e.plover) = upper(" + p + ") OR lower(e.quad) = lower(" + p + ")");
    }
  }
  if (f.since) w.And("e.day >= " + w.Param(int64_t{f.since->DaysFromEpoch()}));
  if (f.until) w.And("e.day <= " + w.Param(LastDay(*f.until)));
  if (f.negated_only) w.And("e.negated = 1");
  if (!f.location.empty()) {
    std::string p = w.Param(f.location);
    std::string c = w.Param(Upper(f.location));
    w.And("instr(lower(e.location), lower(" + p + ")) > 0 OR e.location_country = " + c);
  }
  if (!f.text.empty()) {
    DRAGOMAN_RETURN_IF_ERROR(CheckQueryLimits(f.text, f.text_limits));
    std::string q = FtsQuery(f.text);
    DRAGOMAN_RETURN_IF_ERROR(CheckFts(store, q));
    std::string p = w.Param(q);
    w.And("e.sentence_id IN (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH " + p + ")");
  }
  return w;
}

Result<bool> HeadsUsable(Store& store) {
  DRAGOMAN_ASSIGN_OR_RETURN(auto v, store.db().Prepare("PRAGMA user_version"));
  DRAGOMAN_ASSIGN_OR_RETURN(bool row, v.Step());
  if (!row || v.Int(0) < 4) return false;
  DRAGOMAN_ASSIGN_OR_RETURN(auto odd,
                            store.db().Prepare("SELECT 1 FROM events WHERE odd = 1 LIMIT 1"));
  DRAGOMAN_ASSIGN_OR_RETURN(bool any_odd, odd.Step());
  return !any_odd;
}

Status CheckFts(Store& store, const std::string& q) {
  DRAGOMAN_ASSIGN_OR_RETURN(
      auto st,
      store.db().Prepare("SELECT 1 FROM sentence_fts WHERE sentence_fts MATCH ?1 LIMIT 1"));
  st.Bind(1, q);
  auto row = st.Step();
  if (!row.ok()) {
    const std::string& m = row.status().message();
    size_t from = m.find(": ");
    size_t to = m.find(" in: ");
    std::string why = m.substr(from == std::string::npos ? 0 : from + 2,
                               to == std::string::npos ? std::string::npos : to - from - 2);
    // The query is the user's and may hold any byte: keep the message on one line (found by
    // fuzz/fts_fuzz).
    std::string line = "bad search query '" + q + "': " + why;
    for (char& c : line) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return Status::InvalidArgument(line);
  }
  return Status::Ok();
}

}  // namespace dragoman::query_internal
