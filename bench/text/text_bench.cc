// text_bench [FILE...]: prints how fast the text stage runs.
//
// Input: the given files, else the seed articles in DRAGOMAN_SHARED_DIR/seeds, else built-in
// invented sentences; repeated to about 8 MB. Prints load time, Analyze() MB/s (prose and one
// long unpunctuated line) and the cost of a lemma lookup.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.h"
#include "text/analysis.h"
#include "text/lemmatizer.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

std::string Corpus(int argc, char** argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) files.emplace_back(argv[i]);
  if (files.empty()) {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::path(DRAGOMAN_SHARED_DIR) / "seeds";
    if (std::filesystem::is_directory(dir, ec)) {
      for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        files.push_back(e.path().string());
      }
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

}  // namespace

int main(int argc, char** argv) {
  auto t0 = Clock::now();
  dragoman::TextConfig config;
  config.data_dir = DRAGOMAN_SOURCE_DATA_DIR;
  auto ta = dragoman::TextAnalyzer::Create(config);
  if (!ta.ok()) {
    std::fprintf(stderr, "text_bench: %s\n", ta.status().message().c_str());
    return 1;
  }
  std::printf("load (abbreviations, furniture, WordNet): %.3f s\n", Seconds(t0));

  std::string corpus = Corpus(argc, argv);
  size_t sentences = 0, tokens = 0;
  double best = 1e9;
  for (int rep = 0; rep < 3; ++rep) {
    auto t = Clock::now();
    std::vector<dragoman::Sentence> ss = (*ta)->Analyze(corpus);
    best = std::min(best, Seconds(t));
    sentences = ss.size();
    tokens = 0;
    for (const auto& s : ss) tokens += s.tokens.size();
  }
  std::printf("prose: %.1f MB in %.3f s = %.2f MB/s (%zu sentences, %zu tokens)\n",
              corpus.size() / 1e6, best, corpus.size() / 1e6 / best, sentences, tokens);

  std::string line;
  while (line.size() < (8u << 20)) line += "ministers met again and talked about trade ";
  auto t = Clock::now();
  std::vector<dragoman::Sentence> ss = (*ta)->Analyze(line);
  double secs = Seconds(t);
  std::printf("one unpunctuated line: %.1f MB in %.3f s = %.2f MB/s (%zu sentences)\n",
              line.size() / 1e6, secs, line.size() / 1e6 / secs, ss.size());

  const dragoman::Lemmatizer& lm = (*ta)->lemmatizer();
  const char* words[] = {"pardoned", "met", "ministries", "talks", "qwzx",      "azerbaijan",
                         "held",     "was", "meeting",    "the",   "relations", "stressed"};
  const int n = 200000;
  size_t sink = 0;
  t = Clock::now();
  for (int i = 0; i < n; ++i) {
    for (const char* w : words) sink += lm.Analyze(w).lemma.size();
  }
  secs = Seconds(t);
  std::printf("lemma lookup (verb+noun+adj): %.3f us per word (checksum %zu)\n",
              secs * 1e6 / (n * std::size(words)), sink);
  return 0;
}
