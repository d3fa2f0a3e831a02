// `dragoman train-types GOLD...`: trains the event-type classifier on the tune parts of the
// given gold sets and writes the model file (src/classify/train.h, doc/classify.md).
// Flags -> TrainConfig -> classify library -> model file; the summary goes to stderr.
#include <cstdlib>
#include <fstream>
#include <ostream>
#include <string>

#include "base/file.h"
#include "classify/train.h"
#include "cli/command.h"
#include "cli/exit_codes.h"

namespace dragoman::cli {

namespace {

std::vector<FlagSpec> TrainTypesFlags() {
  std::vector<FlagSpec> f = CommonFlags();
  f.push_back({"out", "FILE", "write the model to FILE ('-' for stdout)", "-"});
  f.push_back({"c", "NUMBER", "liblinear's C: higher fits the examples more closely",
               "the C of 0.5, 1, 2, 4, 8, 16 that cross-validation prefers"});
  f.push_back({"folds", "N", "cross-validation groups used to choose the thresholds", "5"});
  return f;
}

bool ParseNumber(const std::string& s, double* out) {
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return !s.empty() && end == s.c_str() + s.size() && *out > 0;
}

int RunTrainTypes(const ParsedArgs& args, CommandContext& ctx) {
  if (args.positionals.empty()) {
    return ReportError(Status::InvalidArgument("train-types needs gold files; see --help"), ctx);
  }
  auto data = FindDataDir(args.Get("data"));
  if (!data.ok()) return ReportError(Status::BadData(data.status().message()), ctx);
  classify::TrainConfig config;
  config.data_dir = *data;
  config.gold_paths = args.positionals;
  double folds = 5;
  if (args.Has("c") && !ParseNumber(args.Get("c"), &config.c)) {
    return ReportError(Status::InvalidArgument("--c needs a positive number"), ctx);
  }
  if (!ParseNumber(args.Get("folds", "5"), &folds) || folds < 2 || folds != static_cast<int>(folds)) {
    return ReportError(Status::InvalidArgument("--folds needs a whole number of at least 2"), ctx);
  }
  config.folds = static_cast<int>(folds);
  classify::TrainReport report;
  auto model = classify::TrainTypes(config, &report);
  if (!model.ok()) return ReportError(model.status(), ctx);
  const std::string text = model->Serialize();
  const std::string out = args.Get("out", "-");
  if (out == "-") {
    ctx.out << text;
    ctx.out.flush();
  } else {
    std::ofstream file(out, std::ios::binary);
    file << text;
    file.close();
    if (!file) return ReportError(Status::Io(out + ": cannot write the model"), ctx);
  }
  ctx.err << report.text;
  return kExitOk;
}

}  // namespace

extern const Command kTrainTypesCommand;
const Command kTrainTypesCommand = {
    "train-types",
    "train the event-type classifier on the tune parts of gold sets (doc/classify.md)",
    "dragoman train-types [--out FILE] [--c NUMBER] [--folds N] GOLD.jsonl...",
    TrainTypesFlags,
    RunTrainTypes,
};

}  // namespace dragoman::cli
