#include "store/gdelt.h"

#include <cmath>
#include <cstdio>

#include "base/date.h"

namespace dragoman {

namespace {

std::string Number(double v, int decimals) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

int QuadClass(const std::string& quad) {
  for (size_t i = 0; i < kQuadClasses.size(); ++i) {
    if (quad == kQuadClasses[i]) return static_cast<int>(i) + 1;
  }
  return 0;
}

// Actor<n>Code .. Actor<n>Type3Code (10 columns).
void AddActor(std::vector<std::string>& row, const std::optional<ActorRef>& a) {
  if (!a) {
    row.insert(row.end(), 10, "");
    return;
  }
  row.push_back(a->code);
  row.push_back(a->name.empty() ? a->text : a->name);
  row.push_back(a->country);
  row.insert(row.end(), 4, "");  // KnownGroup, Ethnic, Religion1, Religion2
  row.push_back(a->sector);      // Type1Code
  row.insert(row.end(), 2, "");  // Type2Code, Type3Code
}

// <prefix>Geo_Type .. <prefix>Geo_FeatureID (8 columns).
void AddGeo(std::vector<std::string>& row, const std::optional<Location>& l) {
  if (!l) {
    row.insert(row.end(), 8, "");
    return;
  }
  // GDELT geo types: 1 country, 4 world city/landmark.
  bool point = l->lat && l->lon;
  row.push_back(point ? "4" : "1");
  row.push_back(l->name);
  row.push_back(l->country);
  row.insert(row.end(), 2, "");  // ADM1, ADM2
  row.push_back(point ? Number(*l->lat, 4) : "");
  row.push_back(point ? Number(*l->lon, 4) : "");
  row.push_back("");  // FeatureID
}

}  // namespace

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    for (const char* n : {"Actor1", "Actor2"}) {
      for (const char* f :
           {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}) {
        c.push_back(std::string(n) + f);
      }
    }
    for (const char* f :
         {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"}) {
      c.push_back(f);
    }
    for (const char* n : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat",
                            "Long", "FeatureID"}) {
        c.push_back(std::string(n) + f);
      }
    }
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    // dragoman's own columns.
    for (const char* f : {"MentionID", "DragomanDate", "DateSource", "Plover", "Quad", "Negated",
                          "Mood", "DocID", "Sentence", "SpanBegin", "SpanEnd", "Text", "Rule"}) {
      c.push_back(f);
    }
    return c;
  }();
  return kColumns;
}

std::vector<std::string> GdeltRow(const StoredEvent& r) {
  const Event& e = r.event;
  std::vector<std::string> row;
  row.reserve(GdeltColumns().size());
  row.push_back(std::to_string(r.event_id));
  std::string date = EffectiveDate(e);
  auto d = PartialDate::Parse(date);
  if (d && d->valid()) {
    int month = d->month ? d->month : 1;
    int day = d->day ? d->day : 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", d->year, month, day);
    row.push_back(buf);
    row.push_back(std::string(buf, 6));
    row.push_back(std::string(buf, 4));
    long doy = PartialDate{d->year, month, day}.DaysFromEpoch() -
               PartialDate{d->year, 1, 1}.DaysFromEpoch() + 1;
    std::snprintf(buf, sizeof buf, "%.4f", d->year + static_cast<double>(doy) / 365.0);
    row.push_back(buf);
  } else {
    row.insert(row.end(), 4, "");
  }
  AddActor(row, e.source);
  AddActor(row, e.target);
  // GDELT marks events from the lead paragraph; dragoman uses the first three sentences.
  row.push_back(e.sentence < 3 ? "1" : "0");
  row.push_back(e.cameo);
  row.push_back(e.cameo.substr(0, 3));
  row.push_back(e.cameo.substr(0, 2));
  int quad = QuadClass(e.quad);
  row.push_back(quad ? std::to_string(quad) : "");
  row.push_back(Number(e.goldstein, 1));
  row.push_back(std::to_string(r.mentions));
  row.push_back(std::to_string(r.sources));
  row.push_back(std::to_string(r.articles));
  row.push_back("");  // AvgTone
  AddGeo(row, std::nullopt);
  AddGeo(row, std::nullopt);
  AddGeo(row, e.location);
  std::string added;
  for (char c : r.added) {
    if (c >= '0' && c <= '9') added.push_back(c);
  }
  row.push_back(added);
  row.push_back(r.url);
  row.push_back(std::to_string(r.mention_id));
  row.push_back(date);
  row.push_back(e.date.empty() ? (e.doc_date.empty() ? "" : "document") : e.date_source);
  row.push_back(e.plover);
  row.push_back(e.quad);
  row.push_back(e.negated ? "1" : "0");
  row.push_back(std::string(MoodName(e.mood)));
  row.push_back(e.doc);
  row.push_back(std::to_string(e.sentence));
  row.push_back(std::to_string(e.span_begin));
  row.push_back(std::to_string(e.span_end));
  row.push_back(e.text);
  row.push_back(e.rule);
  return row;
}

}  // namespace dragoman
