// Helpers shared by the loaders of the TABARI dictionary files (dictionary_actors.cc,
// dictionary_verbs.cc); defined in dictionary.cc. Not part of the public interface.
#ifndef DRAGOMAN_TABARI_DICTIONARY_INTERNAL_H_
#define DRAGOMAN_TABARI_DICTIONARY_INTERNAL_H_

#include <string_view>
#include <vector>

#include "base/status.h"

namespace dragoman::tabari::dictionary_internal {

// Removes a ';' comment.
std::string_view StripComment(std::string_view l);

// Splits "PHRASE [A] [B] " into the phrase text and the bracket bodies.
Status SplitEntry(std::string_view l, std::string_view* phrase,
                  std::vector<std::string_view>* blocks, std::string_view name, int line);

}  // namespace dragoman::tabari::dictionary_internal

#endif  // DRAGOMAN_TABARI_DICTIONARY_INTERNAL_H_
