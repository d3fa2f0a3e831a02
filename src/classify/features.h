// The features the event-type classifier reads from one sentence (doc/classify.md, "Features").
//
// A sentence becomes a set of strings, each a binary feature:
//   w=LEMMA      every word's lemma (numbers as "w=#"; punctuation skipped)
//   b=L1_L2      every pair of adjacent words' lemmas
//   r=TYPE       the PLOVER type of each event the rule coder found in the sentence ("r=-": none)
//   c=CC         the two-digit CAMEO root of each of those events
//   t=WORD       the first word of the pattern that coded each of them ("verbs.txt:345 sign|ink
//                ..4 agreement" -> "t=sign"; none for rules without FILE:LINE)
//   a=N          how many actor mentions (not places) the resolver found: 0, 1, 2 or 3 (3 or more)
//   n=LEMMA      the word right after each actor mention (usually the verb it governs)
// Feature strings are the keys of the model file (data/classify/types.model), so a model can be
// read and checked by eye: no sentence is ever stored, only single words and word pairs.
//
// Thread-safety: a pure function.
#ifndef DRAGOMAN_CLASSIFY_FEATURES_H_
#define DRAGOMAN_CLASSIFY_FEATURES_H_

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actor.h"
#include "events/event.h"
#include "text/analysis.h"

namespace dragoman {

// The feature set of `sentence` (sorted, without duplicates). `actors` are the resolver's
// mentions in the sentence, `rule_events` what the rule coder coded from it.
std::vector<std::string> TypeFeatures(const Sentence& sentence,
                                      std::span<const ActorMention> actors,
                                      std::span<const Event> rule_events);

// The same features one at a time, without building the set (the coder's fast path): `visit`
// sees each feature string (valid during the call only), possibly more than once.
void ForEachTypeFeature(const Sentence& sentence, std::span<const ActorMention> actors,
                        std::span<const Event> rule_events,
                        const std::function<void(std::string_view)>& visit);

}  // namespace dragoman

#endif  // DRAGOMAN_CLASSIFY_FEATURES_H_
