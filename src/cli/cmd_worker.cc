// dragoman worker: take documents from the NATS JetStream stream, code them and store them in
// PostgreSQL (doc/scale.md). Stateless: run as many as there are cores to spare, anywhere.
#include <signal.h>

#include <atomic>
#include <cmath>
#include <iostream>

#include "base/file.h"
#include "cli/alert_flags.h"
#include "cli/coder_flags.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/input_flags.h"
#include "store/pg/pg_store.h"
#include "stream/alerts.h"
#include "stream/queue.h"

namespace dragoman::cli {

std::vector<FlagSpec> NatsQueueFlags();
Result<QueueConfig> NatsQueueFromFlags(const ParsedArgs& args);

namespace {

std::atomic<bool> g_worker_stop{false};
extern "C" void OnWorkerSignal(int) { g_worker_stop.store(true); }

std::vector<FlagSpec> WorkerFlags() {
  std::vector<FlagSpec> f = NatsQueueFlags();
  std::vector<FlagSpec> own = {
      {"db", "URL", "the PostgreSQL store: postgresql://USER@HOST:PORT/DB", ""},
      {"durable", "NAME", "the consumer all workers share", "dragoman-workers"},
      {"max-unacked", "N", "messages held unacknowledged at once (backpressure)", "32"},
      {"ack-wait", "MS", "redelivery of an unacknowledged message after this long", "30000"},
      {"idle-exit", "MS", "exit once the stream has been empty this long", "never"},
      {"threads", "N", "coding threads", "one per CPU"},
      {"alerts", "FILE", "alert rules to evaluate as events are stored (doc/watch.md)", ""},
      {"alerts-out", "FILE", "append each alert's JSON line to FILE instead of stdout", ""},
      {"webhook", "URL", "also POST each alert's JSON to this http:// URL", ""},
      {"quiet", "", "no line per batch and no summary", ""},
      DictionariesFlag(),
  };
  for (auto& o : own) f.push_back(o);
  for (auto& c : CommonFlags()) f.push_back(c);
  return f;
}

int RunWorkerCommand(const ParsedArgs& args, CommandContext& ctx) {
  auto usage = [&](const Status& s) {
    ctx.err << "dragoman worker: " << OneLineMessage(s.message()) << "\n";
    return kExitUsage;
  };
  WorkerConfig config;
  auto queue = NatsQueueFromFlags(args);
  if (!queue.ok()) return usage(queue.status());
  config.queue = *queue;
  auto spec = CoderSpecFromFlags(args);
  if (!spec.ok()) return usage(spec.status());
  if (!args.positionals.empty()) {
    return usage(Status::InvalidArgument("unexpected argument '" + args.positionals[0] + "'"));
  }
  config.db = args.Get("db");
  if (!IsPostgresUrl(config.db)) {
    return usage(Status::InvalidArgument("--db must be a postgresql:// URL"));
  }
  if (args.Has("durable")) config.durable = args.Get("durable");
  auto flag = [&](const char* name, long long def, long long max) -> Result<long long> {
    DRAGOMAN_ASSIGN_OR_RETURN(long long v, PositiveFlag(args, name, def));
    return std::min(v, max);
  };
  auto max_unacked = flag("max-unacked", 32, 100000);
  auto ack_wait = flag("ack-wait", 30000, 3600000);
  auto idle_exit = flag("idle-exit", 0, 86400000);
  auto threads = flag("threads", 0, 256);
  for (const auto* r : {&max_unacked, &ack_wait, &idle_exit, &threads}) {
    if (!r->ok()) return usage(r->status());
  }
  config.max_unacked = static_cast<int>(*max_unacked);
  config.ack_wait = std::chrono::milliseconds(*ack_wait);
  config.idle_exit = std::chrono::milliseconds(*idle_exit);
  config.threads = static_cast<int>(*threads);
  AlertSink alerts;
  if (Status st = alerts.Open(args, ctx.out); !st.ok()) {
    return st.code() == Status::Code::kInvalidArgument ? usage(st) : ReportError(st, ctx);
  }
  config.rules = alerts.TakeRules();
  config.on_alert = [&](const AlertFiring& f) {
    alerts.Emit(f, [&](const Status& st) { ReportError(st, ctx); });
  };
  auto data = FindDataDir(args.Get("data"));
  if (!data.ok()) return ReportError(data.status(), ctx);
  const bool quiet = args.Has("quiet");
  auto coder = OpenCoder(*spec, *data, "worker", ctx, quiet);
  if (!coder.ok()) return ReportError(coder.status(), ctx);
  config.coder = coder->get();

  g_worker_stop = false;
  struct sigaction sa {};
  sa.sa_handler = OnWorkerSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  auto stats = RunWorker(
      config, g_worker_stop, [&](const Status& s) { ReportError(s, ctx); },
      [&](const WorkerStats& s) {
        if (quiet) return;
        ctx.err << "dragoman worker: " << s.messages << " messages, " << s.added << " added, "
                << s.unchanged << " already stored, " << s.events << " events\n"
                << std::flush;
      });
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  CloseQueueLibrary();
  if (!stats.ok()) return ReportError(stats.status(), ctx);
  if (!quiet) {
    const std::string latency =
        "; publish to stored p50 " +
        std::to_string(std::llround(Quantile(stats->latency_ms, 0.5))) + " ms, p99 " +
        std::to_string(std::llround(Quantile(stats->latency_ms, 0.99))) + " ms";
    ctx.err << "dragoman worker: stopped; " << stats->messages << " messages ("
            << stats->redelivered << " redelivered), " << stats->added << " added, "
            << stats->unchanged << " already stored, " << stats->events << " events, "
            << stats->alerts << " alerts" << (stats->latency_ms.empty() ? "" : latency) << "\n";
  }
  return kExitOk;
}

}  // namespace

extern const Command kWorkerCommand = {
    "worker", "code documents from a NATS JetStream stream into PostgreSQL (scale-out)",
    "dragoman worker --db postgresql://... [--nats URL,...] [FLAGS]", &WorkerFlags,
    &RunWorkerCommand};

}  // namespace dragoman::cli
