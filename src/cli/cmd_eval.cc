// `dragoman eval GOLD.jsonl`: scores the coder against a gold set (doc/eval.md).
// Flags -> EvalConfig -> eval library -> report; exit 1 when a --min-f1 floor is not met.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/file.h"
#include "cli/command.h"
#include "cli/coder_flags.h"
#include "cli/exit_codes.h"
#include "eval/eval.h"
#include "eval/gold.h"
#include "eval/split.h"

namespace dragoman::cli {

namespace {

std::vector<FlagSpec> EvalFlags() {
  std::vector<FlagSpec> f = CommonFlags();
  f.push_back({"docs", "DIR",
               "folder holding the documents a dragoman-format gold file names (DIR/<document>)",
               "each document record's \"path\", relative to the gold file"});
  f.push_back({"events", "FILE",
               "score the events of FILE (JSONL written by `dragoman code`) instead of running "
               "the coder",
               ""});
  f.push_back(DictionariesFlag());
  f.push_back({"aliases", "FILE", "country-code aliases for gold sets (CAMEO's JAP -> JPN ...)",
               "DATA/gold/country_aliases.txt"});
  f.push_back({"types", "FILE",
               "PLOVER type renames for gold sets in an older vocabulary (REQUEST -> DEMAND ...)",
               "DATA/gold/plover_types.txt"});
  f.push_back({"splits", "FILE",
               "the tune / measure-only split of each development set (doc/eval.md)",
               "DATA/gold/splits.txt"});
  f.push_back({"part", "tune|measure|all",
               "score only the TUNE or the MEASURE-ONLY documents of the set's split; measure "
               "lists no sentences",
               "all (figures for both parts are printed too)"});
  f.push_back({"min-f1", "LEVEL=F1",
               "fail (exit 1) when F1 at LEVEL (dyad, type, typed, doc-typed, dated, source, "
               "source+type) is below F1; repeatable",
               "", true});
  f.push_back({"max-over-generation", "RATIO",
               "fail (exit 1) when coded events per gold event exceed RATIO", ""});
  f.push_back({"detail", "LEVEL",
               "level of the per-type figures, confusion table and lists (a --min-f1 LEVEL)",
               "source+type for PLOVER gold, type for PLV, else typed"});
  f.push_back({"show", "N|all", "misses and false alarms to list, each", "25"});
  f.push_back({"json", "", "print the figures as one JSON object instead of the report", ""});
  return f;
}

struct EvalConfig {
  std::string gold_path;
  std::string data_dir;
  std::string docs_dir;
  std::string events_path;
  CoderSpec dictionaries;
  std::string aliases_path;
  std::string types_path;
  std::string splits_path;
  eval::Part part = eval::Part::kAll;
  std::vector<std::pair<eval::Level, double>> floors;
  std::optional<double> max_over_generation;
  eval::ReportOptions report;
  bool json = false;
  std::optional<eval::Level> detail;
};

Result<EvalConfig> MakeConfig(const ParsedArgs& args) {
  EvalConfig c;
  if (args.positionals.size() != 1) {
    return Status::InvalidArgument("eval needs exactly one gold file; see --help");
  }
  c.gold_path = args.positionals[0];
  c.docs_dir = args.Get("docs");
  c.events_path = args.Get("events");
  DRAGOMAN_ASSIGN_OR_RETURN(c.dictionaries, CoderSpecFromFlags(args));
  if (!c.events_path.empty() && c.dictionaries.kind != CoderSpec::Kind::kDragoman)
    return Status::InvalidArgument("--events and --dictionaries exclude each other");
  c.json = args.Has("json");
  for (const std::string& spec : args.GetAll("min-f1")) {
    DRAGOMAN_ASSIGN_OR_RETURN(auto floor, eval::ParseFloor(spec));
    c.floors.push_back(floor);
  }
  if (args.Has("part")) {
    auto part = eval::ParsePart(args.Get("part"));
    if (!part) {
      return Status::InvalidArgument("--part wants tune, measure or all, not '" +
                                     args.Get("part") + "'");
    }
    c.part = *part;
  }
  if (args.Has("max-over-generation")) {
    std::string v = args.Get("max-over-generation");
    char* end = nullptr;
    double r = std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size() || r <= 0) {
      return Status::InvalidArgument("--max-over-generation wants a positive ratio, not '" + v +
                                     "'");
    }
    c.max_over_generation = r;
  }
  if (args.Has("detail")) {
    c.detail = eval::ParseLevel(args.Get("detail"));
    if (!c.detail) {
      return Status::InvalidArgument("--detail: unknown level '" + args.Get("detail") +
                                     "' (" + std::string(eval::LevelNames()) + ")");
    }
  }
  std::string show = args.Get("show", "25");
  if (show == "all") {
    c.report.max_listed = -1;
  } else {
    try {
      size_t used = 0;
      c.report.max_listed = std::stoi(show, &used);
      if (used != show.size() || c.report.max_listed < 0) throw std::invalid_argument(show);
    } catch (const std::exception&) {
      return Status::InvalidArgument("--show wants a count or 'all', not '" + show + "'");
    }
  }
  c.aliases_path = args.Get("aliases");
  c.types_path = args.Get("types");
  c.splits_path = args.Get("splits");
  if (c.aliases_path.empty() || c.types_path.empty() || c.splits_path.empty() ||
      c.events_path.empty()) {
    auto data = FindDataDir(args.Get("data"));
    if (!data.ok()) return Status::BadData(data.status().message());
    c.data_dir = *data;
    if (c.aliases_path.empty()) {
      c.aliases_path =
          (std::filesystem::path(c.data_dir) / "gold" / "country_aliases.txt").string();
    }
    if (c.types_path.empty()) {
      c.types_path = (std::filesystem::path(c.data_dir) / "gold" / "plover_types.txt").string();
    }
    if (c.splits_path.empty()) {
      c.splits_path = (std::filesystem::path(c.data_dir) / "gold" / "splits.txt").string();
    }
  }
  return c;
}

int RunEval(const ParsedArgs& args, CommandContext& ctx) {
  auto config = MakeConfig(args);
  if (!config.ok()) return ReportError(config.status(), ctx);
  const EvalConfig& c = *config;

  auto aliases = eval::CountryAliases::Load(c.aliases_path);
  if (!aliases.ok()) return ReportError(Status::BadData(aliases.status().message()), ctx);
  auto types = eval::TypeVocabulary::Load(c.types_path);
  if (!types.ok()) return ReportError(Status::BadData(types.status().message()), ctx);
  eval::GoldOptions gold_options;
  gold_options.docs_dir = c.docs_dir;
  gold_options.aliases = &*aliases;
  auto gold = eval::LoadGold(c.gold_path, gold_options);
  if (!gold.ok()) return ReportError(gold.status(), ctx);
  auto splits = eval::Splits::Load(c.splits_path);
  if (!splits.ok()) return ReportError(Status::BadData(splits.status().message()), ctx);
  auto split = splits->Apply(c.gold_path, *gold);
  if (!split.ok()) return ReportError(split.status(), ctx);
  if (c.part != eval::Part::kAll) {
    if (!*split) {
      return ReportError(Status::InvalidArgument("--part " + std::string(eval::PartName(c.part)) +
                                                 ": " + c.splits_path + " does not split " +
                                                 c.gold_path),
                         ctx);
    }
    eval::KeepPart(c.part, *gold);
  }

  // The events scored: a replayed --events file, or the coder --dictionaries names.
  std::unique_ptr<const DocumentCoder> coder;
  Result<eval::CodeFn> code = Status::Internal("no coder");
  if (!c.events_path.empty()) {
    code = eval::EventsFileCodeFn(c.events_path);
  } else {
    auto opened = OpenCoder(c.dictionaries, c.data_dir, "eval", ctx);
    if (!opened.ok()) return ReportError(opened.status(), ctx);
    coder = std::move(*opened);
    code = eval::DocumentCodeFn(*coder);
  }
  if (!code.ok()) return ReportError(code.status(), ctx);

  auto scores = eval::Evaluate(*gold, *code, &*types, c.detail);
  if (!scores.ok()) return ReportError(scores.status(), ctx);

  if (c.json) {
    ctx.out << eval::ReportJson(*gold, *scores) << "\n";
  } else {
    eval::PrintReport(*gold, *scores, c.report, ctx.out);
  }
  ctx.out.flush();
  if (!ctx.out) return kExitOk;  // a closed pipe is not an error

  std::vector<std::string> failed = eval::CheckFloors(*scores, c.floors);
  if (c.max_over_generation && scores->OverGeneration() > *c.max_over_generation + 5e-3) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "over-generation %.2f > %.2f", scores->OverGeneration(),
                  *c.max_over_generation);
    failed.push_back(buf);
  }
  for (const std::string& f : failed) ctx.err << "dragoman eval: below the floor: " << f << "\n";
  return failed.empty() ? kExitOk : kExitCheckFailed;
}

}  // namespace

extern const Command kEvalCommand;
const Command kEvalCommand = {
    "eval",
    "score the coder against a gold set (P/R/F1 by level and type, misses, false alarms)",
    "dragoman eval [FLAGS] GOLD.jsonl",
    EvalFlags,
    RunEval,
};

}  // namespace dragoman::cli
