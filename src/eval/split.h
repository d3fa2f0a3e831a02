// Splits: every development gold set is divided once, deterministically, into a TUNE part (rules
// may be written while reading its sentences) and a MEASURE-ONLY part (only its aggregate
// figures may be looked at). The measure-only figures are then the honest estimate of how the
// coder does on text nobody tuned it for; a tune figure that rises while the measure figure
// stays flat is overfitting. doc/eval.md ("Tune and measure-only parts") gives the policy.
//
// The split lives in a data file (data/gold/splits.txt), one line per set:
//
//   SET  RULE                    # comment
//
//   SET    the end of the gold file's path, compared on whole path components:
//          "peers/plv/plv_train.jsonl" names ../shared/peers/plv/plv_train.jsonl
//   RULE   every N from K   sort the set's documents by id ("natural" order: runs of digits
//                           compare as numbers, so plv-9 < plv-10; ties keep file order) and
//                           take positions K, K+N, K+2N, ... (1-based) as measure-only
//          docs ID ID ...   these document ids are measure-only (each must exist in the set)
//          none             no measure-only part (the whole set is tune)
//
// A set may be named once. When several SET suffixes fit a path the longest wins.
//
// Thread-safety: an immutable value once loaded.
#ifndef DRAGOMAN_EVAL_SPLIT_H_
#define DRAGOMAN_EVAL_SPLIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "eval/gold.h"

namespace dragoman::eval {

// Which documents an evaluation scores.
enum class Part { kAll, kTune, kMeasure };
std::string_view PartName(Part p);                  // "all", "tune", "measure"
std::optional<Part> ParsePart(std::string_view s);  // the names above

class Splits {
 public:
  // BadData naming file:line on a malformed line or a set named twice.
  static Result<Splits> Load(const std::string& path);
  static Result<Splits> Parse(std::string_view text, std::string_view name);

  // Marks the measure-only documents of `set`, read from `gold_path`, and records the rule in
  // set.split. Returns false (and changes nothing) when no line names the set. BadData when a
  // "docs" rule names a document the set does not have.
  Result<bool> Apply(const std::string& gold_path, GoldSet& set) const;

  size_t size() const { return rules_.size(); }

 private:
  struct Rule {
    std::string set;              // path suffix
    std::string where;            // "splits.txt:12"
    std::string text;             // the rule as written, for reports
    int every = 0, from = 0;      // "every N from K"
    std::vector<std::string> docs;  // "docs ..."
  };
  std::vector<Rule> rules_;
};

// Natural order of ids: digit runs compare by value ("plv-9" < "plv-10"), the rest bytewise.
bool NaturalLess(std::string_view a, std::string_view b);

// Keeps the documents of `part` (all of them for Part::kAll) and recounts set.events.
void KeepPart(Part part, GoldSet& set);

}  // namespace dragoman::eval

#endif  // DRAGOMAN_EVAL_SPLIT_H_
