// throughput_bench: issue 14's figures in one run, measured on the real `dragoman` binary.
//
// Builds a corpus of distinct documents (JSON Lines) from the bundled example articles and, when
// ../shared is present, its seed and news articles (each copy gets its own id and date), then
// runs --rounds rounds, each of them:
//   code --threads 1, code --threads 2                 docs/s a core and the 2-thread speed-up
//   ingest --threads 2 into a fresh database           ingest / code on 2 threads
//   code on one tiny document                          start-up
//   events --dyad A,B --mentions on a larger corpus    the query (A,B: the pair with most rows)
//   code --dictionaries tabari:Validate.project on bench50k, 1 thread, against the bare TABARI
//   coder reading, parsing and coding the same file in this process (../shared/peers/tabari)
// and prints the medians, and the ratios as medians of each round's ratio (both sides of a ratio
// are measured in the same round, so a change in the machine's load moves both). The load
// average is printed at the start and the end: on a shared machine wall times are only
// comparable within a run. CPU seconds (user + system of the child) are printed beside.
// --big-mb N also codes an N MB JSON Lines file once and prints its peak resident memory.
//
// --startup-only R runs only the start-up measure, R times (median, every run, CPU seconds): the
// quick check while working on start-up (doc/performance.md).
//
//   throughput_bench [--docs N] [--query-docs N] [--rounds R] [--big-mb N] [--keep DIR]
//                    [--startup-only R]
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/date.h"
#include "base/file.h"
#include "store/sqlite.h"
#include "tabari/coder.h"
#include "tabari/dictionary.h"
#include "tabari/suite.h"

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

struct Run {
  double wall = 0, cpu = 0;
  long max_rss_kb = 0;
  int status = -1;
};

// Runs `args` (args[0] the binary) with stdout to `out`, stderr to `err`; waits for it.
Run Spawn(const std::vector<std::string>& args, const std::string& out = "/dev/null",
          const std::string& err = "/dev/null") {
  Run r;
  auto start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (o < 0 || e < 0 || dup2(o, 1) < 0 || dup2(e, 2) < 0) _exit(127);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  r.wall = std::chrono::duration<double>(Clock::now() - start).count();
  r.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.max_rss_kb = ru.ru_maxrss;
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

// The texts of the corpus: bundled examples (.txt and wire.jsonl), then ../shared's seeds and
// news articles when present.
std::vector<std::string> CorpusTexts(const std::string& root, const std::string& shared,
                                     std::string* from) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(root + "/examples", ec)) files.push_back(e.path());
  int bundled = 0, extra = 0;
  std::vector<std::string> texts;
  std::sort(files.begin(), files.end());
  for (const auto& p : files) {
    if (p.extension() == ".txt") {
      auto t = dragoman::ReadFile(p.string());
      if (t.ok()) texts.push_back(*t), ++bundled;
    } else if (p.extension() == ".jsonl") {
      std::ifstream in(p);
      for (std::string line; std::getline(in, line);) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j.contains("text") && j["text"].is_string()) {
          texts.push_back(j["text"].get<std::string>()), ++bundled;
        }
      }
    }
  }
  std::vector<fs::path> more;
  for (const char* d : {"/seeds", "/news/a", "/news/b"}) {
    for (const auto& e : fs::directory_iterator(shared + d, ec)) {
      if (e.path().extension() == ".txt") more.push_back(e.path());
    }
  }
  std::sort(more.begin(), more.end());
  for (const auto& p : more) {
    auto t = dragoman::ReadFile(p.string());
    if (t.ok()) texts.push_back(*t), ++extra;
  }
  *from = std::to_string(bundled) + " bundled example texts" +
          (extra ? " + " + std::to_string(extra) + " from ../shared (seeds, news)" : "");
  return texts;
}

// Writes `n` documents cycling through `texts`, each with its own id and date; returns bytes.
size_t WriteCorpus(const std::string& path, const std::vector<std::string>& texts, size_t n,
                   const std::string& id_prefix) {
  std::ofstream out(path, std::ios::binary);
  dragoman::PartialDate base{2015, 1, 1};
  size_t bytes = 0;
  for (size_t i = 0; i < n; ++i) {
    nlohmann::json j;
    j["id"] = id_prefix + std::to_string(i);
    j["date"] = base.AddDays(static_cast<long>(i % 3650)).ToString();
    j["text"] = texts[i % texts.size()];
    bytes += texts[i % texts.size()].size();
    out << j.dump() << "\n";
  }
  return bytes;
}

struct Figures {
  std::vector<double> code1, code2, code1_cpu, code2_cpu, ingest2, ingest_ratio, speedup, startup,
      mentions, tabari_path, tabari_bare, tabari_ratio, startup_cpu, ingest2_cpu, mentions_cpu;
};

void Print(const char* what, const std::vector<double>& v, const char* unit) {
  std::printf("  %-52s %9.3f %s  (runs:", what, Median(v), unit);
  for (double x : v) std::printf(" %.3f", x);
  std::printf(")\n");
}

}  // namespace

int main(int argc, char** argv) {
  size_t docs = 2000, query_docs = 6000, big_mb = 0;
  int rounds = 5, startup_only = 0;
  std::string keep;
  const char* usage =
      "usage: throughput_bench [--docs N] [--query-docs N] [--rounds R] [--big-mb N] [--keep DIR]\n"
      "                        [--startup-only R]\n";
  auto number = [&](const char* flag, const char* text, size_t* out) {
    char* end = nullptr;
    errno = 0;
    unsigned long long v = std::strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-') {
      std::fprintf(stderr, "throughput_bench: %s wants a whole number, not '%s'\n%s", flag, text,
                   usage);
      return false;
    }
    *out = static_cast<size_t>(v);
    return true;
  };
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(usage, stdout);
      return 0;
    }
    if (i + 1 >= argc) {
      std::fprintf(stderr, "throughput_bench: unknown flag or missing value: '%s'\n%s", a.c_str(),
                   usage);
      return 2;
    }
    const char* value = argv[++i];
    size_t n = 0;
    if (a == "--keep") {
      keep = value;
      continue;
    }
    if (a != "--docs" && a != "--query-docs" && a != "--rounds" && a != "--big-mb" &&
        a != "--startup-only") {
      std::fprintf(stderr, "throughput_bench: unknown flag '%s'\n%s", a.c_str(), usage);
      return 2;
    }
    if (!number(a.c_str(), value, &n)) return 2;
    if (a == "--docs") docs = n;
    if (a == "--query-docs") query_docs = n;
    if (a == "--big-mb") big_mb = n;
    if (a == "--rounds") rounds = static_cast<int>(std::clamp<size_t>(n, 1, 1000));
    if (a == "--startup-only") startup_only = static_cast<int>(std::clamp<size_t>(n, 1, 100000));
  }
  const std::string bin = DRAGOMAN_BINARY, root = DRAGOMAN_SOURCE_DIR, shared = DRAGOMAN_SHARED_DIR;
  std::string dir = keep.empty() ? (fs::temp_directory_path() /
                                    ("throughput_bench_" + std::to_string(getpid())))
                                       .string()
                                 : keep;
  fs::create_directories(dir);
  const std::string tiny = dir + "/tiny.txt";
  std::ofstream(tiny) << "The foreign minister of Azerbaijan met his Iranian counterpart in Baku "
                         "on Monday.\n";
  if (startup_only > 0) {
    std::printf("throughput_bench: %s\nload average at start: %s\n", bin.c_str(),
                LoadAverage().c_str());
    std::vector<double> wall, cpu;
    for (int r = 0; r < startup_only; ++r) {
      Run st = Spawn({bin, "code", "--threads", "1", tiny});
      if (st.status) {
        std::fprintf(stderr, "throughput_bench: the start-up run failed (%d)\n", st.status);
        return 1;
      }
      wall.push_back(st.wall);
      cpu.push_back(st.cpu);
    }
    Print("start-up: code one tiny document", wall, "s");
    Print("start-up, CPU seconds", cpu, "s");
    std::printf("load average at end: %s\n", LoadAverage().c_str());
    if (keep.empty()) fs::remove_all(dir);
    return 0;
  }
  std::string from;
  std::vector<std::string> texts = CorpusTexts(root, shared, &from);
  if (texts.empty()) {
    std::fprintf(stderr, "throughput_bench: no texts under %s/examples\n", root.c_str());
    return 1;
  }
  const std::string corpus = dir + "/corpus.jsonl", qcorpus = dir + "/query.jsonl";
  size_t bytes = WriteCorpus(corpus, texts, docs, "doc");
  WriteCorpus(qcorpus, texts, query_docs, "q");

  std::printf("throughput_bench: %s\n", bin.c_str());
  std::printf("machine: %u CPUs; load average at start: %s\n",
              std::max(1u, static_cast<unsigned>(sysconf(_SC_NPROCESSORS_ONLN))),
              LoadAverage().c_str());
  std::printf("corpus: %zu documents, %.2f MB of text, from %zu texts (%s)\n", docs, bytes / 1e6,
              texts.size(), from.c_str());

  // The query corpus, once; the pair with the most mentions is the --dyad asked.
  const std::string qdb = dir + "/query.db";
  fs::remove(qdb);
  Run qi = Spawn({bin, "ingest", "--quiet", "--db", qdb, qcorpus});
  std::string pair_a, pair_b;
  if (qi.status == 0) {
    auto db = dragoman::sql::Db::Open(qdb, dragoman::sql::Db::Mode::kReadOnly);
    if (db.ok()) {
      auto st = (*db)->Prepare(
          "SELECT source_country, target_country, count(*) FROM events WHERE source_country "
          "<> '' AND target_country <> '' AND source_country <> target_country GROUP BY "
          "min(source_country, target_country), max(source_country, target_country) "
          "ORDER BY 3 DESC LIMIT 1");
      if (st.ok() && *st->Step()) {
        pair_a = st->Text(0);
        pair_b = st->Text(1);
      }
    }
  }
  std::printf("query corpus: %zu documents ingested in %.1f s wall\n", query_docs, qi.wall);

  // TABARI: bench50k as JSON Lines documents (one record a document, its date).
  const std::string tdir = shared + "/peers/tabari";
  const std::string bench50k = tdir + "/bench50k.text", project = tdir + "/Validate.project";
  const std::string tjsonl = dir + "/bench50k.jsonl";
  bool tabari = fs::exists(bench50k) && fs::exists(project);
  std::unique_ptr<dragoman::tabari::Dictionaries> dict;
  size_t records = 0;
  if (tabari) {
    tabari = false;
    auto text = dragoman::ReadFile(bench50k);
    auto ptext = dragoman::ReadFile(project);
    if (text.ok() && ptext.ok()) {
      auto recs = dragoman::tabari::ParseTabariText(*text, bench50k);
      auto proj = dragoman::tabari::ParseProject(*ptext, project);
      if (recs.ok() && proj.ok()) {
        auto d = dragoman::tabari::LoadProjectDictionaries(*proj);
        if (d.ok()) {
          dict = std::make_unique<dragoman::tabari::Dictionaries>(std::move(*d));
          std::ofstream out(tjsonl, std::ios::binary);
          for (const auto& r : *recs) {
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", r.date / 10000, r.date / 100 % 100,
                          r.date % 100);
            nlohmann::json j;
            j["id"] = "r" + std::to_string(records++);
            j["date"] = date;
            j["text"] = r.text;
            out << j.dump() << "\n";
          }
          tabari = true;
        }
      }
    }
  }
  if (!tabari) std::printf("tabari: ../shared/peers/tabari missing: TABARI figures skipped\n");

  Figures f;
  const std::string db = dir + "/bench.db";
  int64_t mention_rows = 0;
  for (int round = 0; round < rounds; ++round) {
    Run c1 = Spawn({bin, "code", "--threads", "1", corpus});
    Run c2 = Spawn({bin, "code", "--threads", "2", corpus});
    fs::remove(db);
    fs::remove(db + "-wal");
    fs::remove(db + "-shm");
    Run in2 = Spawn({bin, "ingest", "--quiet", "--threads", "2", "--db", db, corpus});
    Run st = Spawn({bin, "code", "--threads", "1", tiny});
    if (c1.status || c2.status || in2.status || st.status) {
      std::fprintf(stderr, "throughput_bench: a run failed (%d %d %d %d)\n", c1.status, c2.status,
                   in2.status, st.status);
      return 1;
    }
    f.code1.push_back(c1.wall);
    f.code2.push_back(c2.wall);
    f.code1_cpu.push_back(c1.cpu);
    f.code2_cpu.push_back(c2.cpu);
    f.ingest2.push_back(in2.wall);
    f.ingest_ratio.push_back(in2.wall / c2.wall);
    f.speedup.push_back(c1.wall / c2.wall);
    f.startup.push_back(st.wall);
    f.startup_cpu.push_back(st.cpu);
    f.ingest2_cpu.push_back(in2.cpu);
    if (!pair_a.empty()) {
      std::string out = dir + "/mentions.jsonl";
      Run q = Spawn({bin, "events", "--db", qdb, "--dyad", pair_a + "," + pair_b, "--mentions",
                     "--format", "jsonl"},
                    out);
      f.mentions.push_back(q.wall);
      f.mentions_cpu.push_back(q.cpu);
      std::ifstream in(out);
      mention_rows = std::count(std::istreambuf_iterator<char>(in),
                                std::istreambuf_iterator<char>(), '\n');
    }
    if (tabari) {
      Run path = Spawn({bin, "code", "--threads", "1", "--dictionaries", "tabari:" + project,
                        tjsonl});
      // The bare coder: what TABARI itself does, in this process: read, parse, code.
      auto a = Clock::now();
      auto text = dragoman::ReadFile(bench50k);
      auto recs = dragoman::tabari::ParseTabariText(*text, bench50k);
      dragoman::tabari::TabariCoder coder(*dict);
      dragoman::tabari::CodeResult r;
      dragoman::tabari::Options opt = dict->options;
      size_t events = 0;
      for (const auto& rec : *recs) {
        for (const auto& c : rec.option_commands) (void)opt.Apply(c);
        coder.Code(rec.text, rec.date, opt, &r);
        events += r.events.size();
      }
      double bare = std::chrono::duration<double>(Clock::now() - a).count();
      f.tabari_path.push_back(path.wall);
      f.tabari_bare.push_back(bare);
      f.tabari_ratio.push_back(path.wall / bare);
      if (events == 0) std::printf("tabari: the bare coder coded no events\n");
    }
    std::fprintf(stderr, "round %d/%d done\n", round + 1, rounds);
  }

  std::printf("\nmedians of %d rounds (wall seconds unless stated; each run's figures follow):\n",
              rounds);
  Print("code --threads 1", f.code1, "s");
  Print("code --threads 1, CPU seconds", f.code1_cpu, "s");
  Print("code --threads 2", f.code2, "s");
  Print("code --threads 2, CPU seconds", f.code2_cpu, "s");
  Print("ingest --threads 2", f.ingest2, "s");
  Print("ingest --threads 2, CPU seconds", f.ingest2_cpu, "s");
  Print("start-up: code one tiny document", f.startup, "s");
  Print("start-up, CPU seconds", f.startup_cpu, "s");
  if (!f.mentions.empty()) {
    std::string what = "events --dyad " + pair_a + "," + pair_b + " --mentions (" +
                       std::to_string(mention_rows) + " rows)";
    Print(what.c_str(), f.mentions, "s");
    Print("  the same, CPU seconds", f.mentions_cpu, "s");
  }
  if (tabari) {
    Print("code --dictionaries tabari: on bench50k, 1 thread", f.tabari_path, "s");
    Print("bare TABARI coder: read, parse, code bench50k", f.tabari_bare, "s");
  }
  std::printf("\nfigures:\n");
  std::printf("  code, 1 thread:   %7.0f docs/s wall, %7.0f docs per CPU-second\n",
              docs / Median(f.code1), docs / Median(f.code1_cpu));
  std::printf("  code, 2 threads:  %7.0f docs/s wall, %7.0f docs per CPU-second\n",
              docs / Median(f.code2), docs / Median(f.code2_cpu));
  std::printf("  speed-up 2 threads / 1 thread:        %.2fx (median of per-round ratios)\n",
              Median(f.speedup));
  std::printf("  ingest / code, 2 threads:             %.2fx (median of per-round ratios)\n",
              Median(f.ingest_ratio));
  std::printf("  start-up:                             %.1f ms\n", Median(f.startup) * 1000);
  if (!f.mentions.empty()) {
    std::printf("  --mentions query:                     %.1f ms for %lld rows\n",
                Median(f.mentions) * 1000, static_cast<long long>(mention_rows));
  }
  if (tabari) {
    std::printf("  tabari: path / bare coder:            %.2fx (%zu records; median of per-round "
                "ratios)\n",
                Median(f.tabari_ratio), records);
  }
  if (big_mb > 0) {
    const std::string big = dir + "/big.jsonl";
    size_t n = 0, written = 0;
    {
      std::ofstream out(big, std::ios::binary);
      dragoman::PartialDate base{2015, 1, 1};
      while (written < big_mb * 1000000) {
        nlohmann::json j;
        j["id"] = "big" + std::to_string(n);
        j["date"] = base.AddDays(static_cast<long>(n % 3650)).ToString();
        j["text"] = texts[n % texts.size()];
        std::string line = j.dump() + "\n";
        written += line.size();
        out << line;
        ++n;
      }
    }
    Run r = Spawn({bin, "code", "--threads", "2", big});
    std::printf("  %zu MB JSON Lines (%zu documents), code --threads 2: peak RSS %.1f MB, "
                "%.1f s wall, %.0f docs/s\n",
                written / 1000000, n, r.max_rss_kb / 1024.0, r.wall, n / r.wall);
    fs::remove(big);
  }
  std::printf("\nload average at end: %s\n", LoadAverage().c_str());
  if (keep.empty()) fs::remove_all(dir);
  return 0;
}
