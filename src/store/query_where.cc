#include "store/query_where.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "base/date.h"

namespace dragoman::query_internal {

namespace {

// The smallest string above every string that starts with `s` (byte order, SQLite's BINARY
// collation): `s` without its trailing 0xFF bytes, its last byte plus one. Empty when there is
// none (`s` empty or all 0xFF).
std::string PrefixEnd(std::string s) {
  while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xFF) s.pop_back();
  if (!s.empty()) s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
  return s;
}

// An actor selector bound as parameters: its text, and the end of the range of codes it
// prefixes ("" when unbounded).
struct Selector {
  std::string p, end;
};

Selector Bind(Where& w, const std::string& value) {
  std::string end = PrefixEnd(value);
  Selector s{w.Param(value), ""};
  if (!end.empty()) s.end = w.Param(end);
  return s;
}

// SQL for: the actor column `col` ("e.source"/"e.target") has a code starting with `s`. A range
// of the column, not a substr() test, so that an index on the column can search it (and a scan
// compares bytes instead of calling functions).
std::string CodeStarts(const std::string& col, const Selector& s) {
  return col + " >= " + s.p + (s.end.empty() ? "" : " AND " + col + " < " + s.end);
}

// SQL matching the actor column `col` against a selector: its country, its whole code, or a
// prefix of its code.
std::string SideMatches(const std::string& col, const Selector& s) {
  return col + "_country = " + s.p + " OR (" + CodeStarts(col, s) + ")";
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

void Where::AndBranches(std::string clause, std::vector<std::string> branches) {
  And(std::move(clause));
  branched_ = clauses_.size() - 1;
  branches_.clear();
  for (auto& b : branches) branches_.push_back("(" + std::move(b) + ")");
}

std::vector<std::string> Where::Branches() const {
  if (branches_.empty()) return {Sql()};
  std::vector<std::string> out;
  for (const auto& b : branches_) {
    std::string s;
    for (size_t i = 0; i < clauses_.size(); ++i) {
      s += (s.empty() ? " WHERE " : " AND ") + (i == branched_ ? b : clauses_[i]);
    }
    out.push_back(std::move(s));
  }
  return out;
}

namespace {

// The dyad (A, B): the source matches A and the target B, or (undirected) the other way round.
// Also written as disjoint branches, each searchable through one index: the source's country
// is A (events_filter leads on source_country), or its code starts with A and its country is
// not A (events_source leads on source); the second direction's branches exclude the rows the
// first matches (`IS NOT 1`: false or NULL), so that no row is listed twice.
void AndDyad(Where& w, const EventFilter& f) {
  Selector a = Bind(w, Upper(f.dyad->first));
  Selector b = Bind(w, Upper(f.dyad->second));
  auto pair = [](const Selector& x, const Selector& y) {
    return "(" + SideMatches("e.source", x) + ") AND (" + SideMatches("e.target", y) + ")";
  };
  const std::string ab = pair(a, b), ba = pair(b, a);
  auto branches = [](const Selector& x, const Selector& y, const std::string& unless) {
    std::string target = "(" + SideMatches("e.target", y) + ")" + unless;
    return std::vector<std::string>{
        "e.source_country = " + x.p + " AND " + target,
        CodeStarts("e.source", x) + " AND e.source_country IS NOT " + x.p + " AND " + target};
  };
  std::vector<std::string> all = branches(a, b, "");
  if (!f.directed) {
    for (auto& s : branches(b, a, " AND (" + ab + ") IS NOT 1")) all.push_back(std::move(s));
  }
  w.AndBranches(f.directed ? ab : "(" + ab + ") OR (" + ba + ")", std::move(all));
}

}  // namespace

Result<Where> BuildWhere(Store& store, const EventFilter& f) {
  Where w;
  if (f.dyad) AndDyad(w, f);
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
