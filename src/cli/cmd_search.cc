// dragoman search WORDS: full-text search over every stored sentence, with highlighted matches
// and the events coded from each sentence.
#include <cerrno>
#include <cstdlib>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/query_flags.h"
#include "store/open_corpus_store.h"
#include "store/query.h"
#include "store/report.h"
#include "store/store.h"

namespace dragoman::cli {
namespace {

// The largest --limit: hits are held in memory before they are printed.
constexpr long kMaxSearchLimit = 10000;

std::vector<FlagSpec> SearchFlags() {
  std::vector<FlagSpec> f = {
      {"db", "FILE|URL", "the corpus: a SQLite file or a postgresql:// URL", kDbFlagDefault},
      {"limit", "N", "at most N sentences, best first (at most 10000)", "20"},
      {"format", "table|jsonl", "output format", "table on a terminal, else jsonl"},
  };
  for (auto& q : QueryLimitFlags()) f.push_back(q);
  return f;
}

int RunSearch(const ParsedArgs& args, CommandContext& ctx) {
  auto usage = [&](const std::string& msg) {
    ctx.err << "dragoman search: " << OneLineMessage(msg) << "\n";
    return kExitUsage;
  };
  if (args.positionals.empty()) return usage("give the words to search for");
  std::string query;
  for (const auto& p : args.positionals) query += (query.empty() ? "" : " ") + p;
  std::string limit_flag = args.Get("limit", "20");
  char* end = nullptr;
  long limit = std::strtol(limit_flag.c_str(), &end, 10);
  if (limit_flag.empty() || *end != '\0' || limit <= 0 || limit > kMaxSearchLimit) {
    return usage("--limit must be an integer from 1 to " + std::to_string(kMaxSearchLimit) +
                 ", not '" + limit_flag + "'");
  }
  auto limits = QueryLimitsFromFlags(args);
  if (!limits.ok()) return usage(limits.status().message());
  if (Status st = CheckQueryLimits(query, *limits); !st.ok()) return usage(st.message());
  std::string format = args.Get("format", ctx.stdout_is_terminal ? "table" : "jsonl");
  auto fmt = ParseReportFormat(format);
  if (!fmt || (*fmt != ReportFormat::kTable && *fmt != ReportFormat::kJsonl)) {
    return usage("--format must be table or jsonl, not '" + format + "'");
  }
  const std::string db = ResolveDbPath(args.Get("db"));
  bool bold = ctx.stdout_is_terminal && *fmt == ReportFormat::kTable;
  const char* open = bold ? "\x1b[1m" : "[";
  const char* close = bold ? "\x1b[0m" : "]";
  auto store = OpenCorpusStore(db, Store::OpenMode::kReadOnly);
  if (!store.ok()) return ReportError(store.status(), ctx);
  auto hits = (*store)->Search(query, open, close, static_cast<int>(limit), *limits);
  if (!hits.ok()) return ReportError(hits.status(), ctx);
  Status st = PrintSearch(ctx.out, *hits, *fmt);
  if (!st.ok()) return errno == EPIPE ? kExitOk : ReportError(st, ctx);
  return kExitOk;
}

}  // namespace

extern const Command kSearchCommand = {
    "search", "full-text search over stored sentences, with the events coded from each",
    "dragoman search [--limit N] [--format table|jsonl] WORDS...   (FTS5 syntax accepted)",
    &SearchFlags, &RunSearch};

}  // namespace dragoman::cli
