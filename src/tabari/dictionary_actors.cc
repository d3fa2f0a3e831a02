// Loaders of the TABARI .actors and .agents files: actor phrases with their (possibly
// date-restricted, possibly compound) [CODE] blocks and synonyms, the <NOUN>/<ADJECTIVE> lists,
// agents with their [~CODE].
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

}  // namespace

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

Status ParseActorCodeBlock(std::string_view body, std::vector<DatedCode>* out,
                           std::string_view name, int line) {
  return ParseCodeBlock(body, out, name, line);
}

}  // namespace dragoman::tabari
