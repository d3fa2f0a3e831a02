// Loading word classes. Each word maps to the bitset of its classes, so classifying a token is
// one hash lookup for its norm and one for its lemma, whatever the number of classes.
#include "lexicon/lexicon.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <map>

#include "base/data_file.h"
#include "base/file.h"

namespace dragoman {

namespace {

std::string At(std::string_view file, int line) { return FileLine(file, line) + ": "; }

bool ValidClassName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::islower(static_cast<unsigned char>(c)) && c != '_' &&
        !std::isdigit(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<Lexicon> Lexicon::Load(const std::string& dir, DataProblems* problems) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return DataError(dir, "lexicon directory not found");
  }
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".txt") paths.push_back(e.path().string());
  }
  if (ec) return Status::Io(dir + ": " + ec.message());
  if (paths.empty()) return DataError(dir, "no lexicon files (*.txt)");
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& p : paths) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadDataFile(p));
    files.emplace_back(p, std::move(text));
  }
  return Parse(files, problems);
}

Result<Lexicon> Lexicon::Parse(std::span<const std::pair<std::string, std::string>> files,
                               DataProblems* problems) {
  Lexicon lex;
  std::map<std::string, size_t, std::less<>> by_name;
  for (const auto& entry : files) {
    // Named references, not a structured binding: lambdas below capture them (clang 14).
    const auto& file = entry.first;
    const auto& text = entry.second;
    if (size_t bad = FindInvalidUtf8(text); bad != std::string::npos) {
      DRAGOMAN_RETURN_IF_ERROR(
          Report(problems, Status::BadData(Where(file, text, bad) + ": invalid UTF-8")));
      continue;
    }
    Status st = ForEachDataLine(text, problems, [&](int n, std::string_view line) -> Status {
      const std::string where = At(file, n);
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos || tab == 0) {
        return Status::BadData(where + "expected CLASS<TAB>words");
      }
      std::string_view name = line.substr(0, tab);
      if (!ValidClassName(name)) {
        return Status::BadData(where + "bad class name '" + std::string(name) +
                               "' (lower-case letters, digits, '_')");
      }
      auto entries = SplitWords(line.substr(tab + 1));
      if (entries.empty()) {
        return Status::BadData(where + "class '" + std::string(name) + "' lists no words");
      }
      auto it = by_name.find(name);
      if (it == by_name.end()) {
        if (lex.classes_.size() == kMaxWordClasses) {
          return Status::BadData(where + "more than " + std::to_string(kMaxWordClasses) +
                                 " word classes");
        }
        it = by_name.emplace(std::string(name), lex.classes_.size()).first;
        lex.classes_.push_back(ClassData{std::string(name), file, {}, {}});
      } else if (lex.classes_[it->second].file != file) {
        return Status::BadData(where + "class '" + std::string(name) + "' is already defined in " +
                               lex.classes_[it->second].file + " (a class lives in one file)");
      }
      const size_t idx = it->second;
      ClassData& cls = lex.classes_[idx];
      for (std::string_view entry : entries) {
        std::string_view word = entry;
        std::optional<int64_t> value;
        if (size_t eq = entry.find('='); eq != std::string_view::npos && eq > 0) {
          word = entry.substr(0, eq);
          std::string_view v = entry.substr(eq + 1);
          int64_t x = 0;
          auto [p, err] = std::from_chars(v.data(), v.data() + v.size(), x);
          if (v.empty() || err != std::errc() || p != v.data() + v.size()) {
            return Status::BadData(where + "entry '" + std::string(entry) +
                                   "': the value after '=' is not an integer");
          }
          value = x;
        }
        for (char c : word) {
          if (std::isupper(static_cast<unsigned char>(c))) {
            return Status::BadData(where + "entry '" + std::string(entry) +
                                   "' is not in matching-key form (lower case)");
          }
        }
        // '_' joins the words of a phrase ("no_fewer_than"); stored with spaces.
        std::string key(word);
        std::replace(key.begin(), key.end(), '_', ' ');
        if (value) {
          auto [vit, inserted] = cls.values.emplace(key, *value);
          if (!inserted && vit->second != *value) {
            return Status::BadData(where + "'" + key + "' has two values in class '" + cls.name +
                                   "'");
          }
        }
        ClassSet& set = lex.words_[key];
        if (!set.test(idx)) {
          set.set(idx);
          cls.words.push_back(key);
        }
      }
      return Status::Ok();
    });
    if (!st.ok()) return st;
  }
  return lex;
}

Result<ClassId> Lexicon::Class(std::string_view name) const {
  for (size_t i = 0; i < classes_.size(); ++i) {
    if (classes_[i].name == name) return ClassId{static_cast<uint16_t>(i)};
  }
  return Status::BadData("lexicon: no word class '" + std::string(name) +
                         "' (defined in data/lexicon/*.txt, doc/lexicon.md)");
}

Status Lexicon::Resolve(std::span<const std::pair<ClassId*, const char*>> wanted) const {
  for (const auto& [id, name] : wanted) {
    DRAGOMAN_ASSIGN_OR_RETURN(*id, Class(name));
  }
  return Status::Ok();
}

const ClassSet& Lexicon::Classes(std::string_view word) const {
  static const ClassSet kNone;
  auto it = words_.find(word);
  return it == words_.end() ? kNone : it->second;
}

std::optional<int64_t> Lexicon::Value(ClassId c, std::string_view word) const {
  const auto& values = classes_[c.index].values;
  auto it = values.find(word);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

TokenClasses Lexicon::Classify(std::span<const Token> tokens) const {
  TokenClasses out;
  out.form_.resize(tokens.size());
  out.any_.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    out.form_[i] = Classes(tokens[i].norm);
    out.any_[i] = out.form_[i];
    if (tokens[i].lemma != tokens[i].norm) out.any_[i] |= Classes(tokens[i].lemma);
  }
  return out;
}

}  // namespace dragoman
