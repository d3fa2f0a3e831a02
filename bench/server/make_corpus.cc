// Builds the server bench's corpus: N documents as JSON Lines on stdout, made by replicating the
// documents read from the given inputs (examples/, ../shared/seeds) with new ids and publication
// dates spread over the years, so that every copy is a distinct document (its content hash covers
// the date) and the corpus has a long timeline.
//   make_corpus N INPUT... > corpus.jsonl
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "base/date.h"
#include "input/reader.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: make_corpus N INPUT...\n";
    return 2;
  }
  const long n = std::atol(argv[1]);
  std::vector<std::string> inputs(argv + 2, argv + argc);
  dragoman::DocumentReader reader(inputs, {});
  std::vector<dragoman::Document> docs;
  while (true) {
    auto next = reader.Next();
    if (!next.ok()) {
      std::cerr << "make_corpus: " << next.status().message() << "\n";
      continue;
    }
    if (!next->has_value()) break;
    docs.push_back(std::move(**next));
  }
  if (docs.empty()) {
    std::cerr << "make_corpus: no documents in the inputs\n";
    return 1;
  }
  const dragoman::PartialDate start{2015, 1, 1};
  for (long i = 0; i < n; ++i) {
    const dragoman::Document& d = docs[static_cast<size_t>(i) % docs.size()];
    // Copies of one document are ~3.5 days apart: N = 10,000 spans about ten years.
    long day = (i * 3650) / std::max(1L, n);
    nlohmann::json j;
    j["id"] = "bench-" + std::to_string(i) + "-" + d.id;
    j["date"] = start.AddDays(day).ToString();
    if (!d.title.empty()) j["title"] = d.title;
    if (!d.source.empty()) j["source"] = d.source;
    j["text"] = d.text;
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  }
  return 0;
}
