// What the loaders of the PETRARCH-1 dictionary files share (petrarch_nouns.cc,
// petrarch_verbs.cc, petrarch.cc): the bad-entry policy, the comment-free lines of a file, an
// entry's parts, whole-word phrases and regular English word forms. Defined in
// petrarch_entries.cc. Not part of the public interface.
#ifndef DRAGOMAN_TABARI_PETRARCH_INTERNAL_H_
#define DRAGOMAN_TABARI_PETRARCH_INTERNAL_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/data_file.h"
#include "base/status.h"
#include "tabari/dictionary.h"
#include "tabari/petrarch.h"

namespace dragoman::tabari::petrarch_internal {

// Applies the bad-entry policy to a failed entry: kFail passes the error on, kSkip records it
// and returns OK so that the caller drops the entry and continues.
class EntryErrors {
 public:
  EntryErrors(const PetrarchLoadOptions& opt, std::vector<std::string>* warnings)
      : opt_(opt), warnings_(warnings) {}
  Status Handle(Status s) {
    if (s.ok() || opt_.on_bad_entry == BadEntryPolicy::kFail) return s;
    if (warnings_) warnings_->push_back(s.message());
    return Status::Ok();
  }
  Status Handle(std::string_view name, int line, std::string_view why) {
    return Handle(DataError(name, line, why));
  }

 private:
  const PetrarchLoadOptions& opt_;
  std::vector<std::string>* warnings_;
};

struct DataLine {
  int line = 0;
  std::string_view text;  // comment removed, trimmed, never empty
};

// The non-blank lines of a PETRARCH file with comments removed: "<!-- ... -->" (also written
// "<! -- ... -->") may span lines; '#' or ';' outside '[...]' ends the line.
std::vector<DataLine> DataLines(std::string_view text);

// Splits "PHRASE {A B} [X] [Y]" into phrase, the brace body (has_braces says whether there
// were braces) and the bracket bodies.
struct Entry {
  std::string_view phrase;
  bool has_braces = false;
  std::string_view braces;
  std::vector<std::string_view> codes;
};

Status SplitPetrarchEntry(std::string_view l, std::string_view name, int line, Entry* e);

// A phrase of whole words: '_' and blanks both separate words that must be adjacent; '+' marks
// (multi-word verbs) and a trailing '_' or '=' are dropped.
Phrase WholeWordPhrase(std::string_view s, bool blank_gaps = false);

inline bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// The regular plural of an upper-case noun.
std::string RegularPlural(const std::string& w);

// Regular verb forms: third person, past, gerund.
std::vector<std::string> RegularVerbForms(const std::string& w);

// Makes every literal word of a pattern sequence whole-word (PETRARCH matches parsed words).
void WholeWords(std::vector<PatternElem>* seq);

// An &SET name as written after '&' (upper case, without a trailing '_').
std::string SynsetName(std::string_view s);

}  // namespace dragoman::tabari::petrarch_internal

#endif  // DRAGOMAN_TABARI_PETRARCH_INTERNAL_H_
