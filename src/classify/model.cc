#include "classify/model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "base/file.h"

namespace dragoman {

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  out.reserve(static_cast<size_t>(std::count(line.begin(), line.end(), '\t')) + 1);
  size_t from = 0;
  while (true) {
    size_t k = line.find('\t', from);
    out.push_back(line.substr(from, k == std::string_view::npos ? k : k - from));
    if (k == std::string_view::npos) break;
    from = k + 1;
  }
  return out;
}

// Weights, biases and thresholds: finite and at most kMaxMagnitude, so that no sum of them can
// overflow into inf or NaN (a trained model's weights stay far below: |w| < 100).
constexpr double kMaxMagnitude = 1e6;

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out) &&
         std::abs(*out) <= kMaxMagnitude;
}

std::string FormatWeight(double w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", w);
  return buf;
}

}  // namespace

void TypeModel::SetWeight(const std::string& feature, int cls, double w) {
  if (w == 0) return;
  auto& v = weights_[feature];
  for (auto& [c, x] : v) {
    if (c == cls) {
      x = static_cast<float>(w);
      return;
    }
  }
  v.emplace_back(cls, static_cast<float>(w));
}

const TypeModel::Weights* TypeModel::Find(std::string_view feature) const {
  auto it = weights_.find(feature);
  return it == weights_.end() ? nullptr : &it->second;
}

std::vector<double> TypeModel::Probabilities(std::vector<double> dec) const {
  double sum = 0;
  for (size_t k = 0; k < dec.size(); ++k) {
    dec[k] = 1 / (1 + std::exp(-(dec[k] + classes_[k].bias)));
    sum += dec[k];
  }
  if (sum > 0) {
    for (double& d : dec) d /= sum;
  }
  return dec;
}

std::vector<double> TypeModel::Predict(std::span<const std::string> features) const {
  std::vector<double> dec(classes_.size());
  for (const std::string& f : features) {
    if (const Weights* w = Find(f)) {
      for (const auto& [c, x] : *w) dec[c] += x;
    }
  }
  return Probabilities(std::move(dec));
}

std::string TypeModel::Serialize() const {
  std::string out;
  out += "# dragoman event-type classifier (doc/classify.md). Made by `dragoman train-types`;\n";
  out += "# do not edit by hand: retrain instead.\n";
  size_t from = 0;
  while (from < comment_.size()) {
    size_t k = comment_.find('\n', from);
    if (k == std::string::npos) k = comment_.size();
    out += "# " + comment_.substr(from, k - from) + "\n";
    from = k + 1;
  }
  out += "format\tdragoman-types\t1\n";
  for (const Class& c : classes_) {
    out += "class\t" + c.name + "\t" + (c.cameo.empty() ? "-" : c.cameo) + "\t" +
           FormatWeight(c.bias) + "\n";
  }
  out += "threshold\tretype\t" + FormatWeight(retype_) + "\n";
  out += "threshold\tadd\t" + FormatWeight(add_) + "\n";
  // Features in byte order, classes in class order: the file is the same for the same model.
  std::vector<const std::string*> keys;
  keys.reserve(weights_.size());
  for (const auto& [f, v] : weights_) keys.push_back(&f);
  std::sort(keys.begin(), keys.end(), [](auto* a, auto* b) { return *a < *b; });
  for (const std::string* f : keys) {
    auto v = weights_.at(*f);
    std::sort(v.begin(), v.end());
    out += "w\t" + *f;
    for (const auto& [c, w] : v) out += "\t" + classes_[c].name + ":" + FormatWeight(w);
    out += "\n";
  }
  return out;
}

Result<TypeModel> TypeModel::Parse(std::string_view text, std::string_view name) {
  TypeModel m;
  std::map<std::string, int, std::less<>> class_index;
  bool format = false, retype = false, add = false;
  int line_no = 0;
  size_t from = 0;
  auto bad = [&](const std::string& why) {
    return Status::BadData(std::string(name) + ":" + std::to_string(line_no) + ": " + why);
  };
  while (from < text.size()) {
    size_t k = text.find('\n', from);
    if (k == std::string_view::npos) k = text.size();
    std::string_view line = text.substr(from, k - from);
    from = k + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = SplitTabs(line);
    if (f[0] == "format") {
      if (f.size() != 3 || f[1] != "dragoman-types" || f[2] != "1") {
        return bad("expected \"format<TAB>dragoman-types<TAB>1\"");
      }
      format = true;
    } else if (!format) {
      return bad("the first line must be \"format<TAB>dragoman-types<TAB>1\"");
    } else if (f[0] == "class") {
      Class c;
      if (f.size() != 4 || f[1].empty() || !ParseDouble(f[3], &c.bias)) {
        return bad("expected \"class<TAB>NAME<TAB>CAMEO|-<TAB>BIAS\"");
      }
      if (!m.weights_.empty()) return bad("class lines must come before the weights");
      c.name = f[1];
      c.cameo = f[2] == "-" ? "" : std::string(f[2]);
      if (c.cameo.empty() != (c.name == kNoEventClass)) {
        return bad("class " + c.name + ": only " + std::string(kNoEventClass) +
                   " goes without a CAMEO code");
      }
      if (!class_index.emplace(c.name, static_cast<int>(m.classes_.size())).second) {
        return bad("class " + c.name + " named twice");
      }
      m.classes_.push_back(std::move(c));
    } else if (f[0] == "threshold") {
      double v = 0;
      if (f.size() != 3 || !ParseDouble(f[2], &v) || v < 0) {
        return bad("expected \"threshold<TAB>retype|add<TAB>NUMBER\"");
      }
      if (f[1] == "retype") {
        m.retype_ = v;
        retype = true;
      } else if (f[1] == "add") {
        m.add_ = v;
        add = true;
      } else {
        return bad("unknown threshold \"" + std::string(f[1]) + "\" (retype or add)");
      }
    } else if (f[0] == "w") {
      if (f.size() < 3 || f[1].empty()) return bad("expected \"w<TAB>FEATURE<TAB>CLASS:WEIGHT...\"");
      std::string feature(f[1]);
      if (m.weights_.count(feature)) return bad("feature \"" + feature + "\" repeated");
      auto& v = m.weights_[feature];
      for (size_t i = 2; i < f.size(); ++i) {
        size_t colon = f[i].rfind(':');
        double w = 0;
        if (colon == std::string_view::npos || !ParseDouble(f[i].substr(colon + 1), &w)) {
          return bad("expected CLASS:WEIGHT, got \"" + std::string(f[i]) + "\"");
        }
        auto it = class_index.find(f[i].substr(0, colon));
        if (it == class_index.end()) {
          return bad("unknown class \"" + std::string(f[i].substr(0, colon)) + "\"");
        }
        v.emplace_back(it->second, static_cast<float>(w));
      }
    } else {
      return bad("unknown line kind \"" + std::string(f[0]) + "\" (format, class, threshold, w)");
    }
  }
  if (!format) return Status::BadData(std::string(name) + ": empty model file");
  if (m.classes_.size() < 2) return Status::BadData(std::string(name) + ": fewer than 2 classes");
  if (!retype || !add) {
    return Status::BadData(std::string(name) + ": missing threshold line (retype and add)");
  }
  return m;
}

Result<TypeModel> TypeModel::Load(const std::string& path) {
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return Parse(text, path);
}

}  // namespace dragoman
