// Loader of the TABARI .options file: COMPLEX:, SET:, DEFAULT:, COMMA: and FORWARD: commands
// (Options::Apply; PETRARCH's settings are applied through it too).
#include <cctype>
#include <string>

#include "base/data_file.h"
#include "base/strings.h"
#include "tabari/dictionary.h"

namespace dragoman::tabari {

Status Dictionaries::LoadOptions(std::string_view text, std::string_view name) {
  auto lines = SplitLines(text);
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view l = Trim(lines[li]);
    if (l.substr(0, 2) == "~~") break;
    if (l.empty() || l.substr(0, 2) == "//" || l[0] == '#') continue;
    Status s = options.Apply(l);
    if (!s.ok()) return DataError(name, static_cast<int>(li + 1), s.message());
  }
  return Status::Ok();
}

Status Options::Apply(std::string_view command) {
  std::string c = Upper(Trim(command));
  raw.push_back(c);
  auto num_after = [&](std::string_view key, int* out) -> Status {
    size_t p = c.find(key);
    if (p == std::string::npos) return Status::Ok();
    p += key.size();
    while (p < c.size() && (c[p] == ' ' || c[p] == '=' || c[p] == '[')) ++p;
    size_t q = p;
    while (q < c.size() && std::isdigit(static_cast<unsigned char>(c[q]))) ++q;
    if (q == p)
      return Status::BadData("missing number after " + std::string(key) + " in '" + c + "'");
    // std::stoi throws past INT_MAX; an option value that long is malformed, not a crash.
    if (q - p > 9)
      return Status::BadData("number too large after " + std::string(key) + " in '" + c + "'");
    *out = std::stoi(c.substr(p, q - p));
    return Status::Ok();
  };
  auto bool_value = [&](bool* out) -> Status {
    size_t eq = c.find('=');
    if (eq == std::string::npos) return Status::BadData("missing '= TRUE|FALSE' in '" + c + "'");
    std::string v(Trim(std::string_view(c).substr(eq + 1)));
    if (v == "TRUE")
      *out = true;
    else if (v == "FALSE")
      *out = false;
    else
      return Status::BadData("expected TRUE or FALSE in '" + c + "'");
    return Status::Ok();
  };
  auto bracket_after = [&](std::string_view key) -> std::string {
    size_t p = c.find(key);
    if (p == std::string::npos) return "";
    size_t b = c.find('[', p), e = c.find(']', p);
    if (b == std::string::npos || e == std::string::npos || e < b) return "";
    return std::string(Trim(std::string_view(c).substr(b + 1, e - b - 1)));
  };
  if (c.rfind("COMPLEX:", 0) == 0) {
    complex_verbs = complex_conj = 0;
    DRAGOMAN_RETURN_IF_ERROR(num_after("VERBS", &complex_verbs));
    DRAGOMAN_RETURN_IF_ERROR(num_after("CONJ", &complex_conj));
    noactprior = c.find("NOACTPRIOR") != std::string::npos;
  } else if (c.rfind("SET:", 0) == 0) {
    if (c.find("TIME SHIFT") != std::string::npos) return bool_value(&time_shift);
    if (c.find("CONVERT AGENT") != std::string::npos) return bool_value(&convert_agent);
    if (c.find("YYYY") != std::string::npos) return bool_value(&yyyy);
    if (c.find("MINIMUM WORDS") != std::string::npos) return num_after("WORDS", &minimum_words);
    if (c.find("CODE BY CLAUSE") != std::string::npos)
      code_by = CodeBy::kClause;
    else if (c.find("CODE BY SENTENCE") != std::string::npos)
      code_by = CodeBy::kSentence;
    else if (c.find("CODE ALL") != std::string::npos)
      code_by = CodeBy::kAll;
  } else if (c.rfind("DEFAULT:", 0) == 0) {
    if (c.find("OFF") != std::string::npos && c.find("SOURCE") == std::string::npos) {
      default_source.clear();
      default_target.clear();
      default_source_prior = default_target_after = false;
    } else {
      default_source = bracket_after("SOURCE");
      default_target = bracket_after("TARGET");
      size_t tp = c.find("TARGET");
      default_source_prior =
          c.find("PRIOR") != std::string::npos && (tp == std::string::npos || c.find("PRIOR") < tp);
      default_target_after = tp != std::string::npos && c.find("AFTER", tp) != std::string::npos;
    }
  } else if (c.rfind("COMMA:", 0) == 0) {
    if (c.find("OFF") != std::string::npos) {
      comma_on = false;
    } else {
      comma_on = true;
      // Keys share prefixes (MIN / EMIN / BMIN): parse "KEY = N" pairs in order.
      size_t p = 6;
      while (p < c.size()) {
        while (p < c.size() && c[p] == ' ') ++p;
        size_t k = p;
        while (p < c.size() && std::isalpha(static_cast<unsigned char>(c[p]))) ++p;
        std::string key = c.substr(k, p - k);
        while (p < c.size() && (c[p] == ' ' || c[p] == '=')) ++p;
        size_t q = p;
        while (q < c.size() && std::isdigit(static_cast<unsigned char>(c[q]))) ++q;
        if (key.empty() || q == p || q - p > 9) {
          return Status::BadData("bad COMMA: command '" + c + "'");
        }
        int v = std::stoi(c.substr(p, q - p));
        p = q;
        if (key == "MIN")
          comma_min = v;
        else if (key == "MAX")
          comma_max = v;
        else if (key == "EMIN")
          comma_emin = v;
        else if (key == "EMAX")
          comma_emax = v;
        else if (key == "BMIN")
          comma_bmin = v;
        else if (key == "BMAX")
          comma_bmax = v;
        else
          return Status::BadData("unknown COMMA: key " + key);
      }
    }
  } else if (c.rfind("FORWARD:", 0) == 0) {
    forward = c.find(" OFF") == std::string::npos;
  }
  return Status::Ok();
}

}  // namespace dragoman::tabari
