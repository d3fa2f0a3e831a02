// The word classes the resolver reads around actor phrases (ActorWords, dictionary.h): asked
// for once, when the dictionary loads, so that a class missing from data/lexicon/ is a BadData
// error at start-up rather than a silent "no" while coding.
#include <string>
#include <string_view>
#include <utility>

#include "actors/dictionary.h"

namespace dragoman {

Status ActorDictionary::LoadWords(const std::string& lexicon_dir,
                                  std::shared_ptr<const Lexicon> given) {
  if (given) {
    lexicon_ = std::move(given);
  } else {
    DRAGOMAN_ASSIGN_OR_RETURN(Lexicon read, Lexicon::Load(lexicon_dir));
    lexicon_ = std::make_shared<const Lexicon>(std::move(read));
  }
  const std::pair<ClassId*, std::string_view> wanted[] = {
      {&words_.definite_article, "definite_article"},
      {&words_.appositive_article, "appositive_article"},
      {&words_.complement_preposition, "complement_preposition"},
      {&words_.preposition_of, "preposition_of"},
      {&words_.preposition_to, "to"},
      {&words_.area_preposition, "area_preposition"},
      {&words_.coordinator, "conjunction_and"},
      {&words_.plural_determiner, "plural_determiner"},
      {&words_.pair_word, "pair_word"},
      {&words_.former_marker, "former_marker"},
      {&words_.ethnic_marker, "ethnic_marker"},
      {&words_.person_possessive, "person_possessive"},
      {&words_.honorific, "honorific"},
      {&words_.speaker_possessive, "speaker_possessive"},
      {&words_.homeland_noun, "homeland_noun"},
      {&words_.possessive_determiner, "possessive_determiner"},
      {&words_.possessive_clitic, "possessive_clitic"},
      {&words_.locative, "locative"},
      {&words_.name_particle, "name_particle"},
      {&words_.impersonal_verb, "impersonal_verb"},
      {&words_.it_skip, "it_skip"}};
  for (const auto& [id, name] : wanted) {
    DRAGOMAN_ASSIGN_OR_RETURN(*id, lexicon_->Class(name));
  }
  return Status::Ok();
}

}  // namespace dragoman
