// dragoman export: every stored event mention, as JSONL (the coder's contract plus event ids and
// counts) or GDELT-like CSV, to a file or stdout.
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "store/open_corpus_store.h"
#include "store/query.h"
#include "store/report.h"
#include "store/store.h"

namespace dragoman::cli {
namespace {

std::vector<FlagSpec> ExportFlags() {
  return {
      {"db", "FILE|URL", "the corpus: a SQLite file or a postgresql:// URL", kDbFlagDefault},
      {"format", "jsonl|csv", "output format", "jsonl"},
      {"out", "FILE", "write here (replaced only once the export is complete)", "stdout"},
  };
}

int RunExport(const ParsedArgs& args, CommandContext& ctx) {
  auto usage = [&](const std::string& msg) {
    ctx.err << "dragoman export: " << OneLineMessage(msg) << "\n";
    return kExitUsage;
  };
  if (!args.positionals.empty()) return usage("unexpected argument '" + args.positionals[0] + "'");
  std::string format = args.Get("format", "jsonl");
  auto fmt = ParseReportFormat(format);
  if (!fmt || (*fmt != ReportFormat::kJsonl && *fmt != ReportFormat::kCsv)) {
    return usage("--format must be jsonl or csv, not '" + format + "'");
  }
  auto store = OpenCorpusStore(ResolveDbPath(args.Get("db")), Store::OpenMode::kReadOnly);
  if (!store.ok()) return ReportError(store.status(), ctx);

  // To a file: write a temporary beside it and rename at the end, so that a failed export never
  // leaves a truncated file under the requested name.
  std::string out_path = args.Get("out");
  std::string tmp_path = out_path.empty() ? "" : out_path + ".partial";
  std::ofstream file;
  if (!out_path.empty()) {
    file.open(tmp_path, std::ios::binary | std::ios::trunc);
    if (!file) return ReportError(Status::Io(tmp_path + ": cannot write"), ctx);
  }
  std::ostream& out = out_path.empty() ? ctx.out : file;
  EventFilter all;
  all.mentions = true;
  all.parse = !EventPrinter::PrintsStoredJson(*fmt);
  EventPrinter printer(out, *fmt, false);
  Status st = (*store)->ForEachEvent(all, [&](const StoredEvent& r) { return printer.Print(r); });
  if (st.ok()) st = printer.Finish();
  if (!out_path.empty()) {
    file.close();
    if (st.ok() && !file) st = Status::Io(tmp_path + ": write failed");
    if (st.ok() && std::rename(tmp_path.c_str(), out_path.c_str()) != 0) {
      st = Status::Io(out_path + ": cannot rename " + tmp_path + " into place");
    }
    if (!st.ok()) std::remove(tmp_path.c_str());
  }
  if (!st.ok()) {
    if (out_path.empty() && st.code() == Status::Code::kIo && errno == EPIPE) return kExitOk;
    return ReportError(st, ctx);
  }
  return kExitOk;
}

}  // namespace

extern const Command kExportCommand = {
    "export", "the whole corpus: every event mention as JSONL or GDELT-like CSV",
    "dragoman export [--format jsonl|csv] [--out FILE]", &ExportFlags, &RunExport};

}  // namespace dragoman::cli
