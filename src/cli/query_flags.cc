#include "cli/query_flags.h"

#include <cstdlib>
#include <string>

namespace dragoman::cli {

std::vector<FlagSpec> QueryLimitFlags() {
  const QueryLimits d;
  return {
      {"max-query-terms", "N", "refuse a full-text query of more words than this",
       std::to_string(d.max_terms)},
      {"max-query-bytes", "N", "refuse a full-text query longer than this",
       std::to_string(d.max_bytes)},
  };
}

Result<QueryLimits> QueryLimitsFromFlags(const ParsedArgs& args) {
  QueryLimits limits;
  for (auto [name, out] : {std::pair<const char*, size_t*>{"max-query-terms", &limits.max_terms},
                           {"max-query-bytes", &limits.max_bytes}}) {
    if (!args.Has(name)) continue;
    const std::string v = args.Get(name);
    char* end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n <= 0) {
      return Status::InvalidArgument(std::string("--") + name +
                                     " must be a positive integer, not '" + v + "'");
    }
    *out = static_cast<size_t>(n);
  }
  return limits;
}

}  // namespace dragoman::cli
