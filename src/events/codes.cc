#include "events/codes.h"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <vector>

#include "base/file.h"
#include "base/lines.h"

namespace dragoman {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

bool IsCode(std::string_view s) {
  if (s.size() < 3 || s.size() > 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return s[0] == '0' || s[0] == '1' || (s[0] == '2' && s[1] == '0');
}

// Calls fn(line_number, line) for every non-blank, non-comment line (the line untrimmed:
// fields are tab-separated and may be empty at either end).
template <typename Fn>
Status ForEachContentLine(std::string_view text, Fn fn) {
  return ForEachLine(text, [&](int number, std::string_view line) -> Status {
    if (line.empty() || line[0] == '#') return Status::Ok();
    return fn(number, line);
  });
}

std::string At(std::string_view name, int line) {
  return std::string(name) + ":" + std::to_string(line) + ": ";
}

}  // namespace

Result<CodeTable> CodeTable::Parse(std::string_view cameo_name, std::string_view cameo_text,
                                   std::string_view plover_name, std::string_view plover_text) {
  CodeTable table;
  static const std::set<std::string_view> kQuads = {"verbal_coop", "material_coop",
                                                    "verbal_conflict", "material_conflict"};
  Status st = ForEachContentLine(cameo_text, [&](int n, std::string_view line) -> Status {
    auto f = SplitTabs(line);
    if (f.size() != 4 && f.size() != 5)
      return Status::BadData(At(cameo_name, n) + "expected 4 or 5 tab-separated fields");
    if (!IsCode(f[0])) {
      return Status::BadData(At(cameo_name, n) + "bad CAMEO code '" + std::string(f[0]) + "'");
    }
    std::string w(f[1]);
    char* end = nullptr;
    double g = std::strtod(w.c_str(), &end);
    if (w.empty() || *end != '\0' || g < -10 || g > 10) {
      return Status::BadData(At(cameo_name, n) + "bad Goldstein weight '" + w + "'");
    }
    if (!kQuads.count(f[2])) {
      return Status::BadData(At(cameo_name, n) + "bad quad class '" + std::string(f[2]) + "'");
    }
    if (f[3].empty()) return Status::BadData(At(cameo_name, n) + "empty name");
    CodeInfo info;
    info.code = std::string(f[0]);
    info.goldstein = g;
    info.quad = std::string(f[2]);
    info.name = std::string(f[3]);
    if (f.size() == 5) {
      std::string_view rest = f[4];
      while (!rest.empty()) {
        size_t comma = rest.find(',');
        std::string_view fam = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        bool ok = !fam.empty();
        for (char c : fam) ok = ok && ((c >= 'a' && c <= 'z') || c == '_');
        if (!ok) {
          return Status::BadData(At(cameo_name, n) + "bad family '" + std::string(fam) +
                                 "' (lower-case letters and '_', separated by ',')");
        }
        auto it = std::find(table.families_.begin(), table.families_.end(), fam);
        if (it == table.families_.end()) {
          if (table.families_.size() == 32) {
            return Status::BadData(At(cameo_name, n) + "more than 32 families");
          }
          table.families_.emplace_back(fam);
          it = table.families_.end() - 1;
        }
        info.families |= 1u << (it - table.families_.begin());
      }
    }
    if (!table.codes_.emplace(info.code, info).second) {
      return Status::BadData(At(cameo_name, n) + "duplicate code " + info.code);
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::set<std::string> typed;
  st = ForEachContentLine(plover_text, [&](int n, std::string_view line) -> Status {
    auto f = SplitTabs(line);
    if (f.size() != 4) {
      return Status::BadData(At(plover_name, n) + "expected 4 tab-separated fields");
    }
    auto it = table.codes_.find(f[0]);
    if (it == table.codes_.end()) {
      return Status::BadData(At(plover_name, n) + "code '" + std::string(f[0]) +
                             "' is not in the CAMEO table");
    }
    if (!typed.insert(std::string(f[0])).second) {
      return Status::BadData(At(plover_name, n) + "duplicate code " + std::string(f[0]));
    }
    auto field = [](std::string_view s) { return s == "-" ? std::string() : std::string(s); };
    it->second.plover = field(f[1]);
    it->second.plover_mode = field(f[2]);
    it->second.plover_context = field(f[3]);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  for (const auto& [code, info] : table.codes_) {
    if (!typed.count(code)) {
      return Status::BadData(std::string(plover_name) + ": CAMEO code " + code +
                             " has no PLOVER row (use '-' for untyped codes)");
    }
  }
  return table;
}

Result<CodeTable> CodeTable::Load(const std::string& dir) {
  std::string cameo_path = dir + "/cameo.tsv";
  std::string plover_path = dir + "/cameo_plover.tsv";
  DRAGOMAN_ASSIGN_OR_RETURN(std::string cameo, ReadFile(cameo_path));
  DRAGOMAN_ASSIGN_OR_RETURN(std::string plover, ReadFile(plover_path));
  return Parse(cameo_path, cameo, plover_path, plover);
}

Result<int> CodeTable::Family(std::string_view name) const {
  for (size_t i = 0; i < families_.size(); ++i) {
    if (families_[i] == name) return static_cast<int>(i);
  }
  return Status::BadData("cameo.tsv: no code is in family '" + std::string(name) +
                         "' (FAMILY column, doc/codes.md)");
}

const CodeInfo* CodeTable::Find(std::string_view code) const {
  auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace dragoman
