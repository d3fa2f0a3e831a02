#include "base/data_file.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "base/file.h"
#include "base/strings.h"

namespace dragoman {

std::string FileLine(std::string_view file, size_t line) {
  // One allocation: the loaders record "file:line" for every entry of every dictionary.
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  std::string out;
  out.reserve(file.size() + 1 + static_cast<size_t>(end - digits));
  out.append(file);
  out += ':';
  out.append(digits, end);
  return out;
}

Status DataError(std::string_view file, int line, std::string_view why) {
  return Status::BadData(FileLine(file, static_cast<size_t>(line)) + ": " + std::string(why));
}

Status DataError(std::string_view file, std::string_view why) {
  return Status::BadData(std::string(file) + ": " + std::string(why));
}

Result<std::string> ReadDataFile(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) {
    if (text.status().code() == Status::Code::kNotFound) {
      return DataError(path, "no such data file");
    }
    return Status::BadData(text.status().message());
  }
  if (size_t bad = FindInvalidUtf8(*text); bad != std::string::npos) {
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>((*text)[bad]));
    return Status::BadData(Where(path, *text, bad) + ": invalid UTF-8 byte " + byte);
  }
  return std::move(text).value();
}

std::vector<std::string_view> SplitFields(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  // One allocation, not one per doubling: the loaders split every line of every data file.
  out.reserve(static_cast<size_t>(std::count(line.begin(), line.end(), sep)) + 1);
  size_t pos = 0;
  while (true) {
    size_t next = line.find(sep, pos);
    if (next == std::string_view::npos) {
      out.push_back(Trim(line.substr(pos)));
      return out;
    }
    out.push_back(Trim(line.substr(pos, next - pos)));
    pos = next + 1;
  }
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

Status Report(DataProblems* sink, Status s) {
  if (s.ok() || sink == nullptr || s.code() != Status::Code::kBadData) return s;
  sink->Add(std::move(s));
  return Status::Ok();
}

}  // namespace dragoman
