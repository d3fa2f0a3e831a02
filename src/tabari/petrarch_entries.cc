// The pieces the PETRARCH-1 loaders share (petrarch_internal.h): comment-free lines, entry
// parts, whole-word phrases and regular English word forms.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "base/lines.h"
#include "base/strings.h"
#include "tabari/petrarch_internal.h"

namespace dragoman::tabari::petrarch_internal {
namespace {

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

}  // namespace

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

Phrase WholeWordPhrase(std::string_view s, bool blank_gaps) {
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

std::string RegularPlural(const std::string& w) {
  if (w.size() >= 2 && w.back() == 'Y' && !IsVowel(w[w.size() - 2]))
    return w.substr(0, w.size() - 1) + "IES";
  if (EndsWith(w, "S") || EndsWith(w, "X") || EndsWith(w, "Z") || EndsWith(w, "CH") ||
      EndsWith(w, "SH"))
    return w + "ES";
  return w + "S";
}

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

}  // namespace dragoman::tabari::petrarch_internal
