// dragoman actors: the actors seen in the corpus, each role with the dates it was observed.
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

std::vector<FlagSpec> ActorsFlags() {
  return {
      {"db", "FILE|URL", "the corpus: a SQLite file or a postgresql:// URL", kDbFlagDefault},
      {"country", "CODE", "only actors of this country (or with this code prefix)", ""},
      {"format", "table|jsonl|csv", "output format", "table on a terminal, else jsonl"},
  };
}

int RunActors(const ParsedArgs& args, CommandContext& ctx) {
  if (!args.positionals.empty()) {
    ctx.err << "dragoman actors: unexpected argument '" << OneLineMessage(args.positionals[0])
            << "' (use --country CODE)\n";
    return kExitUsage;
  }
  std::string format = args.Get("format", ctx.stdout_is_terminal ? "table" : "jsonl");
  auto fmt = ParseReportFormat(format);
  if (!fmt || *fmt == ReportFormat::kJson) {
    ctx.err << "dragoman actors: --format must be table, jsonl or csv, not '"
            << OneLineMessage(format) << "'\n";
    return kExitUsage;
  }
  auto store = OpenCorpusStore(ResolveDbPath(args.Get("db")), Store::OpenMode::kReadOnly);
  if (!store.ok()) return ReportError(store.status(), ctx);
  auto actors = (*store)->ListActors(args.Get("country"));
  if (!actors.ok()) return ReportError(actors.status(), ctx);
  Status st = PrintActors(ctx.out, *actors, *fmt);
  if (!st.ok()) return errno == EPIPE ? kExitOk : ReportError(st, ctx);
  return kExitOk;
}

}  // namespace

extern const Command kActorsCommand = {
    "actors", "actors seen, with their roles and the dates each role was observed",
    "dragoman actors [--country CODE] [--format table|jsonl|csv]", &ActorsFlags, &RunActors};

}  // namespace dragoman::cli
