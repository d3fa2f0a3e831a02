#include "text/lemmatizer.h"

#include <string>
#include <utility>
#include <vector>

#include "base/file.h"
#include "base/lines.h"

namespace dragoman {
namespace {

std::vector<std::string_view> SplitFields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > b) out.push_back(line.substr(b, i - b));
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(const std::string& wordnet_dir,
                                                     const std::string& overrides_path) {
  std::unique_ptr<Lemmatizer> lm(new Lemmatizer());
  struct IndexFile {
    const char* name;
    Set* set;
  };
  for (const IndexFile& f :
       {IndexFile{"index.verb", &lm->verbs_}, IndexFile{"index.noun", &lm->nouns_},
        IndexFile{"index.adj", &lm->adjs_}}) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(wordnet_dir + "/" + f.name));
    f.set->reserve(text.size() / 40);
    // Each entry line starts with the lemma; the licence header lines start with spaces.
    (void)ForEachLine(text, [&](int, std::string_view line) {
      if (!line.empty() && line[0] != ' ') f.set->emplace(line.substr(0, line.find(' ')));
      return Status::Ok();
    });
    if (f.set->empty()) return Status::BadData(wordnet_dir + "/" + f.name + ": no lemmas");
  }
  struct ExcFile {
    const char* name;
    Map* map;
  };
  for (const ExcFile& f : {ExcFile{"verb.exc", &lm->verb_exc_}, ExcFile{"noun.exc", &lm->noun_exc_},
                           ExcFile{"adj.exc", &lm->adj_exc_}}) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(wordnet_dir + "/" + f.name));
    (void)ForEachLine(text, [&](int, std::string_view line) {
      std::vector<std::string_view> fields = SplitFields(line);
      if (fields.size() >= 2) f.map->emplace(std::string(fields[0]), std::string(fields[1]));
      return Status::Ok();
    });
  }
  if (!overrides_path.empty()) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(overrides_path));
    DRAGOMAN_RETURN_IF_ERROR(ForEachDataLine(text, [&](int line_no, std::string_view line) {
      auto fail = [&](const std::string& why) {
        return Status::BadData(overrides_path + ":" + std::to_string(line_no) + ": " + why);
      };
      std::vector<std::string_view> fields = SplitFields(line);
      if (fields.size() < 3 || fields.size() > 4) {
        return fail("expected 'form lemma pos [past]', got '" + std::string(line) + "'");
      }
      Override o;
      o.lemma = std::string(fields[1]);
      if (fields[2] == "verb") {
        o.pos = Pos::kVerb;
      } else if (fields[2] == "noun") {
        o.pos = Pos::kNoun;
      } else if (fields[2] == "adj") {
        o.pos = Pos::kAdj;
      } else if (fields[2] == "none") {
        o.pos = Pos::kNone;
      } else {
        return fail("unknown part of speech '" + std::string(fields[2]) +
                    "' (expected verb, noun, adj or none)");
      }
      if (fields.size() == 4) {
        if (fields[3] != "past" || o.pos != Pos::kVerb) {
          return fail("the optional fourth field must be 'past', on a verb line");
        }
        o.past = true;
      }
      for (char c : fields[0]) {
        if (c >= 'A' && c <= 'Z') {
          return fail("forms must be written in lower case (Token::norm form)");
        }
      }
      if (!lm->overrides_.emplace(std::string(fields[0]), std::move(o)).second) {
        return fail("duplicate form '" + std::string(fields[0]) + "'");
      }
      return Status::Ok();
    }));
  }
  return lm;
}

std::string Lemmatizer::Morphy(std::string_view word, const Set& lemmas, const Map& exceptions,
                               const Rule* rules, size_t rule_count) {
  if (word.empty()) return {};
  if (auto it = exceptions.find(word); it != exceptions.end()) return it->second;
  if (lemmas.find(word) != lemmas.end()) return std::string(word);
  std::string candidate;
  for (size_t i = 0; i < rule_count; ++i) {
    const Rule& r = rules[i];
    if (word.size() <= r.suffix.size() || !EndsWith(word, r.suffix)) continue;
    candidate.assign(word.substr(0, word.size() - r.suffix.size()));
    candidate.append(r.ending);
    if (lemmas.find(candidate) != lemmas.end()) return candidate;
  }
  return {};
}

const Lemmatizer::Override* Lemmatizer::FindOverride(std::string_view word) const {
  if (overrides_.empty()) return nullptr;
  auto it = overrides_.find(word);
  return it == overrides_.end() ? nullptr : &it->second;
}

std::string Lemmatizer::Verb(std::string_view word) const {
  if (const Override* o = FindOverride(word)) return o->pos == Pos::kVerb ? o->lemma : "";
  static const Rule kRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
  return Morphy(word, verbs_, verb_exc_, kRules, std::size(kRules));
}

std::string Lemmatizer::Noun(std::string_view word) const {
  if (const Override* o = FindOverride(word)) return o->pos == Pos::kNoun ? o->lemma : "";
  static const Rule kRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                                {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
  // "glass", "business": a form ending in "ss" is not a plural in "-s".
  if (EndsWith(word, "ss")) {
    return nouns_.count(word) ? std::string(word) : Morphy(word, nouns_, noun_exc_, nullptr, 0);
  }
  // WordNet lists many plurals as lemmas of their own ("relations", "talks", "arms"); for
  // matching, the singular is the more useful key, so a plural in -s that reduces to a noun
  // lemma takes that lemma.
  if (EndsWith(word, "s") && !noun_exc_.count(word)) {
    std::string singular;
    for (const Rule& r : kRules) {
      if (word.size() <= r.suffix.size() || !EndsWith(word, r.suffix)) continue;
      singular.assign(word.substr(0, word.size() - r.suffix.size()));
      singular.append(r.ending);
      if (nouns_.count(singular)) return singular;
    }
  }
  return Morphy(word, nouns_, noun_exc_, kRules, std::size(kRules));
}

std::string Lemmatizer::Adjective(std::string_view word) const {
  if (const Override* o = FindOverride(word)) return o->pos == Pos::kAdj ? o->lemma : "";
  static const Rule kRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};
  return Morphy(word, adjs_, adj_exc_, kRules, std::size(kRules));
}

bool Lemmatizer::IsVerbLemma(std::string_view lemma) const { return verbs_.count(lemma) > 0; }
bool Lemmatizer::IsNounLemma(std::string_view lemma) const { return nouns_.count(lemma) > 0; }
bool Lemmatizer::IsAdjective(std::string_view word) const { return !Adjective(word).empty(); }

bool Lemmatizer::IsVerbPastForm(std::string_view word) const {
  if (const Override* o = FindOverride(word)) return o->pos == Pos::kVerb && o->past;
  if (word.size() < 3) return false;
  if (auto it = verb_exc_.find(word); it != verb_exc_.end()) {
    // verb.exc mixes past forms ("held"), participles ("beaten"), "-ing" forms ("planning") and
    // a few present forms ending in -s ("has", "caddies"); the first two are what we want.
    if (EndsWith(word, "ing") || EndsWith(word, "s")) return false;
    // "bed bed", "red red": entries whose form is its own base and also an ordinary noun or
    // adjective are far more often that noun or adjective.
    return it->second != word || (!nouns_.count(word) && !adjs_.count(word));
  }
  if (!EndsWith(word, "ed")) return false;
  if (verbs_.count(word)) {
    // "need", "proceed": a lemma ending in -ed is a past form only if a shorter lemma exists
    // ("shed" is both) - keep it simple and trust the lemma reading.
    return false;
  }
  std::string stem(word.substr(0, word.size() - 2));
  if (verbs_.count(stem)) return true;  // "pardoned"
  stem.push_back('e');
  return verbs_.count(stem) > 0;  // "sentenced"
}

std::string Lemmatizer::Lemma(std::string_view word) const {
  if (const Override* o = FindOverride(word)) return o->lemma;
  std::string l = Verb(word);
  if (!l.empty()) return l;
  l = Noun(word);
  if (!l.empty()) return l;
  l = Adjective(word);
  if (!l.empty()) return l;
  return std::string(word);
}

Lemmatizer::WordInfo Lemmatizer::Analyze(std::string_view word) const {
  WordInfo info;
  if (const Override* o = FindOverride(word)) {
    info.lemma = o->lemma;
    info.verb = o->pos == Pos::kVerb;
    info.noun = o->pos == Pos::kNoun;
    return info;
  }
  std::string verb = Verb(word);
  std::string noun = Noun(word);
  info.verb = !verb.empty();
  info.noun = !noun.empty();
  if (info.verb) {
    info.lemma = std::move(verb);
  } else if (info.noun) {
    info.lemma = std::move(noun);
  } else {
    info.lemma = Adjective(word);
    if (info.lemma.empty()) info.lemma.assign(word);
  }
  return info;
}

}  // namespace dragoman
