// Helpers shared by the input readers (not part of the public interface).
#ifndef DRAGOMAN_INPUT_READER_INTERNAL_H_
#define DRAGOMAN_INPUT_READER_INTERNAL_H_

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "input/document.h"
#include "input/reader.h"

namespace dragoman::internal {

// "0xff"
std::string HexByte(char c);

// `s` on one line (CR/LF/tab become spaces), cut to at most `max` bytes at a character boundary
// with "..." appended when cut.
std::string OneLine(std::string_view s, size_t max = 160);

// True when `s` holds only ASCII white space.
bool IsBlank(std::string_view s);

// The last path component ("a/b/c.txt" -> "c.txt"); "<stdin>" -> "stdin".
std::string BaseName(std::string_view path);

// Fills doc->date when it is not set yet: from the text's header (FindDocumentDate), else from
// `updated` (a page's modification time, as kUpdated), else from config.fallback_date (kFlag).
void DateFromTextOrFlag(const ReaderConfig& config, Document* doc,
                        std::optional<PartialDate> updated = std::nullopt);

// Reads from `in` until `buf` holds at least `n` bytes or the input ends; returns `buf`.
std::string ReadAtLeast(std::istream& in, std::string buf, size_t n);

}  // namespace dragoman::internal

#endif  // DRAGOMAN_INPUT_READER_INTERNAL_H_
