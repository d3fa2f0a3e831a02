#include "text/abbreviations.h"

#include <utility>

#include "base/data_file.h"

namespace dragoman {

Result<Abbreviations> Abbreviations::Load(const std::string& path, DataProblems* problems) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadDataFile(path));
  return Parse(text, path, problems);
}

Result<Abbreviations> Abbreviations::Parse(std::string_view text, const std::string& name,
                                           DataProblems* problems) {
  Abbreviations a;
  Status st = ForEachDataLine(text, problems, [&](int line_no, std::string_view line) -> Status {
    auto fail = [&](const std::string& why) { return DataError(name, line_no, why); };
    size_t sp = line.find_first_of(" \t");
    if (sp == std::string_view::npos) return fail("expected 'ABBREVIATION KIND'");
    std::string_view word = line.substr(0, sp);
    std::string_view kind = line.substr(line.find_first_not_of(" \t", sp));
    if (word.size() < 2 || word.back() != '.') {
      return fail("abbreviation '" + std::string(word) + "' must end in '.'");
    }
    AbbrevKind k;
    if (kind == "title") {
      k = AbbrevKind::kTitle;
    } else if (kind == "number") {
      k = AbbrevKind::kNumber;
    } else if (kind == "end") {
      k = AbbrevKind::kEnd;
    } else {
      return fail("unknown kind '" + std::string(kind) + "' (expected title, number or end)");
    }
    if (!a.entries_.emplace(std::string(word), k).second) {
      return fail("duplicate abbreviation '" + std::string(word) + "'");
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return a;
}

const AbbrevKind* Abbreviations::Find(std::string_view word) const {
  auto it = entries_.find(word);
  if (it != entries_.end()) return &it->second;
  if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') {
    std::string lower(word);
    lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
    it = entries_.find(lower);
    if (it != entries_.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace dragoman
