// Loader of the TABARI .verbs file: verb roots and their forms, patterns (parsed by
// PatternParser, '{ | }' alternatives spread, ranked by their literal words), <SYNSETS> (cycles
// refused) and <TIME> phrases.
#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "base/data_file.h"
#include "base/strings.h"
#include "tabari/dictionary.h"
#include "tabari/dictionary_internal.h"

namespace dragoman::tabari {
using dictionary_internal::SplitEntry;
using dictionary_internal::StripComment;

namespace {

Status ParseVerbCode(std::string_view body, VerbCode* vc, std::string_view name, int line) {
  body = Trim(body);
  if (body.empty()) return DataError(name, line, "empty verb code []");
  std::string s(body);
  while (!s.empty() && (s.back() == '?' || s.back() == '!')) {
    if (s.back() == '?') vc->weak = true;
    if (s.back() == '!') vc->dominant = true;
    s.pop_back();
  }
  size_t colon = s.find(':');
  if (colon != std::string::npos) {
    vc->code = s.substr(0, colon);
    vc->paired = s.substr(colon + 1);
    if (vc->code.empty() || vc->paired.empty())
      return DataError(name, line, "bad paired code [" + std::string(body) + "]");
  } else {
    vc->code = s;
  }
  return Status::Ok();
}

// Tokenizes pattern text into elements. '_' after an element makes the next one adjacent;
// '*' splits lower from upper.
class PatternParser {
 public:
  PatternParser(const Dictionaries& d, std::string_view name, int line)
      : dict_(d), name_(name), line_(line) {}

  // Parses a whole sequence; when `star` is non-null the sequence may contain one '*'.
  Status Parse(std::string_view s, std::vector<PatternElem>* lower, std::vector<PatternElem>* upper,
               bool* lower_adjacent, bool* saw_star) {
    pos_ = 0;
    s_ = s;
    bool after_star = false;
    bool next_adjacent = false;
    *saw_star = false;
    if (lower_adjacent) *lower_adjacent = false;
    std::vector<PatternElem>* cur = lower;
    while (true) {
      SkipSpace();
      if (pos_ >= s_.size()) break;
      char c = s_[pos_];
      if (c == '*') {
        if (after_star || !upper) return DataError(name_, line_, "more than one '*' in pattern");
        after_star = true;
        *saw_star = true;
        if (lower_adjacent) *lower_adjacent = next_adjacent;
        ++pos_;
        next_adjacent = Underscore();
        cur = upper;
        continue;
      }
      PatternElem e;
      DRAGOMAN_RETURN_IF_ERROR(ParseElem(&e));
      e.adjacent = next_adjacent;
      next_adjacent = Underscore();
      if (last_exact_ && e.kind == PatternElem::Kind::kWord) e.word.exact = true;
      cur->push_back(std::move(e));
    }
    return Status::Ok();
  }

 private:
  void SkipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  // Consumes '_' (and '~') directly after an element; true when the next element must be
  // adjacent. A '_' followed by a blank ("IN_ *") only makes the word exact; '~' marks a
  // stem that takes any ending.
  bool Underscore() {
    bool any = false;
    bool tilde = false;
    while (pos_ < s_.size() && (s_[pos_] == '_' || s_[pos_] == '~')) {
      if (s_[pos_] == '_') any = true;
      if (s_[pos_] == '~') tilde = true;
      ++pos_;
    }
    // '~' keeps the word a stem ("REAL~_" matches REALLY) while '_' still joins it to the next.
    last_exact_ = any && !tilde;
    if (any && pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_])) &&
        pos_ + 1 < s_.size() && s_[pos_ + 1] != '{' && s_[pos_ + 1] != '|' && s_[pos_ + 1] != '}')
      return false;
    return any;
  }
  bool last_exact_ = false;
  static bool WordChar(char c) {
    return !std::isspace(static_cast<unsigned char>(c)) && c != '_' && c != '*' && c != '{' &&
           c != '}' && c != '|' && c != '~';
  }

  Status ParseElem(PatternElem* e) {
    char c = s_[pos_];
    if (c == '{') {
      ++pos_;
      e->kind = PatternElem::Kind::kAlternatives;
      std::vector<PatternElem> alt;
      bool next_adjacent = false;
      while (true) {
        SkipSpace();
        if (pos_ >= s_.size()) return DataError(name_, line_, "unclosed '{' in pattern");
        char d = s_[pos_];
        if (d == '}' || d == '|') {
          ++pos_;
          if (alt.empty()) return DataError(name_, line_, "empty alternative in '{ | }'");
          e->alts.push_back(std::move(alt));
          alt.clear();
          next_adjacent = false;
          if (d == '}') return Status::Ok();
          continue;
        }
        if (d == '*' || d == '{') return DataError(name_, line_, "'*' or '{' inside '{ }'");
        PatternElem sub;
        DRAGOMAN_RETURN_IF_ERROR(ParseElem(&sub));
        sub.adjacent = alt.empty() ? false : next_adjacent;
        if (alt.empty()) sub.adjacent = false;
        next_adjacent = Underscore();
        if (last_exact_ && sub.kind == PatternElem::Kind::kWord) sub.word.exact = true;
        alt.push_back(std::move(sub));
      }
    }
    if (c == '}' || c == '|') return DataError(name_, line_, "stray '" + std::string(1, c) + "'");
    size_t start = pos_;
    while (pos_ < s_.size() && WordChar(s_[pos_])) ++pos_;
    std::string_view w = s_.substr(start, pos_ - start);
    if (w == "$") {
      e->kind = PatternElem::Kind::kSource;
    } else if (w == "+") {
      e->kind = PatternElem::Kind::kTarget;
    } else if (w == "%") {
      e->kind = PatternElem::Kind::kCompound;
    } else if (w == "^") {
      e->kind = PatternElem::Kind::kSkip;
    } else if (w[0] == '&') {
      e->kind = PatternElem::Kind::kSynset;
      std::string n = Upper(w);
      for (size_t i = 0; i < dict_.synsets.size(); ++i)
        if (dict_.synsets[i].name == n) e->index = static_cast<int32_t>(i);
      if (e->index < 0) return DataError(name_, line_, "unknown synonym set " + n);
    } else {
      e->kind = PatternElem::Kind::kWord;
      std::string u = Upper(w);
      if (!u.empty() && u.back() == '=') {
        u.pop_back();
        e->word.exact = true;
        e->word.endings = Word::Endings::kNone;
      }
      e->word.text = std::move(u);
    }
    return Status::Ok();
  }

  const Dictionaries& dict_;
  std::string_view name_;
  int line_;
  std::string_view s_;
  size_t pos_ = 0;
};

int CountLiterals(const std::vector<PatternElem>& v) {
  int n = 0;
  for (const auto& e : v) {
    // A literal word weighs more than a synonym set, so "* DOLLAR" is tried before
    // "* &CURRENCY".
    if (e.kind == PatternElem::Kind::kWord) n += 2;
    if (e.kind == PatternElem::Kind::kSynset) ++n;
    if (e.kind == PatternElem::Kind::kAlternatives) {
      size_t m = 0;
      for (const auto& a : e.alts) m = std::max(m, a.size());
      n += 2 * static_cast<int>(m);
    }
    if (e.kind != PatternElem::Kind::kWord) n += 0;
  }
  return n;
}

// Characters of the literal words, alternatives counted by their longest member.
int CountChars(const std::vector<PatternElem>& v) {
  int n = 0;
  for (const auto& e : v) {
    if (e.kind == PatternElem::Kind::kWord) n += static_cast<int>(e.word.text.size());
    if (e.kind == PatternElem::Kind::kAlternatives) {
      int m = 0;
      for (const auto& a : e.alts) m = std::max(m, CountChars(a));
      n += m;
    }
  }
  return n;
}

// The element sequences a pattern part stands for, one per choice of its '{ | }' members;
// a part with more than 64 of them is kept whole (matched with its alternatives at run time).
std::vector<std::vector<PatternElem>> ExpandAlternatives(const std::vector<PatternElem>& v) {
  size_t total = 1;
  for (const auto& e : v)
    if (e.kind == PatternElem::Kind::kAlternatives) total *= std::max<size_t>(1, e.alts.size());
  if (total == 1 || total > 64) return {v};
  std::vector<std::vector<PatternElem>> out(1);
  for (const auto& e : v) {
    if (e.kind != PatternElem::Kind::kAlternatives) {
      for (auto& o : out) o.push_back(e);
      continue;
    }
    std::vector<std::vector<PatternElem>> next;
    for (const auto& o : out)
      for (const auto& a : e.alts) {
        std::vector<PatternElem> x = o;
        for (size_t i = 0; i < a.size(); ++i) {
          x.push_back(a[i]);
          if (i == 0) x.back().adjacent = e.adjacent;
        }
        next.push_back(std::move(x));
      }
    out = std::move(next);
  }
  return out;
}

}  // namespace

Status Dictionaries::LoadVerbs(std::string_view text, std::string_view name) {
  verbs_files.emplace_back(name);
  auto lines = SplitLines(text);
  enum { kVerbs, kSynsets, kTime } section = kVerbs;
  int32_t group = -1;
  std::vector<std::string_view> blocks;
  for (size_t li = 0; li < lines.size(); ++li) {
    int line = static_cast<int>(li + 1);
    std::string_view raw = lines[li];
    if (raw.substr(0, 2) == "~~") break;
    if (!raw.empty() && raw[0] == '#') continue;
    std::string_view l = Trim(StripComment(raw));
    if (l.empty()) continue;
    std::string ul = Upper(l);
    if (ul == "<SYNSETS>") {
      section = kSynsets;
      continue;
    }
    if (ul == "<TIME>") {
      section = kTime;
      continue;
    }
    if (ul == "</SYNSETS>" || ul == "</TIME>") {
      section = kVerbs;
      continue;
    }
    if (section == kSynsets) {
      if (l[0] == '&') {
        Synset s;
        s.name = Upper(Trim(l));
        synsets.push_back(std::move(s));
      } else if (l[0] == '+') {
        if (synsets.empty()) return DataError(name, line, "synonym '+' before any &SET");
        PatternParser pp(*this, name, line);
        std::vector<PatternElem> m;
        bool star = false;
        DRAGOMAN_RETURN_IF_ERROR(pp.Parse(l.substr(1), &m, nullptr, nullptr, &star));
        if (m.empty()) return DataError(name, line, "empty synonym");
        DRAGOMAN_RETURN_IF_ERROR(CheckSynsetMember(
            *this, static_cast<int32_t>(synsets.size() - 1), m, name, line));
        synsets.back().members.push_back(std::move(m));
      } else {
        return DataError(name, line, "expected '&NAME' or '+MEMBER' in <SYNSETS>");
      }
      continue;
    }
    std::string_view ph;
    DRAGOMAN_RETURN_IF_ERROR(SplitEntry(l, &ph, &blocks, name, line));
    if (section == kTime) {
      if (blocks.size() != 1) return DataError(name, line, "time entry needs one [CODE]");
      TimeEntry t;
      std::string code(Trim(blocks[0]));
      std::string nospace;
      for (char c : code)
        if (c != ' ') nospace += c;
      if (nospace == "###" || nospace == "+++" || nospace == "---") {
        t.special = nospace;
      } else {
        try {
          t.days = std::stoi(nospace);
        } catch (...) {
          return DataError(name, line, "bad time shift [" + code + "]");
        }
      }
      if (ph.substr(0, 1) == "-") {
        if (times.empty()) return DataError(name, line, "time pattern before any time phrase");
        PatternParser pp(*this, name, line);
        bool star = false, la = false;
        t.phrase = times.back().phrase;
        DRAGOMAN_RETURN_IF_ERROR(pp.Parse(ph.substr(1), &t.lower, &t.upper, &la, &star));
        if (!star) return DataError(name, line, "time pattern without '*'");
        t.has_pattern = true;
      } else {
        t.phrase = ParsePhrase(ph);
        if (t.phrase.words.empty()) return DataError(name, line, "empty time phrase");
      }
      times.push_back(std::move(t));
      continue;
    }
    if (l[0] == '{') {
      if (group < 0) return DataError(name, line, "verb forms '{ }' before any verb");
      size_t e = l.find('}');
      if (e == std::string_view::npos) return DataError(name, line, "unclosed '{'");
      std::string_view body = l.substr(1, e - 1);
      size_t i = 0;
      while (i < body.size()) {
        while (i < body.size() && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
        size_t st = i;
        while (i < body.size() && !std::isspace(static_cast<unsigned char>(body[i]))) ++i;
        if (i > st) {
          VerbEntry v;
          v.phrase = ParsePhrase(body.substr(st, i - st), Word::Endings::kVerb);
          v.group = group;
          v.line = line;
          if (!v.phrase.words.empty()) verbs.push_back(std::move(v));
        }
      }
      continue;
    }
    if (l[0] == '-') {
      if (group < 0) return DataError(name, line, "pattern before any verb");
      if (blocks.size() != 1) return DataError(name, line, "pattern needs exactly one [CODE]");
      Pattern p;
      p.line = line;
      DRAGOMAN_RETURN_IF_ERROR(ParseVerbCode(blocks[0], &p.code, name, line));
      PatternParser pp(*this, name, line);
      bool star = false;
      DRAGOMAN_RETURN_IF_ERROR(
          pp.Parse(ph.substr(1), &p.lower, &p.upper, &p.lower_adjacent, &star));
      if (!star) return DataError(name, line, "pattern without '*' (the verb's place)");
      // Alternatives are spread into one pattern each (as TABARI does), so that each is
      // ranked by its own length: "* RESIST { TO THE END | TO THE DEATH }" is tried as two.
      auto lowers = ExpandAlternatives(p.lower);
      auto uppers = ExpandAlternatives(p.upper);
      for (auto& lo : lowers)
        for (auto& up : uppers) {
          Pattern q = p;
          q.lower = lo;
          q.upper = up;
          q.literal_words = CountLiterals(q.lower) + CountLiterals(q.upper);
          q.literal_chars = CountChars(q.lower) + CountChars(q.upper);
          verb_groups[group].patterns.push_back(std::move(q));
        }
      continue;
    }
    // A verb root.
    if (blocks.size() != 1) return DataError(name, line, "verb needs exactly one [CODE]");
    VerbGroup g;
    g.line = line;
    g.file = static_cast<int>(verbs_files.size() - 1);
    DRAGOMAN_RETURN_IF_ERROR(ParseVerbCode(blocks[0], &g.code, name, line));
    verb_groups.push_back(std::move(g));
    group = static_cast<int32_t>(verb_groups.size() - 1);
    VerbEntry v;
    v.phrase = ParsePhrase(ph, Word::Endings::kVerb);
    if (v.phrase.words.empty()) return DataError(name, line, "verb without a phrase");
    v.group = group;
    v.line = line;
    verbs.push_back(std::move(v));
  }
  return Status::Ok();
}

Status ParseVerbCodeBlock(std::string_view body, VerbCode* out, std::string_view name, int line) {
  return ParseVerbCode(body, out, name, line);
}

namespace {

// The synonym sets that `elems` name, nested alternatives included.
void NamedSets(const std::vector<PatternElem>& elems, std::vector<int32_t>* out) {
  for (const PatternElem& e : elems) {
    if (e.kind == PatternElem::Kind::kSynset && e.index >= 0) out->push_back(e.index);
    if (e.kind == PatternElem::Kind::kAlternatives)
      for (const auto& a : e.alts) NamedSets(a, out);
  }
}

// Whether set `from` reaches set `to` through its members (an explicit stack: a long chain of
// sets must not exhaust the call stack either).
bool SetReaches(const Dictionaries& dict, int32_t from, int32_t to) {
  std::vector<char> seen(dict.synsets.size(), 0);
  std::vector<int32_t> todo{from};
  while (!todo.empty()) {
    int32_t s = todo.back();
    todo.pop_back();
    if (s == to) return true;
    if (s < 0 || static_cast<size_t>(s) >= seen.size() || seen[static_cast<size_t>(s)]) continue;
    seen[static_cast<size_t>(s)] = 1;
    for (const auto& m : dict.synsets[static_cast<size_t>(s)].members) NamedSets(m, &todo);
  }
  return false;
}

}  // namespace

Status CheckSynsetMember(const Dictionaries& dict, int32_t set, const std::vector<PatternElem>& member,
                         std::string_view name, int line) {
  std::vector<int32_t> named;
  NamedSets(member, &named);
  for (int32_t n : named) {
    if (!SetReaches(dict, n, set)) continue;
    const std::string& self = dict.synsets[static_cast<size_t>(set)].name;
    const std::string& via = dict.synsets[static_cast<size_t>(n)].name;
    return DataError(name, line,
                     n == set ? "synonym set " + self + " names itself"
                              : "synonym set " + via + " leads back to " + self + " (a cycle)");
  }
  return Status::Ok();
}

Status ParsePatternText(const Dictionaries& dict, std::string_view text, std::string_view name,
                        int line, std::vector<PatternElem>* lower, std::vector<PatternElem>* upper,
                        bool* lower_adjacent, bool* saw_star) {
  PatternParser pp(dict, name, line);
  return pp.Parse(text, lower, upper, lower_adjacent, saw_star);
}

void AddPatternToGroup(const Pattern& p, VerbGroup* group) {
  auto lowers = ExpandAlternatives(p.lower);
  auto uppers = ExpandAlternatives(p.upper);
  for (auto& lo : lowers)
    for (auto& up : uppers) {
      Pattern q = p;
      q.lower = lo;
      q.upper = up;
      q.literal_words = CountLiterals(q.lower) + CountLiterals(q.upper);
      q.literal_chars = CountChars(q.lower) + CountChars(q.upper);
      group->patterns.push_back(std::move(q));
    }
}

}  // namespace dragoman::tabari
