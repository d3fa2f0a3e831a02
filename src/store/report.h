// How the query commands print their answers: a readable table (for people at a terminal) or a
// machine format (JSON Lines, CSV, JSON). doc/store.md documents each format field by field.
//
// Every printer writes to a caller's std::ostream and returns Status::Io when the stream fails
// (the CLI treats a closed pipe as success). Terminal styling (ANSI bold for highlights, block
// characters in charts) is used only when `terminal` is true.
//
// Thread-safety: one printer per thread; the stream must outlive the printer.
#ifndef DRAGOMAN_STORE_REPORT_H_
#define DRAGOMAN_STORE_REPORT_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "output/event_json.h"
#include "store/query.h"

namespace dragoman {

enum class ReportFormat { kTable, kJsonl, kCsv, kJson };
// "table", "jsonl", "csv", "json"; nullopt otherwise.
std::optional<ReportFormat> ParseReportFormat(std::string_view s);

// A stored event as JSON: the coder's event object (doc/output.md) followed by event_id,
// mention_id, mentions, articles, sources, url and added.
Json StoredEventToJson(const StoredEvent& r);

// The JSON objects of the other answers, shared by the printers below and by the HTTP API (so
// that both give the same numbers). Field by field in doc/store.md.
Json TimelineToJson(const Timeline& t);
Json ActorSeenToJson(const ActorSeen& a);
Json SearchHitToJson(const SearchHit& h);
Json EvidenceToJson(const EventEvidence& ev);

// Streams events: table (one line each, the sentence cut to `width` columns), jsonl, or csv
// (GDELT-like columns, store/gdelt.h, with a header row).
class EventPrinter {
 public:
  EventPrinter(std::ostream& out, ReportFormat format, bool terminal, int width = 120);
  Status Print(const StoredEvent& r);
  // Ends the output (a table prints its row count). REQUIRES: called once, after the last row.
  Status Finish();

 private:
  std::ostream& out_;
  ReportFormat format_;
  bool terminal_;
  int width_;
  bool header_done_ = false;
  int rows_ = 0;
};

Status PrintTimeline(std::ostream& out, const Timeline& t, ReportFormat format, bool terminal);
Status PrintActors(std::ostream& out, const std::vector<ActorSeen>& actors, ReportFormat format);
Status PrintSearch(std::ostream& out, const std::vector<SearchHit>& hits, ReportFormat format);
// kTable: the evidence as readable text; kJson: one JSON object.
Status PrintEvidence(std::ostream& out, const EventEvidence& ev, ReportFormat format,
                     bool terminal);

// Cuts UTF-8 text to at most `columns` code points, ending with "…" when cut; never splits a
// character. Newlines and tabs become spaces.
std::string FitColumns(std::string_view s, size_t columns);

}  // namespace dragoman

#endif  // DRAGOMAN_STORE_REPORT_H_
