// `dragoman check-data`: loads every data file and lists every problem, coding nothing
// (doc/cli.md "check-data", doc/data.md). Flags -> data directory -> coders/check_data.h and the
// evaluation files' loaders -> one line per problem on stderr; exit 0 when there is none.
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "actors/compiled_phrases.h"
#include "base/data_file.h"
#include "base/file.h"
#include "cli/coder_flags.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "coders/check_data.h"
#include "eval/coverage.h"
#include "eval/gold.h"
#include "eval/split.h"
#include "events/codes.h"

namespace dragoman::cli {

namespace {

std::vector<FlagSpec> CheckDataFlags() {
  std::vector<FlagSpec> f = CommonFlags();
  f.push_back(DictionariesFlag());
  return f;
}

// The files only `eval` and `coverage` read (gold/*.txt, events/examples.tsv). Each reports its
// first problem. The gold sets (gold/*.jsonl) name documents outside the data directory and are
// checked by `dragoman eval`.
void CheckEvalFiles(const std::string& data, std::vector<Status>& problems) {
  auto keep = [&](const Status& s) {
    if (!s.ok()) problems.push_back(s);
  };
  keep(eval::CountryAliases::Load(data + "/gold/country_aliases.txt").status());
  keep(eval::TypeVocabulary::Load(data + "/gold/plover_types.txt").status());
  keep(eval::Splits::Load(data + "/gold/splits.txt").status());
  auto codes = CodeTable::Load(data + "/events");
  if (!codes.ok()) return;  // already reported by CheckCoderData
  const std::string examples = data + "/events/examples.tsv";
  auto text = ReadDataFile(examples);
  keep(text.ok() ? eval::ParseExamples(examples, *text, *codes).status() : text.status());
}

int RunCheckData(const ParsedArgs& args, CommandContext& ctx) {
  if (args.positionals.size() > 1 || (!args.positionals.empty() && args.Has("data"))) {
    return ReportError(
        Status::InvalidArgument("check-data takes one data directory (DIR or --data DIR)"), ctx);
  }
  auto spec = CoderSpecFromFlags(args);
  if (!spec.ok()) return ReportError(spec.status(), ctx);
  std::string flag = args.positionals.empty() ? args.Get("data") : args.positionals[0];
  auto data = FindDataDir(flag);
  if (!data.ok()) return ReportError(Status::BadData(data.status().message()), ctx);
  std::vector<Status> problems = CheckCoderData(*spec, *data);
  CheckEvalFiles(*data, problems);
  if (problems.empty()) {
    // Not a problem, but what start-up will cost: whether the actor phrases come compiled.
    ActorConfig ac;
    ac.data_dir = *data;
    ctx.out << "check-data: note: " << DescribeCompiledPhrases(ac) << "\n";
    ctx.out << "check-data: " << *data << ": no problems\n";
    return kExitOk;
  }
  // Exit 4 when every problem is bad data; otherwise the code of the first other kind (an
  // unreadable iso-codes file is an I/O error, not a fault of the data directory).
  int code = kExitBadData;
  for (const Status& s : problems) {
    ctx.err << "dragoman check-data: " << OneLineMessage(s.message()) << "\n";
    if (code == kExitBadData && s.code() != Status::Code::kBadData) code = ExitCodeFor(s);
  }
  ctx.err << "dragoman check-data: " << problems.size()
          << (problems.size() == 1 ? " problem" : " problems") << " in " << *data << "\n";
  return code;
}

}  // namespace

extern const Command kCheckDataCommand;
const Command kCheckDataCommand = {
    "check-data",
    "load every data file (dictionaries, patterns, gazetteer, CAMEO table) and list every problem",
    "dragoman check-data [--dictionaries SPEC] [--data DIR | DIR]",
    CheckDataFlags,
    RunCheckData,
};

}  // namespace dragoman::cli
