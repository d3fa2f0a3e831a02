// Event <-> JSON and Event -> CSV/TSV rows: the output contract (doc/output.md, field by field).
//
// JSONL field order is fixed (doc, doc_date, doc_date_source, sentence, text, span, source, target,
// cameo, plover, goldstein, quad, date, date_source, negated, mood, location, quantity, speaker,
// rule) so that golden files diff cleanly. Absent values are JSON null.
//
// Thread-safety: stateless functions.
#ifndef DRAGOMAN_OUTPUT_EVENT_JSON_H_
#define DRAGOMAN_OUTPUT_EVENT_JSON_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "events/event.h"

namespace dragoman {

// nlohmann::ordered_json keeps the contract's field order.
using Json = nlohmann::ordered_json;

Json ActorToJson(const ActorRef& a);
Json EventToJson(const Event& e);
// One JSONL line (no trailing newline): EventToJson(e) serialised, written directly.
std::string EventToJsonLine(const Event& e);
// The same line appended to `out` (no trailing newline), for writers that reuse one buffer.
void AppendEventJson(const Event& e, std::string* out);
// `s` as a JSON string, quoted and escaped exactly as Json(s).dump() writes it (invalid UTF-8
// replaced by U+FFFD), appended to `out`.
void AppendJsonString(std::string_view s, std::string* out);

// Inverse of EventToJson; InvalidArgument naming the first missing/ill-typed field.
Result<ActorRef> ActorFromJson(const Json& j);
Result<Event> EventFromJson(const Json& j);

// Flat columns for CSV/TSV (header names in the same order as the values).
const std::vector<std::string>& EventColumns();
std::vector<std::string> EventRow(const Event& e);

// RFC 4180 quoting for one CSV field; TSV fields get tabs/newlines replaced by spaces.
std::string CsvField(const std::string& s);
std::string TsvField(const std::string& s);

}  // namespace dragoman

#endif  // DRAGOMAN_OUTPUT_EVENT_JSON_H_
