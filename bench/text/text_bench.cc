// text_bench: how fast the text stage runs, as Google Benchmark micro-benchmarks.
//
// Input: the seed articles in DRAGOMAN_SHARED_DIR/seeds, else built-in invented sentences,
// repeated to about 8 MB. Benchmarks: loading the analyzer (abbreviations, furniture patterns,
// the mapped WordNet table), the furniture patterns alone, Analyze() on prose and on one long
// unpunctuated line (bytes/s), and one lemma lookup. Google Benchmark's flags apply
// (--benchmark_filter=..., --benchmark_repetitions=5 for medians).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "text/analysis.h"
#include "text/furniture.h"
#include "text/lemma_table.h"
#include "text/lemmatizer.h"

namespace {

std::string Corpus() {
  std::vector<std::string> files;
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(DRAGOMAN_SHARED_DIR) / "seeds";
  if (std::filesystem::is_directory(dir, ec)) {
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      files.push_back(e.path().string());
    }
  }
  std::string text;
  for (const std::string& f : files) {
    auto r = dragoman::ReadFile(f);
    if (r.ok()) text += *r + "\n\n";
  }
  if (text.empty()) {
    text =
        "Foreign Ministers Meet In Baku\n\n"
        "The foreign ministers of the two countries met in Baku on Monday, the ministry’s press "
        "service said. Gen. Karimov and Mr. Lee discussed 1,000 km of border and 2.5 million "
        "dollars of trade with the U.S. delegation.\n\n"
        "“We agreed to continue talks,” the minister told reporters. Officials were pardoned, "
        "arrested and sentenced in Şəki and Ağdam, according to No:15/24 decree.\n\n";
  }
  std::string out;
  while (out.size() < (8u << 20)) out += text;
  return out;
}

const dragoman::TextAnalyzer& Analyzer() {
  static const std::unique_ptr<dragoman::TextAnalyzer> ta = [] {
    dragoman::TextConfig config;
    config.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
    auto r = dragoman::TextAnalyzer::Create(config);
    return r.ok() ? std::move(r).value() : nullptr;
  }();
  return *ta;
}

void BM_CreateAnalyzer(benchmark::State& state) {
  dragoman::TextConfig config;
  config.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
  for (auto _ : state) {
    auto ta = dragoman::TextAnalyzer::Create(config);
    if (!ta.ok()) state.SkipWithError(ta.status().message().c_str());
    benchmark::DoNotOptimize(ta);
  }
}
BENCHMARK(BM_CreateAnalyzer)->Unit(benchmark::kMillisecond);

void BM_LoadFurniture(benchmark::State& state) {
  for (auto _ : state) {
    auto fp = dragoman::FurniturePatterns::Load(std::string(DRAGOMAN_SOURCE_DATA_DIR) +
                                                "/text/furniture.txt");
    if (!fp.ok()) state.SkipWithError(fp.status().message().c_str());
    benchmark::DoNotOptimize(fp);
  }
}
BENCHMARK(BM_LoadFurniture)->Unit(benchmark::kMillisecond);

void BM_OpenLemmaTable(benchmark::State& state) {
  for (auto _ : state) {
    auto t = dragoman::LemmaTable::Open("/usr/share/wordnet");
    if (!t.ok()) state.SkipWithError(t.status().message().c_str());
    state.counters["mapped"] = t.ok() && (*t)->mapped() ? 1 : 0;
    benchmark::DoNotOptimize(t);
  }
}
BENCHMARK(BM_OpenLemmaTable)->Unit(benchmark::kMicrosecond);

void BM_AnalyzeProse(benchmark::State& state) {
  static const std::string corpus = Corpus();
  size_t sentences = 0;
  for (auto _ : state) {
    std::vector<dragoman::Sentence> ss = Analyzer().Analyze(corpus);
    sentences = ss.size();
    benchmark::DoNotOptimize(ss);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
  state.counters["sentences"] = static_cast<double>(sentences);
}
BENCHMARK(BM_AnalyzeProse)->Unit(benchmark::kMillisecond);

void BM_AnalyzeUnpunctuatedLine(benchmark::State& state) {
  std::string line;
  while (line.size() < (8u << 20)) line += "ministers met again and talked about trade ";
  for (auto _ : state) {
    std::vector<dragoman::Sentence> ss = Analyzer().Analyze(line);
    benchmark::DoNotOptimize(ss);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * line.size()));
}
BENCHMARK(BM_AnalyzeUnpunctuatedLine)->Unit(benchmark::kMillisecond);

void BM_LemmaAnalyze(benchmark::State& state) {
  const dragoman::Lemmatizer& lm = Analyzer().lemmatizer();
  const char* words[] = {"pardoned", "met", "ministries", "talks", "qwzx",      "azerbaijan",
                         "held",     "was", "meeting",    "the",   "relations", "stressed"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(lm.Analyze(words[i++ % std::size(words)]));
  }
}
BENCHMARK(BM_LemmaAnalyze);

}  // namespace

BENCHMARK_MAIN();
