// Small ASCII string helpers shared by the data-file loaders.
// Pure functions; thread-safe.
#ifndef DRAGOMAN_BASE_STRINGS_H_
#define DRAGOMAN_BASE_STRINGS_H_

#include <cctype>
#include <string>
#include <string_view>

namespace dragoman {

// `s` without leading and trailing whitespace (std::isspace in the C locale).
inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// `s` with ASCII letters upper-cased; other bytes (UTF-8 included) unchanged.
inline std::string Upper(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return r;
}

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_STRINGS_H_
