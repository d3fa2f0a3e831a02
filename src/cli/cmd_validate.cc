// `dragoman validate SUITE`: runs a TABARI or PETRARCH validation suite (doc/tabari.md).
// SUITE is a TABARI .project (its text file holds the records and their expected events) or a
// JSON Lines suite, which needs --dictionaries tabari:PROJECT for its dictionaries; with
// --dictionaries petrarch:DIR|FILE,FILE... the JSONL is read as the PETRARCH unit suite.
// Flags -> ValidateConfig -> tabari library -> report; exit 1 when a record fails.
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "base/file.h"
#include "cli/command.h"
#include "cli/coder_flags.h"
#include "cli/exit_codes.h"
#include "tabari/dictionary.h"
#include "tabari/petrarch.h"
#include "tabari/suite.h"

namespace dragoman::cli {
namespace {

std::vector<FlagSpec> ValidateFlags() {
  return {
      {"dictionaries", "tabari:PROJECT|petrarch:DIR|petrarch:FILE,...",
       "dictionaries and options to code with: a TABARI .project file, or PETRARCH-1 "
       "dictionaries (a directory, or a comma list of .actors/.agents/.discards/.verbs files)",
       "the suite itself when it is a .project"},
      {"verbose", "", "also list the records that pass", ""},
  };
}

struct ValidateConfig {
  std::string suite;
  std::string project;   // where the dictionaries come from (TABARI)
  std::string petrarch;  // the spec after "petrarch:" (PETRARCH-1 unit suite)
  bool verbose = false;
};

bool EndsWith(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

Result<ValidateConfig> MakeConfig(const ParsedArgs& args) {
  ValidateConfig c;
  if (args.positionals.size() != 1)
    return Status::InvalidArgument("validate needs exactly one suite (.project or .jsonl)");
  c.suite = args.positionals[0];
  c.verbose = args.Has("verbose");
  DRAGOMAN_ASSIGN_OR_RETURN(CoderSpec spec, CoderSpecFromFlags(args));
  const bool jsonl = EndsWith(c.suite, ".jsonl");
  switch (spec.kind) {
    case CoderSpec::Kind::kPetrarch:
      if (!jsonl)
        return Status::InvalidArgument("--dictionaries petrarch:... runs a JSONL suite, got '" +
                                       c.suite + "'");
      c.petrarch = spec.path;
      break;
    case CoderSpec::Kind::kTabari:
      c.project = spec.path;
      break;
    case CoderSpec::Kind::kDragoman:
    case CoderSpec::Kind::kRules:
    case CoderSpec::Kind::kClassify:
      // No dictionaries named: a .project suite names its own.
      if (jsonl)
        return Status::InvalidArgument(
            "a JSONL suite needs --dictionaries tabari:PATH.project or petrarch:DIR to name its "
            "dictionaries");
      c.project = c.suite;
      break;
  }
  return c;
}

// The PETRARCH unit suite. Malformed dictionary entries are skipped with a warning on stderr
// (the operational Phoenix files hold a few); everything else fails as usual.
constexpr const char* kWordNetAdjectives = "/usr/share/wordnet/index.adj";

Status RunPetrarch(const ValidateConfig& c, CommandContext& ctx, bool* all_passed) {
  DRAGOMAN_ASSIGN_OR_RETURN(tabari::PetrarchFiles files, tabari::ResolvePetrarchSpec(c.petrarch));
  tabari::PetrarchLoadOptions opt;
  opt.on_bad_entry = tabari::BadEntryPolicy::kSkip;
  // Adjectives from WordNet (Debian's wordnet-base, as the text stage uses) when installed.
  std::error_code ec;
  if (std::filesystem::exists(kWordNetAdjectives, ec)) opt.adjectives_file = kWordNetAdjectives;
  std::vector<std::string> warnings;
  DRAGOMAN_ASSIGN_OR_RETURN(tabari::Dictionaries dict,
                            tabari::LoadPetrarchDictionaries(files, opt, &warnings));
  for (const auto& w : warnings) ctx.err << "warning: skipped " << w << "\n";
  DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(c.suite));
  DRAGOMAN_ASSIGN_OR_RETURN(std::vector<tabari::PetrarchRecord> records,
                            tabari::ParsePetrarchSuiteJsonl(text, c.suite));
  tabari::PetrarchReport rep = tabari::RunPetrarchSuite(dict, records, ctx.out, c.verbose);
  *all_passed = rep.failed == 0;
  return Status::Ok();
}

Status Run(const ValidateConfig& c, CommandContext& ctx, bool* all_passed) {
  if (!c.petrarch.empty()) return RunPetrarch(c, ctx, all_passed);
  DRAGOMAN_ASSIGN_OR_RETURN(std::string ptext, ReadFile(c.project));
  DRAGOMAN_ASSIGN_OR_RETURN(tabari::Project project, tabari::ParseProject(ptext, c.project));
  DRAGOMAN_ASSIGN_OR_RETURN(tabari::Dictionaries dict, tabari::LoadProjectDictionaries(project));
  std::vector<tabari::SuiteRecord> records;
  if (EndsWith(c.suite, ".jsonl")) {
    DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(c.suite));
    DRAGOMAN_ASSIGN_OR_RETURN(records, tabari::ParseSuiteJsonl(text, c.suite));
  } else {
    if (project.text_file.empty())
      return Status::BadData(c.project + ": project names no <textfile>");
    DRAGOMAN_ASSIGN_OR_RETURN(std::string text, ReadFile(project.text_file));
    DRAGOMAN_ASSIGN_OR_RETURN(records, tabari::ParseTabariText(text, project.text_file));
  }
  tabari::SuiteReport rep = tabari::RunSuite(dict, dict.options, records, ctx.out, c.verbose);
  *all_passed = rep.failed == 0;
  return Status::Ok();
}

int RunValidate(const ParsedArgs& args, CommandContext& ctx) {
  auto config = MakeConfig(args);
  if (!config.ok()) return ReportError(config.status(), ctx);
  bool all_passed = false;
  Status s = Run(*config, ctx, &all_passed);
  if (!s.ok()) return ReportError(s, ctx);
  return all_passed ? kExitOk : kExitCheckFailed;
}

}  // namespace

extern const Command kValidateCommand;
const Command kValidateCommand = {
    "validate",
    "run a TABARI or PETRARCH validation suite and report passes and failures",
    "dragoman validate [--dictionaries tabari:PROJECT|petrarch:DIR] SUITE.project|SUITE.jsonl",
    ValidateFlags,
    RunValidate,
};

}  // namespace dragoman::cli
