// Timelines (store/query.h): real-world events between two actors counted per period.
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "output/event_json.h"
#include "store/query.h"
#include "store/query_where.h"

namespace dragoman {

using query_internal::BuildWhere;
using query_internal::HeadsUsable;
using query_internal::Upper;
using query_internal::Where;

std::optional<Period> ParsePeriod(std::string_view s) {
  if (s == "day") return Period::kDay;
  if (s == "week") return Period::kWeek;
  if (s == "month") return Period::kMonth;
  if (s == "year") return Period::kYear;
  return std::nullopt;
}

std::string PeriodLabel(std::string_view date, Period period) {
  auto d = PartialDate::Parse(date);
  if (!d || !d->valid()) return "";
  switch (period) {
    case Period::kYear:
      return d->ToString().substr(0, 4);
    case Period::kMonth:
      return d->precision() == DatePrecision::kYear ? "" : d->ToString().substr(0, 7);
    case Period::kDay:
      return d->precision() == DatePrecision::kDay ? d->ToString() : "";
    case Period::kWeek: {
      if (d->precision() != DatePrecision::kDay) return "";
      // ISO 8601: the week belongs to the year of its Thursday.
      long thursday = d->DaysFromEpoch() - d->Weekday() + 3;
      PartialDate t = PartialDate::FromDays(thursday);
      long first = PartialDate{t.year, 1, 1}.DaysFromEpoch();
      long week = (thursday - first) / 7 + 1;
      std::string w = std::to_string(week);
      return std::to_string(t.year) + "-W" + (week < 10 ? "0" + w : w);
    }
  }
  return "";
}

namespace {

// What a timeline needs of an event's shown mention.
struct TimelineRow {
  bool negated = false;
  bool asserted = true;
  std::string_view date;  // EffectiveDate: "" when undated
  // Each side: present, its country (upper case, "" when none) and its code.
  bool has_source = false, has_target = false;
  std::string_view source_country, source, target_country, target;
  std::string_view plover, quad;
  double goldstein = 0;
};

// Counts events into a timeline, one row at a time (in ForEachEvent's order, so that the Goldstein
// sums add up in the same order whichever path read the rows).
class TimelineBuilder {
 public:
  TimelineBuilder(const std::string& a, const std::string& b, Period period, bool include_all)
      : include_all_(include_all) {
    t_.a = Upper(a);
    t_.b = Upper(b);
    t_.period = period;
  }
  const std::string& a() const { return t_.a; }
  const std::string& b() const { return t_.b; }

  void Add(const TimelineRow& r) {
    if (!include_all_ && (r.negated || !r.asserted)) return;
    if (r.date.empty()) {
      ++t_.undated;
      return;
    }
    // Consecutive rows mostly share their date (rows come by date): label it once.
    if (r.date != last_date_) {
      last_date_.assign(r.date);
      last_label_ = PeriodLabel(r.date, t_.period);
    }
    if (last_label_.empty()) {
      ++t_.too_coarse;
      return;
    }
    auto matches = [](bool present, std::string_view country, std::string_view code,
                      const std::string& sel) {
      if (!present) return false;
      return country == sel || code.compare(0, sel.size(), sel) == 0;
    };
    bool ab = matches(r.has_source, r.source_country, r.source, t_.a) &&
              matches(r.has_target, r.target_country, r.target, t_.b);
    TimelineCell& c = cells_[{last_label_, ab ? 0 : 1}];
    c.period = last_label_;
    c.a_to_b = ab;
    ++c.events;
    ++c.by_plover[std::string(r.plover)];
    c.goldstein_sum += r.goldstein;
    for (size_t q = 0; q < kQuadClasses.size(); ++q) {
      if (r.quad == kQuadClasses[q]) ++c.quads[q];
    }
  }

  void AddEvent(const Event& e) {
    std::string date = EffectiveDate(e);
    std::string sc = e.source ? Upper(e.source->country) : "";
    std::string tc = e.target ? Upper(e.target->country) : "";
    TimelineRow r;
    r.negated = e.negated;
    r.asserted = e.mood == Mood::kAsserted;
    r.date = date;
    r.has_source = e.source.has_value();
    r.has_target = e.target.has_value();
    r.source_country = sc;
    r.target_country = tc;
    if (e.source) r.source = e.source->code;
    if (e.target) r.target = e.target->code;
    r.plover = e.plover;
    r.quad = e.quad;
    r.goldstein = e.goldstein;
    Add(r);
  }

  Timeline Finish() {
    for (auto& [key, cell] : cells_) t_.cells.push_back(std::move(cell));
    cells_.clear();
    return std::move(t_);
  }

 private:
  const bool include_all_;
  Timeline t_;
  std::map<std::pair<std::string, int>, TimelineCell> cells_;
  std::string last_date_ = "\x01";  // no date looks like this
  std::string last_label_;
};

}  // namespace

Result<Timeline> BuildTimeline(Store& store, const std::string& a, const std::string& b,
                               Period period, bool include_all) {
  DRAGOMAN_ASSIGN_OR_RETURN(bool heads, HeadsUsable(store));
  if (!heads) {
    return BuildTimelineWith(
        [&](const EventFilter& f, const std::function<Status(const StoredEvent&)>& fn) {
          return ForEachEvent(store, f, fn);
        },
        a, b, period, include_all);
  }
  // Every event's shown mention is its head (HeadsUsable): read the heads of the dyad from the
  // events_heads index alone, in ForEachEvent's order (dated by day and event, then undated), and
  // count them without reading or parsing a row's JSON. Undated heads are few and read whole:
  // their JSON tells an undated event from one whose date did not parse (too coarse).
  TimelineBuilder tb(a, b, period, include_all);
  EventFilter f;
  f.dyad = std::make_pair(tb.a(), tb.b());
  DRAGOMAN_ASSIGN_OR_RETURN(Where w, BuildWhere(store, f));
  w.And("e.head = 1");
  Where dated = w;
  dated.And("e.day IS NOT NULL");
  if (!include_all) dated.And("e.negated = 0 AND e.mood = 'asserted'");
  DRAGOMAN_ASSIGN_OR_RETURN(
      auto st, store.db().Prepare("SELECT e.negated, e.mood, e.date, e.source_country, e.source, "
                                  "e.target_country, e.target, e.plover, e.quad, e.goldstein "
                                  "FROM events e INDEXED BY events_heads" +
                                  dated.Sql() + " ORDER BY e.day, e.grp"));
  dated.BindTo(st);
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    TimelineRow r;
    r.negated = st.Int(0) != 0;
    r.asserted = st.View(1) == "asserted";
    r.date = st.View(2);
    r.has_source = !st.IsNull(4);
    r.source_country = st.View(3);
    r.source = st.View(4);
    r.has_target = !st.IsNull(6);
    r.target_country = st.View(5);
    r.target = st.View(6);
    r.plover = st.View(7);
    r.quad = st.View(8);
    // As the stored JSON has it (output/event_json.cc: one decimal; null when not finite, read
    // back as 0), so that both paths add the same numbers.
    const double g = st.Double(9);
    r.goldstein = std::isfinite(g) ? std::round(g * 10) / 10 : 0.0;
    tb.Add(r);
  }
  w.And("e.day IS NULL");
  DRAGOMAN_ASSIGN_OR_RETURN(auto undated,
                            store.db().Prepare("SELECT e.json, e.id FROM events e INDEXED BY "
                                               "events_heads" +
                                               w.Sql() + " ORDER BY e.grp"));
  w.BindTo(undated);
  while (true) {
    DRAGOMAN_ASSIGN_OR_RETURN(bool row, undated.Step());
    if (!row) break;
    auto ev = EventFromJson(Json::parse(undated.Text(0), nullptr, /*allow_exceptions=*/false));
    if (!ev.ok()) {
      return Status::Store(store.path() + ": event " + std::to_string(undated.Int(1)) + ": " +
                           ev.status().message());
    }
    tb.AddEvent(*ev);
  }
  return tb.Finish();
}

Result<Timeline> BuildTimelineWith(const EventSource& for_each, const std::string& a,
                                   const std::string& b, Period period, bool include_all) {
  TimelineBuilder tb(a, b, period, include_all);
  EventFilter f;
  f.dyad = std::make_pair(tb.a(), tb.b());
  DRAGOMAN_RETURN_IF_ERROR(for_each(f, [&](const StoredEvent& r) {
    tb.AddEvent(r.event);
    return Status::Ok();
  }));
  return tb.Finish();
}

}  // namespace dragoman
