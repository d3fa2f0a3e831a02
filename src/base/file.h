// Whole-file reading, UTF-8 validation and data-directory lookup.
//
// Errors name the file and, for bad bytes, the line and byte column
// ("notes.txt:12:7: invalid UTF-8 byte 0xff").
#ifndef DRAGOMAN_BASE_FILE_H_
#define DRAGOMAN_BASE_FILE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace dragoman {

// Reads the whole file into memory. NotFound when it is missing, Io on read errors.
Result<std::string> ReadFile(const std::string& path);

// Position of the first invalid UTF-8 sequence, or npos when `s` is valid UTF-8.
// Overlong forms, surrogates and code points above U+10FFFF are invalid.
size_t FindInvalidUtf8(std::string_view s);

// 1-based line and column (in bytes) of byte offset `pos` in `s`.
struct LineCol {
  size_t line;
  size_t column;
};
LineCol LineColAt(std::string_view s, size_t pos);

// "name:line:col" for byte offset `pos` of `s`.
std::string Where(std::string_view name, std::string_view s, size_t pos);

// Heuristic binary-file check: a NUL byte in the first 8 KiB (as git and ripgrep do).
bool LooksBinary(std::string_view s);

// The directory holding dragoman's data files, first of: `flag` (when non-empty),
// $DRAGOMAN_DATA, the source tree's data/ (for builds run from the tree), the install prefix's
// share/dragoman. BadData (exit 4) when none holds a VERSION file.
Result<std::string> FindDataDir(const std::string& flag);

}  // namespace dragoman

#endif  // DRAGOMAN_BASE_FILE_H_
