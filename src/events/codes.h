// CAMEO code tables: names, Goldstein weights, quad classes and the CAMEO -> PLOVER mapping.
//
// Loaded from data/events/cameo.tsv and data/events/cameo_plover.tsv (formats and fact sources in
// doc/codes.md). Every code used by a verb pattern must be present in both tables; the loaders
// report BadData "path:line: reason" for malformed rows, duplicates and codes missing from the
// PLOVER table.
//
// Thread-safety: immutable after Load(); shareable across threads.
#ifndef DRAGOMAN_EVENTS_CODES_H_
#define DRAGOMAN_EVENTS_CODES_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/data_file.h"
#include "base/status.h"

namespace dragoman {

struct CodeInfo {
  std::string code;  // "0841"
  std::string name;  // "Return, release person(s)"
  double goldstein = 0;
  std::string quad;    // "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"
  std::string plover;  // "RETREAT"; "" for codes PLOVER does not type (most of 01x)
  std::string plover_mode;     // "release" or ""
  std::string plover_context;  // "legal" or ""
  uint32_t families = 0;       // bit i: in the table's family i (CodeTable::Family)
};

class CodeTable {
 public:
  // Parses both tables from text (`*_name` is used in error messages only).
  // BadData "file:line: reason" for a malformed row, a Goldstein weight that is not a number from
  // -10 to 10 (NaN included), a duplicate code, a CAMEO code without a PLOVER row.
  // `problems`: as in base/data_file.h (null: stop at the first problem).
  static Result<CodeTable> Parse(std::string_view cameo_name, std::string_view cameo_text,
                                 std::string_view plover_name, std::string_view plover_text,
                                 DataProblems* problems = nullptr);
  // Reads `dir`/cameo.tsv and `dir`/cameo_plover.tsv (a missing file is BadData).
  static Result<CodeTable> Load(const std::string& dir, DataProblems* problems = nullptr);

  // nullptr when `code` is unknown. The pointer lives as long as the table.
  const CodeInfo* Find(std::string_view code) const;

  // A family of codes named in cameo.tsv's FAMILY column ("violent", "consult", "threat").
  // BadData when no row names it: callers ask when they are built, so a misspelt family fails
  // at start-up.
  Result<int> Family(std::string_view name) const;
  // Whether `code` (a code of the table; false for an unknown one or "") is in family `f`.
  bool InFamily(std::string_view code, int f) const {
    const CodeInfo* info = Find(code);
    return info != nullptr && (info->families >> f & 1u);
  }
  size_t size() const { return codes_.size(); }

 private:
  std::map<std::string, CodeInfo, std::less<>> codes_;
  std::vector<std::string> families_;  // bit index -> name
};

}  // namespace dragoman

#endif  // DRAGOMAN_EVENTS_CODES_H_
