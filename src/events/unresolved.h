// Unresolved actors: a noun phrase in an event's source or target position that names no actor
// the dictionaries know, reported by its words and span with an empty code, country and sector
// (src/events/unresolved.cc; doc/output.md, "Unresolved mentions"). Everything that works on
// codes treats such an actor exactly like no actor; these helpers say which actors they are.
#ifndef DRAGOMAN_EVENTS_UNRESOLVED_H_
#define DRAGOMAN_EVENTS_UNRESOLVED_H_

#include <optional>

#include "events/event.h"

namespace dragoman {

// Whether `a` is an unresolved actor (present, with no code).
inline bool Unresolved(const std::optional<ActorRef>& a) { return a && a->code.empty(); }

inline bool HasUnresolvedActor(const Event& e) {
  return Unresolved(e.source) || Unresolved(e.target) || Unresolved(e.speaker);
}

// `e` without its unresolved actors.
inline Event CodedActorsOnly(Event e) {
  for (std::optional<ActorRef>* a : {&e.source, &e.target, &e.speaker}) {
    if (Unresolved(*a)) a->reset();
  }
  return e;
}

}  // namespace dragoman

#endif  // DRAGOMAN_EVENTS_UNRESOLVED_H_
