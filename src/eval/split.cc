#include "eval/split.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <numeric>
#include <set>

#include "base/data_file.h"
#include "base/strings.h"

namespace dragoman::eval {

namespace {

bool PositiveInt(const std::string& s, int& out) {
  if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) {
    return false;
  }
  out = std::atoi(s.c_str());
  return out > 0;
}

// Whether `suffix` ends `path` on a whole path component.
bool EndsWithComponents(const std::string& path, const std::string& suffix) {
  std::string p = std::filesystem::path(path).lexically_normal().generic_string();
  if (p.size() < suffix.size() || p.compare(p.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  return p.size() == suffix.size() || p[p.size() - suffix.size() - 1] == '/';
}

}  // namespace

std::string_view PartName(Part p) {
  switch (p) {
    case Part::kAll:
      return "all";
    case Part::kTune:
      return "tune";
    case Part::kMeasure:
      return "measure";
  }
  return "?";
}

std::optional<Part> ParsePart(std::string_view s) {
  for (Part p : {Part::kAll, Part::kTune, Part::kMeasure}) {
    if (PartName(p) == s) return p;
  }
  return std::nullopt;
}

bool NaturalLess(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      size_t ie = i, je = j;
      while (ie < a.size() && digit(a[ie])) ++ie;
      while (je < b.size() && digit(b[je])) ++je;
      // Compare the runs as numbers: without leading zeros, the longer is the larger.
      std::string_view x = a.substr(i, ie - i), y = b.substr(j, je - j);
      while (x.size() > 1 && x.front() == '0') x.remove_prefix(1);
      while (y.size() > 1 && y.front() == '0') y.remove_prefix(1);
      if (x.size() != y.size()) return x.size() < y.size();
      if (x != y) return x < y;
      i = ie;
      j = je;
    } else {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

Result<Splits> Splits::Load(const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadDataFile(path));
  return Parse(text, path);
}

Result<Splits> Splits::Parse(std::string_view text, std::string_view name) {
  Splits out;
  std::set<std::string> seen;
  DRAGOMAN_RETURN_IF_ERROR(ForEachDataLine(text, [&](int line_no, std::string_view raw) -> Status {
    std::string where = FileLine(name, line_no);
    std::string_view line = Trim(raw.substr(0, raw.find('#')));
    std::vector<std::string_view> fw = SplitWords(line);
    std::vector<std::string> f(fw.begin(), fw.end());
    if (f.size() < 2) return Status::BadData(where + ": expected 'SET RULE'");
    Rule r;
    r.set = f[0];
    r.where = FileLine(std::filesystem::path(std::string(name)).filename().string(), line_no);
    r.text = std::string(Trim(line.substr(line.find(f[1]))));
    if (f[1] == "every") {
      if (f.size() != 5 || f[3] != "from" || !PositiveInt(f[2], r.every) ||
          !PositiveInt(f[4], r.from) || r.from > r.every) {
        return Status::BadData(where + ": expected 'every N from K' with 1 <= K <= N");
      }
    } else if (f[1] == "docs") {
      if (f.size() < 3) return Status::BadData(where + ": 'docs' needs at least one id");
      r.docs.assign(f.begin() + 2, f.end());
    } else if (f[1] != "none" || f.size() != 2) {
      return Status::BadData(where + ": the rule is 'every N from K', 'docs ID...' or 'none'");
    }
    if (!seen.insert(r.set).second) {
      return Status::BadData(where + ": set '" + r.set + "' is split twice");
    }
    out.rules_.push_back(std::move(r));
    return Status::Ok();
  }));
  return out;
}

Result<bool> Splits::Apply(const std::string& gold_path, GoldSet& set) const {
  const Rule* rule = nullptr;
  for (const Rule& r : rules_) {
    if (EndsWithComponents(gold_path, r.set) && (!rule || r.set.size() > rule->set.size())) {
      rule = &r;
    }
  }
  if (!rule) return false;
  std::vector<char> measure(set.docs.size(), 0);
  if (rule->every > 0) {
    std::vector<size_t> order(set.docs.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return NaturalLess(set.docs[a].id, set.docs[b].id);
    });
    for (size_t pos = 0; pos < order.size(); ++pos) {
      // 1-based positions K, K+N, ...
      if ((pos + 1) % rule->every == static_cast<size_t>(rule->from % rule->every)) {
        measure[order[pos]] = 1;
      }
    }
  }
  for (const std::string& id : rule->docs) {
    auto it = std::find_if(set.docs.begin(), set.docs.end(),
                           [&](const GoldDocument& d) { return d.id == id; });
    if (it == set.docs.end()) {
      return Status::BadData(rule->where + ": the split names document '" + id + "', which " +
                             gold_path + " does not list");
    }
    measure[it - set.docs.begin()] = 1;
  }
  for (size_t i = 0; i < set.docs.size(); ++i) set.docs[i].measure_only = measure[i] != 0;
  set.split = rule->text + " (" + rule->where + ")";
  return true;
}

void KeepPart(Part part, GoldSet& set) {
  if (part == Part::kAll) return;
  bool want_measure = part == Part::kMeasure;
  std::erase_if(set.docs, [&](const GoldDocument& d) { return d.measure_only != want_measure; });
  set.events = 0;
  for (const GoldDocument& d : set.docs) set.events += static_cast<int>(d.events.size());
}

}  // namespace dragoman::eval
