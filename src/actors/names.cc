// Names: the people a document teaches (learned names and their surnames), the people it has
// mentioned so far, and the ActorRef a mention carries.
#include "actors/resolver_impl.h"

namespace dragoman {

// The helpers are this stage's own (resolver_impl.h).
using namespace resolver_internal;  // NOLINT(build/namespaces)

void ActorResolver::Impl::FillRef(ActorMention* m, const std::string& country,
                                  const std::string& sector) {
  m->actor.country = country;
  m->actor.sector = sector;
  m->actor.code = country + sector;
  m->actor.text = Text(m->token_begin, m->token_end);
  m->actor.begin = toks[m->token_begin].begin;
  m->actor.end = toks[m->token_end - 1].end;
}

int ActorResolver::Impl::LearnName(int begin, int end, const std::string& country,
                                   const std::string& sector, const std::string& role,
                                   int dict_person) {
  std::string name = dict_person >= 0 ? dict->person(dict_person).name : Text(begin, end);
  for (size_t l = 0; l < learned.size(); ++l) {
    if (learned[l].name == name) {
      learned[l].country = country;
      learned[l].sector = sector;
      if (!role.empty()) learned[l].role = role;
      return static_cast<int>(l);
    }
  }
  Learned p;
  p.name = name;
  p.country = country;
  p.sector = sector;
  p.role = role;
  p.dict_person = dict_person;
  if (dict_person < 0) {
    std::vector<std::string> full;
    for (int k = begin; k < end; ++k) full.push_back(toks[k].norm);
    p.aliases.push_back(full);
    // The surname: the last word, with its hyphenated parts ("Amir-Abdollahian").
    int s = end - 1;
    while (s - 2 >= begin && toks[s - 1].norm == "-") s -= 2;
    if (s > begin)
      p.aliases.push_back(std::vector<std::string>(full.begin() + (s - begin), full.end()));
  }
  learned.push_back(std::move(p));
  return static_cast<int>(learned.size()) - 1;
}

const ActorResolver::Impl::Seen* ActorResolver::Impl::UniqueSeen(const std::string& country,
                                                                 const std::string& sector,
                                                                 const std::string& word) const {
  const Seen* found = nullptr;
  for (const Seen& p : persons) {
    if (p.ref.name.empty()) continue;
    if (!country.empty() && p.ref.country != country) continue;
    if (!sector.empty() && p.ref.sector != sector) continue;
    if (!word.empty() && !Contains(p.role, word)) continue;
    if (found && found->ref.name != p.ref.name) return nullptr;
    found = &p;
  }
  return found;
}

void ActorResolver::Impl::NotePerson(const ActorMention& m, const std::string& role) {
  persons.push_back(Seen{m.actor, Lower(role), sentence_no});
}

std::optional<ActorRef> ActorResolver::Impl::PersonFor(
    int token, const std::vector<ActorMention>& so_far) const {
  // A person earlier in this sentence, outside quotations.
  for (auto it = so_far.rbegin(); it != so_far.rend(); ++it) {
    if (it->token_end <= token && it->kind == Kind::kPerson && !quoted[it->token_begin]) {
      return it->actor;
    }
  }
  if (prev_subject) return prev_subject;
  if (!persons.empty()) return persons.back().ref;
  return std::nullopt;
}

}  // namespace dragoman
