// dragoman code: documents in, coded events out (one per line on stdout).
// --dictionaries picks the coder: dragoman's own (default) or a TABARI project's.
#include <algorithm>
#include <cerrno>
#include <iostream>

#include "base/file.h"
#include "cli/command.h"
#include "cli/coder_flags.h"
#include "cli/exit_codes.h"
#include "cli/input_flags.h"
#include "coder/pipeline.h"
#include "input/reader.h"
#include "output/writer.h"

namespace dragoman::cli {
namespace {

std::vector<FlagSpec> CodeFlags() {
  std::vector<FlagSpec> f = {
      {"format", "jsonl|csv|tsv", "output format", "jsonl"},
      {"threads", "N", "coding threads (the output is the same for any N)", "one per CPU"},
      DictionariesFlag(),
  };
  for (auto& c : InputFlags()) f.push_back(c);
  for (auto& c : CommonFlags()) f.push_back(c);
  return f;
}

// Raw flags -> validated configuration.
struct CodeConfig {
  OutputFormat format = OutputFormat::kJsonl;
  CoderSpec dictionaries;
  int threads = 0;  // 0: one per CPU
  ReaderConfig reader;
  size_t max_events_per_document = kDefaultMaxEventsPerDocument;
  std::string data_dir;
  std::vector<std::string> inputs;
};

Result<CodeConfig> MakeConfig(const ParsedArgs& args) {
  CodeConfig c;
  auto format = ParseOutputFormat(args.Get("format", "jsonl"));
  if (!format) {
    return Status::InvalidArgument("--format must be jsonl, csv or tsv, not '" +
                                   args.Get("format") + "'");
  }
  c.format = *format;
  DRAGOMAN_ASSIGN_OR_RETURN(c.dictionaries, CoderSpecFromFlags(args));
  DRAGOMAN_ASSIGN_OR_RETURN(c.reader, ReaderConfigFromFlags(args));
  DRAGOMAN_ASSIGN_OR_RETURN(long long threads, PositiveFlag(args, "threads", 0));
  c.threads = static_cast<int>(std::min(threads, 256ll));
  DRAGOMAN_ASSIGN_OR_RETURN(
      long long max_events,
      PositiveFlag(args, "max-events-per-document", kDefaultMaxEventsPerDocument));
  c.max_events_per_document = static_cast<size_t>(max_events);
  if (args.positionals.empty()) {
    return Status::InvalidArgument("no input: give files, folders, or - for stdin");
  }
  c.inputs = args.positionals;
  DRAGOMAN_ASSIGN_OR_RETURN(c.data_dir, FindDataDir(args.Get("data")));
  return c;
}

// A closed pipe (`dragoman code ... | head`) is the reader's choice, not an error.
int OutputFailed(const Status& st, CommandContext& ctx) {
  if (errno == EPIPE) return kExitOk;
  return ReportError(st, ctx);
}

int RunCode(const ParsedArgs& args, CommandContext& ctx) {
  auto config = MakeConfig(args);
  if (!config.ok()) {
    if (config.status().code() == Status::Code::kInvalidArgument) {
      ctx.err << "dragoman code: " << OneLineMessage(config.status().message()) << "\n";
      return kExitUsage;
    }
    return ReportError(config.status(), ctx);
  }
  auto coder = OpenCoder(config->dictionaries, config->data_dir, "code", ctx);
  if (!coder.ok()) return ReportError(coder.status(), ctx);

  // Documents are coded on all threads and written in input order (coder/pipeline.h), so the
  // output is byte-identical whatever --threads is.
  DocumentReader reader(config->inputs, config->reader);
  EventWriter writer(ctx.out, config->format);
  int exit_code = kExitOk;
  bool output_failed = false;
  PipelineOptions options;
  options.threads = config->threads;
  options.max_events = config->max_events_per_document;
  Status st = CodingPipeline::Run(
      **coder, options, [&] { return reader.Next(); },
      [&](PipelineItem& item) -> Status {
        if (!item.error.ok()) {
          // One bad input is reported and skipped; the others are still coded.
          ReportError(item.error, ctx);
          exit_code = ExitCodeFor(item.error);
          return Status::Ok();
        }
        if (item.coded.events.size() > config->max_events_per_document) {
          // Refused whole: a document is never written half (doc/cli.md, "Resource limits").
          exit_code = ReportError(
              Status::BadInput(item.doc.origin + ": " + std::to_string(item.coded.events.size()) +
                               " events, more than --max-events-per-document " +
                               std::to_string(config->max_events_per_document) + "; none written"),
              ctx);
          return Status::Ok();
        }
        for (const Event& e : item.coded.events) {
          if (Status w = writer.Write(e); !w.ok()) {
            output_failed = true;
            return w;
          }
        }
        return Status::Ok();
      });
  if (!st.ok()) return output_failed ? OutputFailed(st, ctx) : ReportError(st, ctx);
  if (Status st = writer.Flush(); !st.ok()) return OutputFailed(st, ctx);
  // The process is about to end: freeing the dictionaries one node at a time would only delay
  // the exit (command.h). The early returns above still destroy the coder.
  if (ctx.process_exits_after) KeepUntilExit(std::move(*coder));
  return exit_code;
}

}  // namespace

extern const Command kCodeCommand = {
    "code", "code documents into events (JSONL, CSV or TSV on stdout)",
    "dragoman code [--dictionaries dragoman|tabari:PROJECT] [--threads N] [FLAGS] PATH...   "
    "(files, folders, "
    "or - for stdin)",
    &CodeFlags, &RunCode};

}  // namespace dragoman::cli
