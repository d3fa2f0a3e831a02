#include "cli/input_flags.h"

#include <cstdlib>

namespace dragoman::cli {

std::vector<FlagSpec> InputFlags() {
  return {
      {"input-format", "auto|txt|html|jsonl", "how to read the inputs", "auto"},
      {"date", "YYYY-MM-DD", "document date when neither metadata nor the text gives one", ""},
      {"max-document-bytes", "N", "largest document or JSONL line accepted", "67108864"},
      {"max-events-per-document", "N",
       "a document coding to more events is refused whole (none written or stored)", "10000"},
  };
}

Result<long long> PositiveFlag(const ParsedArgs& args, const std::string& name, long long def) {
  if (!args.Has(name)) return def;
  const std::string v = args.Get(name);
  char* end = nullptr;
  long long n = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || n <= 0) {
    return Status::InvalidArgument("--" + name + " must be a positive integer, not '" + v + "'");
  }
  return n;
}

Result<ReaderConfig> ReaderConfigFromFlags(const ParsedArgs& args) {
  ReaderConfig c;
  auto in = ParseInputFormat(args.Get("input-format", "auto"));
  if (!in) {
    return Status::InvalidArgument("--input-format must be auto, txt, html or jsonl, not '" +
                                   args.Get("input-format") + "'");
  }
  c.format = *in;
  if (args.Has("date")) {
    auto d = PartialDate::Parse(args.Get("date"));
    if (!d) {
      return Status::InvalidArgument("--date must be YYYY-MM-DD, YYYY-MM or YYYY, not '" +
                                     args.Get("date") + "'");
    }
    c.fallback_date = *d;
  }
  DRAGOMAN_ASSIGN_OR_RETURN(long long max_bytes,
                            PositiveFlag(args, "max-document-bytes", 64ll << 20));
  c.max_document_bytes = static_cast<size_t>(max_bytes);
  return c;
}

}  // namespace dragoman::cli
