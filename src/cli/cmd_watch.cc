// dragoman watch: code and store documents as they land in folders, and evaluate alert rules as
// events are stored (doc/watch.md). Flags -> WatchConfig -> stream/watch.h; this file only wires
// them, prints alerts and waits for SIGINT/SIGTERM.
#include <signal.h>

#include <atomic>
#include <iostream>

#include "base/file.h"
#include "cli/alert_flags.h"
#include "cli/coder_flags.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/input_flags.h"
#include "store/store.h"
#include "stream/alerts.h"
#include "stream/queue.h"
#include "stream/watch.h"

namespace dragoman::cli {

std::vector<FlagSpec> NatsQueueFlags();  // cmd_publish.cc
Result<QueueConfig> NatsQueueFromFlags(const ParsedArgs& args);

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
extern "C" void OnStopSignal(int) { g_stop.store(true); }

std::vector<FlagSpec> WatchFlags() {
  std::vector<FlagSpec> f = {
      {"db", "FILE", "the corpus database (created when missing)", kDbFlagDefault},
      {"alerts", "FILE", "alert rules to evaluate as events are stored (doc/watch.md)", ""},
      {"alerts-out", "FILE", "append each alert's JSON line to FILE instead of stdout", ""},
      {"webhook", "URL", "also POST each alert's JSON to this http:// URL", ""},
      {"settle", "MS", "a file unchanged this long (or closed after writing) is complete", "2000"},
      {"poll", "MS", "scan the folders at least this often", "500"},
      {"once", "", "store what is there (waiting for unfinished files), then exit", ""},
      {"batch", "N", "documents per transaction", "64"},
      {"threads", "N", "coding threads", "one per CPU"},
      {"quiet", "", "no line per stored batch and no summary", ""},
      {"publish", "",
       "put the documents on a NATS JetStream stream for `dragoman worker`s "
       "instead of coding them (--db keeps only the positions; doc/scale.md)",
       ""},
      DictionariesFlag(),
  };
  for (auto& q : NatsQueueFlags()) f.push_back(q);
  for (auto& c : InputFlags()) f.push_back(c);
  for (auto& c : CommonFlags()) f.push_back(c);
  return f;
}

int RunWatch(const ParsedArgs& args, CommandContext& ctx) {
  auto usage = [&](const Status& s) {
    ctx.err << "dragoman watch: " << OneLineMessage(s.message()) << "\n";
    return kExitUsage;
  };
  WatchConfig config;
  auto spec = CoderSpecFromFlags(args);
  if (!spec.ok()) return usage(spec.status());
  auto reader = ReaderConfigFromFlags(args);
  if (!reader.ok()) return usage(reader.status());
  config.reader = *reader;
  for (auto [name, def, out] :
       {std::tuple<const char*, long long, int*>{"batch", 64, &config.batch_size},
        {"threads", 0, &config.threads}}) {
    auto v = PositiveFlag(args, name, def);
    if (!v.ok()) return usage(v.status());
    *out = static_cast<int>(std::min(*v, 100000ll));
  }
  auto settle = PositiveFlag(args, "settle", 2000);
  if (!settle.ok()) return usage(settle.status());
  auto poll = PositiveFlag(args, "poll", 500);
  if (!poll.ok()) return usage(poll.status());
  config.settle = std::chrono::milliseconds(*settle);
  config.poll = std::chrono::milliseconds(std::min(*poll, 60000ll));
  config.once = args.Has("once");
  if (args.positionals.empty()) return usage(Status::InvalidArgument("no folder to watch"));
  config.dirs = args.positionals;
  for (auto& d : config.dirs) {
    while (d.size() > 1 && d.back() == '/') d.pop_back();
  }
  config.db_path = ResolveDbPath(args.Get("db"));
  AlertSink alerts;
  if (Status st = alerts.Open(args, ctx.out); !st.ok()) {
    return st.code() == Status::Code::kInvalidArgument ? usage(st) : ReportError(st, ctx);
  }
  config.rules = alerts.TakeRules();

  const bool quiet = args.Has("quiet");
  std::unique_ptr<const DocumentCoder> coder;
  std::unique_ptr<Publisher> publisher;
  if (args.Has("publish")) {
    if (!config.rules.empty()) {
      return usage(Status::InvalidArgument(
          "--alerts needs the events stored here; with --publish the workers store them"));
    }
    auto queue = NatsQueueFromFlags(args);
    if (!queue.ok()) return usage(queue.status());
    auto p = Publisher::Connect(*queue, std::chrono::seconds(60));
    if (!p.ok()) return ReportError(p.status(), ctx);
    publisher = std::move(p).value();
    config.publish = [&](const Document& d) { return publisher->Send(d); };
  } else {
    auto data = FindDataDir(args.Get("data"));
    if (!data.ok()) return ReportError(data.status(), ctx);
    auto opened = OpenCoder(*spec, *data, "watch", ctx, quiet);
    if (!opened.ok()) return ReportError(opened.status(), ctx);
    coder = std::move(opened).value();
    config.coder = coder.get();
  }

  int exit_code = kExitOk;
  WatchCallbacks cb;
  cb.on_bad_input = [&](const Status& s) {
    ReportError(s, ctx);  // one line each; watching goes on
  };
  cb.on_alert = [&](const AlertFiring& f) {
    alerts.Emit(f, [&](const Status& st) { ReportError(st, ctx); });
  };
  cb.on_batch = [&](const WatchStats& s) {
    if (quiet) return;
    ctx.err << "dragoman watch: " << s.documents << " documents read (" << s.added << " added, "
            << s.replaced << " replaced, " << s.unchanged << " unchanged), " << s.events
            << " events, " << s.bad_inputs << " bad inputs, " << s.alerts << " alerts\n"
            << std::flush;
  };

  g_stop = false;
  struct sigaction sa {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  if (!quiet) {
    ctx.err << "dragoman watch: watching " << config.dirs.size() << " folder(s) into "
            << config.db_path << (config.once ? " (once)" : "; Ctrl-C stops") << "\n"
            << std::flush;
  }
  auto result = Watch(config, cb, g_stop);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
  if (publisher) {
    publisher.reset();
    CloseQueueLibrary();
  }
  if (!result.ok()) return ReportError(result.status(), ctx);
  if (!quiet) {
    ctx.err << "dragoman watch: stopped; " << result->documents << " documents read, "
            << result->added << " added, " << result->events << " events, " << result->bad_inputs
            << " bad inputs, " << result->alerts << " alerts\n";
  }
  if (result->bad_inputs > 0 && config.once) exit_code = kExitBadInput;
  return exit_code;
}

}  // namespace

extern const Command kWatchCommand = {
    "watch", "code and store documents as they land in folders; evaluate alert rules",
    "dragoman watch [--db FILE] [--alerts RULES] [--once] [--publish --nats URL,...] [FLAGS] "
    "FOLDER...",
    &WatchFlags, &RunWatch};

}  // namespace dragoman::cli
