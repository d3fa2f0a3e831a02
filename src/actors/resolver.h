// ActorResolver: the actor mentions of each sentence of one document, in document order.
//
// Resolution happens in document order: the resolver remembers people and roles it has seen
// ("Iran's Foreign Ministry spokesman Ismail Baghaei" teaches that Baghaei is IRNGOV) so that
// later mentions ("Baghaei", "he", "the Iranian minister") resolve to the same actor. The rules
// are listed in doc/actors.md; the implementation is split by pass (resolver_impl.h).
#ifndef DRAGOMAN_ACTORS_RESOLVER_H_
#define DRAGOMAN_ACTORS_RESOLVER_H_

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "actors/actor.h"
#include "base/date.h"
#include "text/analysis.h"

namespace dragoman {

// Per-document state: not thread-safe; one per document being coded.
// REQUIRES: the dictionary outlives the resolver.
class ActorResolver {
 public:
  ActorResolver(std::shared_ptr<const ActorDictionary> dict, std::optional<PartialDate> doc_date);
  ~ActorResolver();

  // Finds the actor mentions of `sentence` (in token order, non-overlapping), resolving
  // pronouns and short names against what earlier sentences taught. Call once per sentence in
  // document order.
  std::vector<ActorMention> Resolve(const Sentence& sentence, std::string_view doc_text);

  // The document's principal parties after the sentences resolved so far: the two countries
  // its actors named most, the headline and lead counted twice, when a third is named less
  // often than the second; in the order the document introduced them, each as it was last
  // named. Empty when there is no clear pair (doc/actors.md, "Principal parties").
  std::vector<ActorRef> PrincipalParties() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dragoman

#endif  // DRAGOMAN_ACTORS_RESOLVER_H_
