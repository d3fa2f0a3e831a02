// Matching keys: the folding behind Token::norm and TextAnalyzer::Normalize().
//
// FoldKey() maps a string to the form dictionaries are written in:
//   1. NFKC with Unicode case folding (ICU's NFKC_Casefold: "Ｂａｋｕ" -> "baku", "ß" -> "ss",
//      default-ignorable characters such as soft hyphens dropped);
//   2. canonical decomposition and removal of non-spacing marks ("Ağdam" -> "agdam",
//      "Əliyev" -> "eliyev" after step 3, "İ" -> "i");
//   3. letters that carry no decomposable mark folded by hand: "ə" -> "e", "ı" -> "i",
//      "ø" -> "o", "ł" -> "l", "đ"/"ð" -> "d", "ħ" -> "h", "æ" -> "ae", "œ" -> "oe", "þ" -> "th";
//      single quotes and apostrophes (‘ ’ ‚ ‛ ʼ ʻ ′ `) -> "'", double quotes (“ ” „ ‟ « ») -> '"',
//      hyphens, dashes and minus signs (‐ ‑ ‒ – — ― − ﹘ ﹣) -> "-";
//   4. NFC, so that scripts whose marks are spacing (Hangul, Indic) stay composed.
// Pure ASCII input takes a fast path (ASCII lower-casing only).
//
// Input must be valid UTF-8; ill-formed sequences become U+FFFD. Thread-safe (ICU's normalizer
// singletons are immutable).
#ifndef DRAGOMAN_TEXT_NORMALIZE_H_
#define DRAGOMAN_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace dragoman {

std::string FoldKey(std::string_view s);

// Appends FoldKey(s) to *out (avoids a temporary for the caller).
void AppendFoldKey(std::string_view s, std::string* out);

}  // namespace dragoman

#endif  // DRAGOMAN_TEXT_NORMALIZE_H_
