// Pattern coverage of the CAMEO code table: "breadth by construction". Every code of
// data/events/cameo.tsv should have verbal and nominal trigger patterns in data/events/verbs.txt
// and at least one invented example sentence in data/events/examples.tsv that the coder codes
// with that code. `dragoman coverage` prints the table and lists what is missing; the events
// examples test codes every example; a ratchet test keeps the number of uncovered codes from
// growing.
//
// Example file format (one example per line, '#' comments, fields separated by one TAB):
//
//   CODE <TAB> SOURCE <TAB> TARGET <TAB> SENTENCE
//   040	CHL	PER	Chile's foreign minister met his Peruvian counterpart in Lima on Monday.
//
//   CODE     a CAMEO code of cameo.tsv; the coder must code SENTENCE with exactly this code
//   SOURCE   the source's party key (ISO alpha-3, or IGO/NGO/IMG), '-' for none, '*' unchecked
//   TARGET   the same for the target (symmetric codes may come out swapped)
//   SENTENCE an invented sentence (never a sentence copied from news or a test suite)
//
// A sentence that must code NO event at all (a false-alarm class: "released a statement", "demonstrated
// its commitment") uses the code `none`:
//
//   none <TAB> - <TAB> - <TAB> SENTENCE
//
// A code deliberately left without patterns says so instead, with its reason:
//
//   CODE <TAB> exempt <TAB> - <TAB> REASON
//
// Patterns count as nominal when they carry the `noun` option and as verbal otherwise; blockers
// ('-' code) count for no code.
//
// Thread-safety: plain functions over value types.
#ifndef DRAGOMAN_EVAL_COVERAGE_H_
#define DRAGOMAN_EVAL_COVERAGE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "events/codes.h"
#include "events/event.h"
#include "events/patterns.h"

namespace dragoman::eval {

struct CodeExample {
  int line = 0;
  std::string code;    // CAMEO code, or "none": the sentence must code no event
  std::string source;  // party key, "-" none, "*" unchecked
  std::string target;
  std::string sentence;
};

struct ExampleFile {
  std::vector<CodeExample> examples;
  std::map<std::string, std::string> exempt;  // code -> reason
};

// Parses the example file; BadData "name:line: reason" on a malformed line or a code `codes`
// does not know.
Result<ExampleFile> ParseExamples(std::string_view name, std::string_view text,
                                  const CodeTable& codes);

// Whether the events coded from an example's sentence contain the expected one; when not,
// `why` says what was coded instead.
bool ExampleCoded(const CodeExample& example, const std::vector<Event>& events, std::string* why);

struct CodeCoverage {
  std::string code;
  std::string name;
  int verbal = 0;    // verbal patterns with this exact code
  int nominal = 0;   // `noun` patterns with this exact code
  int examples = 0;  // example sentences for this code
  int coded = 0;     // of which the coder codes right
  std::string exempt;  // the reason, when the code is deliberately uncovered
  bool Complete() const {
    return !exempt.empty() || (verbal > 0 && nominal > 0 && examples > 0 && coded == examples);
  }
};

// Codes one sentence (the caller's coder); used to check the examples.
using SentenceCoder = std::function<std::vector<Event>(const std::string& sentence)>;

// One row per code of `codes`, in code order. `code_sentence` may be null: examples are then
// counted but not coded (coded = 0).
std::vector<CodeCoverage> Coverage(const std::vector<std::string>& code_list,
                                   const CodeTable& codes, const std::vector<Pattern>& patterns,
                                   const ExampleFile& examples,
                                   const SentenceCoder& code_sentence);

// The codes of cameo.tsv in file order (CodeTable has no order of its own).
Result<std::vector<std::string>> CameoCodeList(const std::string& cameo_tsv);

}  // namespace dragoman::eval

#endif  // DRAGOMAN_EVAL_COVERAGE_H_
