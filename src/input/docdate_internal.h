// The date-expression grammar of FindDocumentDate (docdate.h), shared by docdate.cc (which of
// a header line's dates are header dates) and docdate_grammar.cc (the grammar itself, and
// ParseMetadataDate). Not part of the public interface. Offsets are bytes into the line.
#ifndef DRAGOMAN_INPUT_DOCDATE_INTERNAL_H_
#define DRAGOMAN_INPUT_DOCDATE_INTERNAL_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "base/date.h"

namespace dragoman::docdate_internal {

// ASCII classes (bytes of UTF-8 sequences are none of them).
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }

// ASCII letters compared without case.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// The offset after the blanks (space, tab, NO-BREAK SPACE, THIN SPACE, NARROW NO-BREAK SPACE)
// at s[i].
size_t SkipBlanks(std::string_view s, size_t i);

// The offset after the ASCII letters at s[i].
size_t WordEnd(std::string_view s, size_t i);

// The offset after the ASCII digits at s[i].
size_t DigitsEnd(std::string_view s, size_t i);

// A date expression found in a line. date.year == 0 when the text gives no year.
struct DateMatch {
  size_t begin = 0;
  size_t end = 0;
  PartialDate date;
};

// Every non-overlapping date expression in `line`, left to right.
std::vector<DateMatch> FindDates(std::string_view line);

}  // namespace dragoman::docdate_internal

#endif  // DRAGOMAN_INPUT_DOCDATE_INTERNAL_H_
