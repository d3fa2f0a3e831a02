// Event: one coded event, the unit of dragoman's output contract (doc/output.md describes every
// field as it appears in JSONL/CSV/TSV).
#ifndef DRAGOMAN_EVENTS_EVENT_H_
#define DRAGOMAN_EVENTS_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "actors/actor.h"

namespace dragoman {

struct Location {
  std::string name;
  std::string country;  // ISO alpha-3 or ""
  std::optional<double> lat, lon;
};

struct Quantity {
  double value = 0;
  std::string unit;
};

// How an event is stated.
enum class Mood {
  kAsserted,      // stated as having happened / happening
  kIntended,      // intention, plan, promise, wish ("plans to visit", "hopes to host")
  kHypothetical,  // condition, possibility ("could sever", "if ... then")
  kQuestion,      // asked, not stated
};
// "asserted", "intended", "hypothetical", "question"
inline std::string_view MoodName(Mood m) {
  switch (m) {
    case Mood::kAsserted:
      return "asserted";
    case Mood::kIntended:
      return "intended";
    case Mood::kHypothetical:
      return "hypothetical";
    case Mood::kQuestion:
      return "question";
  }
  return "asserted";
}

struct Event {
  // Where it came from.
  std::string doc;              // document id
  std::string doc_date;         // "YYYY-MM-DD" or "" (null)
  std::string doc_date_source;  // DateSourceName()
  int sentence = 0;             // sentence index in the document
  std::string text;             // the sentence text, exactly as in the document
  uint32_t span_begin = 0;      // byte span in the document text of the words that state the
  uint32_t span_end = 0;        // event (from the first to the last matched token)

  // Who did what to whom.
  std::optional<ActorRef> source;
  std::optional<ActorRef> target;
  std::string cameo;   // "043"
  std::string plover;  // "CONSULT"
  double goldstein = 0;
  std::string quad;  // "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"

  // When, where, how much, how stated.
  std::string date;         // "YYYY-MM-DD", "YYYY-MM", "YYYY" or "" (null)
  std::string date_source;  // "text" (a date expression in the sentence) or "document"
  bool negated = false;
  Mood mood = Mood::kAsserted;
  std::optional<Location> location;
  std::optional<Quantity> quantity;
  std::optional<ActorRef> speaker;  // who said it, for reported speech

  // Why.
  std::string rule;      // the pattern that fired: "verbs.txt:120 meet with +"
  bool nominal = false;  // stated by an event noun ("the attack on ..."), often background
};

}  // namespace dragoman

#endif  // DRAGOMAN_EVENTS_EVENT_H_
