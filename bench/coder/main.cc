// bench_coder: coding throughput of the full pipeline.
//
// Builds a corpus from the example articles, the seed articles and the PLOVER gold sentences
// (when ../shared is present), repeated to --docs documents, codes it --runs times on 1 and on
// N threads, and prints medians: documents/s, MB/s, events/s, peak RSS. Also checks that the
// multi-threaded run produces exactly the events of the single-threaded one.
//
//   bench_coder [--docs N] [--runs R] [--threads T] [--data DIR]
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "base/file.h"
#include "coder/coder.h"
#include "input/reader.h"
#include "output/event_json.h"

namespace fs = std::filesystem;
using dragoman::Document;

namespace {

std::vector<Document> LoadCorpus(const std::string& root, const std::string& shared) {
  std::vector<std::string> paths = {root + "/examples"};
  if (fs::exists(shared + "/seeds")) paths.push_back(shared + "/seeds");
  std::vector<Document> docs;
  dragoman::DocumentReader reader(paths, dragoman::ReaderConfig{});
  while (true) {
    auto next = reader.Next();
    if (!next.ok()) continue;
    if (!next->has_value()) break;
    docs.push_back(std::move(**next));
  }
  // PLOVER gold sentences: short one-sentence documents from all over the world.
  std::ifstream plover(shared + "/peers/plover/plover_gsr_cameo.jsonl");
  std::string line;
  while (std::getline(plover, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text")) continue;
    Document d;
    d.id = j.value("id", "plover");
    d.text = j["text"].get<std::string>();
    d.date = dragoman::PartialDate{2000, 1, 1};
    docs.push_back(std::move(d));
  }
  return docs;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

long PeakRssKb() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

// Codes docs on `threads` threads; returns the JSONL of every document's events, in order.
std::vector<std::string> CodeAll(const dragoman::Coder& coder, const std::vector<Document>& docs,
                                 int threads, size_t* events) {
  std::vector<std::string> out(docs.size());
  std::atomic<size_t> next{0}, count{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < docs.size();) {
      auto coded = coder.Code(docs[i]);
      count += coded.events.size();
      for (const auto& e : coded.events) out[i] += dragoman::EventToJsonLine(e) + "\n";
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  *events = count;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t target_docs = 2000;
  int runs = 5;
  int threads = static_cast<int>(std::max(2u, std::thread::hardware_concurrency()));
  std::string data;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--docs")
      target_docs = std::stoul(argv[i + 1]);
    else if (a == "--runs")
      runs = std::stoi(argv[i + 1]);
    else if (a == "--threads")
      threads = std::stoi(argv[i + 1]);
    else if (a == "--data")
      data = argv[i + 1];
    else {
      std::fprintf(stderr, "usage: bench_coder [--docs N] [--runs R] [--threads T] [--data DIR]\n");
      return 2;
    }
  }
  auto data_dir = dragoman::FindDataDir(data);
  if (!data_dir.ok()) {
    std::fprintf(stderr, "bench_coder: %s\n", data_dir.status().message().c_str());
    return 4;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto coder = dragoman::Coder::Create({*data_dir});
  if (!coder.ok()) {
    std::fprintf(stderr, "bench_coder: %s\n", coder.status().message().c_str());
    return 4;
  }
  double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  std::vector<Document> base = LoadCorpus(DRAGOMAN_SOURCE_DIR, DRAGOMAN_SHARED_DIR);
  std::vector<Document> docs;
  for (size_t i = 0; docs.size() < target_docs && !base.empty(); ++i) {
    docs.push_back(base[i % base.size()]);
  }
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.text.size();
  std::printf("corpus: %zu documents, %.2f MB (from %zu distinct); dictionaries loaded in %.3f s\n",
              docs.size(), bytes / 1e6, base.size(), load_s);

  std::vector<std::string> reference;
  for (int t : {1, threads}) {
    std::vector<double> secs;
    size_t events = 0;
    bool identical = true;
    for (int r = 0; r < runs; ++r) {
      auto start = std::chrono::steady_clock::now();
      auto out = CodeAll(**coder, docs, t, &events);
      secs.push_back(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      if (reference.empty())
        reference = out;
      else
        identical = identical && out == reference;
    }
    double s = Median(secs);
    std::printf(
        "threads=%d: median of %d runs %.3f s  %.0f docs/s  %.2f MB/s  %.0f events/s"
        "  (%zu events)%s\n",
        t, runs, s, docs.size() / s, bytes / 1e6 / s, events / s, events,
        identical ? "" : "  OUTPUT DIFFERS FROM 1 THREAD");
  }
  std::printf("peak RSS: %.1f MB\n", PeakRssKb() / 1024.0);
  return 0;
}
