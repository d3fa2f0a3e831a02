#include "tabari/petrarch.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "base/data_file.h"
#include "base/file.h"
#include "base/strings.h"
#include "base/suite_record.h"
#include "tabari/coder.h"

namespace dragoman::tabari {
namespace {

// Applies the bad-entry policy to a failed entry: kFail passes the error on, kSkip records it
// and returns OK so that the caller drops the entry and continues.
class EntryErrors {
 public:
  EntryErrors(const PetrarchLoadOptions& opt, std::vector<std::string>* warnings)
      : opt_(opt), warnings_(warnings) {}
  Status Handle(Status s) {
    if (s.ok() || opt_.on_bad_entry == BadEntryPolicy::kFail) return s;
    if (warnings_) warnings_->push_back(s.message());
    return Status::Ok();
  }
  Status Handle(std::string_view name, int line, std::string_view why) {
    return Handle(DataError(name, line, why));
  }

 private:
  const PetrarchLoadOptions& opt_;
  std::vector<std::string>* warnings_;
};

struct DataLine {
  int line = 0;
  std::string_view text;  // comment removed, trimmed, never empty
};

// The non-blank lines of a PETRARCH file with comments removed: "<!-- ... -->" (also written
// "<! -- ... -->") may span lines; '#' or ';' outside '[...]' ends the line.
std::vector<DataLine> DataLines(std::string_view text) {
  std::vector<DataLine> out;
  bool in_block = false;
  // ForEachLine only fails when the callback does, and this one never does.
  (void)ForEachLine(text, [&](int line_no, std::string_view l) -> Status {
    if (in_block) {
      size_t end = l.find("-->");
      if (end == std::string_view::npos) return Status::Ok();
      in_block = false;
      l = l.substr(end + 3);
    }
    l = Trim(l);
    if (l.substr(0, 2) == "<!") {
      size_t end = l.find("-->");
      if (end == std::string_view::npos) {
        in_block = true;
        return Status::Ok();
      }
      l = Trim(l.substr(end + 3));
    }
    int depth = 0;
    for (size_t i = 0; i < l.size(); ++i) {
      char c = l[i];
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if ((c == '#' || c == ';') && depth == 0) {
        l = l.substr(0, i);
        break;
      }
    }
    l = Trim(l);
    if (!l.empty()) out.push_back({line_no, l});
    return Status::Ok();
  });
  return out;
}

// Splits "PHRASE {A B} [X] [Y]" into phrase, the brace body (has_braces says whether there
// were braces) and the bracket bodies.
struct Entry {
  std::string_view phrase;
  bool has_braces = false;
  std::string_view braces;
  std::vector<std::string_view> codes;
};

Status SplitPetrarchEntry(std::string_view l, std::string_view name, int line, Entry* e) {
  *e = Entry();
  size_t b = l.find('[');
  size_t c = l.find('{');
  size_t end = std::min(b, c);
  e->phrase = Trim(l.substr(0, end == std::string_view::npos ? l.size() : end));
  if (c != std::string_view::npos && (b == std::string_view::npos || c < b)) {
    size_t ce = l.find('}', c);
    if (ce == std::string_view::npos) return DataError(name, line, "unclosed '{'");
    e->has_braces = true;
    e->braces = Trim(l.substr(c + 1, ce - c - 1));
    if (b != std::string_view::npos && b < ce) b = l.find('[', ce);
  }
  while (b != std::string_view::npos) {
    size_t be = l.find(']', b);
    if (be == std::string_view::npos) return DataError(name, line, "unclosed '['");
    e->codes.push_back(l.substr(b + 1, be - b - 1));
    b = l.find('[', be);
  }
  return Status::Ok();
}

// A phrase of whole words: '_' and blanks both separate words that must be adjacent; '+' marks
// (multi-word verbs) and a trailing '_' or '=' are dropped.
Phrase WholeWordPhrase(std::string_view s, bool blank_gaps = false) {
  Phrase p;
  size_t i = 0;
  while (i < s.size()) {
    bool blank = false;
    while (i < s.size() &&
           (s[i] == '_' || s[i] == '+' || std::isspace(static_cast<unsigned char>(s[i])))) {
      blank = blank || std::isspace(static_cast<unsigned char>(s[i]));
      ++i;
    }
    size_t st = i;
    while (i < s.size() && s[i] != '_' && s[i] != '+' &&
           !std::isspace(static_cast<unsigned char>(s[i])))
      ++i;
    if (i == st) continue;
    Word w;
    w.text = Upper(s.substr(st, i - st));
    while (!w.text.empty() && w.text.back() == '=') w.text.pop_back();
    if (w.text.empty()) continue;
    w.exact = true;
    w.endings = Word::Endings::kNone;
    p.adjacent.push_back(!(blank_gaps && blank && !p.words.empty()));
    p.words.push_back(std::move(w));
  }
  return p;
}

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

std::string RegularPlural(const std::string& w) {
  if (w.size() >= 2 && w.back() == 'Y' && !IsVowel(w[w.size() - 2]))
    return w.substr(0, w.size() - 1) + "IES";
  if (EndsWith(w, "S") || EndsWith(w, "X") || EndsWith(w, "Z") || EndsWith(w, "CH") ||
      EndsWith(w, "SH"))
    return w + "ES";
  return w + "S";
}

// Regular verb forms: third person, past, gerund.
std::vector<std::string> RegularVerbForms(const std::string& w) {
  std::vector<std::string> f;
  if (w.empty()) return f;
  bool cons_y = w.size() >= 2 && w.back() == 'Y' && !IsVowel(w[w.size() - 2]);
  if (cons_y)
    f.push_back(w.substr(0, w.size() - 1) + "IES");
  else if (EndsWith(w, "S") || EndsWith(w, "X") || EndsWith(w, "Z") || EndsWith(w, "CH") ||
           EndsWith(w, "SH") || EndsWith(w, "O"))
    f.push_back(w + "ES");
  else
    f.push_back(w + "S");
  if (w.back() == 'E')
    f.push_back(w + "D");
  else if (cons_y)
    f.push_back(w.substr(0, w.size() - 1) + "IED");
  else
    f.push_back(w + "ED");
  if (w.back() == 'E' && !EndsWith(w, "EE") && w.size() > 2)
    f.push_back(w.substr(0, w.size() - 1) + "ING");
  else
    f.push_back(w + "ING");
  return f;
}

// Makes every literal word of a pattern sequence whole-word (PETRARCH matches parsed words).
void WholeWords(std::vector<PatternElem>* seq) {
  for (auto& e : *seq) {
    if (e.kind == PatternElem::Kind::kWord) {
      e.word.exact = true;
      e.word.endings = Word::Endings::kNone;
    }
    for (auto& a : e.alts) WholeWords(&a);
  }
}

std::string SynsetName(std::string_view s) {
  std::string n = Upper(Trim(s));
  while (!n.empty() && n.back() == '_') n.pop_back();
  return n;
}

}  // namespace

Status LoadPetrarchActors(std::string_view text, std::string_view name,
                          const PetrarchLoadOptions& opt, Dictionaries* dict,
                          std::vector<std::string>* warnings) {
  EntryErrors errors(opt, warnings);
  // The entry being read: its phrases and its codes (restricted and default kept apart so that
  // the restricted ones are tried first).
  std::vector<std::pair<Phrase, int>> phrases;
  std::vector<DatedCode> dated, plain;
  int entry_line = 0;
  bool entry_bad = false;
  auto flush = [&]() -> Status {
    Status s;
    if (!phrases.empty() && !entry_bad) {
      if (dated.empty() && plain.empty()) {
        s = errors.Handle(name, entry_line, "actor has no [CODE]");
      } else {
        int32_t begin = static_cast<int32_t>(dict->actor_codes.size());
        for (auto& c : dated) dict->actor_codes.push_back(std::move(c));
        for (auto& c : plain) dict->actor_codes.push_back(std::move(c));
        int32_t end = static_cast<int32_t>(dict->actor_codes.size());
        for (auto& [ph, ln] : phrases) {
          ActorEntry a;
          a.phrase = std::move(ph);
          a.codes_begin = begin;
          a.codes_end = end;
          a.line = ln;
          dict->actors.push_back(std::move(a));
        }
      }
    }
    phrases.clear();
    dated.clear();
    plain.clear();
    entry_bad = false;
    return s;
  };
  auto add_codes = [&](const std::vector<std::string_view>& bodies, int line) -> Status {
    for (auto body : bodies) {
      std::vector<DatedCode> codes;
      Status s = ParseActorCodeBlock(body, &codes, name, line);
      if (!s.ok()) {
        // A malformed code block drops only itself: the entry's other codes still hold.
        DRAGOMAN_RETURN_IF_ERROR(errors.Handle(s));
        continue;
      }
      for (auto& c : codes) ((c.from || c.to) ? dated : plain).push_back(std::move(c));
    }
    return Status::Ok();
  };
  Entry e;
  for (const DataLine& dl : DataLines(text)) {
    std::string_view l = dl.text;
    if (l[0] == '[') {
      if (phrases.empty() && !entry_bad) {
        DRAGOMAN_RETURN_IF_ERROR(errors.Handle(name, dl.line, "code block without an actor"));
        continue;
      }
      Status s = SplitPetrarchEntry(l, name, dl.line, &e);
      if (!s.ok()) {
        DRAGOMAN_RETURN_IF_ERROR(errors.Handle(s));
        continue;
      }
      DRAGOMAN_RETURN_IF_ERROR(add_codes(e.codes, dl.line));
      continue;
    }
    bool synonym = l[0] == '+';
    if (synonym && phrases.empty() && !entry_bad) {
      DRAGOMAN_RETURN_IF_ERROR(errors.Handle(name, dl.line, "synonym '+' without an actor"));
      continue;
    }
    // A phrase line starts a new entry once the current one has its codes; before that it is
    // one more name for the same actor (consecutive names share the code lines below them).
    if (!synonym && (!dated.empty() || !plain.empty() || entry_bad || phrases.empty())) {
      DRAGOMAN_RETURN_IF_ERROR(flush());
      entry_line = dl.line;
    }
    Status s = SplitPetrarchEntry(synonym ? l.substr(1) : l, name, dl.line, &e);
    Phrase p = WholeWordPhrase(e.phrase, /*blank_gaps=*/true);
    if (s.ok() && p.words.empty()) s = DataError(name, dl.line, "empty phrase");
    if (!s.ok()) {
      DRAGOMAN_RETURN_IF_ERROR(errors.Handle(s));
      if (!synonym) entry_bad = true;
      continue;
    }
    if (entry_bad) continue;
    phrases.emplace_back(std::move(p), dl.line);
    DRAGOMAN_RETURN_IF_ERROR(add_codes(e.codes, dl.line));
  }
  return flush();
}

// An agent entry's phrases after every '!SET!' is expanded: a bound, so that a line naming
// several large sets cannot make the loader's memory explode.
constexpr size_t kMaxSubstitutedForms = 4096;

Status LoadPetrarchAgents(std::string_view text, std::string_view name,
                          const PetrarchLoadOptions& opt, Dictionaries* dict,
                          std::vector<std::string>* warnings) {
  EntryErrors errors(opt, warnings);
  std::map<std::string, std::vector<std::string>> substitutions;  // "!CREW!" -> words
  Entry e;
  for (const DataLine& dl : DataLines(text)) {
    std::string_view l = dl.text;
    if (l[0] == '!' && l.find('=') != std::string_view::npos &&
        l.find('[') == std::string_view::npos) {
      size_t close = l.find('!', 1);
      size_t eq = l.find('=');
      if (close == std::string_view::npos || eq == std::string_view::npos || eq < close) {
        DRAGOMAN_RETURN_IF_ERROR(
            errors.Handle(name, dl.line, "substitution set needs '!NAME! = WORD, WORD'"));
        continue;
      }
      auto& words = substitutions[Upper(l.substr(0, close + 1))];
      words.clear();
      std::string_view rest = l.substr(eq + 1);
      while (!rest.empty()) {
        size_t comma = rest.find(',');
        std::string_view w = Trim(rest.substr(0, comma));
        if (!w.empty()) words.push_back(Upper(w));
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      if (words.empty())
        DRAGOMAN_RETURN_IF_ERROR(errors.Handle(name, dl.line, "empty substitution set"));
      // A word holding '!' would be expanded again, for ever (found by petrarch_fuzz).
      if (std::any_of(words.begin(), words.end(),
                      [](const std::string& w) { return w.find('!') != std::string::npos; })) {
        substitutions.erase(Upper(l.substr(0, close + 1)));
        DRAGOMAN_RETURN_IF_ERROR(
            errors.Handle(name, dl.line, "a substitution word may not hold '!'"));
      }
      continue;
    }
    Status s = SplitPetrarchEntry(l, name, dl.line, &e);
    if (s.ok() && e.codes.size() != 1)
      s = DataError(name, dl.line, "agent needs exactly one [~CODE]");
    std::string code = s.ok() ? std::string(Trim(e.codes[0])) : "";
    bool prefix = false;
    if (s.ok()) {
      if (code.size() >= 2 && code.front() == '~') {
        code = std::string(Trim(std::string_view(code).substr(1)));
      } else if (code.size() >= 2 && code.back() == '~') {
        code = std::string(Trim(std::string_view(code).substr(0, code.size() - 1)));
        prefix = true;
      } else {
        s = DataError(name, dl.line, "agent code [" + code + "] needs '~' before or after it");
      }
    }
    // Phrases: the entry and its plurals, with every substitution set expanded.
    std::vector<std::string> forms{Upper(e.phrase)};
    if (s.ok()) {
      bool substituted = false;
      for (size_t k = 0; k < forms.size() && s.ok(); ++k) {
        size_t a = forms[k].find('!');
        if (a == std::string::npos) continue;
        size_t b = forms[k].find('!', a + 1);
        if (b == std::string::npos) {
          s = DataError(name, dl.line, "unclosed '!' substitution marker");
          break;
        }
        auto it = substitutions.find(forms[k].substr(a, b - a + 1));
        if (it == substitutions.end()) {
          s = DataError(name, dl.line, "unknown substitution set " + forms[k].substr(a, b - a + 1));
          break;
        }
        substituted = true;
        if (forms.size() + it->second.size() > kMaxSubstitutedForms) {
          s = DataError(name, dl.line,
                        "substitution sets expand to more than " +
                            std::to_string(kMaxSubstitutedForms) + " phrases");
          break;
        }
        std::string f = forms[k];
        forms.erase(forms.begin() + static_cast<long>(k));
        for (const auto& w : it->second) forms.push_back(f.substr(0, a) + w + f.substr(b + 1));
        k = static_cast<size_t>(-1);  // rescan: a form may hold a second marker
      }
      if (s.ok()) {
        std::vector<std::string> plurals;
        if (e.has_braces) {
          std::string_view rest = e.braces;
          while (!rest.empty()) {
            rest = Trim(rest);
            size_t sp = 0;
            while (sp < rest.size() && !std::isspace(static_cast<unsigned char>(rest[sp]))) ++sp;
            if (sp) plurals.push_back(Upper(rest.substr(0, sp)));
            rest.remove_prefix(sp);
          }
        } else if (!substituted) {
          for (const auto& f : forms) {
            Phrase p = WholeWordPhrase(f);
            if (p.words.empty()) continue;
            std::string pl;
            for (size_t i = 0; i + 1 < p.words.size(); ++i) pl += p.words[i].text + "_";
            plurals.push_back(pl + RegularPlural(p.words.back().text));
          }
        }
        for (auto& p : plurals) forms.push_back(std::move(p));
      }
    }
    if (!s.ok()) {
      DRAGOMAN_RETURN_IF_ERROR(errors.Handle(s));
      continue;
    }
    for (const auto& f : forms) {
      AgentEntry a;
      a.phrase = WholeWordPhrase(f);
      if (a.phrase.words.empty()) continue;
      a.code = code;
      a.prefix = prefix;
      a.line = dl.line;
      dict->agents.push_back(std::move(a));
    }
  }
  return Status::Ok();
}

Status LoadPetrarchDiscards(std::string_view text, std::string_view name,
                            const PetrarchLoadOptions& opt, Dictionaries* dict,
                            std::vector<std::string>* warnings) {
  EntryErrors errors(opt, warnings);
  int32_t code = -1;  // one shared "###" code
  for (const DataLine& dl : DataLines(text)) {
    std::string_view l = dl.text;
    if (l[0] == '+') l.remove_prefix(1);
    Phrase p = WholeWordPhrase(l);
    if (p.words.empty() || l.find('[') != std::string_view::npos) {
      DRAGOMAN_RETURN_IF_ERROR(errors.Handle(name, dl.line, "discard needs a phrase and no code"));
      continue;
    }
    if (code < 0) {
      code = static_cast<int32_t>(dict->actor_codes.size());
      DatedCode dc;
      dc.code = "###";
      dict->actor_codes.push_back(std::move(dc));
    }
    ActorEntry a;
    a.phrase = std::move(p);
    a.codes_begin = code;
    a.codes_end = code + 1;
    a.line = dl.line;
    dict->actors.push_back(std::move(a));
  }
  return Status::Ok();
}

Status LoadPetrarchVerbs(std::string_view text, std::string_view name,
                         const PetrarchLoadOptions& opt, Dictionaries* dict,
                         std::vector<std::string>* warnings) {
  EntryErrors errors(opt, warnings);
  std::vector<DataLine> lines = DataLines(text);
  // Groups remember their file, so that a coded event can name the line behind it.
  dict->verbs_files.emplace_back(name);
  const int file_index = static_cast<int>(dict->verbs_files.size() - 1);
  // Pass 1: synonym sets, which may be used before they are defined. A '+' line belongs to a
  // set when it follows the set's '&' line or another of its members.
  std::vector<int32_t> set_of_line(lines.size(), -1);
  size_t first_new_set = dict->synsets.size();
  {
    int32_t current = -1;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view l = lines[i].text;
      if (l[0] == '&') {
        std::string n = SynsetName(l);
        current = -1;
        for (size_t k = 0; k < dict->synsets.size(); ++k)
          if (dict->synsets[k].name == n) current = static_cast<int32_t>(k);
        if (current < 0) {
          Synset s;
          s.name = n;
          dict->synsets.push_back(std::move(s));
          current = static_cast<int32_t>(dict->synsets.size() - 1);
        }
        set_of_line[i] = current;
      } else if (l[0] == '+' && current >= 0) {
        set_of_line[i] = current;
      } else {
        current = -1;
      }
    }
  }
  // Pass 2: set members, blocks, verbs and patterns in file order.
  std::vector<int32_t> block_groups;  // groups of the current block: [0] the block's own
  VerbCode block_code;
  Entry e;
  for (size_t i = 0; i < lines.size(); ++i) {
    const DataLine& dl = lines[i];
    std::string_view l = dl.text;
    if (set_of_line[i] >= 0) {
      if (l[0] == '&') continue;
      std::vector<PatternElem> m;
      bool star = false;
      Status s = ParsePatternText(*dict, l.substr(1), name, dl.line, &m, nullptr, nullptr, &star);
      if (s.ok() && m.empty()) s = DataError(name, dl.line, "empty synonym");
      if (s.ok()) s = CheckSynsetMember(*dict, set_of_line[i], m, name, dl.line);
      if (!s.ok()) {
        DRAGOMAN_RETURN_IF_ERROR(errors.Handle(s));
        continue;
      }
      WholeWords(&m);
      // A member is a phrase: its words follow one another ("+GOLD COIN" does not match "gold
      // old coin", which another set may hold).
      for (size_t k = 1; k < m.size(); ++k) m[k].adjacent = true;
      dict->synsets[static_cast<size_t>(set_of_line[i])].members.push_back(std::move(m));
      continue;
    }
    if (l.substr(0, 3) == "---" && (l.size() == 3 || l[3] != ']')) {
      // "--- NAME [CODE] ---": a new block.
      block_groups.clear();
      block_code = VerbCode();
      std::string_view body = Trim(l.substr(3));
      if (EndsWith(body, "---")) body = Trim(body.substr(0, body.size() - 3));
      Status s = SplitPetrarchEntry(body, name, dl.line, &e);
      // Only the first [CODE] of a header counts ("--- NAME [010] [020] ---").
      if (s.ok()) {
        if (e.codes.empty())
          block_code.code = "---";
        else
          s = ParseVerbCodeBlock(e.codes[0], &block_code, name, dl.line);
      }
      if (!s.ok()) {
        DRAGOMAN_RETURN_IF_ERROR(errors.Handle(s));
        continue;  // its verbs then report "verb outside a block"
      }
      VerbGroup g;
      g.code = block_code;
      g.line = dl.line;
      g.file = file_index;
      dict->verb_groups.push_back(std::move(g));
      block_groups.push_back(static_cast<int32_t>(dict->verb_groups.size() - 1));
      continue;
    }
    if (l[0] == '-') {
      if (block_groups.empty()) {
        DRAGOMAN_RETURN_IF_ERROR(errors.Handle(name, dl.line, "pattern outside a verb block"));
        continue;
      }
      Status s = SplitPetrarchEntry(l.substr(1), name, dl.line, &e);
      if (s.ok() && e.codes.size() != 1)
        s = DataError(name, dl.line, "pattern needs exactly one [CODE]");
      Pattern p;
      p.line = dl.line;
      bool star = false;
      if (s.ok()) s = ParseVerbCodeBlock(e.codes[0], &p.code, name, dl.line);
      if (s.ok()) {
        // The braces of "{ A | B }" alternatives belong to the pattern: parse up to the code.
        std::string_view body = l.substr(1, l.find('[') - 1);
        s = ParsePatternText(*dict, body, name, dl.line, &p.lower, &p.upper, &p.lower_adjacent,
                             &star);
      }
      if (s.ok() && !star) s = DataError(name, dl.line, "pattern without '*' (the verb's place)");
      if (!s.ok()) {
        DRAGOMAN_RETURN_IF_ERROR(errors.Handle(s));
        continue;
      }
      WholeWords(&p.lower);
      WholeWords(&p.upper);
      for (int32_t g : block_groups)
        AddPatternToGroup(p, &dict->verb_groups[static_cast<size_t>(g)]);
      continue;
    }
    // A verb line.
    if (block_groups.empty()) {
      DRAGOMAN_RETURN_IF_ERROR(errors.Handle(name, dl.line, "verb outside a verb block"));
      continue;
    }
    Status s = SplitPetrarchEntry(l, name, dl.line, &e);
    if (s.ok() && e.codes.size() > 1) s = DataError(name, dl.line, "verb needs at most one [CODE]");
    Phrase base = WholeWordPhrase(e.phrase);
    if (s.ok() && base.words.empty()) s = DataError(name, dl.line, "verb without a word");
    int32_t group = block_groups[0];
    if (s.ok() && !e.codes.empty()) {
      VerbGroup g;
      s = ParseVerbCodeBlock(e.codes[0], &g.code, name, dl.line);
      g.line = dl.line;
      g.file = file_index;
      if (s.ok()) {
        dict->verb_groups.push_back(std::move(g));
        group = static_cast<int32_t>(dict->verb_groups.size() - 1);
        block_groups.push_back(group);
      }
    }
    if (!s.ok()) {
      DRAGOMAN_RETURN_IF_ERROR(errors.Handle(s));
      continue;
    }
    std::vector<Phrase> forms{base};
    if (e.has_braces) {
      std::string_view rest = e.braces;
      while (!rest.empty()) {
        rest = Trim(rest);
        size_t sp = 0;
        while (sp < rest.size() && !std::isspace(static_cast<unsigned char>(rest[sp]))) ++sp;
        Phrase f = WholeWordPhrase(rest.substr(0, sp));
        if (!f.words.empty()) forms.push_back(std::move(f));
        rest.remove_prefix(sp);
      }
    } else {
      // The verb word is the one marked '+' (the first word when none is).
      size_t verb_word = 0;
      {
        size_t plus = e.phrase.find('+');
        if (plus != std::string_view::npos && plus > 0)
          verb_word = WholeWordPhrase(e.phrase.substr(0, plus)).words.size();
        if (verb_word >= base.words.size()) verb_word = 0;
      }
      for (const std::string& f : RegularVerbForms(base.words[verb_word].text)) {
        Phrase p = base;
        p.words[verb_word].text = f;
        forms.push_back(std::move(p));
      }
    }
    for (auto& f : forms) {
      VerbEntry v;
      v.phrase = std::move(f);
      v.group = group;
      v.line = dl.line;
      dict->verbs.push_back(std::move(v));
    }
  }
  for (size_t k = first_new_set; k < dict->synsets.size(); ++k)
    if (dict->synsets[k].members.empty())
      DRAGOMAN_RETURN_IF_ERROR(errors.Handle(Status::BadData(
          std::string(name) + ": synonym set " + dict->synsets[k].name + " has no members")));
  return Status::Ok();
}

Result<PetrarchFiles> ResolvePetrarchSpec(std::string_view spec) {
  namespace fs = std::filesystem;
  PetrarchFiles f;
  std::string s(Trim(spec));
  if (s.empty()) return Status::InvalidArgument("petrarch: needs a directory or a file list");
  std::error_code ec;
  if (s.find(',') == std::string::npos && fs::is_directory(s, ec)) {
    fs::path dir(s);
    if (fs::exists(dir / "PETR.Validate.verbs.txt", ec)) {
      for (const char* kind : {"actors", "agents", "discards", "verbs"}) {
        fs::path p = dir / (std::string("PETR.Validate.") + kind + ".txt");
        if (!fs::exists(p, ec)) continue;
        std::string k = kind;
        (k == "actors"     ? f.actors
         : k == "agents"   ? f.agents
         : k == "discards" ? f.discards
                           : f.verbs)
            .push_back(p.string());
      }
    } else {
      std::vector<std::string> names;
      for (const auto& de : fs::directory_iterator(dir, ec)) names.push_back(de.path().filename());
      std::sort(names.begin(), names.end());
      std::string verbs;
      for (const auto& n : names) {
        if (n.rfind("Phoenix.", 0) == 0 && EndsWith(n, ".actors.txt"))
          f.actors.push_back((dir / n).string());
        else if (n == "Phoenix.agents.txt")
          f.agents.push_back((dir / n).string());
        else if (n == "Phoenix.discards.txt")
          f.discards.push_back((dir / n).string());
        else if (n.rfind("CAMEO.verbpatterns.", 0) == 0 && EndsWith(n, ".txt"))
          verbs = (dir / n).string();
      }
      if (!verbs.empty()) f.verbs.push_back(verbs);
    }
  } else {
    size_t pos = 0;
    while (pos <= s.size()) {
      size_t comma = s.find(',', pos);
      if (comma == std::string::npos) comma = s.size();
      std::string file(Trim(std::string_view(s).substr(pos, comma - pos)));
      pos = comma + 1;
      if (file.empty()) continue;
      if (!fs::exists(file, ec)) return Status::NotFound(file + ": no such dictionary file");
      std::string base = fs::path(file).filename().string();
      for (char& c : base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (base.find("actors") != std::string::npos)
        f.actors.push_back(file);
      else if (base.find("agents") != std::string::npos)
        f.agents.push_back(file);
      else if (base.find("discards") != std::string::npos)
        f.discards.push_back(file);
      else if (base.find("verb") != std::string::npos)
        f.verbs.push_back(file);
      else
        return Status::InvalidArgument(
            file +
            ": cannot tell the dictionary kind (the name must contain actors, agents, "
            "discards or verb)");
    }
  }
  if (f.actors.empty() || f.verbs.empty())
    return Status::NotFound("petrarch:" + s + ": no actors file or no verbs file");
  return f;
}

Status LoadAdjectiveList(const std::string& path, Dictionaries* dict) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view l = std::string_view(text).substr(pos, nl - pos);
    pos = nl + 1;
    if (l.empty() || std::isspace(static_cast<unsigned char>(l[0]))) continue;
    std::string_view w = l.substr(0, l.find(' '));
    if (w.empty() || w.find('_') != std::string_view::npos) continue;
    dict->adjectives.push_back(Upper(w) + "_");  // '_': the whole word, not a stem
  }
  return Status::Ok();
}

Options PetrarchOptions() {
  Options o;
  o.minimum_words = 0;
  o.comma_min = 2;
  o.comma_max = 8;
  o.comma_bmin = 0;
  o.comma_bmax = 0;
  o.comma_emin = 2;
  o.comma_emax = 8;
  // An agent with no actor beside it is coded with the null actor: "students" -> "---EDU".
  o.convert_agent = true;
  o.agent_filler = "---";
  o.petrarch_rules = true;
  return o;
}

Result<Dictionaries> LoadPetrarchDictionaries(const PetrarchFiles& files,
                                              const PetrarchLoadOptions& opt,
                                              std::vector<std::string>* warnings) {
  Dictionaries d;
  d.options = PetrarchOptions();
  using Loader = Status (*)(std::string_view, std::string_view, const PetrarchLoadOptions&,
                            Dictionaries*, std::vector<std::string>*);
  auto load = [&](const std::vector<std::string>& paths, Loader fn) -> Status {
    for (const auto& p : paths) {
      auto text = ReadFile(p);
      if (!text.ok()) return Status::BadData(text.status().message());
      DRAGOMAN_RETURN_IF_ERROR(fn(*text, p, opt, &d, warnings));
    }
    return Status::Ok();
  };
  DRAGOMAN_RETURN_IF_ERROR(load(files.actors, &LoadPetrarchActors));
  DRAGOMAN_RETURN_IF_ERROR(load(files.agents, &LoadPetrarchAgents));
  DRAGOMAN_RETURN_IF_ERROR(load(files.discards, &LoadPetrarchDiscards));
  DRAGOMAN_RETURN_IF_ERROR(load(files.verbs, &LoadPetrarchVerbs));
  if (!opt.adjectives_file.empty())
    DRAGOMAN_RETURN_IF_ERROR(LoadAdjectiveList(opt.adjectives_file, &d));
  d.Finish();
  return d;
}

Result<std::vector<PetrarchRecord>> ParsePetrarchSuiteJsonl(std::string_view text,
                                                            std::string_view name) {
  std::vector<PetrarchRecord> out;
  Status walked =
      ForEachSuiteRecord(text, name, &Status::BadInput, [&](const SuiteRecordLine& rec) -> Status {
        const int line = rec.line;
        const nlohmann::json& j = rec.json;
        auto bad = [&](const std::string& why) {
          return Status::BadInput(FileLine(name, line) + ": " + why);
        };
        try {
          PetrarchRecord pr;
          SuiteRecord& r = pr.record;
          r.id = rec.id;
          std::optional<int32_t> date = SuiteDate(rec.date);
          if (!date) return bad("missing or bad 'date' (want YYYY-MM-DD)");
          r.date = *date;
          r.text = rec.text;
          r.line = line;
          for (const auto& e : rec.expected) r.expected.push_back({e.source, e.target, e.code, 0});
          if (j.contains("error") && j["error"].is_string())
            pr.error = j["error"].get<std::string>();
          // An input error means PETRARCH codes nothing; a discard is reported as one.
          if (pr.error == "storydiscard" || pr.error == "sentencediscard")
            r.special = "###";
          else if (!pr.error.empty() || (j.value("noevents", false) && r.expected.empty()))
            r.special = "---";
          if (r.expected.empty() && r.special.empty()) r.special = "---";
          // The pass rule (Passes in suite.h) reads the marker flags, not `special`; a special
          // outcome is expected only when no event is.
          if (r.expected.empty()) {
            r.marks_none = r.special == "---";
            r.marks_discard = r.special == "###";
            r.marks_complex = r.special == "+++";
            r.special_block = 0;
          }
          pr.options = PetrarchOptions();
          const nlohmann::json config = j.value("config", nlohmann::json::object());
          for (const auto& item : config.items()) {
            // Named, not a structured binding: clang 14 (the fuzz build) cannot capture a binding.
            const std::string key = item.key();
            const nlohmann::json& value = item.value();
            std::string v = value.is_string() ? value.get<std::string>() : value.dump();
            auto number = [&](int* out) -> Status {
              if (v.empty() || v.size() > 9 ||
                  v.find_first_not_of("0123456789") != std::string::npos)
                return bad("config " + key + " is not a number: '" + v + "'");
              *out = std::stoi(v);
              return Status::Ok();
            };
            Options& o = pr.options;
            if (key == "comma_min") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_min));
            if (key == "comma_max") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_max));
            if (key == "comma_bmin") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_bmin));
            if (key == "comma_bmax") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_bmax));
            if (key == "comma_emin") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_emin));
            if (key == "comma_emax") DRAGOMAN_RETURN_IF_ERROR(number(&o.comma_emax));
            if (key == "require_dyad") {
              std::string b = Upper(v);
              if (b != "TRUE" && b != "FALSE")
                return bad("config require_dyad is not true or false: '" + v + "'");
              o.require_dyad = b == "TRUE";
            }
            // stop_on_error (a driver setting) and new_actor_length (actors made from unknown
            // noun phrases) have no counterpart in the TABARI coder.
          }
          bool skip = j.value("skip", false);
          bool matches = j.value("text_matches_parse", true);
          pr.counted = !skip && matches;
          if (skip) {
            pr.skip_reason = j.contains("skip_reason") && j["skip_reason"].is_string()
                                 ? j["skip_reason"].get<std::string>()
                                 : "skip";
          } else if (!matches) {
            pr.skip_reason = "text_matches_parse: false";
          }
          r.checked = pr.counted;
          out.push_back(std::move(pr));
        } catch (const nlohmann::json::exception& e) {
          return bad(std::string("bad field: ") + e.what());
        }
        return Status::Ok();
      });
  DRAGOMAN_RETURN_IF_ERROR(walked);
  return out;
}

std::string SplitContractions(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  size_t i = 0;
  while (i < text.size()) {
    size_t st = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view w = text.substr(st, i - st);
    // Trailing punctuation stays after the split-off part: "didn't," -> "did n't,".
    size_t core = w.size();
    while (core > 0 && std::ispunct(static_cast<unsigned char>(w[core - 1])) && w[core - 1] != '\'')
      --core;
    std::string_view head = w.substr(0, core), tail = w.substr(core);
    std::string lower = Upper(head);
    if (lower.size() > 3 && EndsWith(lower, "N'T")) {
      out.append(head.substr(0, head.size() - 3)).append(" ").append(head.substr(head.size() - 3));
      out.append(tail);
    } else if (lower == "CANNOT") {
      out.append(head.substr(0, 3)).append(" ").append(head.substr(3)).append(tail);
    } else {
      out.append(w);
    }
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) out += text[i++];
  }
  return out;
}

void CodePetrarchText(TabariCoder& coder, std::string_view raw, int32_t date,
                      const Options& options, CodeResult* out) {
  std::string text = SplitContractions(raw);
  // A closing comma segment that the COMMA: rule keeps ("..., a ministry spokesman said
  // on Monday.") is a clause of its own in PETRARCH's parse: with require_dyad off, the text
  // before it and the segment are coded apart and their events joined.
  std::string_view t = Trim(text);
  size_t comma = t.rfind(", ");
  bool split = !options.require_dyad && comma != std::string_view::npos && !t.empty() &&
               std::string_view(".!?").find(t.back()) != std::string_view::npos;
  std::string_view closing;
  if (split) {
    closing = t.substr(comma + 2);
    int words = 0;
    for (size_t i = 0; i < closing.size(); ++i)
      if (!std::isspace(static_cast<unsigned char>(closing[i])) &&
          (i == 0 || std::isspace(static_cast<unsigned char>(closing[i - 1]))))
        ++words;
    bool aside = options.comma_on && words >= options.comma_emin && words <= options.comma_emax;
    split = !aside;
  }
  if (!split) {
    coder.Code(text, date, options, out);
    return;
  }
  std::string head(t.substr(0, comma));
  head += t.back();
  coder.Code(head, date, options, out);
  if (out->outcome == CodeResult::Outcome::kDiscard ||
      out->outcome == CodeResult::Outcome::kComplex)
    return;
  CodeResult extra;
  coder.Code(closing, date, options, &extra);
  if (extra.outcome == CodeResult::Outcome::kDiscard ||
      extra.outcome == CodeResult::Outcome::kComplex) {
    *out = std::move(extra);
    return;
  }
  for (auto& e : extra.events)
    if (std::find(out->events.begin(), out->events.end(), e) == out->events.end())
      out->events.push_back(std::move(e));
  if (!out->events.empty()) out->outcome = CodeResult::Outcome::kEvents;
}

PetrarchReport RunPetrarchSuite(const Dictionaries& dict,
                                const std::vector<PetrarchRecord>& records, std::ostream& out,
                                bool verbose) {
  PetrarchReport rep;
  TabariCoder coder(dict);
  CodeResult res;
  for (const PetrarchRecord& pr : records) {
    const SuiteRecord& r = pr.record;
    if (!pr.counted) {
      ++rep.skipped;
      if (verbose) out << "SKIP " << r.id << " (" << pr.skip_reason << ")\n";
      continue;
    }
    CodePetrarchText(coder, r.text, r.date, pr.options, &res);
    if (Passes(r, res)) {
      ++rep.passed;
      if (verbose) out << "PASS " << r.id << "\n";
      continue;
    }
    ++rep.failed;
    out << "FAIL " << r.id << " (line " << r.line << ")\n  text: " << r.text << "\n  expected:\n";
    if (!r.special.empty() && r.expected.empty())
      out << "    " << r.special << (pr.error.empty() ? "" : " (" + pr.error + ")") << "\n";
    for (const auto& e : r.expected)
      out << "    " << e.source << " / " << e.target << " / " << e.code << "\n";
    out << "  coded:\n" << DescribeResult(res);
  }
  out << rep.skipped << " skipped (skip or text_matches_parse false)\n";
  out << rep.passed << " passed, " << rep.failed << " failed\n";
  return rep;
}

}  // namespace dragoman::tabari
