// Questions asked of the corpus store: event lists, timelines, actors, full-text search and the
// evidence behind one event. Every user-supplied value reaches SQL as a bound parameter.
//
// "Event" below means a real-world event (an event_groups row, identified by its event_id); each
// has one or more MENTIONS (events rows: one coded event from one sentence of one document).
//
// Thread-safety: like the Store they take, one thread at a time.
#ifndef DRAGOMAN_STORE_QUERY_H_
#define DRAGOMAN_STORE_QUERY_H_

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/date.h"
#include "base/status.h"
#include "events/event.h"
#include "store/store.h"

namespace dragoman {

// Where a page of events ends: the sort key (date, event, mention) of its last row. ForEachEvent
// with EventFilter::after set resumes right after that row, so paging costs nothing per page
// already read and a row is never skipped or repeated while the matching rows stay the same.
struct EventCursor {
  std::optional<int64_t> day;  // days since 1970-01-01 of the row's date; nullopt: undated
  int64_t event_id = 0;
  int64_t mention_id = 0;
};

// Which events to return. Empty/unset fields do not filter. A real-world event matches when any
// of its mentions matches every filter.
// Bounds on a full-text query (`search` words, `events --text`; doc/cli.md, "Resource limits").
// FTS5's cost grows faster than linearly with the number of terms (issue 12 row 3: 400 ORs took
// 2.8 s, 2,000 words over a minute), so a longer query is refused before it reaches SQLite.
struct QueryLimits {
  size_t max_bytes = 1024;  // of the words as given
  size_t max_terms = 32;    // white-space separated words, the operators AND, OR, NOT aside
};

// InvalidArgument "search query has N words; at most M are allowed (--max-query-terms)" or
// "search query is N bytes long; at most M are allowed (--max-query-bytes)" when `words` is over
// a limit; OK otherwise.
Status CheckQueryLimits(std::string_view words, const QueryLimits& limits);

struct EventFilter {
  // Two actor selectors (a country "AZE", a code "AZEGOV" or a code prefix); the event's source
  // must match one and its target the other (either direction unless `directed`).
  std::optional<std::pair<std::string, std::string>> dyad;
  bool directed = false;
  // Source or target matches: a code/country as above, or a name or surface text containing
  // `actor` (case-insensitive for ASCII letters).
  std::string actor;
  // A PLOVER type ("CONSULT"), a CAMEO code prefix ("04", "043") or a quad class
  // ("verbal_coop", ...).
  std::string type;
  std::optional<PartialDate> since, until;  // inclusive; the whole period of a partial date
  bool negated_only = false;
  std::string location;   // place name containing this, or a location country code
  std::string text;       // words that must all occur in the sentence (full-text index)
  QueryLimits text_limits;  // bounds on `text` (CheckQueryLimits)
  bool mentions = false;  // one row per mention instead of one per real-world event
  int64_t limit = 0;      // 0: no limit
  // Only rows after this one in the result order (a cursor from CursorOf() on an earlier page of
  // the same filter).
  std::optional<EventCursor> after;
  // false: StoredEvent::event is left empty and only StoredEvent::json is filled, for callers
  // that print the stored JSON as it is (the JSONL printer): parsing is most of such a query.
  bool parse = true;
};

struct StoredEvent {
  int64_t event_id = 0;    // the real-world event
  int64_t mention_id = 0;  // the mention shown: the first matching one in event mode
  Event event;             // that mention, exactly as the coder produced it (EventFilter::parse)
  std::string json;        // the same mention as stored: its JSON line (doc/output.md)
  int mentions = 0;        // GDELT NumMentions: mentions of the real-world event
  int articles = 0;        // GDELT NumArticles: distinct documents
  int sources = 0;         // GDELT NumSources: distinct outlets
  std::string url;         // the shown mention's document URL ("" when none)
  std::string added;       // when its document was ingested: "YYYY-MM-DDTHH:MM:SSZ"
  std::optional<int64_t> day;  // the shown mention's effective date in days since 1970-01-01
};

// The cursor that resumes a listing after `row`.
inline EventCursor CursorOf(const StoredEvent& row) {
  return EventCursor{row.day, row.event_id, row.mention_id};
}

// Calls `fn` for each matching row, ordered by date (undated last), then id. Stops at the first
// non-OK status `fn` returns and returns it. InvalidArgument for a malformed filter value.
Status ForEachEvent(Store& store, const EventFilter& filter,
                    const std::function<Status(const StoredEvent&)>& fn);
Result<std::vector<StoredEvent>> QueryEvents(Store& store, const EventFilter& filter);

// The FTS5 query for the user's words: each word quoted (so "U.S." or "Aliyev's" are literal
// words, never query syntax), all required. A query already written in FTS5 syntax (containing
// '"', '*', or the operators AND/OR/NOT/NEAR) is passed through unchanged.
std::string FtsQuery(std::string_view words);

// Timelines -----------------------------------------------------------------------------------

enum class Period { kDay, kWeek, kMonth, kYear };
std::optional<Period> ParsePeriod(std::string_view s);  // "day", "week", "month", "year"
// The period label of a date: "2025-02-04", "2025-W06" (ISO week), "2025-02", "2025"; "" when
// `date` is less precise than the period requires (e.g. "2025" by month).
std::string PeriodLabel(std::string_view date, Period period);

inline constexpr std::array<const char*, 4> kQuadClasses = {"verbal_coop", "material_coop",
                                                            "verbal_conflict", "material_conflict"};

struct TimelineCell {
  std::string period;  // PeriodLabel
  bool a_to_b = true;  // direction: source matches A and target B, or the reverse
  int events = 0;      // real-world events
  std::map<std::string, int> by_plover;
  double goldstein_sum = 0;
  std::array<int, 4> quads{};  // counts per kQuadClasses entry
  double goldstein_mean() const { return events ? goldstein_sum / events : 0; }
};

struct Timeline {
  std::string a, b;
  Period period = Period::kYear;
  std::vector<TimelineCell> cells;  // by period, then A->B before B->A
  int undated = 0;                  // events left out: no date at all
  int too_coarse = 0;               // events left out: dated less precisely than the period
};

// Counts the real-world events between A and B. Unless `include_all`, only asserted, non-negated
// events count (a denied or planned meeting is not a meeting).
Result<Timeline> BuildTimeline(Store& store, const std::string& a, const std::string& b,
                               Period period, bool include_all);

// The same over any store's event listing (the PostgreSQL store, store/pg/pg_store.h):
// `for_each` calls its function for each event matching the filter, as ForEachEvent does.
using EventSource = std::function<Status(const EventFilter&,
                                         const std::function<Status(const StoredEvent&)>&)>;
Result<Timeline> BuildTimelineWith(const EventSource& for_each, const std::string& a,
                                   const std::string& b, Period period, bool include_all);

// Actors --------------------------------------------------------------------------------------

struct ActorSeen {
  std::string name;  // a person's name, "" for countries and institutions
  std::string code;  // the role the actor was coded in: "AZEGOV"
  std::string country, sector;
  std::string first, last;  // dates the role was observed (document dates), "" when undated
  int mentions = 0, documents = 0;
  std::string roles;    // "source,target,speaker" (those seen)
  std::string example;  // one surface text
};

// Actors seen, optionally those of one country (or code prefix): one row per (name, code).
Result<std::vector<ActorSeen>> ListActors(Store& store, const std::string& country);

// Search --------------------------------------------------------------------------------------

struct EventBrief {
  int64_t event_id = 0;
  std::string source, target, cameo, plover;
  bool negated = false;
};

struct SearchHit {
  std::string doc, doc_date;
  int sentence = 0;
  std::string highlighted;  // the sentence with matches wrapped in the given marks
  std::vector<EventBrief> events;
};

// Full-text search over every stored sentence, best matches first. InvalidArgument when the
// query is not valid FTS5 syntax or is over `limits`.
Result<std::vector<SearchHit>> Search(Store& store, std::string_view query, std::string_view open,
                                      std::string_view close, int limit,
                                      const QueryLimits& limits = {});

// Dyads ---------------------------------------------------------------------------------------

struct DyadCount {
  std::string source, target;  // countries (ISO alpha-3)
  int events = 0;              // real-world events from source to target
  double goldstein_sum = 0;
};

// The directed country pairs among the real-world events matching `filter` (its `mentions`,
// `limit` and `after` are ignored), busiest first, at most `limit` (0: all). Events without a
// source or target country, and those within one country, are left out. InvalidArgument for a
// malformed filter value, as ForEachEvent.
Result<std::vector<DyadCount>> ListDyads(Store& store, const EventFilter& filter, int limit);

// Evidence ------------------------------------------------------------------------------------

struct MentionEvidence {
  int64_t mention_id = 0;
  Event event;
  std::string doc_url, doc_title, doc_source, doc_origin;
  std::string span_text;  // the document bytes [span_begin, span_end)
};

struct EventEvidence {
  int64_t event_id = 0;
  int articles = 0, sources = 0;
  std::vector<MentionEvidence> mentions;  // first mention first
};

// NotFound when there is no such event.
Result<EventEvidence> ShowEvent(Store& store, int64_t event_id);

// Documents -----------------------------------------------------------------------------------

struct DocumentEvent {
  int64_t event_id = 0;
  int64_t mention_id = 0;
  Event event;  // its span and its actors' spans are byte offsets into the document text
};

struct StoredDocument {
  std::string id;  // Document::id (doc_key)
  std::string title, url, source, origin;
  std::string date, date_source;  // "" / "none" when undated
  std::string added;              // when ingested: "YYYY-MM-DDTHH:MM:SSZ"
  std::string text;
  std::vector<SentenceSpan> sentences;  // the stored sentences, in order
  std::vector<DocumentEvent> events;    // every mention coded in it, in document order
};

// One stored document with its sentences and coded events. NotFound when no document has this
// id.
Result<StoredDocument> GetDocument(Store& store, std::string_view id);

// Change detection ----------------------------------------------------------------------------

// A number that changes whenever another connection or process commits to the corpus (SQLite's
// PRAGMA data_version): a cache of answers read through `store` is current while it stays the
// same. Commits made through `store` itself do not change it. Cheap (no disk access).
Result<int64_t> DataVersion(Store& store);

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_QUERY_H_
