// Loading and compiling the actor dictionaries: Load() drives the loaders of each file kind
// (dictionary_files.cc); here are the trie, longest-match lookup and the questions the resolver
// asks of the loaded data.
//
// Every phrase of every file is tokenised by the text stage (TextAnalyzer::Analyze on the
// phrase alone), so entries and document text are split and folded identically; the build does
// that once and Load() reads the result from a compiled table (actors/compiled_phrases.h). The phrases go
// into one trie whose edges are Token::norm strings; a node holds the entries whose phrase ends
// there. Each node keeps its edges sorted, so lookup is a binary search over string_views and
// matching never allocates; the root, which every token of every sentence is looked up in and
// which has an edge per first word of every phrase, has a hash index instead of edges.
#include "actors/dictionary.h"

#include "actors/compiled_phrases.h"

#include <algorithm>
#include <filesystem>

#include "base/data_file.h"

namespace dragoman {

namespace {

// Lemmas stand in for plural nouns ("ministries" -> "ministry"), not for verb forms
// ("convicted" must not match the role "convict").
bool LemmaUsable(const Token& t) {
  std::string_view n = t.norm;
  auto ends = [&](std::string_view suf) {
    return n.size() > suf.size() && n.substr(n.size() - suf.size()) == suf;
  };
  return !ends("ed") && !ends("ing");
}

}  // namespace

Result<std::shared_ptr<const ActorDictionary>> ActorDictionaryHandle::Load(
    const ActorConfig& config, const TextAnalyzer& text) {
  return ActorDictionary::Load(config, text);
}

ActorDictionary::ActorDictionary() { nodes_.emplace_back(); }

Result<std::shared_ptr<const ActorDictionary>> ActorDictionary::Load(const ActorConfig& config,
                                                                     const TextAnalyzer& text) {
  std::shared_ptr<ActorDictionary> d(new ActorDictionary());
  const std::string dir = config.data_dir + "/actors/";
  // With a sink, a file that cannot be loaded is recorded and the next one is loaded.
  DataProblems* const sink = d->problems_ = config.problems;
  // Each phrase's tokens come from the build's compiled table when it has them (start-up then
  // analyses nothing), else from the text analyzer (actors/compiled_phrases.h).
  ChosenPhrases compiled;
  if (config.phrase_analyser == nullptr) compiled = ChooseCompiledPhrases(config);
  PhraseAnalyser own(text, compiled.table.get());
  d->phrases_ = config.phrase_analyser != nullptr ? config.phrase_analyser : &own;
  if (compiled.table != nullptr) {
    // Sized once from the table's phrase count (entries are about as many as phrases, trie
    // nodes fewer than twice as many), so that loading does not move every entry, node and
    // root key again each time a vector or the hash table grows. A hint only.
    const size_t n = compiled.table->size();
    d->entries_.reserve(n + n / 4);
    d->nodes_.reserve(2 * n);
    d->root_index_.reserve(n);
  }
  DRAGOMAN_RETURN_IF_ERROR(Report(sink, d->LoadIsoCodes(config, text)));
  DRAGOMAN_RETURN_IF_ERROR(Report(sink, d->LoadCountries(dir + "countries.txt", text)));
  DRAGOMAN_RETURN_IF_ERROR(Report(sink, d->LoadRoles(dir + "roles.txt", text)));
  DRAGOMAN_RETURN_IF_ERROR(Report(sink, d->LoadOrgs(dir + "igos.txt", text, /*igo_file=*/true)));
  DRAGOMAN_RETURN_IF_ERROR(Report(sink, d->LoadOrgs(dir + "groups.txt", text, /*igo_file=*/false)));
  DRAGOMAN_RETURN_IF_ERROR(Report(sink, d->LoadReferences(dir + "references.txt", text)));
  DRAGOMAN_RETURN_IF_ERROR(Report(sink, d->LoadGeneric(dir + "generic.txt")));
  DRAGOMAN_RETURN_IF_ERROR(Report(sink, d->LoadWords(config.data_dir + "/lexicon", config.lexicon)));
  // people/*.txt: the file list is data too (people/index.txt), so no directory walking.
  auto index = ReadDataFile(dir + "people/index.txt");
  if (!index.ok()) return index.status();
  const std::string index_path = dir + "people/index.txt";
  Status st = ForEachDataLine(*index, sink, [&](int line, std::string_view name) -> Status {
    if (name.find('/') != std::string_view::npos || name.find("..") != std::string_view::npos) {
      return DataError(index_path, line, "file names must be plain names in people/");
    }
    if (!std::filesystem::exists(dir + "people/" + std::string(name))) {
      return DataError(index_path, line, "no such file '" + std::string(name) + "'");
    }
    return d->LoadPeople(dir + "people/" + std::string(name), text);
  });
  DRAGOMAN_RETURN_IF_ERROR(st);
  d->phrase_stats_ = {compiled.path, compiled.passed_over, d->phrases_->found(),
                      d->phrases_->analysed()};
  d->phrases_ = nullptr;
  return std::shared_ptr<const ActorDictionary>(std::move(d));
}

int ActorDictionary::Child(int node, std::string_view key) const {
  if (node == 0) {
    auto it = root_index_.find(key);
    return it == root_index_.end() ? -1 : it->second;
  }
  const auto& edges = nodes_[node].edges;
  auto it = std::lower_bound(edges.begin(), edges.end(), key,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  if (it == edges.end() || it->first != key) return -1;
  return it->second;
}

int ActorDictionary::AddChild(int node, std::string_view key) {
  int found = Child(node, key);
  if (found >= 0) return found;
  int id = static_cast<int>(nodes_.size());
  nodes_.emplace_back();
  if (node == 0) {
    // The root has an edge per first word of every phrase and is only ever looked up through
    // its hash index, so its edge vector stays empty (keeping it sorted was quadratic, and
    // filling it and sorting it once at the end still cost ~4 M instructions of start-up).
    root_index_.emplace(std::string(key), id);
    return id;
  }
  auto& edges = nodes_[node].edges;
  auto it = std::lower_bound(edges.begin(), edges.end(), key,
                             [](const auto& e, std::string_view k) { return e.first < k; });
  edges.insert(it, {std::string(key), id});
  return id;
}

Status ActorDictionary::AddPhrase(const TextAnalyzer& text, std::string_view phrase, DictEntry e) {
  const std::vector<PhraseToken>& toks = phrases_->Tokens(phrase);
  if (toks.empty()) return Status::BadData("empty phrase");
  e.phrase.assign(phrase);
  e.caps.reserve(toks.size());
  const bool case_sensitive = e.kind != EntryKind::kPersonRole && e.kind != EntryKind::kGroupRole &&
                              e.kind != EntryKind::kInstitution && e.kind != EntryKind::kReference;
  int node = 0;
  for (const PhraseToken& t : toks) {
    node = AddChild(node, t.norm);
    uint8_t cap = 0;
    if (case_sensitive) {
      if (t.flags & Token::kAllCaps) {
        cap = 2;
      } else if (t.flags & Token::kCapitalized) {
        cap = 1;
      }
    }
    e.caps.push_back(cap);
  }
  int id = static_cast<int>(entries_.size());
  entries_.push_back(std::move(e));
  nodes_[node].entries.push_back(id);
  return Status::Ok();
}

int ActorDictionary::LongestMatch(std::span<const Token> tokens, size_t i,
                                  std::span<const int>* entries) const {
  int best_len = 0;
  Walk(0, tokens, i, i, &best_len, entries);
  return best_len;
}

// Depth-first over the two keys of each token (norm, then lemma): "doctors" must reach the
// role "doctor" even though "Doctors Without Borders" put a "doctors" edge at the root.
// Depth is bounded by the longest phrase; at most two branches per token.
void ActorDictionary::Walk(int node, std::span<const Token> tokens, size_t start, size_t j,
                           int* best_len, std::span<const int>* entries) const {
  if (j >= tokens.size()) return;
  const Token& t = tokens[j];
  int next[2] = {Child(node, t.norm), -1};
  if (t.lemma != t.norm && LemmaUsable(t)) next[1] = Child(node, t.lemma);
  for (int k = 0; k < 2; ++k) {
    if (next[k] < 0) continue;
    const auto& es = nodes_[next[k]].entries;
    const int len = static_cast<int>(j - start + 1);
    if (len > *best_len) {
      for (int e : es) {
        if (Accepts(e, tokens, start)) {
          *best_len = len;
          *entries = std::span<const int>(es);
          break;
        }
      }
    }
    Walk(next[k], tokens, start, j + 1, best_len, entries);
  }
}

bool ActorDictionary::Accepts(int e, std::span<const Token> tokens, size_t i) const {
  const DictEntry& d = entries_[e];
  if (i + d.caps.size() > tokens.size()) return false;
  for (size_t k = 0; k < d.caps.size(); ++k) {
    const Token& t = tokens[i + k];
    if (d.caps[k] == 2 && !t.has(Token::kAllCaps)) return false;
    if (d.caps[k] == 1 && !t.has(Token::kCapitalized) && !t.has(Token::kAllCaps)) return false;
  }
  return true;
}

bool ActorDictionary::IsCountry(std::string_view code) const {
  return countries_.count(std::string(code)) > 0;
}

std::string_view ActorDictionary::CountryName(std::string_view code) const {
  auto it = countries_.find(std::string(code));
  return it == countries_.end() ? std::string_view() : std::string_view(it->second);
}

bool ActorDictionary::IsNotName(std::string_view norm) const {
  return std::binary_search(not_name_.begin(), not_name_.end(), norm);
}

bool ActorDictionary::IsSkipWord(std::string_view norm) const {
  return std::binary_search(skip_.begin(), skip_.end(), norm);
}

ActorDictionary::GenericCountry ActorDictionary::GenericPolicy(std::string_view sector) const {
  auto it = generic_sectors_.find(std::string(sector));
  return it == generic_sectors_.end() ? GenericCountry::kNone : it->second;
}

bool ActorDictionary::IsGenericActorRole(std::string_view sector, std::string_view role) const {
  if (GenericPolicy(sector) == GenericCountry::kNone) return false;
  auto it = generic_roles_.find(std::string(sector));
  return it == generic_roles_.end() ||
         std::binary_search(it->second.begin(), it->second.end(), role);
}

bool ActorDictionary::IsGenericRole(std::string_view lemma) const {
  return std::binary_search(generic_.begin(), generic_.end(), lemma);
}

namespace {

long FirstDay(const PartialDate& d) { return d.DaysFromEpoch(); }

long LastDay(const PartialDate& d) {
  if (d.day) return d.DaysFromEpoch();
  if (d.month) return PartialDate{d.year, d.month, DaysInMonth(d.year, d.month)}.DaysFromEpoch();
  return PartialDate{d.year, 12, 31}.DaysFromEpoch();
}

}  // namespace

PersonCoding ActorDictionary::CodePerson(int person, const std::optional<PartialDate>& date) const {
  const PersonEntry& p = people_[person];
  PersonCoding out;
  if (p.terms.empty()) return out;
  if (!date || !date->valid()) {
    // No date: the most recent term.
    const PersonTerm* best = &p.terms[0];
    for (const PersonTerm& t : p.terms) {
      if (t.start > best->start) best = &t;
    }
    return {best->country, best->sector, best->role};
  }
  const long day = FirstDay(*date);
  const PersonTerm* current = nullptr;
  const PersonTerm* last_ended = nullptr;
  const PersonTerm* first = &p.terms[0];
  for (const PersonTerm& t : p.terms) {
    if (FirstDay(t.start) < FirstDay(first->start)) first = &t;
    bool started = FirstDay(t.start) <= day;
    bool ended = t.end && LastDay(*t.end) < day;
    if (started && !ended) {
      // Several terms at once: the one that started last is the most specific.
      if (!current || t.start > current->start) current = &t;
    } else if (started && ended) {
      if (!last_ended || *t.end > *last_ended->end) last_ended = &t;
    }
  }
  if (current) return {current->country, current->sector, current->role};
  if (last_ended) return {last_ended->country, "ELI", "former " + last_ended->role};
  return {first->country, "", ""};
}

}  // namespace dragoman
