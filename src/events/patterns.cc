#include "events/patterns.h"

#include <algorithm>
#include <cctype>

#include "base/data_file.h"

namespace dragoman {
namespace {

// The words of `s` (runs of neither ' ' nor '\t') into *out, which is cleared first; the loaders
// below reuse one vector for every line rather than allocate one a line.
void SplitSpaceInto(std::string_view s, std::vector<std::string_view>* out) {
  out->clear();
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out->push_back(s.substr(i, j - i));
    i = j;
  }
}

std::vector<std::string_view> SplitSpace(std::string_view s) {
  std::vector<std::string_view> out;
  SplitSpaceInto(s, &out);
  return out;
}

// ASCII only, as std::tolower in the "C" locale the CLI runs in; inline, not a libc call a byte.
std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string At(std::string_view name, int line) { return FileLine(name, line) + ": "; }

// "FILE:LINE: " of a line being parsed, written out only when a message needs it: building it
// for each of the ~2,400 lines of verbs.txt cost more than the rest of its parsing but the words.
struct Where {
  std::string_view name;
  int line;
};
std::string operator+(const Where& w, std::string_view message) {
  std::string out = At(w.name, w.line);
  out += message;
  return out;
}

bool HasNonSpace(std::string_view s) {
  return s.find_first_not_of(" \t") != std::string_view::npos;
}

Status ParseElement(std::string_view tok, Pattern* p, bool* saw_trigger_mark,
                    const Where& where) {
  PatternElement e;
  if (tok == "+" || tok == "$") {
    e.kind = tok == "+" ? PatternElement::Kind::kTarget : PatternElement::Kind::kSource;
    p->elements.push_back(e);
    return Status::Ok();
  }
  if (tok.substr(0, 2) == "..") {
    e.kind = PatternElement::Kind::kGap;
    e.max_gap = 4;
    if (tok.size() > 2) {
      int n = 0;
      for (char c : tok.substr(2)) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
          return Status::BadData(where + "bad gap '" + std::string(tok) + "'");
        }
        n = n * 10 + (c - '0');
        if (n > 12) break;
      }
      if (n < 1 || n > 12) {
        return Status::BadData(where + "gap '" + std::string(tok) + "' must be ..1 to ..12");
      }
      e.max_gap = n;
    }
    p->elements.push_back(e);
    return Status::Ok();
  }
  if (tok[0] == '^') {
    if (*saw_trigger_mark) return Status::BadData(where + "more than one ^trigger");
    *saw_trigger_mark = true;
    tok.remove_prefix(1);
    p->trigger = static_cast<int>(p->elements.size());
  }
  if (!tok.empty() && tok.back() == '?') {
    e.optional = true;
    tok.remove_suffix(1);
  }
  if (tok.empty()) return Status::BadData(where + "empty pattern element");
  if (tok.front() == '|' || tok.back() == '|' || tok.find("||") != std::string_view::npos) {
    return Status::BadData(where + "empty alternative in '" + std::string(tok) + "'");
  }
  // No alternative is empty (checked above), so every '|' separates two.
  e.alts.reserve(static_cast<size_t>(std::count(tok.begin(), tok.end(), '|')) + 1);
  for (size_t start = 0; start < tok.size();) {
    size_t bar = std::min(tok.find('|', start), tok.size());
    std::string_view alt = tok.substr(start, bar - start);
    start = bar + 1;
    PatternElement::Alt a;
    if (alt[0] == '=') {
      a.form_only = true;
      alt.remove_prefix(1);
    }
    if (alt.empty())
      return Status::BadData(where + "empty alternative in '" + std::string(tok) + "'");
    for (char c : alt) {
      if (c == '+' || c == '$' || c == '^' || c == '?' || c == '=' || c == '_') {
        return Status::BadData(where + "stray '" + std::string(1, c) + "' in '" + std::string(tok) +
                               "'");
      }
    }
    a.word = Lower(alt);
    e.alts.push_back(std::move(a));
  }
  if (e.alts.empty()) return Status::BadData(where + "empty pattern element");
  p->elements.push_back(std::move(e));
  ++p->words;
  return Status::Ok();
}

Status ParseOption(std::string_view opt, const CodeTable& codes, Pattern* p,
                   const Where& where) {
  size_t eq = opt.find('=');
  std::string_view key = opt.substr(0, eq);
  std::string_view value = eq == std::string_view::npos ? "" : opt.substr(eq + 1);
  auto need_value = [&]() -> Status {
    if (value.empty())
      return Status::BadData(where + "option '" + std::string(key) + "' needs =value");
    return Status::Ok();
  };
  if (key == "neg") {
    DRAGOMAN_RETURN_IF_ERROR(need_value());
    if (value == "-") {
      p->neg_none = true;
    } else if (!codes.Find(value)) {
      return Status::BadData(where + "unknown CAMEO code '" + std::string(value) + "' in neg=");
    } else {
      p->neg_code = std::string(value);
    }
  } else if (key == "sym") {
    p->symmetric = true;
  } else if (key == "noun") {
    p->noun = true;
  } else if (key == "during") {
    p->during = true;
  } else if (key == "about") {
    p->about = true;
  } else if (key == "react") {
    p->reactive = true;
  } else if (key == "speaker") {
    p->from_speaker = true;
  } else if (key == "patient") {
    p->patient = true;
  } else if (key == "tgt") {
    p->need_target = true;
  } else if (key == "pair") {
    p->need_pair = true;
  } else if (key == "weak") {
    p->weak = true;
  } else if (key == "infer") {
    DRAGOMAN_RETURN_IF_ERROR(need_value());
    if (value != "gov" && value != "country") {
      return Status::BadData(where + "infer= must be gov or country, not '" + std::string(value) +
                             "'");
    }
    p->infer = std::string(value);
  } else if (key == "voice") {
    if (value == "active") {
      p->active_only = true;
    } else if (value == "passive") {
      p->passive_only = true;
    } else {
      return Status::BadData(where + "voice= must be active or passive");
    }
  } else if (key == "mood") {
    if (value == "intended") {
      p->mood = Mood::kIntended;
    } else if (value == "hypothetical") {
      p->mood = Mood::kHypothetical;
    } else {
      return Status::BadData(where + "mood= must be intended or hypothetical");
    }
  } else {
    return Status::BadData(where + "unknown option '" + std::string(opt) + "'");
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<Pattern>> ParsePatterns(std::string_view name, std::string_view text,
                                           const CodeTable& codes, DataProblems* problems) {
  std::vector<Pattern> out;
  // At most a pattern a line: the vector is never moved while filling it.
  out.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::string base(name);
  if (size_t slash = base.rfind('/'); slash != std::string::npos) base = base.substr(slash + 1);
  std::vector<std::string_view> fields, cols, toks, opts;  // reused by every line
  Status st = ForEachContentLine(text, problems, [&](int n, std::string_view line) -> Status {
    const Where where{name, n};
    fields.clear();
    cols.clear();
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      std::string_view f = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
      fields.push_back(f);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    // Several tabs may separate the columns for alignment.
    for (auto f : fields) {
      if (HasNonSpace(f)) cols.push_back(f);
    }
    if (cols.size() < 2 || cols.size() > 3) {
      return Status::BadData(where + "expected CODE<TAB>PATTERN[<TAB>OPTIONS]");
    }
    Pattern p;
    p.line = n;
    SplitSpaceInto(cols[0], &toks);
    std::string code(toks[0]);
    if (code != "-") {
      if (!codes.Find(code)) return Status::BadData(where + "unknown CAMEO code '" + code + "'");
      p.code = code;
    }
    bool marked = false;
    p.trigger = -1;
    SplitSpaceInto(cols[1], &toks);
    p.elements.reserve(toks.size());
    for (auto tok : toks) DRAGOMAN_RETURN_IF_ERROR(ParseElement(tok, &p, &marked, where));
    if (!marked) {
      for (size_t i = 0; i < p.elements.size(); ++i) {
        if (p.elements[i].kind == PatternElement::Kind::kWord) {
          p.trigger = static_cast<int>(i);
          break;
        }
      }
    }
    if (p.trigger < 0) return Status::BadData(where + "pattern has no word to trigger on");
    if (p.elements[p.trigger].optional)
      return Status::BadData(where + "the trigger cannot be optional");
    if (p.elements[0].kind != PatternElement::Kind::kWord) {
      return Status::BadData(where + "a pattern must start with a word");
    }
    if (p.elements.back().kind == PatternElement::Kind::kGap) {
      return Status::BadData(where + "a pattern cannot end with a gap");
    }
    for (size_t i = 1; i < p.elements.size(); ++i) {
      if (p.elements[i].kind == PatternElement::Kind::kGap &&
          p.elements[i - 1].kind == PatternElement::Kind::kGap) {
        return Status::BadData(where + "two gaps in a row");
      }
    }
    if (cols.size() == 3) {
      SplitSpaceInto(cols[2], &opts);
      for (auto opt : opts) DRAGOMAN_RETURN_IF_ERROR(ParseOption(opt, codes, &p, where));
    }
    if (p.code.empty() && p.neg_code.empty() && !p.neg_none) {
      return Status::BadData(where + "code '-' needs neg=CODE");
    }
    size_t rule_size = base.size() + 12 + toks.size();
    for (std::string_view t : toks) rule_size += t.size();
    p.rule.reserve(rule_size);
    p.rule += base;  // "FILE:LINE PATTERN", the pattern's words as written
    p.rule += ':';
    p.rule += std::to_string(n);
    for (size_t i = 0; i < toks.size(); ++i) {
      p.rule += ' ';
      p.rule += toks[i];
    }
    out.push_back(std::move(p));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  // Issue 12, row 9: an empty verbs file used to code nothing, silently.
  if (out.empty()) DRAGOMAN_RETURN_IF_ERROR(Report(problems, DataError(name, "no patterns")));
  return out;
}

Result<EventLexicon> ParseLexicon(std::string_view name, std::string_view text,
                                  const CodeTable& codes, DataProblems* problems) {
  EventLexicon lex;
  Status st = ForEachContentLine(text, problems, [&](int n, std::string_view line) -> Status {
    const Where where{name, n};
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      return Status::BadData(where + "expected CLASS<TAB>words");
    }
    std::string cls(line.substr(0, tab));
    auto words = SplitSpace(line.substr(tab + 1));
    if (words.empty()) return Status::BadData(where + "class '" + cls + "' lists no words");
    if (cls != "intent" && cls != "refusal" && cls != "state") {
      return Status::BadData(where + "unknown class '" + cls +
                             "' (word classes live in data/lexicon/, doc/lexicon.md)");
    }
    auto& map = cls == "intent" ? lex.intent : cls == "refusal" ? lex.refusal : lex.state;
    for (auto w : words) {
      size_t eq = w.find('=');
      if (eq == std::string_view::npos) {
        return Status::BadData(where + cls + " entry '" + std::string(w) + "' is not CODE=CODE");
      }
      std::string from(w.substr(0, eq)), to(w.substr(eq + 1));
      bool digits = !from.empty() && from.size() <= 4;
      for (char c : from) digits = digits && std::isdigit(static_cast<unsigned char>(c));
      if (!digits || !codes.Find(to)) {
        return Status::BadData(where + "bad " + cls + " entry '" + std::string(w) + "'");
      }
      map[from] = to;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return lex;
}

}  // namespace dragoman
