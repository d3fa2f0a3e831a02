// dragoman events: the stored events matching filters, as a table on a terminal, JSONL or CSV
// (GDELT-like columns) otherwise.
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

std::vector<FlagSpec> EventsFlags() {
  std::vector<FlagSpec> f = {
      {"db", "FILE|URL", "the corpus: a SQLite file or a postgresql:// URL", kDbFlagDefault},
      {"dyad", "A,B", "events between A and B (countries, codes or code prefixes), either way", ""},
      {"directed", "", "with --dyad: only A as source and B as target", ""},
      {"actor", "NAME|CODE", "source or target is this code/country, or its name contains NAME",
       ""},
      {"type", "PLOVER|CAMEO|QUAD", "a PLOVER type, a CAMEO code prefix, or a quad class", ""},
      {"since", "DATE", "on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)", ""},
      {"until", "DATE", "on or before the end of DATE", ""},
      {"negated", "", "only negated events (\"did not meet\")", ""},
      {"location", "NAME", "the place name contains NAME, or is in country NAME", ""},
      {"text", "WORDS", "the sentence contains all these words (full-text index)", ""},
      {"mentions", "", "one row per mention instead of one per real-world event", ""},
      {"limit", "N", "at most N rows", "no limit"},
      {"format", "table|jsonl|csv", "output format", "table on a terminal, else jsonl"},
  };
  for (auto& q : QueryLimitFlags()) f.push_back(q);
  return f;
}

struct EventsConfig {
  std::string db;
  EventFilter filter;
  ReportFormat format = ReportFormat::kJsonl;
};

Result<std::optional<PartialDate>> DateFlag(const ParsedArgs& args, const std::string& name) {
  if (!args.Has(name)) return std::optional<PartialDate>();
  auto d = PartialDate::Parse(args.Get(name));
  if (!d) {
    return Status::InvalidArgument("--" + name + " must be YYYY, YYYY-MM or YYYY-MM-DD, not '" +
                                   args.Get(name) + "'");
  }
  return std::optional<PartialDate>(*d);
}

Result<EventsConfig> MakeConfig(const ParsedArgs& args, const CommandContext& ctx) {
  EventsConfig c;
  if (!args.positionals.empty()) {
    return Status::InvalidArgument("unexpected argument '" + args.positionals[0] +
                                   "' (filters are flags: --dyad, --actor, --type, ...)");
  }
  c.db = ResolveDbPath(args.Get("db"));
  EventFilter& f = c.filter;
  if (args.Has("dyad")) {
    std::string d = args.Get("dyad");
    size_t comma = d.find(',');
    if (comma == std::string::npos || comma == 0 || comma + 1 == d.size() ||
        d.find(',', comma + 1) != std::string::npos) {
      return Status::InvalidArgument(
          "--dyad must be two actors separated by a comma, like "
          "AZE,IRN, not '" +
          d + "'");
    }
    f.dyad = std::make_pair(d.substr(0, comma), d.substr(comma + 1));
  }
  f.directed = args.Has("directed");
  if (f.directed && !f.dyad) return Status::InvalidArgument("--directed needs --dyad");
  f.actor = args.Get("actor");
  f.type = args.Get("type");
  DRAGOMAN_ASSIGN_OR_RETURN(f.since, DateFlag(args, "since"));
  DRAGOMAN_ASSIGN_OR_RETURN(f.until, DateFlag(args, "until"));
  f.negated_only = args.Has("negated");
  f.location = args.Get("location");
  f.text = args.Get("text");
  DRAGOMAN_ASSIGN_OR_RETURN(f.text_limits, QueryLimitsFromFlags(args));
  f.mentions = args.Has("mentions");
  if (args.Has("limit")) {
    const std::string v = args.Get("limit");
    char* end = nullptr;
    long long n = std::strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end != '\0' || n <= 0) {
      return Status::InvalidArgument("--limit must be a positive integer, not '" + v + "'");
    }
    f.limit = n;
  }
  std::string format = args.Get("format", ctx.stdout_is_terminal ? "table" : "jsonl");
  auto fmt = ParseReportFormat(format);
  if (!fmt || *fmt == ReportFormat::kJson) {
    return Status::InvalidArgument("--format must be table, jsonl or csv, not '" + format + "'");
  }
  c.format = *fmt;
  return c;
}

int TerminalWidth() {
  const char* cols = std::getenv("COLUMNS");
  int n = cols ? std::atoi(cols) : 0;
  return n >= 60 ? n : 120;
}

int RunEvents(const ParsedArgs& args, CommandContext& ctx) {
  auto config = MakeConfig(args, ctx);
  if (!config.ok()) {
    ctx.err << "dragoman events: " << OneLineMessage(config.status().message()) << "\n";
    return kExitUsage;
  }
  EventPrinter printer(ctx.out, config->format, ctx.stdout_is_terminal, TerminalWidth());
  EventFilter filter = config->filter;
  filter.parse = !EventPrinter::PrintsStoredJson(config->format);
  auto print = [&](const StoredEvent& r) { return printer.Print(r); };
  Status st;
  auto store = OpenCorpusStore(config->db, Store::OpenMode::kReadOnly);
  if (!store.ok()) return ReportError(store.status(), ctx);
  st = (*store)->ForEachEvent(filter, print);
  if (st.ok()) st = printer.Finish();
  if (!st.ok()) {
    if (st.code() == Status::Code::kIo && errno == EPIPE) return kExitOk;
    return ReportError(st, ctx);
  }
  return kExitOk;
}

}  // namespace

extern const Command kEventsCommand = {
    "events", "list stored events matching filters (table, JSONL or GDELT-like CSV)",
    "dragoman events [--dyad A,B] [--actor NAME|CODE] [--type T] [--since DATE] [--until DATE] "
    "[--negated] [--location NAME] [--text WORDS] [--format table|jsonl|csv]",
    &EventsFlags, &RunEvents};

}  // namespace dragoman::cli
