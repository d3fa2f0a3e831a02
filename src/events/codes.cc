#include "events/codes.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>
#include <vector>

#include "base/data_file.h"

namespace dragoman {
namespace {

bool IsCode(std::string_view s) {
  if (s.size() < 3 || s.size() > 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return s[0] == '0' || s[0] == '1' || (s[0] == '2' && s[1] == '0');
}

std::string At(std::string_view name, int line) { return FileLine(name, line) + ": "; }

}  // namespace

Result<CodeTable> CodeTable::Parse(std::string_view cameo_name, std::string_view cameo_text,
                                   std::string_view plover_name, std::string_view plover_text,
                                   DataProblems* problems) {
  CodeTable table;
  static const std::set<std::string_view> kQuads = {"verbal_coop", "material_coop",
                                                    "verbal_conflict", "material_conflict"};
  Status st = ForEachContentLine(cameo_text, problems, [&](int n, std::string_view line) -> Status {
    auto f = SplitFields(line, '\t');
    if (f.size() != 4 && f.size() != 5)
      return Status::BadData(At(cameo_name, n) + "expected 4 or 5 tab-separated fields");
    if (!IsCode(f[0])) {
      return Status::BadData(At(cameo_name, n) + "bad CAMEO code '" + std::string(f[0]) + "'");
    }
    // A number from -10 to 10; "nan", "inf" and hex forms are not weights (issue 12, row 9).
    // The code itself is still entered (weight 0), so that with a problem sink the rows naming
    // it elsewhere are checked instead of each reporting an unknown code.
    Status row;
    std::string w(f[1]);
    double g = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), g, std::chars_format::fixed);
    if (w.empty() || ec != std::errc() || end != w.data() + w.size() || !std::isfinite(g) ||
        g < -10 || g > 10) {
      row = DataError(cameo_name, n, "bad Goldstein weight '" + w + "' (a number from -10 to 10)");
      g = 0;
    }
    if (row.ok() && !kQuads.count(f[2])) {
      row = DataError(cameo_name, n, "bad quad class '" + std::string(f[2]) + "'");
    }
    if (row.ok() && f[3].empty()) row = DataError(cameo_name, n, "empty name");
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
    return row;
  });
  if (!st.ok()) return st;
  std::set<std::string> typed;
  st = ForEachContentLine(plover_text, problems, [&](int n, std::string_view line) -> Status {
    auto f = SplitFields(line, '\t');
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
      DRAGOMAN_RETURN_IF_ERROR(Report(
          problems, DataError(plover_name, "CAMEO code " + code +
                                               " has no PLOVER row (use '-' for untyped codes)")));
    }
  }
  return table;
}

Result<CodeTable> CodeTable::Load(const std::string& dir, DataProblems* problems) {
  std::string cameo_path = dir + "/cameo.tsv";
  std::string plover_path = dir + "/cameo_plover.tsv";
  DRAGOMAN_ASSIGN_OR_RETURN(std::string cameo, ReadDataFile(cameo_path));
  DRAGOMAN_ASSIGN_OR_RETURN(std::string plover, ReadDataFile(plover_path));
  return Parse(cameo_path, cameo, plover_path, plover, problems);
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
