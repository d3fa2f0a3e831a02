#include "text/lemmatizer.h"

#include <string>
#include <utility>
#include <vector>

#include "base/data_file.h"

namespace dragoman {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Result<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(const std::string& wordnet_dir,
                                                     const std::string& overrides_path,
                                                     const std::string& lemma_table,
                                                     DataProblems* problems) {
  std::unique_ptr<Lemmatizer> lm(new Lemmatizer());
  DRAGOMAN_ASSIGN_OR_RETURN(lm->table_, LemmaTable::Open(wordnet_dir, lemma_table));
  if (!overrides_path.empty()) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadDataFile(overrides_path));
    DRAGOMAN_RETURN_IF_ERROR(
        ForEachDataLine(text, problems, [&](int line_no, std::string_view line) {
          auto fail = [&](const std::string& why) {
            return DataError(overrides_path, line_no, why);
          };
          std::vector<std::string_view> fields = SplitWords(line);
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

std::string Lemmatizer::Morphy(std::string_view word, LemmaTable::List lemmas,
                               LemmaTable::List exceptions, const Rule* rules,
                               size_t rule_count) const {
  if (word.empty()) return {};
  if (auto base = table_->Find(exceptions, word)) return std::string(*base);
  if (Has(lemmas, word)) return std::string(word);
  std::string candidate;
  for (size_t i = 0; i < rule_count; ++i) {
    const Rule& r = rules[i];
    if (word.size() <= r.suffix.size() || !EndsWith(word, r.suffix)) continue;
    candidate.assign(word.substr(0, word.size() - r.suffix.size()));
    candidate.append(r.ending);
    if (Has(lemmas, candidate)) return candidate;
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
  return Morphy(word, LemmaTable::kVerbs, LemmaTable::kVerbExceptions, kRules, std::size(kRules));
}

std::string Lemmatizer::Noun(std::string_view word) const {
  if (const Override* o = FindOverride(word)) return o->pos == Pos::kNoun ? o->lemma : "";
  static const Rule kRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                                {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
  // "glass", "business": a form ending in "ss" is not a plural in "-s".
  if (EndsWith(word, "ss")) {
    return Has(LemmaTable::kNouns, word)
               ? std::string(word)
               : Morphy(word, LemmaTable::kNouns, LemmaTable::kNounExceptions, nullptr, 0);
  }
  // WordNet lists many plurals as lemmas of their own ("relations", "talks", "arms"); for
  // matching, the singular is the more useful key, so a plural in -s that reduces to a noun
  // lemma takes that lemma.
  if (EndsWith(word, "s") && !Has(LemmaTable::kNounExceptions, word)) {
    std::string singular;
    for (const Rule& r : kRules) {
      if (word.size() <= r.suffix.size() || !EndsWith(word, r.suffix)) continue;
      singular.assign(word.substr(0, word.size() - r.suffix.size()));
      singular.append(r.ending);
      if (Has(LemmaTable::kNouns, singular)) return singular;
    }
  }
  return Morphy(word, LemmaTable::kNouns, LemmaTable::kNounExceptions, kRules, std::size(kRules));
}

std::string Lemmatizer::Adjective(std::string_view word) const {
  if (const Override* o = FindOverride(word)) return o->pos == Pos::kAdj ? o->lemma : "";
  static const Rule kRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};
  return Morphy(word, LemmaTable::kAdjectives, LemmaTable::kAdjExceptions, kRules,
                std::size(kRules));
}

bool Lemmatizer::IsVerbLemma(std::string_view lemma) const {
  return Has(LemmaTable::kVerbs, lemma);
}
bool Lemmatizer::IsNounLemma(std::string_view lemma) const {
  return Has(LemmaTable::kNouns, lemma);
}
bool Lemmatizer::IsAdjective(std::string_view word) const { return !Adjective(word).empty(); }

bool Lemmatizer::IsVerbPastForm(std::string_view word) const {
  if (const Override* o = FindOverride(word)) return o->pos == Pos::kVerb && o->past;
  if (word.size() < 3) return false;
  if (auto base = table_->Find(LemmaTable::kVerbExceptions, word)) {
    // verb.exc mixes past forms ("held"), participles ("beaten"), "-ing" forms ("planning") and
    // a few present forms ending in -s ("has", "caddies"); the first two are what we want.
    if (EndsWith(word, "ing") || EndsWith(word, "s")) return false;
    // "bed bed", "red red": entries whose form is its own base and also an ordinary noun or
    // adjective are far more often that noun or adjective.
    return *base != word || (!Has(LemmaTable::kNouns, word) && !Has(LemmaTable::kAdjectives, word));
  }
  if (!EndsWith(word, "ed")) return false;
  if (Has(LemmaTable::kVerbs, word)) {
    // "need", "proceed": a lemma ending in -ed is a past form only if a shorter lemma exists
    // ("shed" is both) - keep it simple and trust the lemma reading.
    return false;
  }
  std::string stem(word.substr(0, word.size() - 2));
  if (Has(LemmaTable::kVerbs, stem)) return true;  // "pardoned"
  stem.push_back('e');
  return Has(LemmaTable::kVerbs, stem);  // "sentenced"
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
    info.adjective_only = o->pos == Pos::kAdj;
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
    info.adjective_only = !info.lemma.empty();
    if (info.lemma.empty()) info.lemma.assign(word);
  }
  return info;
}

}  // namespace dragoman
