// The TABARI dictionaries: phrases and how a token matches a word, the candidate indexes, the
// noun and adjective lists, date-restricted actor codes, and the .project file that names the
// files. Each file kind has its loader: dictionary_actors.cc (.actors, .agents),
// dictionary_verbs.cc (.verbs: verbs, patterns, synonym sets, <TIME>), dictionary_options.cc
// (.options).
#include "tabari/dictionary.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "base/data_file.h"
#include "base/file.h"
#include "base/strings.h"
#include "tabari/dictionary_internal.h"

namespace dragoman::tabari {
namespace dictionary_internal {

// Removes a ';' comment.
std::string_view StripComment(std::string_view l) {
  size_t semi = l.find(';');
  if (semi != std::string_view::npos) l = l.substr(0, semi);
  return l;
}

// Splits "PHRASE [A] [B] " into the phrase text and the bracket bodies.
Status SplitEntry(std::string_view l, std::string_view* phrase,
                  std::vector<std::string_view>* blocks, std::string_view name, int line) {
  size_t b = l.find('[');
  *phrase = Trim(l.substr(0, b == l.npos ? l.size() : b));
  blocks->clear();
  while (b != std::string_view::npos) {
    size_t e = l.find(']', b);
    if (e == std::string_view::npos) return DataError(name, line, "unclosed '['");
    blocks->push_back(l.substr(b + 1, e - b - 1));
    b = l.find('[', e);
  }
  return Status::Ok();
}

}  // namespace dictionary_internal

bool WordMatches(const Word& w, std::string_view tok) {
  const std::string& t = w.text;
  if (tok.size() < t.size() || tok.compare(0, t.size(), t) != 0) return false;
  if (!w.exact || tok.size() == t.size()) return true;
  std::string_view rest = tok.substr(t.size());
  switch (w.endings) {
    case Word::Endings::kNone:
      return false;
    case Word::Endings::kNoun:
      return rest == "S" || rest == "ES";
    case Word::Endings::kVerb:
      if (rest == "S" || rest == "ES" || rest == "ED" || rest == "EN" || rest == "ING") return true;
      return !t.empty() && t.back() == 'E' && (rest == "D" || rest == "N");
  }
  return false;
}

Phrase ParsePhrase(std::string_view s, Word::Endings endings) {
  Phrase p;
  s = Trim(s);
  size_t i = 0;
  bool adjacent = false;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) break;
    size_t start = i;
    while (i < s.size() && s[i] != '_' && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    Word w;
    w.text = Upper(s.substr(start, i - start));
    w.endings = endings;
    if (!w.text.empty() && w.text.back() == '=') {
      w.text.pop_back();
      w.exact = true;
      w.endings = Word::Endings::kNone;
    }
    bool underscore = i < s.size() && s[i] == '_';
    if (underscore) {
      w.exact = true;
      ++i;
    }
    if (!w.text.empty()) {
      p.words.push_back(std::move(w));
      // '_' joins adjacent words, a blank lets other words intervene, in actor and verb
      // phrases alike ("WARDEN GREYFELL" matches "Warden of distant Greyfell", "HOIST BANNER"
      // matches "hoisted its old banner").
      p.adjacent.push_back(adjacent);
    }
    adjacent = underscore;
  }
  return p;
}

void Dictionaries::Index::Add(const Word& first, int32_t i) {
  // Keyed by the word itself: a token finds every entry whose first word is one of its
  // prefixes (stems, and exact words followed by an ending); MatchPhrase then checks the rule.
  stems[first.text].push_back(i);
  min_stem = std::min(min_stem, first.text.size());
  max_stem = std::max(max_stem, first.text.size());
}

void Dictionaries::Index::Find(std::string_view tok, std::vector<int32_t>* out) const {
  if (stems.empty()) return;
  size_t hi = std::min(max_stem, tok.size());
  for (size_t n = hi; n >= min_stem && n > 0; --n) {
    if (auto it = stems.find(tok.substr(0, n)); it != stems.end())
      out->insert(out->end(), it->second.begin(), it->second.end());
  }
}

void Dictionaries::Finish() {
  for (size_t i = 0; i < actors.size(); ++i)
    actor_index_.Add(actors[i].phrase.words[0], static_cast<int32_t>(i));
  for (size_t i = 0; i < agents.size(); ++i)
    agent_index_.Add(agents[i].phrase.words[0], static_cast<int32_t>(i));
  for (size_t i = 0; i < verbs.size(); ++i)
    verb_index_.Add(verbs[i].phrase.words[0], static_cast<int32_t>(i));
  // Most specific pattern first (more literal words, then longer ones); ties keep file order.
  for (auto& g : verb_groups)
    std::stable_sort(g.patterns.begin(), g.patterns.end(), [](const Pattern& a, const Pattern& b) {
      if (a.literal_words != b.literal_words) return a.literal_words > b.literal_words;
      return a.literal_chars > b.literal_chars;
    });
  std::sort(nouns.begin(), nouns.end());
  std::sort(adjectives.begin(), adjectives.end());
}

void Dictionaries::ActorCandidates(std::string_view tok, std::vector<int32_t>* out) const {
  actor_index_.Find(tok, out);
}
void Dictionaries::AgentCandidates(std::string_view tok, std::vector<int32_t>* out) const {
  agent_index_.Find(tok, out);
}
void Dictionaries::VerbCandidates(std::string_view tok, std::vector<int32_t>* out) const {
  verb_index_.Find(tok, out);
}

namespace {
bool InList(const std::vector<std::string>& list, std::string_view tok) {
  for (const auto& w : list) {
    if (!w.empty() && w.back() == '_') {
      if (tok == std::string_view(w).substr(0, w.size() - 1)) return true;
    } else if (tok.substr(0, w.size()) == w) {
      return true;
    }
  }
  return false;
}
}  // namespace

bool Dictionaries::IsNoun(std::string_view tok) const { return InList(nouns, tok); }
bool Dictionaries::IsAdjective(std::string_view tok) const { return InList(adjectives, tok); }

const DatedCode* Dictionaries::ActorCode(const ActorEntry& a, int32_t date) const {
  for (int32_t i = a.codes_begin; i < a.codes_end; ++i) {
    const DatedCode& c = actor_codes[i];
    if (c.from && date < c.from) continue;
    if (c.to && date > c.to) continue;
    return &c;
  }
  return nullptr;
}

Result<Project> ParseProject(std::string_view text, const std::string& path) {
  Project p;
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  auto resolve = [&](std::string_view f) {
    std::filesystem::path fp{std::string(f)};
    return (fp.is_absolute() ? fp : dir / fp).string();
  };
  auto lines = SplitLines(text);
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view l = Trim(lines[li]);
    if (l.empty() || l[0] != '<') continue;
    size_t e = l.find('>');
    if (e == std::string_view::npos)
      return DataError(path, static_cast<int>(li + 1), "unclosed '<' tag");
    std::string tag = Upper(l.substr(1, e - 1));
    std::string_view value = Trim(l.substr(e + 1));
    if (tag == "ACTORSFILE")
      p.actors_files.push_back(resolve(value));
    else if (tag == "VERBSFILE")
      p.verbs_files.push_back(resolve(value));
    else if (tag == "AGENTSFILE")
      p.agents_files.push_back(resolve(value));
    else if (tag == "OPTIONSFILE")
      p.options_files.push_back(resolve(value));
    else if (tag == "TEXTFILE")
      p.text_file = resolve(value);
  }
  if (p.actors_files.empty() || p.verbs_files.empty())
    return Status::BadData(path + ": project names no <actorsfile> or no <verbsfile>");
  return p;
}

Result<Dictionaries> LoadProjectDictionaries(const Project& project) {
  Dictionaries d;
  auto load = [&](const std::vector<std::string>& files,
                  Status (Dictionaries::*fn)(std::string_view, std::string_view)) -> Status {
    for (const auto& f : files) {
      auto text = ReadFile(f);
      if (!text.ok()) return Status::BadData(text.status().message());
      DRAGOMAN_RETURN_IF_ERROR((d.*fn)(*text, f));
    }
    return Status::Ok();
  };
  DRAGOMAN_RETURN_IF_ERROR(load(project.options_files, &Dictionaries::LoadOptions));
  DRAGOMAN_RETURN_IF_ERROR(load(project.actors_files, &Dictionaries::LoadActors));
  DRAGOMAN_RETURN_IF_ERROR(load(project.agents_files, &Dictionaries::LoadAgents));
  DRAGOMAN_RETURN_IF_ERROR(load(project.verbs_files, &Dictionaries::LoadVerbs));
  d.Finish();
  return d;
}

}  // namespace dragoman::tabari
