#include "eval/coverage.h"

#include <map>

#include "base/data_file.h"
#include "eval/score.h"
#include "events/unresolved.h"

namespace dragoman::eval {

namespace {

bool PartyField(const std::string& s) {
  if (s == "-" || s == "*") return true;
  if (s.size() != 3) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool KeyAgrees(const std::string& want, const std::optional<ActorRef>& got) {
  if (want == "*") return true;
  if (want == "-") return !got || Unresolved(got);  // a code-less mention is no actor
  return got && ActorKey(*got) == want;
}

}  // namespace

Result<ExampleFile> ParseExamples(std::string_view name, std::string_view text,
                                  const CodeTable& codes) {
  ExampleFile out;
  DRAGOMAN_RETURN_IF_ERROR(ForEachDataLine(text, [&](int line_no, std::string_view line) -> Status {
    std::string where = FileLine(name, line_no);
    std::vector<std::string_view> fv = SplitFields(line, '\t');
    std::vector<std::string> f(fv.begin(), fv.end());
    if (f.size() != 4 || f[3].empty()) {
      return Status::BadData(where + ": expected CODE<TAB>SOURCE<TAB>TARGET<TAB>SENTENCE");
    }
    if (f[0] == "none") {
      if (f[1] != "-" || f[2] != "-") {
        return Status::BadData(where + ": a 'none' example has '-' as SOURCE and TARGET");
      }
      out.examples.push_back({line_no, f[0], f[1], f[2], f[3]});
      return Status::Ok();
    }
    if (!codes.Find(f[0])) return Status::BadData(where + ": unknown CAMEO code '" + f[0] + "'");
    if (f[1] == "exempt") {
      if (!out.exempt.emplace(f[0], f[3]).second) {
        return Status::BadData(where + ": code " + f[0] + " is exempted twice");
      }
      return Status::Ok();
    }
    if (!PartyField(f[1]) || !PartyField(f[2])) {
      return Status::BadData(where +
                             ": SOURCE and TARGET are party keys (three capitals), '-' or '*'");
    }
    out.examples.push_back({line_no, f[0], f[1], f[2], f[3]});
    return Status::Ok();
  }));
  for (const CodeExample& e : out.examples) {
    if (out.exempt.count(e.code)) {
      return DataError(name, e.line, "code " + e.code + " is exempted and has an example");
    }
  }
  return out;
}

bool ExampleCoded(const CodeExample& example, const std::vector<Event>& events, std::string* why) {
  if (example.code == "none" && events.empty()) return true;
  for (const Event& e : events) {
    if (example.code == "none") break;
    if (e.cameo != example.code) continue;
    bool straight = KeyAgrees(example.source, e.source) && KeyAgrees(example.target, e.target);
    bool swapped = IsSymmetricType(e.plover) && KeyAgrees(example.source, e.target) &&
                   KeyAgrees(example.target, e.source);
    if (straight || swapped) return true;
  }
  if (why) {
    why->clear();
    for (const Event& e : events) {
      if (!why->empty()) *why += "; ";
      *why += DescribeCoded(e) + " [" + e.rule + "]";
    }
    if (why->empty()) *why = "(nothing)";
  }
  return false;
}

std::vector<CodeCoverage> Coverage(const std::vector<std::string>& code_list,
                                   const CodeTable& codes, const std::vector<Pattern>& patterns,
                                   const ExampleFile& examples,
                                   const SentenceCoder& code_sentence) {
  std::map<std::string, CodeCoverage> rows;
  for (const std::string& c : code_list) {
    CodeCoverage& r = rows[c];
    r.code = c;
    if (const CodeInfo* info = codes.Find(c)) r.name = info->name;
    auto ex = examples.exempt.find(c);
    if (ex != examples.exempt.end()) r.exempt = ex->second;
  }
  int last_line = -1;
  for (const Pattern& p : patterns) {
    // A line with hyphenated alternatives loads as several patterns (events/patterns.h): the
    // file's line is what a person wrote, so it is counted once.
    if (p.line > 0 && p.line == last_line) continue;
    last_line = p.line;
    auto it = rows.find(p.code);
    if (it == rows.end()) continue;
    ++(p.noun ? it->second.nominal : it->second.verbal);
  }
  for (const CodeExample& e : examples.examples) {
    auto it = rows.find(e.code);
    if (it == rows.end()) continue;
    ++it->second.examples;
    if (code_sentence && ExampleCoded(e, code_sentence(e.sentence), nullptr)) ++it->second.coded;
  }
  std::vector<CodeCoverage> out;
  for (const std::string& c : code_list) out.push_back(rows[c]);
  return out;
}

Result<std::vector<std::string>> CameoCodeList(const std::string& cameo_tsv) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadDataFile(cameo_tsv));
  std::vector<std::string> out;
  DRAGOMAN_RETURN_IF_ERROR(ForEachDataLine(text, [&](int, std::string_view line) -> Status {
    out.emplace_back(line.substr(0, line.find('\t')));
    return Status::Ok();
  }));
  return out;
}

}  // namespace dragoman::eval
