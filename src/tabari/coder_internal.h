// Helpers shared by the files of TabariCoder (coder.h): coder.cc (tokenizing, the driver, the
// events emitted), coder_noun_phrases.cc (actors, agents, pronouns, compounds),
// coder_patterns.cc (verb pattern matching) and coder_clauses.cc (asides, verbs, clauses,
// source and target). Not part of the public interface.
#ifndef DRAGOMAN_TABARI_CODER_INTERNAL_H_
#define DRAGOMAN_TABARI_CODER_INTERNAL_H_

#include <string_view>

namespace dragoman::tabari::coder_internal {

inline bool IsDeterminer(std::string_view t) { return t == "THE" || t == "A" || t == "AN"; }

}  // namespace dragoman::tabari::coder_internal

#endif  // DRAGOMAN_TABARI_CODER_INTERNAL_H_
