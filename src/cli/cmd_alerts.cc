// dragoman alerts: the alert firings stored in the corpus (doc/watch.md), one JSON line each;
// with --rules FILE, evaluates those rules over the stored events first.
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "store/open_corpus_store.h"
#include "store/store.h"
#include "stream/alerts.h"

namespace dragoman::cli {
namespace {

std::vector<FlagSpec> AlertsFlags() {
  return {
      {"db", "FILE|URL", "the corpus: a SQLite file or a postgresql:// URL", kDbFlagDefault},
      {"rule", "NAME", "only the firings of this rule", ""},
      {"rules", "FILE",
       "evaluate these alert rules over the stored events first (stores and "
       "lists new firings)",
       ""},
  };
}

int RunAlerts(const ParsedArgs& args, CommandContext& ctx) {
  if (!args.positionals.empty()) {
    ctx.err << "dragoman alerts: unexpected argument '" << OneLineMessage(args.positionals[0])
            << "'\n";
    return kExitUsage;
  }
  const std::string db = ResolveDbPath(args.Get("db"));
  const bool evaluate = args.Has("rules");
  std::vector<AlertRule> rules;
  if (evaluate) {
    auto r = LoadAlertRules(args.Get("rules"));
    if (!r.ok()) return ReportError(r.status(), ctx);
    rules = std::move(r).value();
  }
  auto store =
      OpenCorpusStore(db, evaluate ? Store::OpenMode::kExisting : Store::OpenMode::kReadOnly);
  if (!store.ok()) return ReportError(store.status(), ctx);
  if (evaluate) {
    auto fired = EvaluateAlerts(**store, rules);
    if (!fired.ok()) return ReportError(fired.status(), ctx);
  }
  auto list = ListAlerts(**store, args.Get("rule"));
  if (!list.ok()) return ReportError(list.status(), ctx);
  for (const auto& f : *list) ctx.out << f.json << "\n";
  ctx.out.flush();
  return ctx.out ? kExitOk : kExitIo;
}

}  // namespace

extern const Command kAlertsCommand = {
    "alerts", "list the alert firings stored in the corpus (JSON Lines)",
    "dragoman alerts [--db FILE] [--rule NAME] [--rules FILE]", &AlertsFlags, &RunAlerts};

}  // namespace dragoman::cli
