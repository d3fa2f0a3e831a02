// Command-line flags: each declared once with its help text; parsed into a FlagValues map, then
// each command turns those into its own validated config (raw flags -> config -> run).
//
// Syntax: --name VALUE, --name=VALUE, boolean --name; "--" ends flags; "-" is a positional
// (stdin). Unknown flags and missing values are InvalidArgument errors naming the flag.
#ifndef DRAGOMAN_CLI_FLAGS_H_
#define DRAGOMAN_CLI_FLAGS_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace dragoman::cli {

struct FlagSpec {
  std::string name;        // without dashes: "format"
  std::string value_name;  // "" for a boolean flag, else e.g. "jsonl|csv|tsv"
  std::string help;
  std::string default_value;  // shown in --help; "" for none
  bool repeatable = false;
};

struct ParsedArgs {
  std::map<std::string, std::vector<std::string>> values;  // flag name -> values given
  std::vector<std::string> positionals;

  bool Has(const std::string& name) const { return values.count(name) > 0; }
  // Last value given, or `def`.
  std::string Get(const std::string& name, const std::string& def = "") const;
  std::vector<std::string> GetAll(const std::string& name) const;
};

// Parses `args` (without the program and command names) against `specs`. A "--help"/"-h" flag is
// always accepted and recorded as "help".
Result<ParsedArgs> ParseFlags(const std::vector<std::string>& args,
                              const std::vector<FlagSpec>& specs);

// The flags section of --help output.
std::string FormatFlagHelp(const std::vector<FlagSpec>& specs);

}  // namespace dragoman::cli

#endif  // DRAGOMAN_CLI_FLAGS_H_
