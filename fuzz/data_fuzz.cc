// Fuzz target: every loader of dragoman's own data directory (doc/cli.md, "Data directory"),
// through each stage's public entry point, so that it follows the loaders wherever they move:
//   text/*       TextAnalyzer::Create       actors/*   ActorDictionaryHandle::Load
//   places/*     Gazetteer::Load            events/*   EventExtractor::Create
//   classify/*   TypeClassifier::Load       VERSION    FindDataDir
//   lexicon/*    Lexicon::Load, then every stage that asks it for word classes
// The first byte picks the file; the rest replaces that file in a scratch copy of the shipped
// data/ (the other files are links to the real ones). A load either succeeds or fails with one
// line naming the file; after a successful load an invented sentence is analysed with it. Each
// stage is also loaded with a problem sink (base/data_file.h, `dragoman check-data`), and the two
// policies must agree: a clean load collects nothing, and the first problem collected is the
// error the load without a sink stopped at.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "actors/actor.h"
#include "actors/resolver.h"
#include "base/file.h"
#include "classify/classifier.h"
#include "events/extractor.h"
#include "fuzz/fuzz_util.h"
#include "lexicon/lexicon.h"
#include "place/gazetteer.h"

using dragoman::fuzz::Check;
using dragoman::fuzz::CheckError;
namespace fs = std::filesystem;

namespace {

// The files a fuzz input may replace (paths under data/).
const std::vector<std::string>& Files() {
  static const std::vector<std::string> files = [] {
    std::vector<std::string> v;
    for (const auto& e : fs::recursive_directory_iterator(dragoman::fuzz::DataDir())) {
      if (!e.is_regular_file()) continue;
      std::string rel = fs::relative(e.path(), dragoman::fuzz::DataDir()).string();
      if (rel.starts_with("gold/") || rel.ends_with("README.txt")) continue;  // gold_fuzz
      v.push_back(rel);
    }
    std::sort(v.begin(), v.end());
    return v;
  }();
  return files;
}

// A scratch data directory: every shipped file linked, plus a tiny WordNet so that the text
// stage loads in milliseconds. Removed at exit.
// Never destroyed: the exit handler that removes it runs after static destructors.
const std::string& Scratch() {
  static const std::string* dir = [] {
    auto* owned = new std::string(
        (fs::temp_directory_path() / ("dragoman-data-fuzz-" + std::to_string(getpid()))).string());
    const std::string& d = *owned;
    fs::remove_all(d);
    for (const std::string& rel : Files()) {
      fs::create_directories(fs::path(d + "/" + rel).parent_path());
      fs::create_symlink(dragoman::fuzz::DataDir() + "/" + rel, d + "/" + rel);
    }
    fs::create_directories(d + "/wordnet");
    std::ofstream(d + "/wordnet/index.verb")
        << "meet v 1 1 @ 1 0 00000001\nsign v 1 1 @ 1 0 00000002\n";
    std::ofstream(d + "/wordnet/index.noun")
        << "minister n 1 1 @ 1 0 00000003\ntreaty n 1 1 @ 1 0 00000004\n";
    std::ofstream(d + "/wordnet/index.adj") << "foreign a 1 1 & 1 0 00000005\n";
    for (const char* exc : {"verb.exc", "noun.exc", "adj.exc"}) {
      std::ofstream(d + "/wordnet/" + exc) << "met meet\n";
    }
    std::atexit([] { fs::remove_all(Scratch()); });
    return owned;
  }();
  return *dir;
}

dragoman::TextConfig ScratchText() {
  dragoman::TextConfig c;
  c.data_dir = Scratch();
  c.wordnet_dir = Scratch() + "/wordnet";
  return c;
}

// `stopped`: the load without a sink; `collected`/`sink`: the same load with one.
void CheckPoliciesAgree(const dragoman::Status& stopped, const dragoman::Status& collected,
                        const dragoman::DataProblems& sink) {
  for (const dragoman::Status& p : sink.all()) CheckError(p);
  if (stopped.ok()) {
    Check(collected.ok() && sink.empty(), "a clean load collected problems");
  } else if (stopped.code() != dragoman::Status::Code::kBadData) {
    Check(collected.code() == stopped.code(), "a sink changed a failure that is not bad data");
  } else {
    Check(!sink.empty() || !collected.ok(), "a sink lost the problem");
    Check((sink.empty() ? collected.message() : sink.all()[0].message()) == stopped.message(),
          "the first problem collected is not the error of the load without a sink");
  }
}

constexpr std::string_view kSentence =
    "The foreign minister of Freedonia met the envoy of Sylvania in the capital on 3 March 2024.";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > dragoman::fuzz::kMaxInput) return 0;
  const std::string& rel = Files()[data[0] % Files().size()];
  const std::string path = Scratch() + "/" + rel;
  fs::remove(path);
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  const auto restore = [&] {
    fs::remove(path);
    fs::create_symlink(dragoman::fuzz::DataDir() + "/" + rel, path);
  };

  const std::string top = rel.substr(0, rel.find('/'));
  if (top == "text") {
    auto ta = dragoman::TextAnalyzer::Create(ScratchText());
    if (ta.ok()) {
      (*ta)->Analyze(kSentence);
    } else {
      CheckError(ta.status());
    }
    dragoman::DataProblems sink;
    dragoman::TextConfig tc = ScratchText();
    tc.problems = &sink;
    CheckPoliciesAgree(ta.status(), dragoman::TextAnalyzer::Create(tc).status(), sink);
  } else if (top == "actors") {
    dragoman::ActorConfig c;
    c.data_dir = Scratch();
    auto d = dragoman::ActorDictionaryHandle::Load(c, dragoman::fuzz::Analyzer());
    if (d.ok()) {
      for (const auto& s : dragoman::fuzz::Analyzer().Analyze(kSentence)) {
        dragoman::ActorResolver resolver(*d, std::nullopt);
        resolver.Resolve(s, kSentence);
      }
    } else {
      CheckError(d.status());
    }
    dragoman::DataProblems sink;
    c.problems = &sink;
    auto collected = dragoman::ActorDictionaryHandle::Load(c, dragoman::fuzz::Analyzer());
    CheckPoliciesAgree(d.status(), collected.status(), sink);
  } else if (top == "places") {
    auto g = dragoman::Gazetteer::Load(Scratch(), dragoman::fuzz::Analyzer());
    if (g.ok()) {
      for (const auto& s : dragoman::fuzz::Analyzer().Analyze(kSentence)) (*g)->Find(s);
    } else {
      CheckError(g.status());
    }
    dragoman::DataProblems sink;
    auto collected = dragoman::Gazetteer::Load(Scratch(), dragoman::fuzz::Analyzer(), &sink);
    CheckPoliciesAgree(g.status(), collected.status(), sink);
  } else if (top == "lexicon") {
    auto lex = dragoman::Lexicon::Load(Scratch() + "/lexicon");
    if (!lex.ok()) CheckError(lex.status());
    auto g = dragoman::Gazetteer::Load(Scratch(), dragoman::fuzz::Analyzer());
    if (!g.ok()) CheckError(g.status());
    dragoman::EventConfig c;
    c.data_dir = Scratch();
    auto e = dragoman::EventExtractor::Create(c, dragoman::fuzz::Analyzer());
    if (!e.ok()) CheckError(e.status());
    dragoman::DataProblems sink;
    auto collected = dragoman::Lexicon::Load(Scratch() + "/lexicon", &sink);
    CheckPoliciesAgree(lex.status(), collected.status(), sink);
  } else if (top == "events") {
    dragoman::EventConfig c;
    c.data_dir = Scratch();
    auto e = dragoman::EventExtractor::Create(c, dragoman::fuzz::Analyzer());
    if (!e.ok()) CheckError(e.status());
    dragoman::DataProblems sink;
    c.problems = &sink;
    auto collected = dragoman::EventExtractor::Create(c, dragoman::fuzz::Analyzer());
    CheckPoliciesAgree(e.status(), collected.status(), sink);
  } else if (top == "classify") {
    auto c = dragoman::TypeClassifier::Load(Scratch());
    if (c.ok()) {
      for (const auto& s : dragoman::fuzz::Analyzer().Analyze(kSentence)) {
        std::vector<dragoman::Event> events;
        dragoman::Document doc;
        doc.text = std::string(kSentence);
        (*c)->Apply(doc, s, {}, {}, &events);
      }
    } else {
      CheckError(c.status());
    }
  } else {
    auto d = dragoman::FindDataDir(Scratch());
    if (!d.ok()) CheckError(d.status());
  }
  restore();
  return 0;
}
