#include "text/required_bytes.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace dragoman {
namespace {

bool IsAsciiPunct(char c);

// Whether code point `c` has no case: not cased, and no case operation changes it, so that a
// case-insensitive match of it matches only itself (as in furniture.cc's case closures).
bool Caseless(UChar32 c) {
  return !u_hasBinaryProperty(c, UCHAR_CASED) &&
         !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEMAPPED) &&
         !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED);
}

// The literal character starting at re[i]: its bytes when it is ASCII punctuation or a caseless
// non-ASCII character (else ""), and its length in `*len`.
std::string LiteralAt(std::string_view re, size_t i, size_t* len) {
  unsigned char u = static_cast<unsigned char>(re[i]);
  if (u < 0x80) {
    *len = 1;
    return IsAsciiPunct(re[i]) ? std::string(1, re[i]) : std::string();
  }
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(re.data()), k, static_cast<int32_t>(re.size()), c);
  *len = static_cast<size_t>(k) - i;
  if (c < 0 || !Caseless(c)) return std::string();
  return std::string(re.substr(i, *len));
}

bool IsAsciiPunct(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u > 0x20 && u < 0x7F && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                   (c >= '0' && c <= '9'));
}

// One past the ']' closing the class that opens at re[i], or re.size().
size_t SkipClass(std::string_view re, size_t i) {
  size_t end = RegexClassEnd(re, i);
  return end == std::string_view::npos ? re.size() : end;
}

// One past the ')' closing the group that opens at re[i], or re.size().
size_t SkipGroup(std::string_view re, size_t i) {
  int depth = 0;
  for (size_t j = i; j < re.size(); ++j) {
    if (re.compare(j, 2, "\\Q") == 0) {
      size_t e = re.find("\\E", j + 2);
      if (e == std::string_view::npos) return re.size();
      j = e + 1;
    } else if (re[j] == '\\') {
      ++j;
    } else if (re[j] == '[') {
      j = SkipClass(re, j) - 1;
    } else if (re[j] == '(') {
      ++depth;
    } else if (re[j] == ')' && --depth == 0) {
      return j + 1;
    }
  }
  return re.size();
}

// One past the escape at re[i] == '\\' (its argument included).
size_t SkipEscape(std::string_view re, size_t i) {
  if (i + 1 >= re.size()) return re.size();
  char c = re[i + 1];
  size_t j = i + 2;
  auto braces = [&]() {
    size_t e = re.find('}', j);
    return e == std::string_view::npos ? re.size() : e + 1;
  };
  if ((c == 'p' || c == 'P' || c == 'N' || c == 'x') && j < re.size() && re[j] == '{') {
    return braces();
  }
  size_t arg = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : c == 'c' ? 1 : 0;
  if (c == '0') {
    while (j < re.size() && j < i + 5 && re[j] >= '0' && re[j] <= '7') ++j;
    return j;
  }
  return std::min(re.size(), j + arg);
}

// Skips the quantifier at re[*i], if any; returns whether it allows zero repetitions.
bool SkipQuantifier(std::string_view re, size_t* i) {
  if (*i >= re.size()) return false;
  bool zero = false;
  char q = re[*i];
  if (q == '?' || q == '*') {
    zero = true;
    ++*i;
  } else if (q == '+') {
    ++*i;
  } else if (q == '{') {
    size_t e = re.find('}', *i);
    if (e == std::string_view::npos) return false;
    std::string_view body = re.substr(*i + 1, e - *i - 1);
    zero = body.empty() || body[0] == '0' || body[0] == ',';
    *i = e + 1;
  } else {
    return false;
  }
  if (*i < re.size() && (re[*i] == '?' || re[*i] == '+')) ++*i;  // lazy, possessive
  return zero;
}

}  // namespace

std::string RequiredBytes(std::string_view re) {
  // Inline flags that change how the rest is read ((?x): spaces and # comments) defeat the
  // reading below.
  for (size_t k = re.find("(?"); k != std::string_view::npos; k = re.find("(?", k + 2)) {
    for (size_t j = k + 2; j < re.size() && (std::isalpha(static_cast<unsigned char>(re[j])) ||
                                             re[j] == '-');
         ++j) {
      if (re[j] == 'x') return "";
    }
  }
  std::string needs;
  auto need = [&needs](std::string_view bytes) {
    for (char c : bytes) {
      if (needs.find(c) == std::string::npos) needs += c;
    }
  };
  size_t i = 0;
  while (i < re.size()) {
    char c = re[i];
    if (c == '|') return "";  // an alternation at the top: no byte is known to be required
    if (re.compare(i, 2, "\\Q") == 0) {
      size_t e = re.find("\\E", i + 2);
      std::string_view quoted = re.substr(i + 2, (e == std::string_view::npos ? re.size() : e) - i - 2);
      i = e == std::string_view::npos ? re.size() : e + 2;
      bool zero = SkipQuantifier(re, &i);  // applies to the last quoted character only
      for (size_t k = 0, len = 0; k < quoted.size(); k += len) {
        std::string lit = LiteralAt(quoted, k, &len);
        if (k + len < quoted.size() || !zero) need(lit);
      }
      continue;
    }
    std::string literal;
    if (c == '\\') {
      if (i + 1 < re.size() && IsAsciiPunct(re[i + 1])) literal = re[i + 1];
      i = SkipEscape(re, i);
    } else if (c == '[') {
      i = SkipClass(re, i);
    } else if (c == '(') {
      i = SkipGroup(re, i);
    } else if (c == '.' || c == '^' || c == '$') {
      ++i;
    } else {
      size_t len = 1;
      literal = LiteralAt(re, i, &len);
      i += len;
    }
    bool zero = SkipQuantifier(re, &i);
    if (!zero) need(literal);
  }
  return needs;
}

std::string RequiredPrefix(std::string_view re) {
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  size_t n = 0;
  while (n < re.size() && alnum(re[n])) ++n;
  if (n == 0) return "";
  if (n < re.size() && (re[n] == '?' || re[n] == '*' || re[n] == '{')) --n;
  for (size_t i = n; i < re.size();) {  // a top-level alternation voids the prefix
    if (re[i] == '|') return "";
    if (re.compare(i, 2, "\\Q") == 0) {
      size_t e = re.find("\\E", i + 2);
      i = e == std::string_view::npos ? re.size() : e + 2;
    } else if (re[i] == '\\') {
      i = SkipEscape(re, i);
    } else if (re[i] == '[') {
      i = SkipClass(re, i);
    } else if (re[i] == '(') {
      i = SkipGroup(re, i);
    } else {
      ++i;
    }
  }
  std::string prefix(re.substr(0, n));
  for (char& c : prefix) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return prefix;
}

void RegexPrefilter::Add(std::string needs, std::string prefix) {
  if (needs.empty() && prefix.empty()) {
    always_ = true;
    needs_.clear();
  }
  if (!always_) needs_.push_back({std::move(needs), std::move(prefix)});
}

bool RegexPrefilter::MayMatch(std::string_view text, bool use_prefix) const {
  if (always_ || needs_.empty()) return true;
  auto starts = [&](const std::string& prefix) {
    if (!use_prefix) return true;
    for (size_t j = 0; j < prefix.size(); ++j) {
      if (j >= text.size()) return false;
      const auto b = static_cast<unsigned char>(text[j]);
      if (b >= 0x80) return true;  // case folding may match it (U+212A KELVIN SIGN is "k")
      if ((b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b) != static_cast<unsigned char>(prefix[j])) {
        return false;
      }
    }
    return true;
  };
  for (const Needs& n : needs_) {
    bool all = starts(n.prefix);
    for (char c : n.bytes) {
      if (!all) break;
      all = text.find(c) != std::string_view::npos;
    }
    if (all) return true;
  }
  return false;
}

size_t RegexClassEnd(std::string_view re, size_t i) {
  int depth = 0;
  for (size_t j = i; j < re.size(); ++j) {
    if (re[j] == '\\') {
      ++j;
    } else if (re[j] == '[') {
      ++depth;
    } else if (re[j] == ']' && --depth == 0) {
      return j + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace dragoman
