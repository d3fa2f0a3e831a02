#include "cli/flags.h"

#include <algorithm>

namespace dragoman::cli {

std::string ParsedArgs::Get(const std::string& name, const std::string& def) const {
  auto it = values.find(name);
  if (it == values.end() || it->second.empty()) return def;
  return it->second.back();
}

std::vector<std::string> ParsedArgs::GetAll(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

Result<ParsedArgs> ParseFlags(const std::vector<std::string>& args,
                              const std::vector<FlagSpec>& specs) {
  ParsedArgs out;
  bool flags_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (flags_done || a == "-" || a.size() < 2 || a[0] != '-') {
      out.positionals.push_back(a);
      continue;
    }
    if (a == "--") {
      flags_done = true;
      continue;
    }
    if (a == "-h" || a == "--help") {
      out.values["help"].push_back("true");
      continue;
    }
    if (a.rfind("--", 0) != 0) {
      return Status::InvalidArgument("unknown flag '" + a + "' (flags are written --name)");
    }
    std::string name = a.substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    auto spec =
        std::find_if(specs.begin(), specs.end(), [&](const FlagSpec& s) { return s.name == name; });
    if (spec == specs.end()) {
      return Status::InvalidArgument("unknown flag '--" + name + "'; see --help");
    }
    std::string value;
    if (spec->value_name.empty()) {
      if (inline_value) {
        return Status::InvalidArgument("flag '--" + name + "' takes no value");
      }
      value = "true";
    } else if (inline_value) {
      value = *inline_value;
    } else {
      if (i + 1 >= args.size()) {
        return Status::InvalidArgument("flag '--" + name + "' needs a value (" + spec->value_name +
                                       ")");
      }
      value = args[++i];
    }
    auto& slot = out.values[name];
    if (!slot.empty() && !spec->repeatable) slot.clear();
    slot.push_back(std::move(value));
  }
  return out;
}

std::string FormatFlagHelp(const std::vector<FlagSpec>& specs) {
  std::string out;
  for (const auto& s : specs) {
    std::string left = "  --" + s.name;
    if (!s.value_name.empty()) left += " " + s.value_name;
    if (left.size() < 30)
      left.resize(30, ' ');
    else
      left += "\n" + std::string(30, ' ');
    out += left + s.help;
    if (!s.default_value.empty()) out += " [default: " + s.default_value + "]";
    out += "\n";
  }
  return out;
}

}  // namespace dragoman::cli
