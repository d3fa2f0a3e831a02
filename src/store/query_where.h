// Internals shared by the query functions (query.cc, timeline.cc): the WHERE clause of an event
// filter and the test for the event-heads path. Not part of the store's interface.
#ifndef DRAGOMAN_STORE_QUERY_WHERE_H_
#define DRAGOMAN_STORE_QUERY_WHERE_H_

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "base/status.h"
#include "store/query.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace dragoman::query_internal {

// ASCII upper case (actor codes and countries).
std::string Upper(std::string s);

// A WHERE clause under construction: fixed SQL text with numbered placeholders, and the values
// bound to them. Values never become part of the SQL text.
class Where {
 public:
  // Adds a bound value and returns its placeholder ("?3").
  std::string Param(std::variant<int64_t, std::string> v);
  void And(std::string clause) { clauses_.push_back("(" + std::move(clause) + ")"); }
  // Like And(), for a clause that is also written as `branches`: disjoint conditions (no row
  // meets two) whose union is the clause, each of which an index can search (Branches()).
  void AndBranches(std::string clause, std::vector<std::string> branches);
  std::string Sql() const;  // "" or " WHERE (...) AND (...)"
  // The WHERE clauses of disjoint queries whose union of rows is Sql()'s: one per branch of the
  // clause given to AndBranches(), with every other clause; {Sql()} when there is none.
  std::vector<std::string> Branches() const;
  void BindTo(sql::Stmt& st) const;
  int64_t count() const { return static_cast<int64_t>(values_.size()); }

 private:
  std::vector<std::string> clauses_;
  size_t branched_ = 0;  // the clause in clauses_ that branches_ write, when any
  std::vector<std::string> branches_;
  std::vector<std::variant<int64_t, std::string>> values_;
};

// The conditions of `f` on the events table aliased `e` (its mentions, limit, cursor and parse
// fields aside). InvalidArgument for a malformed value (a bad full-text query).
Result<Where> BuildWhere(Store& store, const EventFilter& f);

// Runs the full-text query `q` once so that a syntax error is reported as the user's mistake
// (InvalidArgument) rather than as a database failure.
Status CheckFts(Store& store, const std::string& q);

// Whether the store knows each event's head — its first (lowest id) mention: events.head, schema
// version 4 — and no event has a mention whose actors (source and target, codes and countries)
// differ from its head's (events.odd). Then a filter on the dyad alone matches all of an event's
// mentions or none, so the first matching mention of every matching event is its head, and
// ForEachEvent and BuildTimeline can read the heads (index events_heads) instead of grouping
// every matching mention. Two index probes.
Result<bool> HeadsUsable(Store& store);

}  // namespace dragoman::query_internal

#endif  // DRAGOMAN_STORE_QUERY_WHERE_H_
