// dragoman show EVENT_ID: the evidence for one event - every mention with its document, date
// source, sentence, span and the rule that fired.
#include <cerrno>
#include <cstdlib>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "store/open_corpus_store.h"
#include "store/query.h"
#include "store/report.h"
#include "store/store.h"

namespace dragoman::cli {
namespace {

std::vector<FlagSpec> ShowFlags() {
  return {
      {"db", "FILE|URL", "the corpus: a SQLite file or a postgresql:// URL", kDbFlagDefault},
      {"format", "text|json", "output format", "text"},
  };
}

int RunShow(const ParsedArgs& args, CommandContext& ctx) {
  auto usage = [&](const std::string& msg) {
    ctx.err << "dragoman show: " << OneLineMessage(msg) << "\n";
    return kExitUsage;
  };
  if (args.positionals.size() != 1) return usage("give one event id (as listed by 'events')");
  const std::string& v = args.positionals[0];
  char* end = nullptr;
  long long id = std::strtoll(v.c_str(), &end, 10);
  if (v.empty() || *end != '\0' || id <= 0) {
    return usage("an event id is a positive integer, not '" + v + "'");
  }
  std::string format = args.Get("format", "text");
  if (format != "text" && format != "json") {
    return usage("--format must be text or json, not '" + format + "'");
  }
  auto store = OpenCorpusStore(ResolveDbPath(args.Get("db")), Store::OpenMode::kReadOnly);
  if (!store.ok()) return ReportError(store.status(), ctx);
  auto ev = (*store)->ShowEvent(id);
  if (!ev.ok()) return ReportError(ev.status(), ctx);
  Status st =
      PrintEvidence(ctx.out, *ev, format == "json" ? ReportFormat::kJson : ReportFormat::kTable,
                    ctx.stdout_is_terminal);
  if (!st.ok()) return errno == EPIPE ? kExitOk : ReportError(st, ctx);
  return kExitOk;
}

}  // namespace

extern const Command kShowCommand = {
    "show", "the evidence for one event: documents, sentences, spans, rules, all mentions",
    "dragoman show [--format text|json] EVENT_ID", &ShowFlags, &RunShow};

}  // namespace dragoman::cli
