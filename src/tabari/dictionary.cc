#include "tabari/dictionary.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "base/data_file.h"
#include "base/file.h"
#include "base/strings.h"

namespace dragoman::tabari {
namespace {

// Removes a ';' comment.
std::string_view StripComment(std::string_view l) {
  size_t semi = l.find(';');
  if (semi != std::string_view::npos) l = l.substr(0, semi);
  return l;
}

// TABARI dates: YYMMDD (00-29 -> 20xx) or YYYYMMDD. Returns 0 when malformed.
int32_t ParseYyMmDd(std::string_view s) {
  s = Trim(s);
  if (s.size() != 6 && s.size() != 8) return 0;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return 0;
  int v = std::stoi(std::string(s));
  if (s.size() == 6) {
    int yy = v / 10000;
    v += (yy < 30 ? 20000000 : 19000000);
  }
  int m = v / 100 % 100, d = v % 100;
  if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
  return v;
}

// Parses one "[CODE ...]" block body (without brackets) into codes (a '/' list gives several).
Status ParseCodeBlock(std::string_view body, std::vector<DatedCode>* out, std::string_view name,
                      int line) {
  body = Trim(body);
  if (body.empty()) return DataError(name, line, "empty code block []");
  // Code: leading run up to blank or date operator.
  size_t i = 0;
  while (i < body.size() && !std::isspace(static_cast<unsigned char>(body[i])) && body[i] != '<' &&
         body[i] != '>')
    ++i;
  std::string_view code = body.substr(0, i);
  std::string_view rest = Trim(body.substr(i));
  if (code.empty() || (std::isdigit(static_cast<unsigned char>(code[0])) && code.size() >= 6 &&
                       code.find('-') != std::string_view::npos)) {
    return DataError(name, line, "code block [" + std::string(body) + "] has no actor code");
  }
  DatedCode dc;
  if (!rest.empty()) {
    if (rest[0] == '<' || rest[0] == '>') {
      int32_t d = ParseYyMmDd(rest.substr(1));
      if (!d) return DataError(name, line, "bad date in [" + std::string(body) + "]");
      // "<D": before D; ">D": after D.
      if (rest[0] == '<')
        dc.to = d - 1;  // close enough: integer YYYYMMDD ordering
      else
        dc.from = d + 1;
    } else {
      size_t dash = rest.find('-');
      if (dash == std::string_view::npos)
        return DataError(name, line, "bad date restriction in [" + std::string(body) + "]");
      dc.from = ParseYyMmDd(rest.substr(0, dash));
      dc.to = ParseYyMmDd(rest.substr(dash + 1));
      if (!dc.from || !dc.to)
        return DataError(name, line, "bad date range in [" + std::string(body) + "]");
    }
  }
  // A '/' separates the members of a compound actor code ("ELR/GAL").
  size_t start = 0;
  while (true) {
    size_t slash = code.find('/', start);
    std::string_view c =
        code.substr(start, slash == std::string_view::npos ? code.npos : slash - start);
    if (c.empty()) return DataError(name, line, "empty code in [" + std::string(body) + "]");
    DatedCode one = dc;
    one.code = std::string(c);
    one.same_block = start > 0;
    out->push_back(std::move(one));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return Status::Ok();
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

Status Dictionaries::LoadActors(std::string_view text, std::string_view name) {
  auto lines = SplitLines(text);
  enum { kNone, kNoun, kAdjective } section = kNone;
  // Pending block: phrases waiting for their code lines.
  std::vector<std::pair<Phrase, int>> pending;
  int32_t codes_begin = static_cast<int32_t>(actor_codes.size());
  auto flush = [&]() {
    int32_t end = static_cast<int32_t>(actor_codes.size());
    if (!pending.empty() && end > codes_begin) {
      for (auto& [ph, ln] : pending) {
        ActorEntry a;
        a.phrase = std::move(ph);
        a.codes_begin = codes_begin;
        a.codes_end = end;
        a.line = ln;
        actors.push_back(std::move(a));
      }
    }
    bool dangling = !pending.empty() && end == codes_begin;
    int ln = dangling ? pending.front().second : 0;
    pending.clear();
    codes_begin = end;
    return dangling ? DataError(name, ln, "actor has no [CODE]") : Status::Ok();
  };
  std::vector<std::string_view> blocks;
  for (size_t li = 0; li < lines.size(); ++li) {
    int line = static_cast<int>(li + 1);
    std::string_view raw = lines[li];
    if (raw.substr(0, 2) == "~~") break;
    std::string_view l = Trim(StripComment(raw));
    if (!raw.empty() && raw[0] == '#') continue;
    if (l.empty()) {
      if (Trim(raw).empty()) DRAGOMAN_RETURN_IF_ERROR(flush());
      continue;
    }
    std::string ul = Upper(l);
    if (ul == "<NOUN>") {
      section = kNoun;
      continue;
    }
    if (ul == "<ADJECTIVE>") {
      section = kAdjective;
      continue;
    }
    if (ul == "</NOUN>" || ul == "</ADJECTIVE>") {
      section = kNone;
      continue;
    }
    if (section != kNone) {
      (section == kNoun ? nouns : adjectives).push_back(ul);
      continue;
    }
    if (l[0] == '[') {
      if (pending.empty()) return DataError(name, line, "code block without an actor phrase");
      std::string_view ph;
      DRAGOMAN_RETURN_IF_ERROR(SplitEntry(l, &ph, &blocks, name, line));
      for (auto b : blocks) DRAGOMAN_RETURN_IF_ERROR(ParseCodeBlock(b, &actor_codes, name, line));
      continue;
    }
    if (l[0] == '+') {
      if (pending.empty()) return DataError(name, line, "synonym '+' without an actor phrase");
      Phrase p = ParsePhrase(l.substr(1), Word::Endings::kNoun);
      if (p.words.empty()) return DataError(name, line, "empty synonym");
      pending.emplace_back(std::move(p), line);
      continue;
    }
    // A new entry: close the previous block if it already has codes.
    if (static_cast<int32_t>(actor_codes.size()) > codes_begin || !pending.empty())
      DRAGOMAN_RETURN_IF_ERROR(flush());
    std::string_view ph;
    DRAGOMAN_RETURN_IF_ERROR(SplitEntry(l, &ph, &blocks, name, line));
    Phrase p = ParsePhrase(ph, Word::Endings::kNoun);
    if (p.words.empty()) return DataError(name, line, "actor entry without a phrase");
    pending.emplace_back(std::move(p), line);
    for (auto b : blocks) DRAGOMAN_RETURN_IF_ERROR(ParseCodeBlock(b, &actor_codes, name, line));
  }
  return flush();
}

Status Dictionaries::LoadAgents(std::string_view text, std::string_view name) {
  auto lines = SplitLines(text);
  std::vector<std::string_view> blocks;
  for (size_t li = 0; li < lines.size(); ++li) {
    int line = static_cast<int>(li + 1);
    std::string_view raw = lines[li];
    if (raw.substr(0, 2) == "~~") break;
    if (!raw.empty() && raw[0] == '#') continue;
    std::string_view l = Trim(StripComment(raw));
    if (l.empty()) continue;
    std::string_view ph;
    DRAGOMAN_RETURN_IF_ERROR(SplitEntry(l, &ph, &blocks, name, line));
    if (blocks.size() != 1) return DataError(name, line, "agent needs exactly one [~CODE]");
    std::string code(Trim(blocks[0]));
    AgentEntry a;
    a.line = line;
    a.phrase = ParsePhrase(ph, Word::Endings::kNoun);
    if (a.phrase.words.empty()) return DataError(name, line, "agent without a phrase");
    if (code.size() >= 2 && code.front() == '~') {
      a.code = code.substr(1);
    } else if (code.size() >= 2 && code.back() == '~') {
      a.code = code.substr(0, code.size() - 1);
      a.prefix = true;
    } else {
      return DataError(name, line, "agent code [" + code + "] needs '~' before or after it");
    }
    agents.push_back(std::move(a));
  }
  return Status::Ok();
}

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

Status Dictionaries::LoadOptions(std::string_view text, std::string_view name) {
  auto lines = SplitLines(text);
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view l = Trim(lines[li]);
    if (l.substr(0, 2) == "~~") break;
    if (l.empty() || l.substr(0, 2) == "//" || l[0] == '#') continue;
    Status s = options.Apply(l);
    if (!s.ok()) return DataError(name, static_cast<int>(li + 1), s.message());
  }
  return Status::Ok();
}

Status Options::Apply(std::string_view command) {
  std::string c = Upper(Trim(command));
  raw.push_back(c);
  auto num_after = [&](std::string_view key, int* out) -> Status {
    size_t p = c.find(key);
    if (p == std::string::npos) return Status::Ok();
    p += key.size();
    while (p < c.size() && (c[p] == ' ' || c[p] == '=' || c[p] == '[')) ++p;
    size_t q = p;
    while (q < c.size() && std::isdigit(static_cast<unsigned char>(c[q]))) ++q;
    if (q == p)
      return Status::BadData("missing number after " + std::string(key) + " in '" + c + "'");
    // std::stoi throws past INT_MAX; an option value that long is malformed, not a crash.
    if (q - p > 9)
      return Status::BadData("number too large after " + std::string(key) + " in '" + c + "'");
    *out = std::stoi(c.substr(p, q - p));
    return Status::Ok();
  };
  auto bool_value = [&](bool* out) -> Status {
    size_t eq = c.find('=');
    if (eq == std::string::npos) return Status::BadData("missing '= TRUE|FALSE' in '" + c + "'");
    std::string v(Trim(std::string_view(c).substr(eq + 1)));
    if (v == "TRUE")
      *out = true;
    else if (v == "FALSE")
      *out = false;
    else
      return Status::BadData("expected TRUE or FALSE in '" + c + "'");
    return Status::Ok();
  };
  auto bracket_after = [&](std::string_view key) -> std::string {
    size_t p = c.find(key);
    if (p == std::string::npos) return "";
    size_t b = c.find('[', p), e = c.find(']', p);
    if (b == std::string::npos || e == std::string::npos || e < b) return "";
    return std::string(Trim(std::string_view(c).substr(b + 1, e - b - 1)));
  };
  if (c.rfind("COMPLEX:", 0) == 0) {
    complex_verbs = complex_conj = 0;
    DRAGOMAN_RETURN_IF_ERROR(num_after("VERBS", &complex_verbs));
    DRAGOMAN_RETURN_IF_ERROR(num_after("CONJ", &complex_conj));
    noactprior = c.find("NOACTPRIOR") != std::string::npos;
  } else if (c.rfind("SET:", 0) == 0) {
    if (c.find("TIME SHIFT") != std::string::npos) return bool_value(&time_shift);
    if (c.find("CONVERT AGENT") != std::string::npos) return bool_value(&convert_agent);
    if (c.find("YYYY") != std::string::npos) return bool_value(&yyyy);
    if (c.find("MINIMUM WORDS") != std::string::npos) return num_after("WORDS", &minimum_words);
    if (c.find("CODE BY CLAUSE") != std::string::npos)
      code_by = CodeBy::kClause;
    else if (c.find("CODE BY SENTENCE") != std::string::npos)
      code_by = CodeBy::kSentence;
    else if (c.find("CODE ALL") != std::string::npos)
      code_by = CodeBy::kAll;
  } else if (c.rfind("DEFAULT:", 0) == 0) {
    if (c.find("OFF") != std::string::npos && c.find("SOURCE") == std::string::npos) {
      default_source.clear();
      default_target.clear();
      default_source_prior = default_target_after = false;
    } else {
      default_source = bracket_after("SOURCE");
      default_target = bracket_after("TARGET");
      size_t tp = c.find("TARGET");
      default_source_prior =
          c.find("PRIOR") != std::string::npos && (tp == std::string::npos || c.find("PRIOR") < tp);
      default_target_after = tp != std::string::npos && c.find("AFTER", tp) != std::string::npos;
    }
  } else if (c.rfind("COMMA:", 0) == 0) {
    if (c.find("OFF") != std::string::npos) {
      comma_on = false;
    } else {
      comma_on = true;
      // Keys share prefixes (MIN / EMIN / BMIN): parse "KEY = N" pairs in order.
      size_t p = 6;
      while (p < c.size()) {
        while (p < c.size() && c[p] == ' ') ++p;
        size_t k = p;
        while (p < c.size() && std::isalpha(static_cast<unsigned char>(c[p]))) ++p;
        std::string key = c.substr(k, p - k);
        while (p < c.size() && (c[p] == ' ' || c[p] == '=')) ++p;
        size_t q = p;
        while (q < c.size() && std::isdigit(static_cast<unsigned char>(c[q]))) ++q;
        if (key.empty() || q == p || q - p > 9) {
          return Status::BadData("bad COMMA: command '" + c + "'");
        }
        int v = std::stoi(c.substr(p, q - p));
        p = q;
        if (key == "MIN")
          comma_min = v;
        else if (key == "MAX")
          comma_max = v;
        else if (key == "EMIN")
          comma_emin = v;
        else if (key == "EMAX")
          comma_emax = v;
        else if (key == "BMIN")
          comma_bmin = v;
        else if (key == "BMAX")
          comma_bmax = v;
        else
          return Status::BadData("unknown COMMA: key " + key);
      }
    }
  } else if (c.rfind("FORWARD:", 0) == 0) {
    forward = c.find(" OFF") == std::string::npos;
  }
  return Status::Ok();
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

Status ParseActorCodeBlock(std::string_view body, std::vector<DatedCode>* out,
                           std::string_view name, int line) {
  return ParseCodeBlock(body, out, name, line);
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
