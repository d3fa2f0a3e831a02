// Loader of the PETRARCH-1 verb dictionary (CAMEO.verbpatterns): verb families and their
// forms (regular forms generated), patterns with their codes, and synonym sets.
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

}  // namespace dragoman::tabari
