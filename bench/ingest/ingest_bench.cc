// Ingest benchmark: builds a corpus by repeating the seed articles and the peer suites' texts
// (read from ../shared at run time; each copy is a distinct document: its own id and date), runs
// the library's Ingest() into a fresh database, and prints documents/s, events/s and the size on
// disk per 1,000 documents.
//
//   ingest_bench [--docs N] [--threads N] [--batch N] [--shared DIR] [--keep FILE]
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
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
#include "coder/coder.h"
#include "store/ingest.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace fs = std::filesystem;

namespace {

// CPU seconds (user + system, all threads) used by this process so far: a figure that does not
// depend on how busy the machine is.
double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Source {
  std::string name, text;
};

// The seed articles (whole files) and the peer suites' record texts.
std::vector<Source> LoadSources(const std::string& shared) {
  std::vector<Source> out;
  std::vector<fs::path> seeds;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(shared + "/seeds", ec)) seeds.push_back(e.path());
  std::sort(seeds.begin(), seeds.end());
  for (const auto& p : seeds) {
    auto text = dragoman::ReadFile(p.string());
    if (text.ok()) out.push_back({p.filename().string(), *text});
  }
  for (const char* f :
       {"/peers/tabari/tabari_validate.jsonl", "/peers/petrarch/petr1_unittest_records.jsonl",
        "/peers/plover/plover_gsr_cameo.jsonl"}) {
    std::ifstream in(shared + f);
    int n = 0;
    for (std::string line; std::getline(in, line); ++n) {
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_object() && j.contains("text") && j["text"].is_string() &&
          !j["text"].get<std::string>().empty()) {
        out.push_back(
            {std::string(f).substr(std::string(f).rfind('/') + 1) + ":" + std::to_string(n + 1),
             j["text"].get<std::string>()});
      }
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  int docs = 3000, threads = 0, batch = 64;
  std::string shared = DRAGOMAN_SHARED_DIR, keep;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--docs")
      docs = std::atoi(argv[i + 1]);
    else if (a == "--threads")
      threads = std::atoi(argv[i + 1]);
    else if (a == "--batch")
      batch = std::atoi(argv[i + 1]);
    else if (a == "--shared")
      shared = argv[i + 1];
    else if (a == "--keep")
      keep = argv[i + 1];
    else {
      std::cerr << "usage: ingest_bench [--docs N] [--threads N] [--batch N] [--shared DIR] "
                   "[--keep FILE]\n";
      return 2;
    }
  }
  std::vector<Source> sources = LoadSources(shared);
  if (sources.empty()) {
    std::cerr << "ingest_bench: no seeds or peer texts under " << shared << "\n";
    return 1;
  }
  auto data = dragoman::FindDataDir("");
  if (!data.ok()) {
    std::cerr << "ingest_bench: " << data.status().message() << "\n";
    return 1;
  }

  std::string tmp =
      (fs::temp_directory_path() / ("ingest_bench_" + std::to_string(getpid()))).string();
  fs::create_directories(tmp);
  std::string corpus = tmp + "/corpus.jsonl";
  std::string db = keep.empty() ? tmp + "/bench.db" : keep;
  fs::remove(db);
  int64_t text_bytes = 0;
  {
    std::ofstream out(corpus);
    dragoman::PartialDate base{2015, 1, 1};
    for (int i = 0; i < docs; ++i) {
      const Source& s = sources[static_cast<size_t>(i) % sources.size()];
      int copy = i / static_cast<int>(sources.size());
      nlohmann::json j;
      j["id"] = s.name + "#" + std::to_string(copy);
      j["date"] = base.AddDays(i % 3650).ToString();
      j["text"] = s.text;
      text_bytes += static_cast<int64_t>(s.text.size());
      out << j.dump() << "\n";
    }
  }

  auto coder = dragoman::Coder::Create(dragoman::CoderConfig{*data});
  if (!coder.ok()) {
    std::cerr << "ingest_bench: " << coder.status().message() << "\n";
    return 1;
  }
  dragoman::IngestConfig config;
  config.db_path = db;
  config.coder = coder->get();
  config.inputs = {corpus};
  config.threads = threads;
  config.batch_size = batch;
  auto start = std::chrono::steady_clock::now();
  double cpu_start = CpuSeconds();
  auto result = dragoman::Ingest(config, {}, {});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = CpuSeconds() - cpu_start;
  if (!result.ok()) {
    std::cerr << "ingest_bench: " << result.status().message() << "\n";
    return 1;
  }
  // Fold the WAL into the main file before measuring the size on disk.
  {
    auto store = dragoman::Store::Open(db, dragoman::Store::OpenMode::kExisting);
    if (store.ok()) (void)(*store)->db().Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  // A second run over the same corpus: everything unchanged (hashing only, no coding).
  auto again_start = std::chrono::steady_clock::now();
  auto again = dragoman::Ingest(config, {}, {});
  double again_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - again_start).count();
  std::error_code ec;
  auto size = static_cast<double>(fs::file_size(db, ec));
  const auto& p = *result;
  std::printf(
      "corpus: %d documents (%zu distinct texts from seeds and peer suites), %.1f MB of text\n",
      docs, sources.size(), static_cast<double>(text_bytes) / 1e6);
  std::printf(
      "ingest: %.2f s wall (includes loading dictionaries), %.1f documents/s, %lld events, "
      "%.1f events/s\n",
      seconds, docs / seconds, static_cast<long long>(p.events),
      static_cast<double>(p.events) / seconds);
  std::printf("cpu: %.2f s user+system (all threads), %.1f documents per CPU-second\n", cpu,
              docs / cpu);
  std::printf("size on disk: %.2f MB, %.2f MB per 1,000 documents\n", size / 1e6,
              size / 1e6 * 1000.0 / docs);
  if (again.ok()) {
    std::printf("re-ingest of the same corpus: %.2f s, %lld unchanged, %lld added\n", again_seconds,
                static_cast<long long>(again->unchanged), static_cast<long long>(again->added));
  }
  if (keep.empty())
    fs::remove_all(tmp, ec);
  else
    fs::remove(corpus, ec);
  return 0;
}
