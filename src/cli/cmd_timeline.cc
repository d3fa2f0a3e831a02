// dragoman timeline A B: per period and direction, counts by PLOVER type, Goldstein sum and mean,
// and the four quad classes; a compact text chart on a terminal.
#include <cerrno>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "store/open_corpus_store.h"
#include "store/query.h"
#include "store/report.h"
#include "store/store.h"

namespace dragoman::cli {
namespace {

std::vector<FlagSpec> TimelineFlags() {
  return {
      {"db", "FILE|URL", "the corpus: a SQLite file or a postgresql:// URL", kDbFlagDefault},
      {"by", "day|week|month|year", "period length (weeks are ISO weeks)", "month"},
      {"all", "", "also count negated, intended, hypothetical and asked events", ""},
      {"format", "table|csv|json", "output format", "table on a terminal, else csv"},
  };
}

int RunTimeline(const ParsedArgs& args, CommandContext& ctx) {
  auto usage = [&](const std::string& msg) {
    ctx.err << "dragoman timeline: " << OneLineMessage(msg) << "\n";
    return kExitUsage;
  };
  if (args.positionals.size() != 2) {
    return usage("give two actors (countries, codes or code prefixes), like: timeline AZE IRN");
  }
  auto period = ParsePeriod(args.Get("by", "month"));
  if (!period) return usage("--by must be day, week, month or year, not '" + args.Get("by") + "'");
  std::string format = args.Get("format", ctx.stdout_is_terminal ? "table" : "csv");
  auto fmt = ParseReportFormat(format);
  if (!fmt || *fmt == ReportFormat::kJsonl) {
    return usage("--format must be table, csv or json, not '" + format + "'");
  }
  const std::string db = ResolveDbPath(args.Get("db"));
  auto store = OpenCorpusStore(db, Store::OpenMode::kReadOnly);
  if (!store.ok()) return ReportError(store.status(), ctx);
  Result<Timeline> t =
      (*store)->BuildTimeline(args.positionals[0], args.positionals[1], *period, args.Has("all"));
  if (!t.ok()) return ReportError(t.status(), ctx);
  Status st = PrintTimeline(ctx.out, *t, *fmt, ctx.stdout_is_terminal);
  if (!st.ok()) return errno == EPIPE ? kExitOk : ReportError(st, ctx);
  return kExitOk;
}

}  // namespace

extern const Command kTimelineCommand = {
    "timeline", "events between two actors per period and direction (counts, Goldstein, quads)",
    "dragoman timeline A B [--by day|week|month|year] [--format table|csv|json]", &TimelineFlags,
    &RunTimeline};

}  // namespace dragoman::cli
