// Loaders of the PETRARCH-1 noun dictionaries: actors (with dated codes and synonyms), agents
// (with '!SET!' substitutions and regular plurals) and discard phrases.
#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/data_file.h"
#include "base/strings.h"
#include "tabari/petrarch.h"
#include "tabari/petrarch_internal.h"

namespace dragoman::tabari {
using namespace petrarch_internal;  // NOLINT(build/namespaces)

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

}  // namespace dragoman::tabari
