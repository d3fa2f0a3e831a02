#include "cli/dictionaries_flag.h"

namespace dragoman::cli {
namespace {

struct KindRow {
  std::string_view name;
  DictionariesSpec::Kind kind;
  bool takes_path;
};
// Every kind --dictionaries accepts; add a row (and a Kind) for a new dictionary format.
constexpr KindRow kKinds[] = {
    {"dragoman", DictionariesSpec::Kind::kDragoman, false},
    {"tabari", DictionariesSpec::Kind::kTabari, true},
    {"petrarch", DictionariesSpec::Kind::kPetrarch, true},
};
constexpr char kForms[] = "dragoman, tabari:PATH.project or petrarch:DIR|FILE,FILE,...";

}  // namespace

FlagSpec DictionariesFlag() {
  return {"dictionaries", "dragoman|tabari:PROJECT|petrarch:DIR",
          "code with dragoman's own dictionaries, or with a TABARI .project's dictionaries, or "
          "PETRARCH-1 dictionaries (a directory or a comma list of files), and the TABARI coder",
          "dragoman"};
}

Result<DictionariesSpec> ParseDictionariesSpec(std::string_view spec) {
  if (spec.empty()) return DictionariesSpec{};
  size_t colon = spec.find(':');
  std::string_view name = spec.substr(0, colon);
  for (const KindRow& row : kKinds) {
    if (row.name != name) continue;
    DictionariesSpec out;
    out.kind = row.kind;
    if (!row.takes_path) {
      if (colon != std::string_view::npos) {
        return Status::InvalidArgument("--dictionaries " + std::string(name) +
                                       " takes no path, got '" + std::string(spec) + "'");
      }
      return out;
    }
    if (colon == std::string_view::npos || colon + 1 == spec.size()) {
      return Status::InvalidArgument(
          "--dictionaries " + std::string(name) + ": needs a path, as in " + std::string(name) +
          (row.kind == DictionariesSpec::Kind::kTabari ? ":PATH.project" : ":DIR"));
    }
    out.path = std::string(spec.substr(colon + 1));
    return out;
  }
  return Status::InvalidArgument("--dictionaries must be " + std::string(kForms) + ", not '" +
                                 std::string(spec) + "'");
}

}  // namespace dragoman::cli
