// dragoman ingest: code documents and store them (documents, sentences, actors, events) in the
// corpus database. Idempotent by content hash; one transaction per batch (doc/store.md).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "base/file.h"
#include "cli/command.h"
#include "cli/coder_flags.h"
#include "cli/exit_codes.h"
#include "cli/input_flags.h"
#include "store/ingest.h"
#include "store/store.h"

namespace dragoman::cli {
namespace {

std::vector<FlagSpec> IngestFlags() {
  std::vector<FlagSpec> f = {
      {"db", "FILE|URL",
       "the corpus: a SQLite file (created when missing) or a postgresql:// URL (doc/scale.md)",
       kDbFlagDefault},
      {"batch", "N", "documents per transaction", "256"},
      {"threads", "N", "coding threads", "one per CPU"},
      {"quiet", "", "no progress bar and no summary line", ""},
      {"recode", "",
       "code documents already stored as well and replace their events (after a dictionary or "
       "coder change)",
       ""},
      DictionariesFlag(),
  };
  for (auto& c : InputFlags()) f.push_back(c);
  for (auto& c : CommonFlags()) f.push_back(c);
  return f;
}

Result<IngestConfig> MakeConfig(const ParsedArgs& args, CoderSpec* dictionaries) {
  IngestConfig c;
  DRAGOMAN_ASSIGN_OR_RETURN(*dictionaries, CoderSpecFromFlags(args));
  DRAGOMAN_ASSIGN_OR_RETURN(c.reader, ReaderConfigFromFlags(args));
  DRAGOMAN_ASSIGN_OR_RETURN(
      long long max_events,
      PositiveFlag(args, "max-events-per-document", kDefaultMaxEventsPerDocument));
  c.max_events_per_document = static_cast<size_t>(max_events);
  DRAGOMAN_ASSIGN_OR_RETURN(long long batch, PositiveFlag(args, "batch", kDefaultIngestBatch));
  c.batch_size = static_cast<int>(std::min(batch, 100000ll));
  DRAGOMAN_ASSIGN_OR_RETURN(long long threads, PositiveFlag(args, "threads", 0));
  c.threads = static_cast<int>(std::min(threads, 256ll));
  if (args.positionals.empty()) {
    return Status::InvalidArgument("no input: give files, folders, or - for stdin");
  }
  c.inputs = args.positionals;
  c.recode = args.Has("recode");
  c.db_path = ResolveDbPath(args.Get("db"));
  return c;
}

std::string Clock(double seconds) {
  long s = std::lround(std::max(0.0, seconds));
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

// "\r[#######.......]  45%  1234 docs  56.7 docs/s  890 events  ETA 0:12"
std::string ProgressLine(const IngestProgress& p) {
  double rate = p.seconds > 0 ? static_cast<double>(p.read) / p.seconds : 0;
  char buf[160];
  std::string bar;
  if (p.bytes_total > 0) {
    double f =
        std::min(1.0, static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total));
    int filled = static_cast<int>(f * 24);
    bar = "[" + std::string(static_cast<size_t>(filled), '#') +
          std::string(static_cast<size_t>(24 - filled), '.') + "] ";
    std::snprintf(buf, sizeof buf, "%3d%%  ", static_cast<int>(f * 100));
    bar += buf;
  }
  std::snprintf(buf, sizeof buf, "%lld docs  %.1f docs/s  %lld events",
                static_cast<long long>(p.read), rate, static_cast<long long>(p.events));
  std::string line = "\r" + bar + buf;
  if (p.bytes_total > 0 && p.bytes_done > 0 && p.bytes_done < p.bytes_total) {
    double eta = p.seconds * static_cast<double>(p.bytes_total - p.bytes_done) /
                 static_cast<double>(p.bytes_done);
    line += "  ETA " + Clock(eta);
  }
  return line + "\x1b[K";
}

int RunIngest(const ParsedArgs& args, CommandContext& ctx) {
  CoderSpec dictionaries;
  auto config = MakeConfig(args, &dictionaries);
  if (!config.ok()) {
    ctx.err << "dragoman ingest: " << OneLineMessage(config.status().message()) << "\n";
    return kExitUsage;
  }
  auto data = FindDataDir(args.Get("data"));
  if (!data.ok()) return ReportError(data.status(), ctx);

  const bool quiet = args.Has("quiet");
  auto coder = OpenCoder(dictionaries, *data, "ingest", ctx, quiet);
  if (!coder.ok()) return ReportError(coder.status(), ctx);
  config->coder = coder->get();
  const bool bar = !quiet && ctx.stderr_is_terminal;
  bool bar_shown = false;
  auto progress = [&](const IngestProgress& p) {
    if (!bar) return;
    ctx.err << ProgressLine(p) << std::flush;
    bar_shown = true;
  };
  int exit_code = kExitOk;
  auto input_error = [&](const Status& s) {
    if (bar_shown) ctx.err << "\r\x1b[K";
    ReportError(s, ctx);  // one line per unreadable input; the others are still stored
    exit_code = ExitCodeFor(s);
  };
  auto result = Ingest(*config, progress, input_error);
  if (bar_shown) ctx.err << "\r\x1b[K";
  if (!result.ok()) return ReportError(result.status(), ctx);
  const IngestProgress& p = *result;
  if (!quiet) {
    char rate[64];
    std::snprintf(rate, sizeof rate, "%.1f s (%.1f docs/s)", p.seconds,
                  p.seconds > 0 ? static_cast<double>(p.read) / p.seconds : 0.0);
    ctx.err << "ingested " << p.read << " documents into " << config->db_path << ": " << p.added
            << " added, " << p.replaced << " replaced, " << p.unchanged << " unchanged"
            << (p.input_errors ? ", " + std::to_string(p.input_errors) + " unreadable" : "") << "; "
            << p.events << " events in " << rate << "\n";
  }
  return exit_code;
}

}  // namespace

extern const Command kIngestCommand = {
    "ingest", "code documents and store them in the corpus database (idempotent, crash-safe)",
    "dragoman ingest [--db FILE] [--dictionaries dragoman|tabari:PROJECT] [FLAGS] PATH...   "
    "(files, folders, or - for stdin)",
    &IngestFlags, &RunIngest};

}  // namespace dragoman::cli
