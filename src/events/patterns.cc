#include "events/patterns.h"

#include <algorithm>
#include <cctype>

#include "base/data_file.h"

namespace dragoman {
namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) p = s.size();
    if (p > start) out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
  return out;
}

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

// One element as written, after the hyphenated words are spelt out (ExpandHyphens): `joined`
// marks the hyphen and the later parts of a hyphenated word, which do not count as words of
// their own towards the pattern's specificity (a compound is one word, as for gaps).
struct ElementText {
  std::string text;
  bool joined = false;
};

// A hyphenated word ("cease-fire") is three tokens to the tokenizer ("cease", "-", "fire"), so
// an element naming it as one word could never match. Each token of PATTERN becomes one or
// more variants: its plain alternatives as they are, and each hyphenated alternative as its
// parts in a row ("truce|cease-fire" -> "truce" | "cease - fire"; `=` applies to every part; an
// optional one also has the empty variant). The line's pattern is then every combination of
// the variants (at most kMaxVariants), all with the line's code, options and rule.
constexpr size_t kMaxVariants = 16;

Status ExpandHyphens(const std::vector<std::string_view>& toks,
                     std::vector<std::vector<ElementText>>* out, const Where& where) {
  out->assign(1, {});
  for (std::string_view tok : toks) {
    std::string_view body = tok;
    const bool mark = !body.empty() && body.front() == '^';
    if (mark) body.remove_prefix(1);
    const bool optional = !body.empty() && body.back() == '?';
    if (optional) body.remove_suffix(1);
    std::vector<std::vector<ElementText>> forms;
    std::string plain;
    bool any_hyphen = false;
    // An empty alternative is left for ParseElement to report.
    const bool well_formed = !body.empty() && body.front() != '|' && body.back() != '|' &&
                             body.find("||") == std::string_view::npos;
    if (well_formed && body.size() > 1 && body.find('-') != std::string_view::npos) {
      for (std::string_view alt : Split(body, '|')) {
        std::string_view word = alt;
        const bool form_only = !word.empty() && word.front() == '=';
        if (form_only) word.remove_prefix(1);
        if (word.size() < 2 || word.find('-') == std::string_view::npos) {
          if (!plain.empty()) plain += '|';
          plain += alt;
          continue;
        }
        if (word.front() == '-' || word.back() == '-' || word.find("--") != std::string_view::npos) {
          return Status::BadData(where + "empty part in hyphenated word '" + std::string(alt) +
                                 "'");
        }
        any_hyphen = true;
        std::vector<ElementText> parts;
        for (std::string_view part : Split(word, '-')) {
          if (!parts.empty()) parts.push_back({"-", true});
          parts.push_back({(form_only ? "=" : "") + std::string(part), !parts.empty()});
        }
        if (mark) parts.front().text.insert(0, 1, '^');
        forms.push_back(std::move(parts));
      }
    }
    if (!any_hyphen) {
      for (auto& v : *out) v.push_back({std::string(tok), false});
      continue;
    }
    if (mark && optional) return Status::BadData(where + "the trigger cannot be optional");
    if (!plain.empty()) {
      forms.insert(forms.begin(), {{(mark ? "^" : "") + plain + (optional ? "?" : ""), false}});
    } else if (optional) {
      forms.insert(forms.begin(), std::vector<ElementText>());
    }
    if (out->size() * forms.size() > kMaxVariants) {
      return Status::BadData(where + "more than " + std::to_string(kMaxVariants) +
                             " combinations of hyphenated words");
    }
    std::vector<std::vector<ElementText>> next;
    for (const auto& v : *out) {
      for (const auto& f : forms) {
        next.push_back(v);
        next.back().insert(next.back().end(), f.begin(), f.end());
      }
    }
    *out = std::move(next);
  }
  return Status::Ok();
}

Status ParseElement(std::string_view tok, bool joined, Pattern* p, bool* saw_trigger_mark,
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
  if (!joined) ++p->words;
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
  } else if (key == "dyad") {
    p->symmetric = true;
    p->dyad = true;
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

// Parses the `size` elements of one variant of a line into `p` (element i by `parse(i, &p,
// &marked)`), checks the pattern and appends it to *out.
template <typename ParseAt>
Status AddVariant(Pattern p, size_t size, ParseAt parse, const Where& where,
                  std::vector<Pattern>* out) {
  bool marked = false;
  p.trigger = -1;
  p.elements.reserve(size);
  for (size_t i = 0; i < size; ++i) DRAGOMAN_RETURN_IF_ERROR(parse(i, &p, &marked));
  if (!marked) {
    for (size_t i = 0; i < p.elements.size(); ++i) {
      if (p.elements[i].kind == PatternElement::Kind::kWord) {
        p.trigger = static_cast<int>(i);
        break;
      }
    }
  }
  if (p.trigger < 0) return Status::BadData(where + "pattern has no word to trigger on");
  if (p.elements[p.trigger].optional) return Status::BadData(where + "the trigger cannot be optional");
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
  out->push_back(std::move(p));
  return Status::Ok();
}

}  // namespace

Result<std::vector<Pattern>> ParsePatterns(std::string_view name, std::string_view text,
                                           const CodeTable& codes, DataProblems* problems) {
  std::vector<Pattern> out;
  // About a pattern a line (a hyphenated word adds a variant or two).
  out.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::string base_name(name);
  if (size_t slash = base_name.rfind('/'); slash != std::string::npos) {
    base_name = base_name.substr(slash + 1);
  }
  std::vector<std::string_view> fields, cols, toks, opts;  // reused by every line
  std::vector<std::vector<ElementText>> variants;
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
    Pattern base;
    base.line = n;
    SplitSpaceInto(cols[0], &toks);
    std::string code(toks[0]);
    if (code != "-") {
      if (!codes.Find(code)) return Status::BadData(where + "unknown CAMEO code '" + code + "'");
      base.code = code;
    }
    SplitSpaceInto(cols[1], &toks);
    // Only a word with a hyphen makes more than the one variant ExpandHyphens would otherwise
    // copy the words into; most lines have none and skip it.
    const bool hyphenated = std::any_of(toks.begin(), toks.end(), [](std::string_view t) {
      return t.find('-') != std::string_view::npos;
    });
    if (hyphenated) DRAGOMAN_RETURN_IF_ERROR(ExpandHyphens(toks, &variants, where));
    if (cols.size() == 3) {
      SplitSpaceInto(cols[2], &opts);
      for (auto opt : opts) DRAGOMAN_RETURN_IF_ERROR(ParseOption(opt, codes, &base, where));
    }
    if (base.code.empty() && base.neg_code.empty() && !base.neg_none) {
      return Status::BadData(where + "code '-' needs neg=CODE");
    }
    // "FILE:LINE PATTERN", the pattern's words as written.
    size_t rule_size = base_name.size() + 12 + toks.size();
    for (std::string_view t : toks) rule_size += t.size();
    base.rule.reserve(rule_size);
    base.rule += base_name;
    base.rule += ':';
    base.rule += std::to_string(n);
    for (std::string_view t : toks) {
      base.rule += ' ';
      base.rule += t;
    }
    if (!hyphenated) {
      // One variant, the words as written: parsed straight from the line.
      return AddVariant(
          std::move(base), toks.size(),
          [&](size_t i, Pattern* p, bool* marked) {
            return ParseElement(toks[i], false, p, marked, where);
          },
          where, &out);
    }
    for (const std::vector<ElementText>& variant : variants) {
      DRAGOMAN_RETURN_IF_ERROR(AddVariant(
          base, variant.size(),
          [&](size_t i, Pattern* p, bool* marked) {
            return ParseElement(variant[i].text, variant[i].joined, p, marked, where);
          },
          where, &out));
    }
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
