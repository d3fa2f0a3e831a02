// dragoman publish: put documents on the NATS JetStream stream that `dragoman worker`s take them
// from (doc/scale.md). Flags -> QueueConfig -> stream/queue.h.
#include <algorithm>
#include <chrono>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/input_flags.h"
#include "stream/queue.h"

namespace dragoman::cli {
namespace {

std::vector<FlagSpec> QueueFlags() {
  return {
      {"nats", "URL,URL...", "NATS servers (any nodes of the cluster)", "nats://127.0.0.1:4222"},
      {"stream", "NAME", "the JetStream stream", "DRAGOMAN"},
      {"subject", "SUBJECT", "the subject documents are published on", "dragoman.documents"},
      {"replicas", "N", "replicas of the stream when it is created (3 on a cluster of 3)", "1"},
  };
}

Result<QueueConfig> QueueFromFlags(const ParsedArgs& args) {
  QueueConfig q;
  if (args.Has("nats")) {
    q.servers.clear();
    std::string v = args.Get("nats");
    for (size_t pos = 0; pos <= v.size();) {
      size_t comma = v.find(',', pos);
      std::string one = v.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      if (!one.empty()) q.servers.push_back(one);
      pos = comma == std::string::npos ? v.size() + 1 : comma + 1;
    }
    if (q.servers.empty()) return Status::InvalidArgument("--nats needs at least one URL");
  }
  if (args.Has("stream")) q.stream = args.Get("stream");
  if (args.Has("subject")) q.subject = args.Get("subject");
  DRAGOMAN_ASSIGN_OR_RETURN(long long replicas, PositiveFlag(args, "replicas", 1));
  if (replicas > 5) return Status::InvalidArgument("--replicas must be 1 to 5");
  q.replicas = static_cast<int>(replicas);
  return q;
}

std::vector<FlagSpec> PublishFlags() {
  std::vector<FlagSpec> f = QueueFlags();
  f.push_back({"timeout", "MS",
               "give up when the stream cannot be reached or does not "
               "acknowledge a document for this long",
               "60000"});
  f.push_back({"quiet", "", "no summary line", ""});
  for (auto& c : InputFlags()) f.push_back(c);
  return f;
}

int RunPublish(const ParsedArgs& args, CommandContext& ctx) {
  auto queue = QueueFromFlags(args);
  auto reader = ReaderConfigFromFlags(args);
  Status bad = !queue.ok() ? queue.status() : !reader.ok() ? reader.status() : Status::Ok();
  if (bad.ok() && args.positionals.empty()) {
    bad = Status::InvalidArgument("no input: give files, folders, or - for stdin");
  }
  if (!bad.ok()) {
    ctx.err << "dragoman publish: " << OneLineMessage(bad.message()) << "\n";
    return kExitUsage;
  }
  auto timeout = PositiveFlag(args, "timeout", 60000);
  if (!timeout.ok()) {
    ctx.err << "dragoman publish: " << OneLineMessage(timeout.status().message()) << "\n";
    return kExitUsage;
  }
  int exit_code = kExitOk;
  auto stats = Publish(
      *queue, args.positionals, *reader, [&](const Status& s) { exit_code = ReportError(s, ctx); },
      std::chrono::milliseconds(std::min(*timeout, 3600000ll)));
  CloseQueueLibrary();
  if (!stats.ok()) return ReportError(stats.status(), ctx);
  if (!args.Has("quiet")) {
    ctx.err << "published " << stats->documents << " documents to " << queue->stream
            << (stats->bad_inputs ? "; " + std::to_string(stats->bad_inputs) + " unreadable" : "")
            << (stats->retries ? "; " + std::to_string(stats->retries) + " retries" : "") << "\n";
  }
  return exit_code;
}

}  // namespace

// Shared with cmd_worker.cc.
std::vector<FlagSpec> NatsQueueFlags() { return QueueFlags(); }
Result<QueueConfig> NatsQueueFromFlags(const ParsedArgs& args) { return QueueFromFlags(args); }

extern const Command kPublishCommand = {
    "publish", "put documents on a NATS JetStream stream for dragoman workers",
    "dragoman publish [--nats URL,...] [--stream NAME] [FLAGS] PATH...", &PublishFlags,
    &RunPublish};

}  // namespace dragoman::cli
